"""Small helpers the pages and editors share: list views, placeholders, inline alerts."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget


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


def placeholder_label(text: str = "") -> QLabel:
    """What a pane shows while it has nothing to show: centred text that wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class AlertLabel(QLabel):
    """An inline message that something was not saved: light text on red, selectable, and
    hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("color: palette(bright-text); background: #a4262c; padding: 4px;")
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic (the letter after &) moves the focus to ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
