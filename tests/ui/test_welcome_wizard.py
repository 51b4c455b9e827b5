"""The welcome screen and the new-inspection wizard, driven from the keyboard."""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from jtai_desktop.domain.themes import default_themes_dir, load_packs
from jtai_desktop.services import inspections
from jtai_desktop.services.inspections import MemberInput
from jtai_desktop.ui.dialogs.new_inspection import MemberDialog, NewInspectionWizard
from jtai_desktop.ui.pages.welcome import WelcomePage
from jtai_desktop.ui.session import InspectionSession

TODAY = date(2026, 10, 13)
PACKS = load_packs(default_themes_dir())


def when_modal(qtbot, kind, act):
    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def focused():
    return QApplication.focusWidget()


def show_active(qtbot, widget):
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.waitUntil(lambda: focused() is not None)  # focus comes back after a dialog closes
    qtbot.keyClick(focused(), key, modifier)


@pytest.fixture
def session(context):
    return InspectionSession(context)


@pytest.fixture
def wizard(qtbot, session):
    wizard = NewInspectionWizard(session, PACKS, today=lambda: TODAY)
    qtbot.addWidget(wizard)
    show_active(qtbot, wizard)
    return wizard


# --- welcome ------------------------------------------------------------------------------


def test_welcome_lists_inspections_and_enter_opens_one(qtbot, session, ws):
    pack = PACKS["neglect"]
    first = inspections.create_inspection(
        ws,
        pack,
        area="Westvale",
        notification=date(2026, 3, 2),
        lead=MemberInput("Ann Lead", "ofsted"),
    ).entity_id
    second = inspections.create_inspection(
        ws,
        pack,
        area="Eastmoor",
        notification=date(2026, 5, 11),
        lead=MemberInput("Ann Lead", "ofsted"),
    ).entity_id
    page = WelcomePage(session)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    assert page.model.rowCount() == 2
    assert page.model.index(0, 1).data() == "Monday 11 May 2026"  # the latest first
    assert focused() is page.list_view
    press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.open_inspection) as opened:
        press(qtbot, Qt.Key.Key_Return)
    assert opened.args == [first]
    assert second != first


def test_empty_welcome_offers_demo_and_create(qtbot, session):
    page = WelcomePage(session)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    assert page.empty_label.isVisible() and not page.list_view.isVisible()
    assert focused() is page.demo_button
    assert not page.join_button.isEnabled()
    assert "team sync" in page.join_button.toolTip() and page.join_note.isVisible()
    with qtbot.waitSignal(page.open_demo):
        press(qtbot, Qt.Key.Key_Space)
    with qtbot.waitSignal(page.create_inspection):
        page.create_button.setFocus()
        press(qtbot, Qt.Key.Key_Space)


# --- wizard -------------------------------------------------------------------------------


def go_to_calendar(qtbot, wizard):
    press(qtbot, Qt.Key.Key_Return)  # kind: front door
    press(qtbot, Qt.Key.Key_Return)  # theme: the only front-door pack
    qtbot.keyClicks(focused(), "Eastshire")  # area
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.calendarPage


def step_days(qtbot, days):
    """Move the notification date by whole days with the arrow keys on the day section."""
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(abs(days)):
        press(qtbot, Qt.Key.Key_Up if days > 0 else Qt.Key.Key_Down)


def test_wizard_by_keyboard_creates_the_inspection(qtbot, wizard, session):
    ws = session.ws
    assert wizard.currentPage() is wizard.ui.kindPage
    wizard.ui.frontDoorRadio.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # arrows move between the radio buttons
    assert wizard.ui.thematicRadio.isChecked()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.themePage
    wizard.ui.themeList.setFocus()
    titles = [wizard.theme_model.pack(r).title for r in range(wizard.theme_model.rowCount())]
    press(qtbot, Qt.Key.Key_Down)  # the second theme, by title
    pack = wizard.chosen_pack()
    assert pack.title == titles[1] and pack.kind == "thematic"
    assert pack.description in wizard.ui.themeDescription.text()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.areaPage
    assert focused() is wizard.ui.areaEdit
    qtbot.keyClicks(focused(), "Eastshire")
    assert wizard.ui.policeEdit.text() == "Eastshire police"
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # to the integrated care board
    focused().selectAll()
    qtbot.keyClicks(focused(), "Eastshire and Vale ICB")
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.calendarPage
    assert wizard.ui.noticeSpin.value() == pack.notice_days
    assert focused() is wizard.ui.notificationEdit
    assert wizard.notification() == TODAY
    step_days(qtbot, 6)  # Monday 19 October
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "No&tice period" (Tab would
    assert focused() is wizard.ui.noticeSpin  # step through the date's parts)
    focused().selectAll()
    qtbot.keyClicks(focused(), "9")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is wizard.ui.dayOneCheck
    press(qtbot, Qt.Key.Key_Space)  # notification day counts as day 1
    assert wizard.dates_model.index(1, 1).data() == "Monday 19 October 2026"
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.teamPage
    qtbot.keyClicks(focused(), "Ann Lead")

    def add(dialog):
        qtbot.keyClicks(dialog.name_edit, "Ben Member")
        qtbot.keyClick(dialog.inspectorate_combo, Qt.Key.Key_Down)  # CQC
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    when_modal(qtbot, MemberDialog, add)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "&Add member…" (animated)
    qtbot.waitUntil(lambda: wizard.members_model.rowCount() == 1)
    show_active(qtbot, wizard)  # the offscreen platform has no window manager to do it
    wizard.ui.leadNameEdit.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Finish
    assert wizard.result() == QWizard.DialogCode.Accepted

    row = ws.require("inspection", wizard.inspection_id)
    assert (row["theme_id"], row["area"], row["notice_days"]) == (pack.id, "Eastshire", 9)
    assert row["notification_date"] == "2026-10-19" and row["notification_is_day_one"] == 1
    assert row["partnership"][1] == "Eastshire and Vale ICB"
    members = {m["name"]: m for m in ws.rows("member", wizard.inspection_id)}
    assert members["Ann Lead"]["role"] == "lead" and members["Ann Lead"]["inspectorate"] == "ofsted"
    assert members["Ben Member"]["inspectorate"] == "cqc"
    kinds = {a["kind"] for a in ws.rows("agency", wizard.inspection_id)}
    assert kinds == set(pack.agencies)
    dates = inspections.inspection_dates(ws, wizard.inspection_id)
    assert dates.fieldwork_start == date(2026, 10, 29)  # working day 9, counting the 19th as 1


def test_saturday_notification_blocks_next_with_the_message(qtbot, wizard):
    go_to_calendar(qtbot, wizard)
    step_days(qtbot, 4)  # Saturday 17 October
    error = wizard.ui.calendarError
    assert error.isVisible()
    assert "Saturday 17 October 2026 is a Saturday" in error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.dates_model.rowCount() == 0
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.calendarPage
    step_days(qtbot, -1)
    assert not error.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.teamPage


def test_empty_area_blocks_next_and_partners_follow_until_typed(qtbot, wizard):
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.areaPage
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.ui.areaPage
    qtbot.keyClicks(wizard.ui.localAuthorityEdit, "Own name")
    qtbot.keyClicks(wizard.ui.areaEdit, "Northdale")
    assert wizard.ui.localAuthorityEdit.text() == "Own name"
    assert wizard.ui.icbEdit.text() == "Northdale integrated care board"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
