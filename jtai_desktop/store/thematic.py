"""A thematic workspace's tables: the imported extracts, kept as signed. Local to the folder,
never synced and never part of the change log (a workspace holds no inspection)."""

from __future__ import annotations

import json
from typing import Any

from . import settings
from .connection import Database

FOLDER_KIND = "folder_kind"
THEMATIC = "thematic"
COLUMNS = (
    "id",
    "source",
    "theme_id",
    "theme_version",
    "area",
    "fieldwork_start",
    "public_key",
    "fingerprint",
    "sha256",
    "imported_at",
    "payload",
)


def is_thematic(db: Database) -> bool:
    return settings.get(db, FOLDER_KIND) == THEMATIC


def mark_thematic(db: Database) -> None:
    settings.put(db, FOLDER_KIND, THEMATIC)


def inspection_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0]


def add_extract(db: Database, row: dict[str, Any]) -> None:
    values = {**row, "payload": json.dumps(row["payload"], sort_keys=True, ensure_ascii=False)}
    db.execute(
        f"INSERT INTO thematic_extracts ({', '.join(COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in COLUMNS)})",
        tuple(values[c] for c in COLUMNS),
    )


def confirm_key(db: Database, public_key: str, fingerprint: str, at: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO thematic_keys (public_key, fingerprint, confirmed_at) "
        "VALUES (?, ?, ?)",
        (public_key, fingerprint, at),
    )


def confirmed_keys(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT public_key FROM thematic_keys").fetchall()}


def extracts(db: Database, with_payload: bool = True) -> list[dict[str, Any]]:
    """Every imported extract, by the start of its fieldwork (then its area)."""
    columns = COLUMNS if with_payload else tuple(c for c in COLUMNS if c != "payload")
    rows = db.execute(
        f"SELECT {', '.join(columns)} FROM thematic_extracts ORDER BY fieldwork_start, area, id"
    ).fetchall()
    found = [dict(zip(columns, r)) for r in rows]
    if with_payload:
        for row in found:
            row["payload"] = json.loads(row["payload"])
    return found
