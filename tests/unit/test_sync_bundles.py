"""Bundles that cannot be trusted are refused before anything is written; replays, skewed
clocks, mass deletions, lost connections and interrupted syncs lose nothing.

A small team (lead + two members) shares one inspection through a folder. Every refusal is
checked twice: calling ``SyncRun.apply`` directly (it must raise, having written nothing) and
through an ordinary sync that finds the bad file in the shared folder (it must report a clear
error and leave the inspection exactly as it was).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from jtai_desktop.app import AppContext, open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.errors import JtaiError
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import notes, team
from jtai_desktop.services import sync as sync_service
from jtai_desktop.services.conflicts import history
from jtai_desktop.services.dump import dump_json
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.services.sync import SyncRun, accept_held
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store import oplog, sync_state
from jtai_desktop.store.migrations import known_names
from jtai_desktop.sync.bundle import BundleError, BundleHeader, read_header, seal
from jtai_desktop.sync.clock import MAX_AHEAD_MS, HybridClock, Stamp, wall_millis
from jtai_desktop.sync.ops import Op
from jtai_desktop.sync.transport import BUNDLES, FolderTransport, OfflineError

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")
DAY = 86_400_000
INVITE_PASSPHRASE = "invitation passphrase 1"
PASSPHRASE = "correct horse battery staple"  # as tests/conftest.py


@dataclass
class Team:
    lead: AppContext
    alice: AppContext
    bob: AppContext
    inspection_id: str
    share: Path
    note_ids: list[str]

    @property
    def transport(self) -> FolderTransport:
        return FolderTransport(self.share)

    @property
    def everyone(self) -> tuple[AppContext, ...]:
        return (self.lead, self.alice, self.bob)

    def device(self, ctx: AppContext) -> str:
        return team.require_team_keys(ctx.workspace, self.inspection_id).device_id

    def sync(self, ctx: AppContext, **kwargs):
        offset = SKEWS.get(id(ctx.workspace), 0)  # a laptop whose clock is wrong syncs by it
        kwargs.setdefault("now_ms", lambda: wall_millis() + offset)
        return SyncRun(ctx.workspace, self.inspection_id, self.transport, **kwargs).run()

    def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for ctx in self.everyone:
                report = self.sync(ctx)
                assert report.refused == [] and report.held == []

    def state(self, ctx: AppContext) -> tuple[str, int]:
        """What a person would notice changing: the whole inspection, and the change log."""
        return dump_json(ctx.workspace, self.inspection_id), oplog.count(
            ctx.workspace.db, self.inspection_id
        )

    def text(self, ctx: AppContext, note_id: str) -> str:
        return ctx.workspace.require("note", note_id)["text"]

    def bundle_files(self, ctx: AppContext) -> list[Path]:
        folder = self.share / self.inspection_id / self.device(ctx) / BUNDLES
        return sorted(folder.glob("[0-9]*.bundle"))


def add_note(ws, inspection_id: str, title: str, text: str = "") -> str:
    return notes.add_note(
        ws, inspection_id, kind="meeting", date=date(2026, 10, 6), title=title, text=text
    ).entity_id


@pytest.fixture(scope="module")
def crew_folders(tmp_path_factory) -> tuple[Path, str, list[str]]:
    """The lead's inspection with three notes, Alice and Bob joined, everyone synced once.
    Built once; each test works on a copy of the four folders."""
    root = tmp_path_factory.mktemp("crew")
    opened = [
        open_context(root / name, PASSPHRASE, kdf_params=fast_params_for_tests())
        for name in ("lead", "alice", "bob")
    ]
    lead = opened[0]
    inspection_id = create_inspection(
        lead.workspace,
        PACK,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    ).entity_id
    note_ids = [
        add_note(lead.workspace, inspection_id, f"Meeting {n}", f"First account {n}")
        for n in range(3)
    ]
    for member, (name, org) in zip(opened[1:], (("Alice", "cqc"), ("Bob", "hmicfrs"))):
        invitation = team.create_invitation(
            lead.workspace, inspection_id, INVITE_PASSPHRASE, name, params=fast_params_for_tests()
        )
        team.join(member.workspace, invitation, INVITE_PASSPHRASE, name, org)
    (root / "share").mkdir()
    Team(*opened, inspection_id, root / "share", note_ids).sync_all()
    for ctx in opened:
        ctx.close()
    return root, inspection_id, note_ids


@pytest.fixture
def crew(crew_folders, tmp_path, open_folder) -> Team:
    root, inspection_id, note_ids = crew_folders
    for name in ("lead", "alice", "bob", "share"):
        shutil.copytree(root / name, tmp_path / name)
    crew = Team(
        *(open_folder(tmp_path / name) for name in ("lead", "alice", "bob")),
        inspection_id,
        tmp_path / "share",
        note_ids,
    )
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1
    return crew


def edit_and_push(crew: Team, ctx: AppContext, text: str) -> Path:
    """A member's edit of the first note, pushed; the bundle file it wrote."""
    before = set(crew.bundle_files(ctx))
    notes.update_note(ctx.workspace, crew.note_ids[0], text=text)
    SyncRun(ctx.workspace, crew.inspection_id, crew.transport).push()
    (written,) = set(crew.bundle_files(ctx)) - before
    return written


