"""Opening the database encrypted with SQLCipher under a raw 256-bit key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3

# Errors from either driver, for code that must catch "the database said no".
DATABASE_ERRORS = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
FULL_ERRORS_TEXT = ("database or disk is full", "disk I/O error")


def cipher_connector(key: bytes):
    """A connector for ``open_database`` that opens files encrypted under ``key``."""
    if len(key) != 32:
        raise ValueError("SQLCipher raw keys are 32 bytes")
    pragma = f"PRAGMA key = \"x'{key.hex()}'\""  # hex of our own key: no user text in SQL

    def connect(path: Path):
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # we report errors, not stderr
            conn.execute(pragma)
            conn.execute("SELECT count(*) FROM sqlite_master")  # fails now if the key is wrong
        except sqlcipher3.DatabaseError:
            conn.close()  # leave no handle (or lock) on a file we refused
            raise
        return conn

    return connect


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (its header is readable text)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def save_failed(error: Exception):
    """The error to show when a write was refused by the database; nothing of it was saved."""
    from ..domain.errors import DiskFullError, StoreError

    text = str(error)
    if any(marker in text for marker in FULL_ERRORS_TEXT):
        return DiskFullError(
            "The disk is full, so your last change was not saved. Free some "
            "space and try again; everything saved before is kept."
        )
    return StoreError(
        f"Your last change could not be saved ({text}); everything saved "
        "before is kept. If this happens again, run 'jtai-desktop check'."
    )
