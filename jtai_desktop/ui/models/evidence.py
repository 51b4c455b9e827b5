"""The evidence list: a thin table over ``services.evidence.evidence_list``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from ...domain.record_types import Row
from ...domain.records import EvidenceSource
from ..time_text import local_date
from .roles import SortRole
from .row_sort import RecordRowsModel, SourceSorts

REF, TITLE, SOURCE, DATE, SIZE, MEDIA, LINKS = range(7)


def source_labels(owner: QObject) -> dict[str, str]:
    return {
        EvidenceSource.CASE_FILE.value: owner.tr("Case file"),
        EvidenceSource.INTERVIEW.value: owner.tr("Interview"),
        EvidenceSource.OBSERVATION.value: owner.tr("Observation"),
        EvidenceSource.AREA_DOCUMENT.value: owner.tr("Area document"),
        EvidenceSource.DATA.value: owner.tr("Data"),
    }


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    if size < 1024:
        return f"{size:,} bytes"
    kilobytes = size / 1024
    return f"{kilobytes:,.1f} KB" if kilobytes < 1024 else f"{kilobytes / 1024:,.1f} MB"


class EvidenceModel(RecordRowsModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers = (
            self.tr("Reference"),
            self.tr("Title"),
            self.tr("Source"),
            self.tr("Date"),
            self.tr("Size"),
            self.tr("Type"),
            self.tr("Links"),
        )
        self._sources = source_labels(self)

    def _role_data(self, row: Row, column: int, role: int):
        if role == SortRole:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SIZE, LINKS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: Row, column: int):
        if column == SOURCE:
            return self._sources.get(row["source"], row["source"] or "")
        if column == SIZE:
            return human_size(row["size"])
        if column == DATE:
            return local_date(row["date"]) or self.tr("not known")
        return self._plain(row, column)

    def _plain(self, row: Row, column: int):
        key = ("ref", "title", "source", "date", "size", "media_type", "links")[column]
        value = row.get(key)
        return value if value is not None else ""

    def _sort_key(self, row: Row, column: int):
        if column in (SIZE, LINKS):
            return row.get("size" if column == SIZE else "links") or 0
        if column == DATE:
            return row["date"] or ""  # ISO: sorts by date
        return str(self._display(row, column)).casefold()


class EvidenceFilter(SourceSorts):
    """Text filter over every column; numeric columns sort by number."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortRole(SortRole)
