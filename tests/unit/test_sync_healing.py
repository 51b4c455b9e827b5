"""The finer points of a sync that repairs itself, on a small team (lead, Alice, Bob):

* a file damaged without changing its size is found by a reader, who says so in its notice;
  the owner reads the notice, checks that file against what it wrote, and sends it again;
* an ordinary sync reads nothing back of the device's own files;
* a bundle held for the lead never holds up other devices' later work;
* a certificate not signed by the lead admits nobody, and a removed device stays refused
  whatever certificate it shows;
* a forged notice is ignored;
* which clock is wrong, by the groups of clocks that agree.
"""

from __future__ import annotations

import os

from jtai_desktop.services import team
from jtai_desktop.services.clock_check import ClockWatch
from jtai_desktop.services.sync import SyncRun
from jtai_desktop.store.migrations import known_names
from jtai_desktop.sync.bundle import BundleHeader, seal
from jtai_desktop.sync.certificate import issue
from jtai_desktop.sync.keys import new_signing_key, public_hex
from jtai_desktop.sync.notice import STATUS, seal_notice
from jtai_desktop.sync.ops import Op
from jtai_desktop.sync.transport import BUNDLES

from .test_sync_bundles import (  # noqa: F401 (fixtures)
    DAY,
    add_note,
    crew,
    crew_folders,
    edit_and_push,
    note_op,
    put_bundle,
)


def test_a_file_damaged_in_place_is_reported_by_a_reader_and_sent_again(crew):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40  # same size: the owner's listing cannot see it
    path.write_bytes(bytes(data))
    report = crew.sync(crew.lead)
    assert report.refused == [] and report.waiting[0].startswith("Waiting for Alice's change")
    # The lead's notice asks for it; Alice checks that file against what she wrote.
    report = crew.sync(crew.alice)
    assert report.healed_ops == 1 and "were damaged on the share" in report.healed[0]
    report = crew.sync(crew.lead)
    assert report.waiting == [] and crew.text(crew.lead, crew.note_ids[0]) == "Alice's account"
    # Once whole, a notice that still asks (Bob's, from before) costs a read, not a rewrite.
    crew.sync(crew.bob)
    assert crew.sync(crew.alice).healed == []


def test_an_ordinary_sync_reads_none_of_its_own_files(crew, monkeypatch):
    add_note(crew.alice.workspace, crew.inspection_id, "An ordinary note")
    crew.sync(crew.alice)
    add_note(crew.alice.workspace, crew.inspection_id, "Another")
    read = []
    original = type(crew.transport).get
    monkeypatch.setattr(
        type(crew.transport), "get", lambda self, *a: read.append(a) or original(self, *a)
    )
    report = crew.sync(crew.alice)
    assert report.pushed_ops > 0 and report.healed == []
    own = crew.device(crew.alice)
    assert not [a for a in read if a[1] == own and a[3].endswith(".bundle")]


def test_a_held_bundle_never_holds_up_other_devices_work(crew):
    extra = [add_note(crew.lead.workspace, crew.inspection_id, f"Visit {n}") for n in range(12)]
    crew.sync_all()
    for note in extra + crew.note_ids:
        crew.bob.workspace.delete("note", note)
    crew.sync(crew.bob)
    later = add_note(crew.bob.workspace, crew.inspection_id, "Bob, after deleting")
    crew.sync(crew.bob)  # Bob's later work sits behind his held bundle
    added = add_note(crew.alice.workspace, crew.inspection_id, "Alice, meanwhile")
    crew.sync(crew.alice)
    report = crew.sync(crew.lead)
    assert len(report.held) == 1 and report.waiting == []  # held: not waited for
    assert crew.lead.workspace.get("note", added)["title"] == "Alice, meanwhile"
    assert crew.lead.workspace.get("note", later) is None  # behind the hold, until confirmed
    assert report.exit_code == 0


def test_a_certificate_the_lead_did_not_sign_admits_nobody(crew):
    stranger_key, impostor_lead = new_signing_key(), new_signing_key()
    stranger = os.urandom(16).hex()
    forged = issue(impostor_lead, crew.inspection_id, stranger, public_hex(stranger_key), 7)
    op = note_op(crew, crew.alice, "From a stranger")
    op = Op(**{**op.__dict__, "device_id": stranger, "seq": 1})
    header = BundleHeader(
        crew.inspection_id, stranger, 1, 1, tuple(sorted(known_names())), certificate=forged
    )
    keys = team.require_team_keys(crew.alice.workspace, crew.inspection_id)
    put_bundle(crew, header, seal(header, [op], keys.data_key, stranger_key))
    report = crew.sync(crew.lead)
    assert ["carries no invitation signed by the lead" in r for r in report.refused] == [True]
    assert crew.text(crew.lead, crew.note_ids[0]) == "First account 0"


def test_a_removed_device_stays_refused_whatever_certificate_it_shows(crew):
    bob = crew.device(crew.bob)
    team.revoke_device(crew.lead.workspace, crew.inspection_id, bob)
    edit_and_push(crew, crew.bob, "Bob, after he was removed")  # his bundles carry his certificate
    report = crew.sync(crew.lead)
    assert ["removed from the team" in r for r in report.refused] == [True]
    assert crew.text(crew.lead, crew.note_ids[0]) == "First account 0"


def test_a_forged_notice_is_ignored(crew):
    path = edit_and_push(crew, crew.alice, "Alice's account")
    crew.sync(crew.lead)
    forger = new_signing_key()
    keys = team.require_team_keys(crew.lead.workspace, crew.inspection_id)
    forged = seal_notice(
        {"written_at": 0, "asks": [{"device": crew.device(crew.alice), "name": path.name}]},
        keys.data_key,
        forger,
    )
    crew.transport.put(crew.inspection_id, crew.device(crew.lead), BUNDLES, STATUS, forged)
    run = SyncRun(crew.alice.workspace, crew.inspection_id, crew.transport)
    report = run.run()
    assert run.notices.asks_for_me == set() and report.healed == []


def watch(**ahead_days) -> ClockWatch:
    found = ClockWatch(0, me="me", lead="lead")
    for device, days in ahead_days.items():
        found.saw(device, int(days * DAY))
    return found


def test_one_fast_clock_is_named_and_the_rest_agree():
    verdict = watch(lead=0, ann=4, dev=0.001).verdict()
    assert verdict.self_behind_ms == 0 and set(verdict.fast) == {"ann"}
    assert 3.9 * DAY < verdict.fast["ann"] < 4.1 * DAY


def test_a_computer_that_sees_the_team_ahead_knows_its_own_clock_is_slow():
    verdict = watch(lead=2, dev=2, ann=6, cat=6).verdict()  # groups tie: the lead's wins
    assert 1.9 * DAY < verdict.self_behind_ms < 2.1 * DAY
    assert set(verdict.fast) == {"ann", "cat"}


def test_a_clock_behind_proves_nothing_and_is_not_named():
    verdict = watch(lead=0, ben=-2).verdict()  # an old file, or a slow clock: unknown
    assert verdict.self_behind_ms == 0 and verdict.fast == {}


def test_two_computers_that_disagree_take_this_ones_side_unless_the_other_is_the_lead():
    assert set(watch(ann=3).verdict().fast) == {"ann"}
    verdict = watch(lead=3).verdict()
    assert verdict.fast == {} and verdict.self_behind_ms > 2.9 * DAY
