"""An inspector's whole workflow in the real main window, with the keyboard alone.

From an empty data folder: create an inspection → add a child → review a criterion → write a
meeting note with consent → attach evidence → write a finding citing it → undo and redo.
Every key goes to the widget that has the keyboard focus, as it would for a person; after each
step the test checks what the user sees and what the services hold.

Two stand-ins are used, because of the offscreen platform, not the app: the operating
system's file dialog is replaced (it cannot be driven offscreen), and windows are activated
by the test after a dialog closes (there is no window manager to do it).
"""

import hashlib
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QListView, QWizard

from jtai_desktop.domain.themes import default_themes_dir, load_packs
from jtai_desktop.services import findings, inspections, reviews
from jtai_desktop.services.inspections import MemberInput
from jtai_desktop.ui.assemble import build_main_window
from jtai_desktop.ui.dialogs.child_dialog import ChildDialog
from jtai_desktop.ui.dialogs.evidence_picker import EvidencePicker
from jtai_desktop.ui.dialogs.new_inspection import NewInspectionWizard
from jtai_desktop.ui.models.notes import TITLE as NOTE_TITLE
from jtai_desktop.ui.models.roles import RecordIdRole
from jtai_desktop.ui.pages import evidence as evidence_page
from jtai_desktop.ui.widgets.finding_editor import NewFindingDialog

from .keyboard import ModalDriver, focused, press, shortcut, show_active, tab_to, type_text
from .sync_team import no_modal_boxes  # noqa: F401 (autouse: a message box fails the test)

Key = Qt.Key
OBSERVATION = "Strategy meeting held the same day; the plan says who does what by when."
NOTE_TITLE_TEXT = "Meeting with Child A's mother"
NOTE_TEXT = "Mother and Child A took part and agreed to notes being kept."
FINDING_TITLE = "Leaders know how long children wait for a strategy meeting"
FINDING_TEXT = "Waiting times are tracked weekly and reported to the partnership."
MINUTES = b"Strategy discussion held on day 2.\n"


@pytest.fixture
def window(qtbot, tmp_path, open_folder):
    window = build_main_window(open_folder(tmp_path / "data"))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    yield window
    window.session.tasks.wait()


@pytest.fixture
def minutes_file(tmp_path, monkeypatch):
    """The evidence file, "chosen" in the file dialog the evidence page opens."""
    path = tmp_path / "strategy-minutes.txt"
    path.write_bytes(MINUTES)
    # The only non-keyboard stand-in: an OS file dialog cannot be driven offscreen.
    monkeypatch.setattr(
        evidence_page.QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *args, **kwargs: ([str(path)], "")),
    )
    return path


@dataclass
class Journey:
    qtbot: object
    window: object
    modal: ModalDriver

    @property
    def session(self):
        return self.window.session

    @property
    def ws(self):
        return self.window.session.ws

    def go(self, key: str):
        """The page's shortcut from the Go menu; the focus must follow into the page."""
        page = self.window.pages[key]
        action = next(a for a in self.window.go_menu.actions() if a.text() == page.title)
        shortcut(self.qtbot, action.shortcut().toString())
        assert self.window.current_page() is page
        assert page.isAncestorOf(focused()), f"focus left behind on {focused()!r}"
        return page

    def back_to_window(self) -> None:
        """After a dialog closed: a window manager would activate the main window again."""
        show_active(self.qtbot, self.window)


def test_keyboard_journey(qtbot, window, minutes_file):
    journey = Journey(qtbot, window, ModalDriver(qtbot))
    inspection_id = create_inspection(journey)
    child_id = add_child(journey, inspection_id)
    review_criterion(journey, child_id)
    write_note_with_consent(journey, child_id)
    evidence = attach_evidence(journey, inspection_id)
    finding_id = write_finding_citing(journey, inspection_id, evidence)
    undo_and_redo(journey, finding_id, evidence)
    # The rest of the day's work is untouched by undoing and redoing the finding.
    ws = journey.ws
    assert [c["id"] for c in ws.rows("child", inspection_id)] == [child_id]
    assert len(reviews.reviews_for(ws, child_id)) == 1
    assert len(ws.rows("note", inspection_id)) == 1
    assert [e["id"] for e in ws.rows("evidence", inspection_id)] == [evidence["id"]]


# --- the steps ----------------------------------------------------------------------------


