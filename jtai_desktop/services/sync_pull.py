"""Receiving the team's changes: each device's series read in order, applied in batches.

A device's files are applied one after another; a gap (a file not on the share yet), a
damaged file or a held bundle stops that device's series there, and the sync says whose
changes it waits for. Other devices' work carries on regardless.

A few files of a series (up to ``BATCH_OPS`` changes) are downloaded first, then applied in
one transaction, and the records they touch are projected once per batch rather than once
per bundle; the team's roster (members and devices) is projected at once, since checking
the next bundle needs it. Each bundle is still all or nothing (a savepoint). Nothing is
downloaded while the write lock is held, so the lock a sync takes stays short.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..store import oplog, projection, settings, sync_state
from ..store.database import write_transaction
from ..sync.bundle import (
    BundleDamagedError,
    BundleError,
    bundle_range,
    bundle_seqs,
    highest_seq,
    read_header,
)
from ..sync.transport import BUNDLES
from .team import ACTIVE
from .team_notices import owner_name

BATCH_OPS = 6000  # about three bundles: a few tenths of a second holding the write lock
ROSTER = ("member", "device")  # checking later bundles reads these: projected at once
# Release 0.1 held bundles stamped far ahead; they are applied now (wrong clocks are named).
FUTURE_HOLD = "Changes stamped more than three days in the future"


class ApplyBatch:
    """Where applied bundles' records are projected: at once, or (inside ``deferred``) once,
    just before the batch commits."""

    def __init__(self, db):
        self.db = db
        self.open = False
        self.pending: dict[str, list] = {}  # entity id -> the batch's ops of it
        self.new: set[str] = set()  # entities the log held no op of before this batch

    def before_append(self, ops) -> None:
        """Note which records are new to this replica, before the ops go into the log."""
        if self.open:
            unseen = sorted({op.entity_id for op in ops} - set(self.pending))
            held = oplog.op_counts(self.db, unseen)
            self.new.update(e for e in unseen if not held.get(e))

    def project(self, ops) -> None:
        """The records a bundle's ops changed: now, or (roster aside) with the batch."""
        if not self.open:
            projection.project_entities(self.db, sorted({op.entity_id for op in ops}))
            return
        roster = {op.entity_id for op in ops if op.entity in ROSTER}
        projection.project_entities(self.db, sorted(roster))
        self.new -= roster
        for op in ops:
            if op.entity not in ROSTER:
                self.pending.setdefault(op.entity_id, []).append(op)

    def _project_pending(self) -> None:
        """Each record once: a new one from the batch's own ops (nothing of it is stored
        yet), any other from all of its ops in the log."""
        new = {e: ops for e, ops in self.pending.items() if e in self.new}
        projection.project_new(self.db, new)
        projection.project_entities(self.db, sorted(set(self.pending) - set(new)))

    @contextmanager
    def deferred(self):
        with write_transaction(self.db):
            self.open = True
            try:
                yield
                self._project_pending()
            finally:
                self.open = False
                self.pending.clear()
                self.new.clear()


def pull(run) -> None:
    release_old_future_holds(run)
    listings = run._listings if run._listings is not None else run._list_all()
    # The lead's bundles first: they carry the roster.
    for device in sorted(listings, key=lambda d: d != run.keys.lead_device_id):
        if device == run.keys.device_id:
            continue
        names = listings[device]
        if removed(run, device):
            refuse_removed(run, device, names)
            continue
        if not pull_series(run, device, names):
            return  # cancelled


def pull_series(run, device: str, names: list[str]) -> bool:
    """Apply what is new in one device's series, a batch at a time; False if cancelled."""
    queue = sorted(n for n in names if bundle_range(n) is not None)
    while queue:
        if run.is_cancelled():
            return False
        have = oplog.last_seq(run.ws.db, run.inspection_id, device)
        queue = [n for n in queue if bundle_seqs(n)[1] > have]
        batch, ready = _next_batch(run, device, queue, have)
        fetched = [(n, run.transport.get(run.inspection_id, device, BUNDLES, n)) for n in batch]
        with run.batch.deferred():  # what was applied is kept, whatever stops the loop
            for name, data in fetched:
                if run.is_cancelled():
                    return False
                if not apply_file(run, device, name, data):
                    return True  # later files of this device wait for this one
        if not ready or batch == []:
            return True
        queue = queue[len(batch) :]
    return True


