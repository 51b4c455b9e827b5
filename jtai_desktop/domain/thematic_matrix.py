"""The evidence matrix of a thematic workspace: each area's counts, and the counts summed.

An extract's cell always holds four measures made the same way in every inspection (case
reviews, the strengths and concerns recorded in them, and findings: ``MEASURES``); an area
that coded passages also gives its evidence matrix (``CODED_MEASURES``: distinct sources, by
kind, marked strength or concern, and the voices heard). The two are different measures (a
coded source is not a case review, and a coded strength may come from a note), so they are
never added together: the four are summed over every area, the coded measures only over the
areas that coded, and a view says how many areas each part covers.

A count from 1 to 5 was left out of the extract (``None``); a sum holding one is a range.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

MEASURES = ("reviews", "strengths", "concerns", "findings")
CODED_MEASURES = (
    "sources",
    "notes",
    "case_reviews",
    "front_door",
    "evidence",
    "strengths",
    "concerns",
)
# The evidence matrix's source kinds (domain.coding.SOURCE_KINDS) as coded measures.
KIND_MEASURES = {
    "note": "notes",
    "review": "case_reviews",
    "front_door": "front_door",
    "evidence": "evidence",
}
CODING, REVIEWS_AND_FINDINGS = "coding", "reviews_and_findings"
SMALL_LOW, SMALL_HIGH = 1, 5  # what a suppressed count may be
Key = tuple[str, str]  # (criterion, agency kind)


@dataclass(frozen=True)
class Count:
    """A count that may hold suppressed parts: somewhere from ``low`` to ``high``."""

    low: int = 0
    high: int = 0

    @classmethod
    def of(cls, value: int | None) -> Count:
        return cls(SMALL_LOW, SMALL_HIGH) if value is None else cls(value, value)

    def __add__(self, other: Count) -> Count:
        return Count(self.low + other.low, self.high + other.high)

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def shown(self, small_below: int = 6) -> str:
        """As a person reads it; a known count from 1 to 5 is still 'fewer than 6'."""
        if self.exact:
            return f"fewer than {small_below}" if 0 < self.low < small_below else str(self.low)
        if self.high < small_below:
            return f"fewer than {small_below}"
        return f"{self.low} to {self.high}"

    def as_json(self) -> int | dict[str, int]:
        return self.low if self.exact else {"at_least": self.low, "at_most": self.high}


@dataclass(frozen=True)
class MatrixView:
    """The matrix of one area, or summed over areas."""

    counts: dict[Key, dict[str, Count]] = field(default_factory=dict)  # MEASURES, every area
    coded: dict[Key, dict[str, Count]] = field(default_factory=dict)  # only areas that coded
    voices: dict[Key, dict[str, int]] = field(default_factory=dict)  # voice -> areas heard in
    areas: int = 0  # how many areas the four measures cover
    coded_areas: int = 0  # how many of them coded passages

    def keys(self, criteria_order: Iterable[str] = ()) -> list[Key]:
        """Every cell, in the pack's order of criteria, then by agency kind."""
        order = {c: n for n, c in enumerate(criteria_order)}
        return sorted(
            set(self.counts) | set(self.coded), key=lambda k: (order.get(k[0], len(order)), k)
        )

    def measures(self, key: Key) -> dict[str, Count]:
        return self.counts.get(key) or dict.fromkeys(MEASURES, Count())

    def coded_measures(self, key: Key) -> dict[str, Count] | None:
        """A cell's coded measures; None where no area coded (not zero: nothing was counted)."""
        if not self.coded_areas:
            return None
        return self.coded.get(key) or dict.fromkeys(CODED_MEASURES, Count())

    def voices_shown(self, key: Key) -> str:
        heard = self.voices.get(key, {})
        if self.areas == 1:
            return ", ".join(sorted(heard))
        return ", ".join(f"{v} ({n})" for v, n in sorted(heard.items()))


def source_of(payload: dict[str, Any]) -> str:
    """What an extract's counts were made from."""
    matrix = payload.get("matrix") or {}
    return CODING if matrix.get("source") == CODING else REVIEWS_AND_FINDINGS


def area_matrix(payload: dict[str, Any]) -> MatrixView:
    """One extract's matrix (an extract of the earlier shape has no coded measures)."""
    coding = source_of(payload) == CODING
    view = MatrixView(areas=1, coded_areas=int(coding))
    for cell in payload.get("matrix", {}).get("cells", []):
        key = (cell["criterion"], cell["agency_kind"])
        view.counts[key] = {m: Count.of(cell.get(m)) for m in MEASURES}
        coded = cell.get("coding")
        if coding and isinstance(coded, dict):
            view.coded[key] = {m: Count.of(coded.get(m)) for m in CODED_MEASURES}
            view.voices[key] = dict.fromkeys(coded.get("voices") or (), 1)
    return view


def summed(views: Iterable[MatrixView]) -> MatrixView:
    """The areas' matrices added up, each measure over the areas that have it."""
    total = MatrixView()
    areas = coded_areas = 0
    for view in views:
        areas += view.areas
        coded_areas += view.coded_areas
        _add(total.counts, view.counts, MEASURES)
        _add(total.coded, view.coded, CODED_MEASURES)
        for key, heard in view.voices.items():
            into = total.voices.setdefault(key, {})
            for voice, n in heard.items():
                into[voice] = into.get(voice, 0) + n
    return MatrixView(total.counts, total.coded, total.voices, areas, coded_areas)


def _add(into: dict[Key, dict[str, Count]], cells: dict[Key, dict[str, Count]], measures) -> None:
    for key, values in cells.items():
        cell = into.setdefault(key, {m: Count() for m in measures})
        for m in measures:
            cell[m] = cell[m] + values[m]


def view_json(view: MatrixView) -> list[dict[str, Any]]:
    """A view's cells as ``thematic summary --json`` gives them: the four measures, and
    ``coding`` (the coded measures and voices, or null where no area of the view coded)."""
    cells = []
    for key in sorted(view.keys()):
        coded = view.coded_measures(key)
        cells.append(
            {
                "criterion": key[0],
                "agency_kind": key[1],
                **{m: c.as_json() for m, c in view.measures(key).items()},
                "coding": None
                if coded is None
                else {
                    **{m: c.as_json() for m, c in coded.items()},
                    "voices": dict(sorted(view.voices.get(key, {}).items())),
                },
            }
        )
    return cells
