"""The one way a delete is confirmed: it happens at once, and the status bar says what went
with an Undo button beside it (Ctrl+Z does the same), until the next edit or a while later.
No "Are you sure?" box to click through, and no doubt that undo brings it back."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from .shortcuts import key_text

SHOWN_MS = 15_000


class UndoNotice(QWidget):
    """Shown by ``session.removed`` (what was deleted, in words)."""

    def __init__(self, session, undo_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._undo_action = undo_action
        self._index = -1  # the undo stack's index just after the delete
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("What was deleted"))
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(
            self.tr("Bring it back (%1)").replace("%1", key_text("edit.undo"))
        )
        self.undo_button.clicked.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.undo_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        session.removed.connect(self.say)
        session.undo_stack.indexChanged.connect(self._on_index)
        self.hide()

    def say(self, text: str) -> None:
        self.label.setText(text)
        self._index = self.session.undo_stack.index()
        self.show()
        self._timer.start()

    def undo(self) -> None:
        if self.session.undo_stack.index() == self._index:
            self.session.undo_stack.undo()
        self.hide()

    def _on_index(self, index: int) -> None:
        if index != self._index:  # undone, or another edit came after: the notice is stale
            self.hide()
