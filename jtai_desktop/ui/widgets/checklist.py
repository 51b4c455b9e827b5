"""A checkable list over a few (id, label) choices: children, criteria, agencies, findings.

``Checklist`` emits ``toggled(id, checked)`` when the user ticks or unticks a line (by mouse
or Space), never when the program sets the ticks with ``set_checked``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from ..models.roles import AnyIndex, RecordIdRole

CHECK = Qt.ItemDataRole.CheckStateRole


class ChecklistModel(QAbstractListModel):
    toggled = Signal(str, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._choices: list[tuple[str, str]] = []
        self._checked: set[str] = set()

    # --- what the program sets ---------------------------------------------------------------
    def set_choices(self, choices: Iterable[tuple[str, str]]) -> None:
        choices = list(choices)
        if choices == self._choices:
            return
        self.beginResetModel()
        self._choices = choices
        self.endResetModel()

    def set_checked(self, ids: Iterable[str]) -> None:
        ids = set(ids)
        if ids != self._checked:
            self._checked = ids
            if self._choices:
                self.dataChanged.emit(self.index(0), self.index(len(self._choices) - 1), [CHECK])

    def checked_ids(self) -> list[str]:
        """The ticked ids in the order the choices are listed."""
        return [cid for cid, _ in self._choices if cid in self._checked]

    # --- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cid, label = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == CHECK:
            return Qt.CheckState.Checked if cid in self._checked else Qt.CheckState.Unchecked
        if role == RecordIdRole:
            return cid
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != CHECK:
            return False
        cid = self._choices[index.row()][0]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked == (cid in self._checked):
            return True
        (self._checked.add if checked else self._checked.discard)(cid)
        self.dataChanged.emit(index, index, [CHECK])
        self.toggled.emit(cid, checked)
        return True


class Checklist(QWidget):
    """A list of tick boxes, with a filter line when there are many choices."""

    toggled = Signal(str, bool)
    FILTER_FROM = 12  # fewer choices than this fit on screen without a filter

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ChecklistModel(self)
        self.model.toggled.connect(self.toggled)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setAccessibleName(self.tr("Filter %1").replace("%1", accessible_name))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(accessible_name)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        self.filter.hide()

    def set_choices(self, choices: Iterable[tuple[str, str]]) -> None:
        self.model.set_choices(choices)
        self.filter.setVisible(self.model.rowCount() >= self.FILTER_FROM)

    def set_checked(self, ids: Iterable[str]) -> None:
        self.model.set_checked(ids)

    def checked_ids(self) -> list[str]:
        return self.model.checked_ids()

    def row_of(self, cid: str) -> QModelIndex:
        """The view's index of one choice (for keyboard focus and tests)."""
        for row in range(self.model.rowCount()):
            source = self.model.index(row)
            if source.data(RecordIdRole) == cid:
                return self.proxy.mapFromSource(source)
        return QModelIndex()
