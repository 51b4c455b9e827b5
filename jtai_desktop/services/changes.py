"""Edits as values with inverses, so every edit can be undone and redone."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

SET, CREATE, DELETE, RESTORE = "set", "create", "delete", "restore"
_INVERSE = {CREATE: DELETE, DELETE: RESTORE, RESTORE: DELETE}


@dataclass(frozen=True)
class Change:
    action: str
    entity: str
    entity_id: str
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)

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
