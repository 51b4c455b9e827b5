"""Rules a field's value must keep, whoever writes it: a local edit and a colleague's synced
change pass the same checks before anything is stored. A value that breaks one (a theme pack
that is not valid TOML, a kind of note the app does not know) would make the inspection
unusable on every computer it reached.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .coding import CODED_FIELDS, FINDING_SOURCES, MARKS, VOICES
from .errors import ThemePackError, ValidationError
from .fieldwork import ALLOCATABLE, TIMETABLE_KINDS
from .front_door import AGREEMENT_CHOICES, SEEN_CHOICES, SOURCE_KINDS, THRESHOLD_DECISIONS
from .records import (
    ACCURACY_KINDS,
    ACCURACY_STATUSES,
    AGE_BANDS,
    VERSION_PURPOSES,
    AuditAgreement,
    EventKind,
    EvidenceSource,
    FindingKind,
    InspectionKind,
    LinkTarget,
    NoteKind,
    Role,
    Selection,
    normalise,
)
from .themes import AGENCY_KINDS, INSPECTORATES, SERVICE_TYPES, embedded_pack

# Settings that shape the whole inspection (its theme pack, calendar, inspectorates...):
# only the lead changes them, here and in what sync accepts.
LEAD_ONLY_ENTITIES = ("inspection", "front_door_settings", "evidence_rule")
DEVICE_STATUSES = ("active", "revoked")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def _choice(allowed, what: str) -> Callable[[Any], None]:
    def check(value) -> None:
        if value not in allowed:
            raise ValidationError(f"{what} {value!r} is not one this version knows.")

    return check


def _whole(low: int, high: int, what: str) -> Callable[[Any], None]:
    def check(value) -> None:
        if not low <= value <= high:
            raise ValidationError(f"{what} must be from {low} to {high}, not {value}.")

    return check


def _list_of(allowed, what: str) -> Callable[[Any], None]:
    def check(value) -> None:
        if not isinstance(value, list) or any(item not in allowed for item in value):
            raise ValidationError(f"{what} holds a value this version does not know.")

    return check


def _texts(what: str) -> Callable[[Any], None]:
    def check(value) -> None:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(f"{what} must be a list of names or ids.")

    return check


def _theme_pack(value) -> None:
    try:
        embedded_pack(value)
    except ThemePackError as error:
        raise ValidationError(f"The theme pack is not usable: {error.message}") from None


def _time(value) -> None:
    if not _TIME.fullmatch(value):
        raise ValidationError(f"A time of day must be written like 09:30, not {value!r}.")


def _attendees(value) -> None:
    if not isinstance(value, list) or not all(
        isinstance(a, dict) and isinstance(a.get("role"), str) for a in value
    ):
        raise ValidationError("Attendees must each have a role.")


def _sha256(value) -> None:
    if not _SHA256.fullmatch(value):
        raise ValidationError("An evidence file's hash must be 64 hexadecimal digits.")


RULES: dict[tuple[str, str], Callable[[Any], None]] = {
    ("inspection", "kind"): _choice(InspectionKind.values(), "The kind of inspection"),
    ("inspection", "theme_pack"): _theme_pack,
    ("inspection", "inspectorates"): _list_of(INSPECTORATES, "The inspectorates"),
    ("inspection", "partnership"): _texts("The partnership"),
    ("inspection", "notice_days"): _whole(1, 30, "The notice period"),
    ("inspection", "lookback_months"): _whole(1, 36, "The look-back period"),
    ("inspection", "fieldwork_days"): _whole(1, 10, "Fieldwork"),
    ("member", "inspectorate"): _choice(INSPECTORATES, "The inspectorate"),
    ("member", "role"): _choice(Role.values(), "The role"),
    ("agency", "kind"): _choice(AGENCY_KINDS, "The kind of agency"),
    ("agency", "service_type"): _choice(
        {s for types in SERVICE_TYPES.values() for s in types}, "The service type"
    ),
    ("child", "looked_at"): _texts("The criteria looked at"),
    ("child", "selection"): _choice(Selection.values(), "How the child was selected"),
    ("child", "age_band"): _choice(AGE_BANDS, "The age band"),
    ("child", "agencies"): _texts("The child's agencies"),
    ("event", "kind"): _choice(EventKind.values(), "The kind of event"),
    ("audit_eval", "agreement"): _choice(AuditAgreement.values(), "The audit agreement"),
    ("note", "kind"): _choice(NoteKind.values(), "The kind of note"),
    ("note", "children"): _texts("The children of a note"),
    ("note", "criteria"): _texts("The criteria of a note"),
    ("evidence", "source"): _choice(EvidenceSource.values(), "The source of the evidence"),
    ("evidence", "sha256"): _sha256,
    ("finding", "kind"): _choice(FindingKind.values(), "The kind of finding"),
    ("finding", "agencies"): _texts("The finding's agencies"),
    ("link", "target_kind"): _choice(LinkTarget.values(), "What the evidence is linked to"),
    ("device", "status"): _choice(DEVICE_STATUSES, "The device's status"),
    ("letter", "small_count_below"): _whole(2, 50, "The small-count threshold"),
    ("letter", "wsoa_days"): _whole(1, 365, "The statement of action's working days"),
    ("letter_version", "purpose"): _choice(VERSION_PURPOSES, "What the version was for"),
    ("letter_version", "sha256"): _sha256,
    ("accuracy_item", "kind"): _choice(ACCURACY_KINDS, "The kind of accuracy item"),
    ("accuracy_item", "status"): _choice(ACCURACY_STATUSES, "The decision"),
    # The front door, the team's allocations and the on-site timetable (migration 0012).
    ("event", "time"): _time,
    ("front_door_sample", "source_kind"): _choice(SOURCE_KINDS, "Who the contact came from"),
    ("front_door_sample", "threshold_decision"): _choice(
        THRESHOLD_DECISIONS, "The threshold decision"
    ),
    ("front_door_sample", "child_seen"): _choice(SEEN_CHOICES, "Whether the child was seen"),
    ("front_door_sample", "strategy_agencies"): _texts("The strategy discussion's organisations"),
    **{
        ("front_door_sample", f"{step}_agreement"): _choice(AGREEMENT_CHOICES, "The agreement")
        for step in ("decision", "strategy", "section47")
    },
    **{
        ("front_door_sample", f"{step}_time"): _time
        for step in ("contact", "decision", "strategy", "section47", "seen")
    },
    ("front_door_settings", "day_start"): _time,
    ("front_door_settings", "day_end"): _time,
    **{
        ("front_door_settings", f"{step}_target"): _whole(1, 400, "A timeliness target")
        for step in ("decision", "strategy", "section47", "seen")
    },
    ("allocation", "target_kind"): _choice(ALLOCATABLE, "What an inspector is allocated to"),
    ("timetable_entry", "kind"): _choice(TIMETABLE_KINDS, "The kind of session"),
    ("timetable_entry", "start_time"): _time,
    ("timetable_entry", "end_time"): _time,
    ("timetable_entry", "attendees"): _attendees,
    ("timetable_entry", "children"): _texts("The children of a session"),
    # Coded passages, the sources findings rest on and the lead's rule (migration 0015).
    ("code", "source_kind"): _choice(CODED_FIELDS, "What a code marks a passage of"),
    ("code", "mark"): _choice(MARKS, "A code's mark"),
    ("code", "voice"): _choice(VOICES, "The voice a passage carries"),
    ("code", "agencies"): _texts("The organisations of a code"),
    ("code", "passage_start"): _whole(0, 10_000_000, "Where a coded passage starts"),
    ("code", "passage_end"): _whole(0, 10_000_000, "Where a coded passage ends"),
    ("finding_source", "source_kind"): _choice(FINDING_SOURCES, "What a finding rests on"),
    ("evidence_rule", "min_sources"): _whole(1, 50, "The number of sources a finding needs"),
    ("evidence_rule", "min_kinds"): _whole(1, 4, "The number of kinds of source a finding needs"),
}


def check_field(entity: str, field: str, value: Any) -> None:
    """Raise ValidationError if ``value`` (already of the field's type) breaks a rule."""
    rule = RULES.get((entity, field))
    if rule is not None and value is not None:
        rule(value)


def check_synced_value(entity: str, field: str, value: Any) -> None:
    """A value as it arrives in a colleague's change: of the field's type exactly as the app
    stores it, and within the field's rules (``normalise`` applies them, as for local edits)."""
    if normalise(entity, {field: value}) != {field: value}:
        raise ValidationError(f"The {field} of a {entity} is not stored as it was sent.")
