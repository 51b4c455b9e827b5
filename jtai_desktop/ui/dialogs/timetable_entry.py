"""Adding or changing a session of the on-site week: the Designer form
``forms/timetable_entry.ui``. Inspectors attending are ticked (they become the session's
allocations), others are recorded by job title and organisation. A refused save keeps the
dialog open; a clash is not refused but shown on the timetable, for the team to settle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QWidget

from ...domain.fieldwork import TIMETABLE_KINDS
from ...services import timetable
from ...services.allocation import inspectors_of
from ...services.organisations import organisations
from ..errors import try_edit
from ..forms.ui_timetable_entry import Ui_TimetableEntryDialog
from ..widgets.checklist import ChecklistModel


class TimetableEntryDialog(QDialog):
    def __init__(
        self,
        session,
        parent: QWidget | None = None,
        entry_id: str | None = None,
        day: date | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.entry_id = entry_id
        self.saved_id: str | None = None
        self.ui = Ui_TimetableEntryDialog()
        self.ui.setupUi(self)
        self.inspectors = ChecklistModel(self)
        self.children_choice = ChecklistModel(self)  # not self.children: QObject has that
        self.ui.inspectorsView.setModel(self.inspectors)
        self.ui.childrenView.setModel(self.children_choice)
        self._fill_choices()
        if entry_id:
            self.setWindowTitle(self.tr("Change a session"))
            self._fill(session.ws.require("timetable_entry", entry_id))
        else:
            self.setWindowTitle(self.tr("Add a session"))
            self.ui.dateEdit.setDate(
                QDate(day.year, day.month, day.day) if day else QDate.currentDate()
            )
            self.ui.startEdit.setText("09:00")
            self.ui.endEdit.setText("10:00")

    def _fill_choices(self) -> None:
        ws, inspection_id, ui = self.session.ws, self.session.inspection_id, self.ui
        for value, text in TIMETABLE_KINDS.items():
            ui.kindCombo.addItem(self.tr(text), str(value))
        members = ws.rows("member", inspection_id, order_by="evidence_block")
        self.inspectors.set_choices(
            (m["id"], f"{m['name']} ({m['specialism'] or m['inspectorate']})") for m in members
        )
        children = ws.rows("child", inspection_id, order_by="pseudonym")
        self.children_choice.set_choices((c["id"], c["pseudonym"]) for c in children)
        agencies = organisations(ws, inspection_id)
        ui.attendees.model.set_agencies([(a["id"], a["name"]) for a in agencies])

    def _fill(self, row: dict) -> None:
        ui = self.ui
        ui.kindCombo.setCurrentIndex(max(ui.kindCombo.findData(row["kind"]), 0))
        ui.titleEdit.setText(row["title"] or "")
        ui.dateEdit.setDate(QDate.fromString(row["date"], "yyyy-MM-dd"))
        ui.startEdit.setText(row["start_time"] or "")
        ui.endEdit.setText(row["end_time"] or "")
        ui.roomEdit.setText(row["room"] or "")
        ui.attendees.model.set_attendees(row["attendees"] or [])
        self.children_choice.set_checked(row["children"] or [])
        self.inspectors.set_checked(
            inspectors_of(self.session.ws, row["inspection_id"], "timetable_entry", row["id"])
        )

    def values(self) -> dict:
        ui = self.ui
        return {
            "kind": ui.kindCombo.currentData(),
            "title": ui.titleEdit.text(),
            "date": ui.dateEdit.date().toString("yyyy-MM-dd"),
            "start_time": ui.startEdit.text(),
            "end_time": ui.endEdit.text(),
            "room": ui.roomEdit.text(),
            "attendees": ui.attendees.model.attendees(),
            "children": self.children_choice.checked_ids(),
        }

    def accept(self) -> None:
        values, inspectors = self.values(), self.inspectors.checked_ids()
        entry_id, inspection_id = self.entry_id, self.session.inspection_id
        changes = try_edit(
            self,
            self.session,
            (lambda ws: timetable.update_entry(ws, entry_id, values, inspectors))
            if entry_id
            else (lambda ws: timetable.add_entry(ws, inspection_id, values, inspectors)),
        )
        if changes is None:
            return
        self.saved_id = entry_id or changes.entity_id
        super().accept()


def open_entry_dialog(
    session,
    parent: QWidget,
    on_saved: Callable[[str], None] | None = None,
    entry_id: str | None = None,
    day: date | None = None,
) -> TimetableEntryDialog:
    """Open the dialog (window-modal, not blocking); ``on_saved`` gets the session's id."""
    dialog = TimetableEntryDialog(session, parent, entry_id, day)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.accepted.connect(lambda: on_saved(dialog.saved_id or ""))
    dialog.open()
    return dialog
