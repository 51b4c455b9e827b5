"""The write core: every edit becomes ops in the change log and the projection follows.

One ``Workspace`` acts for one device. Reads come from the projected tables; writes go
through ``create``/``update``/``delete``/``restore``/``resolve``/``reopen``, each one
transaction (see ``op_writer``) that the user can undo through the returned ``ChangeSet``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from ..domain.errors import NotFoundError, ValidationError
from ..domain.field_rules import LEAD_ONLY_ENTITIES
from ..domain.record_types import RecordReads, Row
from ..domain.records import BOOL, Role, normalise, spec_for
from ..store import heads, oplog, records, sync_state
from ..store.connection import Database
from ..store.database import write_transaction
from ..sync.clock import MAX_AHEAD_MS, HybridClock, wall_millis
from ..sync.merge import resolve_entity
from ..sync.ops import DELETED
from . import op_writer
from .changes import (
    CREATE,
    DELETE,
    REOPEN,
    RESTORE,
    SET,
    SETTLE,
    Change,
    ChangeSet,
    Competing,
)
from .op_writer import Author, Drafts, Write


def random_id() -> str:
    # Imported at the first new record: uuid loads the platform module, which opening a
    # folder and reading it never needs.
    import uuid

    return uuid.uuid4().hex


def ordered_id() -> str:
    """A random id that sorts by when it was made (32 hex digits, like ``random_id``): new
    ops go at the end of the change log's indexes instead of splitting pages anywhere."""
    return f"{time.time_ns() // 1_000_000:012x}{os.urandom(10).hex()}"


