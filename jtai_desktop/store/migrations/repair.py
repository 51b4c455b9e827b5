"""What a data folder needs to repair itself: team sync's healing, and the work a kill
interrupted that the next start finishes.

Shipped migrations: never edit one, add a new one instead."""

from __future__ import annotations

from sqlite_utils import Database


def sync_healing(db: Database) -> None:
    """What team sync needs to repair itself, all local to this data folder (never synced).

    ``inspection_keys`` gains this folder's installation id (two computers that joined with
    one invitation write under one device id; this tells them apart), the lead-signed
    certificate of the device, and, when another computer turned out to hold the same
    identity, what is known of it. Folders of 0.1 get an installation id now.
    ``sent_bundles``: each bundle this device wrote to each remote, with its size and hash,
    so a sync sees cheaply which of its own files went missing or were damaged.
    ``clock_marks``: ranges of other devices' changes stamped by a clock that was wrong."""
    for column in ("installation", "certificate", "clash"):
        db["inspection_keys"].add_column(column, str)
    db.execute("UPDATE inspection_keys SET installation = lower(hex(randomblob(16)))")
    db["sent_bundles"].create(
        {
            "inspection_id": str,
            "remote": str,
            "device_id": str,
            "name": str,
            "first_seq": int,
            "last_seq": int,
            "size": int,
            "sha256": str,
        },
        pk=("inspection_id", "remote", "device_id", "name"),
    )
    db["clock_marks"].create(
        {
            "inspection_id": str,
            "device_id": str,
            "first_seq": int,
            "last_seq": int,
            "offset_ms": int,
        },
        pk=("inspection_id", "device_id", "first_seq"),
    )


def unfinished_work(db: Database) -> None:
    """Work that must finish even if the app is killed half way: files a purge still has to
    delete, a compaction it still owes, a letter's temporary file still to remove. Each row is
    written in the same transaction as the change that calls for it and removed once done;
    the next start finishes whatever is left."""
    db["unfinished_work"].create(
        {
            "id": int,
            "kind": str,
            "target": str,
            "inspection_id": str,
            "process_id": int,
            "created_at": str,
        },
        pk="id",
        not_null={"kind", "target", "created_at"},
    )
