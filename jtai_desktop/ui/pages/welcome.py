"""Welcome screen: shown when no inspection is open.

It lists the inspections in this data folder and offers the demo, a new inspection and
joining a colleague's inspection. The window owner connects the signals to what they do
(joining is offered once the owner calls ``offer_join``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...domain.calendar import format_date
from ...services.inspections import list_inspections
from ..models.roles import AnyIndex, RecordIdRole


class InspectionListModel(QAbstractTableModel):
    """Inspection summaries: title and notification date; the id is in UserRole."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = (self.tr("Inspection"), self.tr("Notification"))

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802 (Qt naming)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.get("title") or ""
            notified = row.get("notification_date")
            return format_date(date.fromisoformat(notified)) if notified else ""
        if role == RecordIdRole:
            return row["id"]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 2
        ):
            return self._headers[section]
        return None


class WelcomePage(QWidget):
    open_demo = Signal()
    create_inspection = Signal()
    open_inspection = Signal(str)
    join_inspection = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("page-welcome")
        self.model = InspectionListModel(self)
        self._build()
        # The list (with its counts) loads when the screen is shown: at start-up the most
        # recent inspection usually opens straight away and this screen is never seen.

    def _build(self) -> None:
        column = QVBoxLayout()
        column.setSpacing(12)
        for widget in (self._heading(), self._purpose()):
            column.addWidget(widget)
        column.addSpacing(12)
        self.list_label = QLabel(self.tr("&Inspections in this data folder:"))
        self.list_view = self._list_view()
        self.list_label.setBuddy(self.list_view)
        self.empty_label = QLabel(
            self.tr(
                "There are no inspections in this data folder yet. "
                "Open the demo inspection to look around, or create "
                "an inspection."
            )
        )
        self.empty_label.setWordWrap(True)
        for shown in (self.list_label, self.list_view, self.empty_label):
            column.addWidget(shown)
        column.addLayout(self._buttons())
        self.join_note = QLabel(
            self.tr(
                "Joining arrives with team sync: until then, the lead "
                "creates the inspection and adds the team."
            )
        )
        self.join_note.setWordWrap(True)
        column.addWidget(self.join_note)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(760)
        holder.setMinimumWidth(420)
        outer.addWidget(holder, 4)
        outer.addStretch(1)

    def _heading(self) -> QLabel:
        heading = QLabel(self.tr("JTAI inspection workspace"))
        heading.setObjectName("welcome-heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)  # relative, so it follows the system font
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(heading.text())
        return heading

    def _purpose(self) -> QLabel:
        purpose = QLabel(
            self.tr(
                "Record, review and moderate a joint targeted area inspection "
                "with your team: offline, and encrypted on this computer."
            )
        )
        purpose.setWordWrap(True)
        return purpose

    def _list_view(self) -> QTreeView:
        view = QTreeView()
        view.setModel(self.model)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setAllColumnsShowFocus(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAccessibleName(self.tr("Inspections in this data folder"))
        view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        view.header().setStretchLastSection(False)
        # Enter and double-click both "activate" an item.
        view.activated.connect(self._open_index)
        view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        return view

    def _buttons(self) -> QHBoxLayout:
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(lambda: self._open_index(self.list_view.currentIndex()))
        self.demo_button = QPushButton(self.tr("Open the &demo inspection"))
        self.demo_button.clicked.connect(self.open_demo.emit)
        self.create_button = QPushButton(self.tr("&Create an inspection…"))
        self.create_button.clicked.connect(self.create_inspection.emit)
        self.join_button = QPushButton(self.tr("&Join an inspection…"))
        self.join_button.setEnabled(False)
        self.join_button.setToolTip(self.tr("Joining arrives with team sync"))
        row = QHBoxLayout()
        for button in (self.open_button, self.demo_button, self.create_button, self.join_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def offer_join(self) -> None:
        """Enable "Join an inspection…" (it emits ``join_inspection``)."""
        self.join_button.setEnabled(True)
        self.join_button.setToolTip(
            self.tr(
                "Join a colleague's inspection with the invitation "
                "file and passphrase your lead gave you"
            )
        )
        self.join_button.clicked.connect(self.join_inspection.emit)
        self.join_note.setText(
            self.tr(
                "Joining a team? Your lead inspector gives you an "
                "invitation file and, separately, its passphrase."
            )
        )

    # --- behaviour ---------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.list_view.currentIndex().data(RecordIdRole)
        self.model.set_rows(list_inspections(self.session.ws))
        has_rows = self.model.rowCount() > 0
        self.list_label.setVisible(has_rows)
        self.list_view.setVisible(has_rows)
        self.empty_label.setVisible(not has_rows)
        if has_rows:
            rows = [self.model.index(n, 0).data(RecordIdRole) for n in range(self.model.rowCount())]
            self.list_view.setCurrentIndex(
                self.model.index(rows.index(current) if current in rows else 0, 0)
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setVisible(self.model.rowCount() > 0)
        self.open_button.setEnabled(self.list_view.currentIndex().isValid())

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_inspection.emit(index.siblingAtColumn(0).data(RecordIdRole))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        self.refresh()
        first = self.list_view if self.model.rowCount() else self.demo_button
        first.setFocus(Qt.FocusReason.OtherFocusReason)
