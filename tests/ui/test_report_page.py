"""The report page: choosing and ordering a section's items, section text saved as you type,
the preview, the identifying-details gate with its overrides, and the Word export."""

import time
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from jtai_desktop.report.gate import GateResult
from jtai_desktop.report.inputs import IMPROVE, NEXT_STEPS
from jtai_desktop.services import report
from jtai_desktop.services.findings import add_finding, update_finding
from jtai_desktop.ui.dialogs.override_dialog import OverrideDialog
from jtai_desktop.ui.models.roles import RecordIdRole
from jtai_desktop.ui.pages import report as report_page

from .keyboard import ModalDriver

REASON = "This is the name of the area's published strategy lead, not a child."


@pytest.fixture
def window(small_demo_window):
    return small_demo_window


@pytest.fixture
def page(qtbot, window):
    page = window.navigate("report")
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page, checked=True):
    qtbot.waitUntil(
        lambda: (
            page.state is not None
            and not page.loader.busy
            and (page.gate.result is not None or not checked)
        ),
        timeout=10000,
    )


def letter_section(window, key):
    session = window.session
    return next(s for s in report.sections(session.ws, session.inspection_id) if s.key == key)


def choose_section(qtbot, page, key):
    page.sections_view.setCurrentIndex(page.sections_model.index_of(key))
    assert page.editor.key == key
    if letter_section_takes_items(page, key):
        qtbot.waitUntil(lambda: page.editor.options.rowCount() > 0, timeout=10000)


def letter_section_takes_items(page, key):
    return page.sections_model.section(key).takes_items


def name_a_child(window):
    """Put a child's recorded private name into the first priority action's title (the
    letter's bullet under "Areas for priority action")."""
    session = window.session
    ws, inspection_id = session.ws, session.inspection_id
    name = ws.rows("child", inspection_id)[0]["private_name"]
    finding = next(f for f in ws.rows("finding", inspection_id) if f["kind"] == "priority_action")
    title = f"{finding['title']}, as seen for {name}"
    session.edit(lambda ws: update_finding(ws, finding["id"], title=title))
    return name


def name_a_child_in_the_main_findings(window):
    """The lead writes a child's recorded name into the main findings' narrative."""
    session = window.session
    ws, inspection_id = session.ws, session.inspection_id
    name = ws.rows("child", inspection_id)[0]["private_name"]
    text = report.letter_choices(ws, inspection_id).get("main").text
    text = text.replace("Leaders of the", f"When {name} was seen, leaders of the", 1)
    session.edit(lambda ws: report.set_section(ws, inspection_id, "main", text=text))
    return name


def check(qtbot, page):
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.state is not None and page.state.explicit and not page.loader.busy,
        timeout=10000,
    )


def test_models_pass_the_model_tester(qtmodeltester, qtbot, page, window):
    name_a_child(window)
    session = window.session
    session.edit(
        lambda ws: add_finding(
            ws,
            session.inspection_id,
            kind="strength",
            title="Leaders listen",
            text="Leaders listen to staff.",
            agencies=["partnership"],
        )
    )
    check(qtbot, page)
    choose_section(qtbot, page, IMPROVE)
    page.gate.hits_view.setCurrentIndex(page.gate.hits.index(0, 0))
    assert page.gate.hits.rowCount() and page.gate.warnings.rowCount()
    for model in (
        page.sections_model,
        page.editor.options,
        page.gate.hits,
        page.gate.overrides,
        page.gate.warnings,
    ):
        qtmodeltester.check(model)


def test_choosing_and_reordering_items_by_keyboard_updates_the_letter(qtbot, page, window):
    choose_section(qtbot, page, IMPROVE)
    default = letter_section(window, IMPROVE).items
    assert len(default) >= 3 and not letter_section(window, IMPROVE).items_chosen
    view = page.editor.items_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # untick the first
    assert letter_section(window, IMPROVE).items == default[1:]
    assert letter_section(window, IMPROVE).items_chosen
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert letter_section(window, IMPROVE).items == (default[2], default[1], *default[3:])
    assert view.currentIndex().data(RecordIdRole) == default[1]  # the moved item stays current
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert letter_section(window, IMPROVE).items == default[1:]
    assert "Alt+Up" in page.editor.move_up.toolTip()
    qtbot.waitUntil(lambda: page.editor.reset_button.isEnabled())
    qtbot.mouseClick(page.editor.reset_button, Qt.MouseButton.LeftButton)
    assert letter_section(window, IMPROVE).items == default
    assert not letter_section(window, IMPROVE).items_chosen


