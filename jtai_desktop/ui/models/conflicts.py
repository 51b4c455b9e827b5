"""Open conflicts and a record's history as table models over the conflicts service's lists."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..time_text import local_time
from ..translate import translator
from .roles import MODEL_ROLES, AnyIndex, RecordRole

ConflictRole = MODEL_ROLES  # the conflict dict of a row
DELETED = "_deleted"


tr = translator("ConflictsModel")


def field_label(field: str) -> str:
    if field == DELETED:
        return tr("Deleted or kept")
    return field.replace("_", " ").capitalize()


def value_text(value, limit: int = 120) -> str:
    """A value on one line for a table cell."""
    if value is None:
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ConflictsModel(QAbstractTableModel):
    RECORD, FIELD, AUTHORS, LATEST = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = (tr("Record"), tr("Field"), tr("Competing values from"), tr("Latest"))

    def set_conflicts(self, conflicts: list[dict]) -> None:
        self.beginResetModel()
        self._rows = sorted(conflicts, key=lambda c: (c["record"].casefold(), c["field"]))
        self.endResetModel()

    def conflict(self, row: int) -> dict:
        return self._rows[row]

    def row_of(self, entity_id: str, field: str | None = None) -> int:
        for number, found in enumerate(self._rows):
            if found["entity_id"] == entity_id and field in (None, found["field"]):
                return number
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        found = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(found, index.column())
        if role == ConflictRole:
            return found
        if role == RecordRole:
            return (found["entity"], found["entity_id"])
        return None

    def _text(self, found: dict, column: int) -> str:
        if column == self.RECORD:
            return found["record"]
        if column == self.FIELD:
            return field_label(found["field"])
        if column == self.AUTHORS:
            return ", ".join(dict.fromkeys(v["author"] for v in found["values"]))
        return local_time(max(v["at"] for v in found["values"]))

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 4
        ):
            return self._headers[section]
        return None


class HistoryModel(QAbstractTableModel):
    """Who changed what and when, newest first."""

    WHEN, WHO, FIELD, VALUE, NOTE = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._names: dict[str, str] = {}
        self._headers = (tr("When"), tr("Who"), tr("Field"), tr("Value"), tr("Settles"))

    def set_history(self, changes: list[dict], names: dict[str, str] | None = None) -> None:
        """``names``: record id -> what people call it (a child's pseudonym, an agency), so a
        list of children reads as names, not ids."""
        self.beginResetModel()
        self._rows = list(reversed(changes))
        self._names = names or {}
        self.endResetModel()

    def shown_value(self, row: int, limit: int = 120) -> str:
        value = self._rows[row]["value"]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ", ".join(self._names.get(v) or v for v in value)
        elif isinstance(value, str) and value in self._names:
            value = self._names[value]
        return value_text(value, limit)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        change = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.VALUE and change["field"] != DELETED:
                return self.shown_value(index.row())
            return self._text(change, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.VALUE:
            return self.shown_value(index.row(), 2000)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.WHEN:
            return clock_warning(change) or None
        return None

    def _text(self, change: dict, column: int) -> str:
        if column == self.WHEN:
            doubtful = change.get("clock_offset_ms") is not None
            return local_time(change["at"]) + (tr(" (clock wrong)") if doubtful else "")
        if column == self.WHO:
            return change["author"]
        if column == self.FIELD:
            return _history_field(change)
        if column == self.VALUE:
            return ""
        count = len(change["replaces"])
        return tr("%1 competing values").replace("%1", str(count)) if count > 1 else ""

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 5
        ):
            return self._headers[section]
        return None


def clock_warning(change: dict) -> str:
    """Why a change's time is doubtful: the computer that stamped it had a wrong clock."""
    offset = change.get("clock_offset_ms")
    if offset is None:
        return ""
    from ...services.clock_check import amount

    return (
        tr("Stamped by a computer whose clock was %1 fast: the time shown is doubtful.")
        if offset > 0
        else tr("Stamped by a computer whose clock was %1 slow: the time shown is doubtful.")
    ).replace("%1", amount(offset))


def _history_field(change: dict) -> str:
    if change["field"] == DELETED:
        return tr("Deleted the record") if change["value"] else tr("Restored the record")
    return field_label(change["field"])
