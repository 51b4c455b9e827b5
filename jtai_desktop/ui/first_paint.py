"""Work that waits until a window is on the screen: it starts a moment after the window's
first paint, never before it, however long building the window took.

A plain timer started while the window is built can fall due before the window has been
painted (on a slow or busy laptop building takes longer than the timer's delay) and then
runs ahead of the paint in the event loop's first pass, keeping the inspector looking at
nothing for longer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], None], delay_ms: int):
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._delay_ms = delay_ms
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # The window as context: nothing runs if it is gone by then.
            QTimer.singleShot(self._delay_ms, self._window, self._callback)
            self.deleteLater()
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None], delay_ms: int = 0) -> None:
    """Call ``callback`` ``delay_ms`` after ``window``'s next paint (its first, when called
    while the window is built or shown)."""
    _FirstPaint(window, callback, delay_ms)
