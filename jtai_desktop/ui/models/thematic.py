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
from ...domain.thematic_matrix import CODING
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
        _tr("Matrix from"),
        _tr("Key confirmed"),
        _tr("Signed by key"),
    )
    rows: list[tuple[str, ...]] = [
        (
            a.label if a.named else _tr("%1 (not named in its letter)").replace("%1", a.label),
            a.region,
            f"{a.fieldwork_start} to {a.fieldwork_end}",
            a.published_on,
            _tr("Coded passages") if a.matrix_source == CODING else _tr("Reviews and findings"),
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


MATRIX_NUMBERS = (2, 3, 4, 5, 6, 7, 8, 9)  # the matrix table's columns of figures
CODED_SHOWN = ("sources", "notes", "strengths", "concerns")


def matrix_rows(summary: Summary, area: str | None = None) -> Rows:
    """The matrix summed over the areas (``area`` None) or of one area: the four measures
    every area gives, then, where any of them coded passages, the coded measures (summed over
    those areas only) and the voices heard (with the number of areas, when summed)."""
    view = summary.matrix if area is None else summary.matrix_by_area.get(area)
    if view is None:
        return (), []
    # Two lines a heading, so that eleven columns fit a 1366-wide screen.
    headers: tuple[str, ...] = (
        _tr("Criterion"),
        _tr("Agency"),
        _tr("Case\nreviews"),
        _tr("Strengths\n(reviews)"),
        _tr("Concerns\n(reviews)"),
        _tr("Findings"),
    )
    if view.coded_areas:
        headers += (
            _tr("Sources\n(coded)"),
            _tr("Coded\nnotes"),
            _tr("Strengths\n(sources)"),
            _tr("Concerns\n(sources)"),
            _tr("Voices heard"),
        )
    rows: list[tuple[str, ...]] = []
    for key in view.keys(summary.criteria):
        measures = view.measures(key)
        row = (key[0], KINDS.get(key[1], key[1]), *(measures[m].shown() for m in MEASURES))
        coded = view.coded_measures(key)
        if coded is not None:
            row += (*(coded[m].shown() for m in CODED_SHOWN), view.voices_shown(key))
        rows.append(row)
    return headers, rows


def matrix_note(summary: Summary, area: str | None = None) -> str:
    """Which source each area's counts came from, and what the summed columns cover."""
    coded = [a.label for a in summary.areas if a.matrix_source == CODING]
    if area is not None:
        if area in coded:
            return _tr(
                "%1 coded passages: the coded columns are its evidence matrix (distinct "
                "sources of every kind, by agency). Case reviews, their strengths and concerns "
                "and findings are counted as in every area."
            ).replace("%1", area)
        return _tr(
            "%1 gave counts from case reviews and findings only (it coded no passages)."
        ).replace("%1", area)
    if not coded:
        return _tr("Every area's counts come from case reviews and findings.")
    others = [a.label for a in summary.areas if a.matrix_source != CODING]
    return _tr(
        "Case reviews, their strengths and concerns and findings are summed over all %1 "
        "areas. The coded columns are summed over the %2 that coded passages (%3) and are "
        "never added to the case reviews: they count other things."
    ).replace("%1", str(len(summary.areas))).replace("%2", str(len(coded))).replace(
        "%3", ", ".join(coded)
    ) + (
        " " + _tr("From case reviews and findings only: %1.").replace("%1", ", ".join(others))
        if others
        else ""
    )


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
