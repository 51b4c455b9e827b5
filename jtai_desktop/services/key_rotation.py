"""Replacing a data folder's key: the database, the copies taken before migrations and every
evidence file are encrypted again under a new random key, wrapped under a passphrase in a new
key file. Afterwards an old copy of key.json (a backup, a stolen laptop image) with the old
passphrase opens nothing in the folder. (Changing only the passphrase re-wraps the same key:
an old key.json still opens the data with the old passphrase.)

Crash safety: everything new is written beside the old (``*.rotating``) while the database is
held exclusively, after a marker file names the new key file by its hash. Renaming the new
key file over key.json is the single moment the rotation happens. ``finish_rotation``, run
before any database is opened, compares key.json with the marker: the same, and it moves the
new files into place (roll forward); different, and it removes them (roll back). No key or
passphrase is needed to decide, so a remembered key or either passphrase finds the folder
whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from .. import paths
from ..crypto import keyfile
from ..crypto.blobcipher import BlobCipher
from ..crypto.kdf import KdfParams
from ..crypto.keyfile import KEYFILE_NAME, MasterKey, check_passphrase, keyfile_bytes
from ..domain.errors import StoreError
from ..files import sync_folder, write_atomically
from ..store.blobs import BlobStore
from ..store.cipher import cipher_connector
from ..store.database import backups_of, exclusive_connection
from . import remembered

MARKER = "rotation.json"
NEXT_KEYFILE = "key.next.json"
ROTATING = ".rotating"
RETIRED = ".retired"

Progress = Callable[[int, int, str], None]


def rotate_key(
    folder: Path,
    current: MasterKey,
    new_passphrase: str,
    *,
    params: KdfParams | None = None,
    progress: Progress | None = None,
) -> MasterKey:
    """Encrypt the folder again under a new key, wrapped under ``new_passphrase`` (which may
    be the current one). Refused, with nothing changed, while anything else has the folder
    open. Returns the new key."""
    folder = Path(folder)
    progress = progress or (lambda done, total, label: None)
    finish_rotation(folder)
    new = MasterKey(os.urandom(32))
    keyfile = keyfile_bytes(new, check_passphrase(new_passphrase), params=params)
    database = paths.database_path(folder)
    with exclusive_connection(database, cipher_connector(current.database_key)) as conn:
        marker = {"format": 1, "next_keyfile": hashlib.sha256(keyfile).hexdigest()}
        write_atomically(folder / MARKER, json.dumps(marker).encode())
        try:
            write_atomically(folder / NEXT_KEYFILE, keyfile)
            _copy_databases(database, conn, current, new)
            _copy_evidence(folder, current, new, progress)
        except BaseException:
            _roll_back(folder)
            (folder / MARKER).unlink(missing_ok=True)
            raise
        os.replace(folder / NEXT_KEYFILE, folder / KEYFILE_NAME)  # the rotation happens here
        sync_folder(folder)
    finish_rotation(folder)
    if remembered.recall(folder) == current:
        remembered.remember(folder, new)
    return new


def change_passphrase(folder: Path, old: str, new: str, params: KdfParams | None = None) -> None:
    """Wrap the same key under a new passphrase (an interrupted rotation is settled first:
    rewriting key.json under it would make its marker point nowhere)."""
    finish_rotation(folder)
    keyfile.change_passphrase(folder, old, new, params)


def finish_rotation(folder: Path) -> None:
    """Complete or undo a rotation a kill interrupted (nothing to do without the marker)."""
    marker = Path(folder) / MARKER
    if not marker.exists():
        return
    try:
        expected = json.loads(marker.read_bytes())["next_keyfile"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(
            f"The file {marker} is damaged, so an interrupted change of key cannot be "
            "finished. Restore the data folder from your backup."
        ) from error
    if _sha256(Path(folder) / KEYFILE_NAME) == expected:
        _roll_forward(Path(folder))
    else:
        _roll_back(Path(folder))
    marker.unlink()
    sync_folder(Path(folder))


def _copy_databases(database: Path, conn, current: MasterKey, new: MasterKey) -> None:
    """The database (through the exclusive connection) and each copy taken before a
    migration, encrypted under the new key beside the originals."""
    write = cipher_connector(new.database_key)
    _backup(conn, write(_rotating(database)))
    read = cipher_connector(current.database_key)
    for copy in backups_of(database):
        source = read(copy)
        try:
            _backup(source, write(_rotating(copy)))
        finally:
            source.close()


def _backup(source, target) -> None:
    try:
        source.backup(target)
    finally:
        target.close()


def _copy_evidence(folder: Path, current: MasterKey, new: MasterKey, progress: Progress) -> None:
    evidence = paths.blobs_path(folder)
    old = BlobStore(evidence, BlobCipher(current.blob_key))
    fresh = BlobStore(_rotating(evidence), BlobCipher(new.blob_key))
    shas = list(old.shas())
    for done, sha in enumerate(shas, 1):
        try:
            fresh.put_chunks(old.chunks(sha), sha)
        except StoreError as error:
            raise StoreError(
                f"{error.message} Run 'jtai-desktop check' and fetch or re-import it before "
                "changing the key; nothing was changed."
            ) from None
        progress(done, len(shas), "Encrypting the evidence files again")


def _roll_forward(folder: Path) -> None:
    for rotating in sorted(folder.glob(f"{paths.DATABASE_NAME}*{ROTATING}")):
        original = rotating.with_name(rotating.name.removesuffix(ROTATING))
        for stale in ("-wal", "-shm", "-journal"):  # the old file's, under the old key
            Path(f"{original}{stale}").unlink(missing_ok=True)
        os.replace(rotating, original)
    evidence = paths.blobs_path(folder)
    incoming, retired = _rotating(evidence), evidence.with_name(evidence.name + RETIRED)
    if incoming.exists():
        if evidence.exists():
            os.replace(evidence, retired)
        os.replace(incoming, evidence)
    shutil.rmtree(retired, ignore_errors=True)


def _roll_back(folder: Path) -> None:
    (folder / NEXT_KEYFILE).unlink(missing_ok=True)
    for rotating in folder.glob(f"{paths.DATABASE_NAME}*{ROTATING}"):
        rotating.unlink()
    shutil.rmtree(_rotating(paths.blobs_path(folder)), ignore_errors=True)


def _rotating(path: Path) -> Path:
    return path.with_name(path.name + ROTATING)


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
