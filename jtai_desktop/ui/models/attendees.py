"""Attendees of a meeting or interview: job title and agency, never a person's name."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QWidget

from .roles import AnyIndex, RecordIdRole

ROLE, AGENCY = range(2)


class AttendeesModel(QAbstractTableModel):
    """Rows of {"role", "agency"} (agency is an agency id). ``edited`` follows every user edit."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._agencies: dict[str, str] = {}  # id -> name
        self._headers = (self.tr("Role"), self.tr("Agency"))

    def set_agencies(self, choices: list[tuple[str, str]]) -> None:
        self._agencies = dict(choices)
        if self._rows:
            self.dataChanged.emit(self.index(0, AGENCY), self.index(len(self._rows) - 1, AGENCY))

    def agencies(self) -> dict[str, str]:
        return dict(self._agencies)

    def set_attendees(self, attendees: list[dict]) -> None:
        self.beginResetModel()
        self._rows = [{"role": a.get("role") or "", "agency": a.get("agency")} for a in attendees]
        self.endResetModel()

    def attendees(self) -> list[dict]:
        """What is saved: rows with a role; the agency only when one is chosen."""
        result = []
        for row in self._rows:
            role = row["role"].strip()
            if role:
                result.append(
                    {"role": role, **({"agency": row["agency"]} if row["agency"] else {})}
                )
        return result

    def has_blank_roles(self) -> bool:
        return any(not row["role"].strip() for row in self._rows)

    def add_row(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append({"role": "", "agency": next(iter(self._agencies), None)})
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    # --- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() == ROLE and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return row["role"]
        if index.column() == AGENCY:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return self._agencies.get(row["agency"], self.tr("(no agency)"))
            if role == RecordIdRole:
                return row["agency"] or ""
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        if index.column() == ROLE and role == Qt.ItemDataRole.EditRole:
            row["role"] = str(value or "")
        elif index.column() == AGENCY and role == RecordIdRole:
            row["agency"] = value or None
        else:
            return False
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class RoleDelegate(QStyledItemDelegate):
    """Edits a job title, with a reminder that names are never recorded."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt naming)
        editor = QLineEdit(parent)
        editor.setPlaceholderText(self.tr("job title, e.g. social worker"))
        editor.setAccessibleName(self.tr("Role"))
        return editor


class AgencyDelegate(QStyledItemDelegate):
    """Edits the agency column with a combo of the inspection's agencies."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt naming)
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Agency"))
        for agency_id, name in index.model().agencies().items():
            combo.addItem(name, agency_id)
        # A choice is saved at once, not only when the editor closes.
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(RecordIdRole)), 0))

    def setModelData(self, editor: QWidget, model, index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox) and editor.currentData() != index.data(RecordIdRole):
            model.setData(index, editor.currentData(), RecordIdRole)
