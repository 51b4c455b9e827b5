"""The fieldwork plan page on the demo, from the keyboard: my work and the lead's gaps,
allocating an inspector by ticking with Space, a specialism, and the timetable (a session
added with Ctrl+Shift+T that clashes is flagged in words; Delete and undo); reaching the new
sections from the keyboard; and timeline events with a time and a reason for older history."""

from PySide6.QtCore import QDate, Qt

from jtai_desktop.services import allocation, children, timetable
from jtai_desktop.ui.dialogs.event_dialog import EventDialog
from jtai_desktop.ui.dialogs.timetable_entry import TimetableEntryDialog
from jtai_desktop.ui.models.fieldwork import AllocatableModel
from jtai_desktop.ui.pages.fieldwork import ALLOCATION, TIMETABLE
from jtai_desktop.ui.widgets.allocation_panel import GAPS

from .keyboard import focused, press, shortcut, show_active, tab_to, type_text


def wait_dialog(qtbot, parent, kind):
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(kind)))
    dialog = next(d for d in parent.findChildren(kind) if d.isVisible())
    show_active(qtbot, dialog)
    return dialog


def test_the_new_sections_are_reached_from_the_keyboard(qtbot, small_demo_window):
    window = small_demo_window
    titles = [a.text() for a in window.go_menu.actions()]
    assert titles[:4] == ["Overview", "Fieldwork plan", "Children", "Front door"]
    assert titles[-1] == "Merge review"  # still the last section
    window.navigator.setFocus()
    shortcut(qtbot, "Alt+4")
    assert window.current_page() is window.pages["front_door"]
    shortcut(qtbot, "Alt+2")
    assert window.current_page() is window.pages["fieldwork"]
    shortcut(qtbot, "Alt+0")  # the tenth section
    assert window.current_page() is window.pages["search"]


def test_my_work_lists_what_is_mine_and_the_lead_sees_the_gaps(qtbot, small_demo_window):
    page = small_demo_window.navigate("fieldwork")
    ws, inspection_id = page.session.ws, page.session.inspection_id
    mine = allocation.my_work(ws, inspection_id)
    listed = {page.mine_model.index(r, 1).data() for r in range(page.mine_model.rowCount())}
    assert listed == {
        i.row.get("pseudonym") or i.row.get("name") for i in mine if i.kind != "timetable_entry"
    }
    assert "Helen Marsh" in page.me_label.text()  # the demo's lead acts on this computer
    assert page.gaps_label.isVisible()
    assert page.gaps_label.text() == (
        "As the lead: Nobody is allocated to 2 children and 1 organisation yet."
    )
    sessions = page.my_sessions.model.rowCount()
    assert sessions == sum(i.kind == "timetable_entry" for i in mine) and sessions > 0
    assert "Helen Marsh is in two places" in page.my_sessions.clashes_label.text()
    page.gaps_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert page.tabs.currentIndex() == ALLOCATION
    assert page.allocation.show_combo.currentData() == GAPS
    assert page.allocation.proxy.rowCount() == 3


def test_ticking_an_inspector_with_space_allocates_and_closes_a_gap(qtbot, small_demo_window):
    window = small_demo_window
    page = window.navigate("fieldwork")
    ws, inspection_id = page.session.ws, page.session.inspection_id
    page.show_gaps()
    panel = page.allocation
    panel.view.selectRow(0)
    kind, item_id = panel._current_kind(), panel._current_item()
    assert kind == "child"
    panel.inspectors.setFocus()
    tom = next(m["id"] for m in ws.rows("member", inspection_id) if m["name"] == "Tom Ridley")
    panel.inspectors.view.setCurrentIndex(panel.inspectors.row_of(tom))
    press(qtbot, Qt.Key.Key_Space)
    assert allocation.inspectors_of(ws, inspection_id, kind, item_id) == [tom]
    assert panel.proxy.rowCount() == 2  # that child is no longer a gap
    assert panel.gaps_label.text() == "Nobody is allocated to 1 child and 1 organisation yet."
    window.undo_action.trigger()
    assert allocation.inspectors_of(ws, inspection_id, kind, item_id) == []
    assert panel.proxy.rowCount() == 3


def test_a_specialism_is_typed_and_saved_with_enter(qtbot, small_demo_window):
    page = small_demo_window.navigate("fieldwork")
    page.tabs.setCurrentIndex(ALLOCATION)
    ws = page.session.ws
    panel = page.allocation
    panel.team_view.selectRow(2)
    member_id = panel._current_member()
    panel.specialism.setFocus()
    panel.specialism.lineEdit().selectAll()
    type_text(qtbot, "Early years")
    press(qtbot, Qt.Key.Key_Return)
    assert ws.require("member", member_id)["specialism"] == "Early years"
    assert page.allocation.team_model.index(2, 2).data() == "Early years"


def test_a_session_that_clashes_is_added_from_the_keyboard_flagged_and_deleted(
    qtbot, small_demo_window
):
    window = small_demo_window
    page = window.navigate("fieldwork")
    ws, inspection_id = page.session.ws, page.session.inspection_id
    before = len(timetable.timetable_clashes(ws, inspection_id))
    page.tabs.setFocus()
    shortcut(qtbot, "Ctrl+Shift+T")
    assert page.tabs.currentIndex() == TIMETABLE
    dialog = wait_dialog(qtbot, page, TimetableEntryDialog)
    ui = dialog.ui
    assert focused() is ui.kindCombo
    press(qtbot, Qt.Key.Key_Down)  # interview
    tab_to(qtbot, ui.titleEdit)
    type_text(qtbot, "Head of the MASH")
    ui.dateEdit.setDate(QDate(2026, 10, 19))  # Monday, the first day on site
    tab_to(qtbot, ui.startEdit)
    ui.startEdit.selectAll()
    type_text(qtbot, "10:30")
    tab_to(qtbot, ui.endEdit)
    ui.endEdit.selectAll()
    type_text(qtbot, "11:15")
    tab_to(qtbot, ui.roomEdit)
    type_text(qtbot, "room 1")  # the strategic leaders' meeting is there until 11:00
    tab_to(qtbot, ui.inspectorsView)
    press(qtbot, Qt.Key.Key_Space)  # the first inspector: Helen Marsh, also in that meeting
    tab_to(qtbot, ui.childrenView)
    press(qtbot, Qt.Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: not dialog.isVisible())

    entry = next(
        e for e in timetable.entries(ws, inspection_id) if e["title"] == "Head of the MASH"
    )
    assert (entry["kind"], entry["date"], entry["start_time"], entry["end_time"]) == (
        "interview",
        "2026-10-19",
        "10:30",
        "11:15",
    )
    found = timetable.timetable_clashes(ws, inspection_id)
    assert len(found) == before + 2  # Helen Marsh, and Room 1
    text = page.timetable.clashes_label.text()
    assert "Helen Marsh is in two places on Monday 19 October 2026" in text
    assert "room 1 is booked twice" in text.lower()
    assert page.timetable.current_id() == entry["id"]
    row = page.timetable.view.currentIndex().row()
    assert page.timetable.proxy.index(row, 7).data() == "2 clashes"
    show_active(qtbot, window)
    page.timetable.view.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert ws.get("timetable_entry", entry["id"]) is None
    assert len(timetable.timetable_clashes(ws, inspection_id)) == before
    window.undo_action.trigger()
    assert ws.require("timetable_entry", entry["id"])["title"] == "Head of the MASH"
    assert allocation.inspectors_of(ws, inspection_id, "timetable_entry", entry["id"])


def test_the_day_filter_shows_one_day_of_the_week(qtbot, small_demo_window):
    page = small_demo_window.navigate("fieldwork")
    page.tabs.setCurrentIndex(TIMETABLE)
    combo = page.timetable.day_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "Mon 19 Oct 2026",
        "Tue 20 Oct 2026",
        "Wed 21 Oct 2026",
        "Thu 22 Oct 2026",
        "Fri 23 Oct 2026",
    ]
    combo.setCurrentIndex(1)
    proxy = page.timetable.proxy
    days = {proxy.index(r, 0).data() for r in range(proxy.rowCount())}
    assert days == {"Mon 19 Oct 2026"}
    page.timetable.add_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # a new session starts on the day shown
    dialog = wait_dialog(qtbot, page, TimetableEntryDialog)
    assert dialog.ui.dateEdit.date() == QDate(2026, 10, 19)
    assert dialog.children_choice.rowCount() == 12  # the demo's children, to tick
    dialog.reject()


