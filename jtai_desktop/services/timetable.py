"""The on-site week's timetable: meetings, interviews, focus groups, case tracking and
observation by day and time, who attends (inspectors as allocations, others by role and
organisation) and the clashes between sessions. Entries are records like any other, so the
team's timetables merge when they sync and a clash made on two laptops shows after it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time

from ..domain.calendar import format_date
from ..domain.errors import ValidationError
from ..domain.fieldwork import TIMETABLE_KINDS, Clash, Slot, attendee_key, clashes
from ..domain.record_types import Row, TimetableEntryRow
from ..domain.rules import require_choice, require_text
from ..domain.sensible_dates import as_date, parse_time
from .allocation import allocation_id, inspectors_by_target, set_inspectors
from .changes import ChangeSet
from .roles_only import require_role
from .workspace import Workspace

ENTRY = "timetable_entry"


def add_entry(
    ws: Workspace, inspection_id: str, values: dict, inspectors: Sequence[str] = ()
) -> ChangeSet:
    clean = _checked(ws, inspection_id, values)
    with ws.transaction():
        changes = ws.create(ENTRY, inspection_id, clean, label=f"Add {clean['title']}")
        changes += set_inspectors(ws, ENTRY, changes.entity_id, inspectors)
    return changes


def update_entry(
    ws: Workspace, entry_id: str, values: dict, inspectors: list[str] | None = None
) -> ChangeSet:
    """Change some of an entry's values (and, when given, exactly who of the team attends)."""
    row = ws.require(ENTRY, entry_id)
    merged = {**{k: row.get(k) for k in _FIELDS}, **values}
    clean = _checked(ws, row["inspection_id"], merged)
    with ws.transaction():
        changes = ws.update(
            ENTRY, entry_id, {k: clean[k] for k in values}, label=f"Edit {clean['title']}"
        )
        if inspectors is not None:
            changes += set_inspectors(ws, ENTRY, entry_id, inspectors)
    return changes


def delete_entry(ws: Workspace, entry_id: str) -> ChangeSet:
    """The entry and its inspectors' allocations go together (and come back together)."""
    row = ws.require(ENTRY, entry_id)
    with ws.transaction():
        changes = ws.delete(ENTRY, entry_id, label=f"Delete {row['title']}")
        for member_id in inspectors_by_target(ws, row["inspection_id"]).get((ENTRY, entry_id), []):
            changes += ws.delete("allocation", allocation_id(member_id, ENTRY, entry_id))
    return changes


_FIELDS = ("kind", "title", "date", "start_time", "end_time", "room", "attendees", "children")


def _checked(ws: Workspace, inspection_id: str, values: dict) -> dict:
    clean = {k: v for k, v in values.items() if k in _FIELDS}
    unknown = set(values) - set(_FIELDS)
    if unknown:
        raise ValidationError(f"A timetable entry has no {', '.join(sorted(unknown))}.")
    clean["kind"] = require_choice(values.get("kind"), TIMETABLE_KINDS, "The kind of session")
    clean["title"] = require_text(values.get("title"), "The session's title")
    clean["date"] = as_date(values.get("date"), "The session's date")
    if clean["date"] is None:
        raise ValidationError("Give the day of the session.")
    clean["start_time"] = parse_time(values.get("start_time"), "The start time")
    clean["end_time"] = parse_time(values.get("end_time"), "The end time")
    if clean["start_time"] is None or clean["end_time"] is None:
        raise ValidationError("Give the session's start and end times, e.g. 09:30 and 10:30.")
    if clean["end_time"] <= clean["start_time"]:
        raise ValidationError(
            f"The session ends ({clean['end_time']}) before it starts ({clean['start_time']}); "
            "check the times."
        )
    clean["room"] = (values.get("room") or "").strip() or None
    clean["attendees"] = _attendees(ws, inspection_id, values.get("attendees") or [])
    clean["children"] = _children(ws, inspection_id, values.get("children") or [])
    return clean


def _attendees(ws: Workspace, inspection_id: str, attendees: list[dict]) -> list[dict]:
    agencies = {a["id"] for a in ws.rows("agency", inspection_id)}
    result = []
    for attendee in attendees:
        role = require_role(attendee.get("role"), "An attendee's role")
        if role is None:
            continue
        agency = attendee.get("agency") or None
        if agency is not None and agency not in agencies:
            raise ValidationError("Attendees can only be from organisations of this inspection.")
        result.append({"role": role, "agency": agency} if agency else {"role": role})
    return result


def _children(ws: Workspace, inspection_id: str, child_ids: list[str]) -> list[str]:
    known = {c["id"] for c in ws.rows("child", inspection_id)}
    if any(c not in known for c in child_ids):
        raise ValidationError("A session can only name children of this inspection.")
    return list(dict.fromkeys(child_ids))


def entries(ws: Workspace, inspection_id: str) -> list[TimetableEntryRow]:
    """By day and start time."""
    return ws.rows(
        "timetable_entry", inspection_id, order_by="date, start_time, end_time, title, id"
    )


# --- clashes ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ClashView:
    """A clash as the team reads it: which two entries, what they share, and a sentence."""

    first: str
    second: str
    kind: str  # person or room
    message: str


def timetable_clashes(ws: Workspace, inspection_id: str) -> list[ClashView]:
    rows = {row["id"]: row for row in entries(ws, inspection_id)}
    inspectors = inspectors_by_target(ws, inspection_id)
    slots = [_slot(row, inspectors.get((ENTRY, row["id"]), [])) for row in rows.values()]
    names = _names(ws, inspection_id, list(rows.values()))
    return [_view(clash, rows, names) for clash in clashes(slots)]


def _slot(row: Row, inspectors: list[str]) -> Slot:
    others = {attendee_key(a["role"], a.get("agency")) for a in row["attendees"] or []}
    return Slot(
        entry_id=row["id"],
        day=date.fromisoformat(row["date"]),
        start=time.fromisoformat(row["start_time"]),
        end=time.fromisoformat(row["end_time"]),
        room=row["room"],
        people=frozenset({*inspectors, *others}),
    )


def _names(ws: Workspace, inspection_id: str, rows: Sequence[Row]) -> dict[str, str]:
    """Who a clash names: inspectors by name, others by role and organisation."""
    agencies = {a["id"]: a["name"] for a in ws.rows("agency", inspection_id)}
    names = {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}
    for row in rows:
        for a in row["attendees"] or []:
            where = agencies.get(a.get("agency") or "", "")
            names[attendee_key(a["role"], a.get("agency"))] = (
                f"The {a['role']}{f' ({where})' if where else ''}"
            )
    return names


def _view(clash: Clash, rows: Mapping[str, Row], names: dict[str, str]) -> ClashView:
    a, b = rows[clash.first], rows[clash.second]
    day = format_date(date.fromisoformat(a["date"]))
    both = f"'{a['title']}' ({_span(a)}) and '{b['title']}' ({_span(b)})"
    if clash.kind == "room":
        message = f"{clash.who} is booked twice on {day}: {both}."
    else:
        message = f"{names.get(clash.who, clash.who)} is in two places on {day}: {both}."
    return ClashView(clash.first, clash.second, clash.kind, message)


def _span(row: Row) -> str:
    return f"{row['start_time']}\u2013{row['end_time']}"
