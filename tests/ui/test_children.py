"""The children page: list and filters, adding a child by keyboard, timeline, audit evaluation."""

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from jtai_desktop.services import reviews
from jtai_desktop.services.children import timeline
from jtai_desktop.ui.dialogs.child_dialog import ChildDialog
from jtai_desktop.ui.dialogs.event_dialog import EventDialog
from jtai_desktop.ui.models.children import ChildrenModel
from jtai_desktop.ui.models.roles import RecordIdRole


@pytest.fixture
def window(small_demo_window):
    return small_demo_window


@pytest.fixture
def page(window):
    return window.navigate("children")


def children(page):
    return page.session.ws.rows("child", page.session.inspection_id)


def visible_ids(page):
    return {page.proxy.index(r, 0).data(RecordIdRole) for r in range(page.proxy.rowCount())}


def open_dialog(qtbot, page, kind):
    qtbot.waitUntil(lambda: page.findChild(kind) is not None and page.findChild(kind).isVisible())
    return page.findChild(kind)


def test_models_pass_the_model_tester(qtmodeltester, page):
    assert page.model.rowCount() == 12
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    shown = page.detail.child_id
    assert page.detail.timeline_model.rowCount() == len(timeline(page.session.ws, shown)) >= 3
    qtmodeltester.check(page.detail.timeline_model)


def test_table_shows_selection_and_completeness(page):
    first = page.model.child_at(0)
    counts = reviews.review_completeness(page.session.ws, first.id)
    done = sum(c.done for c in counts.values())
    expected = sum(c.expected for c in counts.values())
    row = page.model.row_of(first.id)
    assert page.model.index(row, ChildrenModel.PSEUDONYM).data() == "Child A"
    assert page.model.index(row, ChildrenModel.SELECTION).data() == "Tracked"
    assert page.model.index(row, ChildrenModel.COMPLETENESS).data() == f"{done} of {expected}"


def test_filters_by_selection_agency_and_completeness(page):
    ws = page.session.ws
    page.selection_filter.setCurrentIndex(page.selection_filter.findData("tracked"))
    assert visible_ids(page) == {c["id"] for c in children(page) if c["selection"] == "tracked"}
    page.selection_filter.setCurrentIndex(0)
    # A health organisation some children know and others do not (the health visitors).
    health = next(
        a
        for a in ws.rows("agency", page.session.inspection_id)
        if a["service_type"] == "health_visiting"
    )
    page.agency_filter.setCurrentIndex(page.agency_filter.findData(health["id"]))
    with_health = {c["id"] for c in children(page) if health["id"] in c["agencies"]}
    assert visible_ids(page) == with_health and 0 < len(with_health) < 12
    page.agency_filter.setCurrentIndex(0)
    page.state_filter.setCurrentIndex(page.state_filter.findData("complete"))
    complete = {
        c["id"]
        for c in children(page)
        if all(v.done == v.expected for v in reviews.review_completeness(ws, c["id"]).values())
    }
    assert visible_ids(page) == complete and page.count_label.text().startswith(
        f"{len(complete)} of 12"
    )


def test_add_child_through_the_dialog_by_keyboard(qtbot, page):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)
    dialog = open_dialog(qtbot, page, ChildDialog)
    ui = dialog.ui
    assert ui.pseudonymEdit.text() == "Child M"  # the next free one after A..L
    qtbot.keyClicks(ui.pseudonymEdit, "Child Q2")  # replaces the selected suggestion
    qtbot.keyClick(ui.selectionCombo, Qt.Key_Down)
    ui.agenciesList.setCurrentIndex(dialog.agencies.index(1, 0))
    qtbot.keyClick(ui.agenciesList, Qt.Key_Space)
    qtbot.keyClicks(ui.nameEdit, "Sam Example")
    qtbot.keyClicks(ui.dobEdit, "02/08/2016")
    qtbot.keyClick(ui.dobEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: any(c["pseudonym"] == "Child Q2" for c in children(page)))
    child = next(c for c in children(page) if c["pseudonym"] == "Child Q2")
    assert child["selection"] == "sampled"
    assert len(child["agencies"]) == 1
    assert child["private_name"] == "Sam Example" and child["private_dob"] == "2016-08-02"
    assert page.model.row_of(child["id"]) is not None
    assert page.table.currentIndex().data(RecordIdRole) == child["id"]
    assert page.detail.pseudonym.text() == "Child Q2"
    page.session.undo_stack.undo()
    assert page.model.row_of(child["id"]) is None and page.model.rowCount() == 12


