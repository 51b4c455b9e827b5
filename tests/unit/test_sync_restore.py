"""A member's data folder restored from an old backup loses nothing: the work the member sent
after the backup comes back from the share, and what is written after the restore reaches the
team instead of being taken for a replay."""

from __future__ import annotations

import shutil

from jtai_desktop.services import notes
from jtai_desktop.store import oplog

from .test_sync_bundles import Team, add_note, crew, crew_folders  # noqa: F401 (fixtures)


def restore(crew: Team, name: str, backup, open_folder):
    """The member's computer is replaced: the folder comes back from ``backup``."""
    ctx = getattr(crew, name)
    folder = ctx.data_dir
    ctx.close()
    shutil.rmtree(folder)
    shutil.copytree(backup, folder)
    setattr(crew, name, open_folder(folder))
    return getattr(crew, name)


def back_up(ctx, to):
    ctx.workspace.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(ctx.data_dir, to)


def test_work_sent_after_the_backup_and_written_after_the_restore_both_reach_everyone(
    crew, tmp_path, open_folder
):
    insp = crew.inspection_id
    back_up(crew.alice, tmp_path / "alice-backup")
    sent_later = [
        add_note(crew.alice.workspace, insp, f"Sent after the backup {n}") for n in range(2)
    ]
    notes.update_note(crew.alice.workspace, crew.note_ids[1], text="Alice's correction")
    assert crew.sync(crew.alice).pushed_ops > 0
    crew.sync(crew.lead)
    assert all(crew.lead.workspace.get("note", n) for n in sent_later)

    alice = restore(crew, "alice", tmp_path / "alice-backup", open_folder)
    assert alice.workspace.get("note", sent_later[0]) is None  # the backup is older
    written_after = add_note(alice.workspace, insp, "Written after the restore")
    report = crew.sync(alice)
    assert report.refused == [] and report.recovered_ops > 0 and report.renumbered_ops > 0
    assert all(alice.workspace.get("note", n) for n in sent_later)
    assert crew.text(alice, crew.note_ids[1]) == "Alice's correction"

    crew.sync_all()
    assert crew.lead.workspace.get("note", written_after)["title"] == "Written after the restore"
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1  # everyone holds the same
    device = crew.device(alice)
    seqs = [op.seq for op in oplog.ops_in_range(alice.workspace.db, insp, device, 1, 10**9)]
    assert seqs == list(range(1, len(seqs) + 1))  # numbered once each, no gaps


def test_a_restore_with_nothing_written_since_only_fetches_the_work_back(
    crew, tmp_path, open_folder
):
    insp = crew.inspection_id
    back_up(crew.bob, tmp_path / "bob-backup")
    later = add_note(crew.bob.workspace, insp, "Bob's later note")
    crew.sync(crew.bob)
    bob = restore(crew, "bob", tmp_path / "bob-backup", open_folder)
    report = crew.sync(bob)
    assert (report.recovered_ops > 0, report.renumbered_ops, report.pushed_ops) == (True, 0, 0)
    assert bob.workspace.get("note", later)["title"] == "Bob's later note"
    again = crew.sync(bob)
    assert (again.recovered_ops, again.renumbered_ops) == (0, 0)  # once only


def test_an_ordinary_sync_reads_nothing_back(crew, monkeypatch):
    add_note(crew.alice.workspace, crew.inspection_id, "An ordinary note")
    crew.sync(crew.alice)
    fetched = []
    transport = crew.transport
    original = type(transport).get
    monkeypatch.setattr(
        type(transport), "get", lambda self, *args: fetched.append(args) or original(self, *args)
    )
    add_note(crew.alice.workspace, crew.inspection_id, "Another")
    report = crew.sync(crew.alice)
    assert (report.recovered_ops, report.renumbered_ops) == (0, 0)
    device = crew.device(crew.alice)
    assert not any(args[1] == device for args in fetched)  # its own bundles are not read


def test_a_backup_from_before_the_upgrade_is_not_taken_for_a_second_computer(
    crew, tmp_path, open_folder
):
    """Restoring a backup made before the upgrade to 0.2 gives the folder a new installation
    id (the migration makes one): its work on the share, written under the old id, is still
    its own, fetched back as after any restore, and nobody is told of two computers."""
    from jtai_desktop.store import sync_records

    insp = crew.inspection_id
    back_up(crew.alice, tmp_path / "alice-backup")
    sent_later = add_note(crew.alice.workspace, insp, "Sent after the backup")
    crew.sync(crew.alice)
    alice = restore(crew, "alice", tmp_path / "alice-backup", open_folder)
    ws = alice.workspace
    sync_records.set_identity(ws.db, insp, "0" * 32, sync_records.certificate(ws.db, insp))
    report = crew.sync(alice)
    assert report.identity == [] and not report.duplicate and report.recovered_ops > 0
    assert ws.get("note", sent_later)["title"] == "Sent after the backup"
