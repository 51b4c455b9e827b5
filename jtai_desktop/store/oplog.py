"""The change log: append and read operations.

Ops that have left this device (in a bundle on a remote, or in an invitation's snapshot) are
never updated or deleted (but by purge; and ``renumber`` changes only the sending order of a
device's ops). Before ops leave, their device's log is *sealed* up to them; an op of this
device above the seal has been seen by nobody else, and an autosave may write over it
(``rewrite_draft``) rather than keep every keystroke's copy.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator

from ..sync.ops import ROW_COLUMNS, Op, encode_value
from . import settings
from .connection import Database

OP_COLUMNS = ROW_COLUMNS
# The kinds of record whose ops the (inspection, kind, field) index holds (migration
# 0017_save_path), word for word: a query that uses the index states this condition too, since
# SQLite uses a partial index only for a query that implies its own condition.
LOOKED_UP_KINDS = ("agency", "child", "evidence", "inspection")
LOOKED_UP = "entity IN ('agency', 'child', 'evidence', 'inspection')"
_INSERT = (
    f"INSERT OR IGNORE INTO ops ({', '.join(OP_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in OP_COLUMNS)})"
)


def append(db: Database, ops: Iterable[Op]) -> None:
    """Store ops; an op already present (same id) is ignored, so replays change nothing."""
    values = [op.row_values() for op in ops]
    if not values:  # an autosave that wrote over its draft: no statement at all
        return
    if len(values) == 1:  # a save's usual one op: execute, not executemany, is the quicker
        db.conn.execute(_INSERT, values[0])
    else:
        db.conn.executemany(_INSERT, values)


def _ops(db: Database, sql: str, params: tuple) -> list[Op]:
    cursor = db.conn.execute(f"SELECT {', '.join(OP_COLUMNS)} FROM ops WHERE {sql}", params)
    return [Op.from_row(dict(zip(OP_COLUMNS, row))) for row in cursor]


def ops_for_entity(db: Database, entity_id: str) -> list[Op]:
    return _ops(db, "entity_id = ?", (entity_id,))


def ops_for_entities(db: Database, entity_ids: list[str]) -> dict[str, list[Op]]:
    """Entity id -> its ops, for many entities in a few queries (one per 500 ids)."""
    found: dict[str, list[Op]] = {entity_id: [] for entity_id in entity_ids}
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start : start + 500]
        for op in _ops(db, f"entity_id IN ({', '.join('?' for _ in chunk)})", tuple(chunk)):
            found[op.entity_id].append(op)
    return {entity_id: ops for entity_id, ops in found.items() if ops}


def op_counts(db: Database, entity_ids: list[str]) -> dict[str, int]:
    """How many ops the log holds for each of these entities (absent: none)."""
    found: dict[str, int] = {}
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start : start + 500]
        found.update(
            db.conn.execute(
                "SELECT entity_id, count(*) FROM ops WHERE entity_id IN "
                f"({', '.join('?' for _ in chunk)}) GROUP BY entity_id",
                tuple(chunk),
            ).fetchall()
        )
    return found


def ops_for_field(db: Database, entity_id: str, field: str) -> list[Op]:
    return _ops(db, "entity_id = ? AND field = ?", (entity_id, field))


def ops_by_ids(db: Database, op_ids: Iterable[str]) -> list[Op]:
    ids = list(op_ids)
    found: list[Op] = []
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        found += _ops(db, f"op_id IN ({', '.join('?' for _ in chunk)})", tuple(chunk))
    return found


def entity_kinds(db: Database, entity_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Entity id -> (kind of record, inspection) for the ids the log already holds."""
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start : start + 500]
        found.update(
            (entity_id, (entity, inspection_id))
            for entity_id, entity, inspection_id in db.conn.execute(
                "SELECT entity_id, entity, inspection_id FROM ops WHERE entity_id IN "
                f"({', '.join('?' for _ in chunk)}) GROUP BY entity_id",
                tuple(chunk),
            )
        )
    return found


def entity_ids(db: Database, inspection_id: str | None = None) -> Iterator[str]:
    sql = "SELECT DISTINCT entity_id FROM ops"
    params: tuple = ()
    if inspection_id:
        sql, params = sql + " WHERE inspection_id = ?", (inspection_id,)
    for (entity_id,) in db.conn.execute(sql + " ORDER BY entity_id", params):
        yield entity_id


