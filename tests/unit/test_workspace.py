"""The write core over a real data folder: ops, parents, row metadata, undo/redo, conflicts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from jtai_desktop.domain.errors import NotFoundError, ValidationError
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services.dump import dump_state
from jtai_desktop.services.inspections import MemberInput, add_member, create_inspection
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store import oplog, projection
from jtai_desktop.sync.clock import Stamp
from jtai_desktop.sync.merge import field_heads
from jtai_desktop.sync.ops import DELETED, Op

NOTE = {
    "kind": "meeting",
    "title": "Strategy meeting",
    "text": "First draft",
    "date": "2026-10-19",
    "attendees": [{"role": "social worker", "agency": "csc"}],
    "children_or_families_present": False,
    "consent_recorded": False,
}
META = ("created_at", "created_by", "created_device", "updated_at", "updated_by")


@pytest.fixture
def inspection(ws):
    pack = load_pack(default_themes_dir() / "domestic-abuse.toml")
    return create_inspection(
        ws,
        pack,
        area="Northbridge",
        notification=date(2026, 10, 5),
        lead=MemberInput("Lead Inspector", "ofsted", "lead"),
    ).entity_id


@pytest.fixture
def lead(ws, inspection):
    return ws.author_for(inspection)


@pytest.fixture
def colleague(ws, inspection):
    """A second team member working on another laptop (sharing this store for the test)."""
    member_id = add_member(ws, inspection, MemberInput("Second Inspector", "cqc")).entity_id
    return Workspace(ws.db, "other-device", ws.blobs, acting_as=member_id)


def field_ops(ws, entity_id, field):
    return sorted(oplog.ops_for_field(ws.db, entity_id, field), key=lambda o: (o.hlc, o.op_id))


def head(ws, entity_id, field) -> Op:
    (only,) = field_heads(oplog.ops_for_field(ws.db, entity_id, field))
    return only


def values(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in META}


# --- ops and their parents -----------------------------------------------------------------
def test_create_writes_one_op_per_field_with_no_parents(ws, inspection, lead):
    note_id = ws.create("note", inspection, NOTE).entity_id
    ops = oplog.ops_for_entity(ws.db, note_id)
    assert {o.field: o.value for o in ops} == NOTE
    assert all(o.parents == () for o in ops)
    assert {(o.entity, o.inspection_id, o.device_id, o.author) for o in ops} == {
        ("note", inspection, ws.device_id, lead)
    }
    assert len({o.hlc for o in ops}) == len(ops)  # every op has its own stamp
    seqs = sorted(o.seq for o in ops)
    assert seqs == list(range(seqs[0], seqs[0] + len(ops)))  # contiguous per device


def test_create_leaves_out_empty_fields(ws, inspection):
    note_id = ws.create("note", inspection, {**NOTE, "text": None}).entity_id
    assert "text" not in {o.field for o in oplog.ops_for_entity(ws.db, note_id)}
    assert ws.get("note", note_id)["text"] is None


def test_update_names_the_previous_head_and_touches_only_changed_fields(ws, inspection):
    note_id = ws.create("note", inspection, NOTE).entity_id
    first = head(ws, note_id, "text")
    ws.update("note", note_id, {"text": "Second draft", "title": NOTE["title"]})
    second = head(ws, note_id, "text")
    assert second.value == "Second draft" and second.parents == (first.op_id,)
    assert second.hlc > first.hlc
    assert len(field_ops(ws, note_id, "title")) == 1  # unchanged title: no new op
    ws.update("note", note_id, {"text": "Third draft"})
    assert head(ws, note_id, "text").parents == (second.op_id,)
    assert ws.get("note", note_id)["text"] == "Third draft"


def test_update_with_nothing_changed_writes_no_op(ws, inspection):
    note_id = ws.create("note", inspection, NOTE).entity_id
    before = oplog.count(ws.db, inspection)
    ws.update(
        "note",
        note_id,
        {"text": NOTE["text"], "date": date(2026, 10, 19), "consent_recorded": False},
    )
    assert oplog.count(ws.db, inspection) == before


def test_update_refuses_bad_values_and_unknown_fields(ws, inspection):
    note_id = ws.create("note", inspection, NOTE).entity_id
    before, count = ws.get("note", note_id), oplog.count(ws.db, inspection)
    with pytest.raises(ValidationError, match="date"):
        ws.update("note", note_id, {"date": "next Tuesday"})
    with pytest.raises(ValidationError, match="colour"):
        ws.update("note", note_id, {"colour": "red", "text": "half-saved?"})
    assert ws.get("note", note_id) == before
    assert oplog.count(ws.db, inspection) == count


def test_delete_names_every_current_head_and_restore_names_the_tombstone(ws, inspection):
    note_id = ws.create("note", inspection, NOTE).entity_id
    ws.update("note", note_id, {"text": "Second draft"})
    heads_before = {o.op_id for f in NOTE for o in [head(ws, note_id, f)]}
    ws.delete("note", note_id)
    tomb = head(ws, note_id, DELETED)
    assert tomb.value is True
    assert set(tomb.parents) == heads_before
    assert ws.get("note", note_id) is None
    assert ws.rows("note", inspection) == []
    with pytest.raises(NotFoundError):
        ws.update("note", note_id, {"text": "too late"})

    ws.restore("note", note_id)
    restore = head(ws, note_id, DELETED)
    assert restore.value is False and restore.parents == (tomb.op_id,)
    assert ws.get("note", note_id)["text"] == "Second draft"

    ws.delete("note", note_id)
    again = head(ws, note_id, DELETED)
    assert restore.op_id in again.parents
    assert ws.get("note", note_id) is None


def test_every_row_carries_who_and_when_it_was_created_and_last_changed(
    ws, inspection, lead, colleague
):
    note_id = ws.create("note", inspection, NOTE).entity_id
    created = ws.get("note", note_id)
    first = min(oplog.ops_for_entity(ws.db, note_id), key=lambda o: (o.hlc, o.op_id))
    assert created["created_by"] == created["updated_by"] == lead
    assert created["created_device"] == ws.device_id
    assert created["created_at"] == Stamp.parse(first.hlc).iso()
    assert created["created_at"].endswith("Z") and created["created_at"].startswith("20")

    colleague.clock.observe(ws.clock.tick())
    colleague.update("note", note_id, {"text": "Colleague's addition"})
    edited = ws.get("note", note_id)
    assert edited["created_by"] == lead and edited["created_device"] == ws.device_id
    assert edited["created_at"] == created["created_at"]
    assert edited["updated_by"] == colleague.author_for(inspection) != lead
    assert edited["updated_at"] == Stamp.parse(head(ws, note_id, "text").hlc).iso()
    assert edited["updated_at"] >= created["updated_at"]


def test_writing_without_being_a_member_is_refused(ws, inspection):
    stranger = Workspace(ws.db, "stranger-device", ws.blobs)
    ws.db.execute("DELETE FROM identity")
    with pytest.raises(NotFoundError, match="not a member"):
        stranger.create("note", inspection, NOTE)


# --- undo and redo --------------------------------------------------------------------------
def test_undo_and_redo_of_a_create(ws, inspection):
    created = ws.create("note", inspection, NOTE)
    note_id = created.entity_id
    original = values(ws.get("note", note_id))
    ws.apply(created.inverse())
    assert ws.get("note", note_id) is None
    ws.apply(created)  # redo
    assert values(ws.get("note", note_id)) == original


def test_undo_and_redo_of_an_update_restore_the_exact_previous_values(ws, inspection):
    note_id = ws.create("note", inspection, NOTE).entity_id
    original = values(ws.get("note", note_id))
    edit = ws.update(
        "note",
        note_id,
        {
            "text": "Rewritten",
            "title": "Renamed",
            "date": date(2026, 10, 20),
            "attendees": [],
            "criteria": ["1.1"],
            "children_or_families_present": True,
            "consent_recorded": True,
        },
    )
    edited = values(ws.get("note", note_id))
    assert edited["consent_recorded"] == 1 and edited["criteria"] == ["1.1"]

    ws.apply(edit.inverse())
    assert values(ws.get("note", note_id)) == original
    assert ws.get("note", note_id)["criteria"] is None  # a field that was empty is empty again
    ws.apply(edit)
    assert values(ws.get("note", note_id)) == edited
    ws.apply(edit.inverse())
    assert values(ws.get("note", note_id)) == original


def test_undo_and_redo_of_a_delete(ws, inspection):
    note_id = ws.create("note", inspection, NOTE).entity_id
    ws.update("note", note_id, {"text": "Kept text"})
    before = values(ws.get("note", note_id))
    deletion = ws.delete("note", note_id)
    assert ws.get("note", note_id) is None
    ws.apply(deletion.inverse())
    assert values(ws.get("note", note_id)) == before
    ws.apply(deletion)
    assert ws.get("note", note_id) is None


def test_undo_is_itself_recorded_as_ops_not_by_rewriting_history(ws, inspection):
    note_id = ws.create("note", inspection, NOTE).entity_id
    edit = ws.update("note", note_id, {"text": "Rewritten"})
    count = oplog.count(ws.db, inspection)
    ws.apply(edit.inverse())
    texts = [o.value for o in field_ops(ws, note_id, "text")]
    assert texts == ["First draft", "Rewritten", "First draft"]
    assert oplog.count(ws.db, inspection) == count + 1


# --- concurrent edits -----------------------------------------------------------------------
def concurrent_edit(ws, colleague, inspection, note_id, field, value, parents) -> Op:
    """An edit made on the colleague's laptop before it received this device's latest edit."""
    member_id = colleague.author_for(inspection)
    op = Op(
        colleague.new_id(),
        inspection,
        "note",
        note_id,
        field,
        value,
        colleague.clock.tick(),
        colleague.device_id,
        member_id,
        tuple(parents),
        oplog.last_seq(ws.db, inspection, colleague.device_id) + 1,
    )
    with ws.transaction():
        oplog.append(ws.db, [op])
        projection.project_entities(ws.db, [note_id])
    return op


def conflict_rows(ws, note_id):
    return ws.db.execute(
        "SELECT field, op_ids FROM conflicts WHERE entity_id = ?", (note_id,)
    ).fetchall()


def test_concurrent_values_are_kept_shown_and_resolved(ws, inspection, colleague):
    note_id = ws.create("note", inspection, NOTE).entity_id
    old_head = head(ws, note_id, "text")
    ws.update("note", note_id, {"text": "Lead's account"})
    mine = head(ws, note_id, "text")
    theirs = concurrent_edit(
        ws, colleague, inspection, note_id, "text", "Colleague's account", [old_head.op_id]
    )

    rows = conflict_rows(ws, note_id)
    assert [r[0] for r in rows] == ["text"]
    assert set(json.loads(rows[0][1])) == {mine.op_id, theirs.op_id}
    dumped = [c for c in dump_state(ws, inspection)["conflicts"] if c["entity_id"] == note_id]
    assert len(dumped) == 1 and dumped[0]["field"] == "text"
    shown = {v["value"]: v["author"] for v in dumped[0]["values"]}
    assert shown == {
        "Lead's account": ws.author_for(inspection),
        "Colleague's account": colleague.author_for(inspection),
    }
    # The table shows one of the two (the newest), never a mixture or nothing.
    newest = max((mine, theirs), key=lambda o: (o.hlc, o.op_id))
    assert ws.get("note", note_id)["text"] == newest.value

    ws.resolve(note_id, "text", "Both accounts")
    assert conflict_rows(ws, note_id) == []
    assert ws.get("note", note_id)["text"] == "Both accounts"
    resolution = head(ws, note_id, "text")
    assert set(resolution.parents) == {mine.op_id, theirs.op_id}
    assert not [c for c in dump_state(ws, inspection)["conflicts"] if c["entity_id"] == note_id]


def test_a_concurrent_edit_of_a_deleted_note_brings_it_back_until_resolved(
    ws, inspection, colleague
):
    note_id = ws.create("note", inspection, NOTE).entity_id
    old_head = head(ws, note_id, "text")
    ws.delete("note", note_id)
    concurrent_edit(ws, colleague, inspection, note_id, "text", "Added offline", [old_head.op_id])
    row = ws.get("note", note_id)
    assert row is not None and row["text"] == "Added offline"
    assert [r[0] for r in conflict_rows(ws, note_id)] == [DELETED]

    ws.resolve(note_id, DELETED, True)  # the team agrees the note goes
    assert ws.get("note", note_id) is None
    assert conflict_rows(ws, note_id) == []


def test_keeping_a_record_whose_deletion_raced_an_edit(ws, inspection, colleague):
    note_id = ws.create("note", inspection, NOTE).entity_id
    old_head = head(ws, note_id, "text")
    ws.delete("note", note_id)
    concurrent_edit(ws, colleague, inspection, note_id, "text", "Added offline", [old_head.op_id])
    ws.resolve(note_id, DELETED, False)
    assert ws.get("note", note_id)["text"] == "Added offline"
    assert conflict_rows(ws, note_id) == []


def test_the_same_value_written_on_two_laptops_is_not_a_conflict(ws, inspection, colleague):
    note_id = ws.create("note", inspection, NOTE).entity_id
    old_head = head(ws, note_id, "title")
    ws.update("note", note_id, {"title": "Agreed title"})
    concurrent_edit(ws, colleague, inspection, note_id, "title", "Agreed title", [old_head.op_id])
    assert conflict_rows(ws, note_id) == []
    assert ws.get("note", note_id)["title"] == "Agreed title"


# --- settling is an edit: its undo opens the same conflict again ------------------------------
def open_values(ws, note_id, field):
    return sorted(op.value for op in projection.conflict_heads(ws.db, note_id).get(field, ()))


def test_undoing_a_settlement_opens_the_same_conflict_and_redo_settles_it(
    ws, inspection, colleague
):
    note_id = ws.create("note", inspection, NOTE).entity_id
    old_head = head(ws, note_id, "text")
    ws.update("note", note_id, {"text": "Lead's account"})
    concurrent_edit(
        ws, colleague, inspection, note_id, "text", "Colleague's account", [old_head.op_id]
    )
    competing = open_values(ws, note_id, "text")

    settled = ws.resolve(note_id, "text", "Both accounts", label="Settle")
    assert [c.action for c in settled.changes] == ["settle"] and settled.has_effect
    assert open_values(ws, note_id, "text") == []

    ws.apply(settled.inverse())  # undo: the same two values compete again
    assert open_values(ws, note_id, "text") == competing
    ws.apply(settled)  # redo: settled as before
    assert open_values(ws, note_id, "text") == []
    assert ws.get("note", note_id)["text"] == "Both accounts"


def test_undoing_a_settled_deletion_asks_again_whether_the_record_goes(ws, inspection, colleague):
    note_id = ws.create("note", inspection, NOTE).entity_id
    old_head = head(ws, note_id, "text")
    ws.delete("note", note_id)
    concurrent_edit(ws, colleague, inspection, note_id, "text", "Added offline", [old_head.op_id])
    settled = ws.resolve(note_id, DELETED, True)
    assert ws.get("note", note_id) is None

    ws.apply(settled.inverse())
    assert [r[0] for r in conflict_rows(ws, note_id)] == [DELETED]
    assert ws.get("note", note_id)["text"] == "Added offline"  # kept until settled again
    ws.apply(settled)
    assert ws.get("note", note_id) is None and conflict_rows(ws, note_id) == []


def test_only_the_lead_settles_conflicts_and_moderates(ws, inspection, colleague):
    from jtai_desktop.services.moderation import mark_moderated, settle_conflict

    finding_id = ws.create(
        "finding", inspection, {"kind": "strength", "title": "T", "agencies": ["partnership"]}
    ).entity_id
    with pytest.raises(ValidationError, match="Only the lead"):
        mark_moderated(colleague, inspection, [("finding", finding_id)])
    with pytest.raises(ValidationError, match="Only the lead"):
        settle_conflict(colleague, inspection, finding_id, "title", "X")
    changes = mark_moderated(ws, inspection, [("finding", finding_id)])
    assert ws.get("finding", finding_id)["moderated"] == 1
    ws.apply(changes.inverse())
    assert not ws.get("finding", finding_id)["moderated"]


def test_a_clock_resumed_from_stamps_read_elsewhere_carries_on_after_them(context, ws, inspection):
    """The desktop reads the clock's stamps on a worker's connection; adopting them resumes
    the clock as the first write would have, without scanning the change log itself."""
    from jtai_desktop.services.workspace import clock_stamps

    ws.create("note", inspection, NOTE)
    last = str(ws.clock.last)  # the stamp of the note's last op: the newest of all here
    worker = context.worker_database()
    try:
        stamps = clock_stamps(worker, ws.device_id)
    finally:
        worker.close()
    assert stamps == (last, last)
    restarted = Workspace(ws.db, ws.device_id)  # the next session, on the same folder
    scans = []
    ws.db.conn.set_trace_callback(lambda sql: scans.append(sql) if "max(hlc)" in sql else None)
    try:
        restarted.adopt_clock(stamps)
        assert restarted.clock.tick() > last
    finally:
        ws.db.conn.set_trace_callback(None)
    assert scans == []


def test_stamps_read_ahead_never_take_a_running_clock_back(ws, inspection):
    """A write before the stamps arrive resumed the clock itself and may have stamped since:
    the stamps, read before that write, are dropped."""
    from jtai_desktop.services.workspace import clock_stamps

    restarted = Workspace(ws.db, ws.device_id)
    stale = clock_stamps(ws.db, ws.device_id)
    ws_note = restarted.create("note", inspection, NOTE).entity_id
    written = max(op.hlc for op in field_ops(restarted, ws_note, "title"))
    running = restarted.clock
    restarted.adopt_clock(stale)
    assert restarted.clock is running
    assert restarted.clock.tick() > written
