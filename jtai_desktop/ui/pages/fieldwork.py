"""The fieldwork plan: what is allocated to me (children, organisations, sessions), the
team's allocation with its gaps and specialisms, and the timetable of the on-site week."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...services import allocation
from ...services.team import is_lead
from ..models.fieldwork import AllocatableModel
from ..models.roles import KindRole, RecordIdRole
from ..models.row_sort import SourceSorts
from ..shortcuts import shortcut
from ..views import record_list_view
from ..widgets.allocation_panel import AllocationPanel, allocatable_row, gaps_text
from ..widgets.timetable_panel import TimetablePanel
from .base import Page

MY_WORK, ALLOCATION, TIMETABLE = range(3)


class FieldworkPage(Page):
    key = "fieldwork"
    watches = (
        "allocation",
        "timetable_entry",
        "member",
        "child",
        "agency",
        "inspection",
    )

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.allocation = AllocationPanel(session)
        self.timetable = TimetablePanel(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._my_work(), self.tr("&My work"))
        self.tabs.addTab(self.allocation, self.tr("All&ocation"))
        self.tabs.addTab(self.timetable, self.tr("&Timetable"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        shortcut("fieldwork.new_session", self, self.add_session, Qt.ShortcutContext.WindowShortcut)

    def _my_work(self) -> QWidget:
        self.me_label = QLabel()
        self.gaps_button = QPushButton(self.tr("Show the &gaps"))
        self.gaps_button.setToolTip(self.tr("What nobody is allocated to yet"))
        self.gaps_button.clicked.connect(self.show_gaps)
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        self.mine_model = AllocatableModel(self)
        self.mine_proxy = SourceSorts(self)
        self.mine_proxy.setSourceModel(self.mine_model)
        self.mine_view = record_list_view(
            self.mine_proxy,
            self.tr("My children and organisations"),
            AllocatableModel.INSPECTORS,
            AllocatableModel.KIND,
            Qt.SortOrder.AscendingOrder,
        )
        mine_label = QLabel(self.tr("My c&hildren and organisations:"))
        mine_label.setBuddy(self.mine_view)
        self.my_sessions = TimetablePanel(self.session, mine_only=True)
        sessions_label = QLabel(self.tr("My &sessions:"))
        sessions_label.setBuddy(self.my_sessions.view)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(self.me_label)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.gaps_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(mine_label)
        layout.addWidget(self.mine_view, 1)
        layout.addWidget(sessions_label)
        layout.addWidget(self.my_sessions, 2)
        return panel

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        me = ws.get("member", ws.author_for(inspection_id))
        self.me_label.setText(
            self.tr("Allocated to you, %1 (%2):")
            .replace("%1", me["name"] if me else "")
            .replace("%2", (me["specialism"] or me["inspectorate"]) if me else "")
        )
        names = {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}
        mine = [i for i in allocation.my_work(ws, inspection_id) if i.kind != "timetable_entry"]
        self.mine_model.set_rows([allocatable_row(item, names) for item in mine])
        lead = is_lead(ws, inspection_id)
        gaps = allocation.gaps(ws, inspection_id) if lead else []
        self.gaps_label.setVisible(lead)
        self.gaps_button.setVisible(lead)
        self.gaps_label.setText(self.tr("As the lead: %1").replace("%1", gaps_text(gaps)))
        self.gaps_button.setEnabled(bool(gaps))
        self.my_sessions.refresh()
        self.allocation.refresh()
        self.timetable.refresh()

    def on_changed(self, entity: str, record_id: str) -> None:
        if not self.isVisible():
            self.note_hidden_change(entity)
        elif entity in self.watches:
            self.refresh_after_changes()

    def show_record(self, entity: str, record_id: str) -> None:
        self.refresh()
        if entity == "timetable_entry":
            self.tabs.setCurrentIndex(TIMETABLE)
            self.timetable.day_combo.setCurrentIndex(0)
            self.timetable.select(record_id)
            self.timetable.view.setFocus()

    def current_record(self) -> tuple[str, str] | None:
        """The record Ctrl+H shows the history of: the chosen session."""
        session_id = self.timetable.current_id()
        if self.tabs.currentIndex() == TIMETABLE and session_id:
            return ("timetable_entry", session_id)
        index = self.mine_view.currentIndex()
        if not index.isValid():
            return None
        return (str(index.data(KindRole)), str(index.data(RecordIdRole)))

    # --- acting ------------------------------------------------------------------------------
    def show_gaps(self) -> None:
        self.tabs.setCurrentIndex(ALLOCATION)
        self.allocation.show_gaps_only()

    def add_session(self) -> None:
        self.tabs.setCurrentIndex(TIMETABLE)
        self.timetable.add_entry()
