"""Resolve an entity's current state from its operations. Pure: no SQL, no Qt.

A field's current values are its *heads*: the ops on that field that no other op on the same
field names as a parent. One distinct value among the heads is the value; several are a
conflict, and every one of them is kept. The value shown in the projection is the newest
head's (by clock), but the conflict stays open until someone resolves it with a new op naming
all heads as parents: the clock only picks what to display first, never what wins.

Deletion is the ``_deleted`` field. A tombstone names as parents the heads of every field its
author saw. An edit made concurrently with the deletion (a field head the tombstone did not
name) keeps the entity visible and opens a delete/edit conflict, so nobody's work vanishes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .ops import DELETED, Op, encode_value


def op_order(op: Op) -> tuple[str, str]:
    return (op.hlc, op.op_id)


def field_heads(ops: Iterable[Op]) -> tuple[Op, ...]:
    """Ops of one field that no other op of that field names as a parent, oldest first."""
    group = list(ops)
    named = {parent for op in group for parent in op.parents}
    return tuple(sorted((op for op in group if op.op_id not in named), key=op_order))


@dataclass(frozen=True)
class FieldState:
    name: str
    heads: tuple[Op, ...]

    @property
    def distinct_heads(self) -> tuple[Op, ...]:
        """One head per distinct value (the newest of each), newest last."""
        by_value: dict[str, Op] = {}
        for op in self.heads:
            by_value[encode_value(op.value)] = op
        return tuple(sorted(by_value.values(), key=op_order))

    @property
    def conflicted(self) -> bool:
        return len(self.distinct_heads) > 1

    @property
    def value(self) -> Any:
        return self.heads[-1].value

    @property
    def head_ids(self) -> tuple[str, ...]:
        return tuple(op.op_id for op in self.heads)


@dataclass(frozen=True)
class EntityState:
    entity: str
    entity_id: str
    inspection_id: str
    fields: dict[str, FieldState]
    tombstones: tuple[Op, ...]
    unseen_edits: tuple[Op, ...]
    first: Op
    last: Op
    contested_deletion: tuple[Op, ...] = ()  # concurrent delete and restore
    deletion_heads: tuple[Op, ...] = ()  # the current values of the tombstone field

    @property
    def deleted(self) -> bool:
        return bool(self.tombstones) and not self.unseen_edits

    def head_ids(self) -> dict[str, tuple[str, ...]]:
        """Field -> the op ids of its current values, the tombstone field included."""
        found = {name: state.head_ids for name, state in self.fields.items()}
        if self.deletion_heads:
            found[DELETED] = tuple(op.op_id for op in self.deletion_heads)
        return found

    def values(self) -> dict[str, Any]:
        return {name: state.value for name, state in self.fields.items()}

    def conflicts(self) -> dict[str, tuple[Op, ...]]:
        """Field name -> the competing head ops, for every open conflict (deletion included)."""
        found = {name: s.distinct_heads for name, s in self.fields.items() if s.conflicted}
        if self.tombstones and self.unseen_edits:
            found[DELETED] = tuple(sorted(self.tombstones + self.unseen_edits, key=op_order))
        elif self.contested_deletion:
            found[DELETED] = self.contested_deletion
        return found


def resolve_entity(ops: Iterable[Op]) -> EntityState:
    """The state of one entity from all of its ops (in any order, duplicates ignored)."""
    unique = {op.op_id: op for op in ops}
    ordered = sorted(unique.values(), key=op_order)
    if not ordered:
        raise ValueError("an entity needs at least one op")
    by_field: dict[str, list[Op]] = defaultdict(list)
    for op in ordered:
        by_field[op.field].append(op)
    fields = {
        name: FieldState(name, field_heads(group))
        for name, group in by_field.items()
        if name != DELETED
    }
    deleted_heads = field_heads(by_field.get(DELETED, ()))
    tombstones, unseen, contested = _deletion(deleted_heads, fields)
    return EntityState(
        entity=ordered[0].entity,
        entity_id=ordered[0].entity_id,
        inspection_id=ordered[0].inspection_id,
        fields=fields,
        tombstones=tombstones,
        unseen_edits=unseen,
        first=ordered[0],
        last=ordered[-1],
        contested_deletion=contested,
        deletion_heads=deleted_heads,
    )


def _deletion(heads: tuple[Op, ...], fields: dict[str, FieldState]):
    """(tombstones, unseen edits, contested delete/restore heads) for the ``_deleted`` field."""
    if not heads:
        return (), (), ()
    values = {bool(op.value) for op in heads}
    if values == {False}:
        return (), (), ()
    if values == {True, False}:
        # A concurrent delete and restore: keep the entity visible and show both.
        return (), (), FieldState(DELETED, heads).distinct_heads
    seen = {parent for op in heads for parent in op.parents}
    unseen = tuple(op for state in fields.values() for op in state.heads if op.op_id not in seen)
    return heads, tuple(sorted(unseen, key=op_order)), ()
