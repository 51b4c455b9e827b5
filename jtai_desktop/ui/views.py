"""Small helpers the pages and editors share: list views and their chosen record,
placeholders, inline alerts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QWidget,
)

from ..domain.record_types import Row
from .models.roles import RecordIdRole

# Qt classes used only once something is painted, fitted or edited are imported there: each
# Qt class brings its enums into being when first imported, which a start pays for.


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


def show_new_values(model, row: Row | None, inspection_id: str | None) -> bool:
    """Put a record's new values in its line of a long list (``RecordRowsModel.set_row``)
    after an edit of it. False if it is gone, of another inspection or not listed yet: the
    page then lists them all again."""
    return row is not None and row["inspection_id"] == inspection_id and model.set_row(row)


class ChosenRecord:
    """What a list of records with Add, Change and Delete buttons does with its chosen row.

    Mixed into the widget that shows the list (before its Qt base class), which sets ``view``
    (over ``proxy``, over the source ``model`` offering ``row_of``), has ``session`` and
    reloads in ``refresh()``. A row's record id is its ``RecordIdRole`` data."""

    view: QTableView
    proxy: QSortFilterProxyModel
    model: Any
    session: Any

    def refresh(self) -> None:
        raise NotImplementedError

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(RecordIdRole) if index.isValid() else None

    def select(self, record_id: str | None) -> None:
        select_record(self.view, self.proxy, self.model, record_id)

    def show_saved(self, record_id: str) -> None:
        """A dialog saved the record: list it as it is now, chosen, with the focus on the list."""
        self.refresh()
        self.select(record_id)
        self.view.setFocus()

    def delete_chosen(self, what: str, delete: Callable[[Any, str], Any]) -> None:
        """Delete the chosen record undoably (``delete(ws, record_id)``), saying ``what`` went."""
        from .errors import try_delete

        record_id = self.current_id()
        if record_id:
            parent = cast(QWidget, self)
            try_delete(parent, self.session, what, lambda ws: delete(ws, record_id))
        self.view.setFocus()


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
    from .shortcuts import shortcut

    return shortcut("list.delete", view, remove, Qt.ShortcutContext.WidgetShortcut)


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


class EmptyHint(QObject):
    """What an empty list says, drawn in its middle: what to do to fill it, or, when a
    filter hides every row, that nothing matches."""

    def __init__(self, view: QAbstractItemView, empty: str, filtered: str = ""):
        super().__init__(view)
        self.view, self.empty, self.filtered = view, empty, filtered
        view.viewport().installEventFilter(self)

    def text(self) -> str:
        """The hint shown now ("" while the list has rows)."""
        model = self.view.model()
        if model is None or model.rowCount() > 0:
            return ""
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else None
        if source is not None and source.rowCount() > 0 and self.filtered:
            return self.filtered
        return self.empty

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Paint and watched is self.view.viewport():
            text = self.text()
            if text:
                from PySide6.QtGui import QPainter, QPalette

                painter = QPainter(watched)
                painter.setPen(self.view.palette().color(QPalette.ColorRole.PlaceholderText))
                area = watched.rect().adjusted(16, 16, -16, -16)
                flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
                painter.drawText(area, int(flags), text)
                painter.end()
        return False


def empty_hint(view: QAbstractItemView, empty: str, filtered: str = "") -> EmptyHint:
    """Give ``view`` a hint for when it is empty (see ``EmptyHint``)."""
    hint = EmptyHint(view, empty, filtered)
    view.setProperty("has_empty_hint", True)
    return hint


class ScrollFit(QObject):
    """Keeps a scroll area as wide as its content needs, as the content changes (a record
    with longer words, a tab built later)."""

    def __init__(self, area: QScrollArea, content: QWidget):
        super().__init__(area)
        self.area = area
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        content = self.area.widget()
        if content is None:
            return
        bar = self.area.verticalScrollBar().sizeHint().width()
        frame = 2 * self.area.frameWidth()
        self.area.setMinimumWidth(content.minimumSizeHint().width() + bar + frame)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.fit()
        return False


def fit_scroll_areas(root: QWidget) -> None:
    """A pane that scrolls (a record's details) scrolls up and down only: it asks its
    splitter for the width its content needs, so nothing is cut off at its right edge."""
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if content is not None and area.widgetResizable():
            ScrollFit(area, content)


def edit_focused(method: str) -> None:
    """Cut, copy or paste (``method``) in the text box with the keyboard focus, if it is one:
    what Edit › Cut, Copy and Paste do."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    widget = QApplication.focusWidget()
    if isinstance(widget, QComboBox) and widget.isEditable():
        widget = widget.lineEdit()
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        {"cut": widget.cut, "copy": widget.copy, "paste": widget.paste}[method]()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """The usual size, or the screen's free area if that is smaller (a 1366x768 laptop)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width()), min(height, free.height())
    window.resize(width, height)
