"""The on-site week's timetable: sessions by day and time, who attends, and the clashes
(a person or a room in two places at once) listed in words above the table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services import timetable
from ...services.allocation import inspectors_by_target
from ...services.inspections import inspection_dates
from ..dialogs.timetable_entry import open_entry_dialog
from ..models.fieldwork import DayRole, TimetableModel, inspector_names
from ..models.row_sort import SourceSorts
from ..shortcuts import key_text
from ..time_text import local_day
from ..views import ChosenRecord, on_delete_key, record_list_view


class DayFilter(SourceSorts):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._day = ""

    def show_day(self, day: str) -> None:
        self.beginFilterChange()
        self._day = day
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        index = self.sourceModel().index(source_row, 0, source_parent)
        return not self._day or index.data(DayRole) == self._day


class TimetablePanel(ChosenRecord, QWidget):
    proxy: DayFilter

    def __init__(self, session, parent: QWidget | None = None, mine_only: bool = False):
        """``mine_only``: only the sessions of whoever acts on this computer, read only."""
        super().__init__(parent)
        self.session = session
        self.mine_only = mine_only
        self.model = TimetableModel(self)
        self.proxy = DayFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_list_view(
            self.proxy,
            self.tr("My sessions") if mine_only else self.tr("Timetable of the on-site week"),
            TimetableModel.OTHERS,
            TimetableModel.DAY,
            Qt.SortOrder.AscendingOrder,
        )
        self.clashes_label = QLabel()
        self.clashes_label.setWordWrap(True)
        self.clashes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.day_combo = QComboBox()
        self.day_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.show_day(self.day_combo.currentData() or "")
        )
        layout = QVBoxLayout(self)
        if mine_only:
            layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._top_row())
        layout.addWidget(self.clashes_label)
        layout.addWidget(self.view)
        if not mine_only:
            self.view.activated.connect(lambda _index: self.edit_current())
            on_delete_key(self.view, self.delete_current)

    def _top_row(self) -> QHBoxLayout:
        day_label = QLabel(self.tr("&Day:") if not self.mine_only else self.tr("D&ay:"))
        day_label.setBuddy(self.day_combo)
        row = QHBoxLayout()
        row.addWidget(day_label)
        row.addWidget(self.day_combo)
        row.addStretch(1)
        if not self.mine_only:
            self.add_button = QPushButton(self.tr("&New session…"))
            self.add_button.setToolTip(
                self.tr("Add a session to the timetable (%1)").replace(
                    "%1", key_text("fieldwork.new_session")
                )
            )
            self.add_button.clicked.connect(self.add_entry)
            self.edit_button = QPushButton(self.tr("&Change…"))
            self.edit_button.setToolTip(self.tr("Change the chosen session (Enter)"))
            self.edit_button.clicked.connect(self.edit_current)
            self.delete_button = QPushButton(self.tr("De&lete"))
            self.delete_button.setToolTip(
                self.tr("Delete the chosen session (Delete). Undo brings it back.")
            )
            self.delete_button.clicked.connect(self.delete_current)
            for button in (self.add_button, self.edit_button, self.delete_button):
                row.addWidget(button)
        return row

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        ws = self.session.ws
        current = self.current_id()
        names = {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}
        agencies = {a["id"]: a["name"] for a in ws.rows("agency", inspection_id)}
        inspectors = inspectors_by_target(ws, inspection_id)
        clashes = timetable.timetable_clashes(ws, inspection_id)
        me = ws.author_for(inspection_id) if self.mine_only else None
        rows = []
        for entry in timetable.entries(ws, inspection_id):
            attending = inspectors.get(("timetable_entry", entry["id"]), [])
            if me and me not in attending:
                continue
            found = [c.message for c in clashes if entry["id"] in (c.first, c.second)]
            rows.append(
                {
                    **entry,
                    "_inspectors": inspector_names(attending, names),
                    "_others": [_attendee(a, agencies) for a in entry["attendees"] or []],
                    "_clashes": found,
                }
            )
        self.model.set_rows(rows)
        self._fill_days(inspection_id, rows)
        shown = clashes if not me else [c for c in clashes if _mine(c, rows)]
        self._show_clashes([c.message for c in shown])
        self.select(current)

    def _fill_days(self, inspection_id: str, rows: list[dict]) -> None:
        dates = inspection_dates(self.session.ws, inspection_id)
        days = {r["date"] for r in rows}
        day = dates.fieldwork_start
        while day <= dates.fieldwork_end:
            days.add(str(day))  # the stored form, as the rows' dates are
            day = date.fromordinal(day.toordinal() + 1)
        chosen = self.day_combo.currentData()
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        self.day_combo.addItem(self.tr("Every day"), "")
        for iso in sorted(days):
            self.day_combo.addItem(local_day(iso), iso)
        self.day_combo.setCurrentIndex(max(self.day_combo.findData(chosen), 0))
        self.day_combo.blockSignals(False)
        self.proxy.show_day(self.day_combo.currentData() or "")

    def _show_clashes(self, messages: list[str]) -> None:
        if not messages:
            self.clashes_label.setText(self.tr("No clashes."))
            self.clashes_label.setStyleSheet("")
            return
        heading = (
            self.tr("1 clash to settle:")
            if len(messages) == 1
            else self.tr("%1 clashes to settle:").replace("%1", str(len(messages)))
        )
        self.clashes_label.setText("\n".join([heading, *(f"\u2022 {m}" for m in messages)]))
        self.clashes_label.setStyleSheet("color: #a01e1e;")

    # --- editing -----------------------------------------------------------------------------
    def add_entry(self) -> None:
        if self.session.inspection_id and not self.mine_only:
            day = self.day_combo.currentData()
            start = date.fromisoformat(day) if day else None
            open_entry_dialog(self.session, self, self.show_saved, day=start)

    def edit_current(self) -> None:
        entry_id = self.current_id()
        if entry_id and not self.mine_only:
            open_entry_dialog(self.session, self, self.show_saved, entry_id)

    def delete_current(self) -> None:
        what = self.tr("Deleted the session from the timetable.")
        self.delete_chosen(what, timetable.delete_entry)


def _attendee(attendee: dict, agencies: dict[str, str]) -> str:
    where = agencies.get(attendee.get("agency") or "")
    return f"{attendee['role']} ({where})" if where else attendee["role"]


def _mine(clash, rows: list[dict]) -> bool:
    mine = {r["id"] for r in rows}
    return clash.first in mine or clash.second in mine
