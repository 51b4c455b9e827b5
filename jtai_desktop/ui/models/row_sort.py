"""Sorting a long list in the model, one key per row, instead of in a sort proxy.

A QSortFilterProxyModel sorts by comparing pairs of cells, and each cell it reads is a call
into Python: on 2,000 notes that is some 30,000 calls and half a second with the window
frozen, on opening the list and on every click on a column heading. A model that keeps its
rows (dicts with an "id") in ``self._rows`` sorts them here with one key per row; its proxy
passes ``sort`` on (see ``SourceSorts``) and only filters.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt

SortKey = Callable[[dict, int], object]  # (row, column) -> a value to order by


def in_order(rows: list[dict], key: SortKey, column: int, descending: bool) -> list[dict]:
    """The rows ordered by ``key`` on ``column`` (as they are if column < 0); empty values
    last, text without regard to case, ties kept in their order."""
    if column < 0:
        return list(rows)

    def comparable(row: dict):
        value = key(row, column)
        if value is None or value == "":
            return (1, "") if not descending else (0, "")
        rank = 0 if not descending else 1
        return (rank, value.casefold() if isinstance(value, str) else value)

    return sorted(rows, key=comparable, reverse=descending)


def relayout(model, ordered: list[dict]) -> None:
    """Put ``model._rows`` in the new order, keeping selections and the current row on the
    same records (Qt's persistent indexes)."""
    model.layoutAboutToBeChanged.emit()
    old = model.persistentIndexList()
    records = [(model._rows[index.row()]["id"], index.column()) for index in old]
    model._rows = ordered
    position = {row["id"]: n for n, row in enumerate(ordered)}
    model.changePersistentIndexList(old, [model.index(position[record], column)
                                          for record, column in records])
    model.layoutChanged.emit()


class SourceSorts(QSortFilterProxyModel):
    """A filtering proxy that leaves sorting to its source model (which sorts by key)."""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
