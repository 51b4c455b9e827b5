"""Work received from the team as a two-level tree: a group (an inspector or a child), then
the records changed in it, with how many changes, when, and whether it is moderated."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from ...services.incoming import Received, WorkGroup
from ..time_text import local_time
from ..translate import translator
from .roles import MODEL_ROLES, AnyIndex, RecordRole

ReceivedRole = MODEL_ROLES  # the Received item of a record row
IsGroupRole = MODEL_ROLES + 1

RECORD, BY, CHANGES, LATEST, MODERATED = range(5)
_GROUP = 0  # internal id of a group row; a record row's is its group's row + 1


tr = translator("IncomingModel")


class IncomingModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[WorkGroup] = []
        self._child_groups = False
        self._times: dict[str, str] = {}  # ISO time -> shown text, worked out once
        self._headers = (tr("Record"), tr("By"), tr("Changes"), tr("Latest"), tr("Moderated"))

    def set_groups(self, groups: list[WorkGroup], child_groups: bool) -> None:
        """``child_groups``: the groups are children (so a group row can open the child)."""
        self.beginResetModel()
        self._groups = list(groups)
        self._child_groups = child_groups
        self._times = {}
        self.endResetModel()

    def groups(self) -> list[WorkGroup]:
        return list(self._groups)

    def find(self, entity_id: str) -> QModelIndex:
        for number, group in enumerate(self._groups):
            for row, item in enumerate(group.items):
                if item.entity_id == entity_id:
                    return self.index(row, 0, self.index(number, 0))
        return QModelIndex()

    # --- structure ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 5

    # --- data --------------------------------------------------------------------------
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(self._groups[index.row()], index.column(), role)
        item = self._groups[index.internalId() - 1].items[index.row()]
        return self._item_data(item, index.column(), role)

    def _group_data(self, group: WorkGroup, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RECORD:
                label = group.label or (tr("Not about one child") if self._child_groups else "")
                return f"{label} ({len(group.items)})"
            return {CHANGES: str(group.changes), LATEST: self._time(group.latest)}.get(column, "")
        if role == RecordRole and self._child_groups and group.key:
            return ("child", group.key)
        if role == IsGroupRole:
            return True
        return None

    def _item_data(self, item: Received, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._item_text(item, column)
        if role == RecordRole:
            return (item.entity, item.entity_id)
        if role == ReceivedRole:
            return item
        if role == IsGroupRole:
            return False
        return None

    def _item_text(self, item: Received, column: int) -> str:
        if column == RECORD:
            return item.label + (tr(" (deleted)") if item.deleted else "")
        if column == BY:
            return ", ".join(item.authors)
        if column == CHANGES:
            return str(item.changes)
        if column == LATEST:
            return self._time(item.latest)
        if item.moderated is None:
            return ""
        return tr("Yes") if item.moderated else tr("Not yet")

    def _time(self, iso: str) -> str:
        shown = self._times.get(iso)
        if shown is None:
            shown = self._times[iso] = local_time(iso)
        return shown

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 5
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
