"""How one edit becomes ops: the write path every save takes.

In one transaction (the write lock taken first) an edit's fields become ops that name their
field's current heads as parents (read from the heads table, not from the record's history),
the heads table follows them, and the projected row takes their values.

Two things keep a save's work small and constant:

- A record with no open conflict is projected from its row as it was plus the new values
  (``projection.update_record``); only a record in conflict, or one coming back from
  deletion, is resolved again from all of its ops.
- An autosave of a field whose current value is an op this workspace wrote in this session,
  that has not left the device (above the device's seal, see ``oplog.seal``), writes over
  that op (``oplog.rewrite_draft``) instead of adding one: typing a long note does not keep
  a copy of it per pause. Undo still works (it is a new value like any other), history shows
  the value as saved last, and no other device has seen the op, so none can disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..domain.record_types import Row
from ..domain.records import ENTITIES
from ..store import heads, oplog, projection
from ..store.cipher import DATABASE_ERRORS, save_failed
from ..store.connection import Database
from ..store.database import write_transaction
from ..sync.clock import HybridClock, Stamp
from ..sync.merge import resolve_entity
from ..sync.ops import DELETED, Op

# (field, value, parents): parents None means "the field's current heads".
Write = tuple[str, object, list[str] | None]


@dataclass
class Author:
    """Who writes, and how ids and stamps are made."""

    inspection_id: str
    member_id: str
    device_id: str
    clock: HybridClock
    new_op_id: Callable[[], str]


class Drafts:
    """Op ids this workspace wrote as plain edits in this session: the ops an autosave may
    write over while they have not left the device. (A new session starts with none, so a
    folder restored from a backup never writes over an op it may have sent since.)"""

    def __init__(self) -> None:
        self._ids: set[str] = set()

    def add(self, ops: Iterable[Op]) -> None:
        for op in ops:
            self._ids.difference_update(op.parents)  # written over: never a head again
            self._ids.add(op.op_id)

    def __contains__(self, op_id: str) -> bool:
        return op_id in self._ids

    def clear(self) -> None:
        self._ids.clear()


def write(
    db: Database,
    who: Author,
    entity: str,
    entity_id: str,
    writes: list[Write],
    *,
    row: Row | None = None,
    drafts: Drafts | None = None,
) -> None:
    """Record ``writes`` on one entity in one transaction and project the entity.

    ``row``: the record's projected row before the edit (None when creating it).
    ``drafts``: given for a plain edit, whose ops may write over this session's drafts."""
    try:
        with write_transaction(db):
            _write(db, who, entity, entity_id, writes, row, drafts)
    except DATABASE_ERRORS as error:
        raise save_failed(error) from error


def _write(db, who: Author, entity, entity_id, writes, row, drafts) -> None:
    current = heads.of_fields(db, entity_id, [field for field, _, _ in writes])
    sealed = oplog.sealed_upto(db, who.inspection_id, who.device_id) if drafts else 0
    seq: int | None = None  # read when an op needs a number: an autosave over a draft does not
    new_ops, rewritten = [], []
    for field, value, given in writes:
        draft = _draft(db, current[field], drafts, sealed, row) if given is None else None
        if draft is not None:
            rewritten.append(replace(draft, value=value, hlc=who.clock.tick()))
            continue
        if seq is None:
            seq = oplog.last_seq(db, who.inspection_id, who.device_id)
        seq += 1
        parents = sorted(given if given is not None else current[field])
        new_ops.append(
            Op(who.new_op_id(), who.inspection_id, entity, entity_id, field, value,
               who.clock.tick(), who.device_id, who.member_id, tuple(parents), seq)
        )  # fmt: skip
    oplog.append(db, new_ops)
    for op in rewritten:
        oplog.rewrite_draft(db, op)
    if drafts is not None:
        drafts.add(new_ops)
    # A field with more than one current value is in conflict: its new value settles it.
    settles = any(len(ids) > 1 for ids in current.values())
    _project(db, entity, entity_id, row, new_ops, rewritten, settles)


def _draft(db, head_ids: list[str], drafts: Drafts | None, sealed: int, row) -> Op | None:
    """The op an autosave may write over: the field's one current value, written by this
    workspace in this session, not sealed, and not the record's first op (whose stamp is
    the record's creation time)."""
    if drafts is None or row is None or len(head_ids) != 1 or head_ids[0] not in drafts:
        return None
    op = oplog.draft_by_id(db, head_ids[0])
    if op is None or op.seq <= sealed or Stamp.parse(op.hlc).iso() <= row["created_at"]:
        return None
    return op


def _project(db, entity, entity_id, row, new_ops, rewritten, settles: bool) -> None:
    spec = ENTITIES[entity]
    written = sorted(new_ops + rewritten, key=lambda op: (op.hlc, op.op_id))
    # Stamped no earlier than anything the record has (to the millisecond, as rows hold it):
    # the row's creation stays, and the newest of these is its last change. Two saves in one
    # millisecond differ only in the stamp's counter; the row's time is the same either way.
    after_all = row is not None and Stamp.parse(written[0].hlc).iso() >= row["updated_at"]
    if row is None and rewritten == [] and _first_ops(db, entity_id, new_ops):
        heads.follow(db, new_ops)
        projection.insert_record(db, spec, written)
    elif row is not None and not settles and after_all and _plain_edit(db, entity_id, written):
        heads.follow(db, new_ops)
        if any(op.field == DELETED for op in written):
            projection.remove_record(db, spec, entity_id, row["inspection_id"])
        else:
            projection.update_record(db, spec, row, written)
    else:  # a conflict, a record coming back, or an older stamp: resolve it from all its ops
        changed = {op.field for op in written}
        state = resolve_entity(oplog.ops_for_entity(db, entity_id))
        projection.write_state(db, state, changed=changed)


def _first_ops(db, entity_id: str, new_ops: list[Op]) -> bool:
    """The ops just written are the record's only ones (it is new)."""
    return set(heads.of_entity(db, entity_id)) == set() and all(not op.parents for op in new_ops)


def _plain_edit(db, entity_id: str, ops: list[Op]) -> bool:
    """New values of fields none of which is in conflict (a conflict on another field stays
    as it is, in the conflicts table), or a deletion, which saw every current value, of a
    record with no open conflict: no restore (which needs the record's values back from its
    ops)."""
    if any(op.field == DELETED and op.value is not True for op in ops):
        return False
    deletes = any(op.field == DELETED for op in ops)
    return not deletes or not projection.has_conflicts(db, entity_id)
