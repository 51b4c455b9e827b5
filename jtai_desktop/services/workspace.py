"""The write core: every edit becomes ops in the change log and the projection follows.

One ``Workspace`` acts for one device. Reads come from the projected tables; writes go
through ``create``/``update``/``delete``/``restore``/``resolve``, each one transaction that
the user can undo through the returned ``ChangeSet``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from sqlite_utils import Database

from ..domain.errors import NotFoundError, ValidationError
from ..domain.field_rules import LEAD_ONLY_ENTITIES
from ..domain.records import BOOL, Role, normalise, spec_for
from ..store import oplog, projection, records, sync_state
from ..store.cipher import DATABASE_ERRORS, save_failed
from ..store.database import write_transaction
from ..sync.clock import MAX_AHEAD_MS, HybridClock, wall_millis
from ..sync.merge import field_heads, resolve_entity
from ..sync.ops import DELETED, Op
from .changes import CREATE, DELETE, RESTORE, SET, Change, ChangeSet


def random_id() -> str:
    return uuid.uuid4().hex


class Workspace:
    def __init__(
        self,
        db: Database,
        device_id: str,
        blobs=None,
        *,
        clock: HybridClock | None = None,
        new_id: Callable[[], str] = random_id,
        acting_as: str | None = None,
    ):
        self.db = db
        self.device_id = device_id
        self.blobs = blobs
        self._clock = clock
        self.new_id = new_id
        self._acting_as = acting_as  # a fixed member (demo and simulated team members)
        self._devices: dict[str, str] = {}

    @property
    def clock(self) -> HybridClock:
        # Resuming the clock scans the change log: do it at the first write, not at start-up.
        if self._clock is None:
            self._clock = _resumed_clock(self.db, self.device_id)
        return self._clock

    # --- who is acting -------------------------------------------------------------------
    def author_for(self, inspection_id: str) -> str:
        member_id = self._acting_as or records.member_for(self.db, inspection_id)
        if member_id is None:
            raise NotFoundError("You are not a member of this inspection on this device.")
        return member_id

    def set_author(self, inspection_id: str, member_id: str) -> None:
        records.set_member_for(self.db, inspection_id, member_id)

    def device_for(self, inspection_id: str) -> str:
        """The device id this folder writes under in an inspection: its own, or the one the
        lead issued with the invitation it joined by."""
        if inspection_id not in self._devices:
            keys = sync_state.keys(self.db, inspection_id)
            self._devices[inspection_id] = (keys or {}).get("device_id") or self.device_id
        return self._devices[inspection_id]

    def forget_devices(self) -> None:
        self._devices.clear()

    # --- reads ---------------------------------------------------------------------------
    def get(self, entity: str, entity_id: str) -> dict | None:
        return records.get_row(self.db, entity, entity_id)

    def require(self, entity: str, entity_id: str) -> dict:
        row = self.get(entity, entity_id)
        if row is None:
            raise NotFoundError(
                f"No {entity.replace('_', ' ')} with id {entity_id} "
                "in this inspection (it may have been deleted)."
            )
        return row

    def rows(
        self,
        entity: str,
        inspection_id: str,
        where: str = "",
        params: tuple = (),
        order_by: str = "created_at, id",
    ) -> list[dict]:
        return records.rows(self.db, entity, inspection_id, where, params, order_by)

    # --- writes --------------------------------------------------------------------------
    def create(
        self,
        entity: str,
        inspection_id: str,
        values: dict,
        *,
        entity_id: str | None = None,
        label: str = "",
    ) -> ChangeSet:
        entity_id = entity_id or self.new_id()
        clean = {k: v for k, v in normalise(entity, values).items() if v is not None}
        self._write(inspection_id, entity, entity_id, clean)
        return ChangeSet(label or f"Add {entity}", (Change(CREATE, entity, entity_id, {}, clean),))

    def upsert(
        self, entity: str, inspection_id: str, entity_id: str, values: dict, label: str = ""
    ) -> ChangeSet:
        """Write a record whose id is derived from what it is about (a review, a link).

        Two inspectors creating the same one offline then edit one record, and a deleted one
        comes back rather than being duplicated.
        """
        if self.get(entity, entity_id) is not None:
            return self.update(entity, entity_id, values, label)
        if oplog.ops_for_entity(self.db, entity_id):
            with self.db.atomic():
                restored = self.restore(entity, entity_id, label)
                return restored + self.update(entity, entity_id, values, label)
        return self.create(entity, inspection_id, values, entity_id=entity_id, label=label)

    def update(self, entity: str, entity_id: str, values: dict, label: str = "") -> ChangeSet:
        row = self.require(entity, entity_id)
        clean = normalise(entity, values)
        changed = {k: v for k, v in clean.items() if _stored(row.get(k)) != _stored(v)}
        if changed:
            self._write(row["inspection_id"], entity, entity_id, changed)
        before = {k: _as_value(entity, k, row.get(k)) for k in changed}
        return ChangeSet(
            label or f"Edit {entity}", (Change(SET, entity, entity_id, before, changed),)
        )

    def delete(self, entity: str, entity_id: str, label: str = "") -> ChangeSet:
        row = self.require(entity, entity_id)
        ops = oplog.ops_for_entity(self.db, entity_id)
        seen = [op.op_id for op in _all_heads(ops)]
        self._write(row["inspection_id"], entity, entity_id, {DELETED: True}, parents=seen)
        return ChangeSet(label or f"Delete {entity}", (Change(DELETE, entity, entity_id),))

    def restore(self, entity: str, entity_id: str, label: str = "") -> ChangeSet:
        ops = oplog.ops_for_entity(self.db, entity_id)
        if not ops:
            raise NotFoundError(f"No {entity} with id {entity_id} to restore.")
        self._write(ops[0].inspection_id, entity, entity_id, {DELETED: False})
        return ChangeSet(label or f"Restore {entity}", (Change(RESTORE, entity, entity_id),))

    def resolve(self, entity_id: str, field: str, value, label: str = "") -> ChangeSet:
        """Settle a conflict: a new value that names every competing value as seen."""
        ops = oplog.ops_for_entity(self.db, entity_id)
        if not ops:
            raise NotFoundError(f"No record with id {entity_id}.")
        state = resolve_entity(ops)
        if field == DELETED:
            return self._resolve_deletion(state, ops, bool(value), label)
        clean = normalise(state.entity, {field: value})
        before = {field: state.fields[field].value} if field in state.fields else {}
        self._write(state.inspection_id, state.entity, entity_id, clean)
        return ChangeSet(
            label or "Resolve conflict", (Change(SET, state.entity, entity_id, before, clean),)
        )

    def _resolve_deletion(self, state, ops: list[Op], delete: bool, label: str) -> ChangeSet:
        if delete:
            seen = [op.op_id for op in _all_heads(ops)]
            self._write(
                state.inspection_id, state.entity, state.entity_id, {DELETED: True}, parents=seen
            )
            return ChangeSet(
                label or "Confirm deletion", (Change(DELETE, state.entity, state.entity_id),)
            )
        self._write(state.inspection_id, state.entity, state.entity_id, {DELETED: False})
        return ChangeSet(label or "Keep record", (Change(RESTORE, state.entity, state.entity_id),))

    def apply(self, changes: ChangeSet) -> None:
        """Carry out a change set again (redo), or its inverse (undo), as new ops."""
        with write_transaction(self.db):
            for change in changes.changes:
                self._apply_one(change)

    def _apply_one(self, change: Change) -> None:
        if change.action == SET:
            self.update(change.entity, change.entity_id, change.after)
        elif change.action == DELETE:
            self.delete(change.entity, change.entity_id)
        else:  # CREATE again, or RESTORE: bring the record back with its values
            self.restore(change.entity, change.entity_id)

    def _write(
        self,
        inspection_id: str,
        entity: str,
        entity_id: str,
        values: dict,
        parents: list[str] | None = None,
    ) -> None:
        author = self.author_for(inspection_id)
        if entity in LEAD_ONLY_ENTITIES:
            self._require_lead(author)
        try:
            with write_transaction(self.db):
                history = oplog.ops_for_entity(self.db, entity_id)  # read once per save
                by_field = _group_by_field(history)
                device = self.device_for(inspection_id)
                seq = oplog.last_seq(self.db, inspection_id, device)
                ops = [
                    self._op(
                        inspection_id,
                        entity,
                        entity_id,
                        field,
                        value,
                        author,
                        _parents(by_field.get(field, ()), field, parents),
                        device,
                        seq + n,
                    )
                    for n, (field, value) in enumerate(values.items(), 1)
                ]
                oplog.append(self.db, ops)
                projection.write_state(self.db, resolve_entity(history + ops), changed=set(values))
        except DATABASE_ERRORS as error:
            raise save_failed(error) from error

    def _require_lead(self, author: str) -> None:
        """The settings that shape the inspection are the lead's (while it is being set up,
        before its team exists, its creator's)."""
        member = self.get("member", author)
        if member is not None and member["role"] != Role.LEAD.value:
            raise ValidationError(
                "Only the lead inspector can change the inspection's settings (its theme, "
                "calendar, inspectorates and dates); ask your lead to make the change."
            )

    def _op(
        self, inspection_id, entity, entity_id, field, value, author, parents, device, seq
    ) -> Op:
        return Op(
            self.new_id(),
            inspection_id,
            entity,
            entity_id,
            field,
            value,
            self.clock.tick(),
            device,
            author,
            tuple(parents),
            seq,
        )


