"""Unlocking a data folder, and locking the window by hand (Ctrl+L) or when left idle."""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.crypto.keyfile import keyfile_exists
from jtai_desktop.services import notes, remembered
from jtai_desktop.ui.assemble import build_main_window
from jtai_desktop.ui.dialogs import unlock as unlock_module
from jtai_desktop.ui.dialogs.unlock import UnlockDialog, ask_to_unlock

PASSPHRASE = "correct horse battery staple"  # the conftest fixtures' passphrase


def show_active(qtbot, widget):
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def type_and_enter(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


# --- the unlock dialog --------------------------------------------------------------------


@pytest.fixture
def folder(context):
    return context.data_dir  # a real encrypted folder, made with the cheap key derivation


def test_wrong_then_right_passphrase(qtbot, folder):
    dialog = UnlockDialog(folder, False, lambda secret: open_context(folder, secret))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert not dialog.ui.confirmEdit.isVisible()
    edit = dialog.ui.passphraseEdit
    assert edit.echoMode() == edit.EchoMode.Password
    type_and_enter(qtbot, edit, "not the passphrase")
    assert dialog.isVisible() and dialog.context is None
    assert "not right" in dialog.ui.errorLabel.text() and dialog.ui.errorLabel.isVisible()
    assert edit.selectedText() == "not the passphrase"  # ready to be typed over
    qtbot.keyClicks(edit, PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.context is not None and dialog.context.data_dir == folder
    dialog.context.close()


def test_new_folder_needs_a_long_matching_passphrase(qtbot, tmp_path):
    folder = tmp_path / "new"
    dialog = UnlockDialog(
        folder,
        True,
        lambda secret: open_context(folder, secret, kdf_params=fast_params_for_tests()),
    )
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    ui = dialog.ui
    assert "at least 10 characters" in ui.hintLabel.text()
    type_and_enter(qtbot, ui.passphraseEdit, "short")
    assert "too short" in ui.errorLabel.text() and not keyfile_exists(folder)
    ui.passphraseEdit.selectAll()
    qtbot.keyClicks(ui.passphraseEdit, "a long enough passphrase")
    type_and_enter(qtbot, ui.confirmEdit, "a long enough passphrasE")
    assert "not the same" in ui.errorLabel.text() and not keyfile_exists(folder)
    assert QApplication.focusWidget() is ui.confirmEdit
    type_and_enter(qtbot, ui.confirmEdit, "a long enough passphrase")
    assert dialog.result() == QDialog.DialogCode.Accepted and keyfile_exists(folder)
    dialog.context.close()


def test_remember_is_offered_only_with_a_keyring(qtbot, folder, monkeypatch):
    monkeypatch.setattr(remembered, "available", lambda: False)
    without = UnlockDialog(folder, False, lambda secret: None)
    qtbot.addWidget(without)
    assert not without.ui.rememberCheck.isEnabled()
    stored = {}
    monkeypatch.setattr(remembered, "available", lambda: True)
    monkeypatch.setattr(remembered, "remember", lambda where, key: stored.update({where: key}))
    dialog = UnlockDialog(folder, False, lambda secret: open_context(folder, secret))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    assert "anyone who can sign in to this computer as you" in dialog.ui.rememberHelp.text()
    dialog.ui.rememberCheck.setChecked(True)
    type_and_enter(qtbot, dialog.ui.passphraseEdit, PASSPHRASE)
    assert stored == {folder: dialog.context.key}
    dialog.context.close()


def test_ask_to_unlock_uses_a_remembered_key_then_asks(qtbot, folder, context, monkeypatch):
    monkeypatch.setattr(unlock_module.remembered, "recall", lambda where: context.key)
    opened = ask_to_unlock(
        folder,
        False,
        lambda secret: pytest.fail("asked"),
        open_with_key=lambda key: ("opened with", key),
    )
    assert opened == ("opened with", context.key)

    monkeypatch.setattr(unlock_module.remembered, "recall", lambda where: None)

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnlockDialog):
            QTimer.singleShot(10, answer)
            return
        qtbot.keyClicks(dialog.ui.passphraseEdit, PASSPHRASE)
        qtbot.keyClick(dialog.ui.passphraseEdit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    opened = ask_to_unlock(
        folder,
        False,
        lambda secret: open_context(folder, secret),
        open_with_key=lambda key: pytest.fail("no key was remembered"),
    )
    assert opened is not None and opened.data_dir == folder
    opened.close()


# --- locking the window -------------------------------------------------------------------


@pytest.fixture
def demo_context(small_demo_context):
    return small_demo_context


@pytest.fixture
def window(small_demo_window):
    return small_demo_window


def test_ctrl_l_locks_hides_the_data_and_removes_open_copies(qtbot, window, demo_context):
    controller = installed_controller(window, 0)
    children = window.navigate("children")
    copy = demo_context.data_dir / "open-copies" / "a1b2" / "E-1001.pdf"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"decrypted evidence")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.locked
    assert window.current_page() is controller.screen and controller.screen.isVisible()
    assert not any(page.isVisible() for page in window.pages.values())
    assert not window.welcome.isVisible()
    assert not copy.exists()
    assert not window.navigator.isEnabled()
    assert not window.undo_action.isEnabled() and not window.go_menu.actions()[0].isEnabled()
    assert "Northbridge" not in window.windowTitle()

    edit = controller.screen.passphrase_edit
    type_and_enter(qtbot, edit, "not the passphrase")
    qtbot.waitUntil(controller.screen.error_label.isVisible)
    assert "not right" in controller.screen.error_label.text()
    assert controller.locked and window.current_page() is controller.screen

    with qtbot.waitSignal(controller.locked_changed, timeout=10000) as signal:
        type_and_enter(qtbot, edit, PASSPHRASE)
    assert signal.args == [False]
    assert window.current_page() is children and children.isVisible()
    assert window.navigator.isEnabled() and window.go_menu.actions()[0].isEnabled()
    assert "Northbridge" in window.windowTitle()


def test_undo_stays_off_while_locked(qtbot, window):
    controller = installed_controller(window, 0)
    controller.lock()
    # A background task recording an edit would re-enable Undo; it must stay off while locked.
    changes = notes.add_note(
        window.session.ws,
        window.session.inspection_id,
        kind="meeting",
        date=date(2026, 10, 12),
        title="Recorded while locked",
    )
    window.session.record(changes)
    assert not window.undo_action.isEnabled()
    controller.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: not controller.locked)
    assert window.undo_action.isEnabled()


