"""A deterministic, realistic demo inspection (fictional area, team and children).

The same seed gives the same inspection, byte for byte, on any machine: ids come from a
seeded generator and clock stamps from a simulated working day, not from the wall clock.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.calendar import add_working_days
from ..domain.errors import ValidationError
from ..domain.organisations import organisation_order
from ..domain.record_types import AgencyRow, MemberRow, Row
from ..domain.records import Selection
from ..domain.rules import nth_pseudonym
from ..domain.theme_model import INSPECTED_BY
from ..domain.themes import default_themes_dir, load_pack
from ..store import projection
from ..sync.clock import HybridClock
from . import children, demo_cases, inspections, organisations
from . import demo_organisations as demo_orgs
from . import demo_text as text
from .workspace import Workspace

THEME = "domestic-abuse"  # children who are victims of domestic abuse, unborn to 7 (2024)
NOTIFICATION = date(2026, 10, 5)
Progress = Callable[[int, int, str], None]
Step = Callable[["DemoBuilder", str], None]
# The theme looks at unborn babies and children up to 7; older brothers and sisters appear too.
AGE_BANDS_SEEN = ("unborn", "0-2", "3-5", "6-10")
AGE_WEIGHTS = (2, 4, 4, 2)


@dataclass(frozen=True)
class DemoSize:
    inspectors: int
    children: int
    tracked: int
    notes: int
    evidence: int


# A team as the theme's four inspectorates send it: Ofsted (the lead and two more), CQC,
# HMICFRS and HMI Probation (see demo_text.INSPECTORS).
SIZES = {"small": DemoSize(8, 12, 6, 40, 30), "reference": DemoSize(10, 200, 7, 2000, 1000)}


def later_steps() -> list[tuple[Step, str]]:
    """Steps other parts of the demo add after the core's, as (function, label): each function
    is called with the builder and the inspection id, inside the same transaction, after the
    children, the area's evaluations, notes, evidence and findings exist. Adding a step here
    leaves the core's records for a seed as they were (it runs last). Import its module here;
    the front door samples and the fieldwork timetable belong in this list."""
    from . import demo_coding, demo_fieldwork

    return [
        (demo_fieldwork.step, "Front door and timetable"),
        (demo_coding.code_demo, "Coded passages"),
    ]


class SimulatedTime:
    """A clock that moves through the inspection's working days, a few minutes per edit."""

    def __init__(self, rng: random.Random, start: date):
        self._rng = rng
        self.millis = int((start - date(1970, 1, 1)).total_seconds() * 1000) + 8 * 3600 * 1000

    def __call__(self) -> int:
        self.millis += self._rng.randint(200, 90_000)
        return self.millis

    def move_to(self, day: date) -> None:
        """On to 8 in the morning of ``day`` (never back)."""
        start = int((day - date(1970, 1, 1)).total_seconds() * 1000) + 8 * 3600 * 1000
        self.millis = max(self.millis, start)