def assert_refused_unchanged(crew: Team, receiver: AppContext, data: bytes, *expected: str):
    """``apply`` raises with a clear message, and the receiver's inspection is untouched."""
    before = crew.state(receiver)
    with pytest.raises(BundleError) as refused:
        SyncRun(receiver.workspace, crew.inspection_id, crew.transport).apply(data)
    message = refused.value.message
    for words in expected:
        assert words in message
    assert len(message) > 30 and message.endswith(".")  # a sentence a person can act on
    assert crew.state(receiver) == before
    assert sync_state.held(receiver.workspace.db, crew.inspection_id) == []
    return message


def assert_refused_through_sync(
    crew: Team, receiver: AppContext, path: Path, data: bytes, *expected: str
) -> None:
    """The same bytes found in the shared folder: the sync reports them, writes nothing,
    and the good file, once back, arrives on the next sync (nothing was lost)."""
    good = path.read_bytes()
    path.write_bytes(data)
    before = crew.state(receiver)
    report = crew.sync(receiver)
    assert len(report.refused) == 1
    for words in expected:
        assert words in report.refused[0]
    assert report.applied_ops == 0
    assert crew.state(receiver) == before
    path.write_bytes(good)
    report = crew.sync(receiver)
    assert report.refused == [] and report.applied_ops > 0


def assert_skipped_through_sync(crew: Team, receiver: AppContext, path: Path, data: bytes) -> None:
    """A file that is not whole (cut short, altered) in the shared folder: the sync skips it
    and says whose changes it waits for, never refusing the writer's work; once the writer
    has sent it again, it arrives (nothing was lost)."""
    good = path.read_bytes()
    path.write_bytes(data)
    before = crew.state(receiver)
    report = crew.sync(receiver)
    assert report.refused == [] and report.applied_ops == 0
    first, last = (int(part) for part in path.stem.split("-"))
    span = f"change {first}" if first == last else f"changes {first}\u2013{last}"
    assert report.waiting == [
        f"Waiting for Alice's {span} (the file on the share is damaged); their computer "
        "will send them again on its next sync."
    ]
    assert report.exit_code == 7
    assert crew.state(receiver) == before
    path.write_bytes(good)
    report = crew.sync(receiver)
    assert report.refused == report.waiting == [] and report.applied_ops > 0


# --- refused before anything is written ----------------------------------------------------


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def header_span(data: bytes) -> tuple[int, int]:
    length = int.from_bytes(data[8:12], "big")
    return 12, 12 + length


def test_a_bundle_with_a_changed_ciphertext_byte_is_refused(crew):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    data = path.read_bytes()
    _, end = header_span(data)
    tampered = flip(data, end + 12 + 5)  # inside the ciphertext, past the nonce
    assert_refused_unchanged(crew, crew.lead, tampered, "failed its signature check")
    assert_skipped_through_sync(crew, crew.lead, path, tampered)
    assert crew.text(crew.lead, crew.note_ids[0]) == "Alice's account"


@pytest.mark.parametrize("field", ["last_seq", "schema", "format"])
def test_a_bundle_with_a_changed_header_is_refused(crew, field):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    data = path.read_bytes()
    start, end = header_span(data)
    header = data[start:end]
    at = start + header.index(f'"{field}":'.encode()) + len(field) + 3
    if field == "schema":
        at += 2  # inside the first migration's name
    tampered = flip(data, at)
    message = assert_refused_unchanged(crew, crew.lead, tampered)
    assert any(words in message for words in ("signature check", "header is damaged", "has format"))
    if "has format" in message:  # a bundle of another version is refused, not waited for
        assert_refused_through_sync(crew, crew.lead, path, tampered)
    else:
        assert_skipped_through_sync(crew, crew.lead, path, tampered)


