"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .domain.errors import StoreError


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, fsync, then rename over the target."""
    target = Path(target)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise StoreError(
            f"Could not write {target.name}: {error.strerror or error}. "
            "Any previous version of the file is unchanged."
        ) from error


def sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable where the system allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
