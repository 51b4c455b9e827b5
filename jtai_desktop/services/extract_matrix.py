"""The evidence matrix an extract carries: counts by criterion and agency kind.

Built here from the case reviews (each child's, and the area's once-only reviews) and the
findings (a finding counts under the criteria its cited evidence speaks to, and the kinds of
the organisations it names). The coding of passages and triangulation, where an inspection has
them, give a fuller matrix: ``matrix_counts`` is the one place an extract takes its counts
from, so that source replaces this one there and nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.record_types import FindingRow
from ..domain.records import PARTNERSHIP, LinkTarget
from .workspace import Workspace

REVIEWS_AND_FINDINGS = "reviews_and_findings"
MEASURES = ("reviews", "strengths", "concerns", "findings")
REVIEW_TARGETS = (LinkTarget.REVIEW.value, LinkTarget.AREA_REVIEW.value)


@dataclass(frozen=True)
class MatrixCounts:
    source: str  # what the counts were made from
    cells: dict[tuple[str, str], dict[str, int]]  # (criterion, agency kind) -> measure -> n


def matrix_counts(ws: Workspace, inspection_id: str) -> MatrixCounts:
    """The counts for an extract (before small counts are suppressed)."""
    kinds = {a["id"]: a["kind"] for a in ws.rows("agency", inspection_id)}
    cells: dict[tuple[str, str], dict[str, int]] = {}

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
    return MatrixCounts(REVIEWS_AND_FINDINGS, cells)


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
