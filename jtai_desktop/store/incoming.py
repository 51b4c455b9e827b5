"""Reads for the merge review: work that came from other devices, from the change log."""

from __future__ import annotations

import json

from .connection import Database


def received(
    db: Database,
    inspection_id: str,
    own_device: str,
    since_hlc: str | None = None,
    after_seqs: dict[str, int] | None = None,
) -> list[tuple[str, str, str, int, str]]:
    """(author, entity, entity id, number of changes, newest stamp) for each record another
    device changed, per author: changes stamped from ``since_hlc`` on, and/or with a sequence
    number above ``after_seqs[device]`` (what had arrived when the lead last reviewed)."""
    sql = (
        "SELECT author, entity, entity_id, count(*), max(hlc) FROM ops "
        "WHERE inspection_id = ? AND device_id != ? AND entity != 'device'"
    )
    params: list = [inspection_id, own_device]
    if since_hlc is not None:
        sql += " AND hlc >= ?"
        params.append(since_hlc)
    if after_seqs:
        devices = sorted(after_seqs)
        known = " OR ".join("(device_id = ? AND seq > ?)" for _ in devices)
        sql += f" AND ({known} OR device_id NOT IN ({', '.join('?' for _ in devices)}))"
        for device in devices:
            params += [device, int(after_seqs[device])]
        params += devices
    sql += " GROUP BY author, entity_id ORDER BY max(hlc) DESC"
    return [tuple(row) for row in db.execute(sql, tuple(params)).fetchall()]


def device_seqs(db: Database, inspection_id: str) -> dict[str, int]:
    """Each device's highest sequence number held here (what has arrived so far)."""
    return dict(
        db.execute(
            "SELECT device_id, max(seq) FROM ops WHERE inspection_id = ? GROUP BY device_id",
            (inspection_id,),
        ).fetchall()
    )


def last_sync_with(db: Database, inspection_id: str, outcome: str) -> dict | None:
    row = db.execute(
        "SELECT remote, at, outcome, details FROM sync_log WHERE inspection_id = ? "
        "AND outcome = ? ORDER BY id DESC LIMIT 1",
        (inspection_id, outcome),
    ).fetchone()
    if not row:
        return None
    return {"remote": row[0], "at": row[1], "outcome": row[2], "details": json.loads(row[3])}
