"""Narrow reads behind the children list: which review cells are written, and when each
child's records last changed.

Only the few columns needed are read: the full rows of an inspection's reviews and events
(observation texts and all) take several times longer to load and decode.
"""

from __future__ import annotations

from ..domain.records import spec_for
from .connection import Database

# Whitespace that does not make an observation "written".
_BLANKS = " \t\r\n"
# The records whose changes count as work on a child.
CHILD_WORK = ("review", "event", "audit_eval")


def _scope(inspection_id: str, child_id: str | None) -> tuple[str, tuple]:
    if child_id is None:
        return "inspection_id = ?", (inspection_id,)
    return "inspection_id = ? AND child_id = ?", (inspection_id, child_id)


def written_cells(
    db: Database, inspection_id: str, child_id: str | None = None
) -> set[tuple[str, str, str]]:
    """(child, agency, criterion) of every review with an observation written."""
    where, params = _scope(inspection_id, child_id)
    return {
        (c, a, k)
        for c, a, k in db.execute(
            f"SELECT child_id, agency_id, criterion_id FROM {spec_for('review').table} "
            f"WHERE {where} AND trim(coalesce(observation, ''), ?) != ''",
            (*params, _BLANKS),
        )
    }


def latest_work(db: Database, inspection_id: str, child_id: str | None = None) -> dict[str, str]:
    """Each child's latest change to its reviews, events or audit evaluation."""
    where, params = _scope(inspection_id, child_id)
    latest: dict[str, str] = {}
    for entity in CHILD_WORK:
        for child, stamp in db.execute(
            f"SELECT child_id, max(updated_at) FROM {spec_for(entity).table} "
            f"WHERE {where} GROUP BY child_id",
            params,
        ):
            if stamp and stamp > latest.get(child, ""):
                latest[child] = stamp
    return latest