def test_section_text_saves_as_you_type_shows_in_the_preview_and_undo_restores(qtbot, page, window):
    choose_section(qtbot, page, NEXT_STEPS)
    page.editor.text.setFocus()
    qtbot.keyClicks(page.editor.text, "The partners meet in January.")
    qtbot.waitUntil(
        lambda: letter_section(window, NEXT_STEPS).text == "The partners meet in January.",
        timeout=3000,
    )
    qtbot.waitUntil(
        lambda: "The partners meet in January." in page.preview.toPlainText(), timeout=10000
    )
    page.editor.heading.setFocus()
    qtbot.keyClicks(page.editor.heading, "What happens next")
    qtbot.keyClick(page.editor.heading, Qt.Key.Key_Return)
    assert letter_section(window, NEXT_STEPS).heading == "What happens next"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert letter_section(window, NEXT_STEPS).text == ""
    assert letter_section(window, NEXT_STEPS).heading == "Next steps"
    qtbot.waitUntil(
        lambda: (
            page.editor.text.toPlainText() == ""
            and "The partners meet" not in page.preview.toPlainText()
        ),
        timeout=10000,
    )


def test_check_finds_nothing_in_the_demo_then_a_childs_private_name(qtbot, page, window):
    check(qtbot, page)
    assert page.gate.hits.rowCount() == 0
    assert "No identifying details" in page.gate.summary.text()
    name = name_a_child(window)
    check(qtbot, page)
    assert page.gate.hits.rowCount() >= 1
    matched = [page.gate.hits.index(row, 1).data() for row in range(page.gate.hits.rowCount())]
    assert name in matched
    assert "blocks the export" in page.gate.summary.text()
    assert "to fix" in page.tabs.tabText(page.tabs.currentIndex())
    page.gate.hits_view.setCurrentIndex(page.gate.hits.index(matched.index(name), 0))
    assert name in page.gate.context.toPlainText()
    assert "<b>" in page.gate.context.toHtml() or "font-weight" in page.gate.context.toHtml()


def test_override_needs_a_reason_is_recorded_and_can_be_undone(qtbot, page, window):
    name = name_a_child(window)
    check(qtbot, page)
    before = page.gate.hits.rowCount()
    page.gate.hits_view.setCurrentIndex(page.gate.hits.index(0, 0))
    driver = ModalDriver(qtbot)

    def give_reason(dialog):
        assert not dialog.ok_button.isEnabled()  # no reason, no override
        qtbot.keyClicks(dialog.reason, REASON)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    expected = driver.expect(OverrideDialog, give_reason)
    qtbot.mouseClick(page.gate.override_button, Qt.MouseButton.LeftButton)
    driver.finish(expected)
    session = window.session
    kept = report.overrides(session.ws, session.inspection_id)
    assert [(o.match, o.reason) for o in kept] == [(name, REASON)]
    assert kept[0].by and kept[0].at
    qtbot.waitUntil(lambda: page.gate.hits.rowCount() == before - 1, timeout=10000)
    qtbot.waitUntil(lambda: page.gate.overrides.rowCount() == 1, timeout=10000)
    shown = page.gate.overrides.index(0, 0).data()
    assert REASON in shown and kept[0].by in shown and "Areas for priority action" in shown
    window.undo_action.trigger()
    assert report.overrides(session.ws, session.inspection_id) == []
    qtbot.waitUntil(lambda: page.gate.hits.rowCount() == before, timeout=10000)


def test_an_override_can_be_removed_from_the_list(qtbot, page, window):
    name_a_child(window)
    check(qtbot, page)
    session = window.session
    hit = page.gate.hits.row(0)
    session.edit(lambda ws: report.add_override(ws, session.inspection_id, hit, REASON))
    qtbot.waitUntil(lambda: page.gate.overrides.rowCount() == 1, timeout=10000)
    page.gate.overrides_view.setCurrentIndex(page.gate.overrides.index(0, 0))
    qtbot.mouseClick(page.gate.remove_button, Qt.MouseButton.LeftButton)
    assert report.overrides(session.ws, session.inspection_id) == []
    qtbot.waitUntil(lambda: page.gate.overrides.rowCount() == 0, timeout=10000)


