"""A data folder restored from a backup: this device's work that reached the team after the
backup was taken, fetched back before anything is sent.

Without it, the restored folder would number its next changes from where the backup stopped:
numbers the team already holds for other changes, so the team would take the new work for
replays and drop it, and the work sent before the loss would be missing here. Instead the
missing work is read back from this device's own signed bundles on the share, and changes made
since the restore are renumbered to follow it. Nothing is lost on either side.
"""

from __future__ import annotations

from ..store import oplog, projection, sync_state
from ..store.database import write_transaction
from ..sync.bundle import bundle_range, bundle_seqs, highest_seq, read_header
from ..sync.clock import MAX_AHEAD_MS
from ..sync.transport import BUNDLES


def recover_own_work(run) -> tuple[int, int]:
    """Run at the start of a sync (``run`` is the SyncRun). Returns (ops fetched back, ops of
    this folder renumbered); (0, 0) in the usual case, at the cost of one listing."""
    ws, inspection_id, device = run.ws, run.inspection_id, run.keys.device_id
    names = [
        n
        for n in run.transport.list_files(inspection_id, device, BUNDLES)
        if bundle_range(n) is not None
    ]
    published = highest_seq(names)
    # Everything up to what this folder itself recorded sending is certainly here.
    trusted = sync_state.pushed_anywhere(ws.db, inspection_id, device)
    if published <= trusted:
        return 0, 0
    sent = _sent_after(run, device, sorted(names, key=bundle_seqs), trusted)
    here = {op.op_id for op in oplog.ops_by_ids(ws.db, [op.op_id for op in sent])}
    missing = [op for op in sent if op.op_id not in here]
    if not missing:
        return 0, 0  # a push cut short before it was recorded: everything is here
    sent_ids = {op.op_id for op in sent}
    first = min(op.seq for op in missing)
    stranded = [
        op
        for op in oplog.ops_in_range(ws.db, inspection_id, device, first, 2**62)
        if op.op_id not in sent_ids
    ]
    new_seqs = {op.op_id: published + n for n, op in enumerate(stranded, 1)}
    with write_transaction(ws.db):
        oplog.renumber(ws.db, new_seqs)
        oplog.append(ws.db, missing)
        projection.project_entities(ws.db, sorted({op.entity_id for op in missing}))
    ws.clock.observe(max(op.hlc for op in missing), limit=run.now_ms() + MAX_AHEAD_MS)
    return len(missing), len(new_seqs)


def _sent_after(run, device: str, names: list[str], trusted: int) -> list:
    """The ops of this device's bundles on the share numbered after ``trusted``, verified."""
    found = []
    for name in names:
        first, last = bundle_seqs(name)
        if last <= trusted:
            continue
        data = run.transport.get(run.inspection_id, device, BUNDLES, name)
        found += [op for op in run.verified_ops(read_header(data), data) if op.seq > trusted]
    return found
