"""The save path: each field's current heads, the search entries waiting to be written, and
the indexes a save no longer pays for.

Shipped migrations: never edit one, add a new one instead."""

from __future__ import annotations

from sqlite_utils import Database


def field_heads(db: Database) -> None:
    """Each field's current values (its heads: the ops no other op of that field names as a
    parent), kept as ops are written, so a save reads the heads instead of the record's whole
    history. Filled here from the change log."""
    db.execute(
        "CREATE TABLE field_heads (entity_id TEXT NOT NULL, field TEXT NOT NULL, "
        "op_id TEXT NOT NULL, inspection_id TEXT NOT NULL, "
        "PRIMARY KEY (entity_id, field, op_id)) WITHOUT ROWID"
    )
    db.execute(
        "INSERT INTO field_heads (entity_id, field, op_id, inspection_id) "
        "SELECT o.entity_id, o.field, o.op_id, o.inspection_id FROM ops o "
        "WHERE NOT EXISTS (SELECT 1 FROM ops c, json_each(c.parents) p "
        "WHERE c.entity_id = o.entity_id AND c.field = o.field AND p.value = o.op_id)"
    )


def ops_digest_by_op_id(db: Database) -> None:
    """The op digest reads op ids in order; the primary key's own index does that as well,
    and one index fewer is one page fewer for every op a save writes."""
    db.execute("DROP INDEX IF EXISTS idx_ops_inspection_id_op_id")


def search_pending(db: Database) -> None:
    """Records whose search entry waits to be written again: a local edit names its record
    here instead of rewriting the full-text index in the same transaction (the index's pages
    were half of what a save wrote), and the next search brings the index up to date first."""
    db.execute(
        "CREATE TABLE search_pending (entity_id TEXT PRIMARY KEY, entity TEXT NOT NULL, "
        "inspection_id TEXT NOT NULL) WITHOUT ROWID"
    )


def save_path(db: Database) -> None:
    """The ops index by inspection, kind of record and field served lookups over a few kinds
    (a child's identifying values, evidence refs and files, the gate's count) but every op
    wrote a page of it. It now holds only the ops of those kinds, so saving a note, a review
    or a finding writes one page fewer. (``oplog.LOOKED_UP`` repeats the condition: SQLite
    uses a partial index only for a query that states its condition.)"""
    db.execute("DROP INDEX IF EXISTS idx_ops_inspection_id_entity_field")
    db.execute(
        "CREATE INDEX idx_ops_looked_up ON ops (inspection_id, entity, field) "
        "WHERE entity IN ('agency', 'child', 'evidence', 'inspection')"
    )
