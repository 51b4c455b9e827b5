"""The tables as a projection of the ops: write one entity's resolved state, or rebuild all.

Incremental updates and a full rebuild go through the same ``write_state`` function, so
rebuilding from the ops yields the same tables by construction (and a test checks it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from sqlite_utils import Database

from ..domain.records import BOOL, ENTITIES, JSON, META_COLUMNS, EntitySpec
from ..sync.clock import Stamp
from ..sync.merge import EntityState, resolve_entity
from ..sync.ops import DELETED, Op
from . import oplog


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
    with db.atomic():
        clear(db, inspection_id)
        for ops in oplog.ops_by_entity(db, inspection_id):
            write_state(db, resolve_entity(ops))


def clear(db: Database, inspection_id: str | None = None) -> None:
    where, params = ("WHERE inspection_id = ?", (inspection_id,)) if inspection_id else ("", ())
    for spec in ENTITIES.values():
        db.execute(f"DELETE FROM {spec.table} {where}", params)
    db.execute(f"DELETE FROM conflicts {where}", params)
    db.execute(f"DELETE FROM search_index {where}", params)


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
    if changed is None or changed & _search_fields(spec):
        _write_search(db, spec, state, new)


def _search_fields(spec: EntitySpec) -> set[str]:
    return {DELETED, *([spec.search_title] if spec.search_title else []), *spec.search_body}


def row_for(spec: EntitySpec, state: EntityState) -> dict:
    values = state.values()
    row = {
        name: _column_value(spec.field(name).kind, values.get(name)) for name in spec.field_names
    }
    row.update(_meta(state))
    return row


def _meta(state: EntityState) -> dict:
    first, last = state.first, state.last
    return {
        "id": state.entity_id,
        "inspection_id": state.inspection_id,
        "created_at": Stamp.parse(first.hlc).iso(),
        "created_by": first.author,
        "created_device": first.device_id,
        "updated_at": Stamp.parse(last.hlc).iso(),
        "updated_by": last.author,
    }


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


def _write_conflicts(db: Database, state: EntityState, new: bool = False) -> None:
    # The bare connection: sqlite-utils' execute costs more than these small statements.
    if not new:
        db.conn.execute("DELETE FROM conflicts WHERE entity_id = ?", (state.entity_id,))
    for field, heads in state.conflicts().items():
        db.conn.execute(
            "INSERT INTO conflicts (entity_id, field, entity, inspection_id, op_ids) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                state.entity_id,
                field,
                state.entity,
                state.inspection_id,
                json.dumps([op.op_id for op in heads]),
            ),
        )


def _write_search(db: Database, spec: EntitySpec, state: EntityState, new: bool = False) -> None:
    if not (spec.search_title or spec.search_body):
        return
    rowid = search_rowid(state.entity_id)
    if not new:
        db.conn.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
    if state.deleted:
        return
    values = state.values()
    title = values.get(spec.search_title) if spec.search_title else None
    body = "\n".join(str(values[f]) for f in spec.search_body if values.get(f))
    if not (title or body):
        return
    db.conn.execute(
        "INSERT INTO search_index (rowid, title, body, entity, entity_id, inspection_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (rowid, title or "", body, state.entity, state.entity_id, state.inspection_id),
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
