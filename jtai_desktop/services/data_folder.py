"""An open data folder: the unlocked key, the encrypted database, the evidence store and this
device's id, shared by the command line, the desktop and the background tasks. No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..crypto.blobcipher import BlobCipher
from ..crypto.kdf import KdfParams
from ..crypto.keyfile import MasterKey
from ..store import settings
from ..store.blobs import BlobStore
from ..store.cipher import cipher_connector
from ..store.connection import Database
from ..store.database import open_database
from .key_rotation import finish_rotation
from .open_copies import remove_all as remove_open_copies
from .unfinished import finish_unfinished
from .vault import needs_new_passphrase, refuse_missing_database, unlock_folder
from .workspace import Workspace


@dataclass
class AppContext:
    data_dir: Path
    workspace: Workspace
    key: MasterKey = field(repr=False)

    def worker_workspace(self) -> Workspace:
        """A second connection for a background task, sharing this device's clock."""
        ws = self.workspace
        return Workspace(self.worker_database(), ws.device_id, ws.blobs, clock=ws.clock)

    def worker_database(self) -> Database:
        """A second connection to the folder's database, for a background task that only
        reads (and so needs no clock)."""
        return open_database(
            paths.database_path(self.data_dir), cipher_connector(self.key.database_key)
        )

    def connector(self):
        """Opens a database file of this folder (the database, a copy taken before migrating)."""
        return cipher_connector(self.key.database_key)

    def is_thematic_workspace(self) -> bool:
        """A folder of extracts for the thematic overview, not of inspections. (Asked at
        every start: the thematic services load only when such a folder is opened.)"""
        from ..store.thematic import is_thematic

        return is_thematic(self.workspace.db)

    def close(self) -> None:
        remove_open_copies(self.data_dir)
        self.workspace.db.close()


def open_context(
    data_dir: Path | str | None = None,
    passphrase: str | None = None,
    *,
    create_demo: bool = False,
    kdf_params: KdfParams | None = None,
) -> AppContext:
    """Unlock and open the data folder: encrypted database, evidence store and device id.

    A wrong passphrase is refused before the database file is touched.
    """
    folder = paths.data_dir(data_dir)
    new_folder = needs_new_passphrase(folder)
    key = unlock_folder(folder, passphrase, create_demo=create_demo, kdf_params=kdf_params)
    return open_unlocked(folder, key, new_folder=new_folder)


def open_unlocked(folder: Path, key: MasterKey, *, new_folder: bool = False) -> AppContext:
    """Open an unlocked folder and finish what a kill interrupted (a purge, an export).

    A folder whose database is missing is refused before anything in it changes."""
    finish_rotation(folder)  # a change of key a kill interrupted: completed or undone
    refuse_missing_database(folder, new_folder)
    paths.make_private(folder)
    remove_open_copies(folder)  # plaintext copies left by a crash never outlive a restart
    connect = cipher_connector(key.database_key)
    db = open_database(paths.database_path(folder), connect)
    device_id = settings.get(db, "device_id")
    if device_id is None:  # once per data folder
        from .workspace import random_id

        device_id = random_id()
        settings.put(db, "device_id", device_id)
    blobs = BlobStore(paths.blobs_path(folder), BlobCipher(key.blob_key))
    blobs.remove_incomplete()  # a write cut short by a crash never became a real file
    workspace = Workspace(db, device_id, blobs)
    finish_unfinished(workspace, connect)
    return AppContext(folder, workspace, key)
