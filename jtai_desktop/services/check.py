"""Integrity of a data folder: the database file, the projection, and the evidence files.

Evidence files are checked both ways: every file a record names is there and intact (or, for
a team member's file, still to arrive with the next sync), and every file in the evidence
store is named by some record (a kill between storing a file and saving its record leaves
one that nothing can reach, purge included: ``repair_orphans`` removes it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..domain.records import ENTITIES
from ..store import heads, oplog, purge, records, sync_state
from ..store.database import write_transaction
from ..store.projection import row_for
from ..sync.merge import resolve_entity
from .workspace import Workspace

# An evidence file younger than this may belong to an import still saving its record in
# another window or command: repair leaves it for a later run.
ORPHAN_GRACE_SECONDS = 60


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    waiting: int = 0  # files of team members' evidence that the next sync brings
    orphans: list[str] = field(default_factory=list)  # sha256 of files no record names

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Repair:
    removed: int
    too_recent: int


def check_workspace(ws: Workspace) -> CheckReport:
    report = CheckReport()
    _check_sqlite(ws, report)
    if report.ok:  # a damaged file makes the deeper checks meaningless
        _check_projection(ws, report)
        _check_blobs(ws, report)
        _find_orphans(ws, report)
    return report


def repair_orphans(ws: Workspace, orphans: list[str], now: float | None = None) -> Repair:
    """Delete evidence files that no record names, unless written in the last minute. The
    references are read again under the write lock, so a record saved meanwhile keeps its
    file."""
    now = time.time() if now is None else now
    removed = too_recent = 0
    with write_transaction(ws.db):
        cited = purge.blob_references(ws.db)
        for sha in orphans:
            if sha in cited or not ws.blobs.exists(sha):
                continue
            if now - ws.blobs.path(sha).stat().st_mtime < ORPHAN_GRACE_SECONDS:
                too_recent += 1
                continue
            ws.blobs.delete(sha)
            removed += 1
    return Repair(removed, too_recent)


def _check_sqlite(ws: Workspace, report: CheckReport) -> None:
    result = [r[0] for r in ws.db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        report.problems += [f"database: {line}" for line in result[:20]]
    report.checked["database"] = 1


def projection_differences(ws: Workspace) -> int:
    """How many records' table rows differ from what their change log says."""
    report = CheckReport()
    _check_projection(ws, report)
    return len(report.problems)


def _check_projection(ws: Workspace, report: CheckReport) -> None:
    """Every table row must equal what its ops say (the tables are a projection of the ops)."""
    entities = 0
    for ops in oplog.ops_by_entity(ws.db):
        state = resolve_entity(ops)
        entities += 1
        stored = records.get_row(ws.db, state.entity, state.entity_id)
        expected = (
            None
            if state.deleted
            else records.decode_row(state.entity, row_for(ENTITIES[state.entity], state))
        )
        current = {name: set(ids) for name, ids in state.head_ids().items()}
        if stored != expected or heads.of_entity(ws.db, state.entity_id) != current:
            report.problems.append(
                f"{state.entity} {state.entity_id}: the table row (or the record of its "
                "current values) differs from its change log (run 'jtai-desktop rebuild' "
                "to repair)"
            )
    report.checked["records"] = entities


def _check_blobs(ws: Workspace, report: CheckReport) -> None:
    files = 0
    written_here: dict[str, set[str]] = {}
    for _evidence_id, ref, sha, inspection_id in records.evidence_files(ws.db):
        files += 1
        if not ws.blobs.exists(sha):
            if _comes_from_the_team(ws, inspection_id, sha, written_here):
                report.waiting += 1
            else:
                report.problems.append(
                    f"evidence {ref}: its file is missing from the evidence store"
                )
        elif not ws.blobs.verify(sha):
            report.problems.append(
                f"evidence {ref}: its file is damaged (content does not match its SHA-256)"
            )
    report.checked["evidence files"] = files


def _comes_from_the_team(
    ws: Workspace, inspection_id: str, sha: str, written_here: dict[str, set[str]]
) -> bool:
    """A shared inspection's file that another device added: the next sync fetches it (right
    after joining, that is every file). A file this device added and lost is a problem."""
    if sync_state.keys(ws.db, inspection_id) is None:
        return False
    if inspection_id not in written_here:
        device = ws.device_for(inspection_id)
        written_here[inspection_id] = oplog.shas_written_by(ws.db, inspection_id, device)
    return sha not in written_here[inspection_id]


def _find_orphans(ws: Workspace, report: CheckReport) -> None:
    cited = purge.blob_references(ws.db)
    report.orphans = [sha for sha in ws.blobs.shas() if sha not in cited]
    report.problems += [
        f"evidence file {sha[:12]}…: no record names it (left by an interrupted import or "
        "purge); 'jtai-desktop check --repair' removes it"
        for sha in report.orphans
    ]