class Workspace(RecordReads):
    """Reads (``get``, ``require``, ``rows``: typed per kind of record, see
    ``domain.record_types``) and every kind of edit, for one device."""

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
        # Ops get ids that sort by time, unless ids are made to order (the demo's).
        self.new_op_id = ordered_id if new_id is random_id else new_id
        self._acting_as = acting_as  # a fixed member (demo and simulated team members)
        self._devices: dict[str, str] = {}
        self._members: dict[str, str] = {}
        self.drafts: Drafts | None = None  # see keep_drafts

    @property
    def clock(self) -> HybridClock:
        # Resuming the clock scans the change log: done at the first write, not at start-up,
        # unless the stamps were read ahead of it (``adopt_clock``).
        if self._clock is None:
            self._clock = _clock_from(self.device_id, *clock_stamps(self.db, self.device_id))
        return self._clock

    @property
    def clock_resumed(self) -> bool:
        return self._clock is not None

    def adopt_clock(self, stamps: ClockStamps) -> None:
        """Resume the clock from ``clock_stamps`` read on another connection (the desktop
        reads them off the UI thread after its first paint), unless something has resumed
        it already: that clock may have stamped since, and must never go back."""
        if self._clock is None:
            self._clock = _clock_from(self.device_id, *stamps)

    # --- who is acting -------------------------------------------------------------------
    def author_for(self, inspection_id: str) -> str:
        if self._acting_as:
            return self._acting_as
        if inspection_id not in self._members:
            member_id = records.member_for(self.db, inspection_id)
            if member_id is None:
                raise NotFoundError("You are not a member of this inspection on this device.")
            self._members[inspection_id] = member_id
        return self._members[inspection_id]

    def set_author(self, inspection_id: str, member_id: str) -> None:
        records.set_member_for(self.db, inspection_id, member_id)
        self._members[inspection_id] = member_id

    def device_for(self, inspection_id: str) -> str:
        """The device id this folder writes under in an inspection: its own, or the one the
        lead issued with the invitation it joined by."""
        if inspection_id not in self._devices:
            keys = sync_state.keys(self.db, inspection_id)
            self._devices[inspection_id] = (keys or {}).get("device_id") or self.device_id
        return self._devices[inspection_id]

    def forget_devices(self) -> None:
        self._devices.clear()
        self._members.clear()

    # --- reads (typed per kind by RecordReads) -------------------------------------------
    def _row(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        return records.get_row(self.db, entity, entity_id)

    def _rows(
        self, entity: str, inspection_id: str, where: str, params: tuple, order_by: str
    ) -> list[dict[str, Any]]:
        """``where``/``order_by`` are fixed SQL from the code; values bind (``params``)."""
        return records.rows(self.db, entity, inspection_id, where, params, order_by)

    def _missing(self, entity: str, entity_id: str) -> Exception:
        return NotFoundError(
            f"No {entity.replace('_', ' ')} with id {entity_id} "
            "in this inspection (it may have been deleted)."
        )

    # --- writes --------------------------------------------------------------------------
    def transaction(self):
        """Several edits as one transaction, which takes the write lock first (BEGIN
        IMMEDIATE): another connection committing meanwhile can never make it fail."""
        return write_transaction(self.db)

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
        self._write(inspection_id, entity, entity_id, _plain(clean))
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
        if oplog.inspection_of(self.db, entity_id) is not None:
            with self.transaction():
                restored = self.restore(entity, entity_id, label)
                return restored + self.update(entity, entity_id, values, label)
        return self.create(entity, inspection_id, values, entity_id=entity_id, label=label)

    def update(
        self, entity: str, entity_id: str, values: dict, label: str = "", row: Row | None = None
    ) -> ChangeSet:
        """New values for some fields. ``row``: the record as just read, if the caller has it
        (a save then reads it once)."""
        if row is None:
            row = self.require(entity, entity_id)
        clean = normalise(entity, values)
        changed = {k: v for k, v in clean.items() if _stored(row.get(k)) != _stored(v)}
        if changed:
            self._write(row["inspection_id"], entity, entity_id, _plain(changed), row, self.drafts)
        before = {k: _as_value(entity, k, row.get(k)) for k in changed}
        return ChangeSet(
            label or f"Edit {entity}", (Change(SET, entity, entity_id, before, changed),)
        )

    def delete(self, entity: str, entity_id: str, label: str = "") -> ChangeSet:
        row = self.require(entity, entity_id)
        seen = [op_id for ids in heads.of_entity(self.db, entity_id).values() for op_id in ids]
        self._write(row["inspection_id"], entity, entity_id, [(DELETED, True, seen)], row)
        return ChangeSet(label or f"Delete {entity}", (Change(DELETE, entity, entity_id),))

    def restore(self, entity: str, entity_id: str, label: str = "") -> ChangeSet:
        inspection_id = oplog.inspection_of(self.db, entity_id)
        if inspection_id is None:
            raise NotFoundError(f"No {entity} with id {entity_id} to restore.")
        self._write(inspection_id, entity, entity_id, [(DELETED, False, None)])
        return ChangeSet(label or f"Restore {entity}", (Change(RESTORE, entity, entity_id),))

    def resolve(self, entity_id: str, field: str, value, label: str = "") -> ChangeSet:
        """Settle a conflict: a new value that names every competing value as seen. Its undo
        opens the same conflict again (see ``reopen``)."""
        ops = oplog.ops_for_entity(self.db, entity_id)
        if not ops:
            raise NotFoundError(f"No record with id {entity_id}.")
        state = resolve_entity(ops)
        competing = tuple((op.op_id, op.value) for op in state.conflicts().get(field, ()))
        if field == DELETED:
            clean = {DELETED: bool(value)}
            seen = [i for ids in state.head_ids().values() for i in ids] if value else None
            self._write(
                state.inspection_id, state.entity, entity_id, [(DELETED, clean[DELETED], seen)]
            )
        else:
            clean = normalise(state.entity, {field: value})
            self._write(state.inspection_id, state.entity, entity_id, _plain(clean))
        label = label or "Settle a conflict"
        if not competing:  # nothing was in conflict: an ordinary edit
            before = {field: state.fields[field].value} if field in state.fields else {}
            return ChangeSet(label, (Change(SET, state.entity, entity_id, before, clean),))
        return ChangeSet(label, (Change(SETTLE, state.entity, entity_id, {}, clean, competing),))

    def reopen(
        self, entity_id: str, field: str, competing: Competing, label: str = ""
    ) -> ChangeSet:
        """Open a settled conflict again with the same competing values (undo of settling).

        A field's values are written again, each naming the current value but not one
        another. A deletion set against edits is a tombstone that does not name those edits,
        so they are "unseen" by it again and the delete-or-keep question is open once more."""
        history = oplog.ops_for_entity(self.db, entity_id)
        if not history:
            raise NotFoundError(f"No record with id {entity_id}.")
        state = resolve_entity(history)
        if field != DELETED:
            spec_for(state.entity).field(field)  # a field this kind of record has
        current = state.head_ids()
        written_by = {op.op_id: op.field for op in history}
        edits = {op_id for op_id, _ in competing if written_by.get(op_id, DELETED) != DELETED}
        writes: list[Write]
        if field == DELETED and edits:
            seen = {op_id for ids in current.values() for op_id in ids}
            writes = [(DELETED, True, sorted(seen - edits))]
        else:
            writes = [(field, value, list(current.get(field, ()))) for _, value in competing]
        self._write(state.inspection_id, state.entity, entity_id, writes)
        settled = state.deleted if field == DELETED else state.values().get(field)
        change = Change(REOPEN, state.entity, entity_id, {}, {field: settled}, competing)
        return ChangeSet(label or "Open the conflict again", (change,))

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
        elif change.action == SETTLE:
            ((field, value),) = change.after.items()
            self.resolve(change.entity_id, field, value)
        elif change.action == REOPEN:
            ((field, _value),) = change.after.items()
            self.reopen(change.entity_id, field, change.competing)
        else:  # CREATE again, or RESTORE: bring the record back with its values
            self.restore(change.entity, change.entity_id)

    def keep_drafts(self) -> None:
        """Let an edit write over this session's earlier edit of the same field while that
        has not left the device (see ``op_writer``): what the desktop's autosaving editors
        need, so typing a long note does not keep a copy of it per pause. Without it (the
        command line, scripts) every edit adds its own op."""
        if self.drafts is None:
            self.drafts = Drafts()

    def forget_drafts(self) -> None:
        """From now on edits add ops again until they make new drafts (as after a restart)."""
        if self.drafts is not None:
            self.drafts.clear()

    def _write(
        self,
        inspection_id: str,
        entity: str,
        entity_id: str,
        writes: list[Write],
        row: Row | None = None,
        drafts: Drafts | None = None,
    ) -> None:
        author = self.author_for(inspection_id)
        if entity in LEAD_ONLY_ENTITIES:
            self._require_lead(author)
        who = Author(
            inspection_id,
            author,
            self.device_for(inspection_id),
            self.clock,
            self.new_op_id,
        )
        op_writer.write(self.db, who, entity, entity_id, writes, row=row, drafts=drafts)

    def _require_lead(self, author: str) -> None:
        """The settings that shape the inspection are the lead's (while it is being set up,
        before its team exists, its creator's)."""
        member = self.get("member", author)
        if member is not None and member["role"] != Role.LEAD.value:
            raise ValidationError(
                "Only the lead inspector can change the inspection's settings (its theme, "
                "calendar, inspectorates and dates); ask your lead to make the change."
            )


def _plain(values: dict) -> list[Write]:
    """New values, each naming its field's current values as seen."""
    return [(field, value, None) for field, value in values.items()]


# (this device's last stamp, the newest stamp of all), either None in an empty change log
ClockStamps = tuple[str | None, str | None]


def clock_stamps(db: Database, device_id: str) -> ClockStamps:
    """What a device's clock resumes from. Both are read by scanning the change log (about
    0.4 s on the reference demo): once a session, at the first write or ahead of it."""
    return oplog.last_stamp(db, device_id), oplog.newest_stamp(db)


def _clock_from(device_id: str, last: str | None, newest: str | None) -> HybridClock:
    """Carry on after this device's last stamp and after every stamp already received, so
    edits made after a restart sort after colleagues' work from a laptop whose clock is ahead."""
    clock = HybridClock(device_id, last)
    if newest:  # a stamp far ahead (accepted from a wrong clock) may not drag ours along
        clock.observe(newest, limit=wall_millis() + MAX_AHEAD_MS)
    return clock


def _as_value(entity: str, field: str, value):
    """A projected column value as an op value: bool columns hold 0/1, which undo must not
    feed back to ``normalise`` (it accepts only True/False for them)."""
    if value is not None and spec_for(entity).field(field).kind == BOOL:
        return bool(value)
    return value


def _stored(value):
    return value.isoformat() if isinstance(value, date) else value
