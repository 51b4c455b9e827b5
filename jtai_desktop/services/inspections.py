"""Setting up an inspection and its team, finding inspections, and reading their settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.calendar import CalendarSettings, KeyDates, key_dates
from ..domain.errors import AmbiguousError, NotFoundError, ValidationError
from ..domain.organisations import organisation_order
from ..domain.record_types import AgencyRow, InspectionRow
from ..domain.records import InspectionKind, Role
from ..domain.rules import require_choice, require_known, require_text
from ..domain.themes import AGENCY_KINDS, INSPECTORATES, ThemePack, embedded_pack
from ..store import inspections as store_inspections
from .changes import ChangeSet
from .workspace import Workspace

Choice = tuple[str, str]  # (record id, what the user sees) for a picker


@dataclass(frozen=True)
class MemberInput:
    name: str
    inspectorate: str
    role: str = Role.MEMBER.value


def create_inspection(
    ws: Workspace,
    pack: ThemePack,
    *,
    area: str,
    notification: date,
    lead: MemberInput,
    team: tuple[MemberInput, ...] = (),
    settings: CalendarSettings | None = None,
    partnership: list[str] | None = None,
) -> ChangeSet:
    """Create an inspection with its lead (acting on this device), team and agencies."""
    area = require_text(area, "The area")
    settings = settings or CalendarSettings(notice_days=pack.notice_days)
    key_dates(notification, settings)  # refuses a notification day that is not a working day
    for member in (lead, *team):  # before anything is written
        _taking_part(pack.inspectorates, member.inspectorate)
    inspection_id, lead_id = ws.new_id(), ws.new_id()
    ws.set_author(inspection_id, lead_id)
    with ws.transaction():
        changes = ws.create(
            "inspection",
            inspection_id,
            _inspection_values(pack, area, notification, settings, partnership),
            entity_id=inspection_id,
            label="Create inspection",
        )
        changes += _add_member(
            ws,
            inspection_id,
            lead,
            1,
            member_id=lead_id,
            role=Role.LEAD.value,
            device_id=ws.device_id,
        )
        for block, member in enumerate(team, start=2):
            changes += _add_member(ws, inspection_id, member, block)
        for kind in pack.agencies:
            changes += add_agency(ws, inspection_id, kind)
    return changes


def _inspection_values(pack, area, notification, settings, partnership) -> dict:
    return {
        "kind": require_choice(pack.kind, InspectionKind.values(), "The kind of inspection"),
        "theme_id": pack.id,
        "theme_pack": pack.to_toml(),
        "area": area,
        "title": f"{area}: {pack.title}",
        "partnership": partnership or default_partnership(area),
        "inspectorates": list(pack.inspectorates),
        "notification_date": notification,
        "notice_days": settings.notice_days,
        "lookback_months": settings.lookback_months,
        "fieldwork_days": settings.fieldwork_days,
        "notification_is_day_one": settings.notification_is_day_one,
        "theme_version": pack.version or None,
    }


def default_partnership(area: str) -> list[str]:
    """The three statutory safeguarding partners of the area."""
    return [f"{area} local authority", f"{area} integrated care board", f"{area} police"]


def _add_member(
    ws: Workspace,
    inspection_id: str,
    member: MemberInput,
    block: int,
    *,
    member_id: str | None = None,
    role: str | None = None,
    device_id: str | None = None,
) -> ChangeSet:
    values = {
        "name": require_text(member.name, "A team member's name"),
        "inspectorate": _taking_part(
            ws.require("inspection", inspection_id)["inspectorates"] or (), member.inspectorate
        ),
        "role": require_choice(role or member.role, Role.values(), "The role"),
        "evidence_block": block,
        "device_id": device_id,
    }
    return ws.create("member", inspection_id, values, entity_id=member_id, label="Add team member")


def _taking_part(taking_part, inspectorate: str) -> str:
    """An inspectorate that takes part in the inspection (a team matches the theme's
    inspectorates: no HMI Probation inspector on a front door inspection)."""
    key = require_known(inspectorate, INSPECTORATES, "The inspectorate")
    if taking_part and key not in taking_part:
        names = ", ".join(INSPECTORATES.get(i, i) for i in taking_part)
        raise ValidationError(
            f"{INSPECTORATES[key]} does not take part in this inspection (its inspectorates "
            f"are {names}); choose one of those for this team member."
        )
    return key


def add_member(ws: Workspace, inspection_id: str, member: MemberInput) -> ChangeSet:
    blocks = [m["evidence_block"] or 0 for m in ws.rows("member", inspection_id)]
    return _add_member(ws, inspection_id, member, max(blocks, default=0) + 1)


def add_agency(
    ws: Workspace, inspection_id: str, kind: str, name: str | None = None, in_scope: bool = True
) -> ChangeSet:
    require_choice(kind, AGENCY_KINDS, "The kind of agency")
    return ws.create(
        "agency",
        inspection_id,
        {"kind": kind, "name": name or AGENCY_KINDS[kind], "in_scope": in_scope},
        label="Add agency",
    )


def set_in_scope(ws: Workspace, agency_id: str, in_scope: bool) -> ChangeSet:
    """Take an agency out of the inspection's scope, or bring it back in."""
    label = "Include agency" if in_scope else "Take agency out of scope"
    return ws.update("agency", agency_id, {"in_scope": in_scope}, label=label)


