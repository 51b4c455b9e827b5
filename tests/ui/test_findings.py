"""The findings page: grouping, the no-evidence flag, citing, autosave, undo, new findings."""

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from jtai_desktop.services.findings import add_finding
from jtai_desktop.ui.models.findings import NoEvidenceRole
from jtai_desktop.ui.models.roles import KindRole, RecordIdRole
from jtai_desktop.ui.widgets import finding_editor


@pytest.fixture
def window(small_demo_window):
    return small_demo_window


@pytest.fixture
def page(window):
    return window.navigate("findings")


def add_unevidenced(window, title="Leaders do not know how long children wait"):
    session = window.session
    changes = session.edit(
        lambda ws: add_finding(
            ws,
            session.inspection_id,
            kind="area_for_improvement",
            title=title,
            text="Waiting times are not tracked.",
            agencies=["partnership"],
        )
    )
    return changes.entity_id


def row_of(page, finding_id, column=0):
    """The finding's first row in the view (through the filter)."""
    source = page.model.indexes_of(finding_id)[0]
    return page.proxy.mapFromSource(source.siblingAtColumn(column))


def choose(page, finding_id):
    page.tree.selectionModel().setCurrentIndex(
        row_of(page, finding_id), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def test_tree_model_passes_the_model_tester(qtmodeltester, page, window):
    add_unevidenced(window)
    assert page.model.rowCount() == 3
    qtmodeltester.check(page.model)
    page.only_missing.setChecked(True)
    qtmodeltester.check(page.proxy)


def test_priority_actions_come_first_then_improvement_then_strengths(page):
    kinds = [page.proxy.index(row, 0).data(KindRole) for row in range(page.proxy.rowCount())]
    assert kinds == ["priority_action", "area_for_improvement", "strength"]
    assert page.proxy.index(0, 0).data().startswith("Areas for priority action")
    partnership = page.proxy.index(0, 0, page.proxy.index(0, 0))
    assert partnership.data().startswith("The partnership")


def test_a_finding_naming_two_agencies_is_listed_under_each(page, window):
    session = window.session
    strengths_before = sum(
        f["kind"] == "strength" for f in session.ws.rows("finding", session.inspection_id)
    )
    police, health = [
        a["id"]
        for a in session.ws.rows("agency", session.inspection_id)
        if a["kind"] == "police" or a["service_type"] == "icb"
    ]
    finding_id = session.edit(
        lambda ws: add_finding(
            ws,
            session.inspection_id,
            kind="strength",
            title="Police and health share quickly",
            text="",
            agencies=[police, health],
        )
    ).entity_id
    assert len(page.model.indexes_of(finding_id)) == 2
    strengths = page.proxy.index(2, 0)
    # counted once, not twice
    assert strengths.data().startswith(f"Strengths ({strengths_before + 1})")


def test_finding_without_evidence_is_flagged_until_evidence_is_cited(
    page, window, monkeypatch, qtbot
):
    finding_id = add_unevidenced(window)
    assert row_of(page, finding_id).data(NoEvidenceRole) is True
    assert row_of(page, finding_id, 1).data() == "no evidence cited"
    assert row_of(page, finding_id).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "No evidence cited" in row_of(page, finding_id).data(
        Qt.ItemDataRole.AccessibleDescriptionRole
    )

    choose(page, finding_id)
    assert page.editor.finding_id == finding_id
    assert page.editor.warning.isVisible()
    evidence = window.session.ws.rows("evidence", window.session.inspection_id, order_by="ref")[0]
    offered = []
    monkeypatch.setattr(
        finding_editor,
        "pick_evidence",
        lambda parent, items, title="": offered.extend(items) or [evidence["id"]],
    )
    qtbot.mouseClick(page.editor.cite_button, Qt.MouseButton.LeftButton)

    assert evidence["id"] in [record_id for record_id, _label in offered]
    assert row_of(page, finding_id).data(NoEvidenceRole) is False
    assert row_of(page, finding_id, 1).data() == "1 item"
    assert row_of(page, finding_id).data(Qt.ItemDataRole.DecorationRole) is None
    assert page.editor.cited_model.ids() == [evidence["id"]]
    assert not page.editor.warning.isVisible()

    window.undo_action.trigger()
    assert row_of(page, finding_id).data(NoEvidenceRole) is True
    assert row_of(page, finding_id, 1).data() == "no evidence cited"
    assert page.editor.warning.isVisible()


def test_remove_citation_flags_the_finding_again(page, window, qtbot):
    finding_id = add_unevidenced(window)
    evidence = window.session.ws.rows("evidence", window.session.inspection_id)[0]
    from jtai_desktop.services.findings import cite

    window.session.edit(lambda ws: cite(ws, finding_id, evidence["id"]))
    choose(page, finding_id)
    assert not row_of(page, finding_id).data(NoEvidenceRole)
    page.editor.cited.setCurrentIndex(page.editor.cited_model.index(0, 0))
    qtbot.mouseClick(page.editor.remove_button, Qt.MouseButton.LeftButton)
    assert row_of(page, finding_id).data(NoEvidenceRole) is True


def test_only_without_evidence_filter_hides_supported_findings(page, window, qtbot):
    finding_id = add_unevidenced(window)
    qtbot.mouseClick(page.only_missing, Qt.MouseButton.LeftButton)
    shown = _finding_ids(page.proxy)
    assert shown == [finding_id]
    assert page.proxy.index(0, 0).data() == "Areas for improvement (1)"  # counts what is shown
    assert page.summary.isVisible() and "1 finding" in page.summary.label.text()
    qtbot.mouseClick(page.only_missing, Qt.MouseButton.LeftButton)
    assert len(set(_finding_ids(page.proxy))) == len(
        window.session.ws.rows("finding", window.session.inspection_id)
    )


def _finding_ids(model, parent=QModelIndex()):
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(RecordIdRole):
            found.append(index.data(RecordIdRole))
        found += _finding_ids(model, index)
    return found


def test_typing_text_autosaves_and_undo_restores_it(page, window, qtbot):
    finding_id = add_unevidenced(window)
    choose(page, finding_id)
    editor = page.editor
    editor.text.setFocus()
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.text, " Nobody owns the list.")
    ws = window.session.ws
    qtbot.waitUntil(
        lambda: ws.get("finding", finding_id)["text"].endswith("owns the list."), timeout=3000
    )
    assert window.undo_action.text().endswith("Edit finding")

    window.undo_action.trigger()
    assert ws.get("finding", finding_id)["text"] == "Waiting times are not tracked."
    assert editor.text.toPlainText() == "Waiting times are not tracked."