def create_inspection(journey: Journey) -> str:
    qtbot, window = journey.qtbot, journey.window
    assert window.current_page() is window.welcome and window.welcome.isAncestorOf(focused())
    wizard_opened = journey.modal.expect(
        NewInspectionWizard, lambda wizard: fill_wizard(qtbot, wizard)
    )
    shortcut(qtbot, "Ctrl+Shift+I")  # File > New inspection…
    wizard = journey.modal.finish(wizard_opened)
    assert wizard.result() == QWizard.DialogCode.Accepted
    journey.back_to_window()
    inspection_id = journey.session.inspection_id
    assert inspection_id == wizard.inspection_id
    assert window.current_page() is window.pages["overview"] and window.navigator.isEnabled()
    assert "Eastshire" in window.windowTitle()
    row = journey.ws.require("inspection", inspection_id)
    assert row["area"] == "Eastshire" and row["partnership"][0] == "Eastshire local authority"
    lead = [m for m in journey.ws.rows("member", inspection_id) if m["role"] == "lead"]
    assert [m["name"] for m in lead] == ["Ann Lead"]
    return inspection_id


def fill_wizard(qtbot, wizard) -> None:
    ui = wizard.ui
    assert wizard.currentPage() is ui.kindPage and focused() is ui.frontDoorRadio
    press(qtbot, Key.Key_Return)  # kind: front door (the default)
    assert wizard.currentPage() is ui.themePage and focused() is ui.themeList
    assert wizard.chosen_pack().kind == "front_door"
    press(qtbot, Key.Key_Return)
    assert wizard.currentPage() is ui.areaPage and focused() is ui.areaEdit
    type_text(qtbot, "Eastshire")
    assert ui.localAuthorityEdit.text() == "Eastshire local authority"
    press(qtbot, Key.Key_Return)
    assert wizard.currentPage() is ui.calendarPage and focused() is ui.notificationEdit
    assert not ui.calendarError.isVisible()  # the default date is a working day
    press(qtbot, Key.Key_Return)
    assert wizard.currentPage() is ui.teamPage and focused() is ui.leadNameEdit
    type_text(qtbot, "Ann Lead")
    press(qtbot, Key.Key_Return)  # Finish


def add_child(journey: Journey, inspection_id: str) -> str:
    qtbot, ws = journey.qtbot, journey.ws
    page = journey.go("children")
    shortcut(qtbot, "Ctrl+Shift+C")  # Add child…
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ChildDialog))
    dialog = QApplication.activeModalWidget()  # window-modal, opened with open()
    show_active(qtbot, dialog)
    assert focused() is dialog.ui.pseudonymEdit and dialog.ui.pseudonymEdit.text() == "Child A"
    shortcut(qtbot, "Alt+I")  # "Agencies &involved:"
    assert focused() is dialog.ui.agenciesList
    agency_id = dialog.ui.agenciesList.currentIndex().data(Qt.ItemDataRole.UserRole)
    press(qtbot, Key.Key_Space)
    assert dialog.checked_agencies() == [agency_id]
    with qtbot.waitSignal(dialog.accepted):  # (the dialog deletes itself)
        press(qtbot, Key.Key_Return)  # OK is the default button
    journey.back_to_window()
    [child] = ws.rows("child", inspection_id)
    assert child["pseudonym"] == "Child A" and child["agencies"] == [agency_id]
    assert focused() is page.table and page.table.currentIndex().data() == "Child A"
    assert page.count_label.text() == "1 of 1 children shown"
    return child["id"]


def review_criterion(journey: Journey, child_id: str) -> None:
    qtbot, window = journey.qtbot, journey.window
    press(qtbot, Key.Key_Return)  # Enter on a child opens its review
    page = window.pages["reviews"]
    assert window.current_page() is page and focused() is page.picker
    assert page.picker.currentText() == "Child A"
    panel = page.tabs.currentWidget()
    qtbot.waitUntil(lambda: bool(panel.editors))
    editor = next(iter(panel.editors.values()))
    # TODO(tab order, reviews page): the criterion editors are built after the window, so
    # Tab from the agency tabs visits the status bar's "Sync now" button before the first
    # observation. Still reachable; the limit allows for that one extra stop.
    tab_to(qtbot, editor.observation, limit=4)
    type_text(qtbot, OBSERVATION)
    press(qtbot, Key.Key_Tab)  # leaving the text saves it
    assert focused() is editor.strength
    press(qtbot, Key.Key_Space)
    assert editor.strength.isChecked()
    [review] = reviews.reviews_for(journey.ws, child_id)
    assert review["criterion_id"] == editor.criterion.id
    assert review["agency_id"] == panel.agency["id"]
    assert review["observation"] == OBSERVATION and review["strength"]
    assert page.overall.text().startswith("Observations written: 1 of ")


