"""Owners keep their series whole: at each sync a device looks at its own bundle files on
the share and writes again whatever is missing or damaged, under the same sequence numbers
(colleagues who already applied them see a replay and change nothing).

Cheaply: one listing with sizes, compared with what this device recorded writing. A file is
read back only when something is off: its size differs from the record, a colleague's notice
says it is damaged, or this device has no record of it. Reading it back also tells:

* another computer writes under this identity (one invitation joined twice): see identity;
* the file holds this device's own work that this data folder lacks (it was restored from a
  backup): see own_work, which fetches that work back.
"""

from __future__ import annotations

import hashlib

from ..store import oplog, sync_records, sync_state
from ..sync.bundle import (
    BundleDamagedError,
    BundleError,
    bundle_range,
    bundle_seqs,
    read_header,
)
from ..sync.notice import clash_name, seal_notice
from ..sync.transport import BUNDLES
from .identity import IdentityClashError, duplicate_message, member_named_in
from .own_work import fetch_back


def keep_series_whole(run, asked: set[str]) -> None:
    """``run`` is the SyncRun; ``asked``: names of this device's files colleagues found
    damaged. Raises IdentityClashError if another computer holds this identity."""
    ws, inspection_id, me = run.ws, run.inspection_id, run.keys.device_id
    listing = {
        name: size
        for name, size in run.transport.list_sizes(inspection_id, me, BUNDLES).items()
        if bundle_range(name) is not None
    }
    records = sync_records.sent_bundles(ws.db, inspection_id, run.transport.name, me)
    trusted = sync_state.pushed_anywhere(ws.db, inspection_id, me)
    held_back: list = []
    damaged: list[
        tuple[int, int]
    ] = []  # ops of files holding work this folder lacks; damaged files
    for name in sorted(listing, key=bundle_seqs):
        verdict = _look_at(run, name, listing[name], records.get(name), trusted, name in asked)
        if verdict == "damaged":
            damaged.append(bundle_seqs(name))
        elif isinstance(verdict, list):
            held_back += verdict
    have = oplog.last_seq(ws.db, inspection_id, me)
    lost = [(first, last) for first, last in damaged if last > have]
    if lost:
        raise BundleError(
            f"This computer's own changes {lost[0][0]}\u2013{lost[0][1]} on the share are "
            "damaged, and this data folder does not hold them (was it restored from an "
            "older backup?); nothing was sent. Ask your lead inspector."
        )
    if held_back:
        published = max(last for _, last in map(bundle_seqs, listing))
        recovered, renumbered = fetch_back(run, held_back, published)
        run.report.recovered_ops += recovered
        run.report.renumbered_ops += renumbered
    _heal(run, listing, damaged)


def _look_at(run, name: str, size: int, record, trusted: int, asked: bool):
    """None if the file is as this device wrote it; "damaged"; or, when it holds work of
    this device that this data folder lacks, all of its ops."""
    first, last = bundle_seqs(name)
    if record is not None and (size < 0 or size == record.size) and not asked:
        return None
    if record is None and last <= trusted and not asked:
        _record(run, name, first, last, size, None)  # written by an earlier version
        return None
    data = run.transport.get(run.inspection_id, run.keys.device_id, BUNDLES, name)
    sha = hashlib.sha256(data).hexdigest()
    if record is not None and record.sha256 == sha:
        return None  # a colleague asked, but the file is whole: their copy was caught mid-way
    try:
        header = read_header(data)
    except BundleDamagedError:
        return "damaged"
    if header.installation not in (None, run.installation) and not _same_origin(run):
        _clash(run, data, header)
    try:
        ops = run.verified_ops(header, data)
    except BundleError:
        return "damaged"
    have = {op.op_id for op in oplog.ops_by_ids(run.ws.db, [op.op_id for op in ops])}
    if len(have) == len(ops):
        _record(run, name, first, last, len(data), sha)
        return None
    return ops


