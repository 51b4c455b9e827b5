"""The inspector's evaluation of the area's own audit of a case.

Did the area see what the inspector saw? The widget keeps what the area's audit said, how
far the inspector agrees, and the inspector's own evaluation; every change saves itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QWidget,
)

from ...services import reviews
from ..errors import try_edit
from ..models.children import agreement_labels
from .autosave import AutosavedText


class AuditEvaluationWidget(QGroupBox):
    """The area's own audit of one child's case and the inspector's view of it."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(self.tr("The area's own audit"), parent)
        self.session = session
        self.child_id: str | None = None
        self.agency_id: str | None = None  # whose audit: None is the multi-agency audit
        self.area_summary = AutosavedText(lines=3)
        self.area_summary.setAccessibleName(self.tr("What the area's audit said"))
        self.agreement = QComboBox()
        self.agreement.setAccessibleName(self.tr("Agreement with the area's audit"))
        self.agreement.setPlaceholderText(self.tr("Not yet evaluated"))
        self.agreement.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for value, label in agreement_labels().items():
            self.agreement.addItem(label, value)
        self.evaluation = AutosavedText(lines=3)
        self.evaluation.setAccessibleName(self.tr("Your evaluation of the area's audit"))
        self._lay_out()
        self.area_summary.commit.connect(lambda text: self._save(area_summary=text))
        self.evaluation.commit.connect(lambda text: self._save(evaluation=text))
        self.agreement.activated.connect(
            lambda index: self._save(agreement=self.agreement.itemData(index))
        )

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # fits a narrow panel
        # Mnemonics chosen not to clash with the menus (F, E, G, H) or the pages around.
        rows = (
            (self.tr("What the area's a&udit said:"), self.area_summary),
            (self.tr("Ag&reement:"), self.agreement),
            (self.tr("Your evaluati&on:"), self.evaluation),
        )
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.setTabOrder(self.area_summary, self.agreement)
        self.setTabOrder(self.agreement, self.evaluation)

    def set_child(self, child_id: str | None) -> None:
        self.flush()
        self.child_id = child_id
        self.setEnabled(child_id is not None)
        self.reload()

    def reload(self) -> None:
        row = (
            reviews.audit_evaluation(self.session.ws, self.child_id, self.agency_id)
            if self.child_id
            else None
        )
        self.area_summary.set_stored(row["area_summary"] if row else None)
        self.evaluation.set_stored(row["evaluation"] if row else None)
        self.agreement.setCurrentIndex(self.agreement.findData(row["agreement"] if row else None))

    def flush(self) -> None:
        self.area_summary.flush()
        self.evaluation.flush()

    def _save(self, **values) -> None:
        child_id, agency_id = self.child_id, self.agency_id
        if child_id is None:
            return
        try_edit(
            self,
            self.session,
            lambda ws: reviews.set_audit_evaluation(ws, child_id, agency_id=agency_id, **values),
        )