def test_export_writes_a_word_document_with_progress(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "out" / "letter"
    target.parent.mkdir()
    monkeypatch.setattr(
        report_page.QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "Word documents (*.docx)"),
    )
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    progress = []
    page.export_progress.connect(lambda done, total, label: progress.append((done, total)))
    page.sections_view.setFocus()
    with qtbot.waitSignal(page.export_finished, timeout=20000) as finished:
        qtbot.keyClick(page.sections_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert finished.args[0].status == "written"
    written = target.with_name("letter.docx")  # the extension is added
    headings = [
        p.text for p in docx.Document(str(written)).paragraphs if p.style.name.startswith("Heading")
    ]
    assert "Headline findings" in headings
    assert progress and progress[-1][0] == progress[-1][1]
    box = page.export_message
    assert box is not None and str(written) in box.text()
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(written)]


def test_a_blocked_export_writes_nothing_and_shows_the_hits(
    qtbot, page, window, tmp_path, monkeypatch
):
    name = name_a_child(window)
    target = tmp_path / "letter.docx"
    monkeypatch.setattr(
        report_page.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "")
    )
    with qtbot.waitSignal(page.export_finished, timeout=20000) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].status == "blocked"
    assert not target.exists()
    assert page.tabs.currentWidget() is page.gate
    assert name in [page.gate.hits.index(r, 1).data() for r in range(page.gate.hits.rowCount())]
    assert "nothing was written" in page.export_message.text()
    assert page.export_message.icon() == QMessageBox.Icon.Warning


def test_an_export_that_cannot_be_saved_says_why(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "no such folder" / "letter.docx"
    monkeypatch.setattr(
        report_page.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "")
    )
    shown = []
    monkeypatch.setattr(report_page, "show_error", lambda parent, error: shown.append(error))
    with qtbot.waitSignal(page.export_finished, timeout=20000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and "does not exist" in shown[0].message
    assert page.export_button.isEnabled() and not page.progress_bar.isVisible()
    assert QApplication.activeModalWidget() is None


def test_show_in_the_letter_brings_the_finding_into_view(qtbot, page, window):
    name_a_child(window)
    check(qtbot, page)
    row = next(
        r for r in range(page.gate.hits.rowCount()) if page.gate.hits.row(r).section == "priority"
    )
    hit = page.gate.hits.row(row)
    page.gate.hits_view.setCurrentIndex(page.gate.hits.index(row, 0))
    page.gate.hits_view.setFocus()
    qtbot.keyClick(page.gate.hits_view, Qt.Key.Key_Return)
    assert page.editor.key == "priority"
    qtbot.waitUntil(
        lambda: page.editor.items_view.currentIndex().data(RecordIdRole) == hit.finding_id,
        timeout=10000,
    )
    assert page.editor.items_view.hasFocus()


def test_a_template_without_the_styles_is_refused_with_the_reason(
    qtbot, page, tmp_path, monkeypatch
):
    template = tmp_path / "plain.docx"
    docx.Document().save(str(template))
    monkeypatch.setattr(
        report_page.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(template), "")
    )
    shown = []
    monkeypatch.setattr(report_page, "show_error", lambda parent, error: shown.append(error))
    page.use_template.setFocus()
    qtbot.keyClick(page.use_template, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "has no style called" in shown[0].message and "plain.docx" in shown[0].message
    assert page.template is None and not page.use_template.isChecked()


def test_cancel_stops_the_export_and_nothing_is_written(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "letter.docx"
    monkeypatch.setattr(
        report_page.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "")
    )

    def export_until_cancelled(ws, inspection_id, path, *, progress, is_cancelled, **options):
        progress(1, 4, "Writing")
        while not is_cancelled():  # a long export, in the worker thread
            time.sleep(0.005)
        return report.ExportOutcome("cancelled", path, GateResult((), ()))

    monkeypatch.setattr(report_page, "export_letter", export_until_cancelled)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress_bar.value() == 1)
    assert page.cancel_button.isVisible() and not page.export_button.isEnabled()
    with qtbot.waitSignal(page.export_finished, timeout=10000):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert "cancelled" in page.export_status.text() and not target.exists()
    assert page.export_button.isEnabled() and not page.cancel_button.isVisible()


