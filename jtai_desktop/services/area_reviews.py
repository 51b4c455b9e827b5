"""Criteria judged once for the area: leadership and management, the effectiveness of the
safeguarding arrangements (and, for some themes, prevention or places). One record per
criterion and organisation in scope, never one per child."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import ValidationError
from ..domain.record_types import AgencyRow, AreaReviewRow, Row
from ..domain.theme_model import AREA, Criterion, ThemePack
from .changes import ChangeSet
from .ids import area_review_id
from .inspections import theme_pack
from .organisations import organisations
from .reviews import ReviewInput
from .workspace import Workspace


@dataclass(frozen=True)
class AreaReviewInput(ReviewInput):
    """What a case review records, and the lead's moderation of it."""

    moderated: bool | None = None


def area_criteria(pack: ThemePack, organisation: Row) -> tuple[Criterion, ...]:
    """The area-level criteria one organisation is evaluated against (none if out of scope)."""
    if not organisation["in_scope"] or organisation["kind"] not in pack.agencies:
        return ()
    return pack.criteria_for(organisation["kind"], organisation.get("service_type"), judged=AREA)


def set_area_review(
    ws: Workspace,
    inspection_id: str,
    criterion_id: str,
    agency_id: str,
    review: AreaReviewInput,
) -> ChangeSet:
    """Record the team's evaluation of one area-level criterion for one organisation."""
    pack = theme_pack(ws, inspection_id)
    criterion = pack.criterion(criterion_id)
    organisation = ws.require("agency", agency_id)
    if pack.judged(criterion.id) != AREA:
        raise ValidationError(
            f"{criterion.id} is judged in each child's case, not once for the area: "
            "record it in the child's case review."
        )
    if criterion not in area_criteria(pack, organisation):
        raise ValidationError(
            f"{criterion.id} does not apply to {organisation['name']}"
            + ("" if organisation["in_scope"] else " (it is out of scope)")
            + "."
        )
    if review.rating is not None:
        _check_rating(pack, review.rating)
    values = {"criterion_id": criterion.id, "agency_id": agency_id, **review.values()}
    return ws.upsert(
        "area_review",
        inspection_id,
        area_review_id(inspection_id, criterion.id, agency_id),
        values,
        label=f"Evaluate {criterion.id} for the area",
    )


def _check_rating(pack: ThemePack, rating: str) -> None:
    if pack.rating_scale is None:
        raise ValidationError(f"The theme {pack.title!r} has no practice rating scale.")
    if rating not in pack.rating_scale.levels:
        raise ValidationError(
            f"The practice rating must be one of: {', '.join(pack.rating_scale.levels)}."
        )


def area_reviews(ws: Workspace, inspection_id: str) -> dict[tuple[str, str], AreaReviewRow]:
    """Every area-level evaluation, by (organisation, criterion)."""
    return {
        (r["agency_id"], r["criterion_id"]): r
        for r in ws.rows("area_review", inspection_id, order_by="criterion_id, agency_id")
    }


@dataclass(frozen=True)
class AreaProgress:
    organisation: AgencyRow
    criteria: tuple[Criterion, ...]
    written: int  # criteria with an observation

    @property
    def expected(self) -> int:
        return len(self.criteria)


def area_progress(ws: Workspace, inspection_id: str) -> list[AreaProgress]:
    """Per organisation in scope with area-level criteria: how many are written."""
    pack = theme_pack(ws, inspection_id)
    done = area_reviews(ws, inspection_id)
    found = []
    for organisation in organisations(ws, inspection_id, in_scope_only=True):
        criteria = area_criteria(pack, organisation)
        if criteria:
            rows = [done.get((organisation["id"], c.id)) for c in criteria]
            written = sum(bool(row and (row["observation"] or "").strip()) for row in rows)
            found.append(AreaProgress(organisation, criteria, written))
    return found
