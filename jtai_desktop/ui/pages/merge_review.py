"""The merge review: what the team sent, the open conflicts, and settling them.

Everyone sees it (members see the conflicts on their own work too); settling conflicts and
marking case reviews and findings as moderated are the lead's, and are disabled for members.
Every settlement is an op naming all the competing values, undoable like any edit: undo
opens the same conflict again.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...services import incoming
from ...services.conflicts import list_conflicts
from ...services.moderation import mark_moderated, settle_conflict
from ...services.team import is_lead
from ..dialogs.history_dialog import show_history
from ..errors import show_error, try_edit
from ..latest_read import LatestRead
from ..models.conflicts import DELETED, ConflictRole, ConflictsModel
from ..models.incoming import BY, CHANGES, LATEST, MODERATED, RECORD, IncomingModel, ReceivedRole
from ..models.roles import RecordRole
from ..time_text import local_time
from ..views import placeholder_label
from ..widgets.conflict_view import ConflictView
from .base import Page

REVIEW_MARK = "review"


class MergeReviewPage(Page):
    key = "review_merge"

    incoming_shown = Signal()  # the incoming work read in the background is shown

    def __init__(self, session, parent=None):
        self._ready = False
        super().__init__(session, parent)
        self.incoming_model = IncomingModel(self)
        # Received work is read off the UI thread: on a large inspection it takes a second.
        self.incoming_reader = LatestRead(session, self)
        self.conflicts_model = ConflictsModel(self)
        self.conflict_view = ConflictView()
        self._lead = False
        self._build()
        self._connect()
        self._ready = True

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls())
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self._incoming_box())
        top.addWidget(self._conflicts_box())
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 1)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self._detail())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def _controls(self) -> QHBoxLayout:
        self.since_label = QLabel(self.tr("Sho&w work received:"))
        self.since = QComboBox()
        for data, text in (
            (REVIEW_MARK, self.tr("since I last marked it reviewed")),
            (1, self.tr("in the last day")),
            (7, self.tr("in the last 7 days")),
            (30, self.tr("in the last 30 days")),
            (None, self.tr("at any time")),
        ):
            self.since.addItem(text, data)
        self.since_label.setBuddy(self.since)
        self.group_label = QLabel(self.tr("Group b&y:"))
        self.group_by = QComboBox()
        self.group_by.addItem(self.tr("Inspector"), "inspector")
        self.group_by.addItem(self.tr("Child"), "child")
        self.group_label.setBuddy(self.group_by)
        self.reviewed_button = QPushButton(self.tr("Mark all as &reviewed"))
        self.moderated_button = QPushButton(self.tr("Mark as &moderated"))
        self.moderated_button.setToolTip(
            self.tr("Mark the chosen case reviews and findings as moderated by the lead inspector")
        )
        row = QHBoxLayout()
        for widget in (self.since_label, self.since, self.group_label, self.group_by):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.reviewed_button)
        row.addWidget(self.moderated_button)
        return row

    def _incoming_box(self) -> QWidget:
        self.incoming_label = QLabel(self.tr("&Incoming work"))
        self.incoming_view = QTreeView()
        self.incoming_view.setModel(self.incoming_model)
        self.incoming_view.setAccessibleName(self.tr("Incoming work"))
        self.incoming_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.incoming_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.incoming_view.setAllColumnsShowFocus(True)
        self.incoming_view.setUniformRowHeights(True)
        _fixed_columns(
            self.incoming_view.header(),
            RECORD,
            {
                BY: "Inspector Name",
                CHANGES: "Changes",
                LATEST: "30 Sep 23:59",
                MODERATED: "Moderated",
            },
        )
        self.incoming_label.setBuddy(self.incoming_view)
        self.empty_incoming = QLabel()
        self.empty_incoming.setWordWrap(True)
        return _column(self.incoming_label, self.incoming_view, self.empty_incoming)

    def _conflicts_box(self) -> QWidget:
        self.conflicts_label = QLabel(self.tr("Open &conflicts"))
        self.conflicts_view = QTableView()
        self.conflicts_view.setModel(self.conflicts_model)
        self.conflicts_view.setAccessibleName(self.tr("Open conflicts"))
        self.conflicts_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts_view.setTabKeyNavigation(False)
        self.conflicts_view.verticalHeader().hide()
        header = self.conflicts_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ConflictsModel.RECORD, QHeaderView.ResizeMode.Stretch)
        # Conflicts are few (tens, not thousands): sizing these to their contents is cheap.
        for column in (ConflictsModel.FIELD, ConflictsModel.AUTHORS, ConflictsModel.LATEST):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts_view.setWordWrap(False)
        self.conflicts_label.setBuddy(self.conflicts_view)
        return _column(self.conflicts_label, self.conflicts_view)

    def _detail(self) -> QStackedWidget:
        self.placeholder = placeholder_label()
        self.detail = QStackedWidget()
        self.detail.addWidget(self.placeholder)
        self.detail.addWidget(self.conflict_view)
        return self.detail

    def _connect(self) -> None:
        self.incoming_reader.loaded.connect(self._show_incoming)
        self.incoming_reader.failed.connect(lambda error: show_error(self, error))
        self.since.currentIndexChanged.connect(lambda _: self._load_incoming())
        self.group_by.currentIndexChanged.connect(lambda _: self._load_incoming())
        self.reviewed_button.clicked.connect(self.mark_all_reviewed)
        self.moderated_button.clicked.connect(self.mark_moderated)
        self.incoming_view.activated.connect(self._open_incoming)
        self.incoming_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.conflicts_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_conflict(current)
        )
        self.conflicts_view.activated.connect(lambda _index: self._focus_first_pick())
        self.conflict_view.resolve_requested.connect(self.resolve)
        self.conflict_view.history_requested.connect(self._conflict_history)
        self.conflict_view.open_requested.connect(self._open_conflict_record)

    # --- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self._ready or self.session.inspection_id is None:
            return
        self._lead = is_lead(self.session.ws, self.session.inspection_id)
        self._load_conflicts()
        self._load_incoming()

    def _load_conflicts(self) -> None:
        current = self.conflicts_view.currentIndex()
        chosen = current.data(ConflictRole) if current.isValid() else None
        inspection_id = self.session.inspection_id
        found = list_conflicts(self.session.ws, inspection_id) if inspection_id else []
        self.conflicts_model.set_conflicts(found)
        self.conflicts_label.setText(self.tr("Open &conflicts (%1)").replace("%1", str(len(found))))
        row = self.conflicts_model.row_of(chosen["entity_id"], chosen["field"]) if chosen else -1
        if row < 0 and found:  # the one shown was settled: show the next one in its place
            row = min(current.row() if current.isValid() else 0, len(found) - 1)
        if row >= 0:  # the reset cleared the current row, so this shows the conflict
            self.conflicts_view.setCurrentIndex(self.conflicts_model.index(row, 0))
        else:
            self._show_conflict(QModelIndex())

    def _load_incoming(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        since = self.since.currentData()
        by_child = self.group_by.currentData() == "child"
        if self.incoming_model.rowCount() == 0:
            self.empty_incoming.setText(self.tr("Reading the team's work…"))
            self.empty_incoming.setVisible(True)
        self.incoming_reader.request(
            lambda ws: (
                inspection_id,
                since,
                by_child,
                _incoming_groups(ws, inspection_id, since, by_child),
            )
        )

    def _show_incoming(self, loaded) -> None:
        inspection_id, since, by_child, groups = loaded
        if inspection_id != self.session.inspection_id:
            return  # read for the inspection that was open before
        self.incoming_model.set_groups(groups, by_child)
        # Grouped by inspector, the "By" column would only repeat the group's name.
        self.incoming_view.setColumnHidden(BY, not by_child)
        self.incoming_view.expandAll()
        self.empty_incoming.setText(self._empty_incoming_text(since))
        self.empty_incoming.setVisible(not groups)
        self._update_buttons()
        self.incoming_shown.emit()

    def _empty_incoming_text(self, since) -> str:
        inspection_id = self.session.inspection_id
        if since != REVIEW_MARK or inspection_id is None:
            return self.tr("Nothing received from the team in this time.")
        mark = incoming.review_mark(self.session.ws, inspection_id)["at"]
        if mark is None:
            return self.tr("Nothing received from the team yet: sync to receive their work.")
        return self.tr("Nothing new since you marked the work reviewed at %1.").replace(
            "%1", local_time(mark)
        )

    def _update_buttons(self) -> None:
        self.moderated_button.setEnabled(self._lead and bool(self._to_moderate()))
        self.reviewed_button.setEnabled(self.incoming_model.rowCount() > 0)

    # --- conflicts ---------------------------------------------------------------------
    def _show_conflict(self, index: QModelIndex) -> None:
        conflict = index.data(ConflictRole) if index.isValid() else None
        if conflict is None:
            self.placeholder.setText(
                self.tr("No open conflicts: everyone's work fits together.")
                if self.conflicts_model.rowCount() == 0
                else self.tr("Choose a conflict to see each value side by side.")
            )
            self.detail.setCurrentWidget(self.placeholder)
            self.conflict_view.set_conflict(None)
            return
        op_ids = [v["op_id"] for v in conflict["values"]]
        ws = self.session.ws
        ancestor = incoming.common_ancestor(ws, conflict["entity_id"], conflict["field"], op_ids)
        fields = incoming.op_fields(ws, op_ids) if conflict["field"] == DELETED else {}
        self.conflict_view.set_conflict(conflict, ancestor, fields, self._lead)
        self.detail.setCurrentWidget(self.conflict_view)

    def current_conflict(self) -> dict | None:
        index = self.conflicts_view.currentIndex()
        return index.data(ConflictRole) if index.isValid() else None

    def resolve(self, value) -> None:
        conflict, inspection_id = self.current_conflict(), self.session.inspection_id
        if conflict is None or inspection_id is None or not self._lead:
            return
        label = self.tr("Settle the conflict on %1").replace("%1", conflict["record"])
        entity_id, field = conflict["entity_id"], conflict["field"]
        settle = lambda ws: settle_conflict(ws, inspection_id, entity_id, field, value, label)  # noqa: E731
        if try_edit(self, self.session, settle):
            self.conflicts_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_first_pick(self) -> None:
        buttons = self.conflict_view.diff.pick_buttons
        if buttons and buttons[0].isEnabled():
            buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _conflict_history(self) -> None:
        conflict = self.current_conflict()
        if conflict is not None:
            self.history_dialog = show_history(
                self.session, conflict["entity"], conflict["entity_id"], self
            )

    def _open_conflict_record(self) -> None:
        conflict = self.current_conflict()
        if conflict is not None:
            self.jump_requested.emit(conflict["entity"], conflict["entity_id"])

    # --- incoming work -----------------------------------------------------------------
    def _open_incoming(self, index: QModelIndex) -> None:
        record = index.siblingAtColumn(0).data(RecordRole)
        if record:
            self.jump_requested.emit(*record)

    def _selected_items(self) -> list:
        rows = self.incoming_view.selectionModel().selectedRows(0)
        return [item for item in (i.data(ReceivedRole) for i in rows) if item is not None]

    def _to_moderate(self) -> list:
        return [
            item for item in self._selected_items() if item.moderated is False and not item.deleted
        ]

    def mark_moderated(self) -> None:
        chosen, inspection_id = self._to_moderate(), self.session.inspection_id
        if not chosen or inspection_id is None or not self._lead:
            return
        records = [(item.entity, item.entity_id) for item in chosen]
        try_edit(self, self.session, lambda ws: mark_moderated(ws, inspection_id, records))

    def mark_all_reviewed(self) -> None:
        if self.session.inspection_id is not None:
            incoming.mark_reviewed(self.session.ws, self.session.inspection_id)
            self._load_incoming()

    # --- what other parts of the window ask --------------------------------------------
    def current_record(self) -> tuple[str, str] | None:
        """The record the user is on: the chosen incoming record when that list has the
        focus, else the chosen conflict's record."""
        if self.incoming_view.hasFocus():
            record = self.incoming_view.currentIndex().siblingAtColumn(0).data(RecordRole)
            if record:
                return record
        conflict = self.current_conflict()
        if conflict is not None:
            return (conflict["entity"], conflict["entity_id"])
        record = self.incoming_view.currentIndex().siblingAtColumn(0).data(RecordRole)
        return tuple(record) if record else None

    def show_record(self, entity: str, record_id: str) -> None:
        self.refresh()
        row = self.conflicts_model.row_of(record_id)
        if row >= 0:
            self.conflicts_view.setCurrentIndex(self.conflicts_model.index(row, 0))
            self.conflicts_view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        index = self.incoming_model.find(record_id)
        if index.isValid():
            self.incoming_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.incoming_view.setFocus(Qt.FocusReason.OtherFocusReason)


def _column(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        column.addWidget(widget, 1 if isinstance(widget, (QTreeView, QTableView)) else 0)
    return holder


def _fixed_columns(header: QHeaderView, stretch: int, samples: dict[int, str]) -> None:
    """Columns sized from sample text in the view's font, not from every row: sizing to
    contents reads each row's data and stalls on a long list."""
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    metrics = header.fontMetrics()
    for column, sample in samples.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        margin = 2 * metrics.averageCharWidth()
        header.resizeSection(column, metrics.horizontalAdvance(sample) + margin)


def _incoming_groups(ws, inspection_id: str, since, by_child: bool) -> list:
    """Runs on a worker: the received work in the chosen window, grouped as chosen."""
    work = incoming.received_work(
        ws,
        inspection_id,
        days=since if isinstance(since, int) else None,
        since_review=since == REVIEW_MARK,
    )
    group = incoming.by_child if by_child else incoming.by_inspector
    return group(ws, inspection_id, work)
