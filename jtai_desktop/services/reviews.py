"""Case reviews per criterion and agency, and the inspector's evaluation of the area's own
audit of a case: recording them, and the reads of the case review screen."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import ValidationError
from ..domain.record_types import AuditEvalRow, EvidenceRow, ReviewRow
from ..domain.records import LinkTarget
from ..domain.rules import check_agreement, require_choice
from . import evidence
from .changes import ChangeSet, combined
from .ids import audit_eval_id, review_id
from .inspections import theme_pack
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
    criterion = pack.criterion(criterion_id)
    if agency["kind"] not in criterion.agencies:
        raise ValidationError(f"Criterion {criterion_id} does not apply to {agency['name']}.")
    if review.rating is not None:
        _check_rating(pack, review.rating)
    values = {
        "child_id": child_id,
        "criterion_id": criterion_id,
        "agency_id": agency_id,
        **review.values(),
    }
    return ws.upsert(
        "review",
        child["inspection_id"],
        review_id(child_id, criterion_id, agency_id),
        values,
        label=f"Review {criterion_id}",
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
    """Per involved agency: criteria with an observation written, out of those that apply."""
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
        expected = [c.id for c in pack.criteria_for(agency["kind"])]
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
) -> ChangeSet:
    """The inspector's view of the area's own audit: did the area see what we saw?"""
    child = ws.require("child", child_id)
    values = {
        "child_id": child_id,
        "area_summary": area_summary,
        "agreement": check_agreement(agreement),
        "evaluation": evaluation,
    }
    values = {k: v for k, v in values.items() if v is not None}
    return ws.upsert(
        "audit_eval",
        child["inspection_id"],
        audit_eval_id(child_id),
        values,
        label="Evaluate the area's audit",
    )


def audit_evaluation(ws: Workspace, child_id: str) -> AuditEvalRow | None:
    return ws.get("audit_eval", audit_eval_id(child_id))
