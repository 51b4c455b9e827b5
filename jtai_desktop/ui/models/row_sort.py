"""Long lists of records: a table model over them that sorts one key per row, not in a
sort proxy.

A QSortFilterProxyModel sorts by comparing pairs of cells, and each cell it reads is a call
into Python: on 2,000 notes that is some 30,000 calls and half a second with the window
frozen, on opening the list and on every click on a column heading. A model that keeps its
rows (dicts with an "id") in ``self._rows`` sorts them here with one key per row; its proxy
passes ``sort`` on (see ``SourceSorts``) and only filters. ``RecordRowsModel`` is that model
less what its columns show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ...domain.record_types import Row
from .roles import AnyIndex, RecordIdRole

SortKey = Callable[[Row, int], object]  # (row, column) -> a value to order by


def in_order(rows: Sequence[Row], key: SortKey, column: int, descending: bool) -> list[Row]:
    """The rows ordered by ``key`` on ``column`` (as they are if column < 0); empty values
    last, text without regard to case, ties kept in their order."""
    if column < 0:
        return list(rows)

    def comparable(row: Row):
        value = key(row, column)
        if value is None or value == "":
            return (1, "") if not descending else (0, "")
        rank = 0 if not descending else 1
        return (rank, value.casefold() if isinstance(value, str) else value)

    return sorted(rows, key=comparable, reverse=descending)


def relayout(model, ordered: list[Row]) -> None:
    """Put ``model._rows`` in the new order, keeping selections and the current row on the
    same records (Qt's persistent indexes)."""
    model.layoutAboutToBeChanged.emit()
    old = model.persistentIndexList()
    records = [(model._rows[index.row()]["id"], index.column()) for index in old]
    model._rows = ordered
    position = {row["id"]: n for n, row in enumerate(ordered)}
    model.changePersistentIndexList(
        old, [model.index(position[record], column) for record, column in records]
    )
    model.layoutChanged.emit()


class SourceSorts(QSortFilterProxyModel):
    """A filtering proxy that leaves sorting to its source model (which sorts by key)."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class RecordRowsModel(QAbstractTableModel):
    """Rows of records (dicts with an "id"), sortable by any column.

    Subclasses set ``_headers`` (the column titles, translated) and give
    ``_sort_key(row, column)`` and ``_display(row, column)`` (a cell's text), and where they
    show more, ``_tooltip`` and ``_role_data`` (any other role: colours, alignment, their
    own roles)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []
        self._order = (-1, False)  # the column sorted by, and whether descending
        self._headers: tuple[str, ...] = ()

    def _sort_key(self, row: Row, column: int):
        raise NotImplementedError

    def _display(self, row: Row, column: int) -> object:
        raise NotImplementedError

    def _tooltip(self, row: Row, column: int) -> object:
        """None: a cut-short cell's tooltip is its whole text (``ui.tooltips``)."""
        return None

    def _role_data(self, row: Row, column: int, role: int) -> object:
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == RecordIdRole:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return self._role_data(row, column, role)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        relayout(self, in_order(self._rows, self._sort_key, *self._order))

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace the rows; when the same records are listed again only their cells change,
        so the view keeps its selection and scroll position (while a record autosaves)."""
        rows = in_order(rows, self._sort_key, *self._order)
        if [r["id"] for r in rows] == [r["id"] for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, len(self._headers) - 1)
                )
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_row(self, row: Row) -> bool:
        """Put one listed record's new values in its line (after an autosave of it): only that
        line changes, or moves if it now sorts elsewhere. False if the record is not listed
        (a new one: list them all again)."""
        n = self.row_of(row["id"])
        if n < 0:
            return False
        rows = [*self._rows[:n], row, *self._rows[n + 1 :]]
        ordered = in_order(rows, self._sort_key, *self._order)
        if ordered[n]["id"] != row["id"]:
            relayout(self, ordered)  # keeps the selection on the same records
            return True
        self._rows = ordered
        self.dataChanged.emit(self.index(n, 0), self.index(n, len(self._headers) - 1))
        return True

    def row_of(self, record_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row["id"] == record_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
