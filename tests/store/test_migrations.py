"""Opening the store: schema from migrations, pragmas, refusing newer or damaged files untouched,
and a backup taken before migrating a database that holds data.

The golden schema (tests/store/golden_schema.sql) pins what the migrations create. When you
add a migration (never edit a shipped one), regenerate it and review the diff before committing:

    . /work/venv/bin/activate && python tests/store/test_migrations.py
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from jtai_desktop.domain.errors import NewerDatabaseError, StoreError
from jtai_desktop.store.cipher import cipher_connector, is_plain_sqlite
from jtai_desktop.store.database import (
    applied_migrations,
    backup_before_migrating,
    open_database,
    plain_connector,
)
from jtai_desktop.store.migrations import MIGRATIONS, known_names
from jtai_desktop.store.schema import MIGRATION_NAMES, MIGRATION_SET

GOLDEN = Path(__file__).with_name("golden_schema.sql")
KEY = bytes(range(32))

CONNECTORS = {"plain": lambda: plain_connector, "encrypted": lambda: cipher_connector(KEY)}


def normalised_schema(db) -> str:
    """The schema as stable text: one entry per object, SQL with whitespace collapsed."""
    lines = []
    for kind, name, table, sql in db.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall():
        lines.append(f"-- {kind} {name} on {table}")
        lines.append(" ".join(sql.split()) + ";" if sql else "-- (made by SQLite, no SQL)")
    return "\n".join(lines) + "\n"


def fresh_schema() -> str:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "jtai.db")
        try:
            return normalised_schema(db)
        finally:
            db.close()


def fingerprint(path: Path) -> dict[str, str]:
    """SHA-256 of every file of the database (main file, -wal, -shm, anything beside it)."""
    return {
        f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(path.parent.iterdir())
    }


@pytest.fixture(params=sorted(CONNECTORS))
def connect(request):
    return CONNECTORS[request.param]()


@pytest.fixture
def path(tmp_path):
    return tmp_path / "folder" / "jtai.db"


def make_newer(path: Path, connect, keep_open: bool = False):
    """A store that a later version of the app wrote: it lists a migration we do not know."""
    db = open_database(path, connect)
    db.execute("INSERT INTO settings (key, value) VALUES ('device_id', 'abc')")
    db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('jtai', '9999_future', '2031-01-01 00:00:00+00:00')"
    )
    if keep_open:
        return db
    db.close()


# --- a new file ----------------------------------------------------------------------------
def test_a_new_file_gets_the_golden_schema():
    assert GOLDEN.exists(), "run: python tests/store/test_migrations.py"
    assert fresh_schema() == GOLDEN.read_text(encoding="utf-8"), (
        "The schema changed. If that was meant (a new migration), regenerate the golden file "
        "with 'python tests/store/test_migrations.py' and review the diff."
    )


def test_the_golden_schema_has_the_tables_the_app_needs():
    text = GOLDEN.read_text(encoding="utf-8")
    for table in (
        "ops",
        "conflicts",
        "identity",
        "settings",
        "notes",
        "reviews",
        "children",
        "_sqlite_migrations",
    ):
        assert f"-- table {table} on {table}\n" in text
    assert "CREATE VIRTUAL TABLE search_index USING fts5(" in text


def test_an_encrypted_store_has_the_same_schema(path):
    db = open_database(path, cipher_connector(KEY))
    try:
        assert normalised_schema(db) == fresh_schema()
    finally:
        db.close()
    assert not is_plain_sqlite(path)  # children's details never sit in a readable file


def test_every_migration_is_recorded_as_applied(path, connect):
    db = open_database(path, connect)
    assert [m.name for m in MIGRATIONS.applied(db)] == [m.name for m in MIGRATIONS._migrations]
    assert MIGRATIONS.pending(db) == []
    db.close()


def test_pragmas_in_force(path, connect):
    db = open_database(path, connect)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        db.close()


def test_reopening_changes_nothing_and_takes_no_backup(path, connect):
    db = open_database(path, connect)
    db.execute("INSERT INTO settings (key, value) VALUES ('device_id', 'abc')")
    schema, applied = normalised_schema(db), [m.name for m in MIGRATIONS.applied(db)]
    db.close()
    for _ in range(2):
        db = open_database(path, connect)
        assert normalised_schema(db) == schema
        assert [m.name for m in MIGRATIONS.applied(db)] == applied
        assert db.execute("SELECT value FROM settings WHERE key = 'device_id'").fetchall() == [
            ("abc",)
        ]
        db.close()
    assert sorted(f.name for f in path.parent.iterdir()) == ["jtai.db"]


# --- refusing files it must not touch -------------------------------------------------------
def test_a_database_from_a_newer_version_is_refused_untouched(path, connect):
    make_newer(path, connect)
    before = fingerprint(path)
    with pytest.raises(NewerDatabaseError) as refused:
        open_database(path, connect)
    message = str(refused.value)
    assert "newer version" in message and "9999_future" in message and "jtai.db" in message
    # While the error is still being shown, the file is neither changed nor held open.
    assert fingerprint(path) == before
    del refused
    assert fingerprint(path) == before


def test_a_newer_database_is_refused_even_with_unsaved_log_pages(tmp_path, connect):
    # A folder copied while the newer version had it open: its latest data is only in -wal.
    live = tmp_path / "live" / "jtai.db"
    writer = make_newer(live, connect, keep_open=True)
    copy = tmp_path / "copy" / "jtai.db"
    copy.parent.mkdir()
    for name in os.listdir(live.parent):
        (copy.parent / name).write_bytes((live.parent / name).read_bytes())
    writer.close()
    assert (copy.parent / "jtai.db-wal").stat().st_size > 0

    with pytest.raises(NewerDatabaseError):
        open_database(copy, connect)
    # Nothing is lost: the newer version finds all its data. (SQLite may fold the log into the
    # main file when the refused connection closes: other bytes, the same content.)
    reader = connect(copy)
    assert reader.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'jtai' ORDER BY id"
    ).fetchall()[-1] == ("9999_future",)
    assert reader.execute("SELECT value FROM settings").fetchall() == [("abc",)]
    reader.close()


@pytest.mark.parametrize("content", [os.urandom(8192), b"not a database at all\n" * 300])
def test_a_garbage_file_is_refused_with_a_clear_message_and_left_alone(path, connect, content):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    before = fingerprint(path)
    with pytest.raises(StoreError) as refused:
        open_database(path, connect)
    assert not isinstance(refused.value, NewerDatabaseError)
    message = str(refused.value)
    assert "jtai.db cannot be opened" in message and "backup" in message
    assert fingerprint(path) == before
    del refused
    assert fingerprint(path) == before


# --- backups before migrating ---------------------------------------------------------------
def _populate(db) -> None:
    db.execute("INSERT INTO settings (key, value) VALUES ('device_id', 'abc')")
    db.execute("INSERT INTO identity (inspection_id, member_id) VALUES ('insp', 'member')")


def copy_db(conn) -> Database:
    return Database(conn, execute_plugins=False)


def _rows(conn) -> list:
    return [
        conn.execute("SELECT * FROM settings ORDER BY key").fetchall(),
        conn.execute("SELECT * FROM identity ORDER BY inspection_id").fetchall(),
    ]


def test_backup_before_migrating_copies_every_row(path, connect):
    db = open_database(path, connect)
    _populate(db)
    backup = backup_before_migrating(db, path, "x", connect)
    assert backup == path.with_name("jtai.db.before-x.bak")
    copy = connect(backup)
    try:
        assert _rows(copy) == _rows(db.conn)
        assert _rows(copy)[0] == [("device_id", "abc")]
        assert normalised_schema(copy_db(copy)) == normalised_schema(db)
    finally:
        copy.close()
        db.close()
    if connect is not plain_connector:
        assert not is_plain_sqlite(backup)  # the backup of an encrypted store is encrypted


def _older_database(path: Path, connect) -> tuple[list[str], list]:
    """A populated store written by the version before the latest migration was added."""
    names = [m.name for m in MIGRATIONS._migrations]
    conn = connect(path)
    db = copy_db(conn)
    MIGRATIONS.apply(db, stop_before=names[-1])
    _populate(db)
    rows = _rows(conn)
    conn.close()
    return names, rows


def test_an_older_populated_database_is_backed_up_then_migrated(tmp_path, connect):
    path = tmp_path / "jtai.db"
    names, rows = _older_database(path, connect)
    db = open_database(path, connect)
    try:
        assert [m.name for m in MIGRATIONS.applied(db)] == names
        assert _rows(db.conn) == rows  # upgrading kept the data
    finally:
        db.close()
    backup = path.with_name(f"jtai.db.before-{names[-1]}.bak")
    assert backup.exists()
    copy = connect(backup)
    try:
        # The copy was taken before migrating: it is the older version, with the same rows.
        assert [m.name for m in MIGRATIONS.applied(copy_db(copy))] == names[:-1]
        assert _rows(copy) == rows
    finally:
        copy.close()


def test_a_new_file_is_not_backed_up(path, connect):
    open_database(path, connect).close()
    assert not list(path.parent.glob("*.bak"))


def test_the_migration_names_are_unique_and_ordered():
    names = [m.name for m in MIGRATIONS._migrations]
    assert names == sorted(names) and len(set(names)) == len(names) == len(known_names())
    assert all(name[:4].isdigit() and name[4] == "_" for name in names)


def test_the_schema_module_names_every_migration():
    """Opening an up-to-date file trusts ``schema.MIGRATION_NAMES`` instead of loading the
    migrations: a migration missing from it would never be applied."""
    assert tuple(m.name for m in MIGRATIONS._migrations) == MIGRATION_NAMES
    assert MIGRATIONS.name == MIGRATION_SET


OPEN_AND_LIST_MODULES = """
import sys
from pathlib import Path
from jtai_desktop.store.database import open_database
db = open_database(Path(sys.argv[1]))
db.execute("SELECT count(*) FROM ops").fetchone()
db.close()
print(" ".join(sorted(sys.modules)))
"""


def test_opening_an_up_to_date_file_loads_neither_migrations_nor_sqlite_utils(path):
    # sqlite-utils (with click, dateutil and its plugin machinery) was a third of the start-up.
    open_database(path).close()  # creates and migrates
    loaded = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_MODULES, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "jtai_desktop.store.database" in loaded
    assert "sqlite_utils" not in loaded and "jtai_desktop.store.migrations" not in loaded
    assert "click" not in loaded


def test_an_old_file_still_loads_the_migrations_and_is_brought_up_to_date(tmp_path):
    path = tmp_path / "jtai.db"
    older = Migrations(MIGRATION_SET)  # what the version before the newest migration had
    for migration in MIGRATIONS._migrations[:-1]:
        older(name=migration.name, transactional=migration.transactional)(migration.fn)
    old = Database(str(path))
    older.apply(old)
    old.close()
    db = open_database(path)
    try:
        assert applied_migrations(db) == list(MIGRATION_NAMES)
    finally:
        db.close()


if __name__ == "__main__":  # regenerate the golden schema
    GOLDEN.write_text(fresh_schema(), encoding="utf-8")
    print(f"wrote {GOLDEN}")
