"""Evidence files go through sync as streams: sealing, uploading (shared folder and WebDAV),
downloading, checking and storing a file much larger than one chunk holds a few chunks in
memory at a time, never the whole file (measured with tracemalloc), and the file arrives
intact. A file damaged on the share is refused without leaving anything behind."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from jtai_desktop.crypto.blobcipher import CHUNK
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import evidence, team
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.services.sync import SyncRun
from jtai_desktop.sync.transport import BLOBS, FolderTransport

from ..e2e.test_team_sync import WEBDAV_PASSWORD, WEBDAV_USER, WebDavServer

SIZE = 24 * 1024 * 1024  # 384 chunks
MEMORY_BOUND = 4 * 1024 * 1024  # a whole-file copy anywhere would take six times this
INVITE = "invitation passphrase 1"


def big_text_file(path: Path, size: int) -> Path:
    line = b"Case file extract, page %08d: the strategy discussion was held on time.\n"
    with open(path, "wb") as out:
        n = 0
        while out.tell() < size:
            out.write(line % n + os.urandom(24).hex().encode() + b"\n")
            n += 1
    return path


@pytest.fixture
def pair(tmp_path, open_folder):
    lead = open_folder(tmp_path / "lead")
    inspection_id = create_inspection(
        lead.workspace,
        load_pack(default_themes_dir() / "domestic-abuse.toml"),
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    ).entity_id
    from jtai_desktop.crypto.kdf import fast_params_for_tests

    member = open_folder(tmp_path / "member")
    invitation = team.create_invitation(
        lead.workspace, inspection_id, INVITE, "Sam", params=fast_params_for_tests()
    )
    team.join(member.workspace, invitation, INVITE, "Sam Patel", "cqc")
    source = big_text_file(tmp_path / "extract.txt", SIZE)
    evidence.add_evidence(
        lead.workspace,
        inspection_id,
        title="A long case file",
        source="case_file",
        date=date(2026, 10, 7),
        path=source,
    )
    return lead, member, inspection_id, hashlib.sha256(source.read_bytes()).hexdigest()


def peak_while(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def through(transport_for, pair) -> None:
    lead, member, inspection_id, sha = pair
    sender = SyncRun(lead.workspace, inspection_id, transport_for())
    sender.push()  # the ops first (small), then the file, measured on its own
    sent_peak = peak_while(sender.push_files)
    assert sender.report.files_sent == 1
    receiver = SyncRun(member.workspace, inspection_id, transport_for())
    receiver.pull()
    assert receiver.missing_files() == {sha}
    received_peak = peak_while(receiver.pull_files)
    assert receiver.report.files_received == 1 and receiver.missing_files() == set()
    assert hashlib.sha256(member.workspace.blobs.read_bytes(sha)).hexdigest() == sha
    assert sent_peak < MEMORY_BOUND, f"sending held {sent_peak // 1024} KiB"
    assert received_peak < MEMORY_BOUND, f"receiving held {received_peak // 1024} KiB"


def test_a_large_file_streams_through_a_shared_folder(pair, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    through(lambda: FolderTransport(share), pair)


def test_a_large_file_streams_through_webdav(pair, tmp_path):
    from jtai_desktop.sync.webdav import WebDavTransport

    root = tmp_path / "dav"
    (root / "team").mkdir(parents=True)
    server = WebDavServer(root)
    try:
        through(lambda: WebDavTransport(server.url, WEBDAV_USER, WEBDAV_PASSWORD), pair)
    finally:
        server.stop()


def test_a_file_damaged_on_the_share_is_refused_and_nothing_is_left(pair, tmp_path):
    lead, member, inspection_id, sha = pair
    share = tmp_path / "share"
    share.mkdir()
    SyncRun(lead.workspace, inspection_id, FolderTransport(share)).run()
    (sealed,) = share.glob(f"*/*/{BLOBS}/{sha}")
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 1  # one bit, in the middle of the file
    sealed.write_bytes(bytes(data))
    receiver = SyncRun(member.workspace, inspection_id, FolderTransport(share))
    report = receiver.run()
    assert report.files_received == 0 and "damaged in transit" in report.refused[0]
    assert receiver.missing_files() == {sha}
    store = member.workspace.blobs.root
    assert not list(store.glob(".incoming-*")) and not member.workspace.blobs.exists(sha)
    assert len(data) > 100 * CHUNK
