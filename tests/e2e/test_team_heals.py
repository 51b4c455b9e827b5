"""Team sync repairs itself, tried as a team uses it: five data folders (the lead and four
members joined with real invitation files) and one shared folder, every step through the
real command line.

(a) a bundle in the middle of a device's series is deleted, (b) a device's latest bundle is
cut short in place, (c) laptops whose clocks are days fast, days slow and jumping between the
two, (d) a member invited and syncing before the lead syncs again, (e) one invitation joined
on two computers. In each, before the repair readers say on standard error whose changes
they wait for, and within two rounds of everyone syncing all five dumps are byte-identical.
"""

from __future__ import annotations

import json
import shutil

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.services.team import roster
from jtai_desktop.store import oplog
from jtai_desktop.sync.clock import MAX_AHEAD_MS, Stamp

from .team_cli import FOLDERS, MEMBERS, PASSPHRASE, Team, build_team, copy_team, invite, join
from .team_cli import wall_ms as real_now

DAY_MS = 24 * 3600 * 1000


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Team:
    return build_team(tmp_path_factory.mktemp("five"))


@pytest.fixture
def team(template, tmp_path) -> Team:
    return copy_team(template, tmp_path / "team")


def name_of(folder: str) -> str:
    return MEMBERS[folder][0]


def converge(team: Team, rounds: int = 2, names=FOLDERS) -> list[dict]:
    """Everyone syncs ``rounds`` times round; returns the last round's reports."""
    for _ in range(rounds):
        results = team.everyone_syncs(names)
    for name, (code, report, err) in results.items():
        assert code == 0, f"{name}: {err}"
        assert report["refused"] == report["held"] == report["waiting"] == []
    dumps = team.dumps(names)
    first = dumps[names[0]]
    assert all(d == first for d in dumps.values()), "the data folders differ"
    return [report for _, report, _ in results.values()]


def three_bundles(team: Team, name: str) -> list:
    """``name`` edits and syncs three times: three new bundles of its series on the share."""
    before = set(team.bundles(name))
    for seed in (11, 12, 13):
        team.simulate(name, 6, seed)
        code, report, err = team.sync(name)
        assert code == 0 and report["pushed_ops"] > 0, err
    new = sorted(set(team.bundles(name)) - before)
    assert len(new) == 3
    return new


def span(path) -> tuple[int, int]:
    first, last = path.stem.split("-")
    return int(first), int(last)


# --- (a) and (b): lost and damaged files --------------------------------------------------


def test_a_bundle_deleted_from_the_middle_of_a_series_is_sent_again(team):
    files = three_bundles(team, "ann")
    first, last = span(files[1])
    files[1].unlink()  # a cloud client lost it, or it never finished uploading
    waiting = f"Waiting for Ann Patel's changes {first}\u2013{last} (they are not on the share)"
    for reader in ("lead", "ben"):  # before Ann syncs again: they say what they wait for
        code, report, err = team.sync(reader)
        assert code == 7, err
        assert waiting in err and "their computer will send them again" in err
        assert report["waiting_for"][0]["owner"] == "Ann Patel"
    code, report, err = team.sync("ann")
    assert code == 0 and report["healed_ops"] == last - first + 1
    assert f"Your changes {first}\u2013{last} were missing from the share" in err
    converge(team)