@pytest.mark.parametrize("keep", [0.5, 0.99, 20])
def test_a_truncated_bundle_is_refused(crew, keep):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    data = path.read_bytes()
    cut = data[: int(len(data) * keep)] if keep < 1 else data[:keep]
    message = assert_refused_unchanged(crew, crew.lead, cut)
    assert any(words in message for words in ("cut short", "signature check", "header is"))
    assert_skipped_through_sync(crew, crew.lead, path, cut)


def test_garbage_is_refused_as_not_a_bundle(crew):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    garbage = os.urandom(len(path.read_bytes()))
    assert_refused_unchanged(crew, crew.lead, garbage, "not a bundle")
    assert_skipped_through_sync(crew, crew.lead, path, garbage)


def next_bundle(
    crew: Team,
    ctx: AppContext,
    ops_from: list[Op] | None = None,
    *,
    data_key: bytes | None = None,
    signing_key=None,
    device_id: str | None = None,
    schema: tuple[str, ...] | None = None,
) -> tuple[BundleHeader, bytes]:
    """A bundle as ``ctx``'s device would write next, with parts swapped as asked."""
    keys = team.require_team_keys(ctx.workspace, crew.inspection_id)
    device = device_id or keys.device_id
    first = oplog.last_seq(ctx.workspace.db, crew.inspection_id, device) + 1
    ops = [
        Op(**{**op.__dict__, "device_id": device, "seq": first + n})
        for n, op in enumerate(ops_from or [])
    ]
    header = BundleHeader(
        crew.inspection_id,
        device,
        first,
        first + len(ops) - 1,
        schema or tuple(sorted(known_names())),
    )
    return header, seal(header, ops, data_key or keys.data_key, signing_key or keys.signing_key)


def note_op(
    crew: Team, ctx: AppContext, text: str, *, entity="note", entity_id=None, field="text"
) -> Op:
    return Op(
        op_id=os.urandom(16).hex(),
        inspection_id=crew.inspection_id,
        entity=entity,
        entity_id=entity_id or crew.note_ids[0],
        field=field,
        value=text,
        hlc=ctx.workspace.clock.tick(),
        device_id="",
        author="someone",
    )


def put_bundle(crew: Team, header: BundleHeader, data: bytes) -> Path:
    crew.transport.put(crew.inspection_id, header.device_id, BUNDLES, header.name, data)
    return crew.share / crew.inspection_id / header.device_id / BUNDLES / header.name


def test_a_bundle_sealed_with_another_inspections_key_is_refused(crew):
    header, data = next_bundle(
        crew, crew.alice, [note_op(crew, crew.alice, "Forged")], data_key=os.urandom(32)
    )
    assert_refused_unchanged(crew, crew.lead, data, "could not be decrypted")
    before = crew.state(crew.lead)
    put_bundle(crew, header, data)
    report = crew.sync(crew.lead)
    assert ["could not be decrypted" in r for r in report.refused] == [True]
    assert crew.state(crew.lead) == before


def test_a_bundle_from_a_device_not_on_the_team_is_refused(crew):
    stranger = os.urandom(16).hex()
    header, data = next_bundle(
        crew,
        crew.alice,
        [note_op(crew, crew.alice, "Intruder")],
        signing_key=Ed25519PrivateKey.generate(),
        device_id=stranger,
    )
    assert_refused_unchanged(crew, crew.lead, data, "not on this inspection's team")
    put_bundle(crew, header, data)
    for ctx in crew.everyone:
        before = crew.state(ctx)
        report = crew.sync(ctx)
        assert [
            stranger[:8] in r and "not on this inspection's team" in r for r in report.refused
        ] == [True]
        assert crew.state(ctx) == before
    assert crew.text(crew.bob, crew.note_ids[0]) == "First account 0"


