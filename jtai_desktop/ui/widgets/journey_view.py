"""A child's journey: timeline, case reviews, the area's audits, notes and evidence side by
side per organisation, in date order. The lead reads it to moderate the reviews and to draft
practice studies; Enter opens an entry where it was written."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import journey as journey_service
from ...services import moderation
from ...services.team import is_lead
from ..errors import try_edit
from ..models.children import selection_labels
from ..models.journey import JourneyModel, entry_text, kind_labels
from ..models.roles import KindRole, RecordRole
from ..shortcuts import shortcut
from ..time_text import local_date

COLUMN_EMS = 18  # each organisation's column: room for a sentence or two per line


class KindFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hidden: set[str] = set()

    def set_shown(self, kind: str, shown: bool) -> None:
        self.beginFilterChange()
        (self.hidden.discard if shown else self.hidden.add)(kind)
        self.endFilterChange()

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802 (Qt naming)
        index = self.sourceModel().index(row, 0, parent)
        return index.data(KindRole) not in self.hidden


class JourneyView(QWidget):
    open_requested = Signal(str, str)  # entity, record id

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.child_id: str | None = None
        self.model = JourneyModel(self)
        self.proxy = KindFilter(self)
        self.proxy.setSourceModel(self.model)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self._build_filters()
        self._build_table()
        self._build_buttons()
        self._lay_out()

    def _build_filters(self) -> None:
        mnemonics = {
            "event": "Eve&nts",
            "note": "Mee&tings",
            "review": "Case re&views",
            "audit": "A&udits",
            "evidence": "Ev&idence",
        }
        self.filters: dict[str, QCheckBox] = {}
        for kind, text in mnemonics.items():
            box = QCheckBox(self.tr(text))
            box.setChecked(True)
            box.setToolTip(self.tr("Show %1").replace("%1", kind_labels()[kind].lower()))
            box.toggled.connect(lambda on, k=kind: self.proxy.set_shown(k, on))
            self.filters[kind] = box

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Journey of the child, in date order"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # the full name is its tooltip
        self.table.setToolTip(
            self.tr(
                "Enter: open the entry where it was written. Space: mark a case review moderated."
            )
        )
        self.table.activated.connect(self._open)
        # Space (while the list has the focus) marks the chosen review moderated.
        shortcut(
            "journey.moderate", self.table, self.mark_moderated, Qt.ShortcutContext.WidgetShortcut
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

    def _build_buttons(self) -> None:
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.moderate_button = QPushButton(self.tr("Mark &moderated"))
        self.moderate_button.setToolTip(
            self.tr("(Lead inspector) mark the chosen case review as moderated")
        )
        self.moderate_button.clicked.connect(self.mark_moderated)
        self.copy_button = QPushButton(self.tr("Cop&y as text"))
        self.copy_button.setToolTip(
            self.tr(
                "Copy the entries shown, in date order, to draft a practice study "
                "(pseudonym only; check it before it leaves the team)"
            )
        )
        self.copy_button.clicked.connect(self.copy_text)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        for box in self.filters.values():
            filters.addWidget(box)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.moderate_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        order = (*self.filters.values(), self.table, self.open_button)
        for first, second in zip(order, (*order[1:], self.moderate_button)):
            self.setTabOrder(first, second)
        self.setTabOrder(self.moderate_button, self.copy_button)

    # --- showing ---------------------------------------------------------------------------
    def set_child(self, child_id: str | None) -> None:
        self.child_id = child_id
        self.reload()

    def reload(self) -> None:
        child = self.session.ws.get("child", self.child_id) if self.child_id else None
        found = journey_service.journey(self.session.ws, child["id"]) if child else None
        current = self.current_entry()
        row = self.table.currentIndex().row()
        self.model.set_journey(found)
        self._size_columns()
        if found is None:
            self.heading.clear()
        else:
            self.heading.setText(
                self.tr("%1 (%2): %3 entries, by organisation, in date order")
                .replace("%1", found.pseudonym)
                .replace("%2", selection_labels().get(found.selection, found.selection).lower())
                .replace("%3", str(len(found.entries)))
            )
        if self.proxy.rowCount():
            # The same entry stays chosen after a change (or the same place in the list).
            same = self._row_of(current.record_id) if current else None
            row = same if same is not None else max(0, min(row, self.proxy.rowCount() - 1))
            self.table.setCurrentIndex(self.proxy.index(row, 0))
        self.table.horizontalScrollBar().setValue(0)  # the dates stay in view
        self._update_buttons()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("m")
        for column in range(self.model.columnCount()):
            width = {0: 8, 1: 10}.get(column, COLUMN_EMS)
            header.resizeSection(column, em * width)
        header.setStretchLastSection(False)

    def _row_of(self, record_id: str) -> int | None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(RecordRole)[1] == record_id:
                return row
        return None

    def current_entry(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(self.proxy.mapToSource(index).row())

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        lead = bool(self.session.inspection_id) and is_lead(
            self.session.ws, self.session.inspection_id
        )
        self.open_button.setEnabled(entry is not None)
        self.moderate_button.setEnabled(
            lead and entry is not None and entry.kind == "review" and "moderated" not in entry.flags
        )
        self.copy_button.setEnabled(self.proxy.rowCount() > 0)

    # --- acting ----------------------------------------------------------------------------
    def _open(self, index) -> None:
        if index.isValid():
            entity, record_id = index.data(RecordRole)
            self.open_requested.emit(entity, record_id)

    def mark_moderated(self) -> None:
        entry = self.current_entry()
        if entry is None or not self.moderate_button.isEnabled():
            return
        review_id, inspection_id = entry.record_id, self.session.inspection_id
        if try_edit(
            self,
            self.session,
            lambda ws: moderation.mark_moderated(ws, inspection_id, [("review", review_id)]),
        ):
            self.reload()

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def as_text(self) -> str:
        """The entries shown, in date order, as plain lines (pseudonym only)."""
        journey = self.model.journey
        if journey is None:
            return ""
        names = {o["id"]: o["name"] for o in journey.organisations}
        lines = [self.tr("Journey of %1").replace("%1", journey.pseudonym)]
        for row in range(self.proxy.rowCount()):
            entry = self.model.entry(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if entry is None:
                continue
            where = names.get(entry.organisation_id or "", self.tr("several or none"))
            text = entry_text(entry).replace("\n", " ")
            lines.append(f"{local_date(entry.day)}  {where}: {text}")
        return "\n".join(lines) + "\n"
