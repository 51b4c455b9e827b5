"""One transaction idiom: every write transaction takes the write lock first.

The desktop and its background tasks each hold a connection to the database. A deferred
transaction (``db.atomic()``) that reads and then writes fails at once with "database is
locked" when the other connection committed in between; one that takes the write lock first
(``write_transaction``, ``Workspace.transaction``) makes the other wait its turn instead.
"""

import ast
import threading
from pathlib import Path

import jtai_desktop
from jtai_desktop.services import notes
from jtai_desktop.store import records
from tests.inspections import new_inspection

PACKAGE = Path(jtai_desktop.__file__).parent


def test_no_deferred_transaction_outside_the_store():
    found = []
    for path in PACKAGE.rglob("*.py"):
        if PACKAGE / "store" in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "atomic":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, "deferred transactions (use Workspace.transaction): " + ", ".join(found)


def test_an_edit_that_reads_first_waits_for_the_other_connection_instead_of_failing(
    context, monkeypatch
):
    """Deleting a note reads the note and its links, then writes, in one transaction. The
    other connection commits an edit just after that transaction's first read: both edits
    must be saved, neither refused."""
    ws = context.workspace
    inspection = new_inspection(ws)
    doomed, other = (
        notes.add_note(ws, inspection, kind="meeting", date="2026-10-19", title=title).entity_id
        for title in ("To delete", "Edited meanwhile")
    )
    background = context.worker_workspace()  # the second connection, as a background task's
    outcome: dict = {}

    def edit_on_the_other_connection() -> None:
        try:
            notes.update_note(background, other, text="Saved by the other connection")
            outcome["saved"] = True
        except Exception as error:  # reported below
            outcome["error"] = error

    other_writer = threading.Thread(target=edit_on_the_other_connection)
    real_get_row = records.get_row

    def read_then_let_the_other_commit(db, entity, entity_id):
        row = real_get_row(db, entity, entity_id)
        if db is ws.db and db.conn.in_transaction and not other_writer.is_alive() and not outcome:
            other_writer.start()  # just after this transaction's first read
            other_writer.join(timeout=0.5)  # it commits now, or waits for the write lock
        return row

    monkeypatch.setattr(records, "get_row", read_then_let_the_other_commit)
    try:
        notes.delete_note(ws, doomed)
    finally:
        monkeypatch.undo()
        if other_writer.is_alive() or outcome:
            other_writer.join(timeout=10)
        background.db.close()
    assert outcome == {"saved": True}
    assert ws.get("note", doomed) is None
    assert ws.get("note", other)["text"] == "Saved by the other connection"
