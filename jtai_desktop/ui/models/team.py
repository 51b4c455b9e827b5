"""Table models over an inspection's people and agencies (thin adapters over service rows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)

from ...domain.organisations import service_label
from ...domain.record_types import Row
from ...domain.records import Role
from ...domain.themes import AGENCY_KINDS, INSPECTORATES
from ..translate import translator
from .roles import AnyIndex, RecordIdRole

tr = translator("TeamModel")


def role_label(role: str) -> str:
    return tr("Lead inspector") if role == Role.LEAD.value else tr("Team member")


def inspectorate_label(key: str) -> str:
    return INSPECTORATES.get(key, key or "")


class TeamModel(QAbstractTableModel):
    """Team members as rows: name, inspectorate, role. Rows are dicts with those keys
    (a member row from the workspace, or a member not yet saved in the new-inspection wizard)."""

    NAME, INSPECTORATE, ROLE = range(3)

    def __init__(self, rows: Sequence[Row] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = list(rows or [])
        self._headers = (tr("Name"), tr("Inspectorate"), tr("Role"))

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        if role == RecordIdRole:
            return row.get("id")
        return None

    def _text(self, row: Row, column: int) -> str:
        if column == self.NAME:
            return row.get("name") or ""
        if column == self.INSPECTORATE:
            return inspectorate_label(row.get("inspectorate") or "")
        return role_label(row.get("role") or "")

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


class AgencyModel(QAbstractListModel):
    """The inspection's agencies with a check box each: is the agency in the inspection's scope?

    Ticking calls ``on_toggle(agency_id, in_scope)``, which makes the (undoable) edit and returns
    True when it was done; the page then reloads the rows from the workspace.
    """

    def __init__(self, on_toggle: Callable[[str, bool], bool] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []
        self._on_toggle = on_toggle
        self._generation = 0  # counts resets: the edit may reload the rows under setData

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._generation += 1
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.get('name') or ''}  ({organisation_short(row)})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return organisation_line(row)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.get("in_scope") else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            scope = tr("In scope") if row.get("in_scope") else tr("Not in scope")
            return f"{organisation_line(row)}. {scope}"
        if role == RecordIdRole:
            return row.get("id")
        return None

    def flags(self, index: AnyIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._on_toggle else flags

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self._on_toggle:
            return False
        in_scope = Qt.CheckState(value) == Qt.CheckState.Checked
        row, generation = self._rows[index.row()], self._generation
        if not self._on_toggle(row["id"], in_scope):
            return False
        if generation == self._generation:  # not reloaded yet: show the new state now
            self._rows[index.row()] = {**row, "in_scope": in_scope}
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def organisation_line(row: Row) -> str:
    """Its kind and service type in words ("Health: maternity")."""
    kind = AGENCY_KINDS.get(row.get("kind") or "", row.get("kind") or "")
    service = service_label(row.get("kind") or "", row.get("service_type"))
    return f"{kind}: {service}" if service else kind


def organisation_short(row: Row) -> str:
    """Its service type where it has one, else its kind: the list is in kind order."""
    kind = row.get("kind") or ""
    return service_label(kind, row.get("service_type")) or AGENCY_KINDS.get(kind, kind)
