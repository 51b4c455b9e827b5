"""Choosing evidence items to cite or link: a filterable, keyboard-friendly list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ...services.inspections import Choice
from ..models.roles import AnyIndex, RecordIdRole


class EvidenceChoiceModel(QAbstractListModel):
    """Evidence items as "E-1001  Title" lines (in the order given); the id is in UserRole."""

    def __init__(self, items: list[Choice], parent=None):
        super().__init__(parent)
        self._items = list(items)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record_id, label = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == RecordIdRole:
            return record_id
        return None


class EvidencePicker(QDialog):
    def __init__(self, items: list[Choice], parent: QWidget | None = None, title: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Choose evidence"))
        self.model = EvidenceChoiceModel(items, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type a reference or words of the title"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        label = QLabel(self.tr("&Find:"))
        label.setBuddy(self.filter)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Evidence items"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.filter, self.view, buttons):
            layout.addWidget(widget)
        self.filter.returnPressed.connect(self._choose_first)
        self.resize(520, 420)

    def _choose_first(self) -> None:
        if not self.view.selectionModel().hasSelection() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self.accept()

    def chosen_ids(self) -> list[str]:
        rows = self.view.selectionModel().selectedIndexes()
        return [index.data(RecordIdRole) for index in rows]


def pick_evidence(parent: QWidget, items: list[Choice], title: str = "") -> list[str]:
    """The ids the user chose, or [] if they cancelled."""
    dialog = EvidencePicker(items, parent, title)
    return dialog.chosen_ids() if dialog.exec() == QDialog.DialogCode.Accepted else []
