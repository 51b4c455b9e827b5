"""Local sync bookkeeping: keys per inspection, what was pushed, held bundles, the sync log."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from .connection import Database

KEY_COLUMNS = (
    "inspection_id",
    "data_key",
    "device_id",
    "signing_key",
    "lead_device_id",
    "lead_public_key",
)


def keys(db: Database, inspection_id: str) -> dict | None:
    row = db.execute(
        f"SELECT {', '.join(KEY_COLUMNS)} FROM inspection_keys WHERE inspection_id = ?",
        (inspection_id,),
    ).fetchone()
    return dict(zip(KEY_COLUMNS, row)) if row else None


def put_keys(db: Database, values: dict) -> None:
    db.execute(
        f"INSERT OR REPLACE INTO inspection_keys ({', '.join(KEY_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in KEY_COLUMNS)})",
        tuple(values[c] for c in KEY_COLUMNS),
    )


def pushed_upto(db: Database, inspection_id: str, remote: str, device_id: str) -> int:
    row = db.execute(
        "SELECT pushed_upto FROM sync_state WHERE inspection_id = ? AND remote = ? "
        "AND device_id = ?",
        (inspection_id, remote, device_id),
    ).fetchone()
    return (row[0] or 0) if row else 0


def set_pushed(db: Database, inspection_id: str, remote: str, device_id: str, upto: int) -> None:
    db.execute(
        "INSERT INTO sync_state (inspection_id, remote, device_id, received_upto, "
        "pushed_upto) VALUES (?, ?, ?, 0, ?) ON CONFLICT (inspection_id, remote, "
        "device_id) DO UPDATE SET pushed_upto = excluded.pushed_upto",
        (inspection_id, remote, device_id, upto),
    )


def hold(
    db: Database,
    inspection_id: str,
    device_id: str,
    first: int,
    last: int,
    reason: str,
    data: bytes,
) -> None:
    exists = db.execute(
        "SELECT 1 FROM held_bundles WHERE inspection_id = ? AND device_id = ? "
        "AND first_seq = ? AND last_seq = ?",
        (inspection_id, device_id, first, last),
    ).fetchone()
    if exists:  # held again, perhaps for another reason now (the clock caught up)
        db.execute(
            "UPDATE held_bundles SET reason = ? WHERE inspection_id = ? AND "
            "device_id = ? AND first_seq = ? AND last_seq = ?",
            (reason, inspection_id, device_id, first, last),
        )
    else:
        db.execute(
            "INSERT INTO held_bundles (inspection_id, device_id, first_seq, last_seq, "
            "reason, bundle, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (inspection_id, device_id, first, last, reason, data, _now()),
        )


def held(db: Database, inspection_id: str) -> list[dict]:
    rows = db.execute(
        "SELECT id, device_id, first_seq, last_seq, reason, received_at "
        "FROM held_bundles WHERE inspection_id = ? ORDER BY id",
        (inspection_id,),
    ).fetchall()
    keys_ = ("id", "device_id", "first_seq", "last_seq", "reason", "received_at")
    return [dict(zip(keys_, r)) for r in rows]


def held_bundle(db: Database, held_id: int) -> tuple[str, bytes] | None:
    row = db.execute(
        "SELECT inspection_id, bundle FROM held_bundles WHERE id = ?", (held_id,)
    ).fetchone()
    return (row[0], bytes(row[1])) if row else None


def release(db: Database, held_id: int) -> None:
    db.execute("DELETE FROM held_bundles WHERE id = ?", (held_id,))


def unhold(db: Database, inspection_id: str, device_id: str, first: int, last: int) -> None:
    """Forget a held bundle once it has been applied."""
    db.execute(
        "DELETE FROM held_bundles WHERE inspection_id = ? AND device_id = ? "
        "AND first_seq = ? AND last_seq = ?",
        (inspection_id, device_id, first, last),
    )


def is_held(db: Database, inspection_id: str, device_id: str, first: int, last: int) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM held_bundles WHERE inspection_id = ? AND device_id = ? "
            "AND first_seq = ? AND last_seq = ?",
            (inspection_id, device_id, first, last),
        ).fetchone()
        is not None
    )


def log(db: Database, inspection_id: str, remote: str, outcome: str, details: dict) -> None:
    db.execute(
        "INSERT INTO sync_log (inspection_id, remote, at, outcome, details) VALUES (?, ?, ?, ?, ?)",
        (inspection_id, remote, _now(), outcome, json.dumps(details, sort_keys=True)),
    )


def last_sync(db: Database, inspection_id: str) -> dict | None:
    row = db.execute(
        "SELECT remote, at, outcome, details FROM sync_log WHERE inspection_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (inspection_id,),
    ).fetchone()
    if not row:
        return None
    return {"remote": row[0], "at": row[1], "outcome": row[2], "details": json.loads(row[3])}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def pushed_anywhere(db: Database, inspection_id: str, device_id: str) -> int:
    row = db.execute(
        "SELECT max(pushed_upto) FROM sync_state WHERE inspection_id = ? AND device_id = ?",
        (inspection_id, device_id),
    ).fetchone()
    return (row[0] or 0) if row else 0
