"""Team sync: push this device's ops and evidence files, pull and apply everyone else's, and
repair what the share lost or damaged.

Each bundle is checked (signature, format, schema, roster or the lead's certificate, values)
before anything is written and applied in one transaction; applying is idempotent, so an
interrupted sync simply resumes. A sync also keeps this device's own series on the share
whole (own_series), says whose changes it is waiting for and why, skips a damaged file
rather than stopping, and names any computer whose clock is wrong (team_notices). Work from
a wrong clock is applied; only a bundle that would delete a large share of the inspection
is kept aside for the lead.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..crypto.blobcipher import BlobCipher
from ..domain.errors import JtaiError
from ..store import oplog, settings, sync_records, sync_state
from ..store.database import write_transaction
from ..store.schema import known_names
from ..sync.bundle import (
    BundleHeader,
    highest_seq,
    read_header,
    seal,
)
from ..sync.clock import MAX_AHEAD_MS, Stamp
from ..sync.ops import DELETED, Op
from ..sync.transport import BUNDLES, OfflineError, Transport, TransportError
from . import sync_checks, sync_files, sync_pull
from .identity import IdentityClashError, duplicate_message
from .own_series import keep_series_whole
from .sync_report import SyncReport
from .team import TeamKeys, require_team_keys
from .team_notices import TeamNotices, clock_offset_key, owner_name
from .workspace import Workspace

__all__ = ["SyncReport", "SyncRun", "accept_held", "sync", "transit_key"]

BUNDLE_MAX_OPS = 2000
DELETE_SHARE = 0.2  # a bundle deleting more than this is held for the lead
DELETE_MINIMUM = 5
FUTURE_HOLD = sync_pull.FUTURE_HOLD

Progress = Callable[[int, int, str], None]


class SyncRun:
    def __init__(
        self,
        ws: Workspace,
        inspection_id: str,
        transport: Transport,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        now_ms: Callable[[], int] = lambda: int(time.time() * 1000),
    ):
        self.ws, self.inspection_id, self.transport = ws, inspection_id, transport
        self.keys: TeamKeys = require_team_keys(ws, inspection_id)
        self.progress = progress or (lambda done, total, label: None)
        self.is_cancelled = is_cancelled or (lambda: False)
        self.now_ms = now_ms
        self.report = SyncReport()
        self.transit = BlobCipher(transit_key(self.keys.data_key))
        self.installation = sync_records.installation(ws.db, inspection_id)
        self.certificate = sync_records.certificate(ws.db, inspection_id)
        self.notices = TeamNotices(self)
        self.batch = sync_pull.ApplyBatch(self.ws.db)  # projects at once, but in a pull
        self._listings: dict[str, list[str]] | None = None

    @property
    def bundle_max_ops(self) -> int:
        return BUNDLE_MAX_OPS

    def run(self) -> SyncReport:
        clash = sync_records.clash(self.ws.db, self.inspection_id)
        if clash is not None:
            self._duplicate(duplicate_message(clash.get("name")))
        steps = (
            ("Reading the team's notices", self.listen, False),
            ("Checking your earlier work is whole", self.keep_own_series, True),
            ("Sending your changes", self.push, True),
            ("Receiving the team's changes", self.pull, False),
            ("Sending evidence files", self.push_files, True),
            ("Receiving evidence files", self.pull_files, False),
            ("Telling the team what is missing", self.tell, False),
        )
        try:
            for done, (label, step, sends) in enumerate(steps):
                if self.is_cancelled():
                    self.report.cancelled = True
                    break
                self.progress(done, len(steps), label)
                if not (sends and self.report.duplicate):
                    self._step(step)
            self.progress(len(steps), len(steps), "Done")
        except OfflineError:
            self.report.offline = True
            self._log("offline")
            raise
        self._log("cancelled" if self.report.cancelled else "ok")
        return self.report

    def _step(self, step) -> None:
        try:
            step()
        except IdentityClashError as error:
            self._duplicate(error.message)

    def _duplicate(self, message: str) -> None:
        self.report.duplicate = True
        self.report.identity.append(message)

    def _log(self, outcome: str) -> None:
        details = {k: v for k, v in self.report.__dict__.items() if isinstance(v, int | list) and v}
        sync_state.log(self.ws.db, self.inspection_id, self.transport.name, outcome, details)

    # --- notices and this device's own series --------------------------------------------
    def listen(self) -> None:
        """List every device's folder once, and read the notices in it."""
        self._listings = self._list_all()
        for device, names in self._listings.items():
            self.notices.read(device, names)

    def _list_all(self) -> dict[str, list[str]]:
        return {
            device: self.transport.list_files(self.inspection_id, device, BUNDLES)
            for device in self.transport.list_devices(self.inspection_id)
        }

    def keep_own_series(self) -> None:
        keep_series_whole(self, self.notices.asks_for_me)

    def tell(self) -> None:
        """Conclude what the sync saw; leave this device's notice (not while another
        computer holds this identity: the notice would speak for that one too)."""
        clocks = self.notices.conclude()
        if not self.report.duplicate:
            self.notices.tell(clocks)

    # --- ops -------------------------------------------------------------------------------
    def push(self) -> None:
        device = self.keys.device_id
        with write_transaction(self.ws.db):  # what is sent is never written over afterwards
            last = oplog.seal(self.ws.db, self.inspection_id, device)
        sent = highest_seq(self.transport.list_files(self.inspection_id, device, BUNDLES))
        while sent < last and not self.is_cancelled():
            upto = min(last, sent + BUNDLE_MAX_OPS)
            self.report.pushed_ops += self.write_bundle(sent + 1, upto)
            sent = upto
        sync_state.set_pushed(self.ws.db, self.inspection_id, self.transport.name, device, sent)

    def write_bundle(self, first: int, last: int) -> int:
        """Seal this device's ops ``first``..``last`` and put them on the share (again, when
        healing: the same numbers, so colleagues who have them see a replay)."""
        device = self.keys.device_id
        ops = oplog.ops_in_range(self.ws.db, self.inspection_id, device, first, last)
        header = BundleHeader(
            self.inspection_id,
            device,
            first,
            last,
            tuple(sorted(known_names())),
            sealed_at=self.now_ms(),
            installation=self.installation,
            certificate=self.certificate,
            clock_offset=self._own_clock_offset(),
        )
        data = seal(header, ops, self.keys.data_key, self.keys.signing_key)
        self.transport.put(self.inspection_id, device, BUNDLES, header.name, data)
        sync_records.record_sent(
            self.ws.db,
            self.inspection_id,
            self.transport.name,
            device,
            sync_records.SentBundle(
                header.name, first, last, len(data), hashlib.sha256(data).hexdigest()
            ),
        )
        return len(ops)

    def _own_clock_offset(self) -> int | None:
        offset = int(settings.get(self.ws.db, clock_offset_key(self.inspection_id), "0") or 0)
        return offset if abs(offset) > MAX_AHEAD_MS else None

    def pull(self) -> None:
        sync_pull.pull(self)

    def apply(self, data: bytes, confirmed: bool = False) -> int:
        """Verify a bundle and apply it in one transaction; returns the ops applied (or 0 if
        it was held, is already here, or must wait for earlier changes of its device).
        Raises BundleError, having written nothing, if it cannot be trusted (a subclass,
        BundleDamagedError, if it is not whole). ``confirmed``: the lead has looked at a
        held bundle and wants it applied."""
        header = read_header(data)
        ops = self.verified_ops(header, data)
        device = header.device_id
        self.notices.clocks.saw(device, header.sealed_at)
        have = oplog.last_seq(self.ws.db, self.inspection_id, device)
        if header.last_seq <= have:  # a replay
            sync_state.unhold(
                self.ws.db, self.inspection_id, device, header.first_seq, header.last_seq
            )
            return 0
        if header.first_seq > have + 1:  # applying it would leave a gap nothing fills later
            sync_pull.wait(self, device, have + 1, header.first_seq - 1, damaged=False)
            return 0
        # Authors are checked once the device's earlier changes (which create its member)
        # are here: only then is it known whose work the device may sign.
        writer = self.ws.get("device", device)
        if writer is None or not writer["is_lead"]:
            sync_checks.check_authors(self.ws, self.inspection_id, header, ops)
        reason = None if confirmed else self._hold_reason(ops)
        if reason:
            sync_state.hold(
                self.ws.db,
                self.inspection_id,
                device,
                header.first_seq,
                header.last_seq,
                reason,
                data,
            )
            self.report.held.append(reason)
            return 0
        with write_transaction(self.ws.db):
            self.batch.before_append(ops)
            oplog.append(self.ws.db, ops)
            self.batch.project(ops)
            sync_state.unhold(
                self.ws.db, self.inspection_id, device, header.first_seq, header.last_seq
            )
            self._mark_clock(header, ops)
        self.ws.clock.observe(max(op.hlc for op in ops), limit=self.now_ms() + MAX_AHEAD_MS)
        self.report.applied_ops += len(ops)
        self.report.applied_bundles += 1
        return len(ops)

    def verified_ops(self, header: BundleHeader, data: bytes) -> list[Op]:
        return sync_checks.verified_ops(self.ws, self.keys, self.inspection_id, header, data)

    def _mark_clock(self, header: BundleHeader, ops: list[Op]) -> None:
        """Remember changes stamped by a wrong clock, so their history says so: stamped (or
        sealed) after this computer's "now", or by a writer that knows its clock is off."""
        newest = max(max(Stamp.parse(op.hlc).millis for op in ops), header.sealed_at or 0)
        offset = newest - self.now_ms()
        if offset <= MAX_AHEAD_MS:
            offset = header.clock_offset or 0
        if abs(offset) > MAX_AHEAD_MS:
            sync_records.mark_clock(
                self.ws.db,
                self.inspection_id,
                header.device_id,
                header.first_seq,
                header.last_seq,
                offset,
            )

    def _hold_reason(self, ops: list[Op]) -> str | None:
        """Only what a person must confirm is held: a bundle deleting a large share of the
        inspection, and only on the lead's device (the one that can confirm it)."""
        if self.keys.device_id != self.keys.lead_device_id:
            return None
        deleted = {op.entity_id for op in ops if op.field == DELETED and op.value is True}
        total = sum(oplog.count_records(self.ws.db, self.inspection_id).values())
        if len(deleted) >= DELETE_MINIMUM and len(deleted) > DELETE_SHARE * max(total, 1):
            owner = owner_name(self.ws, self.inspection_id, ops[0].device_id)
            return (
                f"A bundle from {owner} deletes {len(deleted)} of {total} records; it waits "
                "for the lead inspector to confirm it."
            )
        return None

    # --- evidence files --------------------------------------------------------------------
    def push_files(self) -> None:
        sync_files.push_files(self)

    def pull_files(self) -> None:
        sync_files.pull_files(self)

    def missing_files(self) -> set[str]:
        return sync_files.missing_files(self)


