"""The evidence matrix as a table: criteria down, organisations (or agency kinds) across.

Each cell shows how many distinct sources speak to it, with the strengths and concerns among
them; its colour says how thin it is (none, one, two or more) and its tooltip gives the
counts by kind of source and the voices heard. A thin adapter over the service's plain data.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.coding import MATRIX_MARKS, SOURCE_KINDS, VOICES
from ...domain.themes import AGENCY_KINDS
from ...services.evidence_matrix import BY_KIND, Matrix, MatrixLevel
from .roles import MODEL_ROLES, AnyIndex

ColumnRole = MODEL_ROLES  # an organisation id or an agency kind
CriterionRole = MODEL_ROLES + 1
THIN_COLOURS = {0: "#f6c6c6", 1: "#fde2b8"}  # none, one; two or more get no colour
INK = "#1b1b1b"


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.level_name = "organisation"
        self._columns: list[tuple[str, str]] = []  # (id or kind, heading)

    def set_matrix(self, matrix: Matrix, level_name: str) -> None:
        self.beginResetModel()
        self.matrix, self.level_name = matrix, level_name
        if level_name == BY_KIND:
            kinds = dict.fromkeys(o["kind"] for o in matrix.organisations)
            self._columns = [(k, AGENCY_KINDS.get(k, k)) for k in AGENCY_KINDS if k in kinds]
        else:
            self._columns = [(o["id"], o["name"]) for o in matrix.organisations]
        self.endResetModel()

    @property
    def level(self) -> MatrixLevel | None:
        return self.matrix.level(self.level_name) if self.matrix else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.criteria)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self.matrix is None:
            return None
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns) and shown:
            return self._columns[section][1]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.matrix.criteria):
            criterion = self.matrix.criteria[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return criterion["id"]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{criterion['id']}: {criterion['title']}"
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.level is None or self.matrix is None:
            return None
        criterion = self.matrix.criteria[index.row()]["id"]
        column = self._columns[index.column()][0]
        total = self.level.total(criterion, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(criterion, column, total)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._details(criterion, column, total)
        if role == Qt.ItemDataRole.BackgroundRole and total in THIN_COLOURS:
            return QBrush(QColor(THIN_COLOURS[total]))
        if role == Qt.ItemDataRole.ForegroundRole and total in THIN_COLOURS:
            return QBrush(QColor(INK))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ColumnRole:
            return column
        if role == CriterionRole:
            return criterion
        return None

    def _text(self, criterion: str, column: str, total: int) -> str:
        if not total:
            return "–"
        marks = {m: 0 for m in ("strength", "concern")}
        for cell in self.level.at(criterion, column):  # type: ignore[union-attr]
            if cell.mark in marks:
                marks[cell.mark] += cell.count
        voices = self.level.voices(criterion, column)  # type: ignore[union-attr]
        heard = " ♪" if voices & {"child", "family"} else ""
        return f"{total}  (S{marks['strength']} C{marks['concern']}){heard}"

    def _details(self, criterion: str, column: str, total: int) -> str:
        level = self.level
        lines = [self.tr("%n distinct source(s)", "", total)]
        for kind, label in SOURCE_KINDS.items():
            counts = [
                f"{MATRIX_MARKS[m].lower()} {level.count(criterion, column, kind, m)}"  # type: ignore[union-attr]
                for m in MATRIX_MARKS
                if level.count(criterion, column, kind, m)  # type: ignore[union-attr]
            ]
            if counts:
                lines.append(f"{label}: {', '.join(counts)}")
        voices = sorted(level.voices(criterion, column))  # type: ignore[union-attr]
        if voices:
            lines.append(self.tr("Voices: ") + ", ".join(VOICES.get(v, v) for v in voices))
        return "\n".join(lines)

    def cell_at(self, criterion: str, column: str) -> QModelIndex:
        if self.matrix is None:
            return QModelIndex()
        rows = [c["id"] for c in self.matrix.criteria]
        columns = [c for c, _ in self._columns]
        if criterion in rows and column in columns:
            return self.index(rows.index(criterion), columns.index(column))
        return QModelIndex()
