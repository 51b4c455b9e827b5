"""What the letter is made from: plain records read by the services, and the lead's choices.

Nothing here holds a child's identifying details: those go only to the gate
(``gate.ChildDetails``), never into the letter's inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

PRIORITY_ACTION, AREA_FOR_IMPROVEMENT, STRENGTH = (
    "priority_action",
    "area_for_improvement",
    "strength",
)
PARTNERSHIP = "partnership"
KIND_LABELS = {
    PRIORITY_ACTION: "Area for priority action",
    AREA_FOR_IMPROVEMENT: "Area for improvement",
    STRENGTH: "Strength",
}

# Sections as the report screen lists them. Which appear, in what order and under which
# heading in the letter comes from the letter's format (``letter_format``); these keys are
# stable names used by the lead's settings, the gate's locations and the versions.
ADDRESS, OPENING, CONTEXT, HEADLINE = "address", "opening", "context", "headline"
PRIORITY, IMPROVE, STRENGTHS, MAIN = "priority", "improve", "strengths", "main"
STUDY_GOOD, STUDY_IMPROVE = "study_good", "study_improve"
NEXT_STEPS, SIGN_OFF = "next_steps", "sign_off"
ANNEX_REVIEWS, ANNEX_CHART, ANNEX_EVIDENCE = "annex_reviews", "annex_chart", "annex_evidence"
ANNEXES = (ANNEX_REVIEWS, ANNEX_CHART, ANNEX_EVIDENCE)  # in the internal draft only
STUDIES = (STUDY_GOOD, STUDY_IMPROVE)
NARRATIVE = (HEADLINE, MAIN)  # written by the lead, drawing on the findings chosen
DEFAULT_HEADINGS = {
    ADDRESS: "Date, address and greeting",
    OPENING: "Title and opening",
    CONTEXT: "Context",
    HEADLINE: "Headline findings",
    PRIORITY: "Areas for priority action",
    IMPROVE: "What needs to improve?",
    STRENGTHS: "Strengths",
    MAIN: "Main findings",
    STUDY_GOOD: "Practice study: highly effective practice",
    STUDY_IMPROVE: "Practice study: area for improvement",
    NEXT_STEPS: "Next steps",
    SIGN_OFF: "Signatures",
    ANNEX_REVIEWS: "Annex A: case reviews by agency and criterion (internal draft only)",
    ANNEX_CHART: "Annex B: findings by agency and kind (internal draft only)",
    ANNEX_EVIDENCE: "Annex C: evidence index (internal draft only)",
}
FINDING_SECTIONS = (HEADLINE, PRIORITY, IMPROVE, STRENGTHS, MAIN)
AGENCY_PREFIX = "agency:"  # findings about one agency (used in warnings' locations)


def agency_key(agency_id: str) -> str:
    return f"{AGENCY_PREFIX}{agency_id}"


@dataclass(frozen=True)
class AgencyInfo:
    id: str
    name: str
    kind: str
    in_scope: bool = True
    service_type: str | None = None  # "icb", "maternity"...: see domain.organisations


@dataclass(frozen=True)
class FindingInfo:
    id: str
    kind: str
    title: str
    text: str
    agencies: tuple[str, ...]
    cited: int = 0  # evidence items cited that still exist


@dataclass(frozen=True)
class ChildInfo:
    id: str
    pseudonym: str
    age_band: str | None = None
    tracked: bool = False


@dataclass(frozen=True)
class ReviewInfo:
    id: str
    child_id: str
    agency_id: str
    criterion_id: str
    observation: str = ""
    strength: bool = False
    concern: bool = False


@dataclass(frozen=True)
class CriterionInfo:
    id: str
    title: str
    agency_kinds: tuple[str, ...]
    per_child: bool = True  # False: judged once for the area, never in a case review


@dataclass(frozen=True)
class EvidenceInfo:
    ref: str
    title: str
    source: str
    sha256: str = ""


@dataclass(frozen=True)
class LetterSettings:
    """The lead's settings for the letter (``None``: the format's default)."""

    format: str | None = None
    letter_date: date | None = None  # the date on the letter; the draft's day until set
    principal_authority: str = ""  # who prepares the written statement of action
    sender: str = ""  # who sends it, when not the principal authority
    wsoa_days: int | None = None  # working days from the letter to the statement of action
    small_count_below: int | None = None  # counts from 1 to this minus 1 are not shown


@dataclass(frozen=True)
class LetterInputs:
    area: str
    theme_title: str
    inspectorates: tuple[str, ...]
    fieldwork: tuple[date, date]
    drafted_on: date
    agencies: tuple[AgencyInfo, ...]  # in the letter's order
    findings: tuple[FindingInfo, ...]  # priority actions first
    children: tuple[ChildInfo, ...]  # pseudonym order
    reviews: tuple[ReviewInfo, ...]
    criteria: tuple[CriterionInfo, ...]
    evidence: tuple[EvidenceInfo, ...] = ()
    theme_id: str = ""
    theme_kind: str = "thematic"
    inspectorate_ids: tuple[str, ...] = ()
    settings: LetterSettings = field(default_factory=lambda: LetterSettings())
    journeys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # child id -> events

    @property
    def letter_date(self) -> date:
        return self.settings.letter_date or self.drafted_on

    def agency(self, agency_id: str) -> AgencyInfo | None:
        return self._agencies.get(agency_id)

    @cached_property
    def _agencies(self) -> dict[str, AgencyInfo]:
        return {a.id: a for a in self.agencies}


@dataclass(frozen=True)
class SectionChoice:
    """The lead's choices for one section. ``items`` None means "the default selection"."""

    heading: str | None = None
    text: str = ""
    items: tuple[str, ...] | None = None


@dataclass(frozen=True)
class LetterChoices:
    sections: dict[str, SectionChoice] = field(default_factory=dict)

    def get(self, key: str) -> SectionChoice:
        return self.sections.get(key, SectionChoice())


def default_items(key: str, inputs: LetterInputs) -> tuple[str, ...]:
    """What a section holds until the lead chooses: ids of findings (or of tracked children
    for a practice study, which the lead picks)."""
    findings = inputs.findings
    if key == HEADLINE:
        return tuple(f.id for f in findings if f.kind == PRIORITY_ACTION)
    if key == MAIN:
        return tuple(f.id for f in findings)
    return allowed_items(key, inputs) if key in (PRIORITY, IMPROVE, STRENGTHS) else ()


def allowed_items(key: str, inputs: LetterInputs) -> tuple[str, ...]:
    """Everything the lead may put in a section (the report screen offers these)."""
    if key in STUDIES:
        return tuple(c.id for c in inputs.children if c.tracked)
    kinds = {
        PRIORITY: (PRIORITY_ACTION,),
        IMPROVE: (AREA_FOR_IMPROVEMENT,),
        STRENGTHS: (STRENGTH,),
        HEADLINE: (PRIORITY_ACTION, AREA_FOR_IMPROVEMENT, STRENGTH),
        MAIN: (PRIORITY_ACTION, AREA_FOR_IMPROVEMENT, STRENGTH),
    }.get(key, ())
    return tuple(f.id for f in inputs.findings if f.kind in kinds)


def effective_items(
    key: str, inputs: LetterInputs, items: tuple[str, ...] | None
) -> tuple[str, ...]:
    """The lead's items for a section (or the default), without repeats, keeping only those
    still allowed (a deleted finding, or one whose kind changed, drops out)."""
    allowed = set(allowed_items(key, inputs))
    picked = default_items(key, inputs) if items is None else items
    return tuple(i for i in dict.fromkeys(picked) if i in allowed)
