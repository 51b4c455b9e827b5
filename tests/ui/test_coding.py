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