def _next_batch(run, device: str, queue: list[str], have: int) -> tuple[list[str], bool]:
    """The next files to download and apply (up to BATCH_OPS changes), and whether the series
    can go on after them; a gap before a file, or a held one, ends the batch and says so."""
    batch: list[str] = []
    expected, size = have + 1, 0
    for name in queue:
        first, last = bundle_seqs(name)
        if sync_state.is_held(run.ws.db, run.inspection_id, device, first, last):
            return batch, False
        if first > expected:
            if not held_from(run, device, expected):
                wait(run, device, expected, first - 1, damaged=False)
            return batch, False
        if batch and size + (last - first + 1) > BATCH_OPS:
            return batch, True
        batch.append(name)
        expected, size = max(expected, last + 1), size + (last - first + 1)
    return batch, True


def apply_file(run, device: str, name: str, data: bytes) -> bool:
    """Apply one downloaded file of a device's series; False if the device's later files
    must wait (this one is damaged, held or refused)."""
    first, last = bundle_seqs(name)
    try:
        run.apply(data)
    except BundleDamagedError as error:
        if run.ws.get("device", device) is None and not _readable(data):
            run.report.refused.append(
                f"A file under device {device[:8]}, which is not on this inspection's "
                f"team, is not a bundle ({error.message}) It was not applied."
            )
        else:
            wait(run, device, first, last, damaged=True)
            run.notices.ask_again(device, name)
        return False
    except BundleError as error:
        run.report.refused.append(error.message)
        return False
    return oplog.last_seq(run.ws.db, run.inspection_id, device) >= last


def removed(run, device: str) -> bool:
    row = run.ws.get("device", device)
    return row is not None and row["status"] != ACTIVE


def refuse_removed(run, device: str, names: list[str]) -> None:
    """A removed device's changes are never applied; say so once for each new batch, not
    at every sync (its files stay on the share until someone deletes them)."""
    key = f"refused-upto:{run.inspection_id}:{device}"
    told = int(settings.get(run.ws.db, key) or 0)
    newest = highest_seq(names)
    if newest <= told:
        return
    run.report.refused.append(
        f"Device {device[:8]}, which the lead has removed from the team, sent changes "
        "after it was removed; they were not applied."
    )
    settings.put(run.ws.db, key, str(newest))


def release_old_future_holds(run) -> None:
    """Bundles an earlier version held for a clock far ahead are applied now."""
    for item in sync_state.held(run.ws.db, run.inspection_id):
        held = sync_state.held_bundle(run.ws.db, item["id"])
        if held is not None and item["reason"].startswith(FUTURE_HOLD):
            try:
                run.apply(held[1])
            except BundleError as error:
                run.report.refused.append(error.message)


def held_from(run, device: str, seq: int) -> bool:
    return any(
        item["device_id"] == device and item["first_seq"] <= seq <= item["last_seq"]
        for item in sync_state.held(run.ws.db, run.inspection_id)
    )


def wait(run, device: str, first: int, last: int, damaged: bool) -> None:
    """Say whose changes the sync waits for, once per device."""
    if any(w["device_id"] == device for w in run.report.waiting_for):
        return
    owner = owner_name(run.ws, run.inspection_id, device)
    span = f"changes {first}\u2013{last}" if last > first else f"change {first}"
    why = "the file on the share is damaged" if damaged else "they are not on the share"
    run.report.waiting_for.append(
        {"device_id": device, "owner": owner, "first": first, "last": last, "damaged": damaged}
    )
    run.report.waiting.append(
        f"Waiting for {owner}'s {span} ({why}); their computer will send them again "
        "on its next sync."
    )


def _readable(data: bytes) -> bool:
    try:
        read_header(data)
    except BundleError:
        return False
    return True