def test_the_models_are_sound(qtmodeltester, small_demo_window):
    page = small_demo_window.navigate("fieldwork")
    for model in (
        page.mine_model,
        page.allocation.model,
        page.allocation.team_model,
        page.timetable.model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


# --- timeline events: a time, and a reason for older history ---------------------------------
def test_an_event_before_the_look_back_needs_the_reason_the_dialog_asks_for(
    qtbot, small_demo_window, monkeypatch
):
    from jtai_desktop.ui import errors

    shown = []
    monkeypatch.setattr(errors, "show_error", lambda parent, error: shown.append(error))
    page = small_demo_window.navigate("children")
    page.table.selectRow(1)
    child_id = page.detail.child_id
    ws = page.session.ws
    count = len(children.timeline(ws, child_id))
    page.detail.add_event()
    dialog = wait_dialog(qtbot, page, EventDialog)
    ui = dialog.ui
    ui.dateEdit.setDate(QDate(2026, 2, 10))
    assert ui.dateHint.isVisible() and "starts on 5 Apr 2026" in ui.dateHint.text()
    tab_to(qtbot, ui.timeEdit)
    type_text(qtbot, "9.45")
    tab_to(qtbot, ui.summaryEdit)
    type_text(qtbot, "First police call-out to the family")
    press(qtbot, Qt.Key.Key_Return)
    assert shown and "before the look-back" in shown[0].message and dialog.isVisible()
    assert len(children.timeline(ws, child_id)) == count
    tab_to(qtbot, ui.reasonEdit)
    type_text(qtbot, "The abuse began before the look-back")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(children.timeline(ws, child_id)) == count + 1)
    first = children.timeline(ws, child_id)[0]
    assert (first["date"], first["time"]) == ("2026-02-10", "09:45")
    assert first["lookback_reason"] == "The abuse began before the look-back"
    model = page.detail.timeline_model
    assert model.index(0, 0).data() == "10 Feb 2026 09:45"
    assert "Before the look-back" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_the_allocation_list_shows_who_has_each_item_whole_in_a_laptop_sized_window(
    qtbot, small_demo_window
):
    window = small_demo_window
    window.resize(1280, 820)  # the window's own size, sessions' days and times in view
    page = window.navigate("fieldwork")
    page.tabs.setCurrentIndex(ALLOCATION)
    view, proxy = page.allocation.view, page.allocation.proxy
    qtbot.waitUntil(lambda: view.isVisible() and view.columnWidth(AllocatableModel.NAME) > 0)
    last = view.rowAt(view.viewport().height() - 1)
    assert proxy.index(last, AllocatableModel.KIND).data() == "Session"
    metrics = view.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(proxy.index(row, AllocatableModel.INSPECTORS).data())
        for row in range(0, last + 1)
    )
    assert widest < view.columnWidth(AllocatableModel.INSPECTORS)
    details = {
        proxy.index(r, AllocatableModel.NAME).data(): proxy.index(r, AllocatableModel.DETAIL).data()
        for r in range(proxy.rowCount())
    }
    assert details["Northbridge health visiting service"] == "Health visiting"
    assert details["Northbridge Police"] == "Police force"
    briefing = proxy.match(
        proxy.index(0, AllocatableModel.NAME), Qt.ItemDataRole.DisplayRole, "Team briefing"
    )
    assert briefing[0].siblingAtColumn(AllocatableModel.INSPECTORS).data() == "Whole team"


def test_one_edit_is_read_once_however_many_records_it_changed(
    qtbot, small_demo_window, monkeypatch
):
    """Giving a child to another inspector allocates one and takes the other off (three
    records announced): the plan reads what it shows once, and shows the new inspector."""
    page = small_demo_window.navigate("fieldwork")
    session = page.session
    ws, inspection_id = session.ws, session.inspection_id
    members = [m["id"] for m in ws.rows("member", inspection_id)]
    child = ws.rows("child", inspection_id)[0]["id"]
    session.edit(lambda w: allocation.set_inspectors(w, "child", child, [members[0]]))
    readings = []
    real = page.refresh
    monkeypatch.setattr(page, "refresh", lambda: readings.append(1) or real())
    changes = session.edit(lambda w: allocation.set_inspectors(w, "child", child, [members[1]]))
    assert len(changes.changes) >= 2 and len(readings) == 1
    assert allocation.inspectors_of(ws, inspection_id, "child", child) == [members[1]]
    small_demo_window.undo_action.trigger()  # at once, in the same turn of the event loop
    assert len(readings) == 2
    assert allocation.inspectors_of(ws, inspection_id, "child", child) == [members[0]]
