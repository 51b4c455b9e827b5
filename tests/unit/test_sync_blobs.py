"""Evidence files between team members: never shown as present when they are not here,
never stored when damaged on the way, fetched again on the next sync, and unreadable on the
shared folder without the inspection's key."""

from __future__ import annotations

import os
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

from jtai_desktop.crypto.blobcipher import BlobCipher, BlobDamagedError
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import evidence, team
from jtai_desktop.services.check import check_workspace
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.services.sync import SyncRun, transit_key
from jtai_desktop.sync.transport import BLOBS, FolderTransport

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")
INVITE_PASSPHRASE = "invitation passphrase 1"
CONTENT = (
    b"Extract from the case file of Child S17: strategy discussion held on 3 March; "
    b"police and health attended; the plan names the school nurse.\n"
) * 40


class Pair:
    """The lead and one member (Alice) sharing an inspection through a folder."""

    def __init__(self, tmp_path: Path, open_folder):
        self.lead = open_folder(tmp_path / "lead")
        self.inspection_id = create_inspection(
            self.lead.workspace,
            PACK,
            area="Testshire",
            notification=date(2026, 10, 5),
            lead=MemberInput("Alex Lead", "ofsted"),
        ).entity_id
        invitation = team.create_invitation(
            self.lead.workspace,
            self.inspection_id,
            INVITE_PASSPHRASE,
            "Alice",
            params=fast_params_for_tests(),
        )
        self.alice = open_folder(tmp_path / "alice")
        team.join(self.alice.workspace, invitation, INVITE_PASSPHRASE, "Alice", "cqc")
        self.share = tmp_path / "share"
        self.share.mkdir()
        self.transport = FolderTransport(self.share)
        for ctx in (self.lead, self.alice, self.lead):
            self.run(ctx).run()

    def run(self, ctx) -> SyncRun:
        return SyncRun(ctx.workspace, self.inspection_id, self.transport)

    def add_evidence(self, ctx, data: bytes = CONTENT) -> tuple[str, str]:
        changes = evidence.add_evidence(
            ctx.workspace,
            self.inspection_id,
            title="Case file extract",
            source="case_file",
            date=date(2026, 10, 6),
            data=data,
            file_name="extract.txt",
            media_type="text/plain",
        )
        row = ctx.workspace.require("evidence", changes.entity_id)
        return row["id"], row["sha256"]

    def remote_file(self, ctx, sha: str) -> Path:
        device = team.require_team_keys(ctx.workspace, self.inspection_id).device_id
        return self.share / self.inspection_id / device / BLOBS / sha


@pytest.fixture
def pair(tmp_path, open_folder) -> Pair:
    return Pair(tmp_path, open_folder)


def ops_only(pair: Pair, ctx) -> None:
    """A sync cut short after the changes went, before the files did."""
    run = pair.run(ctx)
    run.push()
    run.pull()


def test_a_file_not_yet_received_is_never_shown_as_present(pair):
    evidence_id, sha = pair.add_evidence(pair.alice)
    ops_only(pair, pair.alice)
    run = pair.run(pair.lead)
    report = run.run()
    assert report.files_received == 0
    assert pair.lead.workspace.get("evidence", evidence_id)["sha256"] == sha  # the item is here
    assert not pair.lead.workspace.blobs.exists(sha)  # its file is not
    assert run.missing_files() == {sha}
    check = check_workspace(pair.lead.workspace)
    assert check.waiting == 1 and check.ok  # waiting for the team's next sync, not a problem
    # Alice's next sync sends the file; the lead's next sync fetches it.
    assert pair.run(pair.alice).run().files_sent == 1
    run = pair.run(pair.lead)
    assert run.run().files_received == 1
    assert run.missing_files() == set()
    assert pair.lead.workspace.blobs.read_bytes(sha) == CONTENT


def damage(data: bytes, how: str) -> bytes:
    if how == "truncated":
        return data[: len(data) // 2]
    if how == "empty":
        return b""
    if how == "tampered":
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1 :]
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["truncated", "empty", "tampered"])
def test_a_damaged_file_on_the_remote_is_refused_and_fetched_again_later(pair, how):
    _, sha = pair.add_evidence(pair.alice)
    pair.run(pair.alice).run()
    remote = pair.remote_file(pair.alice, sha)
    good = remote.read_bytes()
    remote.write_bytes(damage(good, how))  # e.g. a cloud folder still downloading it
    run = pair.run(pair.lead)
    report = run.run()
    assert report.files_received == 0
    assert [("damaged" in r and "fetched again" in r) for r in report.refused] == [True]
    assert not pair.lead.workspace.blobs.exists(sha)
    assert not pair.lead.workspace.blobs.path(sha).exists()
    assert run.missing_files() == {sha}
    # Still damaged: refused again, nothing stored. Then the good copy arrives.
    assert pair.run(pair.lead).run().files_received == 0
    remote.write_bytes(good)
    run = pair.run(pair.lead)
    report = run.run()
    assert report.files_received == 1 and report.refused == []
    assert run.missing_files() == set()
    assert pair.lead.workspace.blobs.read_bytes(sha) == CONTENT


