"""Retention: after publication an inspection's data is purged on a schedule.

Purging deletes its rows and change log, its evidence files (unless another inspection in the
folder cites the same file), and compacts the database so nothing remains in free pages.
Every purge is recorded in the local audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..store import audit, purge, records, unfinished
from ..store import inspections as store_inspections
from ..store.database import Connector, plain_connector
from .changes import ChangeSet
from .unfinished import finish_unfinished
from .workspace import Workspace


@dataclass(frozen=True)
class PurgePlan:
    inspection_id: str
    title: str
    retention_date: str | None
    rows: dict[str, int]
    files: tuple[str, ...]

    def describe(self) -> list[str]:
        lines = [f"Inspection: {self.title}", f"Retention date: {self.retention_date or 'not set'}"]
        lines += [f"{table}: {count}" for table, count in self.rows.items() if count]
        lines.append(f"evidence files: {len(self.files)}")
        return lines


def set_retention_date(ws: Workspace, inspection_id: str, when: date) -> ChangeSet:
    return ws.update(
        "inspection", inspection_id, {"retention_date": when}, label="Set retention date"
    )


def due_for_purge(ws: Workspace, today: date) -> list[dict]:
    """Inspections whose retention date has come: the app offers to purge them."""
    return store_inspections.retention_due(ws.db, today.isoformat())


def purge_plan(ws: Workspace, inspection_id: str) -> PurgePlan:
    row = ws.require("inspection", inspection_id)
    files = tuple(
        sorted(
            sha for sha, owners in purge.blob_references(ws.db).items() if owners == {inspection_id}
        )
    )
    return PurgePlan(
        inspection_id,
        row["title"],
        row["retention_date"],
        purge.row_counts(ws.db, inspection_id),
        files,
    )


def purge_inspection(ws: Workspace, plan: PurgePlan, connect: Connector = plain_connector) -> bool:
    """Carry out a plan the user confirmed. Files go only after the rows are gone.

    The files to delete and the compaction are recorded as owed in the transaction that
    deletes the rows, so a kill after it leaves them for the next start to finish. False
    when the compaction has to wait (another connection held the WAL); ``connect`` opens the
    copies of the database taken before migrations, which are purged too."""
    actor = _actor(ws, plan.inspection_id)
    with ws.transaction():
        purge.delete_inspection_rows(ws.db, plan.inspection_id)
        audit.record(
            ws.db,
            "purge",
            plan.inspection_id,
            actor,
            ws.device_id,
            {"title": plan.title, "rows": plan.rows, "files": len(plan.files)},
        )
        for sha in plan.files:
            unfinished.owe(ws.db, unfinished.EVIDENCE_FILE, sha, plan.inspection_id)
        unfinished.owe(ws.db, unfinished.COMPACTION, plan.inspection_id, plan.inspection_id)
    finish_unfinished(ws, connect)
    return not unfinished.owed(ws.db, unfinished.COMPACTION)


def _actor(ws: Workspace, inspection_id: str) -> str:
    member_id = records.member_for(ws.db, inspection_id)
    member = ws.get("member", member_id) if member_id else None
    return member["name"] if member else "unknown"
