"""The front door page on the demo, driven from the keyboard: recording a sampled contact in
the form, its timings and the distribution per step, correcting and deleting with undo, the
team's targets, citing the counts from a finding, and a refused save keeping the form open."""

from datetime import date

from PySide6.QtCore import QDate, Qt

from jtai_desktop.services import findings, front_door, timeliness
from jtai_desktop.ui.dialogs.front_door_sample import FrontDoorSampleDialog
from jtai_desktop.ui.dialogs.front_door_settings import CiteTimelinessDialog, TargetsDialog
from jtai_desktop.ui.models.front_door import (
    COUNT,
    OVER_TARGET,
    TO_DECISION,
    SamplesModel,
    TimelinessModel,
)

from .keyboard import focused, press, shortcut, show_active, tab_to, type_text


def open_page(window):
    page = window.navigate("front_door")
    page.view.setFocus()
    return page


def wait_dialog(qtbot, page, kind):
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(kind)))
    dialog = next(d for d in page.findChildren(kind) if d.isVisible())
    show_active(qtbot, dialog)
    return dialog


def test_a_contact_recorded_from_the_keyboard_is_timed_in_working_hours(qtbot, small_demo_window):
    window = small_demo_window
    page = open_page(window)
    ws, inspection_id = page.session.ws, page.session.inspection_id
    before = timeliness.timeliness(ws, inspection_id).distributions[0]
    shortcut(qtbot, "Ctrl+Shift+D")
    dialog = wait_dialog(qtbot, page, FrontDoorSampleDialog)
    ui = dialog.ui
    assert focused() is ui.labelEdit and ui.labelEdit.text() == "FD-17"  # the next label
    ui.labelEdit.selectAll()
    type_text(qtbot, "FD-bank holiday")
    # Friday 29 May 2026 16:30 (the Spring bank holiday was the Monday before: a working
    # week), decided Monday 1 June 10:00: half an hour on Friday and one on Monday.
    ui.contactDateEdit.setDate(QDate(2026, 5, 30))
    tab_to(qtbot, ui.contactDateEdit)
    press(qtbot, Qt.Key.Key_Down)  # the day: 30 -> 29 May, by the arrow key
    assert ui.contactDateEdit.date() == QDate(2026, 5, 29)
    tab_to(qtbot, ui.contactTimeEdit)
    type_text(qtbot, "16:30")
    tab_to(qtbot, ui.sourceKindCombo)
    press(qtbot, Qt.Key.Key_Down)  # the first choice: police
    tab_to(qtbot, ui.sourceRoleEdit)
    type_text(qtbot, "response officer")
    tab_to(qtbot, ui.decisionCheck)
    press(qtbot, Qt.Key.Key_Space)
    assert ui.decisionDateEdit.isEnabled()
    ui.decisionDateEdit.setDate(QDate(2026, 6, 1))
    tab_to(qtbot, ui.decisionTimeEdit)
    type_text(qtbot, "10:00")
    tab_to(qtbot, ui.thresholdCombo)
    press(qtbot, Qt.Key.Key_End)  # the last choice: already open to social care
    tab_to(qtbot, ui.decisionByEdit)
    type_text(qtbot, "MASH team manager")
    tab_to(qtbot, ui.decisionAgreementCombo)
    press(qtbot, Qt.Key.Key_Down)  # agrees
    tab_to(qtbot, ui.seenCombo)
    press(qtbot, Qt.Key.Key_Down)  # seen
    assert ui.seenDateEdit.isEnabled() and not ui.strategyDateEdit.isEnabled()
    ui.seenDateEdit.setDate(QDate(2026, 6, 2))
    tab_to(qtbot, ui.notesEdit)
    type_text(qtbot, "Decided first thing on Monday.")
    tab_to(qtbot, ui.lookbackReasonEdit)
    press(qtbot, Qt.Key.Key_Return)  # OK

    qtbot.waitUntil(lambda: not dialog.isVisible())
    (row,) = [r for r in front_door.samples(ws, inspection_id) if r["label"] == "FD-bank holiday"]
    assert (row["contact_date"], row["contact_time"]) == ("2026-05-29", "16:30")
    assert (row["source_kind"], row["source_role"]) == ("police", "response officer")
    assert (row["decision_date"], row["decision_time"]) == ("2026-06-01", "10:00")
    assert row["threshold_decision"] == "already_open" and row["decision_agreement"] == "agrees"
    assert (row["child_seen"], row["seen_date"], row["seen_time"]) == ("yes", "2026-06-02", None)
    assert row["strategy_date"] is None
    assert page.current_id() == row["id"] and window.focusWidget() is page.view
    shown = page.proxy.index(page.view.currentIndex().row(), TO_DECISION).data()
    assert shown == "1.5 h"
    counted = page.timeliness_model.index(0, COUNT).data()
    assert counted == str(before.count + 1)
    window.undo_action.trigger()
    assert ws.get("front_door_sample", row["id"]) is None
    assert page.timeliness_model.index(0, COUNT).data() == str(before.count)


