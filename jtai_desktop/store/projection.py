"""The tables as a projection of the ops: write one entity's resolved state, or rebuild all.

Incremental updates and a full rebuild go through the same ``write_state`` function, so
rebuilding from the ops yields the same tables by construction (and a test checks it).
A local edit of a record with no open conflict takes a shorter way (``insert_record``,
``update_record``, ``remove_record``): it writes only what the new ops change, from the
row as it was, and comes to the same row (a test checks that too). Its search entry is not
rewritten in the same transaction: the record is named in ``search_pending``, and
``index_pending`` (run before every search, and by a rebuild) writes the entries it names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from ..domain.record_types import Row
from ..domain.records import BOOL, ENTITIES, JSON, META_COLUMNS, EntitySpec
from ..sync.clock import Stamp
from ..sync.merge import EntityState, resolve_entity
from ..sync.ops import DELETED, Op
from . import heads, oplog, records
from .connection import Database
from .database import write_transaction


def search_rowid(entity_id: str) -> int:
    """A stable FTS rowid per entity, so its index entry is replaced without a table scan."""
    return int.from_bytes(hashlib.sha256(entity_id.encode()).digest()[:8], "big") >> 1


def project_new(db: Database, ops_by_entity: dict[str, list[Op]]) -> None:
    """Write the state of entities the log held no ops of before these (new to this replica):
    no row, conflict or search entry of theirs can exist yet, so none is looked for."""
    for ops in ops_by_entity.values():
        write_state(db, resolve_entity(ops), new=True)


def project_entities(db: Database, entity_ids: Iterable[str]) -> None:
    """Write the state of each entity from all of its ops, read a few hundred at a time."""
    for ops in oplog.ops_for_entities(db, list(entity_ids)).values():
        write_state(db, resolve_entity(ops))


def rebuild(db: Database, inspection_id: str | None = None) -> None:
    """Throw the projection away and derive it again from the change log."""
    with write_transaction(db):
        clear(db, inspection_id)
        for ops in oplog.ops_by_entity(db, inspection_id):
            write_state(db, resolve_entity(ops))


def clear(db: Database, inspection_id: str | None = None) -> None:
    where, params = ("WHERE inspection_id = ?", (inspection_id,)) if inspection_id else ("", ())
    for spec in ENTITIES.values():
        db.execute(f"DELETE FROM {spec.table} {where}", params)
    for table in ("conflicts", "search_index", "field_heads", "search_pending"):
        db.execute(f"DELETE FROM {table} {where}", params)


def write_state(
    db: Database, state: EntityState, changed: set[str] | None = None, new: bool = False
) -> None:
    """Store an entity's resolved state. ``changed`` names the fields just written, when
    known, so the search index is left alone when nothing it holds can have changed; ``new``:
    nothing of the entity is stored yet (its first ops), so nothing old is cleared."""
    spec = ENTITIES[state.entity]
    if state.deleted:
        if not new:
            db.conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (state.entity_id,))
    else:
        _write_row(db, spec, state)
    _write_conflicts(db, state, new)
    heads.replace(db, state.entity_id, state.inspection_id, state.head_ids(), new)
    if changed is None or changed & _search_fields(spec):
        values = {} if state.deleted else state.values()
        _write_search(db, spec, state.entity_id, state.inspection_id, values, new)
        if not new:
            db.conn.execute("DELETE FROM search_pending WHERE entity_id = ?", (state.entity_id,))


def _search_fields(spec: EntitySpec) -> set[str]:
    return {DELETED, *([spec.search_title] if spec.search_title else []), *spec.search_body}


def row_for(spec: EntitySpec, state: EntityState) -> dict:
    values = state.values()
    row = {
        name: _column_value(spec.field(name).kind, values.get(name)) for name in spec.field_names
    }
    row.update(_meta(state.entity_id, state.inspection_id, state.first, state.last))
    return row


def _meta(entity_id: str, inspection_id: str, first: Op, last: Op) -> dict:
    return {
        "id": entity_id,
        "inspection_id": inspection_id,
        "created_at": Stamp.parse(first.hlc).iso(),
        "created_by": first.author,
        "created_device": first.device_id,
        **_updated(last),
    }


def _updated(last: Op) -> dict:
    return {"updated_at": Stamp.parse(last.hlc).iso(), "updated_by": last.author}


def _column_value(kind: str, value):
    if value is None:
        return None
    if kind == JSON:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if kind == BOOL:
        return int(bool(value))
    return value


def _write_row(db: Database, spec: EntitySpec, state: EntityState) -> None:
    # An upsert: the row is updated in place when it exists (a REPLACE would delete and
    # re-insert it, moving it to a new page and rewriting every index, several times the
    # pages a save must write), and one statement either way.
    row = row_for(spec, state)
    columns = (*META_COLUMNS[1:], *spec.field_names)
    db.conn.execute(
        f"INSERT INTO {spec.table} (id, {', '.join(columns)}) "
        f"VALUES (?, {', '.join('?' for _ in columns)}) ON CONFLICT (id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in columns),
        (state.entity_id, *(row[c] for c in columns)),
    )


def _insert_row(db: Database, spec: EntitySpec, row: dict) -> None:
    columns = (*META_COLUMNS, *spec.field_names)
    db.conn.execute(
        f"INSERT INTO {spec.table} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})",
        tuple(row[c] for c in columns),
    )


# --- a local edit of a record with no open conflict -----------------------------------------
def insert_record(db: Database, spec: EntitySpec, ops: list[Op]) -> None:
    """A new record from the ops that create it (the first ops it has, oldest first)."""
    first, last = ops[0], ops[-1]
    values = {op.field: op.value for op in ops}
    row = {
        name: _column_value(spec.field(name).kind, values.get(name)) for name in spec.field_names
    }
    row.update(_meta(first.entity_id, first.inspection_id, first, last))
    _insert_row(db, spec, row)
    if set(values) & _search_fields(spec):
        _search_later(db, spec, first.entity_id, first.inspection_id)


def update_record(db: Database, spec: EntitySpec, row: Row, ops: list[Op]) -> None:
    """The fields these ops set, from ``row`` as stored before them; the last op must be the
    record's newest (the caller checks), so it is the row's new 'updated'."""
    values = {op.field: op.value for op in ops}
    columns = {name: _column_value(spec.field(name).kind, v) for name, v in values.items()}
    columns.update(_updated(ops[-1]))
    db.conn.execute(
        f"UPDATE {spec.table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
        (*columns.values(), row["id"]),
    )
    if set(values) & _search_fields(spec):
        _search_later(db, spec, row["id"], row["inspection_id"])


def remove_record(db: Database, spec: EntitySpec, entity_id: str, inspection_id: str) -> None:
    db.execute(f"DELETE FROM {spec.table} WHERE id = ?", (entity_id,))
    _search_later(db, spec, entity_id, inspection_id)


def _search_later(db: Database, spec: EntitySpec, entity_id: str, inspection_id: str) -> None:
    if spec.search_title or spec.search_body:
        db.conn.execute(
            "INSERT OR IGNORE INTO search_pending (entity_id, entity, inspection_id) "
            "VALUES (?, ?, ?)",
            (entity_id, spec.name, inspection_id),
        )


def search_is_pending(db: Database) -> bool:
    return db.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is not None


def index_pending(db: Database) -> int:
    """Write the search entries of the records edited since the last search; how many.
    Call in a write transaction."""
    pending = db.execute("SELECT entity_id, entity, inspection_id FROM search_pending").fetchall()
    for entity_id, entity, inspection_id in pending:
        row = records.get_row(db, entity, entity_id) or {}
        _write_search(db, ENTITIES[entity], entity_id, inspection_id, row)
    db.execute("DELETE FROM search_pending")
    return len(pending)


def _write_conflicts(db: Database, state: EntityState, new: bool = False) -> None:
    if not new:
        db.conn.execute("DELETE FROM conflicts WHERE entity_id = ?", (state.entity_id,))
    for field, competing in state.conflicts().items():
        db.conn.execute(
            "INSERT INTO conflicts (entity_id, field, entity, inspection_id, op_ids) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                state.entity_id,
                field,
                state.entity,
                state.inspection_id,
                json.dumps([op.op_id for op in competing]),
            ),
        )


def has_conflicts(db: Database, entity_id: str) -> bool:
    found = db.conn.execute("SELECT 1 FROM conflicts WHERE entity_id = ? LIMIT 1", (entity_id,))
    return found.fetchone() is not None


def _write_search(
    db: Database,
    spec: EntitySpec,
    entity_id: str,
    inspection_id: str,
    values: Row,
    new: bool = False,
) -> None:
    """The record's entry in the search index, from its values (none: it was deleted)."""
    if not (spec.search_title or spec.search_body):
        return
    rowid = search_rowid(entity_id)
    if not new:
        db.conn.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
    title = values.get(spec.search_title) if spec.search_title else None
    body = "\n".join(str(values[f]) for f in spec.search_body if values.get(f))
    if not (title or body):
        return
    db.conn.execute(
        "INSERT INTO search_index (rowid, title, body, entity, entity_id, inspection_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (rowid, title or "", body, spec.name, entity_id, inspection_id),
    )


def conflict_heads(db: Database, entity_id: str) -> dict[str, list[Op]]:
    """Field -> competing ops for an entity's open conflicts, oldest first."""
    found: dict[str, list[Op]] = {}
    for field, op_ids in db.execute(
        "SELECT field, op_ids FROM conflicts WHERE entity_id = ? ORDER BY field", (entity_id,)
    ).fetchall():
        ops = oplog.ops_by_ids(db, json.loads(op_ids))
        found[field] = sorted(ops, key=lambda op: (op.hlc, op.op_id))
    return found
