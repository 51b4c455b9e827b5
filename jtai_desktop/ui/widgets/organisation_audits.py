"""The area's own audits of one child's case: each organisation that audited its part, and
the partnership's multi-agency audit, each with the inspector's evaluation of it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain.record_types import Row
from .audit_evaluation import AuditEvaluationWidget


class OrganisationAudits(QScrollArea):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.child_id: str | None = None
        self.widgets: dict[str | None, AuditEvaluationWidget] = {}
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("The area's own audits of this case"))

    def set_child(self, child_id: str | None, organisations: Sequence[Row]) -> None:
        """One evaluation per organisation in scope involved with the child, then the
        multi-agency audit (release 0.1's audit evaluations are that one)."""
        self.flush()
        self.child_id = child_id
        self.widgets = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        intro = QLabel(
            self.tr(
                "Each organisation audits its own part of the case, and the partnership may "
                "audit it together. Did each audit see what you saw?"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        previous = None
        for organisation in [o for o in organisations if o["in_scope"]] + [None]:
            widget = AuditEvaluationWidget(self.session)
            widget.setTitle(
                self.tr("%1's own audit").replace("%1", organisation["name"])
                if organisation
                else self.tr("The multi-agency audit")
            )
            widget.agency_id = organisation["id"] if organisation else None
            widget.set_child(child_id)
            layout.addWidget(widget)
            if previous is not None:
                QWidget.setTabOrder(previous.evaluation, widget.area_summary)
            previous = widget
            self.widgets[widget.agency_id] = widget
        layout.addStretch(1)
        self.setWidget(body)

    def reload(self) -> None:
        for widget in self.widgets.values():
            widget.reload()

    def flush(self) -> None:
        for widget in self.widgets.values():
            widget.flush()
