"""Table models for the children page: the list of children (with a filtering proxy) and one
child's timeline of key events. Both are thin adapters over the services' read results."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ...domain.records import AGE_BANDS
from ...services.children_queries import ChildSummary, pseudonym_key


def _tr(text: str) -> str:
    return QCoreApplication.translate("children", text)


def selection_labels() -> dict[str, str]:
    return {
        "tracked": _tr("Tracked"),
        "sampled": _tr("Sampled"),
        "area_audited": _tr("Area's own audit"),
    }


def age_band_labels() -> dict[str, str]:
    return {
        band: (
            _tr("Unborn")
            if band == "unborn"
            else _tr("%1 years").replace("%1", band.replace("-", "–"))
        )
        for band in AGE_BANDS
    }


def event_kind_labels() -> dict[str, str]:
    return {
        "contact": _tr("Contact"),
        "referral": _tr("Referral"),
        "strategy_discussion": _tr("Strategy discussion"),
        "section_47": _tr("Section 47 enquiry"),
        "conference": _tr("Child protection conference"),
        "plan": _tr("Plan"),
        "early_help": _tr("Early-help episode"),
        "other": _tr("Other"),
    }


def agreement_labels() -> dict[str, str]:
    return {"agrees": _tr("Agrees"), "partly": _tr("Partly agrees"), "disagrees": _tr("Disagrees")}


def local_time(stamp: str | None, with_year: bool = False) -> str:
    """An ISO UTC stamp as a short local date and time (an inspection lasts weeks, so the
    year is left out unless asked for)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%d %b %Y %H:%M" if with_year else "%d %b %H:%M")


def display_date(iso: str | None) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d %b %Y") if iso else ""
    except ValueError:
        return iso


def completeness_text(done: int, expected: int) -> str:
    if expected == 0:
        return _tr("No criteria apply")
    return _tr("%1 of %2").replace("%1", str(done)).replace("%2", str(expected))


ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class ChildrenModel(QAbstractTableModel):
    """One row per child; ``ID_ROLE`` gives the child's id, ``SORT_ROLE`` a sort key.

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
            _tr("Pseudonym"),
            _tr("Selection"),
            _tr("Age band"),
            _tr("Agencies involved"),
            _tr("Reviewed"),
            _tr("Last updated"),
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
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.COMPLETENESS:
            return _tr(
                "Review completeness: observations written, out of the criteria that "
                "apply to the agencies involved"
            )
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        if role == SORT_ROLE:
            return self._keys[row][column]
        if role == ID_ROLE:
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
            self._ages.get(child.age_band, child.age_band or ""),
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
    """Filters by free text, selection, agency and review completeness; sorts by SORT_ROLE."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
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

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
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
        self._events: list[dict] = []
        self._agencies: dict[str, str] = {}
        self._kinds = event_kind_labels()
        self._headers = (_tr("Date"), _tr("Kind"), _tr("Agency"), _tr("What happened"))

    def set_events(self, events: list[dict], agency_names: dict[str, str]) -> None:
        self.beginResetModel()
        self._events, self._agencies = list(events), dict(agency_names)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == ID_ROLE:
            return event["id"]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            shown = " ".join(filter(None, (display_date(event["date"]), event.get("time"))))
            reason = event.get("lookback_reason")
            if role == Qt.ItemDataRole.ToolTipRole and reason:
                return _tr("Before the look-back: %1").replace("%1", reason)
            return shown
        if column == 1:
            return self._kinds.get(event["kind"], event["kind"])
        if column == 2:
            return self._agencies.get(event["agency_id"] or "", "")
        return event["summary"] or ""
