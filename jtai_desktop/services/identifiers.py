"""What the letter check must know: every value any child's identifying fields ever held in
this inspection.

The change log keeps every value written, so a child whose record was deleted, a name that
was corrected, and both sides of a conflict are all still known to the check: a finding
that names a deleted child is blocked like one that names a child on the list today.
Pseudonyms and the names of the inspection's agencies are passed too, as words that are
never a person's name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..report.gate import ChildDetails, SensitiveDetails
from ..store import oplog
from .workspace import Workspace

TEXT_FIELDS: dict[str, Callable[[str], ChildDetails]] = {
    "private_name": lambda value: ChildDetails(name=value),
    "case_ref": lambda value: ChildDetails(case_ref=value),
    "private_address": lambda value: ChildDetails(address=value),
    "private_school": lambda value: ChildDetails(school=value),
}


def sensitive_details(
    ws: Workspace, inspection_id: str, also_allowed: tuple[str, ...] = ()
) -> SensitiveDetails:
    """Every child's identifying details, now and ever, for the gate only. ``also_allowed``:
    public words the letter's standard wording needs (the inspectorates' mailbox)."""
    row = ws.require("inspection", inspection_id)
    kids = [*_current(ws, inspection_id), *_ever(ws, inspection_id)]
    pseudonyms = oplog.field_values(ws.db, inspection_id, "child", "pseudonym")
    pseudonyms += [c["pseudonym"] for c in ws.rows("child", inspection_id)]
    agencies = [a["name"] for a in ws.rows("agency", inspection_id)]
    allowed = [str(v) for v in (*pseudonyms, *agencies, *also_allowed) if v]
    return SensitiveDetails(kids, row["area"] or "", allowed)


def _current(ws: Workspace, inspection_id: str) -> list[ChildDetails]:
    return [
        ChildDetails(
            c["private_name"] or "",
            c["case_ref"] or "",
            _date(c["private_dob"]),
            c["private_address"] or "",
            c["private_school"] or "",
        )
        for c in ws.rows("child", inspection_id)
    ]


def _ever(ws: Workspace, inspection_id: str) -> list[ChildDetails]:
    """One ChildDetails per value ever written to an identifying field, deleted children's
    and overwritten values included."""
    kids = []
    for field, details in TEXT_FIELDS.items():
        for value in oplog.field_values(ws.db, inspection_id, "child", field):
            if isinstance(value, str) and value.strip():
                kids.append(details(value))
    for value in oplog.field_values(ws.db, inspection_id, "child", "private_dob"):
        if dob := _date(value):
            kids.append(ChildDetails(dob=dob))
    return kids


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
