"""Reads for the children and case review screens.

The list of children needs, per child, its involved agencies, how many observations are
written out of the criteria that apply, and when anything about the case last changed.
``children_overview`` gathers that for a whole inspection in a handful of queries, so a list
of hundreds of children loads at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.organisations import organisation_order
from ..domain.review_scope import criteria_expected
from ..domain.themes import ThemePack
from ..store import child_progress
from .demo import pseudonym as nth_pseudonym
from .ids import audit_eval_id, organisation_audit_id, review_id
from .inspections import theme_pack
from .workspace import Workspace


@dataclass(frozen=True)
class ChildSummary:
    id: str
    pseudonym: str
    selection: str
    age_band: str | None
    agency_ids: tuple[str, ...]
    agency_names: tuple[str, ...]
    done: int  # criteria with an observation written, over all involved agencies
    expected: int  # criteria that apply to the involved agencies
    updated_at: str  # ISO stamp of the latest change to the child, its reviews or events

    @property
    def state(self) -> str:
        """'not_started', 'in_progress' or 'complete'."""
        if self.done == 0:
            return "not_started"
        return "complete" if self.done >= self.expected else "in_progress"


def children_overview(ws: Workspace, inspection_id: str) -> list[ChildSummary]:
    """Every child of the inspection with its review completeness, in pseudonym order."""
    pack = theme_pack(ws, inspection_id)
    agencies = {a["id"]: a for a in ws.rows("agency", inspection_id)}
    written, latest = _review_facts(ws, inspection_id)
    children = [
        _summary(c, agencies, pack, written, latest) for c in ws.rows("child", inspection_id)
    ]
    return sorted(children, key=lambda c: pseudonym_key(c.pseudonym))


def child_overview(ws: Workspace, child_id: str) -> ChildSummary | None:
    """One child's line of the overview (after an edit), or None if it no longer exists."""
    child = ws.get("child", child_id)
    if child is None:
        return None
    inspection_id = child["inspection_id"]
    written, latest = _review_facts(ws, inspection_id, child_id)
    agencies = {a["id"]: a for a in ws.rows("agency", inspection_id)}
    return _summary(child, agencies, theme_pack(ws, inspection_id), written, latest)


def _review_facts(ws: Workspace, inspection_id: str, child_id: str | None = None):
    """Which (child, agency, criterion) have an observation written, and each child's latest
    change to its reviews, events or audit evaluation."""
    return (
        child_progress.written_cells(ws.db, inspection_id, child_id),
        child_progress.latest_work(ws.db, inspection_id, child_id),
    )


def _summary(
    child: dict, agencies: dict, pack: ThemePack, written: set, latest: dict
) -> ChildSummary:
    involved = ordered_agencies([agencies[a] for a in child["agencies"] or [] if a in agencies])
    done = expected = 0
    for agency in involved:
        criteria = criteria_expected(pack, child, agency)
        expected += len(criteria)
        done += sum((child["id"], agency["id"], c.id) in written for c in criteria)
    return ChildSummary(
        id=child["id"],
        pseudonym=child["pseudonym"],
        selection=child["selection"],
        age_band=child["age_band"],
        agency_ids=tuple(a["id"] for a in involved),
        agency_names=tuple(a["name"] for a in involved),
        done=done,
        expected=expected,
        updated_at=max(child["updated_at"] or "", latest.get(child["id"], "")),
    )


def ordered_agencies(agencies: list[dict]) -> list[dict]:
    """Organisations in the usual order: the front door and the statutory partners first,
    then by service type and name within a kind (see ``organisation_order``)."""
    return sorted(agencies, key=organisation_order)


def involved_agencies(ws: Workspace, child: dict) -> list[dict]:
    found = (ws.get("agency", agency_id) for agency_id in child["agencies"] or [])
    return ordered_agencies([a for a in found if a is not None])


_GENERATED = re.compile(r"Child ([A-Z]+)")


def pseudonym_key(name: str) -> tuple:
    """Child A .. Child Z before Child AA, then any other pseudonym alphabetically."""
    match = _GENERATED.fullmatch(name)
    if match:
        return (0, len(match.group(1)), match.group(1))
    return (1, 0, name.casefold())


def next_pseudonym(ws: Workspace, inspection_id: str) -> str:
    """The first "Child X" not yet used in the inspection."""
    taken = {c["pseudonym"] for c in ws.rows("child", inspection_id)}
    n = 0
    while nth_pseudonym(n) in taken:
        n += 1
    return nth_pseudonym(n)


def child_of(ws: Workspace, entity: str, record_id: str) -> str | None:
    """The child a child, event, audit evaluation or review is about."""
    row = ws.get(entity, record_id)
    if row is None:
        return None
    return row["id"] if entity == "child" else row.get("child_id")


def audit_evaluation(ws: Workspace, child_id: str, agency_id: str | None = None) -> dict | None:
    """The evaluation of an organisation's own audit of the case, or of the multi-agency one."""
    key = organisation_audit_id(child_id, agency_id) if agency_id else audit_eval_id(child_id)
    return ws.get("audit_eval", key)


def review_of(ws: Workspace, child_id: str, criterion_id: str, agency_id: str) -> dict | None:
    return ws.get("review", review_id(child_id, criterion_id, agency_id))


def review_evidence(
    ws: Workspace, inspection_id: str, review_ids: list[str]
) -> dict[str, list[dict]]:
    """The evidence linked to each of these reviews, by reference."""
    found: dict[str, list[dict]] = {rid: [] for rid in review_ids}
    if not review_ids:
        return found
    marks = ", ".join("?" for _ in review_ids)
    links = ws.rows(
        "link",
        inspection_id,
        f"target_kind = ? AND target_id IN ({marks})",
        ("review", *review_ids),
    )
    for link in links:
        item = ws.get("evidence", link["evidence_id"])
        if item is not None:
            found[link["target_id"]].append(item)
    for items in found.values():
        items.sort(key=lambda item: item["ref"])
    return found


def evidence_choices(ws: Workspace, inspection_id: str) -> list[dict]:
    return ws.rows("evidence", inspection_id, order_by="ref")
