"""Children and the timeline of their cases: recording them, and the reads of the children
screens.

The list of children needs, per child, its involved agencies, how many observations are
written out of the criteria that apply, and when anything about the case last changed.
``children_overview`` gathers that for a whole inspection in a handful of queries, so a list
of hundreds of children loads at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.errors import ValidationError
from ..domain.record_types import AgencyRow, ChildRow, EventRow
from ..domain.records import AGE_BANDS, EventKind
from ..domain.review_scope import criteria_expected
from ..domain.rules import (
    check_selection,
    nth_pseudonym,
    pseudonym_key,
    require_choice,
    require_text,
)
from ..domain.sensible_dates import as_date, check_history_date, parse_time
from ..domain.themes import ThemePack
from ..store import child_progress
from .changes import ChangeSet
from .history_dates import history_bounds
from .inspections import Choice, check_agencies, ordered_agencies, theme_pack
from .workspace import Workspace

PRIVATE_FIELDS = ("private_name", "private_dob", "private_address", "private_school")


# --- recording children -------------------------------------------------------------------
def add_child(
    ws: Workspace,
    inspection_id: str,
    *,
    pseudonym: str,
    selection: str,
    age_band: str | None = None,
    case_ref: str | None = None,
    agencies: tuple[str, ...] = (),
    summary: str | None = None,
    private: dict | None = None,
) -> ChangeSet:
    values = {
        "pseudonym": require_text(pseudonym, "The child's pseudonym"),
        "selection": check_selection(selection),
        "age_band": age_band,
        "case_ref": case_ref,
        "agencies": list(agencies),
        "summary": summary,
        **_private(private),
    }
    _check_child(ws, inspection_id, values)
    return ws.create("child", inspection_id, values, label=f"Add {values['pseudonym']}")


def update_child(ws: Workspace, child_id: str, **values) -> ChangeSet:
    row = ws.require("child", child_id)
    if "selection" in values:
        check_selection(values["selection"])
    if "pseudonym" in values:
        values["pseudonym"] = require_text(values["pseudonym"], "The child's pseudonym")
    _check_child(ws, row["inspection_id"], values, child_id)
    return ws.update("child", child_id, values, label=f"Edit {row['pseudonym']}")


def _private(private: dict | None) -> dict:
    unknown = set(private or {}) - {f.removeprefix("private_") for f in PRIVATE_FIELDS}
    if unknown:
        raise ValidationError(f"Unknown identifying detail: {', '.join(sorted(unknown))}.")
    return {f"private_{k}": v for k, v in (private or {}).items()}


def _check_child(ws: Workspace, inspection_id: str, values: dict, child_id: str = "") -> None:
    if values.get("age_band") is not None:
        require_choice(values["age_band"], AGE_BANDS, "The age band")
    if "agencies" in values:
        check_agencies(ws, inspection_id, values["agencies"])
    if "pseudonym" in values:
        taken = ws.rows(
            "child", inspection_id, "pseudonym = ? AND id != ?", (values["pseudonym"], child_id)
        )
        if taken:
            raise ValidationError(
                f"The pseudonym {values['pseudonym']!r} is already used in "
                "this inspection; choose another."
            )


# --- the timeline of a case ---------------------------------------------------------------
def add_event(
    ws: Workspace,
    child_id: str,
    *,
    date,
    kind: str,
    summary: str,
    agency_id: str | None = None,
    time: str | None = None,
    lookback_reason: str | None = None,
    now: datetime | None = None,
) -> ChangeSet:
    """``time``: HH:MM, when known; ``lookback_reason``: why a date before the look-back is
    recorded; ``now``: what "the future" is measured from (this computer's clock)."""
    child = ws.require("child", child_id)
    values = _event_values(ws, child, date, kind, summary, agency_id, time, lookback_reason, now)
    return ws.create(
        "event", child["inspection_id"], {"child_id": child_id, **values}, label="Add event"
    )


def update_event(
    ws: Workspace,
    event_id: str,
    *,
    date,
    kind: str,
    summary: str,
    agency_id: str | None = None,
    time: str | None = None,
    lookback_reason: str | None = None,
    now: datetime | None = None,
) -> ChangeSet:
    """Correct an event of a child's timeline (its child stays the same)."""
    child = ws.require("child", ws.require("event", event_id)["child_id"])
    values = _event_values(ws, child, date, kind, summary, agency_id, time, lookback_reason, now)
    return ws.update("event", event_id, values, label="Edit event")


def delete_event(ws: Workspace, event_id: str) -> ChangeSet:
    return ws.delete("event", event_id, label="Delete event")


def _event_values(
    ws: Workspace,
    child: ChildRow,
    date,
    kind: str,
    summary: str,
    agency_id: str | None,
    time: str | None,
    lookback_reason: str | None,
    now: datetime | None,
) -> dict:
    require_choice(kind, EventKind.values(), "The kind of event")
    if agency_id:
        check_agencies(ws, child["inspection_id"], [agency_id])
    day = as_date(date, "The date of the event")
    if day is None:
        raise ValidationError("Give the date of the event.")
    at = parse_time(time, "The time of the event")
    reason = (lookback_reason or "").strip() or None
    bounds = history_bounds(ws, child["inspection_id"], now)
    check_history_date(day, at, bounds, what="The date of the event", reason=reason)
    return {
        "date": day,
        "time": at,
        "kind": kind,
        "agency_id": agency_id,
        "summary": require_text(summary, "What happened"),
        "lookback_reason": reason,
    }


def timeline(ws: Workspace, child_id: str) -> list[EventRow]:
    child = ws.require("child", child_id)
    return ws.rows(
        "event",
        child["inspection_id"],
        "child_id = ?",
        (child_id,),
        order_by="date, time IS NULL, time, created_at, id",
    )


# --- the children list --------------------------------------------------------------------
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
    child: ChildRow, agencies: dict[str, AgencyRow], pack: ThemePack, written: set, latest: dict
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


def involved_agencies(ws: Workspace, child: ChildRow) -> list[AgencyRow]:
    found = (ws.get("agency", agency_id) for agency_id in child["agencies"] or [])
    return ordered_agencies([a for a in found if a is not None])


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


def child_choices(ws: Workspace, inspection_id: str) -> list[Choice]:
    """Children by pseudonym only: a picker never shows a child's real details."""
    rows = ws.rows("child", inspection_id)
    return sorted(((c["id"], c["pseudonym"]) for c in rows), key=lambda c: pseudonym_key(c[1]))
