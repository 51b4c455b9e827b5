"""Case review page: one child's case against the theme's criteria, one tab per organisation
involved, the inspector's evaluation of the area's own audits of the case (per organisation
that audited, and the multi-agency audit), and the child's journey."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
)

from ...domain.record_types import ChildRow
from ...domain.rules import pseudonym_key
from ...services import reviews
from ...services.children import involved_agencies
from ...services.inspections import theme_pack
from ..models.children import age_band_labels, completeness_text, selection_labels
from ..views import placeholder_label
from ..widgets.journey_view import JourneyView
from ..widgets.organisation_audits import OrganisationAudits
from ..widgets.review_grid import AgencyReview
from .base import Page

JOURNEY_SHORTCUT = "Ctrl+J"
# Changes that the journey shows: any of them reloads it while it is on screen.
JOURNEY_ENTITIES = ("review", "event", "audit_eval", "note", "evidence", "link", "child", "agency")


class CaseReviewPage(Page):
    key = "reviews"

    jump_requested = Signal(str, str)  # entity, id: a journey entry opened on its own page

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.child_id: str | None = None
        self._agency_ids: tuple[str, ...] = ()
        self._build_picker()
        self._open_first = QTimer(self)
        self._open_first.setSingleShot(True)
        self._open_first.timeout.connect(self._open_first_child)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.overall = QLabel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab)
        self.audit = OrganisationAudits(session)
        self.audit_tab = self.audit
        self.journey = JourneyView(session)
        self.journey.open_requested.connect(self._open_entry)
        self.journey_tab = self.journey
        action = QAction(self.tr("Journey"), self)
        action.setShortcut(QKeySequence(JOURNEY_SHORTCUT))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.show_journey)
        self.addAction(action)
        self.placeholder = placeholder_label(
            self.tr(
                "No children yet. Add the children whose cases you look at on the Children page."
            )
        )
        self._lay_out()

    def _build_picker(self) -> None:
        self.picker = QComboBox()
        self.picker.setEditable(True)  # type a pseudonym to find the child
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.setAccessibleName(self.tr("Child"))
        self.picker.setToolTip(self.tr("Choose a child, or type part of a pseudonym"))
        self.picker.setMinimumContentsLength(16)
        completer = self.picker.completer()
        if completer is not None:  # an editable combo box has one
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.picker.activated.connect(self._on_picked)
        self.picker_label = QLabel(self.tr("&Child:"))
        self.picker_label.setBuddy(self.picker)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.picker_label)
        top.addWidget(self.picker)
        top.addWidget(self.facts, 1)
        top.addWidget(self.overall)
        self.body = QStackedWidget()
        self.body.addWidget(self.tabs)
        self.body.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)

    # --- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.inspection_id is None or not self.isVisible():
            return  # a hidden page reloads when it is shown
        self._fill_picker()
        child = self.session.ws.get("child", self.child_id) if self.child_id else None
        if child is None or child["inspection_id"] != self.session.inspection_id:
            # Open the first child on the next turn of the event loop, unless a caller asks
            # for a particular child first (as the Children page's "Review this case" does).
            self._open(None)
            self._open_first.start(0)
        else:
            self._reload_child(child)

    def _fill_picker(self) -> None:
        inspection_id = self.session.inspection_id
        children = sorted(
            self.session.ws.rows("child", inspection_id) if inspection_id else [],
            key=lambda c: pseudonym_key(c["pseudonym"]),
        )
        self.picker.blockSignals(True)
        self.picker.clear()
        for child in children:
            self.picker.addItem(child["pseudonym"], child["id"])
        self.picker.setCurrentIndex(self.picker.findData(self.child_id) if self.child_id else -1)
        self.picker.blockSignals(False)

    def show_child(self, child_id: str) -> None:
        """Open one child's case review (e.g. from the Children page)."""
        child = self.session.ws.get("child", child_id)
        if child is None:
            return
        self._open_first.stop()
        if self.picker.findData(child_id) < 0:
            self._fill_picker()
        if child_id != self.child_id:
            self._open(child_id)
        self.picker.setCurrentIndex(self.picker.findData(child_id))

    def show_record(self, entity: str, record_id: str) -> None:
        """A case review, or a child's case review (``entity`` "child")."""
        if entity == "child":
            self.show_child(record_id)
            return
        review = self.session.ws.get("review", record_id) if entity == "review" else None
        if review is None:
            return
        self.show_child(review["child_id"])
        for index in range(self.tabs.count()):
            panel = self.tabs.widget(index)
            if isinstance(panel, AgencyReview) and panel.agency["id"] == review["agency_id"]:
                self.tabs.setCurrentIndex(index)
                panel.reveal(review["criterion_id"])
                return

    def _open_first_child(self) -> None:
        if self.child_id is None and self.picker.count():
            self._open(self.picker.itemData(0))

    def _on_picked(self, index: int) -> None:
        child_id = self.picker.itemData(index)
        if child_id and child_id != self.child_id:
            self._open(child_id)

    def _open(self, child_id: str | None) -> None:
        """Show one child: a tab per agency involved, built when first shown."""
        self.flush()
        keep_kind = self._current_agency_kind()
        self.child_id = child_id
        self._clear_tabs()
        child = self.session.ws.get("child", child_id) if child_id else None
        self.body.setCurrentWidget(self.tabs if child or self.picker.count() else self.placeholder)
        self.picker.setCurrentIndex(self.picker.findData(child_id) if child_id else -1)
        if child is None:
            self.audit.set_child(None, [])
            self.journey.set_child(None)
            self.facts.clear()
            self.overall.clear()
            return
        self._add_tabs(child, keep_kind)
        self._show_facts(child)
        self._show_completeness()

    def _add_tabs(self, child: ChildRow, keep_kind: str | None) -> None:
        pack = theme_pack(self.session.ws, child["inspection_id"])
        agencies = involved_agencies(self.session.ws, child)
        self._agency_ids = tuple(a["id"] for a in agencies)
        sampled = child["selection"] != "tracked"
        self.tabs.blockSignals(True)
        chosen = 0
        for number, agency in enumerate(agencies):
            panel = AgencyReview(
                self.session, child["id"], agency, pack, self.tabs.tabBar(), sampled=sampled
            )
            self.tabs.addTab(panel, agency["name"])
            if agency["kind"] == keep_kind:
                chosen = number
        self.audit.set_child(child["id"], agencies)
        self.tabs.addTab(self.audit_tab, self.tr("The area's own audits"))
        self.journey.set_child(child["id"])
        self.tabs.addTab(self.journey_tab, self.tr("Journey"))
        self.tabs.setTabToolTip(
            self.tabs.count() - 1,
            self.tr("Everything about the case, by organisation, in date order (%1)").replace(
                "%1", JOURNEY_SHORTCUT
            ),
        )
        self.tabs.setCurrentIndex(chosen)
        self.tabs.blockSignals(False)
        self._on_tab(chosen)

    def _clear_tabs(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None and widget not in (self.audit_tab, self.journey_tab):
                widget.deleteLater()
        self.tabs.blockSignals(False)
        self._agency_ids = ()

    def _current_agency_kind(self) -> str | None:
        panel = self.tabs.currentWidget()
        return panel.agency["kind"] if isinstance(panel, AgencyReview) else None

    def _on_tab(self, index: int) -> None:
        panel = self.tabs.widget(index)
        if isinstance(panel, AgencyReview):
            panel.ensure_built()
        elif panel is self.journey_tab:
            self.journey.reload()

    def show_journey(self) -> None:
        """The child's journey tab, with the cursor in it (Ctrl+J)."""
        if self.child_id is not None:
            self.tabs.setCurrentWidget(self.journey_tab)
            self.journey.table.setFocus()

    def _open_entry(self, entity: str, record_id: str) -> None:
        if entity == "review":
            self.show_record(entity, record_id)
        else:
            self.jump_requested.emit(entity, record_id)

    def _show_facts(self, child: ChildRow) -> None:
        facts = [
            selection_labels().get(child["selection"], child["selection"]),
            age_band_labels().get(child["age_band"] or "", ""),
        ]
        self.facts.setText(" · ".join(f for f in facts if f))

    def _show_completeness(self) -> None:
        """Observations written out of the criteria that apply, per agency and in all."""
        if self.child_id is None:
            return
        counts = reviews.review_completeness(self.session.ws, self.child_id)
        for index in range(self.tabs.count()):
            panel = self.tabs.widget(index)
            if isinstance(panel, AgencyReview) and panel.agency["id"] in counts:
                done = counts[panel.agency["id"]]
                panel.show_counts(done.done, done.expected)
                self.tabs.setTabText(
                    index, f"{panel.agency['name']} ({completeness_text(done.done, done.expected)})"
                )
        total = completeness_text(
            sum(c.done for c in counts.values()), sum(c.expected for c in counts.values())
        )
        self.overall.setText(self.tr("Observations written: %1").replace("%1", total))

    def _reload_child(self, child: ChildRow) -> None:
        if tuple(a["id"] for a in involved_agencies(self.session.ws, child)) != self._agency_ids:
            self.child_id = None  # the agencies changed: rebuild the tabs
            self._open(child["id"])
            return
        self._show_facts(child)
        for panel in self._panels():
            panel.reload()
        self.audit.reload()
        if self.tabs.currentWidget() is self.journey_tab:
            self.journey.reload()
        self._show_completeness()

    def _panels(self) -> list[AgencyReview]:
        return [
            w
            for w in map(self.tabs.widget, range(self.tabs.count()))
            if isinstance(w, AgencyReview)
        ]

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.flush()  # leaving the page (or closing the window) keeps what was typed
        super().hideEvent(event)

    def flush(self) -> None:
        """Save any observation typed but not yet saved."""
        for panel in self._panels():
            panel.flush()
        self.audit.flush()

    # --- changes from edits, undo and sync -----------------------------------------------------
    def on_changed(self, entity: str, record_id: str) -> None:
        if self.child_id is None or self.session.inspection_id is None or not self.isVisible():
            return  # a hidden page reloads when it is shown
        if entity == "review":
            self._review_changed(record_id)
        elif entity in ("link", "evidence"):
            for panel in self._panels():
                panel.reload_evidence()
        elif entity == "audit_eval":
            self.audit.reload()
        elif entity in ("child", "agency"):
            self.refresh()
        if entity in JOURNEY_ENTITIES and self.tabs.currentWidget() is self.journey_tab:
            self.journey.reload()

    def _review_changed(self, record_id: str) -> None:
        review = self.session.ws.get("review", record_id)
        if review is not None and review["child_id"] != self.child_id:
            return
        for panel in self._panels():
            editor = panel.editor_for_review(record_id)
            if editor is not None:
                editor.load_review(review)
        self._show_completeness()
