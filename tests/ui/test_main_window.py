"""The main window builds its pages when they are first needed, and the rest once it is idle."""

import pytest

from jtai_desktop.ui.page_registry import SECTIONS
from jtai_desktop.ui.pages.base import Page


@pytest.fixture
def window(small_demo_window):
    return small_demo_window


def test_only_the_page_shown_is_built_at_start(window):
    assert [key for key in window.pages if window.pages.is_built(key)] == ["overview"]
    assert window.current_page() is window.pages["overview"]
    assert window._welcome is None and window.quick_open is None
    assert list(window.pages) == [spec.key for spec in SECTIONS]  # listing builds nothing
    assert window.pages.built() == [window.pages["overview"]]


def test_a_page_is_built_on_first_use_and_once(window):
    notes = window.pages["notes"]
    assert window.pages.is_built("notes") and window.stack.indexOf(notes) >= 0
    assert window.pages["notes"] is notes
    assert not notes.isVisible()  # built, not shown
    note = window.session.ws.rows("note", window.session.inspection_id)[0]
    window.jump_to(
        "evidence", window.session.ws.rows("evidence", window.session.inspection_id)[0]["id"]
    )
    assert window.current_page() is window.pages["evidence"]
    window.jump_to("note", note["id"])
    assert window.current_page() is notes and notes.editor.note_id == note["id"]


def test_the_other_pages_are_built_and_read_ahead_while_the_window_is_idle(qtbot, window):
    window.build_pages_when_idle(interval_ms=1)
    qtbot.waitUntil(lambda: len(window.pages.built()) == len(SECTIONS), timeout=10000)
    notes = window.pages["notes"]
    count = len(window.session.ws.rows("note", window.session.inspection_id))
    qtbot.waitUntil(lambda: notes.model.rowCount() == count)  # read ahead, while hidden
    assert window.current_page() is window.pages["overview"]
    assert not any(page.isVisible() for page in window.pages.built()[1:])
    resets = []
    notes.model.modelReset.connect(lambda: resets.append(1))
    window.navigate("notes")
    assert resets == [] and notes.view.model().rowCount() == count  # shown without reading again


def test_every_section_names_a_page_of_its_own_key():
    for spec in SECTIONS:
        page_type = spec.page_type()
        assert issubclass(page_type, Page) and page_type.key == spec.key
        assert (page_type.title, page_type.entities) == (spec.title, spec.entities)
    kinds = [kind for spec in SECTIONS for kind in spec.entities]
    assert len(kinds) == len(set(kinds))  # a record kind jumps to one page only


@pytest.mark.parametrize("kind", ["child", "note", "evidence", "finding"])
def test_ctrl_h_shows_the_history_of_the_record_on_screen(qtbot, window, kind):
    from PySide6.QtWidgets import QApplication

    from jtai_desktop.services.conflicts import history

    from .keyboard import shortcut, show_active

    ws, inspection_id = window.session.ws, window.session.inspection_id
    record = ws.rows(kind, inspection_id)[1]
    show_active(qtbot, window)
    window.jump_to(kind, record["id"])
    if QApplication.focusWidget() is None:
        window.current_page().setFocus()
    shortcut(qtbot, "Ctrl+H")
    dialog = window.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.model.rowCount() == len(history(ws, record["id"])) > 0
    dialog.close()


def test_the_window_names_its_menus_and_actions(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Go", "&Help"]
    file_actions = window.file_menu.actions()
    order = [
        window.new_inspection_action,
        window.inspections_action,
        window.sync_controller.sync_action,
        window.sync_controller.settings_action,
        window.sync_controller.invite_action,
        window.lock_action,
        window.quit_action,
    ]
    assert [a for a in file_actions if a in order] == order
    assert [a for a in window.edit_menu.actions() if not a.isSeparator()] == [
        window.undo_action,
        window.redo_action,
        window.find_action,
        window.quick_open_action,
        window.history_action,
    ]
    assert window.help_menu.actions() == [window.about_action]
    assert len(window.go_menu.actions()) == len(SECTIONS)
    shortcuts = {
        window.new_inspection_action: "Ctrl+Shift+I",
        window.lock_action: "Ctrl+L",
        window.quick_open_action: "Ctrl+K",
        window.history_action: "Ctrl+H",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys


def test_every_page_asks_the_window_to_show_records_the_same_way(qtbot, window):
    """Any page can ask for a record on the page that owns its kind, or on a named page."""
    ws, inspection_id = window.session.ws, window.session.inspection_id
    child = ws.rows("child", inspection_id)[0]
    window.pages["search"].jump_requested.emit("child", child["id"])
    assert window.current_page() is window.pages["children"]
    assert window.pages["children"].current_record() == ("child", child["id"])
    window.pages["children"].review_requested.emit(child["id"])
    reviews = window.pages["reviews"]
    assert window.current_page() is reviews and reviews.child_id == child["id"]
    assert window.pages["overview"].current_record() is None  # the base class's answer
