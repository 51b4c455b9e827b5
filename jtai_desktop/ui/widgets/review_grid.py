"""The case review of one child for one agency: an editor per criterion of the theme pack.

Built in code because the criteria come from the inspection's theme pack. Each editor saves
itself through the services: the observation after a pause in typing, the ticks and the
rating at once, evidence links when chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.record_types import AgencyRow, EvidenceRow, ReviewRow
from ...domain.review_scope import criteria_offered
from ...domain.themes import Criterion, RatingScale, ThemePack
from ...services import evidence, reviews, sampling
from ...services.evidence import evidence_choices
from ...services.ids import review_id
from ...services.inspections import agency_choices, criterion_choices
from ..dialogs.evidence_picker import pick_evidence
from ..errors import try_edit
from ..models.children import completeness_text
from .autosave import AutosavedText
from .coded_text import CodedText


class CriterionEditor(QFrame):
    """Observation, strength/concern, optional rating and evidence for one criterion."""

    CODED_KIND = "review"  # the record kind whose observation Ctrl+M codes

    def __init__(
        self,
        session,
        child_id: str,
        agency: AgencyRow,
        criterion: Criterion,
        scale: RatingScale | None,
        parent: QWidget | None = None,
        sampled: bool = False,
    ):
        super().__init__(parent)
        self.session, self.child_id, self.agency, self.criterion = (
            session,
            child_id,
            agency,
            criterion,
        )
        self.sampled = sampled  # a sampled child: only criteria looked at count
        self.review_id = review_id(child_id, criterion.id, agency["id"])
        self.linked: list[EvidenceRow] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._build_texts()
        self._build_judgements(scale)
        self._build_evidence()
        self._lay_out()
        self._connect()

    def _build_texts(self) -> None:
        c = self.criterion
        self.title = QLabel(f"{c.id}  {c.title}")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setToolTip(c.description)
        self.description = QLabel(c.description)
        self.description.setWordWrap(True)
        small = self.description.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)  # relative to the system font
        self.description.setFont(small)
        self.description.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.observation = AutosavedText(lines=4)
        self.observation.setPlaceholderText(
            self.tr("What did you see in the case for %1?").replace("%1", self.agency["name"])
        )
        self.observation.setAccessibleName(self.tr("Observation on %1").replace("%1", c.id))
        self.observation.setAccessibleDescription(c.title)
        self.observation.setToolTip(c.description)
        # Ctrl+M codes a passage of the observation; its codes are highlighted in it (the
        # margin list is the note's: a card has no room for one).
        self.codes = CodedText(
            self.session,
            self.observation,
            source=self._coded_source,
            choices=self._coding_choices,
            save_first=self._save_observation,
            parent=self,
            criterion=c.id,
        )
        self.codes.hide()

    def _build_judgements(self, scale: RatingScale | None) -> None:
        self.looked_at = QCheckBox(self.tr("Looked at"))
        self.looked_at.setToolTip(
            self.tr(
                "In a sampled child's case only the criteria you looked at count towards "
                "completeness; tick those you looked at."
            )
        )
        self.looked_at.setAccessibleName(
            self.tr("Looked at %1 in this sample").replace("%1", self.criterion.id)
        )
        if not self.sampled:
            self.looked_at.hide()
        self.strength = QCheckBox(self.tr("Strength"))
        self.strength.setAccessibleName(self.tr("Strength for %1").replace("%1", self.criterion.id))
        self.concern = QCheckBox(self.tr("Concern"))
        self.concern.setAccessibleName(self.tr("Concern for %1").replace("%1", self.criterion.id))
        self.rating = QComboBox()
        # Short, so the row fits a 1024-wide screen; the tooltip says the rest.
        self.rating_label = QLabel(self.tr("Rating (internal):"))
        self.rating_label.setToolTip(
            self.tr("Practice rating: for the team's moderation only, never in the letter")
        )
        self.rating_label.setBuddy(self.rating)
        self.rating.setPlaceholderText(self.tr("Not rated"))
        self.rating.setAccessibleName(
            self.tr("Practice rating for %1 (internal)").replace("%1", self.criterion.id)
        )
        for level in scale.levels if scale else ():
            self.rating.addItem(level, level)
        if scale is None:  # (never show() a widget before it has a parent: it becomes a window)
            self.rating.hide()
            self.rating_label.hide()

    def _build_evidence(self) -> None:
        self.evidence_label = QLabel()
        self.evidence_label.setWordWrap(True)
        self.evidence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_button = QPushButton(self.tr("Link evidence…"))
        self.link_button.setAccessibleName(
            self.tr("Link evidence to %1").replace("%1", self.criterion.id)
        )
        self.unlink_button = QToolButton()
        self.unlink_button.setText(self.tr("Remove link"))
        self.unlink_button.setAccessibleName(
            self.tr("Remove an evidence link from %1").replace("%1", self.criterion.id)
        )
        self.unlink_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.unlink_menu: QMenu | None = None  # made once there is a link: most have none

    def _lay_out(self) -> None:
        judgements = QHBoxLayout()
        for widget in (self.looked_at, self.strength, self.concern):
            judgements.addWidget(widget)
        judgements.addSpacing(self.fontMetrics().horizontalAdvance("MM"))
        judgements.addWidget(self.rating_label)
        judgements.addWidget(self.rating)
        judgements.addSpacing(self.fontMetrics().horizontalAdvance("MM"))
        judgements.addWidget(self.evidence_label, 1)
        judgements.addWidget(self.link_button)
        judgements.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addWidget(self.observation)
        layout.addLayout(judgements)
        order = self.focus_order()
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)

    def focus_order(self) -> tuple[QWidget, ...]:
        return (
            *((self.looked_at,) if self.sampled else ()),
            self.observation,
            self.strength,
            self.concern,
            self.rating,
            self.link_button,
            self.unlink_button,
        )

    def _connect(self) -> None:
        self.observation.commit.connect(
            lambda text: self._save(reviews.ReviewInput(observation=text))
        )
        self.strength.clicked.connect(lambda on: self._save(reviews.ReviewInput(strength=on)))
        self.concern.clicked.connect(lambda on: self._save(reviews.ReviewInput(concern=on)))
        self.rating.activated.connect(
            lambda index: self._save(reviews.ReviewInput(rating=self.rating.itemData(index)))
        )
        self.link_button.clicked.connect(self.link_evidence)
        self.looked_at.clicked.connect(self._mark_looked_at)

    def _coded_source(self) -> tuple[str, str] | None:
        exists = self.session.ws.get(self.CODED_KIND, self.review_id) is not None
        return (self.CODED_KIND, self.review_id) if exists else None

    def _coding_choices(self):
        ws, inspection_id = self.session.ws, self.session.inspection_id
        return (
            criterion_choices(ws, inspection_id),
            agency_choices(ws, inspection_id),
            [self.agency["id"]],
        )

    def _save_observation(self) -> bool:
        self.observation.flush()
        return self.observation.toPlainText() == (
            (self.session.ws.get(self.CODED_KIND, self.review_id) or {}).get("observation") or ""
        )

    # --- showing -----------------------------------------------------------------------------
    def load_review(self, review: ReviewRow | None) -> None:
        self.observation.set_stored(review["observation"] if review else None)
        self.codes.reload()
        self.strength.setChecked(bool(review and review["strength"]))
        self.concern.setChecked(bool(review and review["concern"]))
        rating = review["rating"] if review else None
        self.rating.setCurrentIndex(self.rating.findData(rating) if rating else -1)

    def load_evidence(self, items: list[EvidenceRow]) -> None:
        self.linked = list(items)
        refs = ", ".join(item["ref"] for item in items)
        self.evidence_label.setText(
            self.tr("Evidence: %1").replace("%1", refs) if items else self.tr("No evidence linked")
        )
        self.evidence_label.setToolTip("\n".join(f"{i['ref']}  {i['title']}" for i in items))
        if items and self.unlink_menu is None:
            self.unlink_menu = QMenu(self.unlink_button)
            self.unlink_button.setMenu(self.unlink_menu)
        if self.unlink_menu is not None:
            self.unlink_menu.clear()
            for item in items:
                action = self.unlink_menu.addAction(f"{item['ref']}  {item['title']}")
                action.triggered.connect(
                    lambda _=False, evidence_id=item["id"]: self.unlink(evidence_id)
                )
        self.unlink_button.setEnabled(bool(items))

    def flush(self) -> None:
        self.observation.flush()

    def show_looked_at(self, looked: set[str]) -> None:
        self.looked_at.setChecked(self.criterion.id in looked)

    # --- editing -----------------------------------------------------------------------------
    def _mark_looked_at(self, on: bool) -> None:
        child_id, criterion_id = self.child_id, self.criterion.id
        try_edit(
            self,
            self.session,
            lambda ws: sampling.mark_looked_at(ws, child_id, criterion_id, on),
        )

    def _save(self, review: reviews.ReviewInput) -> None:
        child_id, criterion_id, agency_id = self.child_id, self.criterion.id, self.agency["id"]
        try_edit(
            self,
            self.session,
            lambda ws: reviews.set_review(ws, child_id, criterion_id, agency_id, review),
        )

    def link_evidence(self) -> None:
        linked = {item["id"] for item in self.linked}
        items = evidence_choices(self.session.ws, self.session.inspection_id, linked)
        if not items:
            QMessageBox.information(
                self,
                self.tr("Link evidence"),
                self.tr(
                    "There is no other evidence to link. Log evidence on the Evidence page first."
                ),
            )
            return
        chosen = pick_evidence(
            self,
            items,
            self.tr("Link evidence to %1 for %2")
            .replace("%1", self.criterion.id)
            .replace("%2", self.agency["name"]),
        )
        if chosen:
            self.flush()
            child_id, criterion_id, agency_id = self.child_id, self.criterion.id, self.agency["id"]
            try_edit(
                self,
                self.session,
                lambda ws: reviews.link_evidence(ws, child_id, criterion_id, agency_id, chosen),
            )

    def unlink(self, evidence_id: str) -> None:
        review = self.review_id
        try_edit(self, self.session, lambda ws: evidence.unlink(ws, evidence_id, "review", review))


class AgencyReview(QScrollArea):
    """One agency's tab, built when first shown and then a few criteria per turn of the
    event loop, so opening a child or a tab never holds up the screen."""

    FIRST_BATCH = 2  # the top of the tab at once; the rest follows turn by turn
    BATCH = 1

    def __init__(
        self,
        session,
        child_id: str,
        agency: AgencyRow,
        pack: ThemePack,
        focus_after: QWidget | None = None,
        parent: QWidget | None = None,
        sampled: bool = False,
    ):
        super().__init__(parent)
        self.session, self.child_id, self.agency, self.pack = session, child_id, agency, pack
        self.sampled = sampled
        self._focus_last = focus_after  # Tab goes from here to the first editor, and on
        # Criteria judged per child that apply to this organisation (its kind, service type
        # and scope); those judged once for the area are never asked here.
        self.criteria = criteria_offered(pack, agency)
        self.editors: dict[str, CriterionEditor] = {}
        self.header: QLabel | None = None
        self._counts = (0, len(self.criteria))
        self._pending: list[Criterion] = []
        self._builder = QTimer(self)  # dies with the tab, so no late call reaches a dead one
        self._builder.setSingleShot(True)
        self._builder.timeout.connect(self._build_more)
        self._revealing: str | None = None
        self._revealer = QTimer(self)  # scrolls once the new editors have their places
        self._revealer.setSingleShot(True)
        self._revealer.timeout.connect(self._reveal_now)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the editors; focus scrolls
        self.setAccessibleName(self.tr("Case review for %1").replace("%1", agency["name"]))

    @property
    def built(self) -> bool:
        return self.widget() is not None

    @property
    def complete(self) -> bool:
        return self.built and not self._pending

    def ensure_built(self) -> None:
        """Start building the tab (the first criteria at once, the rest turn by turn)."""
        if not self.built:
            self._start()

    def reveal(self, criterion_id: str) -> None:
        """Scroll to a criterion and put the cursor in its observation, once it is built."""
        self._revealing = criterion_id
        self.ensure_built()
        if criterion_id in self.editors:
            self._revealer.start(0)

    def _reveal_now(self) -> None:
        editor = self.editors.get(self._revealing or "")
        if editor is None:
            return
        self._revealing = None
        # Lay out the editors just added and let the scroll area size them now, so the
        # editor is where it will stay before scrolling to it.
        self._layout.activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))
        self.ensureWidgetVisible(editor, 0, 0)
        editor.observation.setFocus()

    def _start(self) -> None:
        body = QWidget()
        self._layout = QVBoxLayout(body)
        self.header = QLabel()
        self._layout.addWidget(self.header)
        self.show_counts(*self._counts)
        if not self.criteria:
            out = not self.agency.get("in_scope", 1)
            self._layout.addWidget(
                QLabel(
                    (
                        self.tr("%1 is out of scope: nothing is reviewed for it.")
                        if out
                        else self.tr("No criterion of this theme applies to %1.")
                    ).replace("%1", self.agency["name"])
                )
            )
        self._layout.addStretch(1)
        self._pending = list(self.criteria)
        self.setWidget(body)  # first, so the editors join the window's Tab order
        self._build(self.FIRST_BATCH)

    def _build_more(self) -> None:
        if self.isVisible():  # a tab put aside (or a closed window) builds no further for now
            self._build(self.BATCH)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if self._pending:
            self._builder.start(0)

    def _build(self, count: int) -> None:
        batch, self._pending = self._pending[:count], self._pending[count:]
        editors = []
        for criterion in batch:
            editor = CriterionEditor(
                self.session,
                self.child_id,
                self.agency,
                criterion,
                self.pack.rating_scale,
                sampled=self.sampled,
            )
            self.editors[criterion.id] = editor
            self._layout.insertWidget(self._layout.count() - 1, editor)  # before the stretch
            editor.show()  # now, not when the layout gets round to it: Tab may come first
            self._chain_focus(editor)
            editors.append(editor)
        self._load(editors)
        if self._pending:
            self._builder.start(0)
        if self._revealing in {editor.criterion.id for editor in editors}:
            self._revealer.start(0)

    def _chain_focus(self, editor: CriterionEditor) -> None:
        """Editors built after the window would otherwise come last in the Tab order (after
        the status bar); put each right after the one before."""
        for widget in editor.focus_order():
            if self._focus_last is not None:
                QWidget.setTabOrder(self._focus_last, widget)
            self._focus_last = widget

    def reload(self) -> None:
        """Show what the services hold for every criterion built so far."""
        self._load(list(self.editors.values()))

    def _load(self, editors: list[CriterionEditor]) -> None:
        if not editors:
            return
        stored = {r["id"]: r for r in reviews.reviews_for(self.session.ws, self.child_id)}
        linked = reviews.review_evidence(
            self.session.ws, self.session.inspection_id, [editor.review_id for editor in editors]
        )
        looked = set(self.session.ws.require("child", self.child_id)["looked_at"] or ())
        for editor in editors:
            editor.load_review(stored.get(editor.review_id))
            editor.load_evidence(linked[editor.review_id])
            editor.show_looked_at(looked)

    def reload_evidence(self) -> None:
        linked = reviews.review_evidence(
            self.session.ws,
            self.session.inspection_id,
            [editor.review_id for editor in self.editors.values()],
        )
        for editor in self.editors.values():
            editor.load_evidence(linked[editor.review_id])

    def editor_for_review(self, review_id_: str) -> CriterionEditor | None:
        return next((e for e in self.editors.values() if e.review_id == review_id_), None)

    def show_counts(self, done: int, expected: int) -> None:
        self._counts = (done, expected)
        if self.header is None:
            return
        self.header.setText(
            self.tr("Observations written for %1: %2")
            .replace("%1", self.agency["name"])
            .replace("%2", completeness_text(done, expected))
        )

    def flush(self) -> None:
        for editor in self.editors.values():
            editor.flush()
