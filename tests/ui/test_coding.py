"""Coding a note's passages from the keyboard: select words, Ctrl+M, type to filter the
criteria, Enter; the highlight and the margin list follow, Ctrl+Z undoes it, Delete in the
margin removes a code, and a code whose words move with an edit follows them."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from jtai_desktop.ui.dialogs.code_picker import CodePicker
from jtai_desktop.ui.widgets.coded_text import CodesModel

from .sync_team import no_modal_boxes  # noqa: F401 (autouse: a modal box fails the test)


@pytest.fixture
def page(small_demo_window):
    page = small_demo_window.navigate("notes")
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    return page


def note_codes(page):
    ws = page.session.ws
    return ws.rows("code", page.session.inspection_id, "source_id = ?", (page.editor.note_id,))


def select_first_words(qtbot, editor, words: int) -> str:
    """Select the text's first words by keyboard, as a person would."""
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key_Home, Qt.ControlModifier)
    for _ in range(words):
        qtbot.keyClick(editor, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    return editor.textCursor().selectedText()


def open_picker(qtbot, page) -> CodePicker:
    qtbot.keyClick(page.editor.text, Qt.Key_M, Qt.ControlModifier)
    picker = page.editor.codes.picker
    assert isinstance(picker, CodePicker) and picker.isVisible(), "Ctrl+M opened no picker"
    picker.activateWindow()  # no window manager offscreen: focus moves as it does for a user
    qtbot.waitActive(picker)
    qtbot.waitUntil(picker.filter.hasFocus)
    return picker


def test_a_passage_is_coded_by_keyboard_shown_and_undone(qtbot, small_demo_window, page):
    editor = page.editor
    before = {c["id"] for c in note_codes(page)}
    highlights = len(editor.text.extraSelections())
    selected = select_first_words(qtbot, editor.text, 3)
    assert selected.strip()

    picker = open_picker(qtbot, page)
    qtbot.keyClicks(picker.filter, "da-0")  # type to filter; arrows move in the list
    qtbot.keyClick(picker.filter, Qt.Key_Down)
    assert picker.criterion_id() == "DA-02" and picker.filter.hasFocus()
    qtbot.keyClicks(picker.filter, "5")  # "da-05": one criterion left
    assert picker.proxy.rowCount() == 1 and picker.criterion_id() == "DA-05"
    assert picker.organisations.checked_ids()  # the note's attendees' organisations
    picker.concern.setFocus()
    qtbot.keyClick(picker.concern, Qt.Key_Space)
    assert picker.concern.isChecked()
    qtbot.keyClick(picker.concern, Qt.Key_Return)  # the Code button is the default
    assert not picker.isVisible()
    [new] = [c for c in note_codes(page) if c["id"] not in before]
    assert (new["criterion_id"], new["mark"]) == ("DA-05", "concern")
    assert new["quote"] == selected.strip() and new["passage_start"] == 0
    assert len(editor.text.extraSelections()) == highlights + 1
    assert editor.codes.model.row_of(new["id"]) >= 0

    small_demo_window.undo_action.trigger()
    assert new["id"] not in {c["id"] for c in note_codes(page)}
    qtbot.waitUntil(lambda: len(editor.text.extraSelections()) == highlights)
    small_demo_window.redo_action.trigger()
    assert new["id"] in {c["id"] for c in note_codes(page)}
    qtbot.waitUntil(lambda: len(editor.text.extraSelections()) == highlights + 1)


def test_no_selection_says_what_to_do_and_a_cancelled_picker_codes_nothing(qtbot, page):
    editor = page.editor
    before = len(note_codes(page))
    editor.text.setFocus()
    qtbot.keyClick(editor.text, Qt.Key_Home, Qt.ControlModifier)
    qtbot.keyClick(editor.text, Qt.Key_M, Qt.ControlModifier)
    assert "Select the words" in editor.codes.status.text()
    select_first_words(qtbot, editor.text, 2)
    picker = open_picker(qtbot, page)
    qtbot.keyClick(picker.filter, Qt.Key_Escape)
    assert not picker.isVisible() and len(note_codes(page)) == before


def test_a_filter_that_matches_nothing_is_refused_inline(qtbot, page):
    editor = page.editor
    select_first_words(qtbot, editor.text, 2)
    before = len(note_codes(page))
    picker = open_picker(qtbot, page)
    qtbot.keyClicks(picker.filter, "no such criterion")
    qtbot.keyClick(picker.filter, Qt.Key_Return)
    assert picker.isVisible() and "Choose a criterion" in picker.problem.text()
    picker.reject()
    assert len(note_codes(page)) == before


def test_delete_in_the_margin_removes_a_code_and_undo_brings_it_back(
    qtbot, small_demo_window, page
):
    margin = page.editor.codes
    qtbot.waitUntil(lambda: margin.model.rowCount() > 0)
    code_id = margin.model.codes[0].id
    margin.view.setFocus()
    margin.view.setCurrentIndex(margin.model.index(0))
    cursor = page.editor.text.textCursor()  # choosing a code selects its words
    assert cursor.selectedText() == margin.model.codes[0].row["quote"]
    qtbot.keyClick(margin.view, Qt.Key_Delete)
    assert page.session.ws.get("code", code_id) is None
    assert margin.model.row_of(code_id) == -1
    small_demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: margin.model.row_of(code_id) >= 0)


