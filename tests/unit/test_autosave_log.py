"""Autosave does not fill the change log, and the log stays right for undo, history and sync.

A field's value that this session wrote and that has not left the device (in a bundle on a
remote, or in an invitation's snapshot) is written over by the next autosave of that field
instead of being kept beside it. Once it has left, the next edit is a new op as before.
"""

from __future__ import annotations

import random

import pytest

from jtai_desktop.services import notes, team
from jtai_desktop.services.conflicts import history
from jtai_desktop.services.sync import SyncRun
from jtai_desktop.store import oplog
from jtai_desktop.sync.transport import FolderTransport
from tests.inspections import new_inspection

INVITE_PASSPHRASE = "invitation passphrase 1"
FINAL_SIZE = 10_000
SAVES = 200


def new_note(ws, inspection_id: str) -> str:
    return notes.add_note(
        ws, inspection_id, kind="interview", date="2026-10-19", title="Interview", text=""
    ).entity_id


def typed(saves: int = SAVES, size: int = FINAL_SIZE) -> list[str]:
    """A note typed in ``saves`` pauses, ending ``size`` characters long."""
    rng = random.Random(7)
    words = [
        "the",
        "social",
        "worker",
        "visited",
        "again",
        "and",
        "saw",
        "the",
        "child",
        "alone",
        "at",
        "school",
    ]
    text = ""
    while len(text) < size:
        text += rng.choice(words) + " "
    text = text[:size]
    return [text[: size * (n + 1) // saves] for n in range(saves)]


def stored_values(ws, note_id: str) -> int:
    """Characters of the note's text kept in the change log, every op counted."""
    return sum(len(op.value or "") for op in oplog.ops_for_field(ws.db, note_id, "text"))


def text_ops(ws, note_id: str) -> list:
    return sorted(oplog.ops_for_field(ws.db, note_id, "text"), key=lambda op: op.seq)


def test_a_long_note_autosaved_200_times_keeps_one_copy(ws):
    inspection_id = new_inspection(ws)
    ws.keep_drafts()  # as the desktop does
    note_id = new_note(ws, inspection_id)
    for text in typed():
        notes.update_note(ws, note_id, text=text)
    assert ws.get("note", note_id)["text"] == typed()[-1]
    assert stored_values(ws, note_id) <= 5 * FINAL_SIZE
    assert len(text_ops(ws, note_id)) <= 3  # the first save may share the creation's moment
    assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_without_drafts_every_save_keeps_its_copy(ws):
    """What the desktop did before (and the command line still does): a copy per save."""
    inspection_id = new_inspection(ws)
    note_id = new_note(ws, inspection_id)
    for text in typed(50, 2_000):
        notes.update_note(ws, note_id, text=text)
    assert len(text_ops(ws, note_id)) == 51
    assert stored_values(ws, note_id) > 20 * 2_000


def test_undo_and_redo_of_autosaves_that_were_written_over(ws):
    inspection_id = new_inspection(ws)
    ws.keep_drafts()
    note_id = new_note(ws, inspection_id)
    saves = [notes.update_note(ws, note_id, text=t) for t in ("one", "one two", "one two three")]
    for undo, expected in zip(reversed(saves), ("one two", "one", "")):
        ws.apply(undo.inverse())
        assert ws.get("note", note_id)["text"] == expected
    for redo, expected in zip(saves, ("one", "one two", "one two three")):
        ws.apply(redo)
        assert ws.get("note", note_id)["text"] == expected


def test_history_shows_the_value_saved_last(ws):
    inspection_id = new_inspection(ws)
    ws.keep_drafts()
    note_id = new_note(ws, inspection_id)
    for text in typed(20, 400):
        notes.update_note(ws, note_id, text=text)
    shown = [entry["value"] for entry in history(ws, note_id) if entry["field"] == "text"]
    assert shown[-1] == typed(20, 400)[-1]
    assert len(shown) <= 3


@pytest.fixture
def pair(tmp_path, open_folder):
    """The lead and a member who joined by invitation, sharing a folder."""
    lead, member = open_folder(tmp_path / "lead"), open_folder(tmp_path / "member")
    inspection_id = new_inspection(lead.workspace)
    invitation = team.create_invitation(
        lead.workspace, inspection_id, INVITE_PASSPHRASE, "Member", params=_fast()
    )
    team.join(member.workspace, invitation, INVITE_PASSPHRASE, "Member", "cqc")
    share = tmp_path / "share"
    share.mkdir()
    return lead, member, inspection_id, FolderTransport(share)


def _fast():
    from jtai_desktop.crypto.kdf import fast_params_for_tests

    return fast_params_for_tests()


def sync(ctx, inspection_id, transport):
    report = SyncRun(ctx.workspace, inspection_id, transport).run()
    assert report.refused == [] and report.held == []


def test_an_edit_that_left_in_a_bundle_is_never_written_over(pair):
    lead, member, inspection_id, transport = pair
    ws = lead.workspace
    ws.keep_drafts()
    note_id = new_note(ws, inspection_id)
    notes.update_note(ws, note_id, text="Sent as it was")
    notes.update_note(ws, note_id, text="Sent as it was, then edited")  # written over: unsent
    sync(lead, inspection_id, transport)
    sent = {op.op_id: op.value for op in oplog.ops_of_inspection(ws.db, inspection_id)}
    notes.update_note(ws, note_id, text="Edited after the sync")
    notes.update_note(ws, note_id, text="Edited after the sync, and again")
    after = {op.op_id: op.value for op in oplog.ops_of_inspection(ws.db, inspection_id)}
    assert {k: after[k] for k in sent} == sent  # nothing that left was changed
    assert len(after) == len(sent) + 1  # the later edits are one new op, written over once
    sync(member, inspection_id, transport)
    sync(lead, inspection_id, transport)
    sync(member, inspection_id, transport)
    assert member.workspace.get("note", note_id)["text"] == "Edited after the sync, and again"
    mine = {op.op_id: op.value for op in oplog.ops_of_inspection(ws.db, inspection_id)}
    theirs = {
        op.op_id: op.value for op in oplog.ops_of_inspection(member.workspace.db, inspection_id)
    }
    assert mine == theirs  # the same ops with the same values on both devices


def test_an_edit_in_an_invitation_snapshot_is_never_written_over(tmp_path, open_folder):
    lead = open_folder(tmp_path / "lead")
    ws = lead.workspace
    inspection_id = new_inspection(ws)
    ws.keep_drafts()
    note_id = new_note(ws, inspection_id)
    notes.update_note(ws, note_id, text="In the invitation")
    team.create_invitation(ws, inspection_id, INVITE_PASSPHRASE, "Member", params=_fast())
    (in_snapshot,) = [op for op in text_ops(ws, note_id) if op.value == "In the invitation"]
    notes.update_note(ws, note_id, text="Edited after inviting")
    assert oplog.op_by_id(ws.db, in_snapshot.op_id) == in_snapshot
    assert text_ops(ws, note_id)[-1].value == "Edited after inviting"


def test_a_sync_on_the_other_connection_seals_what_it_sends(pair):
    """The desktop's sync runs on a second connection: what it sends is sealed in its own
    write transaction, so the desktop's next autosave adds an op rather than change one."""
    lead, _member, inspection_id, transport = pair
    ws = lead.workspace
    ws.keep_drafts()
    note_id = new_note(ws, inspection_id)
    notes.update_note(ws, note_id, text="Typed before the sync")
    background = lead.worker_workspace()
    try:
        SyncRun(background, inspection_id, transport).push()
    finally:
        background.db.close()
    before = text_ops(ws, note_id)
    notes.update_note(ws, note_id, text="Typed while it synced")
    assert text_ops(ws, note_id)[: len(before)] == before
    assert len(text_ops(ws, note_id)) == len(before) + 1


def test_a_seal_never_moves_back(ws):
    """Work fetched back from the share after a restore is sealed up to what the share holds;
    a seal given a lower number (or none) keeps what was sealed already."""
    inspection_id = new_inspection(ws)
    device = ws.device_for(inspection_id)
    last = oplog.last_seq(ws.db, inspection_id, device)
    with ws.transaction():
        assert oplog.seal(ws.db, inspection_id, device, upto=last + 5) == last + 5
        assert oplog.seal(ws.db, inspection_id, device, upto=1) == last + 5
        assert oplog.seal(ws.db, inspection_id, device) == last + 5
    assert oplog.sealed_upto(ws.db, inspection_id, device) == last + 5