def _group_by_field(ops: Iterable[Op]) -> dict[str, list[Op]]:
    by_field: dict[str, list[Op]] = {}
    for op in ops:
        by_field.setdefault(op.field, []).append(op)
    return by_field


def _parents(field_ops: Iterable[Op], field: str, given: list[str] | None) -> list[str]:
    """What the author saw: the field's current heads (a tombstone names what it was given)."""
    if given is not None and field == DELETED:
        return sorted(given)
    return sorted({*(given or ()), *(head.op_id for head in field_heads(field_ops))})


def _resumed_clock(db: Database, device_id: str) -> HybridClock:
    """Carry on after this device's last stamp and after every stamp already received, so
    edits made after a restart sort after colleagues' work from a laptop whose clock is ahead."""
    clock = HybridClock(device_id, oplog.last_stamp(db, device_id))
    newest = oplog.newest_stamp(db)
    if newest:  # a stamp far ahead (accepted from a wrong clock) may not drag ours along
        clock.observe(newest, limit=wall_millis() + MAX_AHEAD_MS)
    return clock


def _all_heads(ops: Iterable[Op]) -> list[Op]:
    """Current heads of every field (the tombstone field included) of one entity."""
    return [head for group in _group_by_field(ops).values() for head in field_heads(group)]


def _as_value(entity: str, field: str, value):
    """A projected column value as an op value: bool columns hold 0/1, which undo must not
    feed back to ``normalise`` (it accepts only True/False for them)."""
    if value is not None and spec_for(entity).field(field).kind == BOOL:
        return bool(value)
    return value


def _stored(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
