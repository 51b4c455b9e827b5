"""Notes of meetings, interviews, focus groups and observations of practice: writing them,
deleting them, and the list the notes page shows."""

from __future__ import annotations

from ..domain.errors import ValidationError
from ..domain.record_types import LinkRow, NoteRow
from ..domain.rules import check_note_consent, require_text
from ..store import records
from .changes import ChangeSet
from .inspections import theme_pack
from .workspace import Workspace

NOTE_DEFAULTS = {
    "text": "",
    "attendees": [],
    "children": [],
    "criteria": [],
    "children_or_families_present": False,
    "consent_recorded": False,
}


def add_note(
    ws: Workspace, inspection_id: str, *, kind: str, date, title: str, **values
) -> ChangeSet:
    note = {
        **NOTE_DEFAULTS,
        "kind": kind,
        "date": date,
        "title": require_text(title, "The note's title"),
        **values,
    }
    _check_note(ws, inspection_id, note, set(note))
    return ws.create("note", inspection_id, note, label="Add note")


def update_note(ws: Workspace, note_id: str, **values) -> ChangeSet:
    row = ws.require("note", note_id)
    if "title" in values:
        values["title"] = require_text(values["title"], "The note's title")
    _check_note(ws, row["inspection_id"], {**row, **values}, set(values))
    return ws.update("note", note_id, values, label="Edit note", row=row)


def delete_note(ws: Workspace, note_id: str) -> ChangeSet:
    """Delete a note and the evidence links that point at it, as one undoable edit."""
    row = ws.require("note", note_id)
    with ws.transaction():
        changes = ws.delete("note", note_id, label="Delete note")
        for link in _links_to(ws, row["inspection_id"], "note", note_id):
            changes += ws.delete("link", link["id"])
    return changes


def _links_to(ws: Workspace, inspection_id: str, kind: str, target_id: str) -> list[LinkRow]:
    return ws.rows("link", inspection_id, "target_kind = ? AND target_id = ?", (kind, target_id))


def notes_list(ws: Workspace, inspection_id: str) -> list[NoteRow]:
    """Every note of the inspection, newest date first."""
    rows = ws.rows("note", inspection_id)
    return sorted(rows, key=lambda n: (n["date"] or "", n["created_at"] or ""), reverse=True)


def _check_note(ws: Workspace, inspection_id: str, note: dict, changed: set[str]) -> None:
    """The rules a note keeps; what refers to other records is checked when it changes (an
    autosave of the text reads nothing else)."""
    check_note_consent(
        note["kind"], bool(note["children_or_families_present"]), bool(note["consent_recorded"])
    )
    if "attendees" in changed:
        _check_attendees(note["attendees"])
    children = list(note["children"] or []) if "children" in changed else []
    if set(children) - records.existing_ids(ws.db, "child", children):
        raise ValidationError("A note can only mention children recorded in this inspection.")
    criteria = set(note["criteria"] or []) if "criteria" in changed else set()
    if criteria:
        known = {c.id for c in theme_pack(ws, inspection_id).criteria}
        if criteria - known:
            raise ValidationError(f"Unknown criteria: {', '.join(sorted(criteria - known))}.")


def _check_attendees(attendees) -> None:
    """Staff are recorded by job title and agency, never by name."""
    for attendee in attendees or []:
        if not isinstance(attendee, dict) or not (attendee.get("role") or "").strip():
            raise ValidationError(
                "Each attendee needs a role (a job title), e.g. "
                "'social worker', with the agency they work for."
            )
        if set(attendee) - {"role", "agency"}:
            raise ValidationError("Record attendees by role and agency only, not by name.")
