"""Unlocking a data folder: which passphrase, a new key for a new folder, demo folders."""

from __future__ import annotations

import os
from pathlib import Path

from .. import paths
from ..crypto.kdf import KdfParams
from ..crypto.keyfile import (
    DEMO_PASSPHRASE,
    KeyFileError,
    MasterKey,
    check_passphrase,
    create_keyfile,
    is_demo_folder,
    keyfile_exists,
    unlock,
)
from ..domain.errors import IncompleteFolderError, JtaiError


class LockedError(JtaiError):
    """The folder is encrypted (or about to be) and no passphrase was given."""

    exit_code = 4


def demo_kdf_params() -> KdfParams:
    # A demo folder's passphrase is public and its data fictional: stretching it buys nothing,
    # and the demo should open at once.
    return KdfParams(salt=os.urandom(16), iterations=1, memory_kib=64, lanes=1)


def unlock_folder(
    folder: Path,
    passphrase: str | None = None,
    *,
    create_demo: bool = False,
    kdf_params: KdfParams | None = None,
) -> MasterKey:
    """The folder's master key; a new folder gets a new key wrapped under the passphrase."""
    if keyfile_exists(folder):
        if passphrase is None and is_demo_folder(folder):
            passphrase = DEMO_PASSPHRASE
        if passphrase is None:
            raise LockedError(
                f"The data folder {folder} is encrypted: give its passphrase "
                "(--passphrase-file FILE, or type it when asked)."
            )
        return unlock(folder, passphrase)
    if paths.database_path(folder).exists():
        raise KeyFileError(
            f"The key file of the data folder {folder} is missing, so its "
            "database cannot be opened. Restore key.json from your backup; "
            "nothing was changed."
        )
    if passphrase is None:
        if not create_demo:
            raise LockedError(
                f"{folder} is a new data folder: choose a passphrase to protect "
                "it (--passphrase-file FILE, or type it when asked)."
            )
        return create_keyfile(
            folder, DEMO_PASSPHRASE, demo=True, params=kdf_params or demo_kdf_params()
        )
    return create_keyfile(folder, check_passphrase(passphrase), params=kdf_params)


def needs_new_passphrase(folder: Path) -> bool:
    return not keyfile_exists(folder) and not paths.database_path(folder).exists()


def refuse_missing_database(folder: Path, new_folder: bool) -> None:
    """A key file without its database is a folder that lost its database (a bad copy, a sync
    client, a clean-up tool): starting again empty beside the old key and evidence would hide
    the loss. Only a folder being created now, or a demo folder, may get a new database."""
    database = paths.database_path(folder)
    if new_folder or _has_content(database) or is_demo_folder(folder):
        return
    what = "is empty" if database.exists() else "is missing"
    files = _evidence_count(folder)
    beside = f"its key file and {files} evidence file(s)" if files else "its key file"
    raise IncompleteFolderError(
        f"The data folder {folder} has {beside}, but its database {database.name} {what}. "
        "Nothing was changed. Restore jtai.db from your backup of this folder (copy it back "
        "beside key.json). If this computer was part of a team inspection, the team still "
        "holds the work it synced: ask the lead for a new invitation and join into a new "
        "data folder."
    )


def _has_content(database: Path) -> bool:
    try:
        return database.stat().st_size > 0
    except OSError:
        return False


def _evidence_count(folder: Path) -> int:
    root = paths.blobs_path(folder)
    return sum(1 for p in root.glob("??/*") if p.is_file()) if root.is_dir() else 0