def test_a_revoked_devices_later_bundles_are_refused(crew):
    bob_device = crew.device(crew.bob)
    team.revoke_device(crew.lead.workspace, crew.inspection_id, bob_device)
    crew.sync(crew.lead)
    crew.sync(crew.alice)  # Alice learns of the revocation from the lead
    path = edit_and_push(crew, crew.bob, "Bob's account after he was removed")
    data = path.read_bytes()
    assert_refused_unchanged(crew, crew.lead, data, "removed from the team")
    for ctx in (crew.lead, crew.alice):
        before = crew.state(ctx)
        report = crew.sync(ctx)
        assert ["removed from the team" in r for r in report.refused] == [True]
        assert crew.state(ctx) == before
        assert crew.text(ctx, crew.note_ids[0]) == "First account 0"
    roster = {d["id"]: d["status"] for d in team.roster(crew.alice.workspace, crew.inspection_id)}
    assert roster[bob_device] == team.REVOKED
    # Told once: the next syncs are quiet until the removed device writes again.
    assert crew.sync(crew.lead).refused == []
    edit_and_push(crew, crew.bob, "And again")
    assert ["removed from the team" in r for r in crew.sync(crew.lead).refused] == [True]
    assert crew.text(crew.lead, crew.note_ids[0]) == "First account 0"


def test_a_member_cannot_change_the_roster(crew):
    alice = crew.alice
    bob_device = crew.device(crew.bob)
    revoke = note_op(crew, alice, "revoked", entity="device", entity_id=bob_device, field="status")
    header, data = next_bundle(crew, alice, [revoke])
    assert_refused_unchanged(crew, crew.lead, data, "only the lead may do")
    assert_refused_unchanged(crew, crew.bob, data, "only the lead may do")
    put_bundle(crew, header, data)
    for ctx in (crew.lead, crew.bob):
        before = crew.state(ctx)
        report = crew.sync(ctx)
        assert ["only the lead may do" in r for r in report.refused] == [True]
        assert crew.state(ctx) == before
    statuses = {d["status"] for d in team.roster(crew.lead.workspace, crew.inspection_id)}
    assert statuses == {team.ACTIVE}


@pytest.mark.parametrize("field,value", [("status", "revoked"), ("is_lead", True)])
def test_a_member_cannot_change_the_roster_by_calling_a_device_something_else(crew, field, value):
    """An op that names a device record but says it is a note must not slip past the
    lead-only rule (it would revoke a colleague, or make the member a lead)."""
    alice = crew.alice
    target = crew.device(crew.bob) if field == "status" else crew.device(alice)
    disguised = note_op(crew, alice, value, entity="note", entity_id=target, field=field)
    header, data = next_bundle(crew, alice, [disguised])
    assert_refused_unchanged(crew, crew.lead, data)
    put_bundle(crew, header, data)
    before = crew.state(crew.lead)
    report = crew.sync(crew.lead)
    assert len(report.refused) == 1
    assert crew.state(crew.lead) == before
    roster = team.roster(crew.lead.workspace, crew.inspection_id)
    assert {d["status"] for d in roster} == {team.ACTIVE}
    assert [d["is_lead"] for d in roster].count(True) == 1


def test_a_bundle_from_a_newer_version_is_refused(crew):
    schema = tuple(sorted(known_names())) + ("9999_a_future_migration",)
    header, data = next_bundle(
        crew, crew.alice, [note_op(crew, crew.alice, "From the future")], schema=schema
    )
    assert_refused_unchanged(crew, crew.lead, data, "newer version")
    put_bundle(crew, header, data)
    before = crew.state(crew.lead)
    report = crew.sync(crew.lead)
    assert ["newer version" in r for r in report.refused] == [True]
    assert crew.state(crew.lead) == before


# --- replays -------------------------------------------------------------------------------


def test_replaying_bundles_changes_nothing(crew):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    data = path.read_bytes()
    run = SyncRun(crew.lead.workspace, crew.inspection_id, crew.transport)
    assert run.apply(data) == 1
    after_first = crew.state(crew.lead)
    assert crew.text(crew.lead, crew.note_ids[0]) == "Alice's account"
    assert run.apply(data) == 0
    assert crew.state(crew.lead) == after_first
    report = crew.sync(crew.lead)
    assert (report.applied_ops, report.refused, report.held) == (0, [], [])
    assert crew.state(crew.lead) == after_first
    crew.sync_all()
    crew.sync_all()
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


def test_a_bundle_that_would_leave_a_gap_waits_for_the_earlier_one(crew):
    """Applying a later bundle first must not hide the earlier one for good."""
    first = edit_and_push(crew, crew.alice, "Alice's first account")
    second = edit_and_push(crew, crew.alice, "Alice's second account")
    run = SyncRun(crew.lead.workspace, crew.inspection_id, crew.transport)
    before = crew.state(crew.lead)
    assert run.apply(second.read_bytes()) == 0
    assert crew.state(crew.lead) == before
    assert run.apply(first.read_bytes()) == 1
    assert run.apply(second.read_bytes()) == 1
    assert crew.text(crew.lead, crew.note_ids[0]) == "Alice's second account"
    crew.sync_all()
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


# --- clocks --------------------------------------------------------------------------------


SKEWS: dict[int, int] = {}  # id of a skewed laptop's workspace -> its clock's error (ms)


def skew(ctx: AppContext, offset_ms: int) -> None:
    """This laptop's wall clock is ``offset_ms`` off (it has seen what it has seen)."""
    ws = ctx.workspace
    clock = HybridClock(ws.device_id, now=lambda: wall_millis() + offset_ms)
    newest = oplog.newest_stamp(ws.db)
    if newest:
        clock.observe(newest)
    ctx.workspace = Workspace(ws.db, ws.device_id, ws.blobs, clock=clock)
    SKEWS[id(ctx.workspace)] = offset_ms


def text_heads(ctx: AppContext, note_id: str) -> list[Op]:
    from jtai_desktop.sync.merge import field_heads

    return list(field_heads(oplog.ops_for_field(ctx.workspace.db, note_id, "text")))


def test_a_day_ahead_and_a_day_behind_keep_causal_order(crew):
    skew(crew.alice, +DAY)
    skew(crew.bob, -DAY)
    note = crew.note_ids[0]
    # Alice (a day fast) writes; Bob (a day slow) reads it and writes after it.
    notes.update_note(crew.alice.workspace, note, text="Alice, from a fast laptop")
    crew.sync(crew.alice)
    crew.sync(crew.bob)
    assert crew.text(crew.bob, note) == "Alice, from a fast laptop"
    notes.update_note(crew.bob.workspace, note, text="Bob, who read Alice's account")
    (alice_op,) = text_heads(crew.alice, note)
    (bob_op,) = text_heads(crew.bob, note)
    assert alice_op.op_id in bob_op.parents  # the order comes from what Bob saw ...
    # ... not from the clock: Bob's stamp follows his own clock, not Alice's, two days ahead
    assert Stamp.parse(bob_op.hlc).millis <= wall_millis() - DAY + MAX_AHEAD_MS
    # And back: Alice answers Bob, then the lead edits last of all.
    crew.sync_all()
    notes.update_note(crew.alice.workspace, note, text="Alice, answering Bob")
    crew.sync_all()
    notes.update_note(crew.lead.workspace, note, text="The lead's summary")
    crew.sync_all()
    for ctx in crew.everyone:
        assert crew.text(ctx, note) == "The lead's summary"
        heads = text_heads(ctx, note)
        assert [h.value for h in heads] == ["The lead's summary"]
    dumps = {crew.state(ctx) for ctx in crew.everyone}
    assert len(dumps) == 1
    assert json.loads(dumps.pop()[0])["conflicts"] == []


def test_concurrent_edits_on_skewed_clocks_are_kept_not_decided_by_the_clock(crew):
    skew(crew.alice, +DAY)
    skew(crew.bob, -DAY)
    note = crew.note_ids[1]
    notes.update_note(crew.alice.workspace, note, text="Alice's view")
    notes.update_note(crew.bob.workspace, note, text="Bob's view")
    crew.sync_all()
    dumps = {crew.state(ctx)[0] for ctx in crew.everyone}
    assert len(dumps) == 1
    conflicts = json.loads(dumps.pop())["conflicts"]
    assert [(c["entity_id"], c["field"]) for c in conflicts] == [(note, "text")]
    assert {v["value"] for v in conflicts[0]["values"]} == {"Alice's view", "Bob's view"}


def far_future_edit(crew: Team, days: int = 10) -> str:
    """Bob's laptop thinks it is ``days`` days from now; his edit is pushed."""
    skew(crew.bob, days * DAY)
    notes.update_note(crew.bob.workspace, crew.note_ids[2], text="Bob, ten days from now")
    crew.sync(crew.bob)
    return crew.note_ids[2]


