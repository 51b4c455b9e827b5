"""The demo's front door samples, the team's specialisms and allocations, and the on-site
week's timetable, from fixed data in ``resources/demo`` (no random draws), so the demo looks
like a real inspection's plan and the timings it shows can be checked by hand."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time

from ..domain.calendar import add_working_days
from ..domain.fieldwork import SPECIALISMS
from ..domain.organisations import organisation_order
from ..domain.record_types import AgencyRow, MemberRow, Row
from ..resources import resources_dir
from . import allocation, front_door, timetable
from .workspace import Workspace

# Case tracking of the tracked children: (day of fieldwork, start, end, room, inspectors).
CASE_TRACKING_SLOTS = (
    (1, "11:30", "13:00", "Room 3", ("ofsted:0", "cqc:0")),
    (1, "14:00", "15:30", "Room 4", ("ofsted:1", "hmicfrs:1")),
    (2, "11:30", "13:00", "Room 3", ("ofsted:0", "cqc:0")),
    (2, "14:00", "15:30", "Room 4", ("ofsted:1", "hmicfrs:1")),
    (3, "11:30", "13:00", "Room 3", ("ofsted:0", "cqc:0")),
    (3, "14:00", "15:30", "Room 4", ("ofsted:1", "hmicfrs:1")),
    (4, "13:30", "15:00", "Room 3", ("ofsted:0", "cqc:1")),
)
# Which inspector looks at each organisation ("INSPECTORATE:N", as in timetable.toml), by
# "kind/service type" or, failing that, by kind. The GP practice is left for the lead to
# allocate, so the lead sees a gap among the organisations.
ORGANISATION_INSPECTORS = {
    "children_social_care/front_door": "ofsted:0",
    "children_social_care": "ofsted:1",
    "education": "ofsted:2",
    "health/gp": None,
    "health/emergency_department": "cqc:1",
    "health/adult_mental_health": "cqc:1",
    "health": "cqc:0",
    "police": "hmicfrs:0",
    "probation": "hmi_probation:0",
    "youth_justice": "hmi_probation:0",
    "voluntary": "ofsted:0",
}


def _data(name: str) -> dict:
    with (resources_dir() / "demo" / name).open("rb") as handle:
        return tomllib.load(handle)


def step(builder, inspection_id: str) -> None:
    """The demo builder's step (see ``demo.later_steps``): the plan around its notification."""
    build(builder, inspection_id, builder.notification)


def build(builder, inspection_id: str, notification: date) -> None:
    """Add the front door, specialisms, allocations and timetable to the demo inspection.
    ``builder`` is the demo's builder: its team acts, each on their own device."""
    lead = builder.team[0]
    team = _Team(lead.rows("member", inspection_id, order_by="evidence_block"))
    agencies = _Organisations(lead.rows("agency", inspection_id))
    children = lead.rows("child", inspection_id, order_by="pseudonym")
    now = datetime.combine(add_working_days(notification, 14), time(18, 0))
    sampled = [c["id"] for c in children if c["selection"] == "sampled"]
    for n, sample in enumerate(_data("front_door_samples.toml")["sample"]):
        child_id = sampled[n % len(sampled)] if sampled and n % 2 == 0 else None
        values = _sample_values(sample, agencies, child_id)
        front_door.add_sample(builder.team[n % len(builder.team)], inspection_id, values, now=now)
    _specialisms(lead, team.members)
    days = [add_working_days(notification, 10 + n) for n in range(5)]
    tracked = [c for c in children if c["selection"] == "tracked"]
    _timetable(lead, inspection_id, days, team, agencies, tracked)
    _allocations(lead, team, agencies, children)


class _Organisations:
    """The demo's organisations as the data files name them: "kind/service type" for one
    service ("health/health_visiting"), or a kind alone for the one that leads it (the ICB for
    health, the force for police)."""

    def __init__(self, rows: list[AgencyRow]):
        self.rows = sorted(rows, key=organisation_order)

    def get(self, key: str) -> str | None:
        kind, _, service = key.partition("/")
        found = [o for o in self.rows if o["kind"] == kind]
        if service:
            found = [o for o in found if o.get("service_type") == service]
        return found[0]["id"] if found else None

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def inspector(self, organisation: Row) -> str | None:
        """Who looks at ``organisation``: "INSPECTORATE:N", or None to leave it to the lead."""
        specific = f"{organisation['kind']}/{organisation.get('service_type') or ''}"
        if specific in ORGANISATION_INSPECTORS:
            return ORGANISATION_INSPECTORS[specific]
        return ORGANISATION_INSPECTORS.get(organisation["kind"], "ofsted:0")