def test_a_file_that_is_not_the_one_named_is_refused(pair):
    """A valid sealed file under another file's name (a mix-up on the share) is not stored."""
    _, sha_a = pair.add_evidence(pair.alice, CONTENT)
    _, sha_b = pair.add_evidence(pair.alice, b"A different file entirely.\n")
    pair.run(pair.alice).run()
    remote_a, remote_b = pair.remote_file(pair.alice, sha_a), pair.remote_file(pair.alice, sha_b)
    good_a = remote_a.read_bytes()
    remote_a.write_bytes(remote_b.read_bytes())
    run = pair.run(pair.lead)
    report = run.run()
    assert any("did not match its hash" in r for r in report.refused)
    assert not pair.lead.workspace.blobs.exists(sha_a) and pair.lead.workspace.blobs.exists(sha_b)
    assert run.missing_files() == {sha_a}
    remote_a.write_bytes(good_a)
    assert pair.run(pair.lead).run().files_received == 1
    assert pair.lead.workspace.blobs.read_bytes(sha_a) == CONTENT


def test_a_file_on_the_remote_is_unreadable_without_the_data_key(pair):
    _, sha = pair.add_evidence(pair.alice)
    pair.run(pair.alice).run()
    raw = pair.remote_file(pair.alice, sha).read_bytes()
    for known in (b"Child S17", b"strategy discussion", b"school nurse", CONTENT[:32]):
        assert known not in raw
    assert len(set(raw[100:])) > 200  # looks like noise, not compressed text
    with pytest.raises(BlobDamagedError):
        b"".join(BlobCipher(transit_key(os.urandom(32))).decrypt(BytesIO(raw)))
    data_key = team.require_team_keys(pair.lead.workspace, pair.inspection_id).data_key
    assert b"".join(BlobCipher(transit_key(data_key)).decrypt(BytesIO(raw))) == CONTENT
    # Nor is the local copy the same bytes as the remote one (each has its own key).
    assert pair.alice.workspace.blobs.path(sha).read_bytes() != raw


def test_a_file_deleted_with_its_evidence_is_not_fetched(pair):
    evidence_id, sha = pair.add_evidence(pair.alice)
    ops_only(pair, pair.alice)
    pair.alice.workspace.delete("evidence", evidence_id)
    pair.run(pair.alice).run()
    run = pair.run(pair.lead)
    run.run()
    assert pair.lead.workspace.get("evidence", evidence_id) is None
    assert run.missing_files() == set()


def test_files_of_evidence_from_before_the_team_reach_every_member(tmp_path, open_folder):
    """Evidence the lead's folder holds under another device id (the demo's simulated team,
    work from an earlier laptop) still has its file sent: somebody must offer it."""
    from jtai_desktop.services.workspace import Workspace

    lead = open_folder(tmp_path / "lead")
    inspection_id = create_inspection(
        lead.workspace,
        PACK,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    ).entity_id
    me = lead.workspace.author_for(inspection_id)
    old_laptop = Workspace(lead.workspace.db, "0ld1aptop" * 3, lead.workspace.blobs, acting_as=me)
    changes = evidence.add_evidence(
        old_laptop,
        inspection_id,
        title="Scanned plan",
        source="case_file",
        date=date(2026, 10, 6),
        data=CONTENT,
        file_name="plan.txt",
        media_type="text/plain",
    )
    sha = lead.workspace.require("evidence", changes.entity_id)["sha256"]
    invitation = team.create_invitation(
        lead.workspace, inspection_id, INVITE_PASSPHRASE, "Alice", params=fast_params_for_tests()
    )
    alice = open_folder(tmp_path / "alice")
    team.join(alice.workspace, invitation, INVITE_PASSPHRASE, "Alice", "cqc")
    share = tmp_path / "share"
    share.mkdir()
    for ctx in (lead, alice):
        SyncRun(ctx.workspace, inspection_id, FolderTransport(share)).run()
    run = SyncRun(alice.workspace, inspection_id, FolderTransport(share))
    assert run.missing_files() == set()
    assert alice.workspace.blobs.read_bytes(sha) == CONTENT
