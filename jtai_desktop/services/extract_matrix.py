"""The evidence matrix an extract carries: counts by criterion and agency kind.

Every extract carries the same four measures, made from the case reviews (each child's, and
the area's once-only reviews) and the findings (a finding counts under the criteria its cited
evidence speaks to, and the kinds of the organisations it names): made the same way in every
inspection, they add up across areas.

Where the inspection coded passages, the extract also carries that inspection's evidence
matrix (``services.evidence_matrix``, rolled up to agency kinds) and says so
(``source: "coding"``): the distinct sources speaking to each cell, by kind of source
(coded passages of notes, case reviews, front door samples, evidence items), how many show a
strength and how many a concern, and the voices heard. Those are other measures than the four
(a coded source is not a case review), so a thematic workspace sums them only over the areas
that have them. ``matrix_counts`` is the one place an extract takes its counts from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.coding import CONCERN, STRENGTH
from ..domain.record_types import FindingRow
from ..domain.records import PARTNERSHIP, LinkTarget
from ..domain.thematic_matrix import (
    CODED_MEASURES,
    CODING,
    KIND_MEASURES,
    MEASURES,
    REVIEWS_AND_FINDINGS,
    Key,
)
from .workspace import Workspace

REVIEW_TARGETS = (LinkTarget.REVIEW.value, LinkTarget.AREA_REVIEW.value)


@dataclass(frozen=True)
class MatrixCounts:
    source: str  # what the counts were made from: REVIEWS_AND_FINDINGS or CODING
    cells: dict[Key, dict[str, int]]  # (criterion, agency kind) -> MEASURES -> n
    coded: dict[Key, dict[str, int]] = field(default_factory=dict)  # -> CODED_MEASURES -> n
    voices: dict[Key, tuple[str, ...]] = field(default_factory=dict)  # voices heard in a cell


def matrix_counts(ws: Workspace, inspection_id: str) -> MatrixCounts:
    """The counts for an extract (before small counts are suppressed)."""
    cells = review_and_finding_counts(ws, inspection_id)
    if not has_codes(ws, inspection_id):
        return MatrixCounts(REVIEWS_AND_FINDINGS, cells)
    coded, voices = coded_counts(ws, inspection_id)
    for key in coded:
        cells.setdefault(key, dict.fromkeys(MEASURES, 0))
    return MatrixCounts(CODING, cells, coded, voices)


def has_codes(ws: Workspace, inspection_id: str) -> bool:
    """Whether any passage of the inspection is coded (a removed code no longer counts)."""
    found = ws.db.execute(
        "SELECT 1 FROM codes WHERE inspection_id = ? LIMIT 1", [inspection_id]
    ).fetchone()
    return found is not None


def coded_counts(ws: Workspace, inspection_id: str) -> tuple[dict, dict]:
    """The inspection's evidence matrix by agency kind, as the extract's coded measures: the
    distinct sources of a cell, those of each kind, and those marked strength or concern (a
    source is of one kind, so adding a mark's counts over the kinds counts each source once)."""
    from .evidence_matrix import evidence_matrix

    level = evidence_matrix(ws, inspection_id).by_kind
    coded: dict[Key, dict[str, int]] = {}
    voices: dict[Key, tuple[str, ...]] = {}
    for key, total in level.totals.items():
        cell = dict.fromkeys(CODED_MEASURES, 0)
        cell["sources"] = total
        for kind, measure in KIND_MEASURES.items():
            cell[measure] = level.of_kind(*key, kind)
        for found in level.at(*key):
            if found.mark == STRENGTH:
                cell["strengths"] += found.count
            elif found.mark == CONCERN:
                cell["concerns"] += found.count
        coded[key] = cell
        voices[key] = tuple(sorted(level.voices(*key)))
    return coded, voices


def review_and_finding_counts(ws: Workspace, inspection_id: str) -> dict[Key, dict[str, int]]:
    """The four measures every extract carries, from the reviews and the findings."""
    kinds = {a["id"]: a["kind"] for a in ws.rows("agency", inspection_id)}
    cells: dict[Key, dict[str, int]] = {}

    def add(criterion: str, kind: str, measure: str) -> None:
        cell = cells.setdefault((criterion, kind), dict.fromkeys(MEASURES, 0))
        cell[measure] += 1

    for entity in ("review", "area_review"):
        for review in ws.rows(entity, inspection_id):
            kind = kinds.get(review["agency_id"] or "")
            if kind is None or not review["criterion_id"]:
                continue
            add(review["criterion_id"], kind, "reviews")
            if review["strength"]:
                add(review["criterion_id"], kind, "strengths")
            if review["concern"]:
                add(review["criterion_id"], kind, "concerns")
    criteria = finding_criteria(ws, inspection_id)
    for finding in ws.rows("finding", inspection_id):
        for kind in finding_kinds(finding, kinds):
            for criterion in sorted(criteria.get(finding["id"], ())):
                add(criterion, kind, "findings")
    return cells


def finding_kinds(finding: FindingRow, kinds: dict[str, str]) -> list[str]:
    """The agency kinds a finding names, in order, once each ("partnership" for the agencies
    together)."""
    named = finding["agencies"] or [PARTNERSHIP]
    found = [PARTNERSHIP if a == PARTNERSHIP else kinds.get(a) for a in named]
    return list(dict.fromkeys(k for k in found if k))


def finding_criteria(ws: Workspace, inspection_id: str) -> dict[str, set[str]]:
    """finding id -> the criteria its cited evidence is linked to (directly, or through a case
    review or an area review it supports)."""
    links = ws.rows("link", inspection_id, "evidence_id IN (SELECT id FROM evidence)")
    reviews = {r["id"]: r["criterion_id"] for r in ws.rows("review", inspection_id)}
    reviews |= {r["id"]: r["criterion_id"] for r in ws.rows("area_review", inspection_id)}
    about: dict[str, set[str]] = {}
    cites: dict[str, set[str]] = {}
    for link in links:
        target, evidence_id = link["target_id"], link["evidence_id"]
        if link["target_kind"] == LinkTarget.FINDING.value:
            cites.setdefault(target, set()).add(evidence_id)
        elif link["target_kind"] == LinkTarget.CRITERION.value:
            about.setdefault(evidence_id, set()).add(target)
        elif link["target_kind"] in REVIEW_TARGETS and reviews.get(target):
            about.setdefault(evidence_id, set()).add(reviews[target])
    return {
        finding: set().union(*(about.get(e, set()) for e in evidence))
        for finding, evidence in cites.items()
    }
