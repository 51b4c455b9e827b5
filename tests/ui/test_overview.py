"""The overview page on the demo inspection: facts, team, agencies, key dates with today."""

import shutil
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.calendar import CalendarSettings, key_dates
from jtai_desktop.services import inspections, preferences
from jtai_desktop.ui.dialogs.new_inspection import MemberDialog
from jtai_desktop.ui.models.key_dates import IsTodayRole, KeyDatesModel, progress_line
from jtai_desktop.ui.models.team import AgencyModel, TeamModel
from jtai_desktop.ui.pages.overview import OverviewPage
from jtai_desktop.ui.session import InspectionSession

from ..conftest import PASSPHRASE

TODAY = date(2026, 10, 13)  # a Tuesday in week 2 of the demo (notified Monday 5 October)


@pytest.fixture(scope="module")
def demo_context(small_demo_folder, tmp_path_factory):
    """One copy of the small demo, opened once and shared by this module's tests."""
    folder = shutil.copytree(small_demo_folder, tmp_path_factory.mktemp("overview") / "data")
    context = open_context(folder, PASSPHRASE, kdf_params=fast_params_for_tests())
    yield context
    context.close()


@pytest.fixture
def page(qtbot, demo_context):
    session = InspectionSession(demo_context)
    overview = OverviewPage(session, today=lambda: TODAY)
    qtbot.addWidget(overview)
    session.open_inspection(inspections.most_recent_inspection(demo_context.workspace))
    overview.resize(1100, 900)
    overview.show()
    qtbot.waitExposed(overview)
    return overview


def when_modal(qtbot, kind, act):
    """Run ``act(dialog)`` once a modal dialog of ``kind`` is open (it blocks in exec())."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_models_pass_the_model_tester(qtmodeltester, demo_context):
    ws = demo_context.workspace
    inspection_id = inspections.most_recent_inspection(ws)
    qtmodeltester.check(TeamModel(ws.rows("member", inspection_id)))
    agencies = AgencyModel(lambda _id, _on: True)
    agencies.set_rows(ws.rows("agency", inspection_id))
    qtmodeltester.check(agencies)
    dates = inspections.inspection_dates(ws, inspection_id)
    qtmodeltester.check(KeyDatesModel(dates.milestones(), TODAY))
    qtmodeltester.check(KeyDatesModel(dates.milestones()))


def test_overview_shows_area_team_and_today(page):
    assert page.fact_labels["area"].text() == "Northbridge"
    assert page.fact_labels["theme"].text() == (
        "Children who are victims of domestic abuse (unborn to 7)"
    )
    assert "Northbridge police" in page.fact_labels["partnership"].text()
    assert page.team_model.rowCount() == 8
    assert page.count_labels["children"].text() == "12"
    model = page.dates_model
    today = model.today_row()
    assert model.index(today, 0).data() == "Today"
    assert model.index(today, 1).data() == "Tuesday 13 October 2026"
    assert model.index(today, 0).data(IsTodayRole) is True
    # In date order: after "Children selected" (Friday 9th), before "Agency audits due" (16th).
    assert model.index(today - 1, 0).data() == "Children selected"
    assert model.index(today + 1, 0).data() == "Agency audits due"
    assert page.progress_label.text() == "Week 2 of the inspection: 4 working days to fieldwork"
    assert model.index(model.rowCount() - 1, 1).data() == "Tuesday 29 December 2026"


def test_add_team_member_is_saved_and_undoable(qtbot, page):
    before = page.team_model.rowCount()

    def fill(dialog):
        qtbot.keyClicks(dialog.name_edit, "Sam Okafor")
        dialog.inspectorate_combo.setCurrentIndex(dialog.inspectorate_combo.findData("cqc"))
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    when_modal(qtbot, MemberDialog, fill)
    qtbot.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    assert page.team_model.rowCount() == before + 1
    names = [page.team_model.index(r, 0).data() for r in range(page.team_model.rowCount())]
    assert "Sam Okafor" in names
    assert page.team_view.currentIndex().data() == "Sam Okafor"
    page.session.undo_stack.undo()
    assert page.team_model.rowCount() == before


def test_agency_scope_toggles_with_space(qtbot, page):
    ws, inspection_id = page.session.ws, page.session.inspection_id
    page.agency_view.setFocus()
    page.agency_view.setCurrentIndex(page.agency_model.index(1, 0))
    agency_id = page.agency_model.index(1, 0).data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(page.agency_view, Qt.Key.Key_Space)
    assert ws.get("agency", agency_id)["in_scope"] == 0
    assert (
        page.agency_model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )
    page.session.undo_stack.undo()
    assert ws.get("agency", agency_id)["in_scope"] == 1
    assert len(ws.rows("agency", inspection_id)) == 15


def test_auto_lock_preference_is_saved(qtbot, page):
    spin = page.auto_lock_spin
    assert spin.value() == preferences.auto_lock_minutes(page.session.ws) == 10
    spin.setFocus()
    spin.selectAll()
    with qtbot.waitSignal(page.session.auto_lock_minutes_changed) as signal:
        qtbot.keyClicks(spin, "3")
        qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert signal.args == [3]
    assert preferences.auto_lock_minutes(page.session.ws) == 3
    preferences.set_auto_lock_minutes(page.session.ws, 10)


@pytest.mark.parametrize(
    "today, line",
    [
        (date(2026, 10, 2), "Before notification: notification is on Monday 5 October 2026."),
        (date(2026, 10, 5), "Week 1 of the inspection: 10 working days to fieldwork"),
        (date(2026, 10, 16), "Week 2 of the inspection: 1 working day to fieldwork"),
        (date(2026, 10, 21), "Week 3 of the inspection: fieldwork, day 3 of 5"),
        (
            date(2026, 11, 2),
            "Fieldwork has ended: the letter is due between Friday 4 December 2026 "
            "and Tuesday 29 December 2026.",
        ),
        (date(2027, 1, 4), "The letter was due by Tuesday 29 December 2026."),
    ],
)
def test_progress_line_says_where_the_inspection_stands(today, line):
    dates = key_dates(date(2026, 10, 5), CalendarSettings())
    assert progress_line(dates, today) == line