def test_work_from_a_fast_clock_is_applied_and_the_team_told_whose_clock_it_is(crew):
    note = far_future_edit(crew)
    for ctx in (crew.lead, crew.alice):
        report = crew.sync(ctx)
        assert report.applied_ops == 1 and report.held == [] and report.exit_code == 0
        assert crew.text(ctx, note) == "Bob, ten days from now"
        assert report.clock == [
            "Bob's computer's clock is about 10 days fast. Their changes were applied, and "
            "their times are marked in the history; ask them to correct the date and time."
        ]
        marked = [c for c in history(ctx.workspace, note) if c["value"] == "Bob, ten days from now"]
        assert marked and 9.9 * DAY < marked[0]["clock_offset_ms"] < 10.1 * DAY
        assert all(c["clock_offset_ms"] is None for c in history(ctx.workspace, note)[:-1])
    assert sync_state.held(crew.lead.workspace.db, crew.inspection_id) == []
    # Bob hears it from the others' notices, and his later work still arrives.
    notes.update_note(crew.bob.workspace, crew.note_ids[0], text="Bob, later")
    report = crew.sync(crew.bob)
    assert [m for m in report.clock if m.startswith("This computer's clock")] == [
        "This computer's clock seems to be about 10 days fast, compared with the rest of "
        "the team's. Your work still syncs, but its times are marked as doubtful: correct "
        "the computer's date and time."
    ]
    assert crew.sync(crew.lead).applied_ops == 1
    assert crew.text(crew.lead, crew.note_ids[0]) == "Bob, later"
    crew.sync_all()
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


def test_a_slow_clock_finds_itself_out_and_the_team_hears_of_it(crew):
    skew(crew.bob, -3 * DAY)
    crew.sync(crew.lead)
    crew.sync(crew.alice)  # both colleagues' notices are fresh: three days ahead of Bob
    report = crew.sync(crew.bob)
    assert any("This computer's clock seems to be about 3 days slow" in m for m in report.clock)
    report = crew.sync(crew.lead)
    assert any(m.startswith("Bob's computer's clock is about 3 days slow") for m in report.clock)


def test_a_bundle_held_by_the_previous_release_for_its_clock_is_applied(crew):
    """Release 0.1 held bundles stamped days ahead; after the upgrade they apply."""
    note = far_future_edit(crew)
    (path,) = crew.bundle_files(crew.bob)[-1:]
    first, last = (int(part) for part in path.stem.split("-"))
    sync_state.hold(
        crew.lead.workspace.db,
        crew.inspection_id,
        crew.device(crew.bob),
        first,
        last,
        f"{sync_service.FUTURE_HOLD} (a wrong clock on device {crew.device(crew.bob)[:8]}?) "
        "are kept aside, not applied.",
        path.read_bytes(),
    )
    report = crew.sync(crew.lead)
    assert report.held == [] and crew.text(crew.lead, note) == "Bob, ten days from now"
    assert sync_state.held(crew.lead.workspace.db, crew.inspection_id) == []


# --- mass deletion -------------------------------------------------------------------------


def test_a_bundle_deleting_a_large_share_is_held_for_the_lead(crew):
    extra = [add_note(crew.lead.workspace, crew.inspection_id, f"Visit {n}") for n in range(12)]
    crew.sync_all()
    total = sum(oplog.count_records(crew.lead.workspace.db, crew.inspection_id).values())
    doomed = extra + crew.note_ids
    assert len(doomed) > 0.2 * total
    for note in doomed:
        crew.bob.workspace.delete("note", note)
    crew.sync(crew.bob)
    before = crew.state(crew.lead)
    report = crew.sync(crew.lead)
    assert len(report.held) == 1 and f"deletes {len(doomed)} of {total}" in report.held[0]
    assert crew.state(crew.lead) == before
    assert len(crew.lead.workspace.rows("note", crew.inspection_id)) == len(doomed)
    (held,) = sync_state.held(crew.lead.workspace.db, crew.inspection_id)
    assert accept_held(crew.lead.workspace, held["id"]) == len(doomed)
    assert crew.lead.workspace.rows("note", crew.inspection_id) == []
    assert sync_state.held(crew.lead.workspace.db, crew.inspection_id) == []
    # Members do not hold it waiting for a confirmation only the lead can give.
    for _ in range(2):
        for ctx in crew.everyone:
            assert crew.sync(ctx).refused == []
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


# --- offline and interrupted ---------------------------------------------------------------


