"""Locking the window: on request (Ctrl+L) or after a while without input.

While locked the window shows only the lock screen: the pages are hidden, the navigator,
menus, toolbars and docks cannot be used, open dialogs are closed, and decrypted copies of
evidence opened in other programs are deleted. Unlocking checks the passphrase against the
data folder's key file (off the UI thread: the key derivation takes about a second) and
brings back the page that was showing.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from ..crypto import keyfile
from ..domain.errors import JtaiError
from ..services import open_copies, preferences
from .idle import IdleWatcher

if TYPE_CHECKING:
    from .widgets.lock_screen import LockScreen

log = logging.getLogger("jtai_desktop")

# Set this property to True on an action that must keep working while locked.
WORKS_WHILE_LOCKED = "works_while_locked"


class _FrozenActions(QObject):
    """Disables actions and keeps them disabled (the undo stack, for one, re-enables its
    actions when a background task records an edit) until ``thaw`` restores their state."""

    def __init__(self, actions: list[QAction], parent: QObject):
        super().__init__(parent)
        self._wanted = {action: action.isEnabled() for action in actions}
        for action in actions:
            action.setEnabled(False)
            action.enabledChanged.connect(self._keep_disabled)

    def _keep_disabled(self, enabled: bool) -> None:
        action = self.sender()
        if enabled and action in self._wanted:
            self._wanted[action] = True
            action.setEnabled(False)

    def thaw(self) -> None:
        for action, enabled in self._wanted.items():
            action.enabledChanged.disconnect(self._keep_disabled)
            action.setEnabled(enabled)
        self._wanted.clear()
        self.deleteLater()


class LockController(QObject):
    """The window's lock: ``LockController(window, session)``, made by the window.

    ``idle_ms`` overrides the auto-lock time (tests); otherwise it comes from the local
    preferences and follows the inspector's changes to it (on the overview page).
    """

    locked_changed = Signal(bool)
    _checked = Signal(object)  # from the worker that checks a passphrase: a key or an error

    def __init__(self, window, session, idle_ms: int | None = None):
        super().__init__(window)
        self.window, self.session = window, session
        self.demo = keyfile.is_demo_folder(session.context.data_dir)
        self._screen: LockScreen | None = None  # built on the first lock
        self._checked.connect(self._on_checked)  # queued: emitted on a worker thread
        window.lock_requested.connect(self.lock)
        minutes = preferences.auto_lock_minutes(session.ws)
        self.watcher = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, self)
        self.watcher.idle.connect(self.lock)
        if idle_ms is None:
            session.auto_lock_minutes_changed.connect(self.watcher.set_minutes)
        self._locked = False
        self._saved: dict = {}
        self.watcher.start()

    @property
    def screen(self) -> LockScreen:
        """The lock screen (in the window's stack)."""
        if self._screen is None:
            from .widgets.lock_screen import LockScreen

            self._screen = LockScreen(demo=self.demo)
            self.window.stack.addWidget(self._screen)
            self._screen.unlock_requested.connect(self.unlock)
        return self._screen

    @property
    def locked(self) -> bool:
        return self._locked

    # --- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        if self._locked:
            return
        self._locked = True
        self.watcher.stop()
        window = self.window
        self._close_dialogs()
        self._saved = {
            "page": window.stack.currentWidget(),
            "title": window.windowTitle(),
            "navigator": window.navigator.isEnabled(),
            "hidden": [w for w in self._bars_and_docks() if w.isVisible()],
            "actions": _FrozenActions(self._data_actions(), self),
        }
        window.navigator.setEnabled(False)
        for widget in self._saved["hidden"]:
            widget.hide()
        self.screen.reset()
        window.stack.setCurrentWidget(self.screen)
        window.setWindowTitle(self.tr("Locked - JTAI inspection workspace"))
        self.screen.focus_first()
        open_copies.remove_all(self.session.context.data_dir)
        self.locked_changed.emit(True)

    def _close_dialogs(self) -> None:
        from PySide6.QtWidgets import QDialog  # Qt's classes used here are made when locking

        # A dialog left open would keep a child's details on screen above the lock screen.
        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def _bars_and_docks(self) -> list:
        from PySide6.QtWidgets import QDockWidget, QToolBar

        return [*self.window.findChildren(QToolBar), *self.window.findChildren(QDockWidget)]

    def _data_actions(self) -> list[QAction]:
        found: list[QAction] = []
        menus = [action.menu() for action in self.window.menuBar().actions() if action.menu()]
        while menus:
            menu = menus.pop()
            for action in menu.actions():
                (menus.append(action.menu()) if action.menu() else found.append(action))
        found += self.window.actions()
        from PySide6.QtWidgets import QToolBar

        for bar in self.window.findChildren(QToolBar):
            found += bar.actions()
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        return [
            a
            for a in dict.fromkeys(found)
            if not a.isSeparator()
            and not a.property(WORKS_WHILE_LOCKED)
            and a.shortcut() not in quit_keys
        ]

    # --- unlocking ---------------------------------------------------------------------------
    def unlock(self, passphrase: str) -> None:
        """Check ``passphrase`` (ignored for a demo folder) and, if right, show the work again."""
        if not self._locked:
            return
        if self.demo:
            self._restore()
            return
        self.screen.set_busy(True)
        folder = self.session.context.data_dir
        self.session.tasks.start(lambda _progress, _cancelled: self._check(folder, passphrase))

    def _check(self, folder, passphrase: str) -> None:
        """Runs on a worker thread: only emits. (A task's own signals are connected after it
        starts, so a quick check could finish before anyone listened.)"""
        result: object
        try:
            result = keyfile.unlock(folder, passphrase)
        except Exception as error:  # reported on the lock screen
            result = error
        self._checked.emit(result)

    def _on_checked(self, result) -> None:
        if isinstance(result, BaseException):
            self._on_refused(result)
        else:
            self._on_verified(result)

    def _on_verified(self, key) -> None:
        if key.raw != self.session.context.key.raw:
            self.screen.refuse(self.tr("That passphrase belongs to another data folder."))
            return
        self._restore()

    def _on_refused(self, error: BaseException) -> None:
        if isinstance(error, JtaiError):
            self.screen.refuse(error.message)
            return
        log.error("unlocking failed: %s", type(error).__name__)
        self.screen.refuse(self.tr("The passphrase could not be checked. Try again."))

    def _restore(self) -> None:
        window, saved = self.window, self._saved
        saved["actions"].thaw()
        window.navigator.setEnabled(saved["navigator"])
        for widget in saved["hidden"]:
            widget.show()
        page = saved["page"]
        window.stack.setCurrentWidget(page if window.stack.indexOf(page) >= 0 else window.welcome)
        window.setWindowTitle(saved["title"])
        self.screen.reset()
        self._saved = {}
        self._locked = False
        self.watcher.start()
        self.locked_changed.emit(False)