def test_a_code_follows_its_words_when_text_is_typed_before_them(qtbot, page):
    margin = page.editor.codes
    qtbot.waitUntil(lambda: margin.model.rowCount() > 0)
    first = margin.model.codes[0]
    editor = page.editor.text
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(editor, "Added: ")
    moved = next(c for c in margin.model.codes if c.id == first.id)
    assert moved.anchor.start == first.anchor.start + len("Added: ")
    assert editor.toPlainText()[moved.anchor.start : moved.anchor.end] == first.row["quote"]
    assert "moved" in margin.model.index(margin.model.row_of(first.id)).data()


def test_the_margin_model_passes_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.editor.codes.model)
    assert isinstance(page.editor.codes.model, CodesModel)


def test_a_case_reviews_observation_is_coded_by_keyboard(qtbot, small_demo_window):
    from .test_reviews import blank_editor

    page = small_demo_window.navigate("reviews")
    editor = blank_editor(qtbot, page)
    editor.observation.setFocus()
    qtbot.keyClicks(editor.observation, "The child said she felt listened to.")
    select_first_words(qtbot, editor.observation, 3)  # saved first, then coded
    qtbot.keyClick(editor.observation, Qt.Key_M, Qt.ControlModifier)
    picker = editor.codes.picker
    assert picker is not None, editor.codes.status.text()
    assert picker.criterion_id() == editor.criterion.id
    assert picker.organisations.checked_ids() == [editor.agency["id"]]
    picker.voice.setCurrentIndex(picker.voice.findData("child"))
    picker.accept()
    ws = page.session.ws
    [code] = ws.rows("code", page.session.inspection_id, "source_id = ?", (editor.review_id,))
    assert (code["source_kind"], code["quote"], code["voice"]) == (
        "review",
        "The child said",
        "child",
    )
    assert len(editor.observation.extraSelections()) == 1
    small_demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: not editor.observation.extraSelections())


def test_an_area_reviews_observation_is_coded_as_the_area_review(qtbot, small_demo_window):
    page = small_demo_window.navigate("area")
    panel = page.tabs.currentWidget()
    editor = next(iter(panel.editors.values()))
    editor.observation.setFocus()
    editor.observation.selectAll()
    qtbot.keyClicks(editor.observation, "Leaders said the partnership audits together.")
    select_first_words(qtbot, editor.observation, 2)
    qtbot.keyClick(editor.observation, Qt.Key_M, Qt.ControlModifier)
    picker = editor.codes.picker
    assert picker is not None, editor.codes.status.text()
    picker.accept()
    ws = page.session.ws
    [code] = ws.rows("code", page.session.inspection_id, "source_id = ?", (editor.review_id,))
    assert (code["source_kind"], code["quote"]) == ("area_review", "Leaders said")


