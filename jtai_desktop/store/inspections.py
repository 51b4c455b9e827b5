"""Queries over whole inspections: lookup by id prefix, summaries and counts."""

from __future__ import annotations

from .connection import Database

COUNTED = {
    "team": "members",
    "children": "children",
    "reviews": "reviews",
    "notes": "notes",
    "evidence": "evidence",
    "findings": "findings",
}


def ids_with_prefix(db: Database, prefix: str) -> list[str]:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM inspections WHERE id LIKE ? ESCAPE '\\' ORDER BY id", (escaped + "%",)
        ).fetchall()
    ]


def counts(db: Database, inspection_id: str, with_ops: bool = True) -> dict[str, int]:
    """Records of each kind, conflicts, and (unless left out: it is the slowest count, and
    only ``list`` shows it) changes in the log."""
    found = {name: _count(db, table, inspection_id) for name, table in COUNTED.items()}
    if with_ops:
        found["ops"] = _count(db, "ops", inspection_id)
    found["conflicts"] = _count(db, "conflicts", inspection_id)
    return found


def _count(db: Database, table: str, inspection_id: str) -> int:
    return db.execute(
        f"SELECT count(*) FROM {table} WHERE inspection_id = ?", (inspection_id,)
    ).fetchone()[0]


def summaries(db: Database) -> list[dict]:
    rows = db.execute(
        "SELECT id, area, theme_id, title, notification_date, theme_version FROM inspections "
        "ORDER BY notification_date DESC, id"
    ).fetchall()
    return [
        {
            "id": r[0],
            "area": r[1],
            "theme": r[2],
            "title": r[3],
            "notification_date": r[4],
            "theme_version": r[5],  # None: a pack of release 0.1, which had no versions
            "counts": counts(db, r[0]),
        }
        for r in rows
    ]


def most_recent_id(db: Database) -> str | None:
    """The inspection ``summaries`` lists first, without counting its records."""
    row = db.execute(
        "SELECT id FROM inspections ORDER BY notification_date DESC, id LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def retention_due(db: Database, today_iso: str) -> list[dict]:
    rows = db.execute(
        "SELECT id, title, retention_date FROM inspections "
        "WHERE retention_date IS NOT NULL AND retention_date <= ? "
        "ORDER BY retention_date",
        (today_iso,),
    ).fetchall()
    return [{"id": r[0], "title": r[1], "retention_date": r[2]} for r in rows]
