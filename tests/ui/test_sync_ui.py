"""Team sync in the desktop: the Sync action runs in the background with progress and
Cancel, the status bar says when the team last synced and what is pending, an unreachable
folder is a calm offline state that loses nothing, refused and held bundles are listed for
a person to act on, the lead invites, and a member joins from the welcome screen."""

import json
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import notes, sync, sync_settings, team
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.store import oplog
from jtai_desktop.sync.invite import read_invite
from jtai_desktop.sync.transport import FolderTransport, OfflineError
from jtai_desktop.ui.assemble import build_main_window
from jtai_desktop.ui.dialogs import invite_dialog
from jtai_desktop.ui.dialogs.join_dialog import JoinDialog
from jtai_desktop.ui.dialogs.sync_dialog import SyncDialog, SyncProblemsDialog

from .sync_team import (  # noqa: F401 (fixtures)
    Team,  # noqa: F401 (fixtures below are used by name)
    no_modal_boxes,
    team_copy,
    team_template,
)

OFFLINE = "Offline: the sync folder is not available — your work is kept on this computer"


def window_for(qtbot, context):
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the offscreen platform has no window manager
    return window


def member_window(qtbot, open_folder, team_copy, who, remote: Path | None = None):
    window = window_for(qtbot, open_folder(team_copy.root / who))
    if remote is not None:
        sync_settings.set_folder(window.session.ws, team_copy.inspection_id, str(remote))
    return window


def edit_title(window, team_copy, title):
    """An edit through the session, as every page makes them (it is what waits to sync)."""
    window.session.edit(lambda ws: notes.update_note(ws, team_copy.note_id, title=title))


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


class GatedTransport:
    """A folder that answers only once the test opens the gate: a slow network, on demand."""

    def __init__(self, inner, gate: threading.Event):
        self.inner, self.gate, self.name = inner, gate, inner.name

    def __getattr__(self, name):
        method = getattr(self.inner, name)

        def gated(*args, **kwargs):
            assert self.gate.wait(20), "the test never opened the gate"
            return method(*args, **kwargs)

        return gated


@pytest.fixture
def gate(monkeypatch):
    opened = threading.Event()
    monkeypatch.setattr(
        sync_settings,
        "transport_for",
        lambda remote: GatedTransport(FolderTransport(Path(remote.location)), opened),
    )
    yield opened
    opened.set()  # never leave a worker waiting


# --- syncing -------------------------------------------------------------------------------


def test_sync_runs_in_the_background_and_updates_the_status(qtbot, open_folder, team_copy, gate):
    window = member_window(qtbot, open_folder, team_copy, "alice", team_copy.share)
    controller = window.sync_controller
    assert window.connection_label.text().startswith("Synced at ")
    edit_title(window, team_copy, "Renamed by Alice")
    assert window.pending_label.text() == "1 change not yet synced"

    window.navigator.setFocus()
    qtbot.keyClick(
        window.navigator,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(controller.progress.isVisible)
    assert controller.cancel_button.isVisible() and not controller.sync_action.isEnabled()
    assert window.connection_label.text() == "Syncing…"
    ticks = []  # the event loop keeps running while the sync waits on the "network"
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 5)
    page = window.navigate("review_merge")  # and the window can be used
    assert page.isVisible()

    with qtbot.waitSignal(controller.finished, timeout=20000) as done:
        gate.set()
    timer.stop()
    assert done.args[0].pushed_ops == 1
    assert window.connection_label.text().startswith("Synced at ")
    assert window.pending_label.text() == "All changes synced"
    assert not controller.progress.isVisible() and controller.sync_action.isEnabled()
    lead = open_folder(team_copy.root / "lead").workspace
    sync.sync(lead, team_copy.inspection_id, FolderTransport(team_copy.share))
    assert lead.get("note", team_copy.note_id)["title"] == "Renamed by Alice"


def test_cancel_stops_the_sync_and_keeps_what_was_done(qtbot, open_folder, team_copy, gate):
    window = member_window(qtbot, open_folder, team_copy, "bob", team_copy.share)
    controller = window.sync_controller
    edit_title(window, team_copy, "Bob's title")
    click(qtbot, controller.sync_button)
    qtbot.waitUntil(controller.cancel_button.isVisible)
    click(qtbot, controller.cancel_button)
    with qtbot.waitSignal(controller.cancelled, timeout=20000):
        gate.set()
    assert "Sync stopped" in window.connection_label.text()
    assert window.session.ws.get("note", team_copy.note_id)["title"] == "Bob's title"
    assert not controller.cancel_button.isVisible() and controller.sync_action.isEnabled()


