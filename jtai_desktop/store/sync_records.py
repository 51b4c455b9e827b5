"""Local records that let team sync repair itself (migration 0008): this folder's identity
in each inspection, the bundles it wrote to each remote, and clock warnings on others' work.
Never synced."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .connection import Database


# --- this folder's identity --------------------------------------------------------------
def installation(db: Database, inspection_id: str) -> str | None:
    row = db.execute(
        "SELECT installation FROM inspection_keys WHERE inspection_id = ?", (inspection_id,)
    ).fetchone()
    return row[0] if row else None


def certificate(db: Database, inspection_id: str) -> dict | None:
    row = db.execute(
        "SELECT certificate FROM inspection_keys WHERE inspection_id = ?", (inspection_id,)
    ).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def set_identity(db: Database, inspection_id: str, installation_id: str, cert: dict | None) -> None:
    db.execute(
        "UPDATE inspection_keys SET installation = ?, certificate = ?, clash = NULL "
        "WHERE inspection_id = ?",
        (installation_id, json.dumps(cert, sort_keys=True) if cert else None, inspection_id),
    )


def clash(db: Database, inspection_id: str) -> dict | None:
    """What is known of another computer writing under this folder's identity, if any."""
    row = db.execute(
        "SELECT clash FROM inspection_keys WHERE inspection_id = ?", (inspection_id,)
    ).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def set_clash(db: Database, inspection_id: str, found: dict) -> None:
    db.execute(
        "UPDATE inspection_keys SET clash = ? WHERE inspection_id = ?",
        (json.dumps(found, sort_keys=True), inspection_id),
    )


# --- bundles this device wrote ------------------------------------------------------------
@dataclass(frozen=True)
class SentBundle:
    name: str
    first_seq: int
    last_seq: int
    size: int
    sha256: str | None


def sent_bundles(
    db: Database, inspection_id: str, remote: str, device_id: str
) -> dict[str, SentBundle]:
    rows = db.execute(
        "SELECT name, first_seq, last_seq, size, sha256 FROM sent_bundles "
        "WHERE inspection_id = ? AND remote = ? AND device_id = ?",
        (inspection_id, remote, device_id),
    ).fetchall()
    return {row[0]: SentBundle(*row) for row in rows}


def record_sent(
    db: Database, inspection_id: str, remote: str, device_id: str, sent: SentBundle
) -> None:
    db.execute(
        "INSERT OR REPLACE INTO sent_bundles (inspection_id, remote, device_id, name, "
        "first_seq, last_seq, size, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            inspection_id,
            remote,
            device_id,
            sent.name,
            sent.first_seq,
            sent.last_seq,
            sent.size,
            sent.sha256,
        ),
    )


def forget_sent(db: Database, inspection_id: str, device_id: str) -> None:
    db.execute(
        "DELETE FROM sent_bundles WHERE inspection_id = ? AND device_id = ?",
        (inspection_id, device_id),
    )


# --- clocks ---------------------------------------------------------------------------------
def mark_clock(
    db: Database, inspection_id: str, device_id: str, first: int, last: int, offset_ms: int
) -> None:
    db.execute(
        "INSERT OR REPLACE INTO clock_marks (inspection_id, device_id, first_seq, last_seq, "
        "offset_ms) VALUES (?, ?, ?, ?, ?)",
        (inspection_id, device_id, first, last, offset_ms),
    )


def clock_marks(db: Database, inspection_id: str) -> list[tuple[str, int, int, int]]:
    """(device, first seq, last seq, offset ms) of changes stamped by a wrong clock."""
    return [
        tuple(row)
        for row in db.execute(
            "SELECT device_id, first_seq, last_seq, offset_ms FROM clock_marks "
            "WHERE inspection_id = ? ORDER BY device_id, first_seq",
            (inspection_id,),
        )
    ]
