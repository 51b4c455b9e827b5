"""Noticing that nobody has touched the app for a while (to lock it)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

# Input a person makes; other events (repaints, timers, sync) must not keep the window open.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.Shortcut,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``timeout_ms`` without user input anywhere in the app.

    Input reaches a top-level window (QWindow) before its widgets, so a filter on each
    window that takes the focus sees every keystroke and click while seeing none of the
    thousands of paint and layout events an application-wide filter would pay for.
    Restarting a timer on each mouse move would be wasteful too, so input only notes the
    time; the timer, when it fires, reschedules itself for whatever is left.
    ``timeout_ms == 0`` means never.
    """

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timeout_ms = max(0, int(timeout_ms))
        self._last_input = time.monotonic()
        self._active = False  # started and not stopped (the timer is off while "never")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._watched: set[int] = set()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)
            self.watch(app.focusWindow())

    def watch(self, window: QWindow | None) -> None:
        if window is None or id(window) in self._watched:
            return
        window.installEventFilter(self)
        self._watched.add(id(window))
        window.destroyed.connect(lambda *_, key=id(window): self._watched.discard(key))

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = max(0, int(timeout_ms))
        if self._active:
            self.start()

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(int(minutes) * 60_000)

    def start(self) -> None:
        """Start counting from now (again)."""
        self._active = True
        self._last_input = time.monotonic()
        if self._timeout_ms:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        left_ms = self._timeout_ms - int((time.monotonic() - self._last_input) * 1000)
        if left_ms > 0:
            self._timer.start(left_ms)
        else:
            self._active = False
            self.idle.emit()

    def close(self) -> None:
        self.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.disconnect(self.watch)
