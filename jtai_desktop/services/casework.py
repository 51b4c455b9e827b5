"""Children, the timeline of their cases, case reviews per criterion and agency, and the
inspector's evaluation of the area's own audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.errors import ValidationError
from ..domain.records import AGE_BANDS, EventKind, Selection
from ..domain.review_scope import check_reviewable, criteria_expected
from ..domain.rules import check_agreement, check_selection, require_choice, require_text
from ..domain.sensible_dates import as_date, check_history_date, parse_time
from .changes import ChangeSet
from .history_dates import history_bounds
from .ids import audit_eval_id, organisation_audit_id, review_id
from .inspections import theme_pack
from .sampling import mark_looked_at
from .workspace import Workspace

PRIVATE_FIELDS = ("private_name", "private_dob", "private_address", "private_school")


def add_child(
    ws: Workspace,
    inspection_id: str,
    *,
    pseudonym: str,
    selection: str,
    age_band: str | None = None,
    case_ref: str | None = None,
    agencies: tuple[str, ...] = (),
    summary: str | None = None,
    private: dict | None = None,
) -> ChangeSet:
    values = {
        "pseudonym": require_text(pseudonym, "The child's pseudonym"),
        "selection": check_selection(selection),
        "age_band": age_band,
        "case_ref": case_ref,
        "agencies": list(agencies),
        "summary": summary,
        **_private(private),
    }
    _check_child(ws, inspection_id, values)
    return ws.create("child", inspection_id, values, label=f"Add {values['pseudonym']}")


def update_child(ws: Workspace, child_id: str, **values) -> ChangeSet:
    row = ws.require("child", child_id)
    if "selection" in values:
        check_selection(values["selection"])
    if "pseudonym" in values:
        values["pseudonym"] = require_text(values["pseudonym"], "The child's pseudonym")
    _check_child(ws, row["inspection_id"], values, child_id)
    return ws.update("child", child_id, values, label=f"Edit {row['pseudonym']}")


def _private(private: dict | None) -> dict:
    unknown = set(private or {}) - {f.removeprefix("private_") for f in PRIVATE_FIELDS}
    if unknown:
        raise ValidationError(f"Unknown identifying detail: {', '.join(sorted(unknown))}.")
    return {f"private_{k}": v for k, v in (private or {}).items()}


def _check_child(ws: Workspace, inspection_id: str, values: dict, child_id: str = "") -> None:
    if values.get("age_band") is not None:
        require_choice(values["age_band"], AGE_BANDS, "The age band")
    if "agencies" in values:
        _check_agencies(ws, inspection_id, values["agencies"])
    if "pseudonym" in values:
        taken = ws.rows(
            "child", inspection_id, "pseudonym = ? AND id != ?", (values["pseudonym"], child_id)
        )
        if taken:
            raise ValidationError(
                f"The pseudonym {values['pseudonym']!r} is already used in "
                "this inspection; choose another."
            )


def _check_agencies(ws: Workspace, inspection_id: str, agency_ids) -> None:
    known = {a["id"] for a in ws.rows("agency", inspection_id)}
    unknown = [a for a in agency_ids if a not in known]
    if unknown:
        raise ValidationError("Only agencies of this inspection can be involved with a child.")


def add_event(
    ws: Workspace,
    child_id: str,
    *,
    date,
    kind: str,
    summary: str,
    agency_id: str | None = None,
    time: str | None = None,
    lookback_reason: str | None = None,
    now: datetime | None = None,
) -> ChangeSet:
    """``time``: HH:MM, when known; ``lookback_reason``: why a date before the look-back is
    recorded; ``now``: what "the future" is measured from (this computer's clock)."""
    child = ws.require("child", child_id)
    values = _event_values(ws, child, date, kind, summary, agency_id, time, lookback_reason, now)
    return ws.create(
        "event", child["inspection_id"], {"child_id": child_id, **values}, label="Add event"
    )


def update_event(
    ws: Workspace,
    event_id: str,
    *,
    date,
    kind: str,
    summary: str,
    agency_id: str | None = None,
    time: str | None = None,
    lookback_reason: str | None = None,
    now: datetime | None = None,
) -> ChangeSet:
    """Correct an event of a child's timeline (its child stays the same)."""
    child = ws.require("child", ws.require("event", event_id)["child_id"])
    values = _event_values(ws, child, date, kind, summary, agency_id, time, lookback_reason, now)
    return ws.update("event", event_id, values, label="Edit event")


def delete_event(ws: Workspace, event_id: str) -> ChangeSet:
    return ws.delete("event", event_id, label="Delete event")


def _event_values(
    ws: Workspace,
    child: dict,
    date,
    kind: str,
    summary: str,
    agency_id: str | None,
    time: str | None,
    lookback_reason: str | None,
    now: datetime | None,
) -> dict:
    require_choice(kind, EventKind.values(), "The kind of event")
    if agency_id:
        _check_agencies(ws, child["inspection_id"], [agency_id])
    values = {
        "date": as_date(date, "The date of the event"),
        "time": parse_time(time, "The time of the event"),
        "kind": kind,
        "agency_id": agency_id,
        "summary": require_text(summary, "What happened"),
        "lookback_reason": (lookback_reason or "").strip() or None,
    }
    if values["date"] is None:
        raise ValidationError("Give the date of the event.")
    bounds = history_bounds(ws, child["inspection_id"], now)
    check_history_date(
        values["date"],
        values["time"],
        bounds,
        what="The date of the event",
        reason=values["lookback_reason"],
    )
    return values


def timeline(ws: Workspace, child_id: str) -> list[dict]:
    child = ws.require("child", child_id)
    return ws.rows(
        "event",
        child["inspection_id"],
        "child_id = ?",
        (child_id,),
        order_by="date, time IS NULL, time, created_at, id",
    )


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
    with ws.db.atomic():
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


def _newly_looked_at(child: dict, criterion_id: str, review: ReviewInput) -> bool:
    return (
        child["selection"] != Selection.TRACKED.value
        and bool((review.observation or "").strip())
        and criterion_id not in (child["looked_at"] or ())
    )


def _check_rating(pack, rating: str) -> None:
    if pack.rating_scale is None:
        raise ValidationError(f"The theme {pack.title!r} has no practice rating scale.")
    require_choice(rating, pack.rating_scale.levels, "The practice rating")


def reviews_for(ws: Workspace, child_id: str) -> list[dict]:
    child = ws.require("child", child_id)
    return ws.rows(
        "review",
        child["inspection_id"],
        "child_id = ?",
        (child_id,),
        order_by="criterion_id, agency_id",
    )


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
        _check_agencies(ws, child["inspection_id"], [agency_id])
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