def test_an_evidence_description_is_coded_by_keyboard_counted_and_undone(qtbot, small_demo_window):
    """Ctrl+M on the description's selected words codes them: the highlight shows, the
    evidence matrix counts the item in the cell, and Ctrl+Z takes both away."""
    page = small_demo_window.navigate("evidence")
    ws, inspection_id = page.session.ws, page.session.inspection_id
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    detail = page.detail
    assert detail.evidence_id
    linked = detail.link_lists["agency"].checked_ids()
    assert linked, "the demo's first evidence item names no organisation"
    organisation = linked[0]  # the picker ticks the item's organisations first
    criterion = next(
        c
        for c, _label in detail._choices["criterion"]
        if c not in detail.link_lists["criterion"].checked_ids()
    )
    matrix = small_demo_window.navigate("matrix")
    before = matrix.model.level.total(criterion, organisation)
    small_demo_window.navigate("evidence")

    detail.description.setFocus()
    detail.description.selectAll()
    qtbot.keyClicks(detail.description, "Minutes show the strategy meeting was held late.")
    selected = select_first_words(qtbot, detail.description, 2)  # saved first, then coded
    qtbot.keyClick(detail.description, Qt.Key_M, Qt.ControlModifier)
    picker = detail.codes.picker
    assert isinstance(picker, CodePicker) and picker.isVisible(), detail.codes.status.text()
    picker.activateWindow()
    qtbot.waitActive(picker)
    qtbot.keyClicks(picker.filter, criterion.lower())
    assert picker.criterion_id() == criterion
    assert organisation in picker.organisations.checked_ids()
    picker.concern.setFocus()
    qtbot.keyClick(picker.concern, Qt.Key_Space)
    qtbot.keyClick(picker.concern, Qt.Key_Return)
    assert not picker.isVisible()
    [code] = ws.rows("code", inspection_id, "source_id = ?", (detail.evidence_id,))
    assert (code["source_kind"], code["quote"], code["mark"]) == (
        "evidence",
        selected.strip(),
        "concern",
    )
    assert len(detail.description.extraSelections()) == 1
    assert detail.codes.model.row_of(code["id"]) == 0

    matrix = small_demo_window.navigate("matrix")
    assert matrix.model.level.total(criterion, organisation) == before + 1
    small_demo_window.navigate("evidence")
    small_demo_window.undo_action.trigger()
    assert ws.get("code", code["id"]) is None
    qtbot.waitUntil(lambda: not detail.description.extraSelections())
    matrix = small_demo_window.navigate("matrix")
    assert matrix.model.level.total(criterion, organisation) == before


def test_a_front_door_samples_notes_are_coded_by_keyboard_and_removed(qtbot, small_demo_window):
    """In a saved sample's dialog, Ctrl+M codes the notes' selected words (saved first);
    Delete in the margin removes the code, and Ctrl+Z after the dialog brings it back."""
    from jtai_desktop.ui.dialogs.front_door_sample import FrontDoorSampleDialog

    from .test_front_door import open_page, wait_dialog

    page = open_page(small_demo_window)
    ws, inspection_id = page.session.ws, page.session.inspection_id
    page.view.selectRow(0)
    sample_id = page.current_id()
    page.edit_current()
    dialog = wait_dialog(qtbot, page, FrontDoorSampleDialog)
    notes = dialog.ui.notesEdit
    assert dialog.codes is not None and dialog.codes.isVisibleTo(dialog)
    notes.setFocus()
    notes.selectAll()
    qtbot.keyClicks(notes, "Police shared the history the same day.")
    selected = select_first_words(qtbot, notes, 2)
    qtbot.keyClick(notes, Qt.Key_M, Qt.ControlModifier)
    picker = dialog.codes.picker
    assert isinstance(picker, CodePicker) and picker.isVisible(), dialog.codes.status.text()
    picker.activateWindow()
    qtbot.waitActive(picker)
    qtbot.keyClicks(picker.filter, "da-0")
    assert picker.organisations.checked_ids()  # the sample's source organisation
    qtbot.keyClick(picker.filter, Qt.Key_Return)
    assert not picker.isVisible()
    [code] = ws.rows("code", inspection_id, "source_id = ?", (sample_id,))
    assert (code["source_kind"], code["quote"]) == ("front_door_sample", selected.strip())
    assert ws.require("front_door_sample", sample_id)["notes"].startswith(selected.strip())
    assert len(notes.extraSelections()) == 1

    margin = dialog.codes
    margin.view.setFocus()
    margin.view.setCurrentIndex(margin.model.index(0))
    qtbot.keyClick(margin.view, Qt.Key_Delete)
    assert ws.get("code", code["id"]) is None and not notes.extraSelections()
    dialog.reject()
    small_demo_window.undo_action.trigger()  # the removal is undone: the code is back
    assert ws.get("code", code["id"]) is not None
