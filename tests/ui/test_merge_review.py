"""The lead's merge review: a team of three data folders (the lead and two members) whose
members disagree about one note's text, synced through a folder; the lead settles the
conflict with real widgets, undo opens it again, and members see it without the lead's
buttons."""

import pytest
from PySide6.QtCore import Qt

from jtai_desktop.services import notes, sync
from jtai_desktop.services.conflicts import grouped_history, history, list_conflicts
from jtai_desktop.sync.transport import FolderTransport
from jtai_desktop.ui.assemble import build_main_window
from jtai_desktop.ui.models.conflicts import ConflictsModel, HistoryModel
from jtai_desktop.ui.models.incoming import IncomingModel, ReceivedRole
from jtai_desktop.ui.widgets.three_way_diff import marked_html

from .sync_team import no_modal_boxes, team_copy, team_template  # noqa: F401 (fixtures)


def window_for(qtbot, open_folder, team_copy, who):
    context = open_folder(team_copy.root / who)
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the offscreen platform has no window manager
    return window


@pytest.fixture
def lead_window(qtbot, open_folder, team_copy):
    return window_for(qtbot, open_folder, team_copy, "lead")


def go_to_review(qtbot, window):
    """Through the navigator, by keyboard: the last section is the merge review."""
    page = window.pages["review_merge"]
    with qtbot.waitSignal(page.incoming_shown, timeout=10000):  # read in the background
        window.navigator.setFocus()
        qtbot.keyClick(window.navigator, Qt.Key.Key_End)
    assert page.isVisible()
    return page


def click_row(qtbot, view, row):
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def text_of(window, team_copy):
    return window.session.ws.get("note", team_copy.note_id)["text"]


# --- settling ------------------------------------------------------------------------------