def test_a_missing_sync_folder_is_offline_and_nothing_is_lost(crew, tmp_path):
    notes.update_note(crew.alice.workspace, crew.note_ids[0], text="Written on a train")
    before = crew.state(crew.alice)
    absent = FolderTransport(tmp_path / "unplugged-usb-stick")
    with pytest.raises(OfflineError) as offline:
        sync_service.sync(crew.alice.workspace, crew.inspection_id, absent)
    assert "not available" in offline.value.message and "kept" in offline.value.message
    assert offline.value.exit_code == 5
    assert crew.state(crew.alice) == before
    assert sync_state.last_sync(crew.alice.workspace.db, crew.inspection_id)["outcome"] == "offline"
    crew.sync_all()
    assert crew.text(crew.lead, crew.note_ids[0]) == "Written on a train"
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


class FlakyTransport(FolderTransport):
    """A connection that drops after ``puts`` uploads."""

    def __init__(self, root: Path, puts: int):
        super().__init__(root)
        self.left = puts

    def put(self, *args) -> None:
        if self.left == 0:
            raise OfflineError("The connection dropped.")
        self.left -= 1
        super().put(*args)


def test_a_sync_cut_off_mid_way_resumes_and_converges(crew, monkeypatch):
    monkeypatch.setattr(sync_service, "BUNDLE_MAX_OPS", 2)
    for n in range(7):
        notes.update_note(crew.alice.workspace, crew.note_ids[n % 3], text=f"Alice's draft {n}")
    flaky = FlakyTransport(crew.share, puts=2)
    already = len(crew.bundle_files(crew.alice))
    with pytest.raises(OfflineError):
        SyncRun(crew.alice.workspace, crew.inspection_id, flaky).run()
    assert len(crew.bundle_files(crew.alice)) == already + 2
    report = crew.sync(crew.lead)  # takes what arrived: the first four changes
    assert report.applied_ops == 4 and report.refused == []
    assert crew.text(crew.lead, crew.note_ids[0]) == "Alice's draft 3"
    crew.sync_all()
    for ctx in crew.everyone:
        assert [crew.text(ctx, n) for n in crew.note_ids] == [
            "Alice's draft 6",
            "Alice's draft 4",
            "Alice's draft 5",
        ]
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


def test_a_cancelled_sync_resumes_on_the_next_run(crew, monkeypatch):
    monkeypatch.setattr(sync_service, "BUNDLE_MAX_OPS", 1)
    for n in range(5):
        notes.update_note(crew.bob.workspace, crew.note_ids[0], text=f"Bob's draft {n}")
    crew.sync(crew.bob)
    run = SyncRun(
        crew.lead.workspace,
        crew.inspection_id,
        crew.transport,
        is_cancelled=lambda: run.report.applied_bundles >= 2,
    )
    report = run.run()
    assert report.cancelled and report.applied_bundles == 2
    assert crew.text(crew.lead, crew.note_ids[0]) == "Bob's draft 1"
    assert (
        sync_state.last_sync(crew.lead.workspace.db, crew.inspection_id)["outcome"] == "cancelled"
    )
    report = crew.sync(crew.lead)
    assert not report.cancelled and report.applied_bundles > 0
    assert crew.text(crew.lead, crew.note_ids[0]) == "Bob's draft 4"
    crew.sync_all()
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


def test_bundle_files_carry_no_readable_content(crew):
    secret = "Child disclosed domestic abuse at the strategy meeting"
    path = edit_and_push(crew, crew.alice, secret)
    raw = path.read_bytes()
    assert secret.encode() not in raw and b"domestic abuse" not in raw
    assert read_header(raw).device_id == crew.device(crew.alice)


# --- what a shared folder really holds -----------------------------------------------------


class LeadLastTransport(FolderTransport):
    """A folder that lists the lead's device last (listing order is up to the server)."""

    def __init__(self, root: Path, lead_device: str):
        super().__init__(root)
        self.lead_device = lead_device

    def list_devices(self, inspection_id: str) -> list[str]:
        return sorted(super().list_devices(inspection_id), key=lambda d: d == self.lead_device)


def test_a_new_members_work_arrives_with_the_roster_that_admits_it(crew, tmp_path, open_folder):
    invitation = team.create_invitation(
        crew.lead.workspace,
        crew.inspection_id,
        INVITE_PASSPHRASE,
        "Carol",
        params=fast_params_for_tests(),
    )
    carol = open_folder(tmp_path / "carol")
    team.join(carol.workspace, invitation, INVITE_PASSPHRASE, "Carol", "hmi_probation")
    crew.sync(crew.lead)  # the roster with Carol's device
    notes.update_note(carol.workspace, crew.note_ids[0], text="Carol's first visit")
    crew.sync(carol)
    odd_order = LeadLastTransport(crew.share, crew.device(crew.lead))
    report = SyncRun(crew.alice.workspace, crew.inspection_id, odd_order).run()
    assert report.refused == []
    assert crew.text(crew.alice, crew.note_ids[0]) == "Carol's first visit"


def test_stray_files_in_the_shared_folder_are_ignored(crew):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    folder = path.parent
    (folder / "desktop.ini").write_text("[.ShellClassInfo]\n")
    (folder / f"{path.stem} (Bob's conflicted copy).bundle").write_bytes(path.read_bytes())
    (folder / "Thumbs.db").write_bytes(b"\0" * 16)
    for ctx in (crew.lead, crew.bob):
        report = crew.sync(ctx)
        assert report.refused == [] and report.applied_ops == 1
        assert crew.text(ctx, crew.note_ids[0]) == "Alice's account"
    notes.update_note(crew.alice.workspace, crew.note_ids[0], text="Alice, again")
    assert crew.sync(crew.alice).pushed_ops == 1
    crew.sync_all()
    assert len({crew.state(ctx) for ctx in crew.everyone}) == 1


class VanishingFiles(FolderTransport):
    """A folder whose files disappear between listing and reading (a cloud client renaming
    them, a USB stick pulled out mid-sync)."""

    def __init__(self, root: Path, pull_out: bool):
        super().__init__(root)
        self.pull_out = pull_out

    def get(self, inspection_id, device_id, kind, name) -> bytes:
        if self.pull_out:
            self.root.rename(self.root.with_name("unplugged"))
        else:
            (self.root / inspection_id / device_id / kind / name).unlink()
        return super().get(inspection_id, device_id, kind, name)


@pytest.mark.parametrize("pull_out", [False, True])
def test_a_file_gone_mid_sync_is_a_clear_error_and_nothing_is_lost(crew, pull_out):
    edit_and_push(crew, crew.alice, "Alice's account")
    before = crew.state(crew.lead)
    with pytest.raises(JtaiError) as failed:
        SyncRun(crew.lead.workspace, crew.inspection_id, VanishingFiles(crew.share, pull_out)).run()
    assert isinstance(failed.value, OfflineError) == pull_out
    assert "sync again" in failed.value.message
    assert crew.state(crew.lead) == before


def member_id_of(crew: Team, ctx: AppContext) -> str:
    return ctx.workspace.author_for(crew.inspection_id)


def test_a_value_the_app_could_not_have_written_is_refused(crew):
    alice = crew.alice
    bad = note_op(crew, alice, "placeholder")
    bad = Op(**{**bad.__dict__, "value": {"not": "text"}, "author": member_id_of(crew, alice)})
    header, data = next_bundle(crew, alice, [bad])
    assert_refused_unchanged(crew, crew.lead, data, "cannot store")
    put_bundle(crew, header, data)
    before = crew.state(crew.bob)
    report = crew.sync(crew.bob)
    assert ["cannot store" in r for r in report.refused] == [True]
    assert crew.state(crew.bob) == before


def test_a_member_cannot_sign_work_in_a_colleagues_name(crew):
    alice = crew.alice
    forged = Op(
        **{
            **note_op(crew, alice, "Bob never wrote this").__dict__,
            "author": member_id_of(crew, crew.bob),
        }
    )
    header, data = next_bundle(crew, alice, [forged])
    assert_refused_unchanged(crew, crew.lead, data, "another inspector's name")
    honest = Op(
        **{**note_op(crew, alice, "Alice wrote this").__dict__, "author": member_id_of(crew, alice)}
    )
    _, data = next_bundle(crew, alice, [honest])
    assert SyncRun(crew.lead.workspace, crew.inspection_id, crew.transport).apply(data) == 1
    assert crew.text(crew.lead, crew.note_ids[0]) == "Alice wrote this"


def test_a_fast_colleague_does_not_drag_the_leads_clock_along(crew):
    far_future_edit(crew, days=10)
    crew.sync(crew.lead)
    notes.update_note(crew.lead.workspace, crew.note_ids[1], text="The lead, today")
    (op,) = [
        o
        for o in oplog.ops_for_field(crew.lead.workspace.db, crew.note_ids[1], "text")
        if o.value == "The lead, today"
    ]
    ahead_ms = Stamp.parse(op.hlc).millis - int(time.time() * 1000)
    assert ahead_ms <= MAX_AHEAD_MS  # at most the documented bound, never ten days
