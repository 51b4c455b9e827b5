"""Helpers for driving the desktop from the keyboard alone in pytest-qt tests.

Keys go to whatever widget has the keyboard focus, as they would for a person: a test that
sends a key somewhere focus is not proves nothing about keyboard use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def show_active(qtbot, widget: QWidget) -> None:
    """Show and activate a window: the offscreen platform has no window manager to do it."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def press(qtbot, key, modifier=NO_MODIFIER) -> None:
    """One key on the focused widget (waiting for focus to come back after a dialog)."""
    qtbot.waitUntil(lambda: focused() is not None)
    qtbot.keyClick(focused(), key, modifier)


def shortcut(qtbot, sequence: str) -> None:
    """A key combination such as "Ctrl+Shift+N", typed on the focused widget."""
    qtbot.waitUntil(lambda: focused() is not None)
    qtbot.keySequence(focused(), QKeySequence(sequence))


def type_text(qtbot, text: str) -> None:
    qtbot.waitUntil(lambda: focused() is not None)
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot, wanted: QWidget, limit: int = 40, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``wanted`` has the focus; fail if it never does."""
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(limit):
        if focused() is wanted:
            return
        press(qtbot, key)
    assert focused() is wanted, f"{limit} presses of Tab never reached {wanted!r}"


class ModalDriver:
    """Acts on a modal dialog opened with ``exec()`` (which blocks the test until it closes).

    ``expect(kind, act)`` polls for the dialog once the key that opens it has been pressed,
    activates it (no window manager offscreen), then calls ``act(dialog)``. If ``act`` fails,
    or the dialog never comes, the dialog is rejected so that the test does not hang, and
    ``check()`` raises the error afterwards.
    """

    def __init__(self, qtbot, timeout_ms: int = 5000):
        self.qtbot = qtbot
        self.timeout_ms = timeout_ms
        self.errors: list[BaseException] = []

    def expect(self, kind, act) -> Expected:
        expected = Expected()
        waited = [0]

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, kind) and dialog.isVisible():
                self._act(expected, dialog, act)
            elif waited[0] >= self.timeout_ms:
                self.errors.append(AssertionError(f"no {kind.__name__} was opened"))
                expected.done = True
            else:
                waited[0] += 10
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)
        return expected

    def _act(self, expected: Expected, dialog: QWidget, act) -> None:
        expected.dialog = dialog
        try:
            show_active(self.qtbot, dialog)
            act(dialog)
        except BaseException as error:  # noqa: BLE001 (re-raised by check())
            self.errors.append(error)
            if dialog.isVisible():
                dialog.reject()
        expected.done = True

    def finish(self, expected: Expected) -> QWidget:
        """Wait until the dialog was dealt with and has closed; raise what went wrong."""
        self.qtbot.waitUntil(lambda: expected.done, timeout=self.timeout_ms + 1000)
        self.check()
        self.qtbot.waitUntil(lambda: not expected.dialog.isVisible())
        return expected.dialog

    def check(self) -> None:
        if self.errors:
            raise self.errors.pop(0)


class Expected:
    """A dialog the test waits for: ``dialog`` once it came, ``done`` once acted on."""

    def __init__(self):
        self.dialog: QWidget | None = None
        self.done = False
