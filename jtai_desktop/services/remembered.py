"""Optionally remembering a data folder's key in the operating system's keyring.

A convenience, off by default and labelled as such in the app: anyone who can log in as the
user can then open the folder without the passphrase. Where the system has no keyring, the
option is simply unavailable.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..crypto.keyfile import MasterKey

SERVICE = "jtai-desktop"


def _keyring():
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    return None if isinstance(backend, fail.Keyring) else keyring


def available() -> bool:
    return _keyring() is not None


def _account(folder: Path) -> str:
    # The folder path may contain a person's name: store a hash of it, not the path.
    return hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:32]


def remember(folder: Path, key: MasterKey) -> bool:
    ring = _keyring()
    if ring is None:
        return False
    ring.set_password(SERVICE, _account(folder), key.raw.hex())
    return True


def recall(folder: Path) -> MasterKey | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        stored = ring.get_password(SERVICE, _account(folder))
        return MasterKey(bytes.fromhex(stored)) if stored else None
    except ValueError:
        return None


def forget(folder: Path) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(SERVICE, _account(folder))
    except Exception:  # keyring raises its own PasswordDeleteError when nothing is stored
        pass
