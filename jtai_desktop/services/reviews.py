"""Case reviews per criterion and agency, and the inspector's evaluation of the area's own
audit of a case: recording them, and the reads of the case review screen."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import ValidationError
from ..domain.record_types import AuditEvalRow, ChildRow, EvidenceRow, ReviewRow
from ..domain.records import LinkTarget, Selection
from ..domain.review_scope import check_reviewable, criteria_expected
from ..domain.rules import check_agreement, require_choice
from . import evidence
from .changes import ChangeSet, combined
from .ids import audit_eval_id, organisation_audit_id, review_id
from .inspections import check_agencies, theme_pack
from .sampling import mark_looked_at
from .workspace import Workspace


@dataclass(frozen=True)
class ReviewInput:
    observation: str | None = None
    strength: bool | None = None
    concern: bool | None = None
    rating: str | None = None

    def values(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def set_review(
    ws: Workspace, child_id: str, criterion_id: str, agency_id: str, review: ReviewInput
) -> ChangeSet:
    """Record what was seen for one criterion and one agency in one child's case."""
    child = ws.require("child", child_id)
    agency = ws.require("agency", agency_id)
    pack = theme_pack(ws, child["inspection_id"])
    criterion_id = check_reviewable(pack, criterion_id, agency).id
    if review.rating is not None:
        _check_rating(pack, review.rating)
    values = {
        "child_id": child_id,
        "criterion_id": criterion_id,
        "agency_id": agency_id,
        **review.values(),
    }
    with ws.transaction():
        changes = ws.upsert(
            "review",
            child["inspection_id"],
            review_id(child_id, criterion_id, agency_id),
            values,
            label=f"Review {criterion_id}",
        )
        if _newly_looked_at(child, criterion_id, review):
            # Writing about a criterion in a sampled child's case is looking at it.
            changes += mark_looked_at(ws, child_id, criterion_id, True)
    return changes


def _newly_looked_at(child: ChildRow, criterion_id: str, review: ReviewInput) -> bool:
    return (
        child["selection"] != Selection.TRACKED.value
        and bool((review.observation or "").strip())
        and criterion_id not in (child["looked_at"] or ())
    )


def link_evidence(
    ws: Workspace, child_id: str, criterion_id: str, agency_id: str, evidence_ids: list[str]
) -> ChangeSet:
    """Link evidence to one review, making the review if there is none yet: one edit."""
    with ws.transaction():
        made = []
        if review_of(ws, child_id, criterion_id, agency_id) is None:
            made.append(set_review(ws, child_id, criterion_id, agency_id, ReviewInput()))
        target = review_id(child_id, criterion_id, agency_id)
        made += [evidence.link(ws, e, LinkTarget.REVIEW.value, target) for e in evidence_ids]
        return combined("Link evidence", made)


def _check_rating(pack, rating: str) -> None:
    if pack.rating_scale is None:
        raise ValidationError(f"The theme {pack.title!r} has no practice rating scale.")
    require_choice(rating, pack.rating_scale.levels, "The practice rating")


def reviews_for(ws: Workspace, child_id: str) -> list[ReviewRow]:
    child = ws.require("child", child_id)
    return ws.rows(
        "review",
        child["inspection_id"],
        "child_id = ?",
        (child_id,),
        order_by="criterion_id, agency_id",
    )


def review_of(ws: Workspace, child_id: str, criterion_id: str, agency_id: str) -> ReviewRow | None:
    return ws.get("review", review_id(child_id, criterion_id, agency_id))


def review_evidence(
    ws: Workspace, inspection_id: str, review_ids: list[str]
) -> dict[str, list[EvidenceRow]]:
    """The evidence linked to each of these reviews, by reference."""
    found: dict[str, list[EvidenceRow]] = {rid: [] for rid in review_ids}
    if not review_ids:
        return found
    marks = ", ".join("?" for _ in review_ids)
    links = ws.rows(
        "link",
        inspection_id,
        f"target_kind = ? AND target_id IN ({marks})",
        ("review", *review_ids),
    )
    for link in links:
        item = ws.get("evidence", link["evidence_id"])
        if item is not None:
            found[link["target_id"]].append(item)
    for items in found.values():
        items.sort(key=lambda item: item["ref"])
    return found


@dataclass(frozen=True)
class Completeness:
    done: int
    expected: int

    @property
    def ratio(self) -> float:
        return self.done / self.expected if self.expected else 1.0


def review_completeness(ws: Workspace, child_id: str) -> dict[str, Completeness]:
    """Per involved organisation: criteria with an observation written, out of those the
    child's case is reviewed against (all that apply if tracked, those looked at if not)."""
    child = ws.require("child", child_id)
    pack = theme_pack(ws, child["inspection_id"])
    written = {
        (r["agency_id"], r["criterion_id"])
        for r in reviews_for(ws, child_id)
        if (r["observation"] or "").strip()
    }
    result = {}
    for agency_id in child["agencies"] or []:
        agency = ws.get("agency", agency_id)
        if agency is None:
            continue
        expected = [c.id for c in criteria_expected(pack, child, agency)]
        done = sum((agency_id, c) in written for c in expected)
        result[agency_id] = Completeness(done, len(expected))
    return result


# --- the area's own audit -----------------------------------------------------------------
def set_audit_evaluation(
    ws: Workspace,
    child_id: str,
    *,
    area_summary: str | None = None,
    agreement: str | None = None,
    evaluation: str | None = None,
    agency_id: str | None = None,
) -> ChangeSet:
    """The inspector's view of the area's own audit: did the area see what we saw? With an
    organisation, that organisation's audit of the case; without, the multi-agency audit."""
    child = ws.require("child", child_id)
    if agency_id is not None:
        check_agencies(ws, child["inspection_id"], [agency_id])
    values = {
        "child_id": child_id,
        "agency_id": agency_id,
        "area_summary": area_summary,
        "agreement": check_agreement(agreement),
        "evaluation": evaluation,
    }
    values = {k: v for k, v in values.items() if v is not None}
    return ws.upsert(
        "audit_eval",
        child["inspection_id"],
        organisation_audit_id(child_id, agency_id) if agency_id else audit_eval_id(child_id),
        values,
        label="Evaluate the area's audit",
    )


def audit_evaluation(
    ws: Workspace, child_id: str, agency_id: str | None = None
) -> AuditEvalRow | None:
    """The evaluation of an organisation's own audit of the case, or of the multi-agency one."""
    key = organisation_audit_id(child_id, agency_id) if agency_id else audit_eval_id(child_id)
    return ws.get("audit_eval", key)
