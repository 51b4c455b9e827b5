"""The evidence matrix page on the small demo: a coded passage changes a cell's count, a cell
drills down to the passage behind it and opens it, the filters narrow the sources, and the
sufficiency view lists what is thin, sets the lead's rule and exports its Word table."""

import pytest
from docx import Document
from PySide6.QtCore import Qt

from jtai_desktop.services.coding import add_code
from jtai_desktop.services.evidence_matrix import BY_KIND
from jtai_desktop.services.triangulation import evidence_rule
from jtai_desktop.ui.models.matrix import MatrixModel

from .sync_team import no_modal_boxes  # noqa: F401 (autouse: a modal box fails the test)


@pytest.fixture
def page(small_demo_window):
    return small_demo_window.navigate("matrix")


def first_note_passage(ws, inspection_id):
    note = ws.rows("note", inspection_id, order_by="id")[0]
    organisation = note["attendees"][0]["agency"]
    end = note["text"].index(" ", 10)
    return note, organisation, end


def test_a_new_code_changes_the_cell_count_and_the_cell_drills_down(qtbot, small_demo_window, page):
    ws, inspection_id = page.session.ws, page.session.inspection_id
    note, organisation, end = first_note_passage(ws, inspection_id)
    index = page.model.cell_at("DA-07", organisation)
    before = page.model.level.total("DA-07", organisation)
    page.session.edit(
        lambda w: add_code(
            w,
            "note",
            note["id"],
            start=0,
            end=end,
            criterion_id="DA-07",
            agencies=[organisation],
            mark="concern",
            voice="child",
        )
    )
    assert page.model.level.total("DA-07", organisation) == before + 1
    assert str(before + 1) in index.data()
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    quotes = [s.quote for s in page.sources.sources]
    assert note["text"][:end] in quotes
    row = quotes.index(note["text"][:end])
    page.list.setFocus()
    page.list.setCurrentIndex(page.sources.index(row))
    qtbot.keyClick(page.list, Qt.Key_Return)  # opens the note where it was written
    notes = small_demo_window.navigate("notes")
    assert notes.editor.note_id == note["id"]
    small_demo_window.undo_action.trigger()
    small_demo_window.navigate("matrix")
    assert page.model.level.total("DA-07", organisation) == before


def test_filters_and_the_agency_kind_roll_up(qtbot, page):
    totals = sum(page.model.level.totals.values())
    page.level.setCurrentIndex(page.level.findData(BY_KIND))
    page.level.activated.emit(page.level.currentIndex())
    assert page.model.level_name == BY_KIND and page.model.columnCount() < len(
        page.model.matrix.organisations
    )
    page.level.setCurrentIndex(0)
    page.selection.setCurrentIndex(page.selection.findData("tracked"))
    page.selection.activated.emit(page.selection.currentIndex())
    assert 0 < sum(page.model.level.totals.values()) < totals
    page.selection.setCurrentIndex(0)
    page.inspector.setCurrentIndex(1)
    page.inspector.activated.emit(1)
    assert sum(page.model.level.totals.values()) < totals


def test_the_sufficiency_view_sets_the_rule_and_exports_an_internal_table(qtbot, page, tmp_path):
    panel = page.sufficiency
    page.tabs.setCurrentWidget(panel)
    text = panel.view.toPlainText()
    assert "Cells with no source or one" in text and "never part of the letter" in text
    assert "Findings below the rule" in text
    panel.min_sources.setValue(5)
    panel.set_rule.click()
    ws, inspection_id = page.session.ws, page.session.inspection_id
    assert evidence_rule(ws, inspection_id).min_sources == 5
    target = panel.export(tmp_path / "meeting.docx")
    paragraphs = [p.text for p in Document(target).paragraphs]
    assert paragraphs[0].startswith("Internal:")
    assert Document(target).tables[0].rows[0].cells[0].text == "Criterion"


def test_the_matrix_model_passes_the_model_tester(qtmodeltester, page):
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.sources)
    assert isinstance(page.model, MatrixModel) and page.model.rowCount() > 0
