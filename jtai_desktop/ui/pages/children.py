"""Children page: the children whose cases the team looks at, filterable, with one child's
details, timeline, audit evaluation and review progress beside the list."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from ...services.children import child_of, child_overview, children_overview
from ...services.inspections import agencies_in_order
from ..dialogs.child_dialog import open_child_dialog
from ..models.children import ChildrenFilter, ChildrenModel, selection_labels
from ..models.roles import RecordIdRole
from ..widgets.child_detail import ChildDetail
from .base import Page

WATCHED = ("child", "event", "audit_eval", "review", "agency")
ADD_CHILD_SHORTCUT = "Ctrl+Shift+C"


class ChildrenPage(Page):
    key = "children"

    review_requested = Signal(str)  # child id: the window opens the case review page on it

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = ChildrenModel(self)
        self._loaded: str | None = None  # the inspection whose children the model holds
        self._changed: set[str] | None = set()  # changed while hidden; None: reload all
        self.proxy = ChildrenFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self._build_table()
        self.detail = ChildDetail(session)
        self.detail.review_requested.connect(self.review_requested)
        self.review_requested.connect(
            lambda child_id: self.show_requested.emit("reviews", "child", child_id)
        )
        self._lay_out()

    # --- building ----------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Pseudonym, agency, age band…"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.textChanged.connect(lambda text: self.proxy.set_filters(text=text))
        self.selection_filter = QComboBox()
        self.selection_filter.addItem(self.tr("All"), "")
        for value, label in selection_labels().items():
            self.selection_filter.addItem(label, value)
        self.agency_filter = QComboBox()
        self.agency_filter.addItem(self.tr("All agencies"), "")
        self.state_filter = QComboBox()
        for label, value in (
            (self.tr("All"), ""),
            (self.tr("Not started"), "not_started"),
            (self.tr("In progress"), "in_progress"),
            (self.tr("Complete"), "complete"),
        ):
            self.state_filter.addItem(label, value)
        self.selection_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filters(selection=self.selection_filter.currentData())
        )
        self.agency_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filters(agency=self.agency_filter.currentData() or "")
        )
        self.state_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_filters(state=self.state_filter.currentData())
        )
        self.add_button = QPushButton(self.tr("&Add child…"))
        self.add_button.setToolTip(
            self.tr("Add a child whose case the team will look at (%1)").replace(
                "%1", ADD_CHILD_SHORTCUT
            )
        )
        self.add_button.clicked.connect(self.add_child)
        action = QAction(self.tr("Add child"), self)
        action.setShortcut(QKeySequence(ADD_CHILD_SHORTCUT))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.add_child)
        self.addAction(action)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Children"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ChildrenModel.PSEUDONYM, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Widths from the font, not from measuring every row: hundreds of children stay quick.
        em = self.fontMetrics().horizontalAdvance("m")
        bold = header.fontMetrics()
        widest_selection = max(
            map(self.fontMetrics().horizontalAdvance, selection_labels().values())
        )
        for column, ems in enumerate((6, 0, 6, 14, 6, 8)):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = widest_selection + em if column == ChildrenModel.SELECTION else em * ems
            header.resizeSection(column, max(width, bold.horizontalAdvance(title) + 3 * em))
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, widget in (
            (self.tr("Fi&nd:"), self.find_edit),
            (self.tr("Se&lection:"), self.selection_filter),
            (self.tr("Agenc&y:"), self.agency_filter),
            (self.tr("Co&mpleteness:"), self.state_filter),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 2 if widget is self.find_edit else 0)
        row.addStretch(1)
        row.addWidget(self.add_button)
        return row

    def _lay_out(self) -> None:
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.detail)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroller)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 380])  # shares of the width: the list gets the larger
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)
        self.setTabOrder(self.state_filter, self.add_button)
        self.setTabOrder(self.add_button, self.table)
        self.setTabOrder(self.table, self.detail.edit_button)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._count)

    # --- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None or not self.isVisible():
            return  # a hidden page catches up when it is shown
        if self._loaded != inspection_id or self._changed is None:
            self._reload_all(inspection_id)
        else:
            for child_id in self._changed:
                self._put_child(child_id)
            self.detail.reload()
        self._changed = set()

    def _reload_all(self, inspection_id: str) -> None:
        current = self.current_child() if self._loaded == inspection_id else None
        self._fill_agency_filter(inspection_id)
        self.model.set_children(children_overview(self.session.ws, inspection_id))
        self._loaded = inspection_id
        shown = self.detail.child_id
        self.select_child(current or self._first_child(), clear_filters=False)
        if shown is not None and shown == self.detail.child_id:
            self.detail.reload()  # the same child, perhaps changed meanwhile
        self._count()

    def _fill_agency_filter(self, inspection_id: str) -> None:
        chosen = self.agency_filter.currentData()
        self.agency_filter.blockSignals(True)
        while self.agency_filter.count() > 1:
            self.agency_filter.removeItem(1)
        for agency in agencies_in_order(self.session.ws, inspection_id):
            self.agency_filter.addItem(agency["name"], agency["id"])
        self.agency_filter.setCurrentIndex(max(self.agency_filter.findData(chosen), 0))
        self.agency_filter.blockSignals(False)
        self.proxy.set_filters(agency=self.agency_filter.currentData() or "")

    def _first_child(self) -> str | None:
        index = self.proxy.index(0, 0)
        return index.data(RecordIdRole) if index.isValid() else None

    def _count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            self.tr("%1 of %2 children shown").replace("%1", str(shown)).replace("%2", str(total))
        )

    def current_record(self) -> tuple[str, str] | None:
        """The record Ctrl+H shows the history of: the chosen child."""
        child_id = self.current_child()
        return ("child", child_id) if child_id else None

    def current_child(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(RecordIdRole) if index.isValid() else self.detail.child_id

    def select_child(self, child_id: str | None, clear_filters: bool = True) -> bool:
        """Make a child current in the table (clearing filters that hide it) and show it."""
        row = self.model.row_of(child_id) if child_id else None
        if row is None:
            self.detail.set_child(None)
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid() and clear_filters:
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        self.detail.set_child(child_id)
        return True

    def clear_filters(self) -> None:
        self.find_edit.clear()
        for combo in (self.selection_filter, self.agency_filter, self.state_filter):
            combo.setCurrentIndex(0)

    def show_record(self, entity: str, record_id: str) -> None:
        self.refresh()  # up to date first (nothing to do if it already is)
        child_id = child_of(self.session.ws, entity, record_id)
        if not self.select_child(child_id):
            return
        if entity == "event":
            self.detail.select_event(record_id)
            self.detail.timeline.setFocus()
        elif entity == "audit_eval":
            self.detail.audit.evaluation.setFocus()
        else:
            self.table.setFocus()

    def on_changed(self, entity: str, record_id: str) -> None:
        inspection_id = self.session.inspection_id
        if entity not in WATCHED or inspection_id is None or self._loaded != inspection_id:
            return
        child_id = record_id if entity == "child" else child_of(self.session.ws, entity, record_id)
        # An agency renamed, or a child no longer known (an undone event's): the whole list.
        one_child = None if entity == "agency" else child_id
        if not self.isVisible():  # remember what to bring up to date when shown
            if one_child is None or self._changed is None or len(self._changed) > 100:
                self._changed = None
            else:
                self._changed.add(one_child)
            return
        if one_child is None:
            self._reload_all(inspection_id)
        else:
            self._put_child(one_child)
        self.detail.on_changed(entity, record_id)

    def _put_child(self, child_id: str) -> None:
        summary = child_overview(self.session.ws, child_id)
        if summary is None:
            was_current = self.current_child() == child_id
            self.model.remove_child(child_id)
            if was_current:
                self.select_child(self._first_child(), clear_filters=False)
        else:
            self.model.put_child(summary)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.detail.flush()  # leaving the page (or closing the window) keeps what was typed
        super().hideEvent(event)

    # --- actions -----------------------------------------------------------------------------
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.detail.set_child(current.data(RecordIdRole))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.review_requested.emit(index.data(RecordIdRole))

    def add_child(self) -> None:
        if self.session.inspection_id is None:
            return
        self.detail.flush()
        open_child_dialog(self.session, None, self, self._on_child_added)

    def _on_child_added(self, child_id: str | None) -> None:
        if child_id:
            self._put_child(child_id)
            self.select_child(child_id)
            self.table.setFocus()
