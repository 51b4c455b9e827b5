"""The exported file is put in place whole or not at all: a killed export, a locked target
and a full disk all leave the previous file as it was, with a message a person can act on."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time

import pytest
from docx import Document

from jtai_desktop.domain.errors import DiskFullError, StoreError
from jtai_desktop.report import output
from jtai_desktop.services import report
from jtai_desktop.services.demo import build_demo
from jtai_desktop.store import audit

PREVIOUS = b"the previous letter, which must survive"

# Runs an export in another process and stalls it after the document's bytes are in the
# temporary file but before they are on disk and renamed: the parent then kills it.
KILLED_EXPORT = """
import os, sys, time, pathlib
from jtai_desktop.app import open_context
from jtai_desktop.services import report
folder, passphrase, inspection_id, target, ready = sys.argv[1:6]
context = open_context(folder, passphrase)
def stall(fd):
    pathlib.Path(ready).write_text("in the middle of writing")
    time.sleep(120)
os.fsync = stall
report.export_letter(context.workspace, inspection_id, target)
"""


@pytest.fixture
def demo(ws):
    return ws, build_demo(ws, "small", 1)


@pytest.fixture
def target(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    path = folder / "letter.docx"
    path.write_bytes(PREVIOUS)
    return path


def test_a_killed_export_leaves_the_previous_file_and_the_next_export_tidies_up(
    demo, target, context, passphrase, tmp_path
):
    ws, iid = demo
    ready = tmp_path / "ready"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            KILLED_EXPORT,
            str(context.data_dir),
            passphrase,
            iid,
            str(target),
            str(ready),
        ],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the export never reached the write"
            time.sleep(0.05)
        child.kill()  # like a crash or a power cut in the middle of the export
    finally:
        child.wait()
        child.stderr.close()
    assert target.read_bytes() == PREVIOUS
    (left,) = output.partials(target)  # the half-done work is a hidden temporary file
    assert left.stat().st_size > 0
    assert report.export_letter(ws, iid, target).written
    assert output.partials(target) == []
    titles = [p.text for p in Document(str(target)).paragraphs if p.style.name == "Title"]
    assert titles == ["Joint targeted area inspection of Northbridge"]


def test_cleanup_removes_what_an_interrupted_export_left(target):
    stale = target.parent / f".{target.name}.abc123{output.PARTIAL_SUFFIX}"
    stale.write_bytes(b"half a document")
    assert output.remove_partials(target) == 1
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_target_open_in_another_program_keeps_the_previous_file(demo, target, monkeypatch):
    ws, iid = demo

    def locked(source, destination):  # what Windows says when Word has the file open
        raise PermissionError(errno.EACCES, "Permission denied", str(destination))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(StoreError, match="open in another program") as raised:
        report.export_letter(ws, iid, target)
    assert "previous letter.docx is unchanged" in str(raised.value)
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    # The entry is written before the rename (so a kill after it cannot leave a letter the
    # log does not know); the failed rename is then recorded after it.
    actions = [e["action"] for e in audit.entries(ws.db, iid)]
    assert actions[-2:] == ["export", "export failed"]


@pytest.mark.parametrize("where", ["fsync", "write"])
def test_a_full_disk_keeps_the_previous_file(target, monkeypatch, where):
    def no_space(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "fsync":
        monkeypatch.setattr(os, "fsync", no_space)
    else:
        real_fdopen = os.fdopen

        def full_file(fd, mode):
            handle = real_fdopen(fd, mode)
            handle.write = no_space
            return handle

        monkeypatch.setattr(output.os, "fdopen", full_file)
    with pytest.raises(DiskFullError, match="not enough disk space") as raised:
        output.write_document(target, b"new letter" * 1000)
    assert "previous letter.docx is unchanged" in str(raised.value)
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_folder_that_is_not_a_folder_is_explained(tmp_path):
    a_file = tmp_path / "report.txt"
    a_file.write_text("x")
    with pytest.raises(StoreError, match="does not exist \\(or is a file\\)"):
        output.write_document(a_file / "letter.docx", b"data")
    with pytest.raises(StoreError, match="is a folder"):
        output.write_document(tmp_path, b"data")


def test_a_folder_without_write_permission_is_explained(target, monkeypatch):
    # Tests run as root, for whom chmod does not bite: refuse the temporary file instead.
    def refused(**kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", refused)
    with pytest.raises(StoreError, match="cannot save files in"):
        output.write_document(target, b"data")
    assert target.read_bytes() == PREVIOUS


def test_a_written_document_replaces_the_previous_one_whole(target):
    output.write_document(target, b"new letter")
    assert target.read_bytes() == b"new letter"
    assert output.partials(target) == []