def test_first_sync_asks_where_and_remembers(qtbot, monkeypatch, open_folder, team_copy):
    window = member_window(qtbot, open_folder, team_copy, "bob")
    ws, controller = window.session.ws, window.sync_controller
    assert sync_settings.remote(ws, team_copy.inspection_id) is None
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(team_copy.share)
    )
    click(qtbot, controller.sync_button)
    dialog = controller.dialog
    assert isinstance(dialog, SyncDialog) and dialog.isVisible()
    click(qtbot, dialog.ui.folderBrowse)
    assert dialog.ui.folderEdit.text() == str(team_copy.share)
    with qtbot.waitSignal(controller.finished, timeout=20000):
        click(qtbot, dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok))
    assert sync_settings.remote(ws, team_copy.inspection_id).location == str(team_copy.share)
    assert window.connection_label.text().startswith("Synced at ")


def test_offline_folder_says_so_and_loses_nothing(qtbot, open_folder, team_copy, tmp_path):
    stick = tmp_path / "usb-stick"
    window = member_window(qtbot, open_folder, team_copy, "alice", stick)
    controller = window.sync_controller
    edit_title(window, team_copy, "Written on the train")
    with qtbot.waitSignal(controller.failed, timeout=20000) as failed:
        click(qtbot, controller.sync_button)
    assert isinstance(failed.args[0], OfflineError)
    assert window.connection_label.text() == OFFLINE
    assert window.pending_label.text() == "1 change not yet synced"
    assert window.session.ws.get("note", team_copy.note_id)["title"] == "Written on the train"

    shutil.copytree(team_copy.share, stick)  # the stick is plugged in again
    with qtbot.waitSignal(controller.finished, timeout=20000) as done:
        click(qtbot, controller.sync_button)
    assert done.args[0].pushed_ops == 1
    assert window.pending_label.text() == "All changes synced"
    assert window.connection_label.text().startswith("Synced at ")


def test_refused_and_held_bundles_are_listed_and_the_lead_applies_the_held(
    qtbot, open_folder, team_copy
):
    bob = open_folder(team_copy.root / "bob").workspace
    total = sum(oplog.count_records(bob.db, team_copy.inspection_id).values())
    doomed = [
        (kind, row["id"])
        for kind in ("note", "evidence", "review", "event")
        for row in bob.rows(kind, team_copy.inspection_id)
    ][: total // 4]  # a quarter of the inspection: more than the lead lets through unasked
    with bob.transaction():
        for kind, record_id in doomed:
            bob.delete(kind, record_id)
    sync.sync(bob, team_copy.inspection_id, FolderTransport(team_copy.share))
    stranger = team_copy.share / team_copy.inspection_id / ("f" * 32) / "bundles"
    stranger.mkdir(parents=True)
    (stranger / "0000000001-0000000001.bundle").write_bytes(b"not a bundle at all")

    window = member_window(qtbot, open_folder, team_copy, "lead", team_copy.share)
    controller = window.sync_controller
    with qtbot.waitSignal(controller.finished, timeout=20000) as done:
        click(qtbot, controller.sync_button)
    report = done.args[0]
    assert len(report.refused) == 1 and len(report.held) == 1
    dialog = controller.dialog
    assert isinstance(dialog, SyncProblemsDialog) and dialog.isVisible()
    text = dialog.messages.toPlainText()
    assert report.refused[0] in text and f"Bob Jones deletes {len(doomed)} of {total}" in text
    assert dialog.held_model.rowCount() == 1 and dialog.apply_button.isEnabled()
    ws = window.session.ws
    kind, record_id = doomed[0]
    assert ws.get(kind, record_id) is not None
    click(qtbot, dialog.apply_button)
    assert ws.get(kind, record_id) is None
    assert dialog.held_model.rowCount() == 0


# --- invitations and joining -----------------------------------------------------------------


def test_lead_invites_a_member_through_the_dialog(
    qtbot, monkeypatch, open_folder, team_copy, tmp_path
):
    monkeypatch.setattr(invite_dialog, "KDF_PARAMS", fast_params_for_tests())
    window = member_window(qtbot, open_folder, team_copy, "lead")
    controller = window.sync_controller
    assert controller.invite_action.isEnabled()
    controller.invite_action.trigger()
    dialog = controller.dialog
    ui = dialog.ui
    qtbot.keyClicks(ui.labelEdit, "Dana's laptop")
    qtbot.keyClicks(ui.passphraseEdit, "a long invitation phrase")
    qtbot.keyClicks(ui.confirmEdit, "a long invitation phrasf")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "dana"), "")
    )
    click(qtbot, ui.browseButton)
    assert ui.pathEdit.text() == str(tmp_path / "dana.jtai-invite")
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    assert ui.errorLabel.isVisible() and "not the same" in ui.errorLabel.text()
    ui.confirmEdit.selectAll()
    qtbot.keyClicks(ui.confirmEdit, "a long invitation phrase")
    with qtbot.waitSignal(dialog.written, timeout=20000):
        click(qtbot, ok)
    secret, _ops = read_invite(
        (tmp_path / "dana.jtai-invite").read_bytes(), "a long invitation phrase"
    )
    assert secret["inspection_id"] == team_copy.inspection_id
    labels = [d["label"] for d in team.roster(window.session.ws, team_copy.inspection_id)]
    assert "Dana's laptop" in labels


