"""Where bundles and evidence files meet: a shared folder, or a WebDAV server.

Layout under the remote's root, the same for every transport::

    <inspection id>/<device id>/bundles/<first seq>-<last seq>.bundle
    <inspection id>/<device id>/blobs/<sha256>

Each device writes only under its own device folder, and every write is atomic (a temporary
name, then a rename), so a reader never sees half a file and no two devices write one file.
Evidence files go up and come down as streams, a chunk at a time, whatever their size.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import BinaryIO, Protocol, cast

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
    def list_sizes(self, inspection_id: str, device_id: str, kind: str) -> dict[str, int]: ...
    def put_stream(
        self,
        inspection_id: str,
        device_id: str,
        kind: str,
        name: str,
        chunks: Iterable[bytes],
        size: int,
    ) -> None: ...
    def open_read(
        self, inspection_id: str, device_id: str, kind: str, name: str
    ) -> AbstractContextManager[BinaryIO]: ...


BUNDLES, BLOBS = "bundles", "blobs"
READ_SIZE = 64 * 1024


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
        return sorted(self.list_sizes(inspection_id, device_id, kind))

    def list_sizes(self, inspection_id: str, device_id: str, kind: str) -> dict[str, int]:
        """Each file's size as the folder has it: a cheap way to see a file cut short."""
        self._check()
        folder = self.root / inspection_id / device_id / kind
        if not folder.is_dir():
            return {}
        found = {}
        for path in folder.iterdir():
            try:
                if path.is_file() and not path.name.startswith("."):
                    found[path.name] = path.stat().st_size
            except OSError:  # gone between listing and looking (a cloud client at work)
                continue
        return found

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

    @contextmanager
    def open_read(
        self, inspection_id: str, device_id: str, kind: str, name: str
    ) -> Iterator[BinaryIO]:
        self._check()
        try:
            stream = open(self.root / inspection_id / device_id / kind / name, "rb")  # noqa: SIM115
        except OSError as error:
            self._check()
            raise self._read_failed(name, error) from error
        try:
            # Read like the file it wraps: a BinaryIO for those who read it.
            yield cast(BinaryIO, _Guarded(stream, lambda error: self._read_failed(name, error)))
        finally:
            stream.close()

    def _read_failed(self, name: str, error: OSError) -> Exception:
        if not self.root.is_dir():
            return OfflineError(
                f"The sync folder {self.root} went away while reading {name}. Your work "
                "is kept on this computer; sync again when the folder is back."
            )
        return TransportError(
            f"Could not read {name} from the sync folder: {error.strerror or error}. "
            "Nothing is lost; sync again later."
        )

    def put(self, inspection_id: str, device_id: str, kind: str, name: str, data: bytes) -> None:
        self.put_stream(inspection_id, device_id, kind, name, [data], len(data))

    def put_stream(
        self,
        inspection_id: str,
        device_id: str,
        kind: str,
        name: str,
        chunks: Iterable[bytes],
        size: int,
    ) -> None:
        self._check()
        folder = self.root / inspection_id / device_id / kind
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, folder / name)
        except OSError as error:
            Path(temp).unlink(missing_ok=True)
            raise TransportError(
                f"Could not write to the sync folder: {error.strerror or error}. "
                "Nothing is lost; sync again later."
            ) from error
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


class _Guarded:
    """A readable stream whose I/O errors become the transport's own errors."""

    def __init__(self, stream, failed):
        self._stream, self._failed = stream, failed

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read(size)
        except OSError as error:
            raise self._failed(error) from error