def test_enter_corrects_a_sample_and_delete_removes_it_both_undone(qtbot, small_demo_window):
    window = small_demo_window
    page = open_page(window)
    ws = page.session.ws
    page.view.selectRow(0)
    sample_id = page.current_id()
    original = ws.require("front_door_sample", sample_id)
    press(qtbot, Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, page, FrontDoorSampleDialog)
    assert dialog.ui.labelEdit.text() == original["label"]
    assert dialog.ui.decisionCheck.isChecked() == bool(original["decision_date"])
    dialog.ui.contactTimeEdit.setFocus()
    dialog.ui.contactTimeEdit.selectAll()
    type_text(qtbot, "15:00")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.require("front_door_sample", sample_id)["contact_time"] == "15:00")
    window.undo_action.trigger()
    assert ws.require("front_door_sample", sample_id)["contact_time"] == original["contact_time"]
    rows = page.model.rowCount()
    show_active(qtbot, window)  # a window manager would activate it after the dialog
    page.view.setFocus()
    press(qtbot, Qt.Key.Key_Delete)
    assert ws.get("front_door_sample", sample_id) is None and page.model.rowCount() == rows - 1
    window.undo_action.trigger()
    assert ws.require("front_door_sample", sample_id)["label"] == original["label"]
    assert page.model.rowCount() == rows


def test_a_name_where_a_role_belongs_is_refused_and_the_form_stays_open(
    qtbot, small_demo_window, monkeypatch
):
    from jtai_desktop.ui import errors

    shown = []
    monkeypatch.setattr(errors, "show_error", lambda parent, error: shown.append(error))
    page = open_page(small_demo_window)
    ws, inspection_id = page.session.ws, page.session.inspection_id
    count = len(front_door.samples(ws, inspection_id))
    page.add_sample()
    dialog = wait_dialog(qtbot, page, FrontDoorSampleDialog)
    dialog.ui.sourceKindCombo.setCurrentIndex(1)
    dialog.ui.contactDateEdit.setDate(QDate(2026, 9, 1))
    dialog.ui.sourceRoleEdit.setText("Mrs Hartley")
    dialog.ui.sourceRoleEdit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert shown and "person's name" in shown[0].message and dialog.isVisible()
    assert "Hartley" not in shown[0].message  # the message does not repeat the name
    dialog.ui.contactDateEdit.setDate(QDate.currentDate().addDays(1))
    dialog.ui.sourceRoleEdit.setText("neighbour")
    press(qtbot, Qt.Key.Key_Return)
    assert "in the future" in shown[1].message and dialog.isVisible()
    assert len(front_door.samples(ws, inspection_id)) == count
    dialog.reject()


def test_a_date_before_the_look_back_is_pointed_out_before_saving(qtbot, small_demo_window):
    page = open_page(small_demo_window)
    page.add_sample()
    dialog = wait_dialog(qtbot, page, FrontDoorSampleDialog)
    dialog.ui.contactDateEdit.setDate(QDate(2026, 4, 1))
    assert dialog.ui.datesHint.isVisible()
    assert "before the look-back, which starts on 5 Apr 2026" in dialog.ui.datesHint.text()
    dialog.ui.contactDateEdit.setDate(QDate(2026, 4, 6))
    assert not dialog.ui.datesHint.isVisible()
    dialog.reject()


