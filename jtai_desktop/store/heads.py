"""Each field's current values: its heads, the ops no other op of that field names as a
parent (see ``sync.merge``). Kept as ops are written, so a save reads a field's heads, not
the record's whole history: the work of a save does not grow with the record's edits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..sync.ops import Op
from .connection import Database


def of_fields(db: Database, entity_id: str, fields: Iterable[str]) -> dict[str, list[str]]:
    """field -> its head op ids (empty for a field never written)."""
    wanted = list(dict.fromkeys(fields))
    found: dict[str, list[str]] = {name: [] for name in wanted}
    marks = ", ".join("?" for _ in wanted)
    for name, op_id in db.conn.execute(
        f"SELECT field, op_id FROM field_heads WHERE entity_id = ? AND field IN ({marks})",
        (entity_id, *wanted),
    ):
        found[name].append(op_id)
    return found


def of_entity(db: Database, entity_id: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for name, op_id in db.execute(
        "SELECT field, op_id FROM field_heads WHERE entity_id = ?", (entity_id,)
    ):
        found.setdefault(name, set()).add(op_id)
    return found


def follow(db: Database, ops: Iterable[Op]) -> None:
    """New ops written here: each becomes a head of its field, in place of the heads it names.

    Only for ops no other op can name yet (made on this device just now); ops received from
    elsewhere may arrive after ops that name them, and are followed by ``replace``."""
    for op in ops:
        if len(op.parents) == 1 and _take_over(db, op):
            continue  # the usual edit: one value replaced by the next
        if op.parents:
            marks = ", ".join("?" for _ in op.parents)
            db.conn.execute(
                f"DELETE FROM field_heads WHERE entity_id = ? AND field = ? AND op_id IN ({marks})",
                (op.entity_id, op.field, *op.parents),
            )
        db.conn.execute(
            "INSERT INTO field_heads (entity_id, field, op_id, inspection_id) VALUES (?, ?, ?, ?)",
            (op.entity_id, op.field, op.op_id, op.inspection_id),
        )


def _take_over(db: Database, op: Op) -> bool:
    """The op in its one parent's place, if that parent is a head (one statement, not two)."""
    return (
        db.conn.execute(
            "UPDATE field_heads SET op_id = ? WHERE entity_id = ? AND field = ? AND op_id = ?",
            (op.op_id, op.entity_id, op.field, op.parents[0]),
        ).rowcount
        == 1
    )


def replace(
    db: Database,
    entity_id: str,
    inspection_id: str,
    heads: Mapping[str, Iterable[str]],
    new: bool = False,
) -> None:
    """Store an entity's heads as resolved from all of its ops (``new``: it had none)."""
    if not new:
        db.conn.execute("DELETE FROM field_heads WHERE entity_id = ?", (entity_id,))
    db.conn.executemany(
        "INSERT INTO field_heads (entity_id, field, op_id, inspection_id) VALUES (?, ?, ?, ?)",
        [(entity_id, name, op_id, inspection_id) for name, ids in heads.items() for op_id in ids],
    )
