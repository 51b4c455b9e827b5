"""Reads of records typed by kind (``RecordReads``), and the row types of record_rows.py
named again here. GENERATED from domain/records.py by packaging/make_record_types.py: do
not edit by hand (a test fails when it is stale).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from .record_rows import (
    AccuracyItemRow,
    AgencyRow,
    AllocationRow,
    AreaReviewRow,
    AuditEvalRow,
    ChildRow,
    CodeRow,
    DeviceRow,
    EventRow,
    EvidenceRow,
    EvidenceRuleRow,
    FindingRow,
    FindingSourceRow,
    FrontDoorSampleRow,
    FrontDoorSettingsRow,
    InspectionRow,
    LetterRow,
    LetterVersionRow,
    LinkRow,
    MemberRow,
    NoteRow,
    RecordKind,
    ReportEntryRow,
    ReviewRow,
    Row,
    TimetableEntryRow,
)

__all__ = [
    "AccuracyItemRow",
    "AgencyRow",
    "AllocationRow",
    "AreaReviewRow",
    "AuditEvalRow",
    "ChildRow",
    "CodeRow",
    "DeviceRow",
    "EventRow",
    "EvidenceRow",
    "EvidenceRuleRow",
    "FindingRow",
    "FindingSourceRow",
    "FrontDoorSampleRow",
    "FrontDoorSettingsRow",
    "InspectionRow",
    "LetterRow",
    "LetterVersionRow",
    "LinkRow",
    "MemberRow",
    "NoteRow",
    "RecordKind",
    "RecordReads",
    "ReportEntryRow",
    "ReviewRow",
    "Row",
    "TimetableEntryRow",
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
