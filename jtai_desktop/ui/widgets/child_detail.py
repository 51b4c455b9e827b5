"""One child at a glance: details, summary, timeline of key events, the area's own audit and
how far the case review has got for each agency."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.record_types import ChildRow
from ...services import children, reviews
from ...services.children import involved_agencies
from ..dialogs.child_dialog import open_child_dialog
from ..dialogs.event_dialog import open_event_dialog
from ..errors import try_edit
from ..models.children import TimelineModel, age_band_labels, completeness_text, selection_labels
from ..models.roles import RecordIdRole
from ..views import on_delete_key
from .audit_evaluation import AuditEvaluationWidget
from .autosave import AutosavedText


class ChildDetail(QWidget):
    """Shows the child set with ``set_child``; every edit goes through the services."""

    review_requested = Signal(str)  # child id

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.child_id: str | None = None
        self._build_header()
        self._build_summary()
        self._build_timeline()
        self.audit = AuditEvaluationWidget(session)
        self.audit.setTitle(self.tr("The area's multi-agency audit"))
        self.audit.setToolTip(
            self.tr("Each organisation's own audit is evaluated in the case review.")
        )
        self.progress_box = QGroupBox(self.tr("Case review: observations written"))
        self.progress_form = QFormLayout(self.progress_box)
        self._lay_out()
        self.set_child(None)

    # --- building ----------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.pseudonym = QLabel()
        font = self.pseudonym.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)  # relative, so it follows the system font
        font.setBold(True)
        self.pseudonym.setFont(font)
        self.pseudonym.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.agencies = QLabel()
        self.agencies.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Ed&it child…"))
        self.edit_button.setToolTip(
            self.tr("Change the pseudonym, selection, agencies or identifying details")
        )
        self.edit_button.clicked.connect(self.edit_child)
        self.review_button = QPushButton(self.tr("Re&view this case"))
        self.review_button.setToolTip(self.tr("Open the case review of this child"))
        self.review_button.clicked.connect(self._ask_for_review)

    def _build_summary(self) -> None:
        self.summary = AutosavedText(lines=4)
        self.summary.setAccessibleName(self.tr("Summary of the child's case"))
        self.summary.commit.connect(self._save_summary)
        self.summary_label = QLabel(self.tr("&Summary:"))
        self.summary_label.setBuddy(self.summary)

    def _build_timeline(self) -> None:
        self.timeline_model = TimelineModel(self)
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setAccessibleName(self.tr("Timeline of key events"))
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setTabKeyNavigation(False)
        self.timeline.verticalHeader().hide()
        self.timeline.setWordWrap(False)
        self.timeline.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.timeline.setMinimumHeight((self.fontMetrics().height() + 8) * 7)
        self.timeline_label = QLabel(self.tr("Timeline of &key events:"))
        self.timeline_label.setBuddy(self.timeline)
        self.add_event_button = QPushButton(self.tr("Add even&t…"))
        self.add_event_button.setToolTip(
            self.tr(
                "Add a contact, referral, strategy discussion or other key event to the timeline"
            )
        )
        self.add_event_button.clicked.connect(self.add_event)
        self.timeline.setToolTip(
            self.tr(
                "Enter or double-click: correct the event. Delete: remove it (Undo brings it back)."
            )
        )
        self.timeline.activated.connect(lambda index: self.edit_event(index.data(RecordIdRole)))
        on_delete_key(self.timeline, self.delete_current_event)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        timeline_head = QHBoxLayout()
        timeline_head.addWidget(self.timeline_label, 1)
        timeline_head.addWidget(self.add_event_button)
        layout = QVBoxLayout(self)
        for widget in (self.pseudonym, self.facts, self.agencies):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.summary)
        layout.addLayout(timeline_head)
        layout.addWidget(self.timeline)
        layout.addWidget(self.audit)
        layout.addWidget(self.progress_box)
        layout.addStretch(1)
        order = (
            self.edit_button,
            self.review_button,
            self.summary,
            self.add_event_button,
            self.timeline,
            self.audit.area_summary,
            self.audit.agreement,
            self.audit.evaluation,
        )
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)

    # --- showing -----------------------------------------------------------------------------
    def set_child(self, child_id: str | None) -> None:
        if child_id == self.child_id and child_id is not None:
            return
        self.flush()
        self.child_id = child_id
        for widget in (
            self.edit_button,
            self.review_button,
            self.summary,
            self.add_event_button,
            self.timeline,
        ):
            widget.setEnabled(child_id is not None)
        self.audit.set_child(child_id)
        self.reload()

    def reload(self) -> None:
        child = self.session.ws.get("child", self.child_id) if self.child_id else None
        if self.child_id and child is None:  # deleted, e.g. by undoing its creation
            self.set_child(None)
            return
        self._show_details(child)
        self._show_timeline(child)
        self._show_progress()

    def on_changed(self, entity: str, record_id: str) -> None:
        if self.child_id is None:
            return
        if entity in ("child", "agency"):
            self.reload()
        elif entity == "event":
            self._show_timeline(self.session.ws.get("child", self.child_id))
        elif entity == "audit_eval":
            self.audit.reload()
        elif entity == "review":
            self._show_progress()

    def flush(self) -> None:
        """Save any text typed but not yet saved."""
        self.summary.flush()
        self.audit.flush()

    def _ask_for_review(self) -> None:
        if self.child_id:
            self.review_requested.emit(self.child_id)

    def _show_details(self, child: ChildRow | None) -> None:
        if child is None:
            self.pseudonym.setText(self.tr("No child selected"))
            for label in (self.facts, self.agencies):
                label.setText("")
            self.summary.set_stored(None)
            return
        self.pseudonym.setText(child["pseudonym"])
        facts = [
            selection_labels().get(child["selection"], ""),
            age_band_labels().get(child["age_band"] or "", ""),
        ]
        if child["case_ref"]:
            facts.append(self.tr("area's case reference %1").replace("%1", child["case_ref"]))
        self.facts.setText(" · ".join(f for f in facts if f))
        names = [a["name"] for a in involved_agencies(self.session.ws, child)]
        self.agencies.setText(
            self.tr("Agencies involved: %1").replace(
                "%1", ", ".join(names) or self.tr("none recorded")
            )
        )
        self.summary.set_stored(child["summary"])

    def _show_timeline(self, child: ChildRow | None) -> None:
        if child is None:
            self.timeline_model.set_events([], {})
            return
        names = {a["id"]: a["name"] for a in self.session.ws.rows("agency", child["inspection_id"])}
        self.timeline_model.set_events(children.timeline(self.session.ws, child["id"]), names)

    def _show_progress(self) -> None:
        while self.progress_form.rowCount():
            self.progress_form.removeRow(0)
        if self.child_id is None:
            return
        done = reviews.review_completeness(self.session.ws, self.child_id)
        child = self.session.ws.get("child", self.child_id)
        for agency in involved_agencies(self.session.ws, child):
            counts = done.get(agency["id"])
            if counts is not None:
                self.progress_form.addRow(agency["name"], self._bar(agency["name"], counts))
        total = completeness_text(
            sum(c.done for c in done.values()), sum(c.expected for c in done.values())
        )
        self.progress_box.setTitle(
            self.tr("Case review: observations written (%1)").replace("%1", total)
        )

    def _bar(self, name: str, counts) -> QProgressBar:
        bar = QProgressBar()
        bar.setRange(0, max(counts.expected, 1))
        bar.setValue(counts.done)
        text = completeness_text(counts.done, counts.expected)
        bar.setFormat(text)
        bar.setAccessibleName(
            self.tr("%1: %2 observations written").replace("%1", name).replace("%2", text)
        )
        return bar

    def select_event(self, event_id: str) -> None:
        model = self.timeline_model
        for row in range(model.rowCount()):
            if model.index(row, 0).data(RecordIdRole) == event_id:
                self.timeline.selectRow(row)
                self.timeline.scrollTo(model.index(row, 0))
                return

    # --- editing -----------------------------------------------------------------------------
    def _save_summary(self, text: str) -> None:
        child_id = self.child_id
        if child_id:
            try_edit(
                self, self.session, lambda ws: children.update_child(ws, child_id, summary=text)
            )

    def edit_child(self) -> None:
        if self.child_id:
            self.flush()
            open_child_dialog(self.session, self.child_id, self)

    def add_event(self) -> None:
        if self.child_id:
            open_event_dialog(self.session, self.child_id, self, self.select_event)

    def edit_event(self, event_id: str | None) -> None:
        if self.child_id and event_id:
            open_event_dialog(self.session, self.child_id, self, self.select_event, event_id)

    def delete_current_event(self) -> None:
        event_id = self.timeline.currentIndex().data(RecordIdRole)
        if event_id and try_edit(
            self, self.session, lambda ws: children.delete_event(ws, event_id)
        ):
            self.timeline.setFocus()
