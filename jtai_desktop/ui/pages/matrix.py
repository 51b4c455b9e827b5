"""The evidence matrix page: criteria × organisations (or agency kinds), each cell the
distinct sources that speak to it; the passages and records behind the chosen cell; and the
lead's sufficiency view for the evening meeting, with the rule findings must meet.

Filters narrow the sources to one inspector's, to tracked or sampled children's, or to a
span of dates. Enter (or a double click) on a source opens it where it was written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.coding import MATRIX_MARKS, SOURCE_KINDS, VOICES
from ...services.evidence_matrix import (
    BY_KIND,
    BY_ORGANISATION,
    CellSource,
    MatrixFilter,
    cell_sources,
    evidence_matrix,
)
from ..models.matrix import ColumnRole, CriterionRole, MatrixModel
from ..models.roles import AnyIndex
from ..time_text import date_edit, iso_date
from ..widgets.sufficiency_panel import SufficiencyPanel
from .base import Page

COLUMN_WIDTH = 118  # about ten organisations in view at 1366 wide; full names as tooltips
NO_DATE = QDate(2000, 1, 1)  # the date edits' "any date"
SELECTIONS = {"tracked": "Tracked children", "sampled": "Sampled children"}
SELECTIONS["area_audited"] = "Children from the area's own audits"
REFRESH_ON = ("code", "review", "area_review", "evidence", "link", "agency", "note", "member")


class SourcesModel(QAbstractListModel):
    """The records behind one cell: what each is, its mark and voice, and the words."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sources: list[CellSource] = []

    def set_sources(self, sources: list[CellSource]) -> None:
        self.beginResetModel()
        self.sources = sources
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self.sources)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        source = self.sources[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            said = f" · {VOICES[source.voice]}" if source.voice in VOICES else ""
            heading = f"{SOURCE_KINDS[source.kind]} · {MATRIX_MARKS[source.mark]}{said}"
            words = f"\n“{source.quote}”" if source.quote else ""
            return f"{heading}\n{source.label}{words}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return source.quote
        return None


class MatrixPage(Page):
    key = "matrix"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = MatrixModel(self)
        self.sources = SourcesModel(self)
        self.sufficiency = SufficiencyPanel(session)
        tabs = QTabWidget()
        tabs.addTab(self._matrix_tab(), self.tr("&Matrix"))
        tabs.addTab(self.sufficiency, self.tr("Su&fficiency"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(tabs, 1)

    # --- layout ------------------------------------------------------------------------------
    def _filters(self) -> QHBoxLayout:
        self.level = QComboBox()
        self.level.addItem(self.tr("Organisations"), BY_ORGANISATION)
        self.level.addItem(self.tr("Agency kinds"), BY_KIND)
        self.inspector = QComboBox()
        self.selection = QComboBox()
        self.selection.addItem(self.tr("All sources"), "")
        for value, words in SELECTIONS.items():
            self.selection.addItem(self.tr(words), value)
        self.since, self.until = self._date_edit(), self._date_edit()
        for combo in (self.level, self.inspector, self.selection):
            # Long names elide rather than widen the page past a 1024-wide screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        row = QHBoxLayout()
        for text, widget in (
            (self.tr("Sho&w:"), self.level),
            (self.tr("&Inspector:"), self.inspector),
            (self.tr("C&hildren:"), self.selection),
            (self.tr("Fro&m:"), self.since),
            (self.tr("&To:"), self.until),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
            signal = widget.dateChanged if isinstance(widget, QDateEdit) else widget.activated
            signal.connect(lambda *_: self.refresh())
        row.addStretch(1)
        return row

    def _date_edit(self) -> QDateEdit:
        edit = date_edit()
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any date"))
        edit.setDate(NO_DATE)
        return edit

    def _matrix_tab(self) -> QWidget:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Evidence matrix: criteria by organisation"))
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._drill_down())
        self.list = QListView()
        self.list.setModel(self.sources)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Sources behind the chosen cell"))
        self.list.activated.connect(self._open_source)
        self.cell_title = QLabel(self.tr("Choose a cell to see the sources behind it."))
        self.cell_title.setWordWrap(True)
        self.cell_title.setBuddy(self.list)
        legend = QLabel(
            self.tr(
                "Each cell: distinct sources (S strengths, C concerns); ♪ a child or family "
                "was heard. Red: no source; amber: one."
            )
        )
        legend.setWordWrap(True)
        left = QWidget()
        table_column = QVBoxLayout(left)
        table_column.setContentsMargins(0, 0, 0, 0)
        table_column.addWidget(self.table, 1)
        table_column.addWidget(legend)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.cell_title)
        column.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    # --- reading -----------------------------------------------------------------------------
    def matrix_filter(self) -> MatrixFilter:
        author = self.inspector.currentData()
        selection = self.selection.currentData()
        return MatrixFilter(
            authors=(author,) if author else (),
            selections=(selection,) if selection else (),
            since=_day(self.since),
            until=_day(self.until),
        )

    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        self._fill_inspectors(ws.rows("member", inspection_id, order_by="name"))
        current = self.table.currentIndex()
        chosen = (current.data(CriterionRole), current.data(ColumnRole))
        matrix = evidence_matrix(ws, inspection_id, self.matrix_filter())
        self.model.set_matrix(matrix, self.level.currentData())
        if chosen[0]:
            self.table.setCurrentIndex(self.model.cell_at(*chosen))
        self._drill_down()
        self.sufficiency.show_matrix(matrix)

    def _fill_inspectors(self, members: Sequence[Mapping[str, Any]]) -> None:
        wanted = [("", self.tr("Everyone"))] + [(m["id"], m["name"]) for m in members]
        shown = [
            (self.inspector.itemData(i), self.inspector.itemText(i))
            for i in range(self.inspector.count())
        ]
        if wanted != shown:
            chosen = self.inspector.currentData()
            self.inspector.clear()
            for member_id, name in wanted:
                self.inspector.addItem(name, member_id)
            self.inspector.setCurrentIndex(max(self.inspector.findData(chosen), 0))

    def on_changed(self, entity: str, record_id: str) -> None:
        if entity in REFRESH_ON:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def _drill_down(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.session.inspection_id is None:
            self.sources.set_sources([])
            return
        criterion, column = index.data(CriterionRole), index.data(ColumnRole)
        found = cell_sources(
            self.session.ws, self.session.inspection_id, criterion, column, self.matrix_filter()
        )
        self.sources.set_sources(found)
        heading = self.model.headerData(index.column(), Qt.Orientation.Horizontal)
        self.cell_title.setText(
            self.tr("Sou&rces for %1 and %2: %3")
            .replace("%1", criterion)
            .replace("%2", heading or "")
            .replace("%3", str(len(found)))
        )

    def _open_source(self, index: QModelIndex) -> None:
        source = self.sources.sources[index.row()]
        self.jump_requested.emit(source.entity, source.entity_id)

    def show_record(self, entity: str, record_id: str) -> None:
        self.refresh()


def _day(edit: QDateEdit) -> str | None:
    return None if edit.date() == NO_DATE else iso_date(edit.date())
