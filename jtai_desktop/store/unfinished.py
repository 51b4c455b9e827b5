"""Work owed after a change committed: recorded in the change's own transaction, removed once
done, and finished at the next start when a kill came in between (see services/unfinished)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

from .connection import Database

EVIDENCE_FILE = "evidence file"  # target: the SHA-256 of a file no record may cite any more
COMPACTION = "compaction"  # target: the purged inspection; its traces leave free pages
PARTIAL_LETTER = "partial letter"  # target: the letter's path; its temporary copy is plaintext


@dataclass(frozen=True)
class Owed:
    id: int
    kind: str
    target: str
    inspection_id: str | None
    process_id: int | None  # the process doing the work: while it runs, it is not unfinished


def owe(db: Database, kind: str, target: str, inspection_id: str | None = None) -> int:
    cursor = db.execute(
        "INSERT INTO unfinished_work (kind, target, inspection_id, process_id, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (kind, target, inspection_id, os.getpid(), datetime.now(UTC).isoformat(timespec="seconds")),
    )
    assert cursor.lastrowid is not None  # an INSERT into a rowid table always sets it
    return cursor.lastrowid


def owed(db: Database, kind: str | None = None) -> list[Owed]:
    sql = "SELECT id, kind, target, inspection_id, process_id FROM unfinished_work"
    params: tuple = ()
    if kind is not None:
        sql, params = sql + " WHERE kind = ?", (kind,)
    return [Owed(*row) for row in db.execute(sql + " ORDER BY id", params).fetchall()]


def done(db: Database, owed_id: int) -> None:
    db.execute("DELETE FROM unfinished_work WHERE id = ?", (owed_id,))
