"""Recording one sampled contact or referral at the front door: the Designer form
``forms/front_door_sample.ui``. Each later step has a tick box saying it happened; its date
and time are saved only when it is ticked. A refused save keeps the dialog open. A saved
sample's notes are coded with Ctrl+M (the notes are saved first, as a passage is coded in the
text as stored)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QVBoxLayout, QWidget

from ...domain.front_door import AGREEMENT_CHOICES, SEEN_CHOICES, SOURCE_KINDS, THRESHOLD_DECISIONS
from ...services import front_door
from ...services.inspections import agency_choices, criterion_choices, inspection_dates, theme_pack
from ...services.organisations import organisations
from ..errors import try_edit
from ..forms.ui_front_door_sample import Ui_FrontDoorSampleDialog
from ..time_text import iso_date, local_date, qdate
from ..widgets.checklist import ChecklistModel
from ..widgets.coded_text import CodedText

# Steps with a tick box: (step, the box, date edit, time edit).
OPTIONAL_STEPS = ("decision", "strategy", "section47")


class FrontDoorSampleDialog(QDialog):
    def __init__(
        self, session, parent: QWidget | None = None, sample_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.sample_id = sample_id
        self.saved_id: str | None = None
        self.ui = Ui_FrontDoorSampleDialog()
        self.ui.setupUi(self)
        ui = self.ui
        # Each step's widgets by the step's name, in the order the steps come.
        self._dates = {
            "contact": ui.contactDateEdit,
            "decision": ui.decisionDateEdit,
            "strategy": ui.strategyDateEdit,
            "section47": ui.section47DateEdit,
            "seen": ui.seenDateEdit,
        }
        self._times = {
            "contact": ui.contactTimeEdit,
            "decision": ui.decisionTimeEdit,
            "strategy": ui.strategyTimeEdit,
            "section47": ui.section47TimeEdit,
            "seen": ui.seenTimeEdit,
        }
        self._done = {
            "decision": ui.decisionCheck,
            "strategy": ui.strategyCheck,
            "section47": ui.section47Check,
        }
        self._agreements = {
            "decision": ui.decisionAgreementCombo,
            "strategy": ui.strategyAgreementCombo,
            "section47": ui.section47AgreementCombo,
        }
        inspection_id = session.inspection_id
        self._lookback_start = inspection_dates(session.ws, inspection_id).lookback_start
        self.agencies = ChecklistModel(self)
        self.codes: CodedText | None = None  # a saved sample's notes are coded
        self.ui.strategyAgenciesView.setModel(self.agencies)
        self._fill_choices(inspection_id)
        self._wire()
        if sample_id:
            self.setWindowTitle(self.tr("Front door sample %1").replace("%1", self._label()))
            self._fill(session.ws.require("front_door_sample", sample_id))
            self._code_notes(sample_id)
        else:
            self.setWindowTitle(self.tr("Add a front door sample"))
            self.ui.labelEdit.setText(self._next_label(inspection_id))
        self._steps_changed()

    # --- coding the notes ------------------------------------------------------------------
    def _code_notes(self, sample_id: str) -> None:
        """The notes' codes beside them, highlighted in them; Ctrl+M codes the selection."""
        ui = self.ui
        self.codes = CodedText(
            self.session,
            ui.notesEdit,
            source=lambda: ("front_door_sample", sample_id),
            choices=self._coding_choices,
            save_first=self._save_notes,
        )
        self.codes.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        under = QWidget()  # the margin list under the notes: the column is too narrow beside
        ui.judgementForm.replaceWidget(ui.notesEdit, under)
        column = QVBoxLayout(under)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(ui.notesEdit)
        column.addWidget(self.codes)
        QWidget.setTabOrder(ui.notesEdit, self.codes.view)
        QWidget.setTabOrder(self.codes.view, ui.lookbackReasonEdit)
        self.codes.reload()

    def _coding_choices(self):
        """The sample's source organisation and strategy partners are ticked first."""
        ws, inspection_id = self.session.ws, self.session.inspection_id
        named = [self.ui.sourceAgencyCombo.currentData(), *self.agencies.checked_ids()]
        return (
            criterion_choices(ws, inspection_id),
            agency_choices(ws, inspection_id),
            list(dict.fromkeys(a for a in named if a)),
        )

    def _save_notes(self) -> bool:
        """Save the notes as typed (only them), so a passage is coded in the stored text."""
        sample_id, text = self.sample_id, self.ui.notesEdit.toPlainText()
        stored = (self.session.ws.get("front_door_sample", sample_id or "") or {}).get("notes")
        if sample_id is None or text[:1].isspace():
            return False
        if (stored or "") != text.strip():
            notes = {"notes": text.strip() or None}
            saved = try_edit(
                self,
                self.session,
                lambda ws: front_door.update_sample(ws, sample_id, notes),
            )
            if saved is None:
                return False
        return True

    # --- choices ---------------------------------------------------------------------------
    def _fill_choices(self, inspection_id: str) -> None:
        ws, ui = self.session.ws, self.ui
        ui.childCombo.addItem(self.tr("None named"), None)
        for child in ws.rows("child", inspection_id, order_by="pseudonym"):
            ui.childCombo.addItem(child["pseudonym"], child["id"])
        _choices(ui.sourceKindCombo, SOURCE_KINDS, self.tr("Choose…"))
        # Display order: the MASH, the police and the ICB lead, as in every organisation list.
        agencies = organisations(ws, inspection_id)
        ui.sourceAgencyCombo.addItem(self.tr("None"), None)
        for agency in agencies:
            ui.sourceAgencyCombo.addItem(agency["name"], agency["id"])
        self.agencies.set_choices((a["id"], a["name"]) for a in agencies)
        _choices(ui.thresholdCombo, THRESHOLD_DECISIONS, self.tr("Not recorded"))
        for combo in (
            ui.decisionAgreementCombo,
            ui.strategyAgreementCombo,
            ui.section47AgreementCombo,
        ):
            _choices(combo, AGREEMENT_CHOICES, self.tr("Not judged yet"))
        _choices(ui.seenCombo, SEEN_CHOICES, self.tr("Not recorded"))
        scale = theme_pack(ws, inspection_id).rating_scale
        ui.qualityCombo.addItem(self.tr("Not rated"), None)
        for level in scale.levels if scale else ():
            ui.qualityCombo.addItem(level, level)
        ui.qualityCombo.setEnabled(scale is not None)
        today = QDate.currentDate()
        for step in ("contact", *OPTIONAL_STEPS, "seen"):
            # No maximum date: typing a day first would pass through dates after today. A
            # date in the future is refused, with today named, when the sample is saved.
            self._dates[step].setDate(today)

    def _next_label(self, inspection_id: str) -> str:
        taken = {r["label"] for r in front_door.samples(self.session.ws, inspection_id)}
        n = len(taken) + 1
        while f"FD-{n:02d}" in taken:
            n += 1
        return f"FD-{n:02d}"

    def _label(self) -> str:
        row = self.session.ws.get("front_door_sample", self.sample_id) or {}
        return row.get("label") or ""

    def _wire(self) -> None:
        ui = self.ui
        for step in OPTIONAL_STEPS:
            self._done[step].toggled.connect(self._steps_changed)
        ui.seenCombo.currentIndexChanged.connect(self._steps_changed)
        for step in ("contact", *OPTIONAL_STEPS, "seen"):
            self._dates[step].dateChanged.connect(self._show_date_hint)

    def _steps_changed(self) -> None:
        """A step's date and time can be edited only once the step is ticked as done."""
        ui = self.ui
        for step in OPTIONAL_STEPS:
            done = self._done[step].isChecked()
            self._dates[step].setEnabled(done)
            self._times[step].setEnabled(done)
        seen = ui.seenCombo.currentData() == "yes"
        ui.seenDateEdit.setEnabled(seen)
        ui.seenTimeEdit.setEnabled(seen)
        self._show_date_hint()

    def _show_date_hint(self) -> None:
        old = [
            edit
            for edit in self._date_edits()
            if edit.isEnabled() and edit.date().toPython() < self._lookback_start
        ]
        self.ui.datesHint.setText(
            self.tr(
                "A date is before the look-back, which starts on %1: give the reason for "
                "recording older history."
            ).replace("%1", local_date(self._lookback_start))
            if old
            else ""
        )
        self.ui.datesHint.setVisible(bool(old))

    def _date_edits(self):
        return list(self._dates.values())

    # --- reading a sample ------------------------------------------------------------------
    def _fill(self, row: dict) -> None:
        ui = self.ui
        ui.labelEdit.setText(row["label"] or "")
        _select(ui.childCombo, row["child_id"])
        _select(ui.sourceKindCombo, row["source_kind"])
        _select(ui.sourceAgencyCombo, row["source_agency_id"])
        ui.sourceRoleEdit.setText(row["source_role"] or "")
        _select(ui.thresholdCombo, row["threshold_decision"])
        ui.decisionByEdit.setText(row["decision_by"] or "")
        for step in ("decision", "strategy", "section47"):
            _select(self._agreements[step], row[f"{step}_agreement"])
        _select(ui.seenCombo, row["child_seen"])
        _select(ui.qualityCombo, row["quality"])
        ui.notesEdit.setPlainText(row["notes"] or "")
        ui.lookbackReasonEdit.setText(row["lookback_reason"] or "")
        self.agencies.set_checked(row["strategy_agencies"] or [])
        for step in ("contact", *OPTIONAL_STEPS, "seen"):
            if row[f"{step}_date"]:
                day = qdate(row[f"{step}_date"])
                self._dates[step].setDate(day)
                self._times[step].setText(row[f"{step}_time"] or "")
                if step in OPTIONAL_STEPS:
                    self._done[step].setChecked(True)

    def values(self) -> dict:
        """What the form says, as the services take it."""
        ui = self.ui
        values = {
            "label": ui.labelEdit.text(),
            "child_id": ui.childCombo.currentData(),
            "source_kind": ui.sourceKindCombo.currentData(),
            "source_agency_id": ui.sourceAgencyCombo.currentData(),
            "source_role": ui.sourceRoleEdit.text(),
            "threshold_decision": ui.thresholdCombo.currentData(),
            "decision_by": ui.decisionByEdit.text(),
            "decision_agreement": ui.decisionAgreementCombo.currentData(),
            "strategy_agreement": ui.strategyAgreementCombo.currentData(),
            "section47_agreement": ui.section47AgreementCombo.currentData(),
            "strategy_agencies": self.agencies.checked_ids(),
            "child_seen": ui.seenCombo.currentData(),
            "quality": ui.qualityCombo.currentData(),
            "notes": ui.notesEdit.toPlainText().strip() or None,
            "lookback_reason": ui.lookbackReasonEdit.text().strip() or None,
        }
        for step in ("contact", *OPTIONAL_STEPS, "seen"):
            done = self._dates[step].isEnabled()
            day = iso_date(self._dates[step].date())
            values[f"{step}_date"] = day if done else None
            values[f"{step}_time"] = self._times[step].text() if done else None
        if not ui.strategyCheck.isChecked():
            values["strategy_agencies"] = []
        return values

    def accept(self) -> None:
        values, sample_id = self.values(), self.sample_id
        inspection_id = self.session.inspection_id
        changes = try_edit(
            self,
            self.session,
            (lambda ws: front_door.update_sample(ws, sample_id, values))
            if sample_id
            else (lambda ws: front_door.add_sample(ws, inspection_id, values)),
        )
        if changes is None:
            return
        self.saved_id = sample_id or changes.entity_id
        super().accept()


def _choices(combo: QComboBox, choices: dict[str, str], none_text: str) -> None:
    combo.addItem(none_text, None)
    for value, text in choices.items():
        combo.addItem(combo.tr(text), value)


def _select(combo: QComboBox, value) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


def open_sample_dialog(
    session,
    parent: QWidget,
    on_saved: Callable[[str], None] | None = None,
    sample_id: str | None = None,
) -> FrontDoorSampleDialog:
    """Open the dialog (window-modal, not blocking); ``on_saved`` gets the sample's id."""
    dialog = FrontDoorSampleDialog(session, parent, sample_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.accepted.connect(lambda: on_saved(dialog.saved_id or ""))
    dialog.open()
    return dialog
