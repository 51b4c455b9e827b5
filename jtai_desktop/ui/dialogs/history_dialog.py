"""A record's history: who changed what and when, newest first, from the change log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.conflicts import history, record_label
from ..models.conflicts import HistoryModel


class HistoryDialog(QDialog):
    def __init__(self, session, entity: str, entity_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.entity_id = entity_id
        label = record_label(session.ws, entity, entity_id)
        self.setWindowTitle(self.tr("History of %1").replace("%1", label))
        self.model = HistoryModel(self)
        self.changes = history(session.ws, entity_id)
        self.model.set_history(self.changes, _names(session))
        self._build(label)
        self.resize(860, 520)

    def _build(self, label: str) -> None:
        heading = QLabel(
            self.tr(
                "Every change to %1, newest first. Quick successive changes to one "
                "field by one person (undo and redo among them) are one row; a change that "
                "settles a conflict names how many competing values it replaced."
            ).replace("%1", label)
        )
        heading.setWordWrap(True)
        self.table_label = QLabel(self.tr("&Changes:"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Changes to this record"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.VALUE, QHeaderView.ResizeMode.Stretch)
        self.table_label.setBuddy(self.table)
        self.value_label = QLabel(self.tr("&Value of the chosen change:"))
        self.value = QPlainTextEdit()
        self.value.setReadOnly(True)
        self.value.setTabChangesFocus(True)
        self.value_label.setBuddy(self.value)
        self.table.selectionModel().currentRowChanged.connect(self._show_value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.table_label):
            layout.addWidget(widget)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.value_label)
        layout.addWidget(self.value, 1)
        layout.addWidget(buttons)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_value(self, current, _previous) -> None:
        if not current.isValid():
            self.value.clear()
            return
        value = self.model.change(current.row())["value"]
        self.value.setPlainText(
            value
            if isinstance(value, str) and "\n" in value
            else self.model.shown_value(current.row(), 100_000)
        )


def show_history(session, entity: str, entity_id: str, parent: QWidget) -> HistoryDialog:
    """Open the history window (non-blocking); returned so a caller or a test can reach it."""
    dialog = HistoryDialog(session, entity, entity_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _names(session) -> dict[str, str]:
    """Ids a record's fields may hold, with the names people use for them."""
    inspection_id, ws = session.inspection_id, session.ws
    if inspection_id is None:
        return {}
    names = {c["id"]: c["pseudonym"] for c in ws.rows("child", inspection_id)}
    names.update((a["id"], a["name"]) for a in ws.rows("agency", inspection_id))
    names.update((m["id"], m["name"]) for m in ws.rows("member", inspection_id))
    return names
