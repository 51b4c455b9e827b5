"""Deleting every trace of one inspection from the database, then compacting the file."""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.records import ENTITIES
from .connection import Database

# Local tables keyed by inspection besides the projected ones.
LOCAL_TABLES = (
    "ops",
    "field_heads",
    "conflicts",
    "identity",
    "search_index",
    "search_pending",
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
    present = _tables_with_inspection_id(db)
    for table in [spec.table for spec in ENTITIES.values()] + list(LOCAL_TABLES):
        if table in present:  # a copy made before a migration may lack the newer tables
            db.execute(f"DELETE FROM {table} WHERE inspection_id = ?", (inspection_id,))


def _tables_with_inspection_id(db: Database) -> set[str]:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name
        for name in names
        if any(c[1] == "inspection_id" for c in db.execute(f"PRAGMA table_info({name})"))
    }


def compact(db: Database) -> bool:
    """Leave no trace of deleted rows anywhere in the file: build the full-text index again
    from the remaining rows (a deleted row's words can stay in its segments), rewrite the file
    without free pages, and empty the WAL.

    False when another connection's open read kept the WAL from being emptied: the old frames
    are still in it, so the caller must try again (the next start does)."""
    # 'optimize' alone can leave a deleted row's words in the index: once deletions have been
    # merged into a single segment it has nothing to merge. 'rebuild' derives the index again
    # from the rows that remain, so a purged inspection's words are in no segment.
    db.execute("INSERT INTO search_index(search_index) VALUES('rebuild')")
    db.execute("INSERT INTO search_index(search_index) VALUES('optimize')")
    db.execute("VACUUM")
    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return busy == 0


def scrub_copy(path: Path, connect, inspection_id: str) -> None:
    """Purge one inspection from a copy of the database (taken before a migration), as
    ``delete_inspection_rows`` and ``compact`` do on the database itself. The copy is opened
    as it is, never migrated."""
    conn = connect(path)
    try:
        db = Database(conn)
        db.execute("PRAGMA secure_delete = ON")
        db.execute("BEGIN IMMEDIATE")
        delete_inspection_rows(db, inspection_id)
        db.execute("COMMIT")
        compact(db)
    finally:
        conn.close()