def write_note_with_consent(journey: Journey, child_id: str) -> None:
    qtbot, ws = journey.qtbot, journey.ws
    page = journey.go("notes")
    shortcut(qtbot, "Ctrl+Shift+N")  # New note
    editor = page.editor
    note_id = editor.note_id
    assert note_id and focused() is editor.title and editor.title.selectedText() == "New note"
    type_text(qtbot, NOTE_TITLE_TEXT)  # replaces the selected "New note"
    press(qtbot, Key.Key_Tab)
    assert focused() is editor.present
    press(qtbot, Key.Key_Space)  # children or families took part…
    assert editor.warning.isVisible()  # …so consent must come first
    note = ws.get("note", note_id)
    assert note["title"] == NOTE_TITLE_TEXT and not note["children_or_families_present"]
    press(qtbot, Key.Key_Tab)
    assert focused() is editor.consent
    press(qtbot, Key.Key_Space)
    assert not editor.warning.isVisible()
    note = ws.get("note", note_id)
    assert note["children_or_families_present"] and note["consent_recorded"]
    discuss_child(qtbot, editor, child_id)
    shortcut(qtbot, "Alt+X")  # "Note te&xt:"
    assert focused() is editor.text
    type_text(qtbot, NOTE_TEXT)
    qtbot.waitUntil(lambda: ws.get("note", note_id)["text"] == NOTE_TEXT)  # autosaved
    assert page.view.currentIndex().siblingAtColumn(NOTE_TITLE).data() == NOTE_TITLE_TEXT


def discuss_child(qtbot, editor, child_id: str) -> None:
    shortcut(qtbot, "Alt+R")  # "Child&ren discussed" tab
    assert editor.tabs.currentWidget() is editor.children_list
    tab_to(qtbot, editor.children_list.findChild(QListView), limit=3)
    press(qtbot, Key.Key_Space)
    assert editor.children_list.checked_ids() == [child_id]
    assert editor.session.ws.get("note", editor.note_id)["children"] == [child_id]


def attach_evidence(journey: Journey, inspection_id: str) -> dict:
    qtbot = journey.qtbot
    page = journey.go("evidence")
    with qtbot.waitSignal(page.importer.finished, timeout=10_000):
        shortcut(qtbot, "Ctrl+Shift+E")  # Add files… (imports in the background)
    [item] = journey.ws.rows("evidence", inspection_id)
    assert item["sha256"] == hashlib.sha256(MINUTES).hexdigest()
    assert item["ref"].startswith("E-") and item["file_name"] == "strategy-minutes.txt"
    assert page.import_status.text() == "1 file imported."
    assert page.view.currentIndex().data() == item["ref"]
    assert page.detail.ref.text() == item["ref"] and page.detail.sha.text() == item["sha256"]
    assert page.isAncestorOf(focused())
    return item


def write_finding_citing(journey: Journey, inspection_id: str, evidence: dict) -> str:
    qtbot, ws = journey.qtbot, journey.ws
    page = journey.go("findings")
    created = journey.modal.expect(NewFindingDialog, lambda dialog: fill_new_finding(qtbot, dialog))
    shortcut(qtbot, "Ctrl+Shift+F")  # New finding…
    journey.modal.finish(created)
    journey.back_to_window()
    editor = page.editor
    [finding] = ws.rows("finding", inspection_id)
    assert finding["title"] == FINDING_TITLE and finding["agencies"] == ["partnership"]
    assert editor.finding_id == finding["id"] and focused() is editor.text
    assert editor.warning.isVisible()  # no evidence cited yet
    type_text(qtbot, FINDING_TEXT)
    picked = journey.modal.expect(EvidencePicker, lambda picker: pick(qtbot, picker, evidence))
    shortcut(qtbot, "Alt+C")  # "&Cite evidence…"
    journey.modal.finish(picked)
    journey.back_to_window()
    assert ws.get("finding", finding["id"])["text"] == FINDING_TEXT
    assert [e["id"] for e in findings.cited_evidence(ws, finding["id"])] == [evidence["id"]]
    assert editor.cited_model.ids() == [evidence["id"]] and not editor.warning.isVisible()
    assert tree_findings(page) == {finding["id"]: (FINDING_TITLE, "1 item")}
    return finding["id"]


