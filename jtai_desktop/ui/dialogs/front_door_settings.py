"""The front door's targets (``forms/front_door_targets.ui``) and citing its timings from
findings (``forms/cite_timeliness.ui``). Both save through the services on OK, undoably; a
refused save keeps the dialog open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from ...domain.front_door import INTERVAL_KEYS
from ...services import findings, timeliness
from ..errors import try_edit
from ..forms.ui_cite_timeliness import Ui_CiteTimelinessDialog
from ..forms.ui_front_door_targets import Ui_FrontDoorTargetsDialog
from ..widgets.checklist import ChecklistModel


class TargetsDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ui = Ui_FrontDoorTargetsDialog()
        self.ui.setupUi(self)
        self._spins = {
            "decision": self.ui.decisionTargetSpin,
            "strategy": self.ui.strategyTargetSpin,
            "section47": self.ui.section47TargetSpin,
            "seen": self.ui.seenTargetSpin,
        }
        current = timeliness.targets(session.ws, session.inspection_id)
        self.ui.dayStartEdit.setText(f"{current.office_day.start:%H:%M}")
        self.ui.dayEndEdit.setText(f"{current.office_day.end:%H:%M}")
        for key, hours in current.hours.items():
            self.spin(key).setValue(hours)

    def spin(self, interval_key: str):
        return self._spins[interval_key]

    def accept(self) -> None:
        inspection_id = self.session.inspection_id
        start, end = self.ui.dayStartEdit.text(), self.ui.dayEndEdit.text()
        hours = {key: self.spin(key).value() for key in INTERVAL_KEYS}
        changes = try_edit(
            self,
            self.session,
            lambda ws: timeliness.set_targets(
                ws, inspection_id, day_start=start, day_end=end, hours=hours
            ),
        )
        if changes is None:
            return
        super().accept()


class CiteTimelinessDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.ui = Ui_CiteTimelinessDialog()
        self.ui.setupUi(self)
        self.findings = ChecklistModel(self)
        rows = findings.findings_in_order(session.ws, session.inspection_id)
        self.findings.set_choices((f["id"], f["title"]) for f in rows)
        self.ui.findingsView.setModel(self.findings)
        if rows:
            self.ui.findingsView.setCurrentIndex(self.findings.index(0))
        self.evidence_id: str | None = None

    def accept(self) -> None:
        inspection_id, chosen = self.session.inspection_id, self.findings.checked_ids()
        changes = try_edit(
            self,
            self.session,
            lambda ws: timeliness.cite_timeliness(ws, inspection_id, chosen),
        )
        if changes is None:
            return
        self.evidence_id = changes.entity_id
        super().accept()


def open_dialog(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
