"""The tables are a projection of the change log: rebuilding them from the ops changes nothing,
and a table row that drifted from its ops is found by the check and repaired by a rebuild."""

from __future__ import annotations

import shutil

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.records import ENTITIES
from jtai_desktop.services.check import check_workspace
from jtai_desktop.services.demo import build_demo
from jtai_desktop.services.dump import dump_json
from jtai_desktop.services.simulate import simulate
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store import oplog, projection
from jtai_desktop.sync.merge import field_heads
from jtai_desktop.sync.ops import Op

PASSPHRASE = "correct horse battery staple"
PROJECTED = sorted({spec.table for spec in ENTITIES.values()})


def _open(folder):
    return open_context(folder, PASSPHRASE, kdf_params=fast_params_for_tests())


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """The demo, 150 simulated edits and a conflict, built once; each test gets a copy."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    ctx = _open(folder)
    try:
        inspection_id = build_demo(ctx.workspace, "small", 1)
        simulate(ctx.workspace, inspection_id, 150, seed=11)
        _handmade_conflict(ctx.workspace, inspection_id)
    finally:
        ctx.close()
    return folder, inspection_id


@pytest.fixture
def ws(demo_folder, tmp_path):
    folder, _ = demo_folder
    shutil.copytree(folder, tmp_path / "data")
    ctx = _open(tmp_path / "data")
    yield ctx.workspace
    ctx.close()


@pytest.fixture
def demo(demo_folder):
    return demo_folder[1]


def _handmade_conflict(ws, inspection_id) -> None:
    """A second inspector edits a note's text concurrently with this device's edit."""
    note = ws.rows("note", inspection_id, order_by="id")[0]
    (old,) = field_heads(oplog.ops_for_field(ws.db, note["id"], "text"))
    ws.update("note", note["id"], {"text": "This device's version"})
    other_member = ws.rows("member", inspection_id, order_by="evidence_block")[1]["id"]
    other = Workspace(ws.db, "other-device", ws.blobs, acting_as=other_member)
    op = Op(
        other.new_id(),
        inspection_id,
        "note",
        note["id"],
        "text",
        "The other version",
        other.clock.tick(),
        other.device_id,
        other_member,
        (old.op_id,),
        1,
    )
    with ws.transaction():
        oplog.append(ws.db, [op])
        projection.project_entities(ws.db, [note["id"]])


def snapshot(db) -> dict:
    tables = {t: db.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in PROJECTED}
    tables["conflicts"] = db.execute("SELECT * FROM conflicts ORDER BY entity_id, field").fetchall()
    tables["search_index"] = db.execute(
        "SELECT rowid, title, body, entity, entity_id, inspection_id FROM search_index "
        "ORDER BY rowid"
    ).fetchall()
    return tables


def test_the_demo_exercises_what_the_rebuild_must_reproduce(ws, demo):
    # Guard against a vacuous comparison: data, deletions, a conflict and an FTS index.
    state = snapshot(ws.db)
    assert len(state["notes"]) > 40 and len(state["reviews"]) > 20
    assert len(state["search_index"]) > 100
    assert [row[1] for row in state["conflicts"]] == ["text"]
    deleted = ws.db.execute("SELECT count(*) FROM ops WHERE field = '_deleted'").fetchone()[0]
    assert deleted > 0


def test_rebuilding_from_the_ops_gives_identical_tables(ws, demo):
    dumped, before = dump_json(ws, demo), snapshot(ws.db)
    projection.rebuild(ws.db)
    assert snapshot(ws.db) == before
    assert dump_json(ws, demo) == dumped


def test_rebuilding_one_inspection_leaves_it_identical(ws, demo):
    dumped, before = dump_json(ws, demo), snapshot(ws.db)
    projection.rebuild(ws.db, demo)
    assert snapshot(ws.db) == before
    assert dump_json(ws, demo) == dumped


def test_rebuild_restores_a_projection_that_was_thrown_away(ws, demo):
    before = snapshot(ws.db)
    projection.clear(ws.db)
    assert all(rows == [] for rows in snapshot(ws.db).values())
    projection.rebuild(ws.db)
    assert snapshot(ws.db) == before


def test_check_finds_a_row_that_differs_from_its_ops_and_rebuild_repairs_it(ws, demo):
    assert check_workspace(ws).ok
    note_id = ws.rows("note", demo, order_by="id")[3]["id"]
    original = ws.get("note", note_id)
    ws.db.execute("UPDATE notes SET text = 'x' WHERE id = ?", (note_id,))

    report = check_workspace(ws)
    assert not report.ok
    assert len(report.problems) == 1
    assert note_id in report.problems[0] and "rebuild" in report.problems[0]

    projection.rebuild(ws.db)
    assert check_workspace(ws).ok
    assert ws.get("note", note_id) == original


def test_check_finds_a_deleted_record_that_is_still_in_the_table(ws, demo):
    notes = ws.rows("note", demo, order_by="id")
    gone, kept = notes[0], notes[-1]
    ws.delete("note", gone["id"])
    columns = ", ".join(k for k in kept if k != "id")
    ws.db.execute(
        f"INSERT INTO notes (id, {columns}) SELECT ?, {columns} FROM notes WHERE id = ?",
        (gone["id"], kept["id"]),
    )
    report = check_workspace(ws)
    assert not report.ok and gone["id"] in report.problems[0]
    projection.rebuild(ws.db)
    assert check_workspace(ws).ok
    assert ws.get("note", gone["id"]) is None
