"""The records an inspection is made of, as field specifications shared by every layer.

Each entity is a set of fields edited one op at a time (see ``jtai_desktop.sync``). The spec
says each field's type, whether it holds identifying details (kept inside the team, never
exported) and what full-text search indexes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import ValidationError


class StrEnum(enum.StrEnum):
    @classmethod
    def values(cls) -> tuple[str, ...]:
        # Kept once per class: iterating an enum is slow, and every save checks a choice.
        found = _VALUES.get(cls)
        if found is None:
            found = _VALUES[cls] = tuple(member.value for member in cls)
        return found


_VALUES: dict[type, tuple[str, ...]] = {}


class InspectionKind(StrEnum):
    FRONT_DOOR = "front_door"
    THEMATIC = "thematic"
    COMBINED = "combined"  # 2016 to 2020: the front door and a deep dive in one inspection


class Role(StrEnum):
    LEAD = "lead"
    MEMBER = "member"


class Selection(StrEnum):
    TRACKED = "tracked"
    SAMPLED = "sampled"
    AREA_AUDITED = "area_audited"


class NoteKind(StrEnum):
    MEETING = "meeting"
    INTERVIEW = "interview"
    FOCUS_GROUP = "focus_group"
    OBSERVATION = "observation"


class FindingKind(StrEnum):
    PRIORITY_ACTION = "priority_action"
    AREA_FOR_IMPROVEMENT = "area_for_improvement"
    STRENGTH = "strength"


class EvidenceSource(StrEnum):
    CASE_FILE = "case_file"
    INTERVIEW = "interview"
    OBSERVATION = "observation"
    AREA_DOCUMENT = "area_document"
    DATA = "data"


class AuditAgreement(StrEnum):
    AGREES = "agrees"
    PARTLY = "partly"
    DISAGREES = "disagrees"


class EventKind(StrEnum):
    CONTACT = "contact"
    REFERRAL = "referral"
    STRATEGY_DISCUSSION = "strategy_discussion"
    SECTION_47 = "section_47"
    CONFERENCE = "conference"
    PLAN = "plan"
    EARLY_HELP = "early_help"
    OTHER = "other"


class LinkTarget(StrEnum):
    CHILD = "child"
    AGENCY = "agency"
    CRITERION = "criterion"
    FINDING = "finding"
    REVIEW = "review"
    NOTE = "note"
    AREA_REVIEW = "area_review"


PARTNERSHIP = "partnership"  # a finding about the agencies together, not one of them
# The letter's versions and the area's factual-accuracy items (services.versions, .accuracy).
VERSION_PURPOSES = ("qa", "area", "internal", "responses")
ACCURACY_KINDS = ("comment", "insertion", "deletion", "replacement")
ACCURACY_STATUSES = ("open", "accepted", "rejected", "queried")
AGE_BANDS = ("unborn", "0-2", "3-5", "6-10", "11-15", "16-17")

TEXT, INT, BOOL, DATE, JSON = "text", "int", "bool", "date", "json"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str = TEXT
    identifying: bool = False  # a child's real details: team-only, never exported


@dataclass(frozen=True)
class EntitySpec:
    name: str
    table: str
    fields: tuple[FieldSpec, ...]
    search_title: str | None = None
    search_body: tuple[str, ...] = ()
    # Fields every stored record of the kind has (the services refuse one without them);
    # the others may be empty.
    required: tuple[str, ...] = ()

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


def _f(*names: str, kind: str = TEXT, identifying: bool = False) -> tuple[FieldSpec, ...]:
    return tuple(FieldSpec(n, kind, identifying) for n in names)


ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        EntitySpec(
            "inspection",
            "inspections",
            (
                *_f("kind", "theme_id", "theme_pack", "area", "title"),
                *_f("partnership", "inspectorates", kind=JSON),
                *_f("notification_date", "retention_date", kind=DATE),
                *_f("notice_days", "lookback_months", "fieldwork_days", kind=INT),
                *_f("notification_is_day_one", kind=BOOL),
                *_f("theme_version"),  # the published version the pack follows
            ),
            required=(
                "kind",
                "theme_id",
                "theme_pack",
                "area",
                "title",
                "partnership",
                "inspectorates",
                "notification_date",
                "notice_days",
                "lookback_months",
                "fieldwork_days",
                "notification_is_day_one",
            ),
        ),
        EntitySpec(
            "member",
            "members",
            (
                *_f("name", "inspectorate", "role", "device_id"),
                *_f("evidence_block", kind=INT),
                *_f("specialism"),
            ),
            required=("name", "inspectorate", "role", "evidence_block"),
        ),
        # An organisation: an agency kind, a name and, where the kind has several, a service
        # type ("maternity"). Still the "agency" record kind: ops are immutable and synced,
        # so renaming the kind would mean rewriting every op that names it.
        EntitySpec(
            "agency",
            "agencies",
            (*_f("kind", "name"), *_f("in_scope", kind=BOOL), *_f("service_type")),
            required=("kind", "name", "in_scope"),
        ),
        EntitySpec(
            "child",
            "children",
            (
                *_f("pseudonym", "case_ref", "age_band", "selection", "summary"),
                *_f("agencies", kind=JSON),
                *_f("private_name", "private_address", "private_school", identifying=True),
                *_f("private_dob", kind=DATE, identifying=True),
                # Criteria the inspector looked at in a sampled child's case: only these count
                # for its completeness (a tracked child is reviewed against every criterion).
                *_f("looked_at", kind=JSON),
            ),
            search_title="pseudonym",
            search_body=("summary",),
            required=("pseudonym", "selection", "agencies"),
        ),
        EntitySpec(
            "event",
            "events",
            (
                *_f("child_id", "kind", "summary", "agency_id"),
                *_f("date", kind=DATE),
                *_f("time", "lookback_reason"),  # HH:MM; why a date before the look-back
            ),
            required=("child_id", "kind", "summary", "date"),
        ),
        EntitySpec(
            "review",
            "reviews",
            (
                *_f("child_id", "criterion_id", "agency_id", "observation", "rating"),
                *_f("strength", "concern", "moderated", kind=BOOL),
            ),
            search_body=("observation",),
            required=("child_id", "criterion_id", "agency_id"),
        ),
        EntitySpec(
            "audit_eval",
            "audit_evaluations",
            # agency_id: the organisation whose audit this is (none: the multi-agency audit).
            (*_f("child_id", "area_summary", "agreement", "evaluation", "agency_id"),),
            search_body=("area_summary", "evaluation"),
            required=("child_id",),
        ),
        # A criterion judged once for the area (leadership, the safeguarding arrangements),
        # per organisation: never asked in a child's case.
        EntitySpec(
            "area_review",
            "area_reviews",
            (
                *_f("criterion_id", "agency_id", "observation", "rating"),
                *_f("strength", "concern", "moderated", kind=BOOL),
            ),
            search_body=("observation",),
            required=("criterion_id", "agency_id"),
        ),
        EntitySpec(
            "note",
            "notes",
            (
                *_f("kind", "title", "text"),
                *_f("date", kind=DATE),
                *_f("attendees", "children", "criteria", kind=JSON),
                *_f("children_or_families_present", "consent_recorded", kind=BOOL),
            ),
            search_title="title",
            search_body=("text",),
            required=(
                "kind",
                "title",
                "text",
                "date",
                "attendees",
                "children",
                "criteria",
                "children_or_families_present",
                "consent_recorded",
            ),
        ),
        EntitySpec(
            "evidence",
            "evidence",
            (
                *_f("ref", "title", "source", "sha256", "file_name", "media_type", "description"),
                *_f("size", kind=INT),
                *_f("date", kind=DATE),
            ),
            search_title="title",
            search_body=("ref", "description"),
            # The date may be unknown at import: the file records none (services/file_dates).
            required=("ref", "title", "source"),
        ),
        EntitySpec(
            "finding",
            "findings",
            (
                *_f("kind", "title", "text"),
                *_f("agencies", kind=JSON),
                *_f("moderated", kind=BOOL),
            ),
            search_title="title",
            search_body=("text",),
            required=("kind", "title", "text", "agencies"),
        ),
        EntitySpec(
            "link",
            "links",
            (*_f("evidence_id", "target_kind", "target_id"),),
            required=("evidence_id", "target_kind", "target_id"),
        ),
        # The team's devices: only the lead's device may change them (see sync.roster).
        EntitySpec(
            "device",
            "devices",
            (
                *_f("public_key", "status", "member_id", "label"),
                *_f("is_lead", kind=BOOL),
                *_f("evidence_block", kind=INT),
            ),
            required=("public_key", "status", "is_lead"),
        ),
        # The lead's work on the letter, shared with the team: a section's heading, text and
        # chosen items (entry "section"), or an override of an identifying-details hit with its
        # reason (entry "override"; who and when are the record's own created_by/created_at).
        EntitySpec(
            "report_entry",
            "report_entries",
            (
                *_f("entry", "section", "heading", "text", "hit_kind", "hit_location", "reason"),
                *_f("hit_match", identifying=True),
                *_f("items", kind=JSON),
            ),
            required=("entry",),
        ),
        # The letter's settings, one per inspection (its id derived from the inspection's).
        EntitySpec(
            "letter",
            "letters",
            (
                *_f("format", "principal_authority", "sender", "published_version"),
                *_f("letter_date", "published_on", "wsoa_due", "retention_proposed", kind=DATE),
                *_f("wsoa_days", "small_count_below", kind=INT),
            ),
        ),
        # A letter as exported for quality assurance, for the area or as published: what was
        # in it (sections and the findings they drew on), the file's name and hash. Who and
        # when are the record's own created_by/created_at.
        EntitySpec(
            "letter_version",
            "letter_versions",
            (
                *_f("purpose", "file_name", "sha256"),
                *_f("number", "size", kind=INT),
                *_f("letter_date", kind=DATE),
                *_f("sections", "findings", kind=JSON),
            ),
            required=("purpose", "file_name", "sha256", "number", "size", "sections", "findings"),
        ),
        # One comment or tracked change from the area's factual-accuracy return, anchored to a
        # section and paragraph of the version it answers, with the lead's decision.
        EntitySpec(
            "accuracy_item",
            "accuracy_items",
            (
                *_f("version_id", "kind", "section", "heading", "quoted", "comment", "author"),
                *_f("status", "response"),
                *_f("paragraph", kind=INT),
            ),
            required=("version_id", "kind", "section", "status", "paragraph"),
        ),
        # One contact or referral sampled at the front door (see domain.front_door): each
        # step's date and optional time, who made the decisions (by role, never by name) and
        # whether the inspector agrees with each.
        EntitySpec(
            "front_door_sample",
            "front_door_samples",
            (
                *_f("label", "child_id", "source_kind", "source_agency_id", "source_role"),
                *_f("threshold_decision", "decision_by"),
                *_f("decision_agreement", "strategy_agreement", "section47_agreement"),
                *_f("child_seen", "quality", "notes", "lookback_reason"),
                *_f("contact_time", "decision_time", "strategy_time", "section47_time"),
                *_f("seen_time"),
                *_f("contact_date", "decision_date", "strategy_date", "section47_date", kind=DATE),
                *_f("seen_date", kind=DATE),
                *_f("strategy_agencies", kind=JSON),
            ),
            search_title="label",
            search_body=("notes",),
            required=("label", "source_kind", "contact_date"),
        ),
        # The team's timeliness targets (working hours per interval) and office day.
        EntitySpec(
            "front_door_settings",
            "front_door_settings",
            (
                *_f("day_start", "day_end"),
                *_f("decision_target", "strategy_target", "section47_target", kind=INT),
                *_f("seen_target", kind=INT),
            ),
        ),
        # An inspector given a child, an organisation or a timetable session to look at.
        EntitySpec(
            "allocation",
            "allocations",
            (*_f("member_id", "target_kind", "target_id"),),
            required=("member_id", "target_kind", "target_id"),
        ),
        # A session of the on-site week; its inspectors are its allocations.
        EntitySpec(
            "timetable_entry",
            "timetable_entries",
            (
                *_f("kind", "title", "start_time", "end_time", "room"),
                *_f("date", kind=DATE),
                *_f("attendees", "children", kind=JSON),
            ),
            search_title="title",
            required=("kind", "title", "start_time", "end_time", "date"),
        ),
        # A coded passage (domain.coding): part of a note's text, a review's observation, an
        # evidence item's description or a front door sample's notes, by its offsets and the
        # words quoted, marked as a strength or concern for a criterion and organisations.
        EntitySpec(
            "code",
            "codes",
            (
                *_f("source_kind", "source_id", "quote", "criterion_id", "mark", "voice"),
                *_f("passage_start", "passage_end", kind=INT),
                *_f("agencies", kind=JSON),
            ),
        ),
        # A finding resting on a coded passage, a review or a front door sample (its id
        # derived from the three, as an evidence link's is).
        EntitySpec(
            "finding_source",
            "finding_sources",
            (*_f("finding_id", "source_kind", "source_id"),),
        ),
        # The lead's rule for a finding to stand, one per inspection (services.triangulation).
        EntitySpec(
            "evidence_rule",
            "evidence_rules",
            (*_f("min_sources", "min_kinds", kind=INT),),
        ),
    )
}

# Columns every projected row carries besides its fields, all derived from the ops.
META_COLUMNS = (
    "id",
    "inspection_id",
    "created_at",
    "created_by",
    "created_device",
    "updated_at",
    "updated_by",
)
SEARCHABLE = tuple(name for name, spec in ENTITIES.items() if spec.search_title or spec.search_body)


def spec_for(entity: str) -> EntitySpec:
    try:
        return ENTITIES[entity]
    except KeyError:
        raise KeyError(f"unknown record type {entity!r}") from None


def normalise(entity: str, values: dict) -> dict:
    """Check field names and coerce values to their stored types; bad input is a clear error.
    Each value must also keep its field's rules (``field_rules``), which a colleague's
    synced change must keep too."""
    from .field_rules import check_field  # it builds on the kinds defined here

    spec = spec_for(entity)
    clean = {name: _coerce(spec, name, value) for name, value in values.items()}
    for name, value in clean.items():
        check_field(entity, name, value)
    return clean


def _coerce(spec: EntitySpec, name: str, value: Any) -> Any:
    try:
        kind = spec.field(name).kind
    except KeyError:
        raise ValidationError(f"A {spec.name} has no field called {name!r}.") from None
    if value is None or (value == "" and kind != TEXT):
        return None
    if kind == DATE and isinstance(value, date):
        return value.isoformat()
    expected = _KIND_TYPES[kind]
    if (kind == INT and isinstance(value, bool)) or not isinstance(value, expected):
        raise ValidationError(
            f"The {name} of a {spec.name} must be {_KIND_WORDS[kind]}, not {value!r}."
        )
    if kind == DATE:
        _check_iso_date(spec, name, str(value))
    return value


def _check_iso_date(spec: EntitySpec, name: str, value: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"The {name} of a {spec.name} must be a date like 2026-11-23, not {value!r}."
        ) from None


_KIND_TYPES: dict[str, type | tuple[type, ...]] = {
    TEXT: str,
    INT: int,
    BOOL: bool,
    DATE: str,
    JSON: (list, dict),
}
_KIND_WORDS = {
    TEXT: "text",
    INT: "a whole number",
    BOOL: "yes or no",
    DATE: "a date",
    JSON: "a list",
}
