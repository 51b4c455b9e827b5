"""Integrity of a data folder: the database file, the projection, and the evidence files."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.records import ENTITIES
from ..store import heads, oplog, records
from ..store.projection import row_for
from ..sync.merge import resolve_entity
from .workspace import Workspace


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_workspace(ws: Workspace) -> CheckReport:
    report = CheckReport()
    _check_sqlite(ws, report)
    if report.ok:  # a damaged file makes the deeper checks meaningless
        _check_projection(ws, report)
        _check_blobs(ws, report)
    return report


def _check_sqlite(ws: Workspace, report: CheckReport) -> None:
    result = [r[0] for r in ws.db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        report.problems += [f"database: {line}" for line in result[:20]]
    report.checked["database"] = 1


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
    for row in records.evidence_files(ws.db):
        files += 1
        evidence_id, ref, sha = row
        if not ws.blobs.exists(sha):
            report.problems.append(f"evidence {ref}: its file is missing from the evidence store")
        elif not ws.blobs.verify(sha):
            report.problems.append(
                f"evidence {ref}: its file is damaged (content does not match its SHA-256)"
            )
    report.checked["evidence files"] = files
