"""The evidence list: a thin table over ``evidence_queries.evidence_list``."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from ...domain.records import EvidenceSource
from .row_sort import SourceSorts, in_order, relayout

IdRole = Qt.ItemDataRole.UserRole
SortRole = Qt.ItemDataRole.UserRole + 1
REF, TITLE, SOURCE, DATE, SIZE, MEDIA, LINKS = range(7)


def source_labels(owner: QObject) -> dict[str, str]:
    return {EvidenceSource.CASE_FILE.value: owner.tr("Case file"),
            EvidenceSource.INTERVIEW.value: owner.tr("Interview"),
            EvidenceSource.OBSERVATION.value: owner.tr("Observation"),
            EvidenceSource.AREA_DOCUMENT.value: owner.tr("Area document"),
            EvidenceSource.DATA.value: owner.tr("Data")}


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return ""


class EvidenceModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._order = (-1, False)  # the column sorted by, and whether descending
        self._sources = source_labels(self)
        self._headers = (self.tr("Reference"), self.tr("Title"), self.tr("Source"),
                         self.tr("Date"), self.tr("Size"), self.tr("Type"), self.tr("Links"))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        relayout(self, in_order(self._rows, self._sort_key, *self._order))

    def set_rows(self, rows: list[dict]) -> None:
        """Replace the rows; the same items listed again only change cells (keeps selection)."""
        rows = in_order(rows, self._sort_key, *self._order)
        if [r["id"] for r in rows] == [r["id"] for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, LINKS))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, evidence_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row["id"] == evidence_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == SortRole:
            return self._sort_key(row, index.column())
        if role == IdRole:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (SIZE, LINKS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: dict, column: int):
        if column == SOURCE:
            return self._sources.get(row["source"], row["source"] or "")
        if column == SIZE:
            return human_size(row["size"])
        return self._plain(row, column)

    def _plain(self, row: dict, column: int):
        key = ("ref", "title", "source", "date", "size", "media_type", "links")[column]
        value = row.get(key)
        return value if value is not None else ""

    def _sort_key(self, row: dict, column: int):
        if column in (SIZE, LINKS):
            return row.get("size" if column == SIZE else "links") or 0
        return str(self._display(row, column)).casefold()


class EvidenceFilter(SourceSorts):
    """Text filter over every column; numeric columns sort by number."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SortRole)
