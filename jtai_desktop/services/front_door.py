"""The front door's sampled contacts and referrals: recording them and checking their
dates (each step sensible on its own, and not before the step it follows). Their timings are
in ``services.timeliness``."""

from __future__ import annotations

from datetime import date, datetime

from ..domain.errors import ValidationError
from ..domain.front_door import (
    AGREEMENT_CHOICES,
    SEEN_CHOICES,
    SOURCE_KINDS,
    STEP_LABELS,
    STEPS,
    THRESHOLD_DECISIONS,
)
from ..domain.record_types import FrontDoorSampleRow, Row
from ..domain.records import spec_for
from ..domain.rules import require_choice, require_text
from ..domain.sensible_dates import as_date, check_history_date, not_before, parse_time
from .changes import ChangeSet
from .history_dates import history_bounds
from .inspections import theme_pack
from .roles_only import refuse_names, require_role
from .workspace import Workspace

CHOICES = {
    "source_kind": (SOURCE_KINDS, "Who the contact came from"),
    "threshold_decision": (THRESHOLD_DECISIONS, "The threshold decision"),
    "decision_agreement": (AGREEMENT_CHOICES, "Your agreement with the MASH decision"),
    "strategy_agreement": (AGREEMENT_CHOICES, "Your agreement with the strategy discussion"),
    "section47_agreement": (AGREEMENT_CHOICES, "Your agreement with the section 47 decision"),
    "child_seen": (SEEN_CHOICES, "Whether the child was seen"),
}
ROLE_FIELDS = {"source_role": "The referrer's role", "decision_by": "Who made the decision"}


def add_sample(
    ws: Workspace, inspection_id: str, values: dict, *, now: datetime | None = None
) -> ChangeSet:
    clean = _checked(ws, inspection_id, values, now=now)
    return ws.create(
        "front_door_sample", inspection_id, clean, label=f"Add front door sample {clean['label']}"
    )


def update_sample(
    ws: Workspace, sample_id: str, values: dict, *, now: datetime | None = None
) -> ChangeSet:
    """Change some of a sample's values; the whole sample is checked as it would then be."""
    row = ws.require("front_door_sample", sample_id)
    merged = {**_fields(row), **values}
    clean = _checked(ws, row["inspection_id"], merged, now=now, sample_id=sample_id)
    changed = {k: v for k, v in clean.items() if k in values}
    return ws.update("front_door_sample", sample_id, changed, label=f"Edit {clean['label']}")


def delete_sample(ws: Workspace, sample_id: str) -> ChangeSet:
    row = ws.require("front_door_sample", sample_id)
    return ws.delete("front_door_sample", sample_id, label=f"Delete {row['label']}")


def samples(ws: Workspace, inspection_id: str) -> list[FrontDoorSampleRow]:
    """In the order the contacts came."""
    return ws.rows(
        "front_door_sample",
        inspection_id,
        order_by="contact_date, contact_time IS NULL, contact_time, label, id",
    )


def _fields(row: Row) -> dict:
    return {name: row.get(name) for name in spec_for("front_door_sample").field_names}


def _checked(
    ws: Workspace,
    inspection_id: str,
    values: dict,
    *,
    now: datetime | None,
    sample_id: str = "",
) -> dict:
    clean = dict(values)
    clean["label"] = require_text(values.get("label"), "The sample's label")
    refuse_names(clean["label"], "The sample's label", "Use a reference such as FD-07.")
    _unique_label(ws, inspection_id, clean["label"], sample_id)
    for name, (choices, what) in CHOICES.items():
        if clean.get(name) is not None:
            require_choice(clean[name], choices, what)
    if not clean.get("source_kind"):
        raise ValidationError("Say who the contact came from (an organisation or a role).")
    for name, what in ROLE_FIELDS.items():
        clean[name] = require_role(clean.get(name), what)
    _check_links(ws, inspection_id, clean)
    if clean.get("quality") is not None:
        _check_quality(ws, inspection_id, clean["quality"])
    _check_steps(ws, inspection_id, clean, now)
    return clean


def _unique_label(ws: Workspace, inspection_id: str, label: str, sample_id: str) -> None:
    if ws.rows("front_door_sample", inspection_id, "label = ? AND id != ?", (label, sample_id)):
        raise ValidationError(
            f"Another front door sample is already called {label!r}; choose another label."
        )


def _check_links(ws: Workspace, inspection_id: str, values: dict) -> None:
    agencies = {a["id"] for a in ws.rows("agency", inspection_id)}
    named = [values.get("source_agency_id"), *(values.get("strategy_agencies") or [])]
    if any(a and a not in agencies for a in named):
        raise ValidationError("Only organisations of this inspection can be named in a sample.")
    child_id = values.get("child_id")
    child = ws.get("child", child_id) if child_id else None
    if child_id and (child is None or child["inspection_id"] != inspection_id):
        raise ValidationError("The sample can only name a child of this inspection.")


def _check_quality(ws: Workspace, inspection_id: str, quality: str) -> None:
    scale = theme_pack(ws, inspection_id).rating_scale
    if scale is None:
        raise ValidationError("This inspection's theme has no practice quality scale.")
    require_choice(quality, scale.levels, "The quality of practice")


def _check_steps(ws: Workspace, inspection_id: str, values: dict, now: datetime | None) -> None:
    """Each step's date and time: sensible on its own, and not before the step it follows."""
    bounds = history_bounds(ws, inspection_id, now)
    moments: dict[str, tuple[date, str | None]] = {}
    for step in STEPS:
        day = as_date(values.get(f"{step.key}_date"), f"The date of '{step.label}'")
        at = parse_time(values.get(f"{step.key}_time"), f"The time of '{step.label}'")
        values[f"{step.key}_date"], values[f"{step.key}_time"] = day, at
        if day is None:
            if at is not None:
                raise ValidationError(f"Give the date of '{step.label}' as well as its time.")
            continue
        check_history_date(
            day,
            at,
            bounds,
            what=f"The date of '{step.label}'",
            reason=values.get("lookback_reason"),
        )
        moments[step.key] = (day, at)
    if "contact" not in moments:
        raise ValidationError("Give the date the contact came in.")
    for later, earlier in _ORDER:
        first = next((key for key in earlier if key in moments), None)
        if later in moments and first:
            not_before(moments[later], moments[first], _what(later), _what(first))


def _what(step: str) -> str:
    return f"'{STEP_LABELS[step]}'"


# Which step each must not come before: the nearest earlier one that was recorded.
_ORDER = (
    ("decision", ("contact",)),
    ("strategy", ("decision", "contact")),
    ("section47", ("strategy", "decision", "contact")),
    ("seen", ("contact",)),
)
