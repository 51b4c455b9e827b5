"""Where bundles and evidence files meet: a shared folder, or a WebDAV server.

Layout under the remote's root, the same for every transport::

    <inspection id>/<device id>/bundles/<first seq>-<last seq>.bundle
    <inspection id>/<device id>/blobs/<sha256>

Each device writes only under its own device folder, and every write is atomic (a temporary
name, then a rename), so a reader never sees half a file and no two devices write one file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from ..domain.errors import JtaiError


class OfflineError(JtaiError):
    """The remote cannot be reached now: nothing was lost; try again when back online."""

    exit_code = 5


class TransportError(JtaiError):
    """The remote answered, but not as expected."""


class Transport(Protocol):
    name: str

    def list_devices(self, inspection_id: str) -> list[str]: ...
    def list_files(self, inspection_id: str, device_id: str, kind: str) -> list[str]: ...
    def get(self, inspection_id: str, device_id: str, kind: str, name: str) -> bytes: ...
    def put(
        self, inspection_id: str, device_id: str, kind: str, name: str, data: bytes
    ) -> None: ...


BUNDLES, BLOBS = "bundles", "blobs"


class FolderTransport:
    """A folder: a network share, a synced cloud folder or a USB stick."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.name = f"folder:{self.root.resolve()}"

    def _check(self) -> None:
        if not self.root.is_dir():
            raise OfflineError(
                f"The sync folder {self.root} is not available (not mounted or "
                "not connected?). Your work is kept on this computer; sync "
                "again when the folder is back."
            )

    def list_devices(self, inspection_id: str) -> list[str]:
        self._check()
        folder = self.root / inspection_id
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    def list_files(self, inspection_id: str, device_id: str, kind: str) -> list[str]:
        self._check()
        folder = self.root / inspection_id / device_id / kind
        if not folder.is_dir():
            return []
        return sorted(
            p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
        )

    def get(self, inspection_id: str, device_id: str, kind: str, name: str) -> bytes:
        self._check()
        try:
            return (self.root / inspection_id / device_id / kind / name).read_bytes()
        except OSError as error:
            self._check()  # the stick was pulled out or the share went away: offline
            raise TransportError(
                f"Could not read {name} from the sync folder: "
                f"{error.strerror or error}. Nothing is lost; sync again "
                "later."
            ) from error

    def put(self, inspection_id: str, device_id: str, kind: str, name: str, data: bytes) -> None:
        self._check()
        folder = self.root / inspection_id / device_id / kind
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, folder / name)
        except OSError as error:
            Path(temp).unlink(missing_ok=True)
            raise TransportError(
                f"Could not write to the sync folder: {error.strerror or error}. "
                "Nothing is lost; sync again later."
            ) from error
