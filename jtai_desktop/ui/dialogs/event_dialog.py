"""Adding a key event to a child's timeline, or correcting one: the Designer form
``forms/event_dialog.ui``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QWidget

from ...domain.record_types import EventRow
from ...services import children
from ...services.children import involved_agencies
from ...services.inspections import inspection_dates
from ..errors import try_edit
from ..forms.ui_event_dialog import Ui_EventDialog
from ..models.children import event_kind_labels
from ..time_text import local_date


class EventDialog(QDialog):
    """Saves through the services on OK; a refused save keeps the dialog open."""

    def __init__(
        self, session, child_id: str, parent: QWidget | None = None, event_id: str | None = None
    ):
        """``event_id``: correct that event rather than add one."""
        super().__init__(parent)
        self.session = session
        self.child_id = child_id
        self.event_id = event_id
        self.saved_id: str | None = None
        self.ui = Ui_EventDialog()
        self.ui.setupUi(self)
        child = session.ws.require("child", child_id)
        title = self.tr("Edit an event for %1") if event_id else self.tr("Add an event for %1")
        self.setWindowTitle(title.replace("%1", child["pseudonym"]))
        self.ui.dateEdit.setDate(QDate.currentDate())
        self._lookback_start: date = inspection_dates(
            session.ws, child["inspection_id"]
        ).lookback_start
        self.ui.dateEdit.dateChanged.connect(self._show_date_hint)
        for value, label in event_kind_labels().items():
            self.ui.kindCombo.addItem(label, value)
        self.ui.agencyCombo.addItem(self.tr("Not recorded"), None)
        for agency in involved_agencies(session.ws, child):
            self.ui.agencyCombo.addItem(agency["name"], agency["id"])
        if event_id:
            self._fill(session.ws.require("event", event_id))
        self._show_date_hint()

    def _show_date_hint(self) -> None:
        """Say, before saving, when the date is older than the look-back."""
        shown = self.ui.dateEdit.date()
        before = date(shown.year(), shown.month(), shown.day()) < self._lookback_start
        self.ui.dateHint.setText(
            self.tr(
                "This date is before the look-back, which starts on %1: give the reason "
                "for recording older history."
            ).replace("%1", local_date(self._lookback_start.isoformat()))
            if before
            else ""
        )
        self.ui.dateHint.setVisible(before)

    def _fill(self, event: EventRow) -> None:
        ui = self.ui
        ui.dateEdit.setDate(QDate.fromString(event["date"] or "", "yyyy-MM-dd"))
        ui.kindCombo.setCurrentIndex(max(ui.kindCombo.findData(event["kind"]), 0))
        if event["agency_id"] and ui.agencyCombo.findData(event["agency_id"]) < 0:
            # An agency no longer involved with the child: still shown, so nothing is lost.
            agency = self.session.ws.get("agency", event["agency_id"])
            ui.agencyCombo.addItem(
                agency["name"] if agency else event["agency_id"][:8], event["agency_id"]
            )
        ui.agencyCombo.setCurrentIndex(max(ui.agencyCombo.findData(event["agency_id"]), 0))
        ui.summaryEdit.setText(event["summary"] or "")
        ui.timeEdit.setText(event.get("time") or "")
        ui.reasonEdit.setText(event.get("lookback_reason") or "")

    def accept(self) -> None:
        ui = self.ui
        values = {
            "date": ui.dateEdit.date().toString("yyyy-MM-dd"),
            "kind": ui.kindCombo.currentData(),
            "agency_id": ui.agencyCombo.currentData(),
            "summary": ui.summaryEdit.text(),
            "time": ui.timeEdit.text(),
            "lookback_reason": ui.reasonEdit.text(),
        }
        child_id, event_id = self.child_id, self.event_id
        changes = try_edit(
            self,
            self.session,
            (lambda ws: children.update_event(ws, event_id, **values))
            if event_id
            else (lambda ws: children.add_event(ws, child_id, **values)),
        )
        if changes is None:
            return
        self.saved_id = changes.entity_id
        super().accept()


def open_event_dialog(
    session,
    child_id: str,
    parent: QWidget,
    on_saved: Callable[[str], None] | None = None,
    event_id: str | None = None,
) -> EventDialog:
    """Open the dialog (window-modal, not blocking); ``on_saved`` gets the event's id."""
    dialog = EventDialog(session, child_id, parent, event_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.accepted.connect(lambda: dialog.saved_id and on_saved(dialog.saved_id))
    dialog.open()
    return dialog
