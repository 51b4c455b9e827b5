"""The criteria judged once for the area, for one organisation: the same editor as a case
review's (observation, strength or concern, the internal rating, evidence), saving an area
review instead of a child's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain.record_types import AgencyRow
from ...domain.theme_model import Criterion, ThemePack
from ...services import area_reviews, evidence
from ...services.changes import ChangeSet
from ...services.ids import area_review_id
from ...services.reviews import review_evidence
from ..errors import try_edit
from ..models.children import completeness_text
from .review_grid import CriterionEditor

LINK_KIND = "area_review"


class AreaCriterionEditor(CriterionEditor):
    """One area-level criterion for one organisation."""

    CODED_KIND = LINK_KIND

    def __init__(
        self, session, agency: AgencyRow, criterion: Criterion, pack: ThemePack, parent=None
    ):
        super().__init__(session, "", agency, criterion, pack.rating_scale, parent)
        self.review_id = area_review_id(session.inspection_id, criterion.id, agency["id"])
        self.observation.setPlaceholderText(
            self.tr("What did you find about %1, across the area?").replace("%1", agency["name"])
        )

    def _save(self, review) -> None:
        inspection_id, criterion_id, agency_id = (
            self.session.inspection_id,
            self.criterion.id,
            self.agency["id"],
        )
        values = area_reviews.AreaReviewInput(**review.values())
        try_edit(
            self,
            self.session,
            lambda ws: area_reviews.set_area_review(
                ws, inspection_id, criterion_id, agency_id, values
            ),
        )

    def _link(self, ws, evidence_ids: list[str]) -> ChangeSet:
        changes = ChangeSet(self.tr("Link evidence"), ())
        if ws.get(LINK_KIND, self.review_id) is None:
            changes += area_reviews.set_area_review(
                ws,
                self.session.inspection_id,
                self.criterion.id,
                self.agency["id"],
                area_reviews.AreaReviewInput(),
            )
        for evidence_id in evidence_ids:
            changes += evidence.link(ws, evidence_id, LINK_KIND, self.review_id)
        return changes

    def unlink(self, evidence_id: str) -> None:
        review = self.review_id
        try_edit(self, self.session, lambda ws: evidence.unlink(ws, evidence_id, LINK_KIND, review))


class AreaOrganisationPanel(QScrollArea):
    """One organisation's area-level criteria, under their strands' titles."""

    def __init__(self, session, agency: AgencyRow, pack: ThemePack, criteria, parent=None):
        super().__init__(parent)
        self.session, self.agency = session, agency
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Judged for the area: %1").replace("%1", agency["name"]))
        body = QWidget()
        layout = QVBoxLayout(body)
        self.header = QLabel()
        layout.addWidget(self.header)
        self.editors: dict[str, AreaCriterionEditor] = {}
        strand = None
        for criterion in criteria:
            if criterion.strand != strand:
                strand = criterion.strand
                heading = QLabel(pack.strand(strand).title)
                font = heading.font()
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.1)
                heading.setFont(font)
                heading.setToolTip(pack.strand(strand).description)
                layout.addWidget(heading)
            editor = AreaCriterionEditor(session, agency, criterion, pack)
            self.editors[criterion.id] = editor
            layout.addWidget(editor)
        layout.addStretch(1)
        self.setWidget(body)

    def reload(self, reviews: dict) -> None:
        linked = review_evidence(
            self.session.ws,
            self.session.inspection_id,
            [e.review_id for e in self.editors.values()],
        )
        for criterion_id, editor in self.editors.items():
            editor.load_review(reviews.get((self.agency["id"], criterion_id)))
            editor.load_evidence(linked[editor.review_id])

    def show_counts(self, written: int, expected: int) -> None:
        self.header.setText(
            self.tr("Written for %1: %2")
            .replace("%1", self.agency["name"])
            .replace("%2", completeness_text(written, expected))
        )

    def reveal(self, criterion_id: str) -> None:
        editor = self.editors.get(criterion_id)
        if editor is not None:
            self.ensureWidgetVisible(editor, 0, 0)
            editor.observation.setFocus()

    def flush(self) -> None:
        for editor in self.editors.values():
            editor.flush()
