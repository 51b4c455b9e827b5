"""Help › Keyboard shortcuts: every shortcut of the desktop, generated from the registry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..shortcuts import sheet_rows


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(
            self.tr(
                "Every key the workspace answers to. Keys for a page or a list work while "
                "it has the focus."
            )
        )
        intro.setWordWrap(True)
        rows = sheet_rows()
        # A fixed list of a few dozen rows that never grows while shown.
        self.model = QStandardItemModel(len(rows), 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("What")])
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = QStandardItem(text)
                item.setToolTip(text)
                self.model.setItem(row, column, item)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)


def show_shortcut_sheet(parent: QWidget) -> ShortcutSheet:
    sheet = ShortcutSheet(parent)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.open()
    return sheet