def entity_ids_with_prefix(db: Database, inspection_id: str, prefix: str, limit: int) -> list[str]:
    """Records of an inspection (deleted ones too) whose id starts with ``prefix``, which is
    lower-case hex: an ordered range over the ops' entity index."""
    rows = db.execute(
        "SELECT DISTINCT entity_id FROM ops WHERE entity_id >= ? AND entity_id < ? "
        "AND inspection_id = ? ORDER BY entity_id LIMIT ?",
        (prefix, prefix + "~", inspection_id, limit),
    )
    return [entity_id for (entity_id,) in rows]


def ops_by_entity(db: Database, inspection_id: str | None = None) -> Iterator[list[Op]]:
    """All ops grouped by entity in one ordered scan (for rebuilding the projection)."""
    sql = f"SELECT {', '.join(OP_COLUMNS)} FROM ops"
    params: tuple = ()
    if inspection_id:
        sql, params = sql + " WHERE inspection_id = ?", (inspection_id,)
    group: list[Op] = []
    for row in db.conn.execute(sql + " ORDER BY entity_id", params):
        op = Op.from_row(dict(zip(OP_COLUMNS, row)))
        if group and group[0].entity_id != op.entity_id:
            yield group
            group = []
        group.append(op)
    if group:
        yield group


def inspection_of(db: Database, entity_id: str) -> str | None:
    """The inspection of a record the change log knows (deleted or not), else None."""
    row = db.execute(
        "SELECT inspection_id FROM ops WHERE entity_id = ? LIMIT 1", (entity_id,)
    ).fetchone()
    return row[0] if row else None


def last_seq(db: Database, inspection_id: str, device_id: str) -> int:
    row = db.conn.execute(
        "SELECT max(seq) FROM ops WHERE inspection_id = ? AND device_id = ?",
        (inspection_id, device_id),
    ).fetchone()
    return row[0] or 0


def seal(db: Database, inspection_id: str, device_id: str, upto: int | None = None) -> int:
    """Mark the device's ops as leaving it, every op so far (or those numbered up to
    ``upto``): never rewritten from now on. Call in the write transaction that reads the ops
    to send. Returns the last seq sealed."""
    last = last_seq(db, inspection_id, device_id) if upto is None else upto
    last = max(last, sealed_upto(db, inspection_id, device_id))
    settings.put(db, _seal_key(inspection_id, device_id), str(last))
    return last


def sealed_upto(db: Database, inspection_id: str, device_id: str) -> int:
    return int(settings.get(db, _seal_key(inspection_id, device_id)) or 0)


def _seal_key(inspection_id: str, device_id: str) -> str:
    return f"ops-sealed-upto:{inspection_id}:{device_id}"


def op_by_id(db: Database, op_id: str) -> Op | None:
    found = _ops(db, "op_id = ?", (op_id,))
    return found[0] if found else None


def draft_by_id(db: Database, op_id: str) -> Op | None:
    """An op without its value (``None``), which may be a long text: what writing over a
    draft reads, since the draft's value is about to be replaced."""
    columns = [c for c in OP_COLUMNS if c != "value"]
    row = db.conn.execute(
        f"SELECT {', '.join(columns)} FROM ops WHERE op_id = ?", (op_id,)
    ).fetchone()
    return Op.from_row({**dict(zip(columns, row)), "value": "null"}) if row else None


def rewrite_draft(db: Database, op: Op) -> None:
    """Write an unsealed op of this device again with a new value and stamp (an autosave
    over the one before, which nobody else has seen). Its id, parents and seq stay."""
    db.conn.execute(
        "UPDATE ops SET value = ?, hlc = ? WHERE op_id = ?",
        (encode_value(op.value), op.hlc, op.op_id),
    )


def last_stamp(db: Database, device_id: str) -> str | None:
    row = db.conn.execute("SELECT max(hlc) FROM ops WHERE device_id = ?", (device_id,)).fetchone()
    return row[0]


def count(db: Database, inspection_id: str) -> int:
    return db.conn.execute(
        "SELECT count(*) FROM ops WHERE inspection_id = ?", (inspection_id,)
    ).fetchone()[0]


def digest(db: Database, inspection_id: str) -> str:
    """SHA-256 over the sorted op ids: equal on two replicas exactly when they hold the same ops."""
    hasher = hashlib.sha256()
    for (op_id,) in db.conn.execute(
        "SELECT op_id FROM ops WHERE inspection_id = ? ORDER BY op_id", (inspection_id,)
    ):
        hasher.update(op_id.encode() + b"\n")
    return hasher.hexdigest()