def test_each_hit_says_why_it_stops_the_letter(qtbot, page, window):
    session = window.session
    ws, inspection_id = session.ws, session.inspection_id
    finding = next(f for f in ws.rows("finding", inspection_id) if f["kind"] == "priority_action")
    title = f"{finding['title']}: the stepfather, Darren, called from 07700 900\u2013\u200b123"
    session.edit(lambda ws: update_finding(ws, finding["id"], title=title))
    check(qtbot, page)
    hits = page.gate.hits
    rows = {hits.index(r, 1).data(): r for r in range(hits.rowCount())}
    assert {"Darren", "07700 900\u2013\u200b123"} <= set(rows)  # the words as written
    assert hits.headerData(3, Qt.Orientation.Horizontal) == "Why"
    why = hits.index(rows["Darren"], 3).data()
    assert "family member" in why
    assert hits.index(rows["Darren"], 0).data() == "A person's name"
    page.gate.hits_view.setCurrentIndex(hits.index(rows["07700 900\u2013\u200b123"], 0))
    context = page.gate.context.toPlainText()
    assert "looks like a UK phone number" in context and "900\u2013\u200b123" in context


# --- the report page as a new user meets it (issue 17, point 7) -----------------------------
def test_where_names_the_section_and_paragraph_as_the_preview_shows_them(qtbot, page, window):
    import re

    name = name_a_child(window)
    name_a_child_in_the_main_findings(window)
    check(qtbot, page)
    hits = page.gate.hits
    where = {hits.row(r).section: hits.index(r, 2).data() for r in range(hits.rowCount())}
    title = next(
        f["title"]
        for f in window.session.ws.rows("finding", window.session.inspection_id)
        if name in (f["title"] or "")
    )
    assert where["priority"] == (
        f"Areas for priority action, paragraph 1 (from the finding \u201c{title}\u201d)"
    )
    assert where["main"] == "Main findings, paragraph 1"
    assert not any(re.search(r"\b[0-9a-f]{8}\b", text) for text in where.values())
    # The preview numbers each section's paragraphs the same way.
    html = page.preview.toHtml()
    main = page.preview.toPlainText().split("Main findings", 1)[1]
    assert main.lstrip().startswith("1") and name in main.split("\n2")[0]
    assert "Main findings" in html


def test_a_hit_in_the_leads_text_jumps_to_the_words_selected(qtbot, page, window):
    name = name_a_child_in_the_main_findings(window)
    check(qtbot, page)
    row = next(
        r for r in range(page.gate.hits.rowCount()) if page.gate.hits.row(r).section == "main"
    )
    page.gate.hits_view.setCurrentIndex(page.gate.hits.index(row, 0))
    qtbot.mouseClick(page.gate.show_button, Qt.MouseButton.LeftButton)
    assert page.editor.key == "main"
    qtbot.waitUntil(lambda: page.editor.text.textCursor().selectedText() == name, timeout=10000)
    assert page.editor.text.hasFocus()


def test_export_says_it_is_blocked_before_asking_for_a_file_name(qtbot, page, window, monkeypatch):
    name_a_child(window)
    asked = []
    monkeypatch.setattr(
        report_page.QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: asked.append(args) or ("", ""),
    )
    with qtbot.waitSignal(page.export_finished, timeout=20000) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].status == "blocked"
    assert asked == []  # no file name asked for
    assert "nothing was written" in page.export_message.text()
    assert page.tabs.currentWidget() is page.gate