def test_join_from_the_welcome_screen(qtbot, open_folder, team_copy, tmp_path):
    lead = open_folder(team_copy.root / "lead").workspace
    invitation = tmp_path / "carol.jtai-invite"
    invitation.write_bytes(
        team.create_invitation(
            lead,
            team_copy.inspection_id,
            "carol's passphrase",
            "Carol",
            params=fast_params_for_tests(),
        )
    )
    window = window_for(qtbot, open_folder(tmp_path / "carol"))
    welcome = window.welcome
    assert welcome.isVisible() and welcome.join_button.isEnabled()
    click(qtbot, welcome.join_button)
    dialog = window.sync_controller.dialog
    assert isinstance(dialog, JoinDialog) and dialog.isVisible()
    ui = dialog.ui
    qtbot.waitUntil(ui.fileEdit.hasFocus)  # the dialog opens on its first field
    qtbot.keyClicks(ui.fileEdit, str(invitation))
    qtbot.keyClick(ui.fileEdit, Qt.Key.Key_Tab)
    assert ui.titleLabel.text().startswith("Inspection: ")
    qtbot.keyClicks(ui.passphraseEdit, "not the passphrase")
    qtbot.keyClicks(ui.nameEdit, "Carol White")
    ui.inspectorateCombo.setFocus()
    qtbot.keyClick(ui.inspectorateCombo, Qt.Key.Key_End)  # the last: HMI Probation
    assert ui.inspectorateCombo.currentData() == "hmi_probation"
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    click(qtbot, ok)
    qtbot.waitUntil(ui.errorLabel.isVisible, timeout=20000)
    assert "passphrase" in ui.errorLabel.text() and window.session.inspection_id is None
    ui.passphraseEdit.selectAll()
    qtbot.keyClicks(ui.passphraseEdit, "carol's passphrase")
    click(qtbot, ok)
    qtbot.waitUntil(lambda: window.session.inspection_id == team_copy.inspection_id, timeout=20000)
    ws = window.session.ws
    me = ws.get("member", ws.author_for(team_copy.inspection_id))
    assert (me["name"], me["inspectorate"], me["role"]) == (
        "Carol White",
        "hmi_probation",
        "member",
    )
    assert window.current_page() is window.pages["overview"]
    assert not window.sync_controller.invite_action.isVisible()  # members do not invite


def test_sync_before_sharing_explains_what_the_lead_must_do(qtbot, open_folder, tmp_path):
    context = open_folder(tmp_path / "solo")
    pack = load_pack(default_themes_dir() / "domestic-abuse.toml")
    create_inspection(
        context.workspace,
        pack,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    )
    window = window_for(qtbot, context)
    assert window.connection_label.text().startswith("Not shared with a team yet")
    window.sync_controller.sync_action.trigger()
    box = window.sync_controller.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "invitation" in box.text() and "Invite a team member" in box.text()
    box.close()


def test_remote_is_stored_without_a_password(open_folder, tmp_path):
    ws = open_folder(tmp_path / "data").workspace
    credentials = tmp_path / "dav.txt"
    credentials.write_text("inspector\nsecret password\n")
    chosen = sync_settings.set_webdav(
        ws, "inspection-1", "https://dav.example.org/jtai", str(credentials)
    )
    assert sync_settings.remote(ws, "inspection-1") == chosen
    from jtai_desktop.store import settings

    stored = settings.get(ws.db, "sync_remote:inspection-1")
    assert "secret password" not in stored and json.loads(stored)["credentials_file"]
    transport = sync_settings.transport_for(chosen)
    assert transport.name == "webdav:https://dav.example.org/jtai/"
    if sync_settings.keyring_module() is None:
        with pytest.raises(Exception, match="credentials file"):
            sync_settings.set_webdav(
                ws,
                "inspection-1",
                "https://dav.example.org/jtai",
                username="inspector",
                password="secret password",
            )
