"""The desktop says what a self-repairing sync is doing: in the status bar, whose changes it
waits for, that this computer sent lost files again, whose clock is wrong; in the sync
problems dialog, an invitation used on two computers, which the lead sorts out with a fresh
invitation in two clicks."""

from pathlib import Path

from PySide6.QtCore import Qt

from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.services import notes, sync, sync_settings, team
from jtai_desktop.services.sync import SyncRun
from jtai_desktop.sync.clock import wall_millis
from jtai_desktop.sync.invite import read_invite
from jtai_desktop.sync.transport import FolderTransport
from jtai_desktop.ui.dialogs import invite_dialog
from jtai_desktop.ui.dialogs.history_dialog import show_history
from jtai_desktop.ui.dialogs.join_dialog import JoinDialog
from jtai_desktop.ui.dialogs.sync_dialog import SyncProblemsDialog

from .sync_team import (  # noqa: F401 (fixtures)
    INVITE_PASSPHRASE,
    Team,
    no_modal_boxes,
    team_copy,
    team_template,
)
from .test_sync_ui import click, member_window

DAY_MS = 24 * 3600 * 1000


def bundles_of(team_copy, ws) -> list[Path]:
    device = ws.device_for(team_copy.inspection_id)
    folder = team_copy.share / team_copy.inspection_id / device / "bundles"
    return sorted(folder.glob("[0-9]*.bundle"))


def edit_and_sync(team_copy, ws, title: str, **run) -> Path:
    notes.update_note(ws, team_copy.note_id, title=title)
    SyncRun(ws, team_copy.inspection_id, FolderTransport(team_copy.share), **run).run()
    return bundles_of(team_copy, ws)[-1]


def sync_in_window(qtbot, window):
    controller = window.sync_controller
    with qtbot.waitSignal(controller.finished, timeout=20000) as done:
        click(qtbot, controller.sync_button)
    return done.args[0]


def test_the_status_bar_names_whose_changes_are_awaited(qtbot, open_folder, team_copy):
    alice = open_folder(team_copy.root / "alice").workspace
    first = edit_and_sync(team_copy, alice, "Alice's first title")
    edit_and_sync(team_copy, alice, "Alice's second title")
    seq = first.stem.split("-")[0].lstrip("0")
    first.unlink()  # lost by the share before anyone read it
    window = member_window(qtbot, open_folder, team_copy, "lead", team_copy.share)
    report = sync_in_window(qtbot, window)
    assert report.exit_code == 7 and report.refused == []
    label = window.connection_label
    assert label.text().startswith("Synced at ")
    assert label.text().endswith(f"\u2014 waiting for Alice Smith's change {seq}")
    assert "their computer will send them again on its next sync" in label.toolTip()
    assert window.sync_controller.dialog is None  # waiting is not a problem to click away
    # File › Sync problems… shows it all, also after a restart (from what the sync stored).
    window.sync_controller.last_report = None
    window.sync_controller.problems_action.trigger()
    dialog = window.sync_controller.dialog
    assert isinstance(dialog, SyncProblemsDialog) and dialog.isVisible()
    assert f"Waiting for Alice Smith's change {seq} (they are not on the share)" in (
        dialog.messages.toPlainText()
    )


def test_the_status_bar_says_lost_files_were_sent_again(qtbot, open_folder, team_copy):
    window = member_window(qtbot, open_folder, team_copy, "alice", team_copy.share)
    ws = window.session.ws
    window.session.edit(lambda w: notes.update_note(w, team_copy.note_id, title="Kept"))
    sync_in_window(qtbot, window)
    bundles_of(team_copy, ws)[-1].unlink()
    report = sync_in_window(qtbot, window)
    assert report.healed_ops == 1 and report.exit_code == 0
    assert window.connection_label.text().endswith(
        "\u2014 1 of your changes the share had lost were sent again"
    )
    assert "were missing from the share; they were sent again" in window.connection_label.toolTip()
    lead = open_folder(team_copy.root / "lead").workspace
    sync.sync(lead, team_copy.inspection_id, FolderTransport(team_copy.share))
    assert lead.get("note", team_copy.note_id)["title"] == "Kept"


def test_the_status_bar_names_a_computer_whose_clock_is_fast(qtbot, open_folder, team_copy):
    bob = open_folder(team_copy.root / "bob").workspace
    five_days = lambda: wall_millis() + 5 * DAY_MS  # noqa: E731
    edit_and_sync(team_copy, bob, "From a laptop five days ahead", now_ms=five_days)
    window = member_window(qtbot, open_folder, team_copy, "lead", team_copy.share)
    report = sync_in_window(qtbot, window)
    assert report.held == [] and report.applied_ops == 1  # applied, not held
    assert window.session.ws.get("note", team_copy.note_id)["title"].startswith("From a laptop")
    assert window.connection_label.text().endswith(
        "\u2014 Bob Jones's computer's clock is about 5 days fast"
    )
    assert "marked in the history" in window.connection_label.toolTip()
    # ... and the history (Ctrl+H) marks the time of Bob's change as doubtful.
    history = show_history(window.session, "note", team_copy.note_id, window)
    model = history.model
    newest = model.index(0, model.WHEN)
    assert model.data(newest).endswith("(clock wrong)")
    assert "clock was about 5 days fast" in model.data(newest, Qt.ItemDataRole.ToolTipRole)
    older = model.index(1, model.WHEN)
    assert not model.data(older).endswith("(clock wrong)")
    history.close()


