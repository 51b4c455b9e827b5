"""A record's history reads as people speak: labels, not stored values, and quick
successive changes (an edit undone and redone) as one row, not three."""

from jtai_desktop.services.conflicts import grouped_history
from jtai_desktop.services.findings import update_finding
from jtai_desktop.ui.dialogs.history_dialog import show_history
from jtai_desktop.ui.models.conflicts import HistoryModel


def _rows(model: HistoryModel) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(row, column).data() or "" for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_undo_and_redo_are_one_row_with_labels(qtbot, small_demo_window):
    window = small_demo_window
    session = window.session
    ws = session.ws
    finding = next(f for f in ws.rows("finding", session.inspection_id) if f["kind"] == "strength")
    session.edit(lambda w: update_finding(w, finding["id"], kind="area_for_improvement"))
    session.undo_stack.undo()
    session.undo_stack.redo()
    dialog = show_history(session, "finding", finding["id"], window)
    rows = _rows(dialog.model)
    kinds = [row for row in rows if row[HistoryModel.FIELD] == "Kind"]
    # The change, its undo and its redo are not three rows: this computer's unsent edit is
    # written over (and a run of changes synced between is grouped, as tested below).
    assert len(kinds) == 2  # made with the demo, then the one change kept
    assert [row[HistoryModel.VALUE] for row in kinds] == ["Area for improvement", "Strength"]
    text = " ".join(" ".join(row) for row in rows)
    assert "area_for_improvement" not in text and "strength" not in text.replace("Strength", "")
    dialog.table.setCurrentIndex(dialog.model.index(rows.index(kinds[0]), 0))
    assert dialog.value.toPlainText() == "Area for improvement"
    dialog.close()


def _change(at: str, value: str, author: str = "Ann", field: str = "title", replaces=("p",)):
    return {
        "at": at,
        "author": author,
        "device": "d1",
        "field": field,
        "value": value,
        "op_id": at,
        "replaces": list(replaces),
        "clock_offset_ms": None,
    }


def test_grouping_keeps_apart_other_people_far_apart_changes_and_settlements():
    changes = [
        _change("2026-10-20T10:00:00Z", "a"),
        _change("2026-10-20T10:01:00Z", "b"),
        _change("2026-10-20T10:02:00Z", "a"),  # back to where it was
        _change("2026-10-20T10:03:00Z", "c", author="Ben"),
        _change("2026-10-20T12:00:00Z", "d", author="Ben"),  # two hours later
        _change("2026-10-20T12:01:00Z", "e", author="Ben", replaces=("x", "y")),  # settles
    ]
    grouped = grouped_history(changes)
    assert [(g["value"], g["count"]) for g in grouped] == [
        ("a", 3),
        ("c", 1),
        ("d", 1),
        ("e", 1),
    ]
    assert grouped[0]["first_at"] == "2026-10-20T10:00:00Z"
    assert not grouped[0]["changed_back"]  # the field had no value before the first
    again = grouped_history([_change("2026-10-20T09:00:00Z", "a", author="Cy"), *changes[:3]])
    assert again[1]["changed_back"] and again[1]["count"] == 3
