"""Small helpers shared by the pages' list views."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex


def select_record(view, proxy, model, record_id: str | None) -> None:
    """Make a record's row current and visible (or clear the selection if it is not listed).

    ``model`` is the source model behind ``proxy`` and offers ``row_of(record_id)``."""
    row = model.row_of(record_id) if record_id else -1
    index = proxy.mapFromSource(model.index(row, 0)) if row >= 0 else QModelIndex()
    if not index.isValid():
        view.selectionModel().clearSelection()
        return
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)
