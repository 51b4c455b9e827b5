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
from ..domain.records import AGE_BANDS, EventKind, EvidenceSource, FindingKind, NoteKind, Selection
from ..domain.themes import default_themes_dir, load_pack
from ..sync.clock import HybridClock
from . import casework, evidence, findings, inspections, notes
from . import demo_text as text
from .workspace import Workspace

THEME = "domestic-abuse"
NOTIFICATION = date(2026, 10, 5)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DemoSize:
    inspectors: int
    children: int
    tracked: int
    notes: int
    evidence: int


SIZES = {"small": DemoSize(7, 12, 6, 40, 30), "reference": DemoSize(10, 200, 7, 2000, 1000)}


class SimulatedTime:
    """A clock that moves through the inspection's working days, a few minutes per edit."""

    def __init__(self, rng: random.Random, start: date):
        self._rng = rng
        self.millis = int((start - date(1970, 1, 1)).total_seconds() * 1000) + 8 * 3600 * 1000

    def __call__(self) -> int:
        self.millis += self._rng.randint(200, 90_000)
        return self.millis


class DemoBuilder:
    def __init__(self, ws: Workspace, size_name: str, seed: int, progress: Progress | None):
        self.ws, self.size = ws, SIZES[size_name]
        self.rng = random.Random(seed_material(size_name, seed))
        self.time = SimulatedTime(random.Random(seed + 1), NOTIFICATION)
        self.progress = progress or (lambda done, total, label: None)
        self.pack = load_pack(default_themes_dir() / f"{THEME}.toml")
        self.team: list[Workspace] = []
        self._used_statements: dict[str, list[str]] = {}

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
        with self.ws.db.atomic():
            inspection_id = self._inspection()
            steps = (
                (self._children, "Children and case reviews"),
                (self._notes, "Notes"),
                (self._evidence, "Evidence"),
                (self._findings, "Findings"),
                (self._letter, "The letter"),
                (self._fieldwork, "Front door and timetable"),
            )
            for done, (step, label) in enumerate(steps):
                self.progress(done, len(steps), label)
                step(inspection_id)
            self.progress(len(steps), len(steps), "Done")
        return inspection_id

    def _inspection(self) -> str:
        lead_ws = self.device(self.new_id(), None)
        people = text.INSPECTORS[: self.size.inspectors]
        lead = inspections.MemberInput(*people[0], role="lead")
        team = tuple(inspections.MemberInput(*p) for p in people[1:])
        created = inspections.create_inspection(
            lead_ws, self.pack, area=text.AREA, notification=NOTIFICATION, lead=lead, team=team
        )
        inspection_id = created.entity_id
        self.ws.set_author(inspection_id, lead_ws.author_for(inspection_id))
        for member in self.ws.rows("member", inspection_id, order_by="evidence_block"):
            self.team.append(self.device(self.new_id(), member["id"]))
        self.agencies = self.ws.rows("agency", inspection_id, order_by="kind")
        return inspection_id

    def inspector(self) -> Workspace:
        return self.rng.choice(self.team)

    # --- children ------------------------------------------------------------------------
    def _children(self, inspection_id: str) -> None:
        for n in range(self.size.children):
            self._child(inspection_id, n)

    def _child(self, inspection_id: str, n: int) -> None:
        rng, ws = self.rng, self.inspector()
        selection = (
            Selection.TRACKED
            if n < self.size.tracked
            else Selection.AREA_AUDITED
            if n % 5 == 0
            else Selection.SAMPLED
        ).value
        involved = [
            self.agency("children_social_care"),
            self.agency("police"),
            *rng.sample(
                [a for a in self.agencies if a["kind"] not in ("children_social_care", "police")], 2
            ),
        ]
        child_id = casework.add_child(
            ws,
            inspection_id,
            pseudonym=pseudonym(n),
            selection=selection,
            age_band=rng.choice(AGE_BANDS),
            case_ref=f"NB-{rng.randint(100000, 999999)}",
            agencies=[a["id"] for a in involved],
            summary=text.observation(rng),
            private={
                "name": text.person(rng),
                "dob": self._dob().isoformat(),
                "address": text.address(rng),
                "school": rng.choice(text.SCHOOLS),
            },
        ).entity_id
        self._timeline(ws, child_id, involved)
        self._reviews(ws, child_id, involved, full=selection == Selection.TRACKED.value)
        casework.set_audit_evaluation(
            ws,
            child_id,
            area_summary=text.observation(rng),
            agreement=rng.choice(("agrees", "partly", "disagrees")),
            evaluation=text.observation(rng),
        )

    def agency(self, kind: str) -> dict:
        return next(a for a in self.agencies if a["kind"] == kind)

    def _dob(self) -> date:
        return NOTIFICATION - timedelta(days=self.rng.randint(200, 17 * 365))

    def _timeline(self, ws: Workspace, child_id: str, involved: list[dict]) -> None:
        day = NOTIFICATION - timedelta(days=180)
        for kind in (
            EventKind.CONTACT,
            EventKind.REFERRAL,
            EventKind.STRATEGY_DISCUSSION,
            EventKind.SECTION_47,
        ):
            day = add_working_days(day, self.rng.randint(1, 25))
            casework.add_event(
                ws,
                child_id,
                date=day,
                kind=kind.value,
                agency_id=self.rng.choice(involved)["id"],
                summary=f"{kind.value.replace('_', ' ').capitalize()} recorded.",
            )

    def _reviews(self, ws: Workspace, child_id: str, involved: list[dict], full: bool) -> None:
        levels = self.pack.rating_scale.levels if self.pack.rating_scale else ()
        for agency in involved:
            criteria = self.pack.criteria_for(agency["kind"])
            chosen = criteria if full else self.rng.sample(criteria, min(3, len(criteria)))
            for criterion in chosen:
                weak = self.rng.random() < 0.4
                review = casework.ReviewInput(
                    observation=text.observation(self.rng, weak),
                    strength=not weak,
                    concern=weak,
                    rating=self.rng.choice(levels) if levels and full else None,
                )
                casework.set_review(ws, child_id, criterion.id, agency["id"], review)

    # --- notes, evidence, findings -------------------------------------------------------
    def _notes(self, inspection_id: str) -> None:
        children = [c["id"] for c in self.ws.rows("child", inspection_id, order_by="pseudonym")]
        criteria = [c.id for c in self.pack.criteria]
        for n in range(self.size.notes):
            self._note(inspection_id, n, children, criteria)

    def _note(self, inspection_id: str, n: int, children: list[str], criteria: list[str]) -> None:
        rng = self.rng
        kind = rng.choice(NoteKind.values())
        families = kind in ("interview", "focus_group") and rng.random() < 0.3
        attendees = [
            {"role": rng.choice(text.ROLES[a["kind"]]), "agency": a["id"]}
            for a in rng.sample(self.agencies, rng.randint(1, 3))
        ]
        notes.add_note(
            self.inspector(),
            inspection_id,
            kind=kind,
            date=self._fieldwork_day(),
            title=f"{rng.choice(text.NOTE_TOPICS)} ({kind.replace('_', ' ')} {n + 1})",
            text=text.note_text(rng, rng.randint(1, 3)),
            attendees=attendees,
            children=rng.sample(children, rng.randint(0, 2)),
            criteria=rng.sample(criteria, rng.randint(1, 3)),
            children_or_families_present=families,
            consent_recorded=families,
        )

    def _fieldwork_day(self) -> date:
        return add_working_days(NOTIFICATION, 10 + self.rng.randint(0, 4))

    def _evidence(self, inspection_id: str) -> None:
        children = self.ws.rows("child", inspection_id)
        criteria = [c.id for c in self.pack.criteria]
        for n in range(self.size.evidence):
            self._evidence_item(inspection_id, n, children, criteria)

    def _evidence_item(self, inspection_id, n, children, criteria) -> None:
        rng, ws = self.rng, self.inspector()
        title = rng.choice(text.EVIDENCE_TITLES)
        body = f"{title}\n\n{text.note_text(rng, 2)}\n\nItem {n + 1}.\n".encode()
        item = evidence.add_evidence(
            ws,
            inspection_id,
            title=title,
            source=rng.choice(EvidenceSource.values()),
            date=self._fieldwork_day(),
            data=body,
            file_name=f"extract-{n + 1:04d}.txt",
            media_type="text/plain",
        ).entity_id
        evidence.link(ws, item, "child", rng.choice(children)["id"])
        evidence.link(ws, item, "criterion", rng.choice(criteria))
        evidence.link(ws, item, "agency", rng.choice(self.agencies)["id"])

    def _findings(self, inspection_id: str) -> None:
        items = [e["id"] for e in self.ws.rows("evidence", inspection_id, order_by="ref")]
        lead = self.team[0]
        for agency in self.agencies:
            for kind in (FindingKind.STRENGTH, FindingKind.AREA_FOR_IMPROVEMENT):
                self._finding(
                    lead, inspection_id, kind.value, [agency["id"]], agency["name"], items
                )
        for title in text.FINDINGS["priority_action"]:
            findings.add_finding(
                lead,
                inspection_id,
                kind="priority_action",
                title=title,
                text=title,
                agencies=["partnership"],
                evidence_ids=self.rng.sample(items, 3),
            )

    def _letter(self, inspection_id: str) -> None:
        from .demo_letter import write_demo_letter

        write_demo_letter(self.team[0], inspection_id)

    def _fieldwork(self, inspection_id: str) -> None:
        from . import demo_fieldwork

        demo_fieldwork.build(self, inspection_id, NOTIFICATION)

    def _finding(self, ws, inspection_id, kind, agencies, agency_name, items) -> None:
        # Each agency gets a different statement while the bank lasts, as a real letter would.
        used = self._used_statements.setdefault(kind, [])
        fresh = [s for s in text.FINDINGS[kind] if s not in used] or list(text.FINDINGS[kind])
        statement = self.rng.choice(fresh)
        used.append(statement)
        title = f"{agency_name}: {text.short_title(statement)}"
        findings.add_finding(
            ws,
            inspection_id,
            kind=kind,
            title=title,
            text=statement,
            agencies=agencies,
            evidence_ids=self.rng.sample(items, self.rng.randint(1, 3)),
        )


def pseudonym(n: int) -> str:
    """Child A .. Child Z, then Child AA, Child AB ..."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"Child {letters}"


def build_demo(
    ws: Workspace, size: str = "small", seed: int = 1, progress: Progress | None = None
) -> str:
    """Create the demo inspection in this workspace (or find it if already there)."""
    if size not in SIZES:
        raise ValidationError(f"Unknown demo size {size!r}: choose {' or '.join(SIZES)}.")
    builder = DemoBuilder(ws, size, seed, progress)
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
