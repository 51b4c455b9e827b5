"""Table models for the children page: the list of children (with a filtering proxy) and one
child's timeline of key events. Both are thin adapters over the services' read results."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...domain.record_types import EventRow
from ...domain.records import AGE_BANDS
from ...domain.rules import pseudonym_key
from ...services.children import ChildSummary
from ..time_text import local_date, local_time
from ..translate import translator
from .roles import AnyIndex, RecordIdRole, SortRole

tr = translator("children")


def selection_labels() -> dict[str, str]:
    return {
        "tracked": tr("Tracked"),
        "sampled": tr("Sampled"),
        "area_audited": tr("Area's own audit"),
    }


def age_band_labels() -> dict[str, str]:
    return {
        band: (
            tr("Unborn")
            if band == "unborn"
            else tr("%1 years").replace("%1", band.replace("-", "–"))
        )
        for band in AGE_BANDS
    }


def event_kind_labels() -> dict[str, str]:
    return {
        "contact": tr("Contact"),
        "referral": tr("Referral"),
        "strategy_discussion": tr("Strategy discussion"),
        "section_47": tr("Section 47 enquiry"),
        "conference": tr("Child protection conference"),
        "plan": tr("Plan"),
        "early_help": tr("Early-help episode"),
        "other": tr("Other"),
    }


def agreement_labels() -> dict[str, str]:
    return {"agrees": tr("Agrees"), "partly": tr("Partly agrees"), "disagrees": tr("Disagrees")}


def completeness_text(done: int, expected: int) -> str:
    if expected == 0:
        return tr("No criteria apply")
    return tr("%1 of %2").replace("%1", str(done)).replace("%2", str(expected))


class ChildrenModel(QAbstractTableModel):
    """One row per child; ``RecordIdRole`` gives the child's id, ``SortRole`` a sort key.

    Each row's texts and sort keys are worked out once when the row arrives: a view asks
    for them on every repaint and every sort, hundreds of times a second while scrolling.
    """

    PSEUDONYM, SELECTION, AGE_BAND, AGENCIES, COMPLETENESS, UPDATED = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ChildSummary] = []
        self._texts: list[tuple[str, ...]] = []
        self._keys: list[tuple[str, ...]] = []
        self._headers = (
            tr("Pseudonym"),
            tr("Selection"),
            tr("Age band"),
            tr("Agencies involved"),
            tr("Reviewed"),
            tr("Last updated"),
        )
        self._selections = selection_labels()
        self._ages = age_band_labels()

    # --- content -------------------------------------------------------------------------
    def set_children(self, rows: list[ChildSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [self._row_texts(child) for child in self._rows]
        self._keys = [self._row_keys(child, texts) for child, texts in zip(self._rows, self._texts)]
        self.endResetModel()

    def put_child(self, summary: ChildSummary) -> None:
        """Replace one child's row after an edit, or add it if it is new."""
        texts = self._row_texts(summary)
        keys = self._row_keys(summary, texts)
        row = self.row_of(summary.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(summary)
            self._texts.append(texts)
            self._keys.append(keys)
            self.endInsertRows()
            return
        self._rows[row], self._texts[row], self._keys[row] = summary, texts, keys
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove_child(self, child_id: str) -> None:
        row = self.row_of(child_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row], self._texts[row], self._keys[row]
            self.endRemoveRows()

    def row_of(self, child_id: str) -> int | None:
        return next((n for n, c in enumerate(self._rows) if c.id == child_id), None)

    def child_at(self, row: int) -> ChildSummary:
        return self._rows[row]

    def texts_at(self, row: int) -> tuple[str, ...]:
        return self._texts[row]

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.COMPLETENESS:
            return tr(
                "Review completeness: observations written, out of the criteria that "
                "apply to the agencies involved"
            )
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        if role == SortRole:
            return self._keys[row][column]
        if role == RecordIdRole:
            return self._rows[row].id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.UPDATED:
                return local_time(self._rows[row].updated_at, with_year=True)
            return self._texts[row][column]
        return None

    def _row_texts(self, child: ChildSummary) -> tuple[str, ...]:
        return (
            child.pseudonym,
            self._selections.get(child.selection, child.selection),
            self._ages.get(child.age_band or "", child.age_band or ""),
            ", ".join(child.agency_names),
            completeness_text(child.done, child.expected),
            local_time(child.updated_at),
        )

    @staticmethod
    def _row_keys(child: ChildSummary, texts: tuple[str, ...]) -> tuple[str, ...]:
        # Keys are strings so the proxy compares like with like in every column.
        kind, length, name = pseudonym_key(child.pseudonym)
        age = AGE_BANDS.index(child.age_band) if child.age_band in AGE_BANDS else 99
        ratio = child.done / child.expected if child.expected else 0.0
        return (
            f"{kind}{length:04d}{name}",
            texts[1].casefold(),
            f"{age:02d}",
            texts[3].casefold(),
            f"{ratio:08.6f}{child.done:05d}",
            child.updated_at,
        )


class ChildrenFilter(QSortFilterProxyModel):
    """Filters by free text, selection, agency and review completeness; sorts by SortRole."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._text, self._selection, self._agency, self._state = "", "", "", ""

    def set_filters(
        self,
        *,
        text: str | None = None,
        selection: str | None = None,
        agency: str | None = None,
        state: str | None = None,
    ) -> None:
        """Empty strings mean "any"; None leaves a filter as it is."""
        self.beginFilterChange()
        if text is not None:
            self._text = text.strip().casefold()
        if selection is not None:
            self._selection = selection
        if agency is not None:
            self._agency = agency
        if state is not None:
            self._state = state
        self.endFilterChange()

    def sourceModel(self) -> ChildrenModel:  # noqa: N802 (Qt naming)
        return cast(ChildrenModel, super().sourceModel())

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        child = self.sourceModel().child_at(source_row)
        if self._selection and child.selection != self._selection:
            return False
        if self._agency and self._agency not in child.agency_ids:
            return False
        if self._state and child.state != self._state:
            return False
        return not self._text or self._text in self._haystack(source_row)

    def _haystack(self, source_row: int) -> str:
        return " ".join(self.sourceModel().texts_at(source_row)).casefold()


class TimelineModel(QAbstractTableModel):
    """One child's key events in date order: date, kind, agency, what happened."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._events: list[EventRow] = []
        self._agencies: dict[str, str] = {}
        self._kinds = event_kind_labels()
        self._headers = (tr("Date"), tr("Kind"), tr("Agency"), tr("What happened"))

    def set_events(self, events: list[EventRow], agency_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._events, self._agencies = list(events), dict(agency_names)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == RecordIdRole:
            return event["id"]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            shown = " ".join(filter(None, (local_date(event["date"]), event.get("time"))))
            reason = event.get("lookback_reason")
            if role == Qt.ItemDataRole.ToolTipRole and reason:
                return tr("Before the look-back: %1").replace("%1", reason)
            return shown
        if column == 1:
            return self._kinds.get(event["kind"], event["kind"])
        if column == 2:
            return self._agencies.get(event["agency_id"] or "", "")
        return event["summary"] or ""
