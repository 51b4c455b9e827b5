"""Composition root: the one place where the store, the services and the window are wired."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .services.workspace import Workspace
from .store import settings
from .store.blobs import BlobStore
from .store.database import open_database


@dataclass
class AppContext:
    data_dir: Path
    workspace: Workspace

    def close(self) -> None:
        self.workspace.db.close()


def open_context(data_dir: Path | str | None = None) -> AppContext:
    """Open (creating if needed) the data folder: database, evidence store and device id."""
    folder = paths.data_dir(data_dir)
    db = open_database(paths.database_path(folder))
    device_id = settings.get(db, "device_id")
    if device_id is None:
        device_id = uuid.uuid4().hex
        settings.put(db, "device_id", device_id)
    blobs = BlobStore(paths.blobs_path(folder))
    return AppContext(folder, Workspace(db, device_id, blobs))
