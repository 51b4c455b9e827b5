"""Content-addressed evidence files: each stored once, named by its SHA-256, verified on read."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator

from ..domain.errors import StoreError

CHUNK = 1 << 20


class BlobStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_file(self, source: Path) -> tuple[str, int]:
        """Copy a file in, hashing as it goes; returns (sha256, size)."""
        try:
            with open(source, "rb") as stream:
                return self.put_stream(stream)
        except FileNotFoundError:
            raise StoreError(f"The file {Path(source).name} no longer exists.") from None
        except PermissionError:
            raise StoreError(f"The file {Path(source).name} cannot be read (permission denied).") from None

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        from io import BytesIO
        return self.put_stream(BytesIO(data))

    def put_stream(self, stream: BinaryIO) -> tuple[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        hasher, size = hashlib.sha256(), 0
        handle, temp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in iter(lambda: stream.read(CHUNK), b""):
                    hasher.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = hasher.hexdigest()
            self._commit(Path(temp_name), sha)
            return sha, size
        except OSError as error:
            Path(temp_name).unlink(missing_ok=True)
            raise StoreError(f"The file could not be stored in the evidence folder: "
                             f"{error.strerror or error}. Nothing was added.") from error

    def _commit(self, temp: Path, sha: str) -> None:
        target = self.path(sha)
        if target.is_file() and self.verify(sha):
            temp.unlink()
            return
        target.parent.mkdir(exist_ok=True)
        os.replace(temp, target)  # atomic: a reader sees the whole file or none

    def read_bytes(self, sha256: str) -> bytes:
        data = self.path(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreError(f"The stored evidence file {sha256[:12]}… is damaged "
                             "(its content no longer matches its hash).")
        return data

    def verify(self, sha256: str) -> bool:
        path = self.path(sha256)
        if not path.is_file():
            return False
        hasher = hashlib.sha256()
        with open(path, "rb") as stream:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                hasher.update(chunk)
        return hasher.hexdigest() == sha256

    def shas(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("??/*")):
            if path.is_file() and not path.name.startswith("."):
                yield path.name