class _Team:
    def __init__(self, members: list[MemberRow]):
        self.members = members

    def pick(self, who: str) -> list[str]:
        """Member ids for "all" or "INSPECTORATE:N" (none when the team has no such one)."""
        if who == "all":
            return [m["id"] for m in self.members]
        inspectorate, _, n = who.partition(":")
        found = [m["id"] for m in self.members if m["inspectorate"] == inspectorate]
        return [found[int(n) % len(found)]] if found else []

    def picks(self, names) -> list[str]:
        return list(dict.fromkeys(m for who in names for m in self.pick(who)))


def _moment(text: str | None) -> tuple[str | None, str | None]:
    day, _, at = (text or "").partition(" ")
    return day or None, at or None


def _sample_values(sample: dict, agencies: _Organisations, child_id: str | None) -> dict:
    values = {
        key: sample.get(key)
        for key in (
            "label",
            "source_kind",
            "source_role",
            "threshold_decision",
            "decision_by",
            "decision_agreement",
            "strategy_agreement",
            "section47_agreement",
            "child_seen",
            "quality",
            "notes",
            "lookback_reason",
        )
    }
    values["child_id"] = child_id
    values["source_agency_id"] = agencies.get(sample.get("source_organisation", ""))
    for step in ("contact", "decision", "strategy", "section47", "seen"):
        values[f"{step}_date"], values[f"{step}_time"] = _moment(sample.get(step))
    kinds = sample.get("strategy_organisations", [])
    values["strategy_agencies"] = [agencies[k] for k in kinds if k in agencies]
    return values


def _specialisms(ws: Workspace, members: list[MemberRow]) -> None:
    """Ofsted's first two inspectors in social care and the third in schools; the others by
    their inspectorate's specialisms in turn."""
    counted: dict[str, int] = {}
    for member in members:
        choices = SPECIALISMS.get(member["inspectorate"], ())
        n = counted[member["inspectorate"]] = counted.get(member["inspectorate"], -1) + 1
        if member["inspectorate"] == "ofsted":
            n = max(0, n - 1)
        if choices:
            allocation.set_specialism(ws, member["id"], choices[min(n, len(choices) - 1)])


def _allocations(ws: Workspace, team: _Team, agencies: _Organisations, children) -> None:
    for organisation in agencies.rows:
        if not organisation["in_scope"]:
            continue
        inspector = agencies.inspector(organisation)
        who = team.pick(inspector) if inspector else []
        if who:  # none (or no inspector of that inspectorate): the lead sees the gap
            allocation.set_inspectors(ws, "agency", organisation["id"], who)
    partners = ("cqc", "hmicfrs")
    for n, child in enumerate(children[:-2]):  # the last two wait for the lead to allocate
        who = team.pick(f"ofsted:{n % 2}")
        if child["selection"] == "tracked":
            who += team.pick(f"{partners[n % 2]}:{n // 2}")
        allocation.set_inspectors(ws, "child", child["id"], who)


def _timetable(ws, inspection_id, days, team: _Team, agencies, tracked) -> None:
    sessions = list(_data("timetable.toml")["session"])
    for child, (day, start, end, room, inspectors) in zip(tracked, CASE_TRACKING_SLOTS):
        sessions.append(
            {
                "day": day,
                "start": start,
                "end": end,
                "kind": "case_tracking",
                "title": f"Case tracking: {child['pseudonym']}",
                "room": room,
                "inspectors": inspectors,
                "attendees": [["social worker", "children_social_care"]],
                "children": [child["id"]],
            }
        )
    for session in sessions:
        values = {
            "kind": session["kind"],
            "title": session["title"],
            "date": days[session["day"]],
            "start_time": session["start"],
            "end_time": session["end"],
            "room": session["room"],
            "attendees": [
                {"role": role, "agency": agencies[kind]}
                for role, kind in session.get("attendees", [])
                if kind in agencies
            ],
            "children": session.get("children", []),
        }
        timetable.add_entry(ws, inspection_id, values, team.picks(session["inspectors"]))