def test_targets_change_how_many_are_over_and_undo_restores_them(qtbot, small_demo_window):
    window = small_demo_window
    page = open_page(window)
    over = page.timeliness_model.index(0, OVER_TARGET).data()
    assert over == "2 of 15"  # the demo's two decisions slower than a working day
    page.targets_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog = wait_dialog(qtbot, page, TargetsDialog)
    assert focused() is dialog.ui.dayStartEdit
    tab_to(qtbot, dialog.ui.decisionTargetSpin)
    dialog.ui.decisionTargetSpin.selectAll()
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # Over 4 working hours: FD-02 (4.3), 05 (5.2), 08 (28.9), 09 (5.5), 12 (6.7), 13 (26.5),
    # 14 (4.6) and 16 (5.7), counted by hand from resources/demo/front_door_samples.toml.
    assert page.timeliness_model.index(0, OVER_TARGET).data() == "8 of 15"
    window.undo_action.trigger()
    assert page.timeliness_model.index(0, OVER_TARGET).data() == "2 of 15"


def test_a_finding_cites_the_timings_from_the_keyboard(qtbot, small_demo_window):
    page = open_page(small_demo_window)
    ws, inspection_id = page.session.ws, page.session.inspection_id
    first = findings.findings_in_order(ws, inspection_id)[0]
    cited_before = len(findings.cited_evidence(ws, first["id"]))
    page.cite_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog = wait_dialog(qtbot, page, CiteTimelinessDialog)
    dialog.ui.findingsView.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # tick the first finding
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    cited = findings.cited_evidence(ws, first["id"])
    assert len(cited) == cited_before + 1
    item = next(e for e in cited if e["title"].startswith("Front door timeliness"))
    assert item["source"] == "data" and item["date"] == date.today().isoformat()
    assert "Contact to MASH decision: 16 samples" in item["description"]


def test_the_models_are_sound(qtmodeltester, small_demo_window):
    page = open_page(small_demo_window)
    assert isinstance(page.model, SamplesModel) and page.model.rowCount() == 16
    qtmodeltester.check(page.model)
    assert isinstance(page.timeliness_model, TimelinessModel)
    qtmodeltester.check(page.timeliness_model)


def test_ctrl_h_shows_who_changed_the_chosen_sample(qtbot, small_demo_window):
    window = small_demo_window
    page = open_page(window)
    page.view.selectRow(0)
    sample_id = page.current_id()
    assert page.current_record() == ("front_door_sample", sample_id)
    shortcut(qtbot, "Ctrl+H")
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None)
    dialog = window.history_dialog
    assert dialog.isVisible() and dialog.entity_id == sample_id
    dialog.close()


def test_each_steps_name_is_shown_whole_in_a_laptop_sized_window(qtbot, small_demo_window):
    window = small_demo_window
    window.resize(1280, 740)
    page = open_page(window)
    view, model = page.timeliness_view, page.timeliness_model
    qtbot.waitUntil(lambda: view.isVisible() and view.columnWidth(0) > 0)
    metrics = view.fontMetrics()
    for row in range(model.rowCount()):
        step = model.index(row, 0).data()
        assert metrics.horizontalAdvance(step) < view.columnWidth(0), step


def test_organisations_are_offered_with_the_mash_police_and_icb_first(qtbot, small_demo_window):
    page = open_page(small_demo_window)
    shortcut(qtbot, "Ctrl+Shift+D")
    dialog = wait_dialog(qtbot, page, FrontDoorSampleDialog)
    model = dialog.ui.strategyAgenciesView.model()
    took_part = [model.index(r, 0).data() for r in range(model.rowCount())]
    combo = dialog.ui.sourceAgencyCombo
    source = [combo.itemText(i) for i in range(1, combo.count())]  # after "None"
    assert took_part == source and took_part[0] == "Northbridge MASH"
    police, icb = took_part.index("Northbridge Police"), took_part.index("Northbridge ICB")
    assert police < icb < took_part.index("Millbrook Medical Practice")
    dialog.reject()
