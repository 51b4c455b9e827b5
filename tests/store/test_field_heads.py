"""Each field's current values are kept in a table as ops are written, so a save reads them
instead of the record's history: its work does not grow with the record's edits.

The table must always say what the change log says (the heads every field would have if
its ops were resolved again), after local edits, conflicts, sync, rebuilding, and the
migration that fills it for a data folder written before it existed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jtai_desktop.app import open_context
from jtai_desktop.services import notes
from jtai_desktop.services.check import check_workspace
from jtai_desktop.services.inspections import MemberInput, add_member
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store import heads, oplog, projection
from jtai_desktop.sync.merge import resolve_entity
from jtai_desktop.sync.ops import Op
from tests.inspections import new_inspection

RELEASE = Path(__file__).parents[1] / "fixtures" / "release_0_1_0"


def heads_match_the_log(ws) -> list[str]:
    """The entities whose stored heads differ from their ops' (empty when all agree)."""
    wrong = []
    for ops in oplog.ops_by_entity(ws.db):
        state = resolve_entity(ops)
        expected = {name: set(ids) for name, ids in state.head_ids().items()}
        if heads.of_entity(ws.db, state.entity_id) != expected:
            wrong.append(state.entity_id)
    return wrong


def inspection_with_a_colleague(ws):
    inspection_id = new_inspection(ws)
    member = add_member(ws, inspection_id, MemberInput("Second Inspector", "cqc")).entity_id
    return inspection_id, Workspace(ws.db, "other-device", ws.blobs, acting_as=member)


def received(ws, colleague, inspection_id, note_id, field, value, parents):
    """An op from the colleague's laptop arriving through sync."""
    op = Op(
        colleague.new_op_id(),
        inspection_id,
        "note",
        note_id,
        field,
        value,
        colleague.clock.tick(),
        colleague.device_id,
        colleague.author_for(inspection_id),
        tuple(parents),
        oplog.last_seq(ws.db, inspection_id, colleague.device_id) + 1,
    )
    with ws.transaction():
        oplog.append(ws.db, [op])
        projection.project_entities(ws.db, [note_id])


def test_the_heads_follow_edits_conflicts_deletions_and_undo(ws):
    inspection_id, colleague = inspection_with_a_colleague(ws)
    note_id = notes.add_note(
        ws, inspection_id, kind="meeting", date="2026-10-19", title="Meeting", text="One"
    ).entity_id
    first = heads.of_fields(ws.db, note_id, ["text"])["text"]
    edited = notes.update_note(ws, note_id, text="Two")
    received(ws, colleague, inspection_id, note_id, "text", "Their two", first)  # a conflict
    assert heads_match_the_log(ws) == []
    assert len(heads.of_fields(ws.db, note_id, ["text"])["text"]) == 2
    settled = ws.resolve(note_id, "text", "Both")
    ws.apply(settled.inverse())
    ws.apply(settled)
    ws.apply(edited.inverse())
    deleted = notes.delete_note(ws, note_id)
    ws.apply(deleted.inverse())
    notes.update_note(ws, note_id, title="Renamed")
    assert heads_match_the_log(ws) == []
    assert check_workspace(ws).ok


def test_a_save_reads_the_heads_not_the_history(ws, monkeypatch):
    inspection_id, _ = inspection_with_a_colleague(ws)
    note_id = notes.add_note(
        ws, inspection_id, kind="meeting", date="2026-10-19", title="Meeting"
    ).entity_id
    for n in range(30):
        notes.update_note(ws, note_id, text=f"Draft {n}")

    def no_history(*_args):
        raise AssertionError("a save read the record's whole history")

    monkeypatch.setattr(oplog, "ops_for_entity", no_history)
    notes.update_note(ws, note_id, text="Saved without reading 30 edits")
    notes.update_note(ws, note_id, title="And renamed")
    new = notes.add_note(ws, inspection_id, kind="meeting", date="2026-10-20", title="New")
    notes.delete_note(ws, new.entity_id)
    monkeypatch.undo()
    assert ws.get("note", note_id)["text"] == "Saved without reading 30 edits"
    assert heads_match_the_log(ws) == [] and check_workspace(ws).ok


