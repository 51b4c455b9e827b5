"""The app's database connection: what the store uses of sqlite-utils' ``Database``
(``execute``, ``conn``, ``atomic``, ``close``) without importing sqlite-utils, and the click,
dateutil and plugin machinery it loads, at every start (it was a third of the start-up).
Anything else of sqlite-utils' ``Database`` (its table helpers, which migrations use) is
sqlite-utils' own, on the same connection, loaded the first time it is asked for."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils


class Database:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A savepoint inside a transaction (outside one, use ``write_transaction``: a
        deferred transaction can fail when the other connection commits first)."""
        if not self.conn.in_transaction:
            raise RuntimeError("atomic() is for nesting inside write_transaction()")
        savepoint = f"jtai_{secrets.token_hex(8)}"
        self.conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:  # an error may have ended the transaction itself
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")

    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils' Database on this connection, for its table helpers (migrations)."""
        if self._utils is None:
            from sqlite_utils import Database as UtilsDatabase

            self._utils = UtilsDatabase(self.conn, execute_plugins=False)
        return self._utils

    def __getitem__(self, table_name: str) -> Any:
        return self.utils()[table_name]

    def __getattr__(self, name: str) -> Any:
        # Only called for what this class does not have: sqlite-utils' other helpers.
        if name.startswith("__") or name == "_utils":
            raise AttributeError(name)
        return getattr(self.utils(), name)