def test_duplicate_pseudonym_shows_the_message_and_saves_nothing(qtbot, page):
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    dialog = open_dialog(qtbot, page, ChildDialog)
    qtbot.keyClicks(dialog.ui.pseudonymEdit, "Child A")
    messages = []

    def close_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            messages.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, close_message)

    QTimer.singleShot(20, close_message)
    qtbot.keyClick(dialog.ui.pseudonymEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(messages))
    assert "already used" in messages[0]
    assert dialog.isVisible()  # still open to correct the pseudonym
    assert len(children(page)) == 12 and page.model.rowCount() == 12
    dialog.reject()


def test_add_event_appears_in_the_timeline_in_date_order(qtbot, page):
    page.table.selectRow(1)
    child_id = page.detail.child_id
    before = len(timeline(page.session.ws, child_id))
    qtbot.mouseClick(page.detail.add_event_button, Qt.LeftButton)
    dialog = open_dialog(qtbot, page, EventDialog)
    dialog.ui.dateEdit.setDate(QDate(2026, 4, 6))  # in the look-back, before every demo event
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("early_help"))
    qtbot.keyClick(dialog.ui.agencyCombo, Qt.Key_Down)
    qtbot.keyClicks(dialog.ui.summaryEdit, "Early help offered to the family")
    qtbot.keyClick(dialog.ui.summaryEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(timeline(page.session.ws, child_id)) == before + 1)
    model = page.detail.timeline_model
    assert model.rowCount() == before + 1
    assert model.index(0, 3).data() == "Early help offered to the family"
    assert model.index(0, 1).data() == "Early-help episode"
    assert model.index(0, 2).data()  # an agency was chosen
    dates = [e["date"] for e in timeline(page.session.ws, child_id)]
    assert dates == sorted(dates)
    assert page.detail.timeline.currentIndex().row() == 0  # the new event is selected


def test_audit_evaluation_autosaves_after_a_pause_and_undo_restores(qtbot, page):
    ws, child_id = page.session.ws, page.detail.child_id
    editor = page.detail.audit.evaluation
    original = ws.get("audit_eval", _audit_id(child_id))["evaluation"]
    assert editor.toPlainText() == original
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(editor, "The area's audit missed the risk from the father.")
    assert ws.get("audit_eval", _audit_id(child_id))["evaluation"] == original  # not yet
    qtbot.waitUntil(
        lambda: (
            ws.get("audit_eval", _audit_id(child_id))["evaluation"]
            == "The area's audit missed the risk from the father."
        ),
        timeout=3000,
    )
    page.session.undo_stack.undo()
    assert ws.get("audit_eval", _audit_id(child_id))["evaluation"] == original
    assert editor.toPlainText() == original


def test_agreement_saves_at_once(qtbot, page):
    ws, child_id = page.session.ws, page.detail.child_id
    combo = page.detail.audit.agreement
    key = Qt.Key_Up if combo.currentIndex() == combo.count() - 1 else Qt.Key_Down
    qtbot.keyClick(combo, key)
    stored = ws.get("audit_eval", _audit_id(child_id))["agreement"]
    assert stored == combo.currentData()
    page.session.undo_stack.undo()
    assert ws.get("audit_eval", _audit_id(child_id))["agreement"] != stored
    assert combo.currentData() == ws.get("audit_eval", _audit_id(child_id))["agreement"]


def test_summary_autosaves(qtbot, page):
    ws, child_id = page.session.ws, page.detail.child_id
    page.detail.summary.setFocus()
    qtbot.keyClick(page.detail.summary, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(page.detail.summary, "Living with mother; father left in May.")
    qtbot.keyClick(page.detail.summary, Qt.Key_Tab)  # leaving the field saves at once
    assert ws.get("child", child_id)["summary"] == "Living with mother; father left in May."


def test_enter_and_the_button_ask_for_the_case_review(qtbot, page):
    page.table.selectRow(2)
    child_id = page.model.child_at(page.proxy.mapToSource(page.table.currentIndex()).row()).id
    with qtbot.waitSignal(page.review_requested) as signal:
        qtbot.keyClick(page.table, Qt.Key_Return)
    assert signal.args == [child_id]
    with qtbot.waitSignal(page.review_requested) as signal:
        qtbot.mouseClick(page.detail.review_button, Qt.LeftButton)
    assert signal.args == [child_id]


def test_show_record_selects_the_child_of_an_event(window, page):
    page.find_edit.setText("no such child")
    child = next(c for c in children(page) if c["pseudonym"] == "Child E")
    event = timeline(page.session.ws, child["id"])[2]
    window.jump_to("event", event["id"])
    assert page.detail.child_id == child["id"]
    assert page.find_edit.text() == ""  # the filter that hid the child was cleared
    assert page.detail.timeline.currentIndex().row() == 2


def _audit_id(child_id):
    from jtai_desktop.services.ids import audit_eval_id

    return audit_eval_id(child_id)
