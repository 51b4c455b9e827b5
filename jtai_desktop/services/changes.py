"""Edits as values with inverses, so every edit can be undone and redone.

Every service function that edits returns a ``ChangeSet``; the desktop's one undo command
replays it (``Workspace.apply``) and its inverse. Settling a conflict is an edit too: its
inverse opens the same conflict again, with the same competing values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

SET, CREATE, DELETE, RESTORE = "set", "create", "delete", "restore"
SETTLE, REOPEN = "settle", "reopen"  # a conflict settled with one value, or opened again
_INVERSE = {CREATE: DELETE, DELETE: RESTORE, RESTORE: DELETE, SETTLE: REOPEN, REOPEN: SETTLE}

Competing = tuple[tuple[str, Any], ...]  # (op id, value) of each competing value


@dataclass(frozen=True)
class Change:
    action: str
    entity: str
    entity_id: str
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)  # SETTLE and REOPEN: {field: the settled value}
    competing: Competing = ()  # SETTLE and REOPEN: the values the conflict set side by side

    def inverse(self) -> Change:
        if self.action == SET:
            return replace(self, before=self.after, after=self.before)
        return replace(self, action=_INVERSE[self.action])


@dataclass(frozen=True)
class ChangeSet:
    """One user-visible edit: the changes it made, in order, and a label for the undo menu."""

    label: str
    changes: tuple[Change, ...]

    @property
    def entity_id(self) -> str:
        """The id of the record the edit was about (the first one it touched)."""
        return self.changes[0].entity_id

    @property
    def has_effect(self) -> bool:
        """False for an edit that changed nothing (a save of unchanged text): no undo step."""
        return any(c.action != SET or c.after for c in self.changes)

    def inverse(self) -> ChangeSet:
        return ChangeSet(self.label, tuple(c.inverse() for c in reversed(self.changes)))

    def __add__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.label, self.changes + other.changes)


def combined(label: str, sets: Iterable[ChangeSet]) -> ChangeSet:
    """Several edits made together, undone together under one label."""
    return ChangeSet(label, tuple(change for changes in sets for change in changes.changes))
