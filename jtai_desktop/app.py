"""Composition root: the one place where the store, the services and the window are wired."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .crypto.blobcipher import BlobCipher
from .crypto.kdf import KdfParams
from .crypto.keyfile import MasterKey
from .services.open_copies import remove_all as remove_open_copies
from .services.vault import unlock_folder
from .services.workspace import Workspace
from .store import settings
from .store.blobs import BlobStore
from .store.cipher import cipher_connector
from .store.database import open_database


@dataclass
class AppContext:
    data_dir: Path
    workspace: Workspace

    def close(self) -> None:
        remove_open_copies(self.data_dir)
        self.workspace.db.close()


def open_context(data_dir: Path | str | None = None, passphrase: str | None = None, *,
                 create_demo: bool = False, kdf_params: KdfParams | None = None) -> AppContext:
    """Unlock and open the data folder: encrypted database, evidence store and device id.

    A wrong passphrase is refused before the database file is touched.
    """
    folder = paths.data_dir(data_dir)
    key = unlock_folder(folder, passphrase, create_demo=create_demo, kdf_params=kdf_params)
    return open_unlocked(folder, key)


def open_unlocked(folder: Path, key: MasterKey) -> AppContext:
    paths.make_private(folder)
    remove_open_copies(folder)  # plaintext copies left by a crash never outlive a restart
    db = open_database(paths.database_path(folder), cipher_connector(key.database_key))
    device_id = settings.get(db, "device_id")
    if device_id is None:
        device_id = uuid.uuid4().hex
        settings.put(db, "device_id", device_id)
    blobs = BlobStore(paths.blobs_path(folder), BlobCipher(key.blob_key))
    blobs.remove_incomplete()  # a write cut short by a crash never became a real file
    return AppContext(folder, Workspace(db, device_id, blobs))