def fill_new_finding(qtbot, dialog) -> None:
    assert focused() is dialog.title
    type_text(qtbot, FINDING_TITLE)
    shortcut(qtbot, "Alt+A")  # "&Agencies:"
    assert focused() is dialog.agencies
    assert dialog.agencies.currentIndex().data(Qt.ItemDataRole.UserRole) == "partnership"
    press(qtbot, Key.Key_Space)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    press(qtbot, Key.Key_Return)  # "Create finding" is the default


def pick(qtbot, picker, evidence: dict) -> None:
    assert focused() is picker.filter
    type_text(qtbot, evidence["ref"])
    assert picker.proxy.rowCount() == 1
    press(qtbot, Key.Key_Return)  # chooses the one item shown


def undo_and_redo(journey: Journey, finding_id: str, evidence: dict) -> None:
    qtbot, ws, page = journey.qtbot, journey.ws, journey.window.pages["findings"]
    # A text editor undoes its own typing: go back to the list of findings first.
    tab_to(qtbot, page.tree, backwards=True, limit=8)
    for _step in ("cite", "text", "finding"):
        shortcut(qtbot, "Ctrl+Z")
        assert focused() is page.tree  # the focus stays where it was
    assert ws.get("finding", finding_id) is None
    assert tree_findings(page) == {} and not page.editor.isEnabled()
    shortcut(qtbot, "Ctrl+Shift+Z")
    assert ws.get("finding", finding_id)["title"] == FINDING_TITLE
    assert tree_findings(page) == {finding_id: (FINDING_TITLE, "no evidence cited")}
    shortcut(qtbot, "Ctrl+Shift+Z")
    assert ws.get("finding", finding_id)["text"] == FINDING_TEXT
    shortcut(qtbot, "Ctrl+Shift+Z")
    assert [e["id"] for e in findings.cited_evidence(ws, finding_id)] == [evidence["id"]]
    assert tree_findings(page) == {finding_id: (FINDING_TITLE, "1 item")}
    assert not journey.window.redo_action.isEnabled()  # nothing more to redo
    for _ in range(10):  # arrow down to the finding
        if page.editor.finding_id == finding_id:
            break
        press(qtbot, Key.Key_Down)
    assert page.editor.finding_id == finding_id and page.editor.text.toPlainText() == FINDING_TEXT
    assert page.editor.cited_model.index(0, 0).data().startswith(evidence["ref"])


def tree_findings(page) -> dict:
    """The findings the tree shows: id -> (title, evidence column)."""
    model, found = page.tree.model(), {}

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(RecordIdRole):
                found[index.data(RecordIdRole)] = (index.data(), index.siblingAtColumn(1).data())
            walk(index)

    walk(QModelIndex())
    return found


# --- a gap found on the way ---------------------------------------------------------------


def test_new_finding_shortcut_works_from_the_section_list(qtbot, window):
    """Ctrl+Shift+F, like Ctrl+Shift+N and Ctrl+Shift+E, works with the focus on the list of
    sections, where a keyboard user lands after choosing a page with the arrow keys."""
    pack = load_packs(default_themes_dir())["neglect"]
    inspections.create_inspection(
        window.session.ws,
        pack,
        area="Westvale",
        notification=date(2026, 3, 2),
        lead=MemberInput("Ann Lead", "ofsted"),
    )
    window.session.open_inspection(inspections.most_recent_inspection(window.session.ws))
    tab_to(qtbot, window.navigator)
    for _ in range(len(window.pages)):  # arrow down to Findings
        if window.current_page() is window.pages["findings"]:
            break
        press(qtbot, Key.Key_Down)
    assert window.current_page() is window.pages["findings"]
    assert focused() is window.navigator
    modal = ModalDriver(qtbot)
    opened = modal.expect(NewFindingDialog, lambda dialog: dialog.reject())
    shortcut(qtbot, "Ctrl+Shift+F")
    assert modal.finish(opened) is not None
