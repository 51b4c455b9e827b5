"""The search page (Ctrl+F) and the quick-open popup (Ctrl+K)."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from jtai_desktop.services.notes import add_note
from jtai_desktop.ui.dialogs.quick_open import QuickOpenDialog
from jtai_desktop.ui.models.roles import RecordIdRole, RecordKindRole
from jtai_desktop.ui.models.search import RichTextRole, SnippetHtmlRole

from .keyboard import shortcut, show_active


@pytest.fixture
def window(small_demo_window):
    return small_demo_window


@pytest.fixture
def page(window):
    return window.navigate("search")


def search_for(qtbot, page, text):
    with qtbot.waitSignal(page.finished, timeout=5000):
        qtbot.keyClicks(page.query, text)
    return page.model


def test_typing_finds_results_with_the_match_in_bold(qtbot, page, qtmodeltester):
    model = search_for(qtbot, page, "abuse")
    assert model.rowCount() > 3
    assert "<b>abuse</b>" in model.index(0, 0).data(SnippetHtmlRole).lower()
    assert page.status.text().endswith("matches.")
    qtmodeltester.check(model)


def test_user_text_is_escaped_not_rendered(qtbot, page, window):
    session = window.session
    session.edit(
        lambda ws: add_note(
            ws,
            session.inspection_id,
            kind="meeting",
            date=date(2026, 10, 20),
            title="<i>Front door</i> & triage",
            text="The <b>daily</b> zebrafish meeting & its notes",
        )
    )
    model = search_for(qtbot, page, "zebrafish")
    assert model.rowCount() == 1
    snippet, rich = model.index(0, 0).data(SnippetHtmlRole), model.index(0, 0).data(RichTextRole)
    assert "&lt;b&gt;daily&lt;/b&gt;" in snippet and "<b>zebrafish</b>" in snippet
    assert "&lt;i&gt;Front door&lt;/i&gt; &amp; triage" in rich
    assert "<b>daily</b>" not in rich


def test_enter_on_a_result_asks_to_jump_to_it(qtbot, page):
    model = search_for(qtbot, page, "abuse")
    qtbot.keyClick(page.query, Qt.Key.Key_Down)
    assert page.results.hasFocus() and page.results.currentIndex().row() == 0
    qtbot.keyClick(page.results, Qt.Key.Key_Down)
    expected = [model.index(1, 0).data(RecordKindRole), model.index(1, 0).data(RecordIdRole)]
    with qtbot.waitSignal(page.jump_requested, timeout=1000) as jumped:
        qtbot.keyClick(page.results, Qt.Key.Key_Return)
    assert jumped.args == expected


def test_a_finding_result_opens_on_the_findings_page(qtbot, page, window):
    page.jump_requested.connect(window.jump_to)  # what the window does
    model = search_for(qtbot, page, "incidents reach health visitors")
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(RecordKindRole) == "finding"
    )
    page.results.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    findings = window.pages["findings"]
    assert window.current_page() is findings
    assert findings.editor.finding_id == model.index(row, 0).data(RecordIdRole)


PUNCTUATION = [
    '"s.47" AND (',
    "***",
    "'; DROP TABLE notes; --",
    "[b]<i>",
    "NEAR(",
    "child's - \\ / ^",
    '"abuse?!',
]


def test_punctuation_never_breaks_the_search(qtbot, page):
    for text in PUNCTUATION:
        page.query.clear()
        search_for(qtbot, page, text)
        assert page.status.text() and "failed" not in page.status.text(), text
    assert page.model.rowCount() > 0  # the words inside the punctuation are still found


def test_no_matches_is_said_in_words_quoting_the_query_as_typed(qtbot, page):
    search_for(qtbot, page, "xylophonist <b>")
    assert page.model.rowCount() == 0
    assert page.status.text() == "No matches for “xylophonist <b>”."
    assert page.status.textFormat() == Qt.TextFormat.PlainText  # shown as typed, not as markup


def test_only_the_newest_query_shows_its_results(qtbot, page):
    received = []
    page.searcher.results.connect(lambda text, hits: received.append(text))
    page.searcher.run_now("abuse")
    with qtbot.waitSignal(page.finished, timeout=5000):
        page.searcher.run_now("xylophonist")
    page.session.tasks.wait()
    qtbot.wait(50)  # let any late result from the first search arrive, if one were sent
    assert received == ["xylophonist"] and page.model.rowCount() == 0


def test_focus_query_selects_the_words(qtbot, page, window):
    qtbot.keyClicks(page.query, "neglect")
    window.navigate("findings")
    window.navigate("search")
    page.focus_query()
    assert page.query.hasFocus() and page.query.selectedText() == "neglect"


# --- quick open ----------------------------------------------------------------------------


@pytest.fixture
def quick(window, qtbot):
    dialog = QuickOpenDialog(window.session, window)
    dialog.popup()
    return dialog


def test_quick_open_down_and_enter_choose_a_result(qtbot, quick):
    with qtbot.waitSignal(quick.finished_search, timeout=5000):
        qtbot.keyClicks(quick.query, "Child")
    assert quick.model.rowCount() > 2
    qtbot.keyClick(quick.query, Qt.Key.Key_Down)
    assert quick.results.currentIndex().row() == 1
    assert quick.results.focusPolicy() == Qt.FocusPolicy.NoFocus  # the keys stay in the box
    second = quick.model.index(1, 0)
    with qtbot.waitSignal(quick.chosen, timeout=1000) as chosen:
        qtbot.keyClick(quick.query, Qt.Key.Key_Return)
    assert chosen.args == [second.data(RecordKindRole), second.data(RecordIdRole)]
    assert not quick.isVisible()
    kinds = {quick.model.index(r, 0).data(RecordKindRole) for r in range(quick.model.rowCount())}
    assert kinds <= {"child", "evidence", "note", "finding"}


def test_quick_open_finds_evidence_by_reference(qtbot, quick, window):
    first = window.session.ws.rows("evidence", window.session.inspection_id, order_by="ref")[0]
    with qtbot.waitSignal(quick.chosen, timeout=5000) as chosen:
        qtbot.keyClicks(quick.query, first["ref"])
        qtbot.keyClick(quick.query, Qt.Key.Key_Return)  # before the search ends: it waits
    assert chosen.args == ["evidence", first["id"]]


def test_quick_open_puts_the_exact_name_first(qtbot, quick, window):
    session = window.session
    child_b = next(
        c for c in session.ws.rows("child", session.inspection_id) if c["pseudonym"] == "Child B"
    )
    with qtbot.waitSignal(quick.finished_search, timeout=5000):
        qtbot.keyClicks(quick.query, "child b")
    with qtbot.waitSignal(quick.chosen, timeout=1000) as chosen:
        qtbot.keyClick(quick.query, Qt.Key.Key_Enter)
    assert chosen.args == ["child", child_b["id"]]


def test_escape_closes_quick_open_without_choosing(qtbot, quick):
    chosen = []
    quick.chosen.connect(lambda *args: chosen.append(args))
    qtbot.keyClicks(quick.query, "Child")
    qtbot.keyClick(quick.query, Qt.Key.Key_Escape)
    assert not quick.isVisible() and chosen == []


def test_ctrl_k_in_the_window_opens_quick_open_and_enter_shows_the_child(qtbot, window):
    assert window.quick_open is None  # built on first use, not while the window starts
    show_active(qtbot, window)
    window.navigator.setFocus()
    shortcut(qtbot, "Ctrl+K")
    quick = window.quick_open
    assert quick is not None and quick.isVisible() and quick.query.hasFocus()
    with qtbot.waitSignal(quick.finished_search, timeout=5000):
        qtbot.keyClicks(quick.query, "child b")
    qtbot.keyClick(quick.query, Qt.Key.Key_Enter)
    page = window.pages["children"]
    child_b = next(
        c
        for c in window.session.ws.rows("child", window.session.inspection_id)
        if c["pseudonym"] == "Child B"
    )
    assert window.current_page() is page and page.current_child() == child_b["id"]
