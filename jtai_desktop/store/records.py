"""Reading projected records, and the local-only identity table (who acts on this device)."""

from __future__ import annotations

import json

from ..domain.records import ENTITIES, JSON, spec_for
from .connection import Database


def get_row(db: Database, entity: str, entity_id: str) -> dict | None:
    spec = spec_for(entity)
    cursor = db.execute(f"SELECT * FROM {spec.table} WHERE id = ?", (entity_id,))
    row = cursor.fetchone()
    return _decode(entity, _named(cursor, row)) if row else None


def rows(
    db: Database,
    entity: str,
    inspection_id: str,
    where: str = "",
    params: tuple = (),
    order_by: str = "created_at, id",
) -> list[dict]:
    """Rows of one inspection. ``where``/``order_by`` are fixed SQL from the code; values bind."""
    spec = spec_for(entity)
    clause = f"inspection_id = ?{' AND ' + where if where else ''}"
    cursor = db.execute(
        f"SELECT * FROM {spec.table} WHERE {clause} ORDER BY {order_by}", (inspection_id, *params)
    )
    return [_decode(entity, _named(cursor, row)) for row in cursor.fetchall()]


def existing_ids(db: Database, entity: str, ids: list[str]) -> set[str]:
    table = spec_for(entity).table
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found |= {
            r[0]
            for r in db.execute(
                f"SELECT id FROM {table} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
            )
        }
    return found


def member_for(db: Database, inspection_id: str) -> str | None:
    row = db.execute(
        "SELECT member_id FROM identity WHERE inspection_id = ?", (inspection_id,)
    ).fetchone()
    return row[0] if row else None


def set_member_for(db: Database, inspection_id: str, member_id: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO identity (inspection_id, member_id) VALUES (?, ?)",
        (inspection_id, member_id),
    )


def _named(cursor, row) -> dict:
    return dict(zip([c[0] for c in cursor.description], row))


def _decode(entity: str, row: dict) -> dict:
    for field_spec in ENTITIES[entity].fields:
        if field_spec.kind == JSON and row.get(field_spec.name) is not None:
            row[field_spec.name] = json.loads(row[field_spec.name])
    return row


def conflicted_ids(db: Database, inspection_id: str) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT entity_id FROM conflicts WHERE inspection_id = ? ORDER BY entity_id",
            (inspection_id,),
        )
    ]


def decode_row(entity: str, row: dict) -> dict:
    """A row as ``get_row`` returns it, from the projection's column values."""
    return _decode(entity, dict(row))


def evidence_files(db: Database) -> list[tuple[str, str, str, str]]:
    """(id, ref, sha256, inspection_id) of every evidence item with a file."""
    return db.execute(
        "SELECT id, ref, sha256, inspection_id FROM evidence WHERE sha256 IS NOT NULL ORDER BY ref"
    ).fetchall()
