"""Team sync: push this device's ops and evidence files, pull and apply everyone else's.

Each bundle is checked (signature, format, schema, roster) before anything is written and
applied in one transaction; applying is idempotent, so an interrupted sync simply resumes.
A bundle whose stamps are too far in the future, or that would delete a large share of the
inspection, is kept aside for the lead rather than applied or lost.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..crypto.blobcipher import BlobCipher, BlobDamagedError
from ..domain.errors import JtaiError, ValidationError
from ..domain.records import ENTITIES, normalise
from ..store import oplog, projection, settings, sync_state
from ..store.database import write_transaction
from ..store.migrations import known_names
from ..sync.bundle import (
    BundleError,
    BundleHeader,
    bundle_range,
    bundle_seqs,
    highest_seq,
    open_sealed,
    read_header,
    seal,
)
from ..sync.clock import MAX_AHEAD_MS, Stamp
from ..sync.ops import DELETED
from ..sync.transport import BLOBS, BUNDLES, OfflineError, Transport, TransportError
from . import own_work
from .team import ACTIVE, TeamKeys, require_team_keys
from .workspace import Workspace

BUNDLE_MAX_OPS = 2000
DELETE_SHARE = 0.2  # a bundle deleting more than this is held for the lead
DELETE_MINIMUM = 5
FUTURE_HOLD = "Changes stamped more than three days in the future"  # retried as time passes

Progress = Callable[[int, int, str], None]


@dataclass
class SyncReport:
    pushed_ops: int = 0
    applied_ops: int = 0
    applied_bundles: int = 0
    files_sent: int = 0
    files_received: int = 0
    refused: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    offline: bool = False
    cancelled: bool = False
    recovered_ops: int = 0  # this device's own work fetched back (a folder restored from backup)
    renumbered_ops: int = 0  # changes made since such a restore, numbered after that work


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

    def run(self) -> SyncReport:
        steps = (
            ("Checking your earlier work is here", self.recover_own_work),
            ("Sending your changes", self.push),
            ("Receiving the team's changes", self.pull),
            ("Sending evidence files", self.push_files),
            ("Receiving evidence files", self.pull_files),
        )
        try:
            for done, (label, step) in enumerate(steps):
                if self.is_cancelled():
                    self.report.cancelled = True
                    break
                self.progress(done, len(steps), label)
                step()
            self.progress(len(steps), len(steps), "Done")
        except OfflineError:
            self.report.offline = True
            self._log("offline")
            raise
        self._log("cancelled" if self.report.cancelled else "ok")
        return self.report

    def _log(self, outcome: str) -> None:
        details = {k: v for k, v in self.report.__dict__.items() if isinstance(v, int)}
        sync_state.log(self.ws.db, self.inspection_id, self.transport.name, outcome, details)

    # --- ops ---------------------------------------------------------------------------------
    def recover_own_work(self) -> None:
        try:
            recovered, renumbered = own_work.recover_own_work(self)
        except BundleError as error:  # this device's own bundle cannot be trusted: send nothing
            raise BundleError(
                f"This computer's own changes on the share cannot be read back "
                f"({error.message}); nothing was sent. Ask your lead inspector."
            ) from error
        self.report.recovered_ops += recovered
        self.report.renumbered_ops += renumbered

    def push(self) -> None:
        device = self.keys.device_id
        with write_transaction(self.ws.db):  # what is sent is never written over afterwards
            last = oplog.seal(self.ws.db, self.inspection_id, device)
        sent = highest_seq(self.transport.list_files(self.inspection_id, device, BUNDLES))
        while sent < last and not self.is_cancelled():
            upto = min(last, sent + BUNDLE_MAX_OPS)
            ops = oplog.ops_in_range(self.ws.db, self.inspection_id, device, sent + 1, upto)
            header = BundleHeader(
                self.inspection_id, device, sent + 1, upto, tuple(sorted(known_names()))
            )
            data = seal(header, ops, self.keys.data_key, self.keys.signing_key)
            self.transport.put(self.inspection_id, device, BUNDLES, header.name, data)
            self.report.pushed_ops += len(ops)
            sent = upto
        sync_state.set_pushed(self.ws.db, self.inspection_id, self.transport.name, device, sent)

    def pull(self) -> None:
        self._retry_future_held()
        devices = self.transport.list_devices(self.inspection_id)
        # The lead's bundles first: they carry the roster that admits everyone else's.
        for device in sorted(devices, key=lambda d: d != self.keys.lead_device_id):
            if device == self.keys.device_id:
                continue
            names = self.transport.list_files(self.inspection_id, device, BUNDLES)
            if self._removed(device):
                self._refuse_removed(device, names)
                continue
            for name in sorted(n for n in names if bundle_range(n) is not None):
                if self.is_cancelled():
                    return
                self._pull_bundle(device, name)

    def _removed(self, device: str) -> bool:
        row = self.ws.get("device", device)
        return row is not None and row["status"] != ACTIVE

    def _refuse_removed(self, device: str, names: list[str]) -> None:
        """A removed device's changes are never applied; say so once for each new batch, not
        at every sync (its files stay on the share until someone deletes them)."""
        key = f"refused-upto:{self.inspection_id}:{device}"
        told = int(settings.get(self.ws.db, key) or 0)
        newest = highest_seq(names)
        if newest <= told:
            return
        self.report.refused.append(
            f"Device {device[:8]}, which the lead has removed from the team, sent changes "
            "after it was removed; they were not applied."
        )
        settings.put(self.ws.db, key, str(newest))

    def _retry_future_held(self) -> None:
        """Bundles held for a clock too far ahead apply once this clock has caught up."""
        for item in sync_state.held(self.ws.db, self.inspection_id):
            held = sync_state.held_bundle(self.ws.db, item["id"])
            if held is not None and item["reason"].startswith(FUTURE_HOLD):
                try:
                    self.apply(held[1])
                except BundleError as error:
                    self.report.refused.append(error.message)

    def _pull_bundle(self, device: str, name: str) -> None:
        first, last = bundle_seqs(name)
        have = oplog.last_seq(self.ws.db, self.inspection_id, device)
        if last <= have or sync_state.is_held(self.ws.db, self.inspection_id, device, first, last):
            return
        if first > have + 1:
            self.report.waiting.append(f"{device[:8]}: waiting for changes {have + 1}-{first - 1}")
            return
        data = self.transport.get(self.inspection_id, device, BUNDLES, name)
        try:
            self.apply(data)
        except BundleError as error:
            self.report.refused.append(error.message)

    def apply(self, data: bytes, confirmed: bool = False) -> int:
        """Verify a bundle and apply it in one transaction; returns the ops applied (or 0 if
        it was held, is already here, or must wait for earlier changes of its device).
        Raises BundleError, having written nothing, if it cannot be trusted. ``confirmed``:
        the lead has looked at a held bundle and wants it applied."""
        header = read_header(data)
        ops = self.verified_ops(header, data)
        have = oplog.last_seq(self.ws.db, self.inspection_id, header.device_id)
        if header.last_seq <= have:  # a replay
            sync_state.unhold(
                self.ws.db, self.inspection_id, header.device_id, header.first_seq, header.last_seq
            )
            return 0
        if header.first_seq > have + 1:  # applying it would leave a gap nothing fills later
            self.report.waiting.append(
                f"{header.device_id[:8]}: waiting for changes {have + 1}-{header.first_seq - 1}"
            )
            return 0
        # Authors are checked once the device's earlier changes (which create its member)
        # are here: only then is it known whose work the device may sign.
        if not self.ws.require("device", header.device_id)["is_lead"]:
            self._check_authors(header, ops)
        reason = self._hold_reason(ops, confirmed)
        if reason:
            sync_state.hold(
                self.ws.db,
                self.inspection_id,
                header.device_id,
                header.first_seq,
                header.last_seq,
                reason,
                data,
            )
            self.report.held.append(reason)
            return 0
        with write_transaction(self.ws.db):
            oplog.append(self.ws.db, ops)
            projection.project_entities(self.ws.db, sorted({op.entity_id for op in ops}))
            sync_state.unhold(
                self.ws.db, self.inspection_id, header.device_id, header.first_seq, header.last_seq
            )
        self.ws.clock.observe(max(op.hlc for op in ops), limit=self.now_ms() + MAX_AHEAD_MS)
        self.report.applied_ops += len(ops)
        self.report.applied_bundles += 1
        return len(ops)

    def verified_ops(self, header: BundleHeader, data: bytes):
        if header.inspection_id != self.inspection_id:
            raise BundleError("A bundle of another inspection was found in this one's folder.")
        device = self.ws.get("device", header.device_id)
        if device is None or device["inspection_id"] != self.inspection_id:
            raise BundleError(
                f"A bundle came from device {header.device_id[:8]}, which is not "
                "on this inspection's team. It was not applied."
            )
        if device["status"] != ACTIVE:
            raise BundleError(
                f"A bundle came from device {header.device_id[:8]}, which the "
                "lead has removed from the team. It was not applied."
            )
        _, ops = open_sealed(data, device["public_key"], self.keys.data_key)
        newer = set(header.schema) - known_names()
        if newer:
            raise BundleError(
                "A bundle was written by a newer version of jtai-desktop; "
                "install it to receive this colleague's work."
            )
        if not device["is_lead"] and any(op.entity == "device" for op in ops):
            raise BundleError(
                f"Device {header.device_id[:8]} tried to change the team's "
                "devices, which only the lead may do. The bundle was not applied."
            )
        self._check_records(header, ops)
        self._check_values(header, ops)
        return ops

    def _check_values(self, header: BundleHeader, ops) -> None:
        """Every value must be of its field's type, as the app itself would have written it."""
        for op in ops:
            if op.field == DELETED:
                valid = isinstance(op.value, bool)
            else:
                try:
                    valid = normalise(op.entity, {op.field: op.value}) == {op.field: op.value}
                except ValidationError:
                    valid = False
            if not valid:
                raise BundleError(
                    f"A bundle from device {header.device_id[:8]} holds a value "
                    "this version cannot store; it is damaged or from a newer "
                    "version. It was not applied."
                )

    def _check_authors(self, header: BundleHeader, ops) -> None:
        """A member's device may only sign work as that member (or the member it creates
        when joining): nobody can attribute edits to a colleague."""
        device = header.device_id
        allowed = {
            m["id"] for m in self.ws.rows("member", self.inspection_id) if m["device_id"] == device
        }
        allowed |= {
            op.entity_id
            for op in ops
            if op.entity == "member" and op.field == "device_id" and op.value == device
        }
        if any(op.author not in allowed for op in ops):
            raise BundleError(
                f"A bundle from device {device[:8]} signs work in another "
                "inspector's name. It was not applied."
            )

    def _check_records(self, header: BundleHeader, ops) -> None:
        """Each op must change a record as the kind it is, in this inspection: an op calling
        a device "a note" would otherwise change the roster past the lead-only rule."""
        claimed = {op.entity_id: op.entity for op in ops}
        known = oplog.entity_kinds(self.ws.db, list(claimed))
        if any(
            op.entity not in ENTITIES or claimed[op.entity_id] != op.entity for op in ops
        ) or any(
            kind != (claimed[entity_id], self.inspection_id) for entity_id, kind in known.items()
        ):
            raise BundleError(
                f"A bundle from device {header.device_id[:8]} changes records "
                "as something they are not; it is damaged or forged. It was "
                "not applied."
            )

    def _hold_reason(self, ops, confirmed: bool) -> str | None:
        if confirmed:
            return None
        newest = max(Stamp.parse(op.hlc).millis for op in ops)
        if newest > self.now_ms() + MAX_AHEAD_MS:
            return (
                f"{FUTURE_HOLD} (a wrong clock on device {ops[0].device_id[:8]}?) are "
                "kept aside, not applied."
            )
        if self.keys.device_id != self.keys.lead_device_id:
            return None  # only the lead can confirm, so only the lead's device holds them
        deleted = {op.entity_id for op in ops if op.field == DELETED and op.value is True}
        total = sum(oplog.count_records(self.ws.db, self.inspection_id).values())
        if len(deleted) >= DELETE_MINIMUM and len(deleted) > DELETE_SHARE * max(total, 1):
            return (
                f"A bundle from device {ops[0].device_id[:8]} deletes {len(deleted)} of "
                f"{total} records; it waits for the lead inspector to confirm it."
            )
        return None

    # --- evidence files --------------------------------------------------------------------
    def push_files(self) -> None:
        """Send this device's files, and any file the evidence names that no device offers
        (evidence from before the team existed, such as the demo's, or a lost upload)."""
        device = self.keys.device_id
        remote: set[str] = set()
        for other in self.transport.list_devices(self.inspection_id):
            remote |= set(self.transport.list_files(self.inspection_id, other, BLOBS))
        mine = oplog.shas_written_by(self.ws.db, self.inspection_id, device) | oplog.current_shas(
            self.ws.db, self.inspection_id
        )
        for sha in sorted(mine - remote):
            if self.is_cancelled() or not self.ws.blobs.exists(sha):
                continue
            sealed = b"".join(self.transit.encrypt(self.ws.blobs.chunks(sha)))
            self.transport.put(self.inspection_id, device, BLOBS, sha, sealed)
            self.report.files_sent += 1

    def pull_files(self) -> None:
        missing = self.missing_files()
        if not missing:
            return
        for device in self.transport.list_devices(self.inspection_id):
            offered = set(self.transport.list_files(self.inspection_id, device, BLOBS))
            for sha in sorted(missing & offered):
                if self.is_cancelled():
                    return
                if self._fetch(device, sha):
                    missing.discard(sha)

    def missing_files(self) -> set[str]:
        return {
            sha
            for sha in oplog.current_shas(self.ws.db, self.inspection_id)
            if not self.ws.blobs.exists(sha)
        }

    def _fetch(self, device: str, sha: str) -> bool:
        """Download, decrypt and check one file; a damaged copy is never stored."""
        data = self.transport.get(self.inspection_id, device, BLOBS, sha)
        try:
            plain = b"".join(self.transit.decrypt(BytesIO(data)))
        except BlobDamagedError:
            self.report.refused.append(
                f"An evidence file from device {device[:8]} was damaged "
                "in transit; it will be fetched again."
            )
            return False
        if hashlib.sha256(plain).hexdigest() != sha:
            self.report.refused.append("An evidence file did not match its hash; skipped.")
            return False
        self.ws.blobs.put_bytes(plain)
        self.report.files_received += 1
        return True


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

    def get(self, inspection_id: str, device_id: str, kind: str, name: str) -> bytes:
        raise TransportError("A held bundle is applied from this computer, not fetched.")

    def put(self, inspection_id: str, device_id: str, kind: str, name: str, data: bytes) -> None:
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
