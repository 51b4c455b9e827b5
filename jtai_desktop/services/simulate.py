"""Random, realistic edits as the local inspector: for demos, load tests and sync tests.

Edits include creating, editing (also records other inspectors made), deleting and linking,
so that several data folders running this produce the concurrent edits a real team does.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date

from ..domain.errors import JtaiError
from ..domain.record_types import Row
from ..domain.records import AGE_BANDS, EvidenceSource, FindingKind, NoteKind, Selection
from ..domain.review_scope import criteria_offered
from ..store import oplog, projection
from ..store.database import write_transaction
from . import children, evidence, findings, notes, reviews
from . import demo_text as text
from .inspections import theme_pack
from .workspace import Workspace

Progress = Callable[[int, int, str], None]


class Simulator:
    def __init__(self, ws: Workspace, inspection_id: str, seed: int):
        self.ws, self.inspection_id = ws, inspection_id
        self.rng = random.Random(seed)
        self.pack = theme_pack(ws, inspection_id)
        self.counts = {"created": 0, "edited": 0, "deleted": 0, "linked": 0, "refused": 0}
        self.seed = seed
        self.id_rng = random.Random()

    def reseed_ids(self) -> None:
        """Ids from the seed, this device and its last change: random ids would reorder the
        rows the edits pick from, so identical copies would diverge. Read under the write
        lock before each edit, so another device, a later run, or another run at the same
        time (every edit of either comes after the other's last one) gets ids of its own."""
        device = self.ws.device_for(self.inspection_id)
        last = oplog.last_seq(self.ws.db, self.inspection_id, device)
        self.id_rng.seed(f"{self.seed}/{device}/{self.inspection_id}/{last}")

    def run(self, edits: int, progress: Progress | None = None) -> dict[str, int]:
        actions = [
            (self.create_child, 1),
            (self.create_note, 3),
            (self.create_evidence, 2),
            (self.create_finding, 1),
            (self.edit_review, 4),
            (self.edit_note, 3),
            (self.edit_child, 2),
            (self.edit_finding, 2),
            (self.link_evidence, 2),
            (self.delete_something, 1),
        ]
        choices, weights = zip(*actions)
        own_ids = self.ws.new_id
        self.ws.new_id = lambda: uuid.UUID(int=self.id_rng.getrandbits(128), version=4).hex
        try:
            for n in range(edits):
                action = self.rng.choices(choices, weights)[0]
                try:
                    with write_transaction(self.ws.db):  # one edit, whole or not at all
                        self.reseed_ids()
                        action()
                except JtaiError:
                    self.counts["refused"] += 1  # e.g. nothing to edit yet: a real user would stop
                if progress:
                    progress(n + 1, edits, "Simulating edits")
        finally:
            self.ws.new_id = own_ids
        return self.counts

    def rows(self, entity: str) -> list[Row]:
        return self.ws.rows(entity, self.inspection_id, order_by="id")

    def pick(self, entity: str) -> Row:
        found = self.rows(entity)
        if not found:
            raise JtaiError(f"no {entity} to edit")
        return self.rng.choice(found)

    def today(self) -> str:
        return date.today().isoformat()

    def create_child(self) -> None:
        agencies = [a["id"] for a in self.rng.sample(self.rows("agency"), 2)]
        children.add_child(
            self.ws,
            self.inspection_id,
            pseudonym=f"Child S{self.rng.randint(1, 10**6)}",
            selection=self.rng.choice(Selection.values()),
            age_band=self.rng.choice(AGE_BANDS),
            agencies=tuple(agencies),
        )
        self.counts["created"] += 1

    def create_note(self) -> None:
        notes.add_note(
            self.ws,
            self.inspection_id,
            kind=self.rng.choice(NoteKind.values()),
            date=self.today(),
            title=self.rng.choice(text.NOTE_TOPICS),
            text=text.note_text(self.rng, 2),
            criteria=[self.rng.choice(self.pack.criteria).id],
        )
        self.counts["created"] += 1

    def create_evidence(self) -> None:
        title = self.rng.choice(text.EVIDENCE_TITLES)
        data = f"{title}\n{text.note_text(self.rng, 1)}\n{self.rng.random()}\n".encode()
        evidence.add_evidence(
            self.ws,
            self.inspection_id,
            title=title,
            source=self.rng.choice(EvidenceSource.values()),
            date=self.today(),
            data=data,
            file_name="extract.txt",
            media_type="text/plain",
        )
        self.counts["created"] += 1

    def create_finding(self) -> None:
        kind = self.rng.choice(FindingKind.values())
        statement = self.rng.choice(text.FINDINGS[kind])
        cited = [self.pick("evidence")["id"]]
        findings.add_finding(
            self.ws,
            self.inspection_id,
            kind=kind,
            title=text.short_title(statement),
            text=statement,
            agencies=[self.pick("agency")["id"]],
            evidence_ids=cited,
        )
        self.counts["created"] += 1

    def edit_review(self) -> None:
        child = self.pick("child")
        if not child["agencies"]:
            raise JtaiError("child with no agencies")
        agency = self.ws.require("agency", self.rng.choice(child["agencies"]))
        criteria = criteria_offered(self.pack, agency)
        if not criteria:
            raise JtaiError("no criteria for this agency")
        review = reviews.ReviewInput(
            observation=text.observation(self.rng), concern=self.rng.random() < 0.4
        )
        reviews.set_review(self.ws, child["id"], self.rng.choice(criteria).id, agency["id"], review)
        self.counts["edited"] += 1

    def edit_note(self) -> None:
        note = self.pick("note")
        notes.update_note(
            self.ws, note["id"], text=(note["text"] or "") + "\n\n" + text.note_text(self.rng, 1)
        )
        self.counts["edited"] += 1

    def edit_child(self) -> None:
        children.update_child(self.ws, self.pick("child")["id"], summary=text.observation(self.rng))
        self.counts["edited"] += 1

    def edit_finding(self) -> None:
        finding = self.pick("finding")
        findings.update_finding(
            self.ws,
            finding["id"],
            text=self.rng.choice(text.FINDINGS[finding["kind"]]) + " " + text.observation(self.rng),
        )
        self.counts["edited"] += 1

    def link_evidence(self) -> None:
        findings.cite(self.ws, self.pick("finding")["id"], self.pick("evidence")["id"])
        self.counts["linked"] += 1

    def delete_something(self) -> None:
        entity = self.rng.choice(("note", "event", "link"))
        self.ws.delete(entity, self.pick(entity)["id"])
        self.counts["deleted"] += 1


def simulate(
    ws: Workspace, inspection_id: str, edits: int, seed: int, progress: Progress | None = None
) -> dict[str, int]:
    counts = Simulator(ws, inspection_id, seed).run(edits, progress)
    with ws.transaction():
        projection.index_pending(ws.db)  # what was simulated is searchable at once, as typed
    return counts