def test_the_lead_issues_a_fresh_invitation_in_two_clicks(
    qtbot, monkeypatch, open_folder, team_copy, tmp_path
):
    monkeypatch.setattr(invite_dialog, "KDF_PARAMS", fast_params_for_tests())
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    lead = open_folder(team_copy.root / "lead").workspace
    invitation = team.create_invitation(
        lead, team_copy.inspection_id, INVITE_PASSPHRASE, "Carol", params=fast_params_for_tests()
    )
    share = FolderTransport(team_copy.share)
    for who, name in (("carol", "Carol White"), ("dan", "Dan Green")):  # one file, two people
        ws = open_folder(team_copy.root / who).workspace
        team.join(ws, invitation, INVITE_PASSPHRASE, name, "cqc")
        sync.sync(ws, team_copy.inspection_id, share)
    window = member_window(qtbot, open_folder, team_copy, "lead", team_copy.share)
    report = sync_in_window(qtbot, window)
    assert report.fresh_invitations[0]["name"] == "Dan Green"
    dialog = window.sync_controller.dialog
    assert isinstance(dialog, SyncProblemsDialog) and dialog.isVisible()
    assert "joined on two computers: by Carol White and by Dan Green" in (
        dialog.messages.toPlainText()
    )
    (button,) = dialog.fresh_buttons
    assert button.text() == "Issue a &fresh invitation for Dan Green\u2026"
    click(qtbot, button)  # one
    fresh = dialog.invite_dialog
    assert fresh.isVisible() and fresh.ui.labelEdit.text() == "Dan Green"
    passphrase = fresh.ui.passphraseEdit.text()
    assert len(passphrase) >= 10 and fresh.ui.confirmEdit.text() == passphrase
    with qtbot.waitSignal(fresh.written, timeout=20000) as written:
        click(qtbot, fresh.ui.buttonBox.button(fresh.ui.buttonBox.StandardButton.Ok))  # two
    path = Path(written.args[0])
    secret, _ops = read_invite(path.read_bytes(), passphrase)
    assert secret["device_id"] != team.require_team_keys(lead, team_copy.inspection_id).device_id
    assert passphrase in dialog.messages.toPlainText()
    # Dan is told on his computer, and joins with the fresh invitation there.
    dans = member_window(qtbot, open_folder, team_copy, "dan", team_copy.share)
    report = sync_in_window(qtbot, dans)
    assert report.duplicate and report.exit_code == 6
    told = dans.sync_controller.dialog
    assert "already used on another computer" in told.messages.toPlainText()
    click(qtbot, told.join_button)
    assert isinstance(dans.sync_controller.dialog, JoinDialog)
    dan = dans.session.ws
    team.join(dan, path.read_bytes(), passphrase, "Dan Green", "cqc")
    sync.sync(dan, team_copy.inspection_id, share)
    report = sync_in_window(qtbot, window)
    assert report.identity == [] and report.refused == []
    members = {m["name"]: m for m in window.session.ws.rows("member", team_copy.inspection_id)}
    assert members["Dan Green"]["device_id"] == secret["device_id"]
    assert members["Carol White"]["device_id"] != secret["device_id"]
    assert window.connection_label.text().startswith("Synced at ")
    assert "two computers" not in window.connection_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


# --- an inspection a colleague's change made unusable ---------------------------------------


def take_in_a_broken_theme_pack(team_copy, ws, op=None):
    """What an earlier version did with a member's theme pack that is not valid TOML."""
    from jtai_desktop.store import oplog, projection
    from jtai_desktop.sync.ops import Op

    if op is None:
        heads = [o.op_id for o in oplog.ops_for_field(ws.db, team_copy.inspection_id, "theme_pack")]
        op = Op(
            "b" * 32,
            team_copy.inspection_id,
            "inspection",
            team_copy.inspection_id,
            "theme_pack",
            "title = [not TOML",
            ws.clock.tick(),
            "c" * 32,
            ws.author_for(team_copy.inspection_id),
            tuple(heads),
            1,
        )
    with ws.transaction():
        oplog.append(ws.db, [op])
        projection.project_entities(ws.db, [team_copy.inspection_id])
    return op


def shown(qtbot, context):
    from jtai_desktop.ui.assemble import build_main_window

    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_lead_repairs_an_unusable_inspection_from_the_desktop(qtbot, open_folder, team_copy):
    from jtai_desktop.services.repair import broken_settings
    from jtai_desktop.ui.dialogs.repair_dialog import RepairDialog

    lead = open_folder(team_copy.root / "lead")
    bad = take_in_a_broken_theme_pack(team_copy, lead.workspace)
    alice = open_folder(team_copy.root / "alice")
    take_in_a_broken_theme_pack(team_copy, alice.workspace, bad)
    sync_settings.set_folder(alice.workspace, team_copy.inspection_id, str(team_copy.share))

    window = shown(qtbot, lead)  # it opens, on the welcome screen, with the repair
    qtbot.waitUntil(lambda: isinstance(getattr(window, "repair_dialog", None), RepairDialog))
    dialog = window.repair_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert window.session.inspection_id is None
    assert "theme pack is not usable" in dialog.findChildren(type(dialog.advice))[0].text()
    assert dialog.action.text() == "&Repair and open"
    click(qtbot, dialog.action)
    assert window.session.inspection_id == team_copy.inspection_id
    assert broken_settings(lead.workspace, team_copy.inspection_id) == []
    assert window.current_page() is window.pages["overview"]
    sync.sync(lead.workspace, team_copy.inspection_id, FolderTransport(team_copy.share))

    member = shown(qtbot, alice)  # a member cannot repair, but receives the repair
    qtbot.waitUntil(lambda: isinstance(getattr(member, "repair_dialog", None), RepairDialog))
    dialog = member.repair_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.action.text() == "&Sync now" and "Only the lead" in dialog.advice.text()
    click(qtbot, dialog.action)
    qtbot.waitUntil(lambda: member.session.inspection_id == team_copy.inspection_id, timeout=20000)
    assert not dialog.isVisible()