def _same_origin(run) -> bool:
    """Whether the series on the share began as this folder's did (its first change is this
    folder's first change): true of a folder restored from a backup taken before it was
    upgraded (its installation id was made anew), false of a second computer that joined with
    the same invitation (its first change is its own joining)."""
    me = run.keys.device_id
    mine = oplog.ops_in_range(run.ws.db, run.inspection_id, me, 1, 1)
    names = run.transport.list_files(run.inspection_id, me, BUNDLES)
    first = [n for n in names if (bundle_range(n) or (0, 0))[0] == 1]
    if not mine or not first:
        return False
    data = run.transport.get(run.inspection_id, me, BUNDLES, first[0])
    try:
        theirs = run.verified_ops(read_header(data), data)
    except BundleError:
        return True  # cannot tell: no alarm on a guess
    return bool(theirs) and theirs[0].op_id == mine[0].op_id


def _record(run, name, first, last, size, sha) -> None:
    sync_records.record_sent(
        run.ws.db,
        run.inspection_id,
        run.transport.name,
        run.keys.device_id,
        sync_records.SentBundle(name, first, last, size, sha),
    )


def _heal(run, listing: dict[str, int], damaged: list[tuple[int, int]]) -> None:
    """Write again every damaged file, and every range up to what this device sent that no
    file on the share holds (a deleted or never-uploaded file, in the middle or at the end)."""
    ws, inspection_id, me = run.ws, run.inspection_id, run.keys.device_id
    have = oplog.last_seq(ws.db, inspection_id, me)
    sent = max(
        sync_state.pushed_upto(ws.db, inspection_id, run.transport.name, me),
        max((r[1] for r in map(bundle_seqs, listing)), default=0),
    )
    whole = sorted({bundle_seqs(n) for n in listing} - set(damaged))
    for first, last in damaged:
        run.report.healed_ops += run.write_bundle(first, last)
        run.report.healed.append(_healed_message(first, last, damaged=True))
    for first, last in _gaps(whole + damaged, min(sent, have)):
        for start in range(first, last + 1, run.bundle_max_ops):
            run.report.healed_ops += run.write_bundle(
                start, min(last, start + run.bundle_max_ops - 1)
            )
        run.report.healed.append(_healed_message(first, last, damaged=False))


def _gaps(ranges: list[tuple[int, int]], upto: int) -> list[tuple[int, int]]:
    found, next_seq = [], 1
    for first, last in sorted(ranges):
        if first > next_seq:
            found.append((next_seq, min(first - 1, upto)))
        next_seq = max(next_seq, last + 1)
    if next_seq <= upto:
        found.append((next_seq, upto))
    return [(a, b) for a, b in found if a <= b]


def _healed_message(first: int, last: int, damaged: bool) -> str:
    what = "damaged on" if damaged else "missing from"
    return f"Your changes {first}\u2013{last} were {what} the share; they were sent again."


def _clash(run, data: bytes, header) -> None:
    """Another computer writes under this identity: stop, tell it and the lead, tell the user."""
    ws, inspection_id, me = run.ws, run.inspection_id, run.keys.device_id
    try:
        theirs = member_named_in(run.verified_ops(header, data), me)
    except BundleError:
        theirs = None
    mine = ws.get("member", ws.author_for(inspection_id)) or {}
    notice = {
        "installation": run.installation,
        "member_id": mine.get("id"),
        "name": mine.get("name", ""),
        "written_at": run.now_ms(),
    }
    run.transport.put(
        inspection_id,
        me,
        BUNDLES,
        clash_name(run.installation),
        seal_notice(notice, run.keys.data_key, run.keys.signing_key),
    )
    sync_records.set_clash(
        ws.db,
        inspection_id,
        {"installation": header.installation, "name": theirs[1] if theirs else None},
    )
    raise IdentityClashError(duplicate_message(theirs[1] if theirs else None))