def field_values(
    db: Database, inspection_id: str, entity: str, field: str, author: str | None = None
) -> list:
    """Every value ever written to one field of one kind of record, deleted records included."""
    sql = "SELECT value FROM ops WHERE inspection_id = ? AND entity = ? AND field = ?"
    if entity in LOOKED_UP_KINDS:
        sql += f" AND {LOOKED_UP}"
    params: tuple = (inspection_id, entity, field)
    if author is not None:
        sql, params = sql + " AND author = ?", params + (author,)
    return [json.loads(v) for (v,) in db.execute(sql, params)]


def newest_stamp(db: Database) -> str | None:
    return db.execute("SELECT max(hlc) FROM ops").fetchone()[0]


def count_by_device(db: Database, inspection_id: str, device_id: str) -> int:
    return db.execute(
        "SELECT count(*) FROM ops WHERE inspection_id = ? AND device_id = ?",
        (inspection_id, device_id),
    ).fetchone()[0]


def ops_in_range(
    db: Database, inspection_id: str, device_id: str, first: int, last: int
) -> list[Op]:
    return sorted(
        _ops(
            db,
            "inspection_id = ? AND device_id = ? AND seq BETWEEN ? AND ?",
            (inspection_id, device_id, first, last),
        ),
        key=lambda op: op.seq,
    )


def renumber(db: Database, new_seqs: dict[str, int]) -> None:
    """Give ops new sequence numbers (op id -> seq). Only how a device's ops are numbered for
    sending changes; the ops themselves do not. In two steps, through negative numbers, so
    that no two ops of a device share a number on the way."""
    db.conn.executemany(
        "UPDATE ops SET seq = ? WHERE op_id = ?", [(-seq, op_id) for op_id, seq in new_seqs.items()]
    )
    db.conn.executemany(
        "UPDATE ops SET seq = -seq WHERE op_id = ?", [(op_id,) for op_id in new_seqs]
    )


def ops_of_inspection(db: Database, inspection_id: str) -> list[Op]:
    return _ops(db, "inspection_id = ?", (inspection_id,))


def shas_written_by(db: Database, inspection_id: str, device_id: str) -> set[str]:
    return {
        json.loads(v)
        for (v,) in db.execute(
            "SELECT value FROM ops WHERE inspection_id = ? AND entity = 'evidence' "
            f"AND field = 'sha256' AND device_id = ? AND {LOOKED_UP}",
            (inspection_id, device_id),
        )
    }


def count_records(db: Database, inspection_id: str) -> dict[str, int]:
    """Distinct records per kind in the change log (deleted ones included)."""
    return dict(
        db.execute(
            "SELECT entity, count(DISTINCT entity_id) FROM ops "
            "WHERE inspection_id = ? GROUP BY entity",
            (inspection_id,),
        ).fetchall()
    )


def current_shas(db: Database, inspection_id: str) -> set[str]:
    """Files the inspection's evidence currently names (deleted evidence excluded)."""
    return {
        sha
        for (sha,) in db.execute(
            "SELECT sha256 FROM evidence WHERE inspection_id = ? AND sha256 IS NOT NULL",
            (inspection_id,),
        )
    }


def move_to_device(
    db: Database, new_seqs: dict[str, int], inspection_id: str, device_id: str
) -> None:
    """Move ops that never left this computer to another device id (op id -> new seq): how
    a computer's unsent work follows it to a fresh identity. Nobody else holds these ops."""
    db.conn.executemany(
        "UPDATE ops SET device_id = ?, seq = ? WHERE op_id = ? AND inspection_id = ?",
        [(device_id, seq, op_id, inspection_id) for op_id, seq in new_seqs.items()],
    )


def rewrite_member_identity(
    db: Database, member_id: str, old_device: str, new_device: str, block: int
) -> None:
    """Point a member record written on this computer (never sent) at its new device and
    evidence block, as if it had joined with the fresh invitation in the first place."""
    db.conn.execute(
        "UPDATE ops SET value = ? WHERE entity = 'member' AND entity_id = ? "
        "AND field = 'device_id' AND value = ?",
        (json.dumps(new_device), member_id, json.dumps(old_device)),
    )
    db.conn.execute(
        "UPDATE ops SET value = ? WHERE entity = 'member' AND entity_id = ? "
        "AND field = 'evidence_block' AND device_id = ?",
        (json.dumps(block), member_id, new_device),
    )
