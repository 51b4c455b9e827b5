"""Small helpers shared by the pages' list views."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def select_record(view, proxy, model, record_id: str | None) -> None:
    """Make a record's row current and visible (or clear the selection if it is not listed).

    ``model`` is the source model behind ``proxy`` and offers ``row_of(record_id)``."""
    row = model.row_of(record_id) if record_id else -1
    index = proxy.mapFromSource(model.index(row, 0)) if row >= 0 else QModelIndex()
    if not index.isValid():
        view.selectionModel().clearSelection()
        return
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)


def record_list_view(
    proxy, name: str, stretch: int, sort_column: int, order: Qt.SortOrder
) -> QTableView:
    """A long list of records, one line each: rows chosen whole and one at a time, sorted by
    clicking a heading, Tab moving on to the next control (the arrows move in the list).

    Columns are sized from the visible rows only: measuring every row of a large list on each
    scroll stalls the UI. ``stretch`` is the column that takes the remaining width.
    """
    view = QTableView()
    view.setModel(proxy)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    view.verticalHeader().hide()
    view.setWordWrap(False)  # one line per record; long text is in the tooltip
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def on_delete_key(view: QWidget, remove) -> QShortcut:
    """The Delete key, while ``view`` has the focus, calls ``remove()`` (which removes the
    chosen record, undoably)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), view)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(remove)
    return shortcut
