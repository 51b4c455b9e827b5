"""Qt adapters over the thematic summary: one plain table model of text, filled from the
summary's parts (areas, recurring strengths and concerns, findings by criterion and agency
kind, the evidence matrix, timeliness, search hits)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...domain.thematic import MEASURES, PARTNERSHIP, Count, Summary
from ...domain.theme_model import AGENCY_KINDS

AnyIndex = QModelIndex | QPersistentModelIndex

KINDS = {**AGENCY_KINDS, PARTNERSHIP: "The partnership"}
KIND_WORDS = {
    "priority_action": "Area for priority action",
    "area_for_improvement": "Area for improvement",
    "strength": "Strength",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ThematicModels", text)


class TextTableModel(QAbstractTableModel):
    """Rows of text under headers; numbers right-aligned so they line up."""

    def __init__(self, headers: Sequence[str] = (), parent=None):
        super().__init__(parent)
        self._headers = tuple(headers)
        self._rows: list[tuple[str, ...]] = []
        self._numeric: frozenset[int] = frozenset()

    def set_rows(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()
    ) -> None:
        self.beginResetModel()
        self._headers = tuple(headers)
        self._rows = [tuple(r) for r in rows]
        self._numeric = frozenset(numeric)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def cell(self, row: int, column: int) -> str:
        return self._rows[row][column]


# --- the summary's parts as rows ------------------------------------------------------------
Rows = tuple[tuple[str, ...], list[tuple[str, ...]]]  # headers, then the rows


def area_rows(summary: Summary) -> Rows:
    headers: tuple[str, ...] = (
        _tr("Area"),
        _tr("Region"),
        _tr("Fieldwork"),
        _tr("Published"),
        _tr("Key confirmed"),
        _tr("Signed by key"),
    )
    rows: list[tuple[str, ...]] = [
        (
            a.label if a.named else _tr("%1 (not named in its letter)").replace("%1", a.label),
            a.region,
            f"{a.fieldwork_start} to {a.fieldwork_end}",
            a.published_on,
            _tr("Yes") if a.confirmed else _tr("Not yet"),
            a.fingerprint,
        )
        for a in summary.areas
    ]
    return headers, rows


def recurring_rows(summary: Summary) -> Rows:
    headers: tuple[str, ...] = (
        _tr("Recurs as"),
        _tr("Agency"),
        _tr("Criterion"),
        _tr("Areas"),
        _tr("Where"),
    )
    rows: list[tuple[str, ...]] = [
        (
            _tr("Strength") if r.polarity == "strength" else _tr("Concern"),
            KINDS.get(r.agency_kind, r.agency_kind),
            f"{r.criterion} {summary.criteria.get(r.criterion, '')}"
            if r.criterion
            else _tr("Any criterion"),
            _tr("%1 of %2").replace("%1", str(len(r.areas))).replace("%2", str(r.of)),
            ", ".join(r.areas),
        )
        for r in summary.recurring
    ]
    return headers, rows


def finding_rows(summary: Summary) -> Rows:
    headers: tuple[str, ...] = (
        _tr("Criterion"),
        _tr("Agency"),
        _tr("Area"),
        _tr("Kind"),
        _tr("Finding"),
    )
    rows: list[tuple[str, ...]] = []
    for (criterion, kind), found in summary.grouped().items():
        label = f"{criterion} {summary.criteria.get(criterion, '')}" if criterion else _tr("None")
        for f in found:
            rows.append(
                (label, KINDS.get(kind, kind), f.area, KIND_WORDS.get(f.kind, f.kind), f.title)
            )
    return headers, rows


def matrix_rows(summary: Summary, area: str | None = None) -> Rows:
    """The matrix summed over the areas (``area`` None) or of one area."""
    headers: tuple[str, ...] = (
        _tr("Criterion"),
        _tr("Agency"),
        _tr("Case reviews"),
        _tr("Strengths"),
        _tr("Concerns"),
        _tr("Findings"),
    )
    matrix = summary.matrix if area is None else summary.matrix_by_area.get(area, {})
    order = {c: n for n, c in enumerate(summary.criteria)}
    rows: list[tuple[str, ...]] = [
        (criterion, KINDS.get(kind, kind), *(m[x].shown() for x in MEASURES))
        for (criterion, kind), m in sorted(
            matrix.items(), key=lambda i: (order.get(i[0][0], 99), i[0][1])
        )
    ]
    return headers, rows


def timeliness_rows(summary: Summary, step: str) -> Rows:
    headers: tuple[str, ...] = (
        _tr("Area"),
        _tr("Contacts"),
        _tr("Target (hours)"),
        _tr("Median (hours)"),
        _tr("90th percentile"),
        _tr("Over target"),
    )
    rows: list[tuple[str, ...]] = [
        (
            r.area,
            Count.of(r.count).shown(),
            str(r.target_hours or ""),
            _hours(r.median_hours),
            _hours(r.p90_hours),
            Count.of(r.over_target).shown(),
        )
        for r in summary.timeliness.get(step, ())
    ]
    return headers, rows


def _hours(value: float | None) -> str:
    return _tr("not shown") if value is None else f"{value:.1f}"