def ordered_agencies(agencies: list[AgencyRow]) -> list[AgencyRow]:
    """Organisations in the usual order: the front door and the statutory partners first,
    then by service type and name within a kind (see ``organisation_order``)."""
    return sorted(agencies, key=organisation_order)


def agencies_in_order(ws: Workspace, inspection_id: str) -> list[AgencyRow]:
    return ordered_agencies(ws.rows("agency", inspection_id))


def agency_choices(ws: Workspace, inspection_id: str) -> list[Choice]:
    rows = ws.rows("agency", inspection_id, order_by="name")
    return [(a["id"], a["name"]) for a in rows]


def check_agencies(ws: Workspace, inspection_id: str, agency_ids) -> None:
    known = {a["id"] for a in ws.rows("agency", inspection_id)}
    if any(a not in known for a in agency_ids):
        raise ValidationError("Only agencies of this inspection can be involved with a child.")


def criterion_choices(ws: Workspace, inspection_id: str) -> list[Choice]:
    return [(c.id, f"{c.id}  {c.title}") for c in theme_pack(ws, inspection_id).criteria]


def theme_pack(ws: Workspace, inspection_id: str) -> ThemePack:
    """The theme pack embedded in the inspection, so every member reviews the same criteria."""
    return embedded_pack(ws.require("inspection", inspection_id)["theme_pack"])


def calendar_settings(row: InspectionRow) -> CalendarSettings:
    return CalendarSettings(
        notice_days=row["notice_days"],
        lookback_months=row["lookback_months"],
        fieldwork_days=row["fieldwork_days"],
        notification_is_day_one=bool(row["notification_is_day_one"]),
    )


def inspection_dates(ws: Workspace, inspection_id: str) -> KeyDates:
    row = ws.require("inspection", inspection_id)
    return key_dates(date.fromisoformat(row["notification_date"]), calendar_settings(row))


def resolve_inspection(ws: Workspace, reference: str) -> str:
    """An inspection id from the id itself or a unique prefix of it."""
    reference = (reference or "").strip().lower()
    if not reference:
        raise ValidationError("Name an inspection by its id or the start of it.")
    ids = store_inspections.ids_with_prefix(ws.db, reference)
    if reference in ids:
        return reference
    if not ids:
        raise NotFoundError(
            f"No inspection matches {reference!r}. "
            "Run 'jtai-desktop list' to see the inspections in this data folder."
        )
    if len(ids) > 1:
        raise AmbiguousError(
            f"{reference!r} matches {len(ids)} inspections "
            f"({', '.join(i[:8] for i in ids)}); give more of the id."
        )
    return ids[0]


def inspection_counts(ws: Workspace, inspection_id: str, with_ops: bool = True) -> dict[str, int]:
    return store_inspections.counts(ws.db, inspection_id, with_ops)


def list_inspections(ws: Workspace) -> list[dict]:
    return store_inspections.summaries(ws.db)


def unsynced_count(ws: Workspace, inspection_id: str) -> int:
    """Changes made on this device that have not been sent to the team yet."""
    from ..store import oplog, sync_state

    device = ws.device_for(inspection_id)
    last = oplog.last_seq(ws.db, inspection_id, device)
    return max(0, last - sync_state.pushed_anywhere(ws.db, inspection_id, device))


def most_recent_inspection(ws: Workspace) -> str | None:
    return store_inspections.most_recent_id(ws.db)
