"""The main window's sections, and pages built the first time they are asked for.

The navigator needs only each section's key, title and the record kinds it shows; the page
itself (its module, models and widgets) is imported and built on first use. Building every
page up front used to cost more than a bare Qt window takes to start, so the window now
opens with just the page it shows first and creates the others when the inspector goes there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    entities: tuple[str, ...]  # record kinds shown there: a search hit of that kind jumps here
    location: str  # "module:Class" under jtai_desktop.ui.pages
    icon: str = "circle"  # the navigator's icon: a file name in resources/icons, no .svg

    def page_type(self) -> type:
        module, _, name = self.location.partition(":")
        return getattr(import_module(f"{__package__}.pages.{module}"), name)


SECTIONS: tuple[PageSpec, ...] = (
    PageSpec(
        "overview", "Overview", ("inspection", "member", "agency"), "overview:OverviewPage", "home"
    ),
    PageSpec(
        "fieldwork",
        "Fieldwork plan",
        ("allocation", "timetable_entry"),
        "fieldwork:FieldworkPage",
        "calendar",
    ),
    PageSpec(
        "children", "Children", ("child", "event", "audit_eval"), "children:ChildrenPage", "users"
    ),
    PageSpec(
        "front_door",
        "Front door",
        ("front_door_sample", "front_door_settings"),
        "front_door:FrontDoorPage",
        "log-in",
    ),
    PageSpec("reviews", "Case reviews", ("review",), "reviews:CaseReviewPage", "clipboard"),
    PageSpec("area", "The area as a whole", ("area_review",), "area:AreaPage", "map"),
    PageSpec("notes", "Meetings and interviews", ("note",), "notes:NotesPage", "message-square"),
    PageSpec("evidence", "Evidence", ("evidence", "link"), "evidence:EvidencePage", "paperclip"),
    PageSpec("findings", "Findings", ("finding",), "findings:FindingsPage", "flag"),
    PageSpec("search", "Search", (), "search:SearchPage", "search"),
    PageSpec("report", "Report", (), "report:ReportPage", "file-text"),
    PageSpec("matrix", "Evidence matrix", ("code",), "matrix:MatrixPage", "grid"),
    PageSpec("review_merge", "Merge review", (), "merge_review:MergeReviewPage", "git-merge"),
)

BY_KEY = {spec.key: spec for spec in SECTIONS}


def spec_for_entity(entity: str) -> PageSpec | None:
    return next((spec for spec in SECTIONS if entity in spec.entities), None)


class LazyPages(Mapping):
    """``key -> Page`` in navigator order; looking a page up builds it if it is not built yet.

    ``create(spec)`` builds one page (the window adds it to its stack and wires its signals).
    Iterating gives the keys without building anything; ``built()`` gives the pages that exist.
    """

    def __init__(self, specs: tuple[PageSpec, ...], create: Callable[[PageSpec], object]):
        self._specs = {spec.key: spec for spec in specs}
        self._create = create
        self._built: dict[str, object] = {}

    def __getitem__(self, key: str):
        if key not in self._built:
            self._built[key] = self._create(self._specs[key])  # KeyError for an unknown key
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def spec(self, key: str) -> PageSpec:
        return self._specs[key]

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list:
        return [self._built[key] for key in self._specs if key in self._built]
