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

# Sections in the letter's order, with their default headings (see domain.md). The keys are
# stable names used by the lead's settings and by the gate's locations.
COVER, HEADLINE, IMPROVE, STRENGTHS, CASES = "cover", "headline", "improve", "strengths", "cases"
AGENCIES, NEXT_STEPS = "agencies", "next_steps"
ANNEX_REVIEWS, ANNEX_CHART, ANNEX_EVIDENCE = "annex_reviews", "annex_chart", "annex_evidence"
DEFAULT_HEADINGS = {
    COVER: "About this inspection",
    HEADLINE: "Headline findings",
    IMPROVE: "What needs to improve",
    STRENGTHS: "Strengths",
    CASES: "Children's experiences: case examples",
    AGENCIES: "Findings for each agency",
    NEXT_STEPS: "Next steps",
    ANNEX_REVIEWS: "Annex A: case reviews by agency and criterion",
    ANNEX_CHART: "Annex B: findings by agency and kind",
    ANNEX_EVIDENCE: "Annex C: evidence index (internal draft only)",
}
SECTION_ORDER = tuple(DEFAULT_HEADINGS)
FINDING_SECTIONS = (HEADLINE, IMPROVE, STRENGTHS)  # plus each "agency:<id>"
AGENCY_PREFIX = "agency:"
KIND_PREFIX = "kind:"  # the findings of every organisation of one kind
CASE_EXAMPLE_CHILDREN, CASE_EXAMPLE_REVIEWS = 2, 3  # the suggestion before the lead chooses


def agency_key(agency_id: str) -> str:
    return f"{AGENCY_PREFIX}{agency_id}"


@dataclass(frozen=True)
class AgencyInfo:
    id: str
    name: str
    kind: str
    in_scope: bool = True


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
    """What a section holds until the lead chooses: ids of findings (or of case reviews)."""
    findings = inputs.findings
    if key == HEADLINE:
        return tuple(f.id for f in findings if f.kind == PRIORITY_ACTION)
    if key == IMPROVE:
        return tuple(f.id for f in findings if f.kind in (PRIORITY_ACTION, AREA_FOR_IMPROVEMENT))
    if key == STRENGTHS:
        return tuple(f.id for f in findings if f.kind == STRENGTH)
    if key.startswith(AGENCY_PREFIX):
        agency_id = key.removeprefix(AGENCY_PREFIX)
        return tuple(f.id for f in findings if agency_id in f.agencies)
    if key.startswith(KIND_PREFIX):  # every organisation of a kind (see report.agency_groups)
        kind = key.removeprefix(KIND_PREFIX)
        ids = {a.id for a in inputs.agencies if a.kind == kind and a.in_scope}
        return tuple(f.id for f in findings if ids & set(f.agencies))
    if key == CASES:
        return suggested_case_reviews(inputs)
    return ()


def allowed_items(key: str, inputs: LetterInputs) -> tuple[str, ...]:
    """Everything the lead may put in a section (the report screen offers these)."""
    if key == CASES:
        return tuple(r.id for r in inputs.reviews if (r.observation or "").strip())
    if key == IMPROVE:
        kinds = (PRIORITY_ACTION, AREA_FOR_IMPROVEMENT)
    elif key == STRENGTHS:
        kinds = (STRENGTH,)
    elif key == HEADLINE or key.startswith((AGENCY_PREFIX, KIND_PREFIX)):
        kinds = (PRIORITY_ACTION, AREA_FOR_IMPROVEMENT, STRENGTH)
    else:
        return ()
    return tuple(f.id for f in inputs.findings if f.kind in kinds)


def effective_items(
    key: str, inputs: LetterInputs, items: tuple[str, ...] | None
) -> tuple[str, ...]:
    """The lead's items for a section (or the default), without repeats, keeping only those
    still allowed (a deleted finding, or one whose kind changed, drops out)."""
    allowed = set(allowed_items(key, inputs))
    picked = default_items(key, inputs) if items is None else items
    return tuple(i for i in dict.fromkeys(picked) if i in allowed)


def suggested_case_reviews(inputs: LetterInputs) -> tuple[str, ...]:
    """A starting point: for the first tracked children, a concern and a strength or two
    from their reviews, so the section shows what a case example looks like."""
    chosen: list[str] = []
    tracked = [c.id for c in inputs.children if c.tracked][:CASE_EXAMPLE_CHILDREN]
    for child_id in tracked:
        written = [
            r for r in inputs.reviews if r.child_id == child_id and (r.observation or "").strip()
        ]
        concerns = [r for r in written if r.concern]
        others = [r for r in written if not r.concern]
        mixed = [r for pair in zip(concerns, others) for r in pair] + concerns + others
        chosen += list(dict.fromkeys(r.id for r in mixed))[:CASE_EXAMPLE_REVIEWS]
    return tuple(chosen)
