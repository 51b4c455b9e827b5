"""The area as a whole: the criteria a JTAI judges once for the area, not in any child's case
(leadership and management, the effectiveness of the safeguarding arrangements, and for some
themes prevention or the places where children are at risk), one tab per organisation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout

from ...services import area_reviews
from ...services.inspections import theme_pack
from ..models.children import completeness_text
from ..widgets.area_grid import AreaOrganisationPanel
from .base import Page

WATCHED = ("area_review", "agency", "inspection", "link", "evidence")


class AreaPage(Page):
    key = "area"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.intro = QLabel(
            self.tr(
                "These criteria are judged once for the area, for each organisation in scope, "
                "from meetings with leaders, the partnership's documents, data and audits. "
                "They are never asked in a child's case."
            )
        )
        self.intro.setWordWrap(True)
        self.overall = QLabel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Organisations"))
        self.empty = QLabel(
            self.tr("The theme pack of this inspection judges nothing once for the area.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.overall)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self._built_for: tuple | None = None

    def refresh(self, organisation_id: str | None = None) -> None:
        """Read the evaluations again: every organisation's, or only ``organisation_id``'s
        (one evaluation autosaved: the other thirteen tabs' fields stay as they are)."""
        inspection_id = self.session.inspection_id
        if inspection_id is None:
            return
        progress = area_reviews.area_progress(self.session.ws, inspection_id)
        shape = (inspection_id, tuple((p.organisation["id"], p.expected) for p in progress))
        if shape != self._built_for:
            self._build(inspection_id, progress)
            self._built_for = shape
            organisation_id = None
        self._reload(inspection_id, progress, organisation_id)

    def _build(self, inspection_id: str, progress) -> None:
        self.flush()
        current = self.current_organisation()
        for panel in self.panels():
            self.tabs.removeTab(self.tabs.indexOf(panel))
            panel.deleteLater()
        pack = theme_pack(self.session.ws, inspection_id)
        for item in progress:
            panel = AreaOrganisationPanel(self.session, item.organisation, pack, item.criteria)
            self.tabs.addTab(panel, item.organisation["name"])
            if item.organisation["id"] == current:
                self.tabs.setCurrentWidget(panel)
        self.tabs.setVisible(bool(progress))
        self.empty.setVisible(not progress)

    def _reload(self, inspection_id: str, progress, organisation_id: str | None) -> None:
        reviews = area_reviews.area_reviews(self.session.ws, inspection_id)
        for index, (item, panel) in enumerate(zip(progress, self.panels(), strict=True)):
            if organisation_id in (None, panel.agency["id"]):
                panel.reload(reviews)
            panel.show_counts(item.written, item.expected)
            self.tabs.setTabText(
                index,
                f"{item.organisation['name']} ({completeness_text(item.written, item.expected)})",
            )
        written = sum(p.written for p in progress)
        expected = sum(p.expected for p in progress)
        self.overall.setText(
            self.tr("Written for the area: %1").replace("%1", completeness_text(written, expected))
        )

    def current_organisation(self) -> str | None:
        panel = self.tabs.currentWidget()
        return panel.agency["id"] if isinstance(panel, AreaOrganisationPanel) else None

    def panels(self) -> list[AreaOrganisationPanel]:
        found = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [panel for panel in found if isinstance(panel, AreaOrganisationPanel)]

    def on_changed(self, entity: str, record_id: str) -> None:
        if entity not in WATCHED:
            return
        if not self.isVisible():
            self.note_hidden_change(entity)
        elif entity == "area_review" and (row := self.session.ws.get("area_review", record_id)):
            self.refresh(row["agency_id"])
        else:
            self.refresh()

    def show_record(self, entity: str, record_id: str) -> None:
        row = self.session.ws.get("area_review", record_id) if entity == "area_review" else None
        if row is None:
            return
        self.refresh()
        for panel in self.panels():
            if panel.agency["id"] == row["agency_id"]:
                self.tabs.setCurrentWidget(panel)
                panel.reveal(row["criterion_id"])
                return

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.flush()
        super().hideEvent(event)

    def flush(self) -> None:
        for panel in self.panels():
            panel.flush()