def test_saves_in_one_millisecond_read_the_heads_not_the_history(ws, monkeypatch):
    """A fast machine saves twice within a millisecond: the stamps differ only in their
    counter, and the second save still takes the short way, leaving what a rebuild gives."""
    inspection_id, _ = inspection_with_a_colleague(ws)
    note_id = notes.add_note(
        ws, inspection_id, kind="meeting", date="2026-10-19", title="Meeting"
    ).entity_id
    notes.update_note(ws, note_id, text="First")
    stuck = ws.clock.last.millis + 1
    monkeypatch.setattr(ws.clock, "_now", lambda: stuck)  # the wall clock does not move
    notes.update_note(ws, note_id, text="Second")

    def no_history(*_args):
        raise AssertionError("a save read the record's whole history")

    monkeypatch.setattr(oplog, "ops_for_entity", no_history)
    notes.update_note(ws, note_id, text="Third, in the same millisecond")
    notes.update_note(ws, note_id, title="Renamed, in it too")
    monkeypatch.undo()
    row = ws.get("note", note_id)
    assert (row["text"], row["title"]) == ("Third, in the same millisecond", "Renamed, in it too")
    assert heads_match_the_log(ws) == [] and check_workspace(ws).ok


def test_rebuilding_gives_the_same_heads(ws):
    inspection_id, _ = inspection_with_a_colleague(ws)
    for n in range(5):
        note_id = notes.add_note(
            ws, inspection_id, kind="meeting", date="2026-10-19", title=f"Meeting {n}"
        ).entity_id
        notes.update_note(ws, note_id, text=f"Text {n}")
    before = ws.db.execute("SELECT * FROM field_heads ORDER BY entity_id, field, op_id").fetchall()
    projection.rebuild(ws.db)
    after = ws.db.execute("SELECT * FROM field_heads ORDER BY entity_id, field, op_id").fetchall()
    assert after == before and len(before) > 20


def test_a_folder_written_before_the_heads_table_gets_it_filled(tmp_path):
    shutil.copytree(RELEASE / "lead", tmp_path / "lead")
    ctx = open_context(tmp_path / "lead")
    try:
        ws = ctx.workspace
        assert ws.db.execute("SELECT count(*) FROM field_heads").fetchone()[0] > 0
        assert heads_match_the_log(ws) == []
    finally:
        ctx.close()


def test_an_edit_beside_an_open_conflict_keeps_it_without_reading_the_history(ws, monkeypatch):
    """A conflict on one field leaves the record's other fields plain: editing one of them
    takes the short way, and the row and the open conflict come out as a rebuild has them."""
    inspection_id, colleague = inspection_with_a_colleague(ws)
    note_id = notes.add_note(
        ws, inspection_id, kind="meeting", date="2026-10-19", title="Meeting", text="One"
    ).entity_id
    first = heads.of_fields(ws.db, note_id, ["text"])["text"]
    notes.update_note(ws, note_id, text="Two")
    received(ws, colleague, inspection_id, note_id, "text", "Their two", first)

    def no_history(*_args):
        raise AssertionError("the edit read the record's whole history")

    monkeypatch.setattr(oplog, "ops_for_entity", no_history)
    notes.update_note(ws, note_id, title="Renamed beside the conflict")
    monkeypatch.undo()

    def stored():
        row = ws.db.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
        conflicts = ws.db.execute(
            "SELECT field, op_ids FROM conflicts WHERE entity_id = ?", (note_id,)
        ).fetchall()
        return row, conflicts

    before = stored()
    projection.rebuild(ws.db)
    assert stored() == before
    assert [field for field, _ in before[1]] == ["text"]
    assert ws.get("note", note_id)["title"] == "Renamed beside the conflict"
    assert heads_match_the_log(ws) == [] and check_workspace(ws).ok