def test_changing_the_kind_moves_the_finding_and_keeps_it_open(page, window):
    finding_id = add_unevidenced(window)
    choose(page, finding_id)
    page.editor.kind.setCurrentIndex(page.editor.kind.findData("priority_action"))
    assert window.session.ws.get("finding", finding_id)["kind"] == "priority_action"
    assert row_of(page, finding_id).parent().parent().data(KindRole) == "priority_action"
    assert page.tree.currentIndex().data(RecordIdRole) == finding_id
    window.undo_action.trigger()
    assert window.session.ws.get("finding", finding_id)["kind"] == "area_for_improvement"


def test_new_finding_dialog_collects_kind_agencies_and_title(page, window, qtbot):
    def fill_in():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.title, "Health visitors are not told of incidents")
        dialog.agencies.setFocus()
        dialog.agencies.setCurrentIndex(dialog.agencies.model().index(0, 0))  # the partnership
        qtbot.keyClick(dialog.agencies, Qt.Key.Key_Space)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    page.tree.setFocus()
    page.tree.setCurrentIndex(page.proxy.index(0, 0))  # in the priority actions group
    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(
        page.tree,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    new_id = page.editor.finding_id
    row = window.session.ws.get("finding", new_id)
    assert row["title"] == "Health visitors are not told of incidents"
    assert row["kind"] == "priority_action" and row["agencies"] == ["partnership"]
    assert row_of(page, new_id).data(NoEvidenceRole) is True
    assert "Ctrl+Shift+F" in page.new_button.toolTip()

    window.undo_action.trigger()
    assert page.model.finding(new_id) is None
    assert page.right.currentWidget() is page.placeholder


def test_show_record_selects_and_opens_the_finding(page, window):
    finding_id = window.session.ws.rows("finding", window.session.inspection_id)[3]["id"]
    window.navigate("overview")
    window.jump_to("finding", finding_id)
    assert window.current_page() is page
    assert page.tree.currentIndex().data(RecordIdRole) == finding_id
    assert page.editor.title.text() == window.session.ws.get("finding", finding_id)["title"]
