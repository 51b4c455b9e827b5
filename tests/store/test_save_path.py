"""The ops index by inspection, kind of record and field holds only the kinds that are looked
up that way (migration 0017_save_path), so saving a note writes one page fewer. The lookups
that need it must still use it (a query that does not state the index's condition would read
the whole change log instead) and find every value, earlier ones included."""

from __future__ import annotations

from datetime import date

from jtai_desktop.services import children, notes
from jtai_desktop.services import report as report_service
from jtai_desktop.store import oplog
from tests.inspections import new_inspection


def plans(ws, work) -> list[str]:
    """The query plans of the SELECTs on the change log that ``work()`` runs."""
    statements: list[str] = []
    ws.db.conn.set_trace_callback(statements.append)
    try:
        work()
    finally:
        ws.db.conn.set_trace_callback(None)
    selects = [s for s in statements if s.startswith("SELECT") and " FROM ops " in s]
    assert selects, "the work read nothing from the change log"
    return [
        " ".join(row[-1] for row in ws.db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
        for sql in selects
    ]


def test_lookups_by_kind_and_field_use_the_index(ws):
    inspection = new_inspection(ws)
    child = children.add_child(
        ws, inspection, pseudonym="Child A", selection="tracked", private={"name": "Ada Vole"}
    ).entity_id
    children.update_child(ws, child, private_name="Ada Hale")

    for plan in plans(ws, lambda: oplog.field_values(ws.db, inspection, "child", "private_name")):
        assert "USING INDEX idx_ops_looked_up" in plan
    for plan in plans(ws, lambda: oplog.shas_written_by(ws.db, inspection, ws.device_id)):
        assert "idx_ops_looked_up" in plan or "idx_ops_inspection_id_device_id_seq" in plan
    # The letter check's count of the ops its knowledge is built from, on every check.
    assert "USING COVERING INDEX idx_ops_looked_up" in " ".join(
        plans(ws, lambda: report_service.cached_details(ws, inspection))
    )
    assert sorted(oplog.field_values(ws.db, inspection, "child", "private_name")) == [
        "Ada Hale",
        "Ada Vole",
    ]


def test_values_of_kinds_outside_the_index_are_all_found(ws):
    inspection = new_inspection(ws)
    note = notes.add_note(
        ws, inspection, kind="meeting", date=date(2026, 10, 12), title="First"
    ).entity_id
    notes.update_note(ws, note, title="Second")
    assert sorted(oplog.field_values(ws.db, inspection, "note", "title")) == ["First", "Second"]


def statements_of(ws, work) -> list[str]:
    statements: list[str] = []
    ws.db.conn.set_trace_callback(statements.append)
    try:
        work()
    finally:
        ws.db.conn.set_trace_callback(None)
    return statements


def test_an_autosave_over_its_draft_reads_and_writes_only_what_it_needs(ws):
    """The desktop's autosave writes over the note's unsent save: it reads no sequence number
    (it adds no op), no old value (which may be a long text) and appends nothing; it writes
    the draft and the row. What it saved reads back, and its history holds it once."""
    inspection = new_inspection(ws)
    note = notes.add_note(
        ws, inspection, kind="meeting", date=date(2026, 10, 12), title="Strategy meeting"
    ).entity_id
    ws.keep_drafts()
    notes.update_note(ws, note, text="The social worker")  # a new op: the draft

    statements = statements_of(
        ws, lambda: notes.update_note(ws, note, text="The social worker chaired it.")
    )
    assert not [s for s in statements if "max(seq)" in s]
    reads = [s for s in statements if s.startswith("SELECT") and " FROM ops " in s]
    assert reads and not [s for s in reads if ", value" in s]
    writes = [s.split(" (")[0] for s in statements if s.split()[0] in ("INSERT", "UPDATE")]
    assert [w.split(" SET")[0] for w in writes] == [
        "UPDATE ops",
        "UPDATE notes",
        "INSERT OR IGNORE INTO search_pending",
    ]
    assert ws.require("note", note)["text"] == "The social worker chaired it."
    # The note's first (empty) text, then one op for the two saves.
    assert [op.value for op in oplog.ops_for_field(ws.db, note, "text")] == [
        "",
        "The social worker chaired it.",
    ]


def test_a_save_that_adds_an_op_numbers_it_after_the_last_one(ws):
    """A save that adds an op (no drafts kept) still reads the device's last sequence number
    and numbers the op after it, as sending the device's work needs."""
    inspection = new_inspection(ws)
    note = notes.add_note(
        ws, inspection, kind="meeting", date=date(2026, 10, 12), title="Strategy meeting"
    ).entity_id
    before = oplog.last_seq(ws.db, inspection, ws.device_for(inspection))
    notes.update_note(ws, note, text="First")
    notes.update_note(ws, note, text="Second")
    seqs = [op.seq for op in oplog.ops_for_field(ws.db, note, "text")]
    assert sorted(seqs)[-2:] == [before + 1, before + 2]