def test_lead_picks_a_side_and_undo_opens_the_conflict_again(qtbot, lead_window, team_copy):
    window, ws = lead_window, lead_window.session.ws
    page = go_to_review(qtbot, window)
    assert page.conflicts_model.rowCount() == 1
    click_row(qtbot, page.conflicts_view, 0)
    view = page.conflict_view
    assert page.detail.currentWidget() is view
    sides = {v["author"]: v for v in view.conflict["values"]}
    assert set(sides) == {"Alice Smith", "Bob Jones"}
    # Long text: each side against the text both started from, escaped as typed.
    diff = view.diff
    assert diff.ancestor_browser is not None and diff.legend.isVisible()
    assert diff.ancestor_browser.toPlainText().strip() == team_copy.ancestor.strip()
    bob = next(b for b in diff.browsers if "Bob" in b.accessibleName())
    assert "<the same day> & acted" in bob.toPlainText()

    bob_button = next(b for b in diff.pick_buttons if "Bob Jones" in b.text())
    qtbot.mouseClick(bob_button, Qt.MouseButton.LeftButton)
    assert list_conflicts(ws, team_copy.inspection_id) == []
    assert text_of(window, team_copy) == team_copy.bob_text
    settled = [c for c in history(ws, team_copy.note_id) if c["field"] == "text"][-1]
    assert set(settled["replaces"]) == {v["op_id"] for v in sides.values()}
    lead = ws.get("member", ws.author_for(team_copy.inspection_id))
    assert lead["role"] == "lead" and settled["author"] == lead["name"]  # attributed
    assert page.conflicts_model.rowCount() == 0
    assert page.placeholder.isVisible() and "No open conflicts" in page.placeholder.text()

    qtbot.keyClick(page.conflicts_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    reopened = list_conflicts(ws, team_copy.inspection_id)
    assert len(reopened) == 1
    assert sorted(v["value"] for v in reopened[0]["values"]) == sorted(
        [team_copy.alice_text, team_copy.bob_text]
    )
    assert page.conflicts_model.rowCount() == 1

    window.redo_action.trigger()
    assert list_conflicts(ws, team_copy.inspection_id) == []
    assert text_of(window, team_copy) == team_copy.bob_text


def test_lead_edits_a_combined_text_by_keyboard_or_combines_both(qtbot, lead_window, team_copy):
    window = lead_window
    page = go_to_review(qtbot, window)
    page.conflicts_view.setFocus()
    qtbot.keyClick(page.conflicts_view, Qt.Key.Key_Home)
    view = page.conflict_view
    # Mnemonics "click" after a short animation, hence the waits.
    qtbot.keyClick(page.conflicts_view, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.editor.hasFocus)  # Edit a combined &value…
    prefilled = view.editor.toPlainText()
    assert "Alice adds" in prefilled and "Bob adds" in prefilled
    qtbot.keyClick(view.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.editor, "Both agree: strategy meetings lacked health.")
    qtbot.keyClick(view.editor, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # &Use the…
    qtbot.waitUntil(
        lambda: text_of(window, team_copy) == "Both agree: strategy meetings lacked health."
    )
    assert list_conflicts(window.session.ws, team_copy.inspection_id) == []

    window.undo_action.trigger()
    click_row(qtbot, page.conflicts_view, 0)
    qtbot.mouseClick(view.combine_button, Qt.MouseButton.LeftButton)
    text = text_of(window, team_copy)
    assert text.count(team_copy.ancestor.strip()) == 2
    assert "Alice adds" in text and "Bob adds" in text
    assert list_conflicts(window.session.ws, team_copy.inspection_id) == []


def test_delete_against_edit_keep_the_record_and_undo(qtbot, open_folder, team_copy):
    """Alice deleted a note while Bob edited it: the lead keeps it; undo asks again."""
    alice, bob = (open_folder(team_copy.root / n).workspace for n in ("alice", "bob"))
    note_id = alice.rows("note", team_copy.inspection_id)[3]["id"]
    alice.delete("note", note_id)
    notes.update_note(bob, note_id, text="Bob edits meanwhile")
    for ws in (alice, bob):
        sync.sync(ws, team_copy.inspection_id, FolderTransport(team_copy.share))
    window = window_for(qtbot, open_folder, team_copy, "lead")
    sync.sync(window.session.ws, team_copy.inspection_id, FolderTransport(team_copy.share))
    page = go_to_review(qtbot, window)
    click_row(qtbot, page.conflicts_view, page.conflicts_model.row_of(note_id, "_deleted"))
    texts = [b.toPlainText() for b in page.conflict_view.diff.browsers]
    assert "Deleted the record" in texts and any("Bob edits meanwhile" in t for t in texts)
    keep = next(b for b in page.conflict_view.diff.pick_buttons if "Keep" in b.text())
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    ws = window.session.ws
    assert ws.get("note", note_id)["text"] == "Bob edits meanwhile"
    assert all(c["entity_id"] != note_id for c in list_conflicts(ws, team_copy.inspection_id))
    window.undo_action.trigger()
    reopened = [c for c in list_conflicts(ws, team_copy.inspection_id) if c["entity_id"] == note_id]
    assert len(reopened) == 1 and reopened[0]["field"] == "_deleted"
    assert ws.get("note", note_id) is not None  # still shown while the question is open


def test_diff_marks_changes_and_escapes_text():
    html = marked_html("a <b> c", "a <b> d")
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "line-through" in html and "underline" in html
    assert "underline" not in marked_html("same text", "same text")


# --- members, moderation, history, jumping ---------------------------------------------------


def test_member_sees_the_conflict_without_the_leads_buttons(qtbot, open_folder, team_copy):
    window = window_for(qtbot, open_folder, team_copy, "alice")
    page = go_to_review(qtbot, window)
    assert page.conflicts_model.rowCount() == 1
    view = page.conflict_view
    assert view.lead_only.isVisible()
    assert view.diff.pick_buttons and not any(b.isEnabled() for b in view.diff.pick_buttons)
    assert not view.combine_button.isEnabled() and not view.edit_button.isEnabled()
    assert not page.moderated_button.isEnabled()
    groups = [g.label for g in page.incoming_model.groups()]
    assert "Bob Jones" in groups and "Alice Smith" not in groups  # her own work is not incoming


def test_lead_marks_a_case_review_moderated_and_can_undo(qtbot, lead_window, team_copy):
    window, ws = lead_window, lead_window.session.ws
    page = go_to_review(qtbot, window)
    model, view = page.incoming_model, page.incoming_view
    target = None
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            item = model.index(row, 0, parent).data(ReceivedRole)
            if item.entity == "review" and item.moderated is False:
                target = model.index(row, 0, parent)
                break
        if target:
            break
    assert target is not None, "the demo's team wrote case reviews"
    view.scrollTo(target)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(target).center()
    )
    review_id = target.data(ReceivedRole).entity_id
    assert page.moderated_button.isEnabled()
    with qtbot.waitSignal(page.incoming_shown, timeout=10000):
        qtbot.mouseClick(page.moderated_button, Qt.MouseButton.LeftButton)
    assert ws.get("review", review_id)["moderated"]
    assert page.incoming_model.find(review_id).siblingAtColumn(4).data() == "Yes"
    window.undo_action.trigger()
    assert not ws.get("review", review_id)["moderated"]


def test_history_with_ctrl_h_and_opening_the_record(qtbot, lead_window, team_copy):
    window = lead_window
    page = go_to_review(qtbot, window)
    page.conflicts_view.setFocus()
    qtbot.keyClick(page.conflicts_view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    changes = history(window.session.ws, team_copy.note_id)
    assert dialog.model.rowCount() == len(grouped_history(changes))
    authors = {
        dialog.model.index(r, HistoryModel.WHO).data() for r in range(dialog.model.rowCount())
    }
    assert {"Alice Smith", "Bob Jones"} <= authors
    assert "adds" in dialog.value.toPlainText()  # the newest change: one member's text
    dialog.close()
    qtbot.mouseClick(page.conflict_view.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.pages["notes"]


def test_grouping_by_child_and_the_models(qtbot, qtmodeltester, lead_window, team_copy):
    page = go_to_review(qtbot, lead_window)
    qtmodeltester.check(page.conflicts_model)
    qtmodeltester.check(page.incoming_model)
    page.group_by.setFocus()
    with qtbot.waitSignal(page.incoming_shown, timeout=10000):
        qtbot.keyClick(page.group_by, Qt.Key.Key_Down)
    assert page.group_by.currentData() == "child"
    labels = [g.label for g in page.incoming_model.groups()]
    assert labels and any(label.startswith("Child") for label in labels)
    assert not page.incoming_view.isColumnHidden(1)
    qtmodeltester.check(page.incoming_model)
    qtmodeltester.check(IncomingModel())
    model = HistoryModel()
    model.set_history(history(lead_window.session.ws, team_copy.note_id))
    qtmodeltester.check(model)
    qtmodeltester.check(ConflictsModel())


def test_merge_review_and_status_bar_agree_on_an_unshared_inspection(qtbot, small_demo_window):
    """The demo's change log names other inspectors' computers, but the inspection is not
    shared: the status bar says so, and the merge review lists nothing received and says
    the same words, instead of "433 changes" from a team that cannot have sent any."""
    window = small_demo_window
    ws, inspection_id = window.session.ws, window.session.inspection_id
    assert {op_device for op_device in _devices(ws, inspection_id)} - {
        ws.device_for(inspection_id)
    }, "the demo has work stamped by other computers"
    status = window.connection_label.text()
    assert status.startswith("Not shared with a team yet")
    page = go_to_review(qtbot, window)
    assert page.incoming_model.rowCount() == 0
    assert page.empty_incoming.isVisible()
    assert status in page.empty_incoming.text()
    assert "incoming" not in page.empty_incoming.text()


def _devices(ws, inspection_id: str) -> set[str]:
    return {
        row[0]
        for row in ws.db.execute(
            "SELECT DISTINCT device_id FROM ops WHERE inspection_id = ?", (inspection_id,)
        ).fetchall()
    }
