"""Deleting every trace of one inspection from the database, then compacting the file."""

from __future__ import annotations

import json

from sqlite_utils import Database

from ..domain.records import ENTITIES

# Local tables keyed by inspection besides the projected ones.
LOCAL_TABLES = (
    "ops",
    "conflicts",
    "identity",
    "search_index",
    "inspection_keys",
    "sync_state",
    "sync_log",
    "held_bundles",
    "sent_bundles",
    "clock_marks",
)


def blob_references(db: Database) -> dict[str, set[str]]:
    """sha256 -> inspections whose change log ever named it (deleted evidence included)."""
    found: dict[str, set[str]] = {}
    for inspection_id, value in db.execute(
        "SELECT inspection_id, value FROM ops WHERE entity = 'evidence' AND field = 'sha256'"
    ):
        found.setdefault(json.loads(value), set()).add(inspection_id)
    return found


def row_counts(db: Database, inspection_id: str) -> dict[str, int]:
    tables = [spec.table for spec in ENTITIES.values()] + ["ops"]
    return {
        t: db.execute(
            f"SELECT count(*) FROM {t} WHERE inspection_id = ?", (inspection_id,)
        ).fetchone()[0]
        for t in tables
    }


def delete_inspection_rows(db: Database, inspection_id: str) -> None:
    for spec in ENTITIES.values():
        db.execute(f"DELETE FROM {spec.table} WHERE inspection_id = ?", (inspection_id,))
    for table in LOCAL_TABLES:
        db.execute(f"DELETE FROM {table} WHERE inspection_id = ?", (inspection_id,))


def compact(db: Database) -> None:
    """Rewrite the file without free pages and empty the WAL, so deleted data is gone."""
    db.execute("VACUUM")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
