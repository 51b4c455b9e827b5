"""A child's journey as a table: one row per entry in date order, the entry under its
organisation's column, side by side (a thin adapter over ``services.journey``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from ...services.journey import KINDS, Journey, JourneyEntry
from ..time_text import local_date
from .children import agreement_labels
from .roles import MODEL_ROLES, AnyIndex, KindRole, RecordRole

CONCERN_ROLE = MODEL_ROLES  # the entry raises a concern
DATE, WHAT = 0, 1  # then the organisations, then "several or none"
# Light tints that tell the kinds apart at a glance (the words say it too).
TINTS = {
    "event": "#eef3fb",
    "note": "#f4f0fa",
    "review": "#eef7ee",
    "audit": "#fbf4e8",
    "evidence": "#f2f2f2",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("journey", text)


def kind_labels() -> dict[str, str]:
    return {
        "event": _tr("Event"),
        "note": _tr("Meeting or interview"),
        "review": _tr("Case review"),
        "audit": _tr("Area's audit"),
        "evidence": _tr("Evidence"),
    }


def flag_words(entry: JourneyEntry) -> list[str]:
    words = {
        "strength": _tr("strength"),
        "concern": _tr("concern"),
        "moderated": _tr("moderated"),
        **{k: v.lower() for k, v in agreement_labels().items()},
    }
    return [words.get(f, f) for f in entry.flags]


def entry_text(entry: JourneyEntry) -> str:
    flags = flag_words(entry)
    head = entry.title + (f" [{', '.join(flags)}]" if flags else "")
    return f"{head}\n{entry.text}" if entry.text else head


class JourneyModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.journey: Journey | None = None
        self._kinds = kind_labels()

    def set_journey(self, journey: Journey | None) -> None:
        self.beginResetModel()
        self.journey = journey
        self.endResetModel()

    def entry(self, row: int) -> JourneyEntry | None:
        entries = self.journey.entries if self.journey else ()
        return entries[row] if 0 <= row < len(entries) else None

    def organisation_columns(self) -> int:
        return len(self.journey.organisations) if self.journey else 0

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() or self.journey is None else len(self.journey.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() or self.journey is None else self.organisation_columns() + 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if self.journey is None or not 0 <= section < self.columnCount():
            return None
        if section == DATE:
            return _tr("Date")
        if section == WHAT:
            return _tr("What")
        if section == self.columnCount() - 1:
            return _tr("Several or none")
        return self.journey.organisations[section - 2]["name"]

    def _column_of(self, entry: JourneyEntry) -> int:
        number = self.journey.column_of(entry) if self.journey else 0
        return self.columnCount() - 1 if number == 0 else number + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == KindRole:
            return entry.kind
        if role == RecordRole:
            return (entry.entity, entry.record_id)
        if role == CONCERN_ROLE:
            return "concern" in entry.flags or "disagrees" in entry.flags
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._tint(entry)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == DATE:
                return local_date(entry.day)
            if column == WHAT:
                return self._kinds.get(entry.kind, entry.kind)
            if column == self._column_of(entry):
                return entry_text(entry)
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self._column_of(entry):
            where = self.headerData(column, Qt.Orientation.Horizontal)
            return f"{self._kinds.get(entry.kind)}, {where}: {entry_text(entry)}"
        return None

    def _tint(self, entry: JourneyEntry):
        # In a dark palette the tints would make text unreadable: keep the system's colours.
        window = QApplication.palette().color(QPalette.ColorRole.Base)
        if window.lightness() < 128:
            return None
        return QBrush(QColor(TINTS.get(entry.kind, "#ffffff")))

    def kinds_present(self) -> list[str]:
        present = {e.kind for e in self.journey.entries} if self.journey else set()
        return [k for k in KINDS if k in present]
