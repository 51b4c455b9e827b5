"""Who looks at what: inspectors allocated to children, organisations and timetable sessions,
each inspector's own work, the gaps the lead must fill, and inspectors' specialisms.

An allocation's id is derived from what it joins, so two inspectors allocating the same
person offline make one record, and removing it then restoring it brings the same one back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.errors import ValidationError
from ..domain.fieldwork import ALLOCATABLE, allocation_gaps
from ..domain.record_types import AllocationRow, Row
from .changes import ChangeSet
from .ids import derived_id
from .organisations import organisations
from .workspace import Workspace


def allocation_id(member_id: str, target_kind: str, target_id: str) -> str:
    return derived_id("allocation", target_kind, target_id, member_id)


def set_inspectors(
    ws: Workspace, target_kind: str, target_id: str, member_ids: Iterable[str], label: str = ""
) -> ChangeSet:
    """Make exactly these inspectors allocated to one child, organisation or session (one
    undoable edit: the ones added and the ones taken off)."""
    target = _require_target(ws, target_kind, target_id)
    inspection_id = target["inspection_id"]
    wanted = list(dict.fromkeys(member_ids))
    _require_members(ws, inspection_id, wanted)
    current = set(inspectors_of(ws, inspection_id, target_kind, target_id))
    changes = ChangeSet(label or "Allocate inspectors", ())
    with ws.transaction():
        for member_id in wanted:
            if member_id not in current:
                changes += ws.upsert(
                    "allocation",
                    inspection_id,
                    allocation_id(member_id, target_kind, target_id),
                    {"member_id": member_id, "target_kind": target_kind, "target_id": target_id},
                )
        for member_id in sorted(current - set(wanted)):
            changes += ws.delete("allocation", allocation_id(member_id, target_kind, target_id))
    return changes


def allocate(ws: Workspace, member_id: str, target_kind: str, target_id: str) -> ChangeSet:
    target = _require_target(ws, target_kind, target_id)
    now = inspectors_of(ws, target["inspection_id"], target_kind, target_id)
    return set_inspectors(ws, target_kind, target_id, [*now, member_id], label="Allocate")


def unallocate(ws: Workspace, member_id: str, target_kind: str, target_id: str) -> ChangeSet:
    target = _require_target(ws, target_kind, target_id)
    now = inspectors_of(ws, target["inspection_id"], target_kind, target_id)
    rest = [m for m in now if m != member_id]
    return set_inspectors(ws, target_kind, target_id, rest, label="Take off")


def _require_target(ws: Workspace, target_kind: str, target_id: str) -> Row:
    if target_kind not in ALLOCATABLE:
        raise ValidationError(
            f"Only {', '.join(k.replace('_', ' ') for k in ALLOCATABLE)} can be allocated, "
            f"not {target_kind!r}."
        )
    return ws.require(target_kind, target_id)


def _require_members(ws: Workspace, inspection_id: str, member_ids: list[str]) -> None:
    team = {m["id"] for m in ws.rows("member", inspection_id)}
    if any(m not in team for m in member_ids):
        raise ValidationError("Only members of this inspection's team can be allocated.")


def allocations(ws: Workspace, inspection_id: str) -> list[AllocationRow]:
    return ws.rows("allocation", inspection_id)


def inspectors_of(ws: Workspace, inspection_id: str, target_kind: str, target_id: str) -> list[str]:
    return [
        a["member_id"]
        for a in ws.rows(
            "allocation",
            inspection_id,
            "target_kind = ? AND target_id = ?",
            (target_kind, target_id),
        )
    ]


def inspectors_by_target(ws: Workspace, inspection_id: str) -> dict[tuple[str, str], list[str]]:
    """(kind, id) of each allocated item -> its inspectors' member ids."""
    found: dict[tuple[str, str], list[str]] = {}
    for row in allocations(ws, inspection_id):
        found.setdefault((row["target_kind"], row["target_id"]), []).append(row["member_id"])
    return found


@dataclass(frozen=True)
class Allocatable:
    kind: str  # child, agency or timetable_entry
    row: Row
    inspectors: tuple[str, ...]  # member ids


def allocatable(ws: Workspace, inspection_id: str) -> list[Allocatable]:
    """Every child, in-scope organisation and session, with who is allocated to it."""
    by_target = inspectors_by_target(ws, inspection_id)
    items: list[tuple[str, Row]] = [
        *(("child", r) for r in ws.rows("child", inspection_id, order_by="pseudonym")),
        *(("agency", r) for r in organisations(ws, inspection_id, in_scope_only=True)),
        *(
            ("timetable_entry", r)
            for r in ws.rows("timetable_entry", inspection_id, order_by="date, start_time, title")
        ),
    ]
    return [Allocatable(k, r, tuple(by_target.get((k, r["id"]), ()))) for k, r in items]


def gaps(ws: Workspace, inspection_id: str) -> list[Allocatable]:
    """What nobody is allocated to yet, for the lead."""
    items = allocatable(ws, inspection_id)
    allocated = [(i.kind, i.row["id"]) for i in items if i.inspectors]
    missing = set(allocation_gaps([(i.kind, i.row["id"]) for i in items], allocated))
    return [i for i in items if (i.kind, i.row["id"]) in missing]


def my_work(ws: Workspace, inspection_id: str, member_id: str | None = None) -> list[Allocatable]:
    """What one inspector (by default whoever acts on this computer) is allocated to."""
    member_id = member_id or ws.author_for(inspection_id)
    return [i for i in allocatable(ws, inspection_id) if member_id in i.inspectors]


def set_specialism(ws: Workspace, member_id: str, specialism: str | None) -> ChangeSet:
    member = ws.require("member", member_id)
    text = (specialism or "").strip() or None
    if text is not None and len(text) > 60:
        raise ValidationError("Keep a specialism short (60 characters at most), e.g. 'Schools'.")
    return ws.update(
        "member", member_id, {"specialism": text}, label=f"Specialism of {member['name']}"
    )
