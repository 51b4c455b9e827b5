"""Purging an inspection after its retention date: rows, change log, files and free pages."""

from datetime import date

from jtai_desktop.crypto.blobcipher import BlobCipher
from jtai_desktop.services import demo, evidence, notes
from jtai_desktop.services.retention import (
    due_for_purge,
    purge_inspection,
    purge_plan,
    set_retention_date,
)
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store import audit
from jtai_desktop.store.blobs import BlobStore
from jtai_desktop.store.database import open_database

REMNANT = "Remnant text that must not survive the purge"


def two_inspections(ws):
    first = demo.build_demo(ws, "small", 1)
    second = demo.build_demo(ws, "small", 2)
    notes.add_note(
        ws, first, kind="meeting", date=date(2026, 10, 19), title="Meeting", text=REMNANT * 20
    )
    shared = b"a document both inspections hold"
    for inspection_id in (first, second):
        evidence.add_evidence(
            ws,
            inspection_id,
            title="Shared protocol",
            source="area_document",
            date=date(2026, 10, 19),
            data=shared,
            file_name="protocol.txt",
        )
    return first, second


def test_plan_lists_what_will_go(ws):
    first, _ = two_inspections(ws)
    plan = purge_plan(ws, first)
    assert plan.rows["notes"] == 41 and plan.rows["children"] == 12
    assert len(plan.files) == 30  # the shared file is not among them
    assert any("evidence files: 30" in line for line in plan.describe())


def test_purge_removes_one_inspection_and_keeps_the_other(ws):
    first, second = two_inspections(ws)
    kept = {"notes": len(ws.rows("note", second)), "evidence": len(ws.rows("evidence", second))}
    plan = purge_plan(ws, first)
    purge_inspection(ws, plan)
    assert ws.get("inspection", first) is None
    assert (
        ws.db.execute("SELECT count(*) FROM ops WHERE inspection_id = ?", (first,)).fetchone()[0]
        == 0
    )
    assert all(not ws.blobs.exists(sha) for sha in plan.files)
    assert len(ws.rows("note", second)) == kept["notes"]
    for item in ws.rows("evidence", second):
        assert ws.blobs.verify(item["sha256"])  # including the file both held
    assert ws.db.execute("PRAGMA freelist_count").fetchone()[0] == 0


def test_purge_is_recorded_in_the_audit_log(ws):
    first, _ = two_inspections(ws)
    purge_inspection(ws, purge_plan(ws, first))
    (entry,) = audit.entries(ws.db, first)
    assert entry["action"] == "purge" and entry["details"]["rows"]["notes"] == 41
    assert "Child A" not in str(entry) and "Northbridge" not in str(entry["actor"])


def test_compaction_leaves_no_remnant_in_the_file(tmp_path):
    """On an unencrypted copy, where remnants would be readable, none survive the purge."""
    path = tmp_path / "plain.db"
    ws = Workspace(open_database(path), "device", BlobStore(tmp_path / "ev", BlobCipher(bytes(32))))
    first, _ = two_inspections(ws)
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert REMNANT.encode() in path.read_bytes()
    purge_inspection(ws, purge_plan(ws, first))
    assert REMNANT.encode() not in path.read_bytes()


def test_due_for_purge_follows_the_retention_date(ws):
    first, second = two_inspections(ws)
    set_retention_date(ws, first, date(2027, 6, 30))
    assert due_for_purge(ws, date(2027, 6, 29)) == []
    assert [r["id"] for r in due_for_purge(ws, date(2027, 6, 30))] == [first]


def test_retention_date_is_an_ordinary_undoable_edit(ws):
    first = demo.build_demo(ws, "small", 1)
    change = set_retention_date(ws, first, date(2027, 1, 31))
    assert ws.get("inspection", first)["retention_date"] == "2027-01-31"
    ws.apply(change.inverse())
    assert ws.get("inspection", first)["retention_date"] is None
