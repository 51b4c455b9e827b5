"""Where users' data lives: the platformdirs user-data folder unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "jtai-desktop"
DATA_DIR_ENV = "JTAI_DATA_DIR"
DATABASE_NAME = "jtai.db"
BLOBS_NAME = "evidence"


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """--data-dir, then $JTAI_DATA_DIR, then the per-user data folder. Never next to the code."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def demo_dir(base: Path) -> Path:
    """The demo inspection lives in a folder of its own, apart from real inspections."""
    return base / "demo"


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def database_path(folder: Path) -> Path:
    return folder / DATABASE_NAME


def blobs_path(folder: Path) -> Path:
    return folder / BLOBS_NAME


def open_copies_path(folder: Path) -> Path:
    """Decrypted copies for opening evidence in another program; emptied on lock and exit."""
    return folder / "open-copies"


def make_private(folder: Path) -> Path:
    """Create the folder readable by its owner only (other users of the laptop see nothing)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder
