"""A full disk during a save, an import or an export: a clear error, nothing saved before is
lost, and no half-written file is left behind.

The disk is a small tmpfs the test mounts (the CI machine runs as root). Where mounting is
not allowed, the same paths are exercised with the write failing as a full disk fails
(``OSError(ENOSPC)`` from the file layer, ``SQLITE_FULL`` from the database).
"""

import errno
import hashlib
import subprocess
from datetime import date

import pytest

from jtai_desktop.domain.errors import DiskFullError, StoreError
from jtai_desktop.files import write_atomically
from jtai_desktop.services import demo, evidence, notes
from jtai_desktop.services.dump import dump_json


@pytest.fixture
def small_disk(tmp_path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    # Room for the small demo and its write-ahead log, then little more: the test fills it.
    result = subprocess.run(
        # Room for the small demo: its database and, once a checkpoint has run, its write-ahead
        # log beside it (about 10 MB with the demo's coded passages), and little more.
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if result.returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here; see the injected-fault tests")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill_until_full(ws, inspection_id):
    saved = []
    with pytest.raises(DiskFullError, match="disk is full"):
        for i in range(100_000):
            notes.add_note(
                ws,
                inspection_id,
                kind="meeting",
                date=date(2026, 10, 20),
                title=f"filler {i}",
                text="x" * 4000,
            )
            saved.append(f"filler {i}")
    return saved


def test_save_import_and_export_on_a_full_disk(small_disk, open_folder):
    ctx = open_folder(small_disk / "data")
    ws = ctx.workspace
    inspection_id = demo.build_demo(ws, "small", 1)
    earlier_dump = small_disk / "earlier.json"
    write_atomically(earlier_dump, b"the previous export\n")
    saved = fill_until_full(ws, inspection_id)

    # Import: refused with a clear message, nothing added, no partial file.
    before = len(ws.rows("evidence", inspection_id))
    with pytest.raises(StoreError, match="Nothing was added"):
        evidence.add_evidence(
            ws,
            inspection_id,
            title="Large scan",
            source="case_file",
            date=date(2026, 10, 20),
            data=b"scanned page text\n" * 500_000,
        )
    assert len(ws.rows("evidence", inspection_id)) == before
    assert not list(ws.blobs.root.glob(".incoming-*"))

    # Export: refused, the previous file intact, no temporary file left.
    with pytest.raises(StoreError, match="previous version"):
        write_atomically(earlier_dump, dump_json(ws, inspection_id).encode() * 50)
    assert earlier_dump.read_bytes() == b"the previous export\n"
    assert [p.name for p in small_disk.iterdir() if p.name.startswith(".")] == []

    # Everything acknowledged before the disk filled is still there, intact.
    ctx.close()
    reopened = open_folder(small_disk / "data")
    titles = {r["title"] for r in reopened.workspace.rows("note", inspection_id)}
    assert set(saved) <= titles
    assert reopened.workspace.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_injected_full_database_keeps_earlier_saves(ws):
    inspection_id = demo.build_demo(ws, "small", 1)
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    saved = fill_until_full(ws, inspection_id)
    ws.db.execute("PRAGMA max_page_count = 1073741823")
    titles = {r["title"] for r in ws.rows("note", inspection_id)}
    assert set(saved) <= titles
    notes.add_note(
        ws,
        inspection_id,
        kind="meeting",
        date=date(2026, 10, 20),
        title="after",
        text="space again",
    )  # and work carries on once space is free


def test_injected_full_disk_during_import_leaves_nothing(ws, monkeypatch):
    inspection_id = demo.build_demo(ws, "small", 1)
    before = dump_json(ws, inspection_id)

    def failing(chunks):
        yield b"header"
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ws.blobs.cipher, "encrypt", failing)
    with pytest.raises(StoreError, match="No space left"):
        evidence.add_evidence(
            ws,
            inspection_id,
            title="Scan",
            source="case_file",
            date=date(2026, 10, 20),
            data=b"content",
        )
    assert dump_json(ws, inspection_id) == before
    assert not list(ws.blobs.root.glob(".incoming-*"))


def test_injected_full_disk_during_export_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "letter.json"
    target.write_bytes(b"previous")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", no_space)
    with pytest.raises(StoreError, match="No space left"):
        write_atomically(target, b"new content")
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.json"]
