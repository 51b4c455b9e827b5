"""Undo commands: each wraps a change set the services returned, and its inverse."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..services.changes import ChangeSet


class ChangeSetCommand(QUndoCommand):
    """Pushed after the edit was made, so the first redo (Qt calls it on push) does nothing."""

    def __init__(self, session, changes: ChangeSet):
        super().__init__(changes.label)
        self._session = session
        self._changes = changes
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        self._session.replay(self._changes)
        self._applied = True

    def undo(self) -> None:
        self._session.replay(self._changes.inverse())
        self._applied = False
