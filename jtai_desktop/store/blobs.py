"""Content-addressed evidence files, encrypted at rest, named by the SHA-256 of their content.

A file is written to a temporary name, fsynced and renamed, so a crash or a full disk never
leaves half a file under a real name. Reading verifies both the encryption and the hash.
The writer holds a lock on its temporary file until the rename, so the clean-up of a
crash's leftovers at open (another process opening the same folder) passes it by.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import suppress
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows: a file open in another process cannot be deleted there
    fcntl = None  # type: ignore[assignment]

from ..crypto.blobcipher import CHUNK, BlobCipher, BlobDamagedError, plain_size
from ..domain.errors import StoreError


class ContentMismatchError(StoreError):
    """Content whose hash is not the one it was expected to have; it was not stored."""


class BlobStore:
    def __init__(self, root: Path, cipher: BlobCipher):
        self.root = Path(root)
        self.cipher = cipher

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_file(self, source: Path) -> tuple[str, int]:
        """Encrypt a file in, hashing its content as it goes; returns (sha256, size)."""
        try:
            with open(source, "rb") as stream:
                return self.put_stream(stream)
        except FileNotFoundError:
            raise StoreError(f"The file {Path(source).name} no longer exists.") from None
        except PermissionError:
            raise StoreError(
                f"The file {Path(source).name} cannot be read (permission denied)."
            ) from None

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        return self.put_stream(BytesIO(data))

    def put_stream(self, stream: BinaryIO) -> tuple[str, int]:
        return self.put_chunks(iter(lambda: stream.read(CHUNK), b""))

    def put_chunks(self, pieces: Iterable[bytes], expected: str | None = None) -> tuple[str, int]:
        """Encrypt plaintext pieces in as they come (a file arriving from the team, another
        store's ``chunks`` when the key is rotated), hashing as it goes. With ``expected``,
        content of any other hash is not stored: a StoreError, and nothing is left behind."""
        self.root.mkdir(parents=True, exist_ok=True)
        hasher, counted = hashlib.sha256(), [0]

        def plaintext() -> Iterator[bytes]:
            for piece in pieces:
                hasher.update(piece)
                counted[0] += len(piece)
                yield piece

        temp, out = self._write_temp(self.cipher.encrypt(plaintext()))
        if fcntl is None:
            out.close()  # Windows renames and deletes only closed files
        try:
            sha = hasher.hexdigest()
            if expected is not None and sha != expected:
                temp.unlink(missing_ok=True)
                raise ContentMismatchError("A file did not match its hash; it was not stored.")
            self._commit(temp, sha)
        finally:
            out.close()  # the lock goes with it, once the file has its real name
        return sha, counted[0]

    def _write_temp(self, sealed: Iterator[bytes]) -> tuple[Path, BinaryIO]:
        """The sealed file under a temporary name, fsynced, and still open (and locked)."""
        name, out = self._new_temp()
        try:
            for piece in sealed:
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        except OSError as error:
            _discard(name, out)
            raise StoreError(
                f"The file could not be stored in the evidence folder: "
                f"{error.strerror or error}. Nothing was added."
            ) from error
        except BaseException:  # the plaintext's source failed: no half file is kept
            _discard(name, out)
            raise
        return Path(name), out

    def _new_temp(self) -> tuple[str, BinaryIO]:
        while True:
            handle, name = tempfile.mkstemp(dir=self.root, prefix=TEMP_PREFIX)
            out = os.fdopen(handle, "wb")
            if _lock(out, wait=True) and os.fstat(out.fileno()).st_nlink > 0:
                return name, out
            out.close()  # removed by a clean-up between its creation and the lock: again

    def _commit(self, temp: Path, sha: str) -> None:
        target = self.path(sha)
        if target.is_file() and self.verify(sha):
            temp.unlink()
            return
        target.parent.mkdir(exist_ok=True)
        os.replace(temp, target)  # atomic: a reader sees the whole file or none

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The plaintext, verified chunk by chunk; the hash is checked at the end."""
        hasher = hashlib.sha256()
        try:
            with open(self.path(sha256), "rb") as stream:
                for piece in self.cipher.decrypt(stream):
                    hasher.update(piece)
                    yield piece
        except FileNotFoundError:
            raise StoreError(
                f"The evidence file {sha256[:12]}… is missing from this "
                "computer; it will be fetched again at the next sync."
            ) from None
        except BlobDamagedError:
            raise StoreError(_damaged(sha256)) from None
        if hasher.hexdigest() != sha256:
            raise StoreError(_damaged(sha256))

    def plain_size(self, sha256: str) -> int:
        """The file's size before encryption, from the stored file's size."""
        return plain_size(self.path(sha256).stat().st_size)

    def read_bytes(self, sha256: str) -> bytes:
        return b"".join(self.chunks(sha256))

    def verify(self, sha256: str) -> bool:
        try:
            for _ in self.chunks(sha256):
                pass
        except StoreError:
            return False
        return True

    def delete(self, sha256: str) -> None:
        self.path(sha256).unlink(missing_ok=True)

    def remove_incomplete(self) -> int:
        """Delete temporary files of writes that a crash or a full disk interrupted; a write
        still going on (its writer holds the file's lock) is left to finish."""
        removed = 0
        for path in self.root.glob(f"{TEMP_PREFIX}*") if self.root.is_dir() else ():
            try:
                with open(path, "rb") as held:
                    if not _lock(held, wait=False):
                        continue  # another process is writing it
                    path.unlink()
            except OSError:  # renamed or removed meanwhile, or (Windows) open elsewhere
                continue
            removed += 1
        return removed

    def shas(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("??/*")):
            if path.is_file() and not path.name.startswith("."):
                yield path.name


TEMP_PREFIX = ".incoming-"


def _lock(stream: BinaryIO, *, wait: bool) -> bool:
    """An exclusive lock on an open file, released when it is closed (or its process dies).
    False when another holds it and ``wait`` is False."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _discard(name: str, out: BinaryIO) -> None:
    with suppress(OSError):  # closing flushes what is buffered: on a full disk, in vain
        out.close()
    Path(name).unlink(missing_ok=True)


def _damaged(sha256: str) -> str:
    return (
        f"The stored evidence file {sha256[:12]}… is damaged (it was altered or cut "
        "short). It will not be opened; fetch it again at the next sync or re-import it."
    )
