"""The lead's moderation in the merge review: settling a conflict between the team's values,
and marking case reviews and findings as moderated. Both are edits, undone like any other."""

from __future__ import annotations

from ..domain.errors import ValidationError
from .changes import ChangeSet
from .team import is_lead
from .workspace import Workspace

MODERATED_KINDS = ("review", "finding")


def settle_conflict(
    ws: Workspace, inspection_id: str, entity_id: str, field: str, value, label: str = ""
) -> ChangeSet:
    """Settle a conflict with ``value``: one new value that names every competing one as
    seen. Undoing it opens the same conflict again."""
    _require_lead(ws, inspection_id, "settles conflicts")
    return ws.resolve(entity_id, field, value, label or "Settle a conflict")


def mark_moderated(ws: Workspace, inspection_id: str, records: list[tuple[str, str]]) -> ChangeSet:
    """Mark these (record kind, id) case reviews and findings as moderated, undoable at once."""
    _require_lead(ws, inspection_id, "moderates case reviews and findings")
    unknown = sorted({kind for kind, _ in records} - set(MODERATED_KINDS))
    if unknown:
        raise ValidationError(f"Only case reviews and findings are moderated, not {unknown[0]}.")
    changes = ChangeSet("Mark as moderated", ())
    for kind, record_id in records:
        changes += ws.update(kind, record_id, {"moderated": True})
    return changes


def _require_lead(ws: Workspace, inspection_id: str, does: str) -> None:
    if not is_lead(ws, inspection_id):
        raise ValidationError(f"Only the lead inspector {does}.")