def transit_key(data_key: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"jtai-desktop evidence in transit v1"
    ).derive(data_key)


def sync(
    ws: Workspace,
    inspection_id: str,
    transport: Transport,
    progress: Progress | None = None,
    is_cancelled=None,
) -> SyncReport:
    return SyncRun(ws, inspection_id, transport, progress, is_cancelled).run()


class HeldOnly:
    """The transport of a held bundle the lead accepts: it is here already, so nothing is
    listed, fetched or sent."""

    name = "held"

    def list_devices(self, inspection_id: str) -> list[str]:
        return []

    def list_files(self, inspection_id: str, device_id: str, kind: str) -> list[str]:
        return []

    def list_sizes(self, inspection_id: str, device_id: str, kind: str) -> dict[str, int]:
        return {}

    def get(self, inspection_id: str, device_id: str, kind: str, name: str) -> bytes:
        raise TransportError("A held bundle is applied from this computer, not fetched.")

    def open_read(
        self, inspection_id: str, device_id: str, kind: str, name: str
    ) -> AbstractContextManager[BinaryIO]:
        raise TransportError("A held bundle is applied from this computer, not fetched.")

    def put(self, inspection_id: str, device_id: str, kind: str, name: str, data: bytes) -> None:
        raise TransportError("Nothing is sent while a held bundle is applied.")

    def put_stream(
        self,
        inspection_id: str,
        device_id: str,
        kind: str,
        name: str,
        chunks: Iterable[bytes],
        size: int,
    ) -> None:
        raise TransportError("Nothing is sent while a held bundle is applied.")


def accept_held(ws: Workspace, held_id: int) -> int:
    """The lead confirms a held bundle: it is verified again and applied."""
    found = sync_state.held_bundle(ws.db, held_id)
    if found is None:
        raise JtaiError(f"No held bundle {held_id}.")
    inspection_id, data = found

    applied = SyncRun(ws, inspection_id, HeldOnly()).apply(data, confirmed=True)
    if applied:
        sync_state.release(ws.db, held_id)
    return applied
