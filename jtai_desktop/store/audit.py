"""The local audit log: exports and purges, with who, when and what (never child details)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from .connection import Database


def record(
    db: Database, action: str, inspection_id: str | None, actor: str, device_id: str, details: dict
) -> None:
    db.execute(
        "INSERT INTO audit_log (at, action, inspection_id, actor, device_id, details) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            datetime.now(UTC).isoformat(timespec="seconds"),
            action,
            inspection_id,
            actor,
            device_id,
            json.dumps(details, sort_keys=True),
        ),
    )


def entries(db: Database, inspection_id: str | None = None) -> list[dict]:
    sql = "SELECT id, at, action, inspection_id, actor, device_id, details FROM audit_log"
    params: tuple = ()
    if inspection_id:
        sql, params = sql + " WHERE inspection_id = ?", (inspection_id,)
    rows = db.execute(sql + " ORDER BY id", params).fetchall()
    keys = ("id", "at", "action", "inspection_id", "actor", "device_id", "details")
    return [{**dict(zip(keys, r)), "details": json.loads(r[6])} for r in rows]
