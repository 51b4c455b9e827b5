"""Correcting and removing the key events of a child's timeline, from the keyboard."""

from PySide6.QtCore import QDate, Qt

from jtai_desktop.services import children
from jtai_desktop.ui.dialogs.event_dialog import EventDialog


def chosen_event(page, row=1):
    page.table.selectRow(1)
    ws, child_id = page.session.ws, page.detail.child_id
    event = children.timeline(ws, child_id)[row]
    page.detail.select_event(event["id"])
    page.detail.timeline.setFocus()
    return ws, child_id, event


def open_dialog(qtbot, page) -> EventDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(EventDialog)))
    return next(d for d in page.findChildren(EventDialog) if d.isVisible())


def test_enter_on_an_event_corrects_it_and_undo_puts_it_back(qtbot, small_demo_window):
    window = small_demo_window
    page = window.navigate("children")
    ws, child_id, event = chosen_event(page)
    count = len(children.timeline(ws, child_id))
    qtbot.keyClick(page.detail.timeline, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, page)
    ui = dialog.ui
    assert dialog.windowTitle().startswith("Edit an event")
    assert ui.summaryEdit.text() == event["summary"] and ui.kindCombo.currentData() == event["kind"]
    assert ui.dateEdit.date() == QDate.fromString(event["date"], "yyyy-MM-dd")
    assert ui.agencyCombo.currentData() == event["agency_id"]
    ui.summaryEdit.selectAll()
    qtbot.keyClicks(ui.summaryEdit, "Strategy discussion held the next day")
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: ws.get("event", event["id"])["summary"] == "Strategy discussion held the next day"
    )
    assert len(children.timeline(ws, child_id)) == count  # corrected, not added
    assert ws.get("event", event["id"])["date"] == event["date"]
    window.undo_action.trigger()
    assert ws.get("event", event["id"])["summary"] == event["summary"]


def test_delete_removes_an_event_and_undo_brings_it_back(qtbot, small_demo_window):
    window = small_demo_window
    page = window.navigate("children")
    ws, child_id, event = chosen_event(page, row=0)
    count = page.detail.timeline_model.rowCount()
    qtbot.keyClick(page.detail.timeline, Qt.Key.Key_Delete)
    assert ws.get("event", event["id"]) is None
    assert page.detail.timeline_model.rowCount() == count - 1
    window.undo_action.trigger()
    assert ws.get("event", event["id"])["summary"] == event["summary"]
    assert page.detail.timeline_model.rowCount() == count


def test_a_correction_the_rules_refuse_keeps_the_dialog_open(qtbot, small_demo_window, monkeypatch):
    from jtai_desktop.ui import errors

    shown = []
    monkeypatch.setattr(errors, "show_error", lambda parent, error: shown.append(error))
    page = small_demo_window.navigate("children")
    ws, _child_id, event = chosen_event(page)
    qtbot.keyClick(page.detail.timeline, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, page)
    dialog.ui.summaryEdit.clear()
    qtbot.keyClick(dialog.ui.summaryEdit, Qt.Key.Key_Return)
    assert shown and "What happened" in shown[0].message and dialog.isVisible()
    assert ws.get("event", event["id"])["summary"] == event["summary"]
    dialog.reject()
