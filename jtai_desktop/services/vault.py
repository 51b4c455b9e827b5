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
from ..domain.errors import JtaiError


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