def test_the_save_dialog_opens_in_documents_then_in_the_last_folder_used(
    qtbot, page, window, tmp_path, monkeypatch
):
    from jtai_desktop.ui.dialogs import export_messages

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    monkeypatch.setattr(
        export_messages.QStandardPaths,
        "writableLocation",
        lambda _where: str(home / "Documents"),
    )
    chosen = tmp_path / "exports"
    chosen.mkdir()
    starts = []

    def save_as(parent, caption, start, *rest):
        starts.append(Path(start).parent)
        return (str(chosen / "letter.docx"), "")

    monkeypatch.setattr(report_page.QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(page.export_finished, timeout=20000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert starts == [home / "Documents"]
    # A new report page (as after restarting the app) starts where the last export went.
    again = report_page.ReportPage(window.session)
    qtbot.addWidget(again)
    assert Path(again._start_folder()) == chosen
    # A documents folder that does not exist is never passed on (Qt would open the
    # program's working folder instead).
    monkeypatch.setattr(
        export_messages.QStandardPaths, "writableLocation", lambda _where: str(home / "gone")
    )
    assert Path(export_messages.documents_folder()) == Path.home()
    assert Path(export_messages.documents_folder()) != program


def test_the_editor_says_what_a_section_is_for_and_its_usual_length(qtbot, page):
    choose_section(qtbot, page, "main")
    assert "1,200 to 3,600 words" in page.editor.purpose.text()
    choose_section(qtbot, page, "improve")
    assert "3 to 12 bullets" in page.editor.purpose.text()


# --- versions and the factual-accuracy round trip ----------------------------------------------
def test_versions_compare_and_the_areas_comments_are_answered(
    qtbot, page, window, tmp_path, monkeypatch
):
    from jtai_desktop.services import accuracy
    from jtai_desktop.ui.dialogs import letter_rounds
    from tests.unit.test_letter_roundtrip import returned_file

    session = window.session
    target = tmp_path / "letter.docx"
    monkeypatch.setattr(
        report_page.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    with qtbot.waitSignal(page.export_finished, timeout=20000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    strength = next(
        f for f in session.ws.rows("finding", session.inspection_id) if f["kind"] == "strength"
    )
    session.edit(lambda ws: update_finding(ws, strength["id"], title="Swift MASH decisions"))
    page.for_area.setChecked(True)
    with qtbot.waitSignal(page.export_finished, timeout=20000) as finished:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].status == "written"

    qtbot.mouseClick(page.rounds_button, Qt.MouseButton.LeftButton)
    dialog = page.rounds_dialog
    assert dialog.versions.rowCount() == 2
    assert dialog.versions.index(1, 1).data() == "For the area's factual-accuracy check"
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    shown = dialog.diff.toPlainText()
    assert "Strengths (changed)" in shown and "+ Swift MASH decisions" in shown
    assert "edited: Swift MASH decisions" in shown

    back = returned_file(target, tmp_path / "returned.docx")
    dialog.import_file(str(back))
    assert dialog.items.rowCount() == 4
    assert "paragraph" in dialog.items.index(0, 0).data()
    monkeypatch.setattr(
        letter_rounds.QInputDialog,
        "getMultiLineText",
        lambda *a, **k: ("The evidence shows otherwise.", True),
    )
    dialog.items_view.setCurrentIndex(dialog.items.index(1, 0))
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    decided = [i for i in accuracy.items(session.ws, session.inspection_id) if i.status != "open"]
    assert [(i.status, i.response) for i in decided] == [
        ("rejected", "The evidence shows otherwise.")
    ]
    assert "Rejected: The evidence shows otherwise." in dialog.items.index(1, 4).data()
    window.undo_action.trigger()  # a decision is an edit like any other
    assert all(i.status == "open" for i in accuracy.items(session.ws, session.inspection_id))
    assert window.undo_action.text().endswith("Import the area's factual-accuracy comments")
    window.undo_action.trigger()  # so is the import, as one edit
    assert accuracy.items(session.ws, session.inspection_id) == []
    window.redo_action.trigger()
    assert len(accuracy.items(session.ws, session.inspection_id)) == 4
    dialog.close()


def test_the_letters_settings_and_publication_from_the_dialog(
    qtbot, page, window, tmp_path, monkeypatch
):
    from jtai_desktop.services import letter as letter_service

    session = window.session
    qtbot.mouseClick(page.rounds_button, Qt.MouseButton.LeftButton)
    dialog = page.rounds_dialog
    assert dialog.tabs.tabText(0) == "&Letter"
    dialog.format.setCurrentIndex(dialog.format.findData("2016"))
    dialog.principal.setText("Northbridge City Council")
    dialog.small_counts.setValue(4)
    qtbot.mouseClick(dialog.save_settings, Qt.MouseButton.LeftButton)
    settings = letter_service.settings_of(session.ws, session.inspection_id)
    assert (settings.format, settings.principal_authority, settings.small_count_below) == (
        "2016",
        "Northbridge City Council",
        4,
    )
    assert "statement of action is due on" in dialog.settings_status.text()
    shown = []
    monkeypatch.setattr(
        "jtai_desktop.ui.errors.show_error",  # try_edit shows a refused edit
        lambda parent, error: shown.append(error),
    )
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert shown and "export it for the area" in shown[0].message  # nothing sent to the area yet
    dialog.close()
    target = tmp_path / "area.docx"
    monkeypatch.setattr(
        report_page.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    page.for_area.setChecked(True)
    with qtbot.waitSignal(page.export_finished, timeout=20000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.rounds_button, Qt.MouseButton.LeftButton)
    dialog = page.rounds_dialog
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    row = letter_service.letter_row(session.ws, session.inspection_id)
    assert row["published_version"] and row["wsoa_due"] and row["retention_proposed"]
    assert "Published on" in dialog.settings_status.text()
    assert "Proposed retention date" in dialog.settings_status.text()
    window.undo_action.trigger()  # publication is an edit like any other
    assert not letter_service.letter_row(session.ws, session.inspection_id).get("published_on")
    dialog.close()