class DemoBuilder:
    """Builds the demo; later steps may read ``team`` (a workspace per member, the lead's
    first), ``members``, ``organisations``, ``children``, ``pack`` and ``rng``, and call
    ``inspector_for`` and ``fieldwork_day``."""

    def __init__(
        self,
        ws: Workspace,
        size_name: str,
        seed: int,
        progress: Progress | None,
        area: str = text.AREA,
    ):
        self.ws, self.size, self.area = ws, SIZES[size_name], area
        self.rng = random.Random(seed_material(size_name, seed))
        self.time = SimulatedTime(random.Random(seed + 1), NOTIFICATION)
        self.progress = progress or (lambda done, total, label: None)
        self.pack = load_pack(default_themes_dir() / f"{THEME}.toml")
        self.team: list[Workspace] = []
        self.members: list[MemberRow] = []
        self.organisations: list[AgencyRow] = []
        self.children: list[str] = []
        self.notification = NOTIFICATION
        self.involvement: dict[str, set[str]] = {}  # each child's organisations
        self.quality: dict[str, float] = {}  # how good practice is in each child's case
        self.tendency: dict[str, float] = {}  # and in each organisation's work

    def new_id(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def device(self, device_id: str, member_id: str | None) -> Workspace:
        clock = HybridClock(device_id, now=self.time)
        return Workspace(
            self.ws.db,
            device_id,
            self.ws.blobs,
            clock=clock,
            new_id=self.new_id,
            acting_as=member_id,
        )

    def build(self) -> str:
        with self.ws.transaction():
            inspection_id = self._inspection()
            steps: list[tuple[Step, str]] = [
                (DemoBuilder._organisations, "Organisations"),
                (DemoBuilder._children, "Children and case reviews"),
                (DemoBuilder._area, "Leadership and the safeguarding arrangements"),
                (DemoBuilder._notes, "Notes"),
                (DemoBuilder._evidence, "Evidence"),
                (DemoBuilder._findings, "Findings"),
                (DemoBuilder._letter, "The letter"),
                *later_steps(),
            ]
            for done, (step, label) in enumerate(steps):
                self.progress(done, len(steps), label)
                step(self, inspection_id)
            projection.index_pending(self.ws.db)  # ready to search at once
            self.progress(len(steps), len(steps), "Done")
        return inspection_id

    def _inspection(self) -> str:
        lead_ws = self.device(self.new_id(), None)
        people = text.INSPECTORS[: self.size.inspectors]
        lead = inspections.MemberInput(*people[0], role="lead")
        team = tuple(inspections.MemberInput(*p) for p in people[1:])
        created = inspections.create_inspection(
            lead_ws, self.pack, area=self.area, notification=NOTIFICATION, lead=lead, team=team
        )
        inspection_id = created.entity_id
        self.ws.set_author(inspection_id, lead_ws.author_for(inspection_id))
        self.members = self.ws.rows("member", inspection_id, order_by="evidence_block")
        for member in self.members:
            self.team.append(self.device(self.new_id(), member["id"]))
        return inspection_id

    def inspector_for(self, organisation: Row | None) -> Workspace:
        """A team member of the inspectorate that inspects the organisation (Ofsted for the
        voluntary sector and for the area as a whole)."""
        wanted = INSPECTED_BY.get(organisation["kind"], "ofsted") if organisation else "ofsted"
        ours = [ws for ws, m in zip(self.team, self.members) if m["inspectorate"] == wanted]
        return self.rng.choice(ours or self.team)

    def fieldwork_day(self) -> date:
        return add_working_days(NOTIFICATION, 10 + self.rng.randint(0, 4))

    # --- organisations -------------------------------------------------------------------
    def _organisations(self, inspection_id: str) -> None:
        """The inspection starts with one organisation per kind, named after it; name them
        and add the rest, as a lead does in the first week."""
        lead = self.team[0]
        generic = {a["kind"]: a for a in self.ws.rows("agency", inspection_id)}
        for demo_org in demo_orgs.ORGANISATIONS:
            first = generic.pop(demo_org.kind, None)
            # Another area's demo names its organisations after it.
            name = demo_org.name.replace(text.AREA, self.area)
            values = {"name": name, "service_type": demo_org.service}
            if first is not None:
                organisations.update_organisation(lead, first["id"], **values)
                org_id = first["id"]
            else:
                org_id = organisations.add_organisation(
                    lead,
                    inspection_id,
                    demo_org.kind,
                    name,
                    service_type=demo_org.service,
                    in_scope=demo_org.in_scope,
                ).entity_id
            self.tendency[org_id] = demo_org.tendency
        self.organisations = organisations.organisations(self.ws, inspection_id)

    def organisation(self, key: str) -> AgencyRow:
        """The organisation of a service type (or of a kind without service types)."""
        return next(o for o in self.organisations if key in (o["service_type"], o["kind"]))

    # --- children ------------------------------------------------------------------------
    def _children(self, inspection_id: str) -> None:
        # Cases are reviewed on site, in the week of fieldwork.
        self.time.move_to(add_working_days(NOTIFICATION, 10))
        for n in range(self.size.children):
            self._child(inspection_id, n)

    def _child(self, inspection_id: str, n: int) -> None:
        rng = self.rng
        selection = (
            Selection.TRACKED
            if n < self.size.tracked
            else Selection.AREA_AUDITED
            if n % 5 == 0
            else Selection.SAMPLED
        ).value
        age_band = rng.choices(AGE_BANDS_SEEN, AGE_WEIGHTS)[0]
        involved = self._involved(age_band)
        quality = rng.random()
        ws = self.inspector_for(involved[0])
        child_id = children.add_child(
            ws,
            inspection_id,
            pseudonym=nth_pseudonym(n),
            selection=selection,
            age_band=age_band,
            case_ref=f"NB-{rng.randint(100000, 999999)}",
            agencies=tuple(a["id"] for a in involved),
            summary=text.observation(rng, weak=quality < 0.45),
            private={
                "name": text.person(rng),
                "dob": self._dob(age_band).isoformat(),
                "address": text.address(rng),
                "school": rng.choice(text.SCHOOLS),
            },
        ).entity_id
        self.children.append(child_id)
        self.involvement[child_id] = {a["id"] for a in involved}
        self.quality[child_id] = quality
        demo_cases.timeline(self, ws, child_id, involved)
        demo_cases.reviews(self, child_id, involved, tracked=selection == "tracked")
        if selection != Selection.SAMPLED.value:
            demo_cases.audits(self, child_id, involved)

    def _involved(self, age_band: str) -> list[AgencyRow]:
        """The organisations a child of this age living with domestic abuse would know."""
        rng = self.rng
        keys = [rng.choice(("social_work", "front_door")), "police"]
        keys.append(
            {
                "unborn": "maternity",
                "0-2": "health_visiting",
                "3-5": rng.choice(("health_visiting", "early_years")),
                "6-10": "school",
            }[age_band]
        )
        for key, chance in (
            ("voluntary", 0.45),
            ("gp", 0.4),
            ("probation", 0.3),
            ("adult_mental_health", 0.25),
            ("early_help", 0.2),
            ("emergency_department", 0.15),
            ("youth_justice", 0.08),  # an older brother or sister is known to it
        ):
            if rng.random() < chance:
                keys.append(key)
        return organisation_sorted([self.organisation(key) for key in dict.fromkeys(keys)])

    def _dob(self, age_band: str) -> date:
        low, high = {"unborn": (-120, -30), "0-2": (30, 1000), "3-5": (1100, 2000)}.get(
            age_band, (2200, 2900)
        )
        return NOTIFICATION - timedelta(days=self.rng.randint(low, high))

    # --- the area ------------------------------------------------------------------------
    def _area(self, inspection_id: str) -> None:
        demo_cases.area_reviews(self, inspection_id)

    # --- notes, evidence, findings -------------------------------------------------------
    def _notes(self, inspection_id: str) -> None:
        for n in range(self.size.notes):
            demo_cases.note(self, inspection_id, n)

    def _evidence(self, inspection_id: str) -> None:
        for n in range(self.size.evidence):
            demo_cases.evidence_item(self, inspection_id, n)

    def _findings(self, inspection_id: str) -> None:
        demo_cases.findings(self, inspection_id)

    def _letter(self, inspection_id: str) -> None:
        from .demo_letter import write_demo_letter

        write_demo_letter(self.team[0], inspection_id)


def organisation_sorted(rows: list[AgencyRow]) -> list[AgencyRow]:
    return sorted(rows, key=organisation_order)


def build_demo(
    ws: Workspace,
    size: str = "small",
    seed: int = 1,
    progress: Progress | None = None,
    area: str | None = None,
) -> str:
    """Create the demo inspection in this workspace (or find it if already there). ``area``
    names another (fictional) area than the demo's own, as the areas of one theme differ."""
    if size not in SIZES:
        raise ValidationError(f"Unknown demo size {size!r}: choose {' or '.join(SIZES)}.")
    builder = DemoBuilder(ws, size, seed, progress, (area or "").strip() or text.AREA)
    existing = ws.get("inspection", demo_inspection_id(size, seed))
    if existing is not None:
        return existing["id"]
    return builder.build()


def seed_material(size: str, seed: int) -> str:
    """Each size and seed is a different inspection (a small demo is never taken for the
    reference one)."""
    return f"{size}/{seed}"


def demo_inspection_id(size: str, seed: int) -> str:
    # The inspection id is the seeded generator's second id (after the lead's device id).
    rng = random.Random(seed_material(size, seed))
    rng.getrandbits(128)
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex
