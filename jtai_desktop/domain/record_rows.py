"""Typed rows of every kind of record. GENERATED from domain/records.py by
packaging/make_record_types.py: do not edit by hand (a test fails when it is stale).

A row is a dict at run time; for the type checker it is a TypedDict of its kind, so a
misspelt field is a type error. (The types exist only for the checker: importing this
module at start-up costs nothing.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypedDict

if TYPE_CHECKING:

    class InspectionRow(TypedDict):
        """One inspection as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        kind: str
        theme_id: str
        theme_pack: str
        area: str
        title: str
        partnership: list[Any]
        inspectorates: list[Any]
        notification_date: str
        retention_date: str | None
        notice_days: int
        lookback_months: int
        fieldwork_days: int
        notification_is_day_one: int
        theme_version: str | None

    class MemberRow(TypedDict):
        """One member as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        name: str
        inspectorate: str
        role: str
        device_id: str | None
        evidence_block: int
        specialism: str | None

    class AgencyRow(TypedDict):
        """One agency as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        kind: str
        name: str
        in_scope: int
        service_type: str | None

    class ChildRow(TypedDict):
        """One child as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        pseudonym: str
        case_ref: str | None
        age_band: str | None
        selection: str
        summary: str | None
        agencies: list[Any]
        private_name: str | None
        private_address: str | None
        private_school: str | None
        private_dob: str | None
        looked_at: list[Any] | None

    class EventRow(TypedDict):
        """One event as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        child_id: str
        kind: str
        summary: str
        agency_id: str | None
        date: str
        time: str | None
        lookback_reason: str | None

    class ReviewRow(TypedDict):
        """One review as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        child_id: str
        criterion_id: str
        agency_id: str
        observation: str | None
        rating: str | None
        strength: int | None
        concern: int | None
        moderated: int | None

    class AuditEvalRow(TypedDict):
        """One audit eval as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        child_id: str
        area_summary: str | None
        agreement: str | None
        evaluation: str | None
        agency_id: str | None

    class AreaReviewRow(TypedDict):
        """One area review as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        criterion_id: str
        agency_id: str
        observation: str | None
        rating: str | None
        strength: int | None
        concern: int | None
        moderated: int | None

    class NoteRow(TypedDict):
        """One note as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        kind: str
        title: str
        text: str
        date: str
        attendees: list[Any]
        children: list[Any]
        criteria: list[Any]
        children_or_families_present: int
        consent_recorded: int

    class EvidenceRow(TypedDict):
        """One evidence as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        ref: str
        title: str
        source: str
        sha256: str | None
        file_name: str | None
        media_type: str | None
        description: str | None
        size: int | None
        date: str | None

    class FindingRow(TypedDict):
        """One finding as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        kind: str
        title: str
        text: str
        agencies: list[Any]
        moderated: int | None

    class LinkRow(TypedDict):
        """One link as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        evidence_id: str
        target_kind: str
        target_id: str

    class DeviceRow(TypedDict):
        """One device as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        public_key: str
        status: str
        member_id: str | None
        label: str | None
        is_lead: int
        evidence_block: int | None

    class ReportEntryRow(TypedDict):
        """One report entry as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        entry: str
        section: str | None
        heading: str | None
        text: str | None
        hit_kind: str | None
        hit_location: str | None
        reason: str | None
        hit_match: str | None
        items: list[Any] | None

    class LetterRow(TypedDict):
        """One letter as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        format: str | None
        principal_authority: str | None
        sender: str | None
        published_version: str | None
        letter_date: str | None
        published_on: str | None
        wsoa_due: str | None
        retention_proposed: str | None
        wsoa_days: int | None
        small_count_below: int | None

    class LetterVersionRow(TypedDict):
        """One letter version as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        purpose: str
        file_name: str
        sha256: str
        number: int
        size: int
        letter_date: str | None
        sections: list[Any]
        findings: list[Any]

    class AccuracyItemRow(TypedDict):
        """One accuracy item as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        version_id: str
        kind: str
        section: str
        heading: str | None
        quoted: str | None
        comment: str | None
        author: str | None
        status: str
        response: str | None
        paragraph: int

    class FrontDoorSampleRow(TypedDict):
        """One front door sample as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        label: str
        child_id: str | None
        source_kind: str
        source_agency_id: str | None
        source_role: str | None
        threshold_decision: str | None
        decision_by: str | None
        decision_agreement: str | None
        strategy_agreement: str | None
        section47_agreement: str | None
        child_seen: str | None
        quality: str | None
        notes: str | None
        lookback_reason: str | None
        contact_time: str | None
        decision_time: str | None
        strategy_time: str | None
        section47_time: str | None
        seen_time: str | None
        contact_date: str
        decision_date: str | None
        strategy_date: str | None
        section47_date: str | None
        seen_date: str | None
        strategy_agencies: list[Any] | None

    class FrontDoorSettingsRow(TypedDict):
        """One front door settings as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        day_start: str | None
        day_end: str | None
        decision_target: int | None
        strategy_target: int | None
        section47_target: int | None
        seen_target: int | None

    class AllocationRow(TypedDict):
        """One allocation as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        member_id: str
        target_kind: str
        target_id: str

    class TimetableEntryRow(TypedDict):
        """One timetable entry as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        kind: str
        title: str
        start_time: str
        end_time: str
        room: str | None
        date: str
        attendees: list[Any] | None
        children: list[Any] | None

    class CodeRow(TypedDict):
        """One code as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        source_kind: str | None
        source_id: str | None
        quote: str | None
        criterion_id: str | None
        mark: str | None
        voice: str | None
        passage_start: int | None
        passage_end: int | None
        agencies: list[Any] | None

    class FindingSourceRow(TypedDict):
        """One finding source as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        finding_id: str | None
        source_kind: str | None
        source_id: str | None

    class EvidenceRuleRow(TypedDict):
        """One evidence rule as stored."""

        id: str
        inspection_id: str
        created_at: str
        created_by: str
        created_device: str
        updated_at: str
        updated_by: str
        min_sources: int | None
        min_kinds: int | None

else:  # at run time a row is a plain dict
    InspectionRow = MemberRow = AgencyRow = ChildRow = EventRow = ReviewRow = AuditEvalRow = (
        AreaReviewRow
    ) = NoteRow = EvidenceRow = FindingRow = LinkRow = DeviceRow = ReportEntryRow = LetterRow = (
        LetterVersionRow
    ) = AccuracyItemRow = FrontDoorSampleRow = FrontDoorSettingsRow = AllocationRow = (
        TimetableEntryRow
    ) = CodeRow = FindingSourceRow = EvidenceRuleRow = dict

Row = Mapping[str, Any]  # a row of a kind named at run time

RecordKind = Literal[
    "inspection",
    "member",
    "agency",
    "child",
    "event",
    "review",
    "audit_eval",
    "area_review",
    "note",
    "evidence",
    "finding",
    "link",
    "device",
    "report_entry",
    "letter",
    "letter_version",
    "accuracy_item",
    "front_door_sample",
    "front_door_settings",
    "allocation",
    "timetable_entry",
    "code",
    "finding_source",
    "evidence_rule",
]