def test_idle_window_locks_itself(qtbot, window):
    with qtbot.waitSignal(installed_controller(window, 30).locked_changed):
        pass
    assert window.current_page().objectName() == "lock-screen"


def test_demo_folder_unlocks_with_one_button(qtbot, tmp_path):
    context = open_context(tmp_path / "demo", create_demo=True)
    try:
        window = build_main_window(context)
        qtbot.addWidget(window)
        show_active(qtbot, window)
        controller = installed_controller(window, 0)
        page = window.current_page()
        controller.lock()
        screen = controller.screen
        assert not screen.passphrase_edit.isVisible() and screen.unlock_button.isVisible()
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
        assert not controller.locked and window.current_page() is page
    finally:
        context.close()


def installed_controller(window, idle_ms):
    """The window's own lock controller, with the idle time a test needs."""
    controller = window.lock_controller
    controller.watcher.set_timeout_ms(idle_ms)
    return controller


def test_typing_keeps_the_window_unlocked_and_silence_locks_it(qtbot):
    """Real input arrives through the window system: it resets the idle clock."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from jtai_desktop.ui.idle import IdleWatcher

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: field.windowHandle() is not None and field.windowHandle().isActive())
    watcher = IdleWatcher(400)
    watcher.watch(field.windowHandle())  # offscreen: no window manager to announce focus
    fired = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    for _ in range(8):  # 800 ms of typing, each key well inside the 400 ms limit
        QTest.keyClick(field.windowHandle(), Qt.Key.Key_A)
        qtbot.wait(100)
    assert not fired and field.text() == "a" * 8
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)
