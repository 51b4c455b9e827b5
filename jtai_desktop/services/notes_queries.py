"""Reads the notes page needs (lists, choices) and deleting a note. No Qt.

The choices (children, agencies, criteria) are shared with the evidence page, which links
evidence to the same records.
"""

from __future__ import annotations

from .changes import ChangeSet
from .inspections import theme_pack
from .workspace import Workspace

Choice = tuple[str, str]  # (record id, what the user sees)


def notes_list(ws: Workspace, inspection_id: str) -> list[dict]:
    """Every note of the inspection, newest date first."""
    rows = ws.rows("note", inspection_id)
    return sorted(rows, key=lambda n: (n["date"] or "", n["created_at"] or ""), reverse=True)


def delete_note(ws: Workspace, note_id: str) -> ChangeSet:
    """Delete a note and the evidence links that point at it, as one undoable edit."""
    row = ws.require("note", note_id)
    with ws.db.atomic():
        changes = ws.delete("note", note_id, label="Delete note")
        for link in _links_to(ws, row["inspection_id"], "note", note_id):
            changes += ws.delete("link", link["id"])
    return changes


def _links_to(ws: Workspace, inspection_id: str, kind: str, target_id: str) -> list[dict]:
    return ws.rows("link", inspection_id, "target_kind = ? AND target_id = ?", (kind, target_id))


def child_choices(ws: Workspace, inspection_id: str) -> list[Choice]:
    """Children by pseudonym only: the page never shows a child's real details."""
    rows = ws.rows("child", inspection_id, order_by="pseudonym")
    return sorted(((c["id"], c["pseudonym"]) for c in rows), key=lambda c: _natural(c[1]))


def agency_choices(ws: Workspace, inspection_id: str) -> list[Choice]:
    rows = ws.rows("agency", inspection_id, order_by="name")
    return [(a["id"], a["name"]) for a in rows]


def criterion_choices(ws: Workspace, inspection_id: str) -> list[Choice]:
    return [(c.id, f"{c.id}  {c.title}") for c in theme_pack(ws, inspection_id).criteria]


def _natural(label: str) -> tuple:
    """ "Child B" before "Child AA", as the pseudonyms are handed out."""
    words = label.split()
    last = words[-1] if words else ""
    return (len(last), label)
