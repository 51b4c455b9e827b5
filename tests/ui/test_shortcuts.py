"""One shortcut registry: no two keys clash, Redo fires from the keyboard, the Edit menu
cuts, copies and pastes, and Help lists every shortcut and opens the offline guide."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit

from jtai_desktop.services.notes import update_note
from jtai_desktop.ui import shortcuts
from jtai_desktop.ui.pages.base import Page

from .keyboard import shortcut, show_active


def test_no_two_registered_shortcuts_share_a_key(qapp):
    assert shortcuts.clashes() == []


def test_the_clash_check_finds_a_key_used_twice(qapp, monkeypatch):
    monkeypatch.setitem(
        shortcuts.SHORTCUTS, "test.twice", shortcuts.Shortcut("test.twice", ("Ctrl+L",), "x")
    )
    assert ("Ctrl+L", "file.lock", "test.twice") in shortcuts.clashes()


def test_redo_has_each_key_once(qapp):
    keys = shortcuts.sequences("edit.redo")
    assert len(keys) == len(set(k.toString() for k in keys))
    assert QKeySequence("Ctrl+Shift+Z") in keys


def _scope(item) -> object:
    """What a key binding works in: its own widget, its page, or the whole window."""
    owner = item.parent()
    context = item.context() if isinstance(item, QShortcut) else item.shortcutContext()
    if context == Qt.ShortcutContext.WidgetShortcut:
        return owner
    while owner is not None and not isinstance(owner, Page):
        owner = owner.parent()
    return owner or "window"


def test_no_two_actions_of_the_window_and_its_pages_share_a_key(small_demo_window):
    window = small_demo_window
    for key in window.pages:
        window.pages[key]  # every page built, with its actions and keys
    bound: dict[str, list] = {}
    items = window.findChildren(QAction) + window.findChildren(QShortcut)
    for item in items:
        keys = item.shortcuts() if isinstance(item, QAction) else [item.key()]
        keys = [k for k in keys if not k.isEmpty()]
        if not keys:
            continue
        # Every key comes from the registry, so the sheet lists it and the check sees it.
        assert item.property("shortcut_name") in shortcuts.SHORTCUTS, item
        for key in keys:
            bound.setdefault(key.toString(), []).append(_scope(item))
    assert bound, "no key found"
    for key, scopes in bound.items():
        window_wide = scopes.count("window")
        assert window_wide <= 1, key
        assert window_wide == 0 or len(scopes) == 1, key
        assert len(scopes) == len(set(map(id, scopes))), key


def test_ctrl_shift_z_redoes(qtbot, small_demo_window):
    window = small_demo_window
    ws, inspection_id = window.session.ws, window.session.inspection_id
    note = ws.rows("note", inspection_id)[0]
    window.session.edit(lambda w: update_note(w, note["id"], title="Changed by the test"))
    window.undo_action.trigger()
    assert ws.get("note", note["id"])["title"] == note["title"]
    show_active(qtbot, window)
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.navigator)
    shortcut(qtbot, "Ctrl+Shift+Z")
    assert ws.get("note", note["id"])["title"] == "Changed by the test"
    window.undo_action.trigger()
    shortcut(qtbot, "Ctrl+Y")
    assert ws.get("note", note["id"])["title"] == "Changed by the test"


def test_cut_copy_and_paste_from_the_edit_menu(qtbot, small_demo_window):
    window = small_demo_window
    page = window.navigate("children")
    box = page.findChild(QLineEdit)
    show_active(qtbot, window)
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    box.setText("Child B")
    box.selectAll()
    window.copy_action.trigger()
    assert QApplication.clipboard().text() == "Child B"
    box.selectAll()
    window.cut_action.trigger()
    assert box.text() == ""
    window.paste_action.trigger()
    assert box.text() == "Child B"


def test_f1_lists_every_shortcut_from_the_registry(qtbot, small_demo_window):
    window = small_demo_window
    show_active(qtbot, window)
    window.navigator.setFocus()
    shortcut(qtbot, "F1")
    sheet = window.shortcut_sheet
    qtbot.waitUntil(lambda: sheet is not None and sheet.isVisible())
    model = sheet.table.model()
    assert model.rowCount() == len(shortcuts.SHORTCUTS)
    rows = [
        tuple(model.index(row, column).data() for column in range(3))
        for row in range(model.rowCount())
    ]
    redo = next(row for row in rows if row[2].startswith("Redo"))
    assert "Ctrl+Shift+Z" in redo[1] and "Ctrl+Y" in redo[1]
    sheet.close()


def test_the_user_guide_opens_offline_and_covers_the_day_merge_and_letter(qtbot, small_demo_window):
    window = small_demo_window
    window.guide_action.trigger()
    guide = window.user_guide
    qtbot.waitUntil(guide.isVisible)
    text = guide.browser.toPlainText()
    for heading in ("The inspector's day", "The lead: merge review", "The lead: the letter"):
        assert heading in text
    assert guide.browser.source().isLocalFile()
    guide.close()
