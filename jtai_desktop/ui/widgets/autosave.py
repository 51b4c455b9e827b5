"""Autosave for the editors: a field is saved a short while after the last keystroke, and
at once when the focus leaves it, so no editor needs a Save button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AUTOSAVE_MS = 800  # after the last keystroke


class Autosave(QObject):
    """Saves a field a short while after the last keystroke, and at once on focus-out."""

    def __init__(self, widget: QWidget, save, parent: QObject):
        super().__init__(parent)
        self._save = save
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self._save)
        widget.installEventFilter(self)

    def poke(self) -> None:
        self.timer.start()

    def pending(self) -> bool:
        return self.timer.isActive()

    def flush(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self._save()

    def cancel(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False
