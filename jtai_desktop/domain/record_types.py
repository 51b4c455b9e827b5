"""Typed rows of every kind of record. GENERATED from domain/records.py by
packaging/make_record_types.py: do not edit by hand (a test fails when it is stale).

A row is a dict at run time; for the type checker it is a TypedDict of its kind, so a
misspelt field is a type error. (The types exist only for the checker: importing this
module at start-up costs nothing.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypedDict, overload

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


class RecordReads:
    """Reads of projected records, typed by kind: ``get``, ``require`` and ``rows``
    return the kind's row type. A class implementing ``_row``, ``_rows`` and
    ``_missing`` gets them."""

    def _row(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def _rows(
        self, entity: str, inspection_id: str, where: str, params: tuple, order_by: str
    ) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _missing(self, entity: str, entity_id: str) -> Exception:
        raise NotImplementedError

    if TYPE_CHECKING:

        @overload
        def get(self, entity: Literal["inspection"], entity_id: str) -> InspectionRow | None: ...
        @overload
        def get(self, entity: Literal["member"], entity_id: str) -> MemberRow | None: ...
        @overload
        def get(self, entity: Literal["agency"], entity_id: str) -> AgencyRow | None: ...
        @overload
        def get(self, entity: Literal["child"], entity_id: str) -> ChildRow | None: ...
        @overload
        def get(self, entity: Literal["event"], entity_id: str) -> EventRow | None: ...
        @overload
        def get(self, entity: Literal["review"], entity_id: str) -> ReviewRow | None: ...
        @overload
        def get(self, entity: Literal["audit_eval"], entity_id: str) -> AuditEvalRow | None: ...
        @overload
        def get(self, entity: Literal["area_review"], entity_id: str) -> AreaReviewRow | None: ...
        @overload
        def get(self, entity: Literal["note"], entity_id: str) -> NoteRow | None: ...
        @overload
        def get(self, entity: Literal["evidence"], entity_id: str) -> EvidenceRow | None: ...
        @overload
        def get(self, entity: Literal["finding"], entity_id: str) -> FindingRow | None: ...
        @overload
        def get(self, entity: Literal["link"], entity_id: str) -> LinkRow | None: ...
        @overload
        def get(self, entity: Literal["device"], entity_id: str) -> DeviceRow | None: ...
        @overload
        def get(self, entity: Literal["report_entry"], entity_id: str) -> ReportEntryRow | None: ...
        @overload
        def get(self, entity: Literal["letter"], entity_id: str) -> LetterRow | None: ...
        @overload
        def get(
            self, entity: Literal["letter_version"], entity_id: str
        ) -> LetterVersionRow | None: ...
        @overload
        def get(
            self, entity: Literal["accuracy_item"], entity_id: str
        ) -> AccuracyItemRow | None: ...
        @overload
        def get(
            self, entity: Literal["front_door_sample"], entity_id: str
        ) -> FrontDoorSampleRow | None: ...
        @overload
        def get(
            self, entity: Literal["front_door_settings"], entity_id: str
        ) -> FrontDoorSettingsRow | None: ...
        @overload
        def get(self, entity: Literal["allocation"], entity_id: str) -> AllocationRow | None: ...
        @overload
        def get(
            self, entity: Literal["timetable_entry"], entity_id: str
        ) -> TimetableEntryRow | None: ...
        @overload
        def get(self, entity: Literal["code"], entity_id: str) -> CodeRow | None: ...
        @overload
        def get(
            self, entity: Literal["finding_source"], entity_id: str
        ) -> FindingSourceRow | None: ...
        @overload
        def get(
            self, entity: Literal["evidence_rule"], entity_id: str
        ) -> EvidenceRuleRow | None: ...
        @overload
        def get(self, entity: str, entity_id: str) -> Mapping[str, Any] | None: ...
        def get(self, entity: str, entity_id: str) -> Any: ...

        @overload
        def require(self, entity: Literal["inspection"], entity_id: str) -> InspectionRow: ...
        @overload
        def require(self, entity: Literal["member"], entity_id: str) -> MemberRow: ...
        @overload
        def require(self, entity: Literal["agency"], entity_id: str) -> AgencyRow: ...
        @overload
        def require(self, entity: Literal["child"], entity_id: str) -> ChildRow: ...
        @overload
        def require(self, entity: Literal["event"], entity_id: str) -> EventRow: ...
        @overload
        def require(self, entity: Literal["review"], entity_id: str) -> ReviewRow: ...
        @overload
        def require(self, entity: Literal["audit_eval"], entity_id: str) -> AuditEvalRow: ...
        @overload
        def require(self, entity: Literal["area_review"], entity_id: str) -> AreaReviewRow: ...
        @overload
        def require(self, entity: Literal["note"], entity_id: str) -> NoteRow: ...
        @overload
        def require(self, entity: Literal["evidence"], entity_id: str) -> EvidenceRow: ...
        @overload
        def require(self, entity: Literal["finding"], entity_id: str) -> FindingRow: ...
        @overload
        def require(self, entity: Literal["link"], entity_id: str) -> LinkRow: ...
        @overload
        def require(self, entity: Literal["device"], entity_id: str) -> DeviceRow: ...
        @overload
        def require(self, entity: Literal["report_entry"], entity_id: str) -> ReportEntryRow: ...
        @overload
        def require(self, entity: Literal["letter"], entity_id: str) -> LetterRow: ...
        @overload
        def require(
            self, entity: Literal["letter_version"], entity_id: str
        ) -> LetterVersionRow: ...
        @overload
        def require(self, entity: Literal["accuracy_item"], entity_id: str) -> AccuracyItemRow: ...
        @overload
        def require(
            self, entity: Literal["front_door_sample"], entity_id: str
        ) -> FrontDoorSampleRow: ...
        @overload
        def require(
            self, entity: Literal["front_door_settings"], entity_id: str
        ) -> FrontDoorSettingsRow: ...
        @overload
        def require(self, entity: Literal["allocation"], entity_id: str) -> AllocationRow: ...
        @overload
        def require(
            self, entity: Literal["timetable_entry"], entity_id: str
        ) -> TimetableEntryRow: ...
        @overload
        def require(self, entity: Literal["code"], entity_id: str) -> CodeRow: ...
        @overload
        def require(
            self, entity: Literal["finding_source"], entity_id: str
        ) -> FindingSourceRow: ...
        @overload
        def require(self, entity: Literal["evidence_rule"], entity_id: str) -> EvidenceRuleRow: ...
        @overload
        def require(self, entity: str, entity_id: str) -> Mapping[str, Any]: ...
        def require(self, entity: str, entity_id: str) -> Any: ...

        @overload
        def rows(
            self,
            entity: Literal["inspection"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[InspectionRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["member"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[MemberRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["agency"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[AgencyRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["child"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[ChildRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["event"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[EventRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["review"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[ReviewRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["audit_eval"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[AuditEvalRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["area_review"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[AreaReviewRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["note"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[NoteRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["evidence"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[EvidenceRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["finding"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[FindingRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["link"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[LinkRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["device"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[DeviceRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["report_entry"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[ReportEntryRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["letter"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[LetterRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["letter_version"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[LetterVersionRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["accuracy_item"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[AccuracyItemRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["front_door_sample"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[FrontDoorSampleRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["front_door_settings"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[FrontDoorSettingsRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["allocation"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[AllocationRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["timetable_entry"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[TimetableEntryRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["code"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[CodeRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["finding_source"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[FindingSourceRow]: ...
        @overload
        def rows(
            self,
            entity: Literal["evidence_rule"],
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[EvidenceRuleRow]: ...
        @overload
        def rows(
            self,
            entity: str,
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> list[Mapping[str, Any]]: ...
        def rows(
            self,
            entity: str,
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> Any: ...

    else:

        def get(self, entity: str, entity_id: str) -> Any:
            return self._row(entity, entity_id)

        def require(self, entity: str, entity_id: str) -> Any:
            row = self._row(entity, entity_id)
            if row is None:
                raise self._missing(entity, entity_id)
            return row

        def rows(
            self,
            entity: str,
            inspection_id: str,
            where: str = "",
            params: tuple = (),
            order_by: str = "created_at, id",
        ) -> Any:
            return self._rows(entity, inspection_id, where, params, order_by)
