"""File › Change passphrase… in the desktop: a new passphrase alone, or a new key too (the
window closes, the folder is encrypted again, a new window opens on the same inspection);
refused, with the window back as it was, while a command has the folder open."""

from __future__ import annotations

import shutil

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.crypto.keyfile import KEYFILE_NAME, WrongPassphraseError, unlock
from jtai_desktop.ui import key_change
from jtai_desktop.ui.assemble import build_main_window
from jtai_desktop.ui.dialogs import passphrase_dialog
from jtai_desktop.ui.main_window import MainWindow
from tests.decrypted_pages import all_pages, readable

from ..conftest import PASSPHRASE

NEW = "a brand new passphrase"


@pytest.fixture(autouse=True)
def cheap_key_files(monkeypatch):
    monkeypatch.setattr(passphrase_dialog, "KDF_PARAMS", fast_params_for_tests())
    monkeypatch.setattr(key_change, "KDF_PARAMS", fast_params_for_tests())


@pytest.fixture
def window(qtbot, small_demo_context):
    shutil.copy(small_demo_context.data_dir / KEYFILE_NAME, small_demo_context.data_dir.parent)
    window = build_main_window(small_demo_context)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if shiboken6.isValid(window):  # replacing the key deletes it
        window.session.tasks.wait()
        window.close()


def fill(qtbot, dialog, current=PASSPHRASE, new=NEW, rotate=False):
    ui = dialog.ui
    qtbot.keyClicks(ui.currentEdit, current)
    qtbot.keyClicks(ui.passphraseEdit, new)
    qtbot.keyClicks(ui.confirmEdit, new)
    ui.rotateCheck.setChecked(rotate)


def opened_by_menu(window):
    window.passphrase_action.trigger()
    return window.passphrase_dialog


def new_window(qtbot, old) -> MainWindow:
    found = []

    def replaced():
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not old and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(replaced, timeout=60_000)
    qtbot.addWidget(found[0])
    return found[0]


def test_a_new_passphrase_alone_rewraps_the_same_key(qtbot, window):
    folder, key = window.session.context.data_dir, window.session.context.key
    dialog = opened_by_menu(window)
    fill(qtbot, dialog)
    with qtbot.waitSignal(dialog.changed, timeout=30_000):
        dialog.ui.buttonBox.accepted.emit()
    assert unlock(folder, NEW) == key
    with pytest.raises(WrongPassphraseError):
        unlock(folder, PASSPHRASE)
    assert "Passphrase changed" in window.statusBar().currentMessage()


def test_a_wrong_current_passphrase_is_refused_in_the_dialog(qtbot, window):
    dialog = opened_by_menu(window)
    fill(qtbot, dialog, current="not the passphrase at all", rotate=True)
    dialog.ui.buttonBox.accepted.emit()
    qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible(), timeout=30_000)
    assert "not right" in dialog.ui.errorLabel.text()
    assert dialog.isVisible() and window.isVisible()
    dialog.reject()


def test_replacing_the_key_reopens_the_window_and_the_old_key_file_opens_nothing(qtbot, window):
    context = window.session.context
    folder, old_key, inspection_id = context.data_dir, context.key, window.session.inspection_id
    copy = folder / "open-copies" / "ab12" / "E-1001.pdf"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"%PDF- decrypted")
    dialog = opened_by_menu(window)
    fill(qtbot, dialog, new=PASSPHRASE, rotate=True)  # the same passphrase, a new key
    dialog.ui.buttonBox.accepted.emit()
    reopened = new_window(qtbot, window)
    try:
        assert reopened.session.inspection_id == inspection_id
        new_key = reopened.session.context.key
        assert new_key != old_key and unlock(folder, PASSPHRASE) == new_key
        assert not copy.exists()  # the old window's folder closed before the change
        assert readable(all_pages(folder / "jtai.db", new_key.database_key))
        assert not readable(all_pages(folder / "jtai.db", old_key.database_key))
        # Someone with the old key.json and the (same) passphrase gets nothing.
        shutil.copy(folder.parent / KEYFILE_NAME, folder / KEYFILE_NAME)
        assert unlock(folder, PASSPHRASE) == old_key
        assert not readable(all_pages(folder / "jtai.db", old_key.database_key))
    finally:
        reopened.session.tasks.wait()
        reopened.close()
        reopened.session.context.close()


def test_refused_while_a_command_has_the_folder_open_and_the_window_comes_back(
    qtbot, window, monkeypatch
):
    shown = []
    monkeypatch.setattr(key_change, "show_error", lambda parent, error: shown.append(error))
    folder, old_key = window.session.context.data_dir, window.session.context.key
    command = open_context(folder, PASSPHRASE)  # e.g. a sync running in a terminal
    try:
        dialog = opened_by_menu(window)
        fill(qtbot, dialog, rotate=True)
        dialog.ui.buttonBox.accepted.emit()
        reopened = new_window(qtbot, window)
    finally:
        command.close()
    try:
        assert [type(e).__name__ for e in shown] == ["FolderBusyError"]
        assert "open in another jtai-desktop" in shown[0].message
        assert reopened.session.context.key == old_key
        assert unlock(folder, PASSPHRASE) == old_key  # nothing changed, the passphrase neither
    finally:
        reopened.session.tasks.wait()
        reopened.close()
        reopened.session.context.close()
