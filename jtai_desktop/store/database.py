"""Opening the database: pragmas, version check, backup before migrating."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain.errors import NewerDatabaseError, StoreError
from .cipher import DATABASE_ERRORS
from .connection import Database
from .schema import MIGRATION_NAMES, MIGRATION_SET, known_names

Connector = Callable[[Path], sqlite3.Connection]


def plain_connector(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)


def open_database(path: Path, connect: Connector = plain_connector) -> Database:
    """Open (creating if needed) and migrate the store at ``path``.

    A file written by a newer version is refused before anything is written to it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = None
    try:
        conn = connect(path)
        db = Database(conn)
        applied = applied_migrations(db)
        # Up to date (the usual case): the migrations, and sqlite-utils, are not even loaded.
        current = sorted(applied) == list(MIGRATION_NAMES)
        if not current:
            _check_not_newer(applied, path)
        _apply_pragmas(db)
        if not current:
            _migrate(db, applied, path, connect)
    except BaseException as error:
        # A refused file is not left open (locked on Windows, -wal/-shm beside it) for as
        # long as the error is alive.
        if conn is not None:
            conn.close()
        if not isinstance(error, DATABASE_ERRORS):
            raise
        if "locked" in str(error):
            raise StoreError(
                f"The database {path.name} is busy: another jtai-desktop is re-encrypting it. "
                "Try again in a minute; nothing was changed."
            ) from error
        raise StoreError(
            f"The database {path.name} cannot be opened: {error}. It may be "
            "damaged or belong to another key file; nothing was changed. Restore "
            "it from a backup or choose another data folder."
        ) from error
    return db


def _apply_pragmas(db: Database) -> None:
    # WAL lets the UI read while a save commits; FULL makes a save the user saw survive power
    # loss; foreign keys guard the local-only tables (projections are rebuilt from ops).
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    # Deleted content is overwritten rather than left in free pages (purge relies on it).
    db.execute("PRAGMA secure_delete = ON")


def applied_migrations(db: Database) -> list[str]:
    """The names of the migrations the file has had (none for a new file)."""
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if found is None:
        return []
    return [
        name
        for (name,) in db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            (MIGRATION_SET,),
        )
    ]


def _check_not_newer(applied: list[str], path: Path) -> None:
    unknown = sorted(set(applied) - known_names())
    if unknown:
        raise NewerDatabaseError(
            f"The database {path.name} was written by a newer version of jtai-desktop "
            f"(it has schema changes {', '.join(unknown)} that this version does not know). "
            "It has not been changed. Install the newer version to open it."
        )


def _migrate(db: Database, applied: list[str], path: Path, connect: Connector) -> None:
    from .migrations import MIGRATIONS

    utils = db.utils()
    pending = MIGRATIONS.pending(utils)
    if not pending:
        return
    if applied:
        backup_before_migrating(db, path, pending[0].name, connect)
    MIGRATIONS.apply(utils)


def backup_before_migrating(
    db: Database, path: Path, next_migration: str, connect: Connector = plain_connector
) -> Path:
    """Copy the database aside (consistently, through SQLite's backup API) before a migration.

    The copy is opened with the same connector, so an encrypted store stays encrypted.
    """
    target = path.with_name(f"{path.name}.before-{next_migration}.bak")
    backup = connect(target)
    try:
        db.conn.backup(backup)
    finally:
        backup.close()
    return target


def backups_of(path: Path) -> list[Path]:
    """The copies ``backup_before_migrating`` made of the database at ``path``."""
    return sorted(Path(path).parent.glob(f"{Path(path).name}.before-*.bak"))


@contextmanager
def exclusive_connection(path: Path, connect: Connector) -> Iterator[sqlite3.Connection]:
    """A connection that has the database to itself until it closes, or ``FolderBusyError``
    when another connection (a window, a command) has it open.

    Leaving WAL mode needs every other connection closed, which makes it the test; the
    exclusive lock then keeps others out. The next ``open_database`` turns WAL on again."""
    try:
        conn = connect(path)
    except DATABASE_ERRORS as error:
        raise _busy() if "locked" in str(error) else StoreError(str(error)) from error
    try:
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("COMMIT")
        except DATABASE_ERRORS as error:
            raise _busy() from error
        if mode != "delete":
            raise _busy()
        yield conn
    finally:
        conn.close()


def _busy() -> StoreError:
    from ..domain.errors import FolderBusyError

    return FolderBusyError(
        "The data folder is open in another jtai-desktop (a window or a command). Close it "
        "and try again; nothing was changed."
    )


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A transaction that takes the write lock at once (BEGIN IMMEDIATE).

    Two connections (the UI's and a background task's) then never both read the device's
    last sequence number before either writes; nested use becomes a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:  # a failed COMMIT (full disk) leaves it open
            db.conn.execute("ROLLBACK")
        raise