def test_a_latest_bundle_cut_short_in_place_is_sent_again(team):
    newest = three_bundles(team, "ben")[-1]
    first, last = span(newest)
    data = newest.read_bytes()
    newest.write_bytes(data[: len(data) // 2])  # a partial upload under its final name
    for reader in ("lead", "cat", "dev"):
        code, report, err = team.sync(reader)
        assert code == 7, err  # never 6: the damaged file is skipped, not refused
        assert report["refused"] == []
        assert f"Ben Okafor's changes {first}\u2013{last} (the file on the share is damaged)" in err
    code, report, err = team.sync("ben")
    assert code == 0 and report["healed_ops"] == last - first + 1, err
    assert f"Your changes {first}\u2013{last} were damaged on the share" in err
    converge(team)


# --- (c) clocks days fast, days slow, and jumping ------------------------------------------

CLOCKS = {"ann": ["+4d"], "ben": ["-2d"], "cat": ["+4d", "-2d"]}
OFFSET_MS = {"+4d": 4 * DAY_MS, "-2d": -2 * DAY_MS}


@pytest.mark.skipif(
    shutil.which("faketime") is None, reason="faketime is not installed (.ci/run installs it)"
)
def test_laptops_with_wrong_clocks_converge_and_never_drag_a_clock(team):
    team.clocks = CLOCKS
    windows: list[tuple[str, int, int, int, int, int]] = []  # folder, seqs, real time, offset
    for round_ in range(2):
        for n, name in enumerate(FOLDERS):
            offsets = CLOCKS.get(name, ["+0d"])
            offset = OFFSET_MS.get(offsets[team.commands.get(name, 0) % len(offsets)], 0)
            device = team.device(name)
            before = _last_seq(team, name, device)
            started = real_now()
            team.simulate(name, 5, 100 * round_ + n)
            windows.append(
                (name, before, _last_seq(team, name, device), started, real_now(), offset)
            )
            code, _report, err = team.sync(name)
            assert code in (0, 7), err
    reports = converge(team, rounds=2)
    assert all(r["held"] == [] for r in reports)
    # No device's new stamps ran ahead of its own clock by more than the bound.
    for name, first, last, started, ended, offset in windows:
        ctx = open_context(team.root / name, PASSPHRASE)
        try:
            device = ctx.workspace.device_for(team.inspection_id)
            ops = oplog.ops_in_range(ctx.workspace.db, team.inspection_id, device, first + 1, last)
        finally:
            ctx.close()
        for op in ops:
            assert Stamp.parse(op.hlc).millis <= ended + offset + MAX_AHEAD_MS, name
            if offset:  # the laptop really ran on its wrong clock
                assert Stamp.parse(op.hlc).millis >= started + offset - MAX_AHEAD_MS, name
    # The team is told whose clock is wrong, naming the right computers.
    code, _report, err = team.sync("lead")
    assert "Ann Patel's computer's clock is about 4 days fast" in err
    code, _report, err = team.sync("ben")
    assert "This computer's clock seems to be about 2 days slow" in err
    assert "Ann Patel" in err  # and Ann is named from Ben's side too
    assert team.ok("lead", "held", team.inspection_id) in ("", "Nothing is held.\n")
    # The history marks the times Ann's laptop stamped as doubtful.
    ann = team.device("ann")
    ctx = open_context(team.root / "lead", PASSPHRASE)
    try:
        (record,) = ctx.workspace.db.execute(
            "SELECT entity_id FROM ops WHERE device_id = ? AND entity = 'note' LIMIT 1", (ann,)
        ).fetchone()
    finally:
        ctx.close()
    shown = team.ok("lead", "history", team.inspection_id, record)
    assert "[time doubtful: clock about 4 days fast]" in shown


def _last_seq(team: Team, name: str, device: str) -> int:
    ctx = open_context(team.root / name, PASSPHRASE)
    try:
        return oplog.last_seq(ctx.workspace.db, team.inspection_id, device)
    finally:
        ctx.close()


# --- (d) a member syncing before the lead's roster reaches the team -------------------------


def test_a_new_members_work_is_taken_before_the_lead_syncs_again(team):
    invitation = invite(team, "eve", "Eve Walker")
    code, out, err = join(team, "eve", invitation, "Eve Walker", "ofsted")
    assert code == 0, err
    team.simulate("eve", 8, 5)
    code, report, err = team.sync("eve")
    assert code == 0 and report["pushed_ops"] > 0, err
    for reader in ("ann", "ben", "cat", "dev"):  # the lead has not synced since inviting Eve
        code, report, err = team.sync(reader)
        assert code == 0, err
        assert report["refused"] == [] and report["applied_ops"] > 0
    converge(team, names=(*FOLDERS, "eve"))


# --- (e) one invitation joined on two computers ---------------------------------------------


def test_one_invitation_joined_twice_is_told_and_a_fresh_one_sorts_it_out(team):
    invitation = invite(team, "eve", "Eve Walker")
    assert join(team, "eve", invitation, "Eve Walker", "ofsted")[0] == 0
    # The lead emailed the same file to Fay too; the join itself cannot know.
    assert join(team, "fay", invitation, "Fay Brown", "cqc")[0] == 0
    team.simulate("eve", 6, 21)
    team.simulate("fay", 6, 22)
    fay_before = json.loads(team.dump("fay"))
    code, report, err = team.sync("eve")
    assert code == 0, err
    code, report, err = team.sync("fay")  # the second computer is told, and sends nothing
    assert code == 6 and report["duplicate"] and report["pushed_ops"] == 0
    assert "invitation that Eve Walker had already used on another computer" in err
    assert "Ask your lead inspector for a fresh invitation" in err
    code, report, err = team.sync("eve")  # so is the first ...
    assert code == 0 and "Your invitation was also used on another computer, by Fay Brown" in err
    code, report, err = team.sync("lead")  # ... and the lead, who can act on it
    assert "was joined on two computers: by Eve Walker and by Fay Brown" in err
    assert report["fresh_invitations"][0]["name"] == "Fay Brown"
    # The lead issues a fresh invitation; Fay joins with it in the same data folder.
    fresh = invite(team, "fay-again", "Fay Brown")
    code, out, err = join(team, "fay", fresh, "Fay Brown", "cqc")
    assert code == 0, err
    names = (*FOLDERS, "eve", "fay")
    converge(team, names=names)
    state = json.loads(team.dump("lead"))
    members = {m["id"]: m for m in state["tables"]["members"]}
    by_name = {m["name"]: m for m in members.values()}
    assert by_name["Eve Walker"]["device_id"] != by_name["Fay Brown"]["device_id"]
    assert by_name["Eve Walker"]["evidence_block"] != by_name["Fay Brown"]["evidence_block"]
    # Neither person's work was lost, and every change is signed by its author's device.
    fay_notes = {n["id"] for n in fay_before["tables"]["notes"]}
    assert fay_notes <= {n["id"] for n in state["tables"]["notes"]}
    ctx = open_context(team.root / "lead", PASSPHRASE)
    try:
        devices = {d["id"]: d for d in roster(ctx.workspace, team.inspection_id)}
        for member in (by_name["Eve Walker"], by_name["Fay Brown"]):
            signed = {
                row[0]
                for row in ctx.workspace.db.execute(
                    "SELECT DISTINCT device_id FROM ops WHERE inspection_id = ? AND author = ?",
                    (team.inspection_id, member["id"]),
                )
            }
            assert signed == {member["device_id"]} and member["device_id"] in devices
        refs = [e["ref"] for e in state["tables"]["evidence"]]
        assert len(refs) == len(set(refs))  # no evidence number given twice
    finally:
        ctx.close()
    code, report, err = team.sync("lead")
    assert code == 0 and report["identity"] == [] and report["fresh_invitations"] == []
