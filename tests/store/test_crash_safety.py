"""A save the user saw as saved survives a killed process.

A forked writer saves notes and evidence files through the real services and reports each
save only after the call returned (the moment the app shows "saved"). The test kills it with
SIGKILL at a random moment, then proves the database passes its integrity check, every
acknowledged save is there, every acknowledged file opens, and no half-written file is left.
"""

import os
import random
import select
import signal
import sys
import time
from datetime import date

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.crypto.blobcipher import BlobCipher
from jtai_desktop.services import demo, evidence, notes
from jtai_desktop.services.check import ORPHAN_GRACE_SECONDS, check_workspace, repair_orphans
from jtai_desktop.store.blobs import BlobStore

RUNS = 200
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


def write_until_killed(folder, passphrase, inspection_id, run, ack_fd):
    ctx = open_context(folder, passphrase)
    ws = ctx.workspace
    for i in range(10**6):
        if i % 3 == 2:
            evidence.add_evidence(
                ws,
                inspection_id,
                title=f"file-{run}-{i}",
                source="case_file",
                date=date(2026, 10, 20),
                data=f"{run}-{i}\n".encode() * 3000,
            )
        else:
            notes.add_note(
                ws,
                inspection_id,
                kind="meeting",
                date=date(2026, 10, 20),
                title=f"note-{run}-{i}",
                text="saved " * 50,
            )
        os.write(ack_fd, f"{i}\n".encode())


def run_writer(folder, passphrase, inspection_id, run, rng):
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer: never returns into pytest
        os.close(read_fd)
        try:
            write_until_killed(folder, passphrase, inspection_id, run, write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    acked = read_acks_then_kill(read_fd, pid, rng)
    os.close(read_fd)
    return acked


def read_acks_then_kill(read_fd, pid, rng):
    buffer = b""
    select.select([read_fd], [], [], 20)  # the first save
    deadline = time.monotonic() + rng.uniform(0.0, 0.12)
    while time.monotonic() < deadline:
        if select.select([read_fd], [], [], 0.002)[0]:
            buffer += os.read(read_fd, 65536)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 65536):
        buffer += chunk
    return [int(line) for line in buffer.decode().split()]


def verify(folder, passphrase, inspection_id, run, acked):
    ctx = open_context(folder, passphrase)
    try:
        ws = ctx.workspace
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        titles = {
            r["title"] for r in ws.rows("note", inspection_id, "title LIKE ?", (f"note-{run}-%",))
        }
        files = {
            r["title"]: r["sha256"]
            for r in ws.rows("evidence", inspection_id, "title LIKE ?", (f"file-{run}-%",))
        }
        for i in acked:
            if i % 3 == 2:
                assert ws.blobs.verify(files[f"file-{run}-{i}"]), (run, i)
            else:
                assert f"note-{run}-{i}" in titles, (run, i)
        assert not list(ws.blobs.root.glob(".incoming-*"))
    finally:
        ctx.close()


def test_acknowledged_saves_survive_kills(tmp_path, open_folder, passphrase):
    folder = tmp_path / "data"
    ctx = open_folder(folder)
    inspection_id = demo.build_demo(ctx.workspace, "small", 1)
    ctx.close()
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261122")))
    total = 0
    for run in range(RUNS):
        acked = run_writer(folder, passphrase, inspection_id, run, rng)
        assert acked, "the writer never saved anything"
        total += len(acked)
        verify(folder, passphrase, inspection_id, run, acked)
    final = open_folder(folder)
    report = check_workspace(final.workspace)
    # A kill between storing a file and saving its record leaves a file no record names:
    # check reports exactly those, and repairing them (once they are old enough not to be an
    # import in progress) leaves a sound folder.
    assert len(report.problems) == len(report.orphans)
    later = time.time() + ORPHAN_GRACE_SECONDS + 1
    assert repair_orphans(final.workspace, report.orphans, now=later).removed == len(report.orphans)
    assert check_workspace(final.workspace).ok
    print(f"{RUNS} kills, {total} acknowledged saves verified", file=sys.stderr)


def test_a_file_being_written_survives_another_process_opening_the_folder(tmp_path):
    """Opening a folder removes what a crash left half written; a file another process is
    still writing (two commands at once) is not that: it is stored whole."""
    root = tmp_path / "evidence"
    root.mkdir()
    (root / ".incoming-crashed").write_bytes(b"half a file")  # its writer died
    store = BlobStore(root, BlobCipher(bytes(32)))
    other = BlobStore(root, BlobCipher(bytes(32)))  # the other process's open of the folder
    removed = []

    def pieces():
        yield b"first half " * 10_000
        removed.append(other.remove_incomplete())
        yield b"second half " * 10_000

    sha, _size = store.put_chunks(pieces())
    assert removed == [1] and not list(root.glob(".incoming-*"))
    assert store.read_bytes(sha) == b"first half " * 10_000 + b"second half " * 10_000
