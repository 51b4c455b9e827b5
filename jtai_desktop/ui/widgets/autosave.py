"""Autosave, the one way every editor saves: a short while after the last keystroke, and at
once when the focus leaves the field, so no editor needs a Save button.

``Autosave`` is the timer and the focus watch an editor keeps per field (or per form);
``AutosavedText`` is a plain-text box with one built in, for the case screens' notes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

AUTOSAVE_MS = 800  # after the last keystroke


class Autosave(QObject):
    """Calls ``save`` a short while after the last ``poke`` (a keystroke), and at once when the
    focus leaves ``widget`` (or any widget given to ``watch``) with a save pending."""

    def __init__(self, widget: QWidget | None, save: Callable[[], object], parent: QObject):
        super().__init__(parent)
        self._save = save
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self._save)
        if widget is not None:
            self.watch(widget)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def poke(self, *_args) -> None:
        """Something was typed: save once typing pauses."""
        self.timer.start()

    def pending(self) -> bool:
        return self.timer.isActive()

    def flush(self) -> None:
        """Save now if a save is pending."""
        if self.timer.isActive():
            self.timer.stop()
            self._save()

    def cancel(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False


class AutosavedText(QPlainTextEdit):
    """Plain text that saves itself after a pause in typing and when focus leaves.

    ``commit`` carries the text to save. ``set_stored`` shows what the services hold, unless
    the user is in the middle of an edit that has not been saved yet.
    """

    commit = Signal(str)

    def __init__(self, parent: QWidget | None = None, lines: int = 4):
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, as everywhere else in the form
        self._stored = ""
        self._loading = False
        self.autosave = Autosave(self, self.flush, self)
        self.textChanged.connect(self._on_text_changed)
        self.set_visible_lines(lines)

    def set_visible_lines(self, lines: int) -> None:
        """Height for a few lines of the current font; the rest scrolls."""
        margins = self.contentsMargins()
        height = (
            self.fontMetrics().lineSpacing() * lines
            + 2 * self.document().documentMargin()
            + margins.top()
            + margins.bottom()
            + 4
        )
        self.setMinimumHeight(int(height))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def set_stored(self, text: str | None) -> None:
        self._stored = text or ""
        if self.has_pending() or self.toPlainText() == self._stored:
            return
        position = self.textCursor().position()
        self._loading = True
        self.setPlainText(self._stored)
        self._loading = False
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self._stored)))
        self.setTextCursor(cursor)

    def has_pending(self) -> bool:
        return self.autosave.pending()

    def flush(self) -> None:
        """Save now if the text differs from what is stored."""
        self.autosave.cancel()
        text = self.toPlainText()
        if text != self._stored:
            self._stored = text
            self.commit.emit(text)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.autosave.poke()
