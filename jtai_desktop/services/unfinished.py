"""Finishing what a kill interrupted: files a purge still had to delete, the compaction it
owed, and the plaintext temporary copy of a letter that was being exported.

Each piece of work is recorded (store/unfinished) in the same transaction as the change that
calls for it, so it is either owed or already done; this module does it and crosses it off.
It runs at every start, after a purge and before an export. Work recorded by another process
that is still running is left to that process.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..report import output
from ..store import audit, purge, unfinished
from ..store.database import Connector, backups_of, plain_connector, write_transaction
from ..store.unfinished import COMPACTION, EVIDENCE_FILE, Owed
from .workspace import Workspace


def finish_unfinished(
    ws: Workspace, connect: Connector = plain_connector, kinds: tuple[str, ...] | None = None
) -> int:
    """Do the owed work (of ``kinds``, or all); returns how many items were finished."""
    finished = 0
    cited: set[str] | None = None
    for item in unfinished.owed(ws.db):
        if (kinds and item.kind not in kinds) or _running_elsewhere(item.process_id):
            continue
        if item.kind == EVIDENCE_FILE:
            cited = set(purge.blob_references(ws.db)) if cited is None else cited
            done = _delete_file(ws, item, cited)
        elif item.kind == COMPACTION:
            done = _compact(ws, connect, item)
        else:
            done = _remove_partial(ws, item)
        if done:
            with write_transaction(ws.db):
                unfinished.done(ws.db, item.id)
            finished += 1
    return finished


def _delete_file(ws: Workspace, item: Owed, cited: set[str]) -> bool:
    if item.target not in cited:  # imported again since, by another inspection: it stays
        ws.blobs.delete(item.target)
    return True


def _compact(ws: Workspace, connect: Connector, item: Owed) -> bool:
    """The purged inspection leaves the copies taken before migrations, then the free pages,
    the full-text index and the WAL of the database itself."""
    for copy in backups_of(database_file(ws)):
        purge.scrub_copy(copy, connect, item.inspection_id or item.target)
    return purge.compact(ws.db)


def _remove_partial(ws: Workspace, item: Owed) -> bool:
    """An export was killed between writing its temporary copy and finishing: the copy is the
    whole letter in plaintext. The audit entry written before it said "exported"; a second
    entry says the file may not have been written."""
    target = Path(item.target)
    left = output.partials(target)
    output.remove_partials(target)
    if output.partials(target):
        return False  # held open by another program: tried again at the next start
    if left:
        with write_transaction(ws.db):
            audit.record(
                ws.db,
                "export interrupted",
                item.inspection_id,
                "",
                ws.device_id,
                {"file": target.name, "removed": "its unfinished temporary copy"},
            )
    return True


def database_file(ws: Workspace) -> Path:
    return Path(ws.db.execute("PRAGMA database_list").fetchone()[2])


def _running_elsewhere(process_id: int | None) -> bool:
    if not process_id or process_id == os.getpid():
        return False
    if os.name == "nt":
        return _windows_process_alive(process_id)
    try:
        os.kill(process_id, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def _windows_process_alive(process_id: int) -> bool:
    import ctypes

    synchronize, wait_timeout = 0x00100000, 0x102
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(synchronize, False, process_id)
    if not handle:
        return False
    try:
        return kernel.WaitForSingleObject(handle, 0) == wait_timeout
    finally:
        kernel.CloseHandle(handle)
