"""A data folder restored from a backup: this device's work that reached the team after the
backup was taken, fetched back before anything is sent.

Without it, the restored folder would number its next changes from where the backup stopped:
numbers the team already holds for other changes, so the team would take the new work for
replays and drop it, and the work sent before the loss would be missing here. Instead the
missing work is read back from this device's own signed bundles on the share (own_series
finds them), and changes made since the restore are renumbered to follow it. Nothing is lost
on either side, and nothing the team already holds is renumbered.
"""

from __future__ import annotations

from ..store import oplog, projection
from ..store.database import write_transaction
from ..sync.clock import MAX_AHEAD_MS
from ..sync.ops import Op


def fetch_back(run, on_share: list[Op], published: int) -> tuple[int, int]:
    """Store what of ``on_share`` (this device's ops read back from its files, verified)
    this folder lacks, and renumber the folder's own ops that were never sent to follow
    ``published`` (the highest number on the share). Returns (fetched, renumbered)."""
    ws, inspection_id, device = run.ws, run.inspection_id, run.keys.device_id
    here = {op.op_id for op in oplog.ops_by_ids(ws.db, [op.op_id for op in on_share])}
    missing = [op for op in on_share if op.op_id not in here]
    if not missing:
        return 0, 0
    on_share_ids = {op.op_id for op in on_share}
    first = min(op.seq for op in missing)
    stranded = [
        op
        for op in oplog.ops_in_range(ws.db, inspection_id, device, first, 2**62)
        if op.op_id not in on_share_ids
    ]
    new_seqs = {op.op_id: published + n for n, op in enumerate(stranded, 1)}
    with write_transaction(ws.db):
        # What is on the share has left the device, and so has whatever of the renumbered
        # work was sealed (sent elsewhere): an autosave must never write over either.
        sealed = oplog.sealed_upto(ws.db, inspection_id, device)
        left = [new_seqs[op.op_id] for op in stranded if op.seq <= sealed]
        oplog.renumber(ws.db, new_seqs)
        oplog.append(ws.db, missing)
        oplog.seal(ws.db, inspection_id, device, upto=max([published, *left]))
        projection.project_entities(ws.db, sorted({op.entity_id for op in missing}))
    ws.clock.observe(max(op.hlc for op in missing), limit=run.now_ms() + MAX_AHEAD_MS)
    return len(missing), len(new_seqs)
