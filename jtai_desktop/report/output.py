"""Putting the finished document in place: whole or not at all, with errors a person can act on.

The bytes go to a temporary file in the target's own folder (same disk, so the rename is
atomic), are flushed to disk, and only then renamed over the target. A crash, a kill, a full
disk or a locked target therefore never leaves half a document, and any previous version
stays as it was. The temporary file is the whole letter in plaintext: the export records it
as owed work first (services/unfinished), so the next start or export removes one a kill left.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import DiskFullError, StoreError
from ..files import sync_folder
from . import ExportCancelled

PARTIAL_SUFFIX = ".partial"
CHUNK = 1 << 20
NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def partials(target: Path) -> list[Path]:
    target = Path(target)
    return sorted(target.parent.glob(f".{target.name}.*{PARTIAL_SUFFIX}"))


def remove_partials(target: Path) -> int:
    """Delete temporary files an interrupted export to ``target`` left behind."""
    removed = 0
    for partial in partials(target):
        try:
            partial.unlink()
            removed += 1
        except OSError:
            pass  # another program holds it; the next export tries again
    return removed


def write_document(
    target: Path,
    data: bytes,
    is_cancelled: Callable[[], bool] | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """``before_rename`` runs once the bytes are on disk, just before they become the target
    (the audit entry goes there: whoever finds the letter finds its entry too)."""
    target = Path(target)
    is_cancelled = is_cancelled or (lambda: False)
    _check_target(target)
    remove_partials(target)
    try:
        handle, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=PARTIAL_SUFFIX
        )
    except OSError as error:
        raise _explain(error, target, creating=True) from error
    temp = Path(temp_name)
    try:
        _write_all(handle, data, is_cancelled)
        if before_rename is not None:
            before_rename()
        os.replace(temp, target)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _explain(error, target) from error
        raise
    sync_folder(target.parent)  # the rename itself, durable


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise StoreError(f"{target} is a folder. Give a file name ending in .docx.")
    if not target.parent.is_dir():
        raise StoreError(
            f"Cannot save {target.name}: the folder {target.parent} does not "
            "exist (or is a file). Choose another folder."
        )


def _write_all(handle: int, data: bytes, is_cancelled: Callable[[], bool]) -> None:
    with os.fdopen(handle, "wb") as out:
        view = memoryview(data)
        for start in range(0, len(view), CHUNK):
            if is_cancelled():
                raise ExportCancelled()
            out.write(view[start : start + CHUNK])
        out.flush()
        os.fsync(out.fileno())  # on disk before the rename makes it the target
    if is_cancelled():
        raise ExportCancelled()


def _explain(error: OSError, target: Path, creating: bool = False) -> StoreError:
    unchanged = f" The previous {target.name} is unchanged." if target.exists() else ""
    if error.errno in NO_SPACE:
        return DiskFullError(
            f"There is not enough disk space to save {target.name} in "
            f"{target.parent}. Free some space or choose another drive." + unchanged
        )
    if isinstance(error, PermissionError):
        if creating:
            return StoreError(f"You cannot save files in {target.parent}. Choose another folder.")
        return StoreError(
            f"Cannot replace {target.name}: it is open in another program "
            "(close it in Word) or the folder is read-only. Close it and "
            "export again." + unchanged
        )
    if isinstance(error, (NotADirectoryError, FileNotFoundError)):
        return StoreError(
            f"Cannot save {target.name}: the folder {target.parent} does not "
            "exist (or is a file). Choose another folder."
        )
    return StoreError(f"Could not save {target.name}: {error.strerror or error}." + unchanged)
