"""The command line as the README documents it: one meaning per flag (the old spelling still
works, with a warning), the shape of every ``--json`` output, forgiving input, commands that
say what is true (and say so when they change nothing), and examples under ``--help``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jtai_desktop.cli import main
from tests.cli_run import run

COUNTS = {"team", "children", "reviews", "notes", "evidence", "findings", "ops", "conflicts"}
INSPECTION_FIELDS = {"id", "title", "area", "theme", "theme_version", "notification_date", "counts"}
SIMULATE_FIELDS = {"created", "edited", "deleted", "linked", "refused"}


@pytest.fixture(autouse=True)
def _never_the_real_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("JTAI_DATA_DIR", str(tmp_path / "default-folder"))
    monkeypatch.delenv("JTAI_INVITATION_PASSPHRASE_FILE", raising=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "lead"
    code, out, _ = run("--data-dir", folder, "demo")
    assert code == 0
    return folder, out.strip()


@pytest.fixture
def lead(demo, tmp_path):
    folder, inspection_id = demo
    return shutil.copytree(folder, tmp_path / "lead"), inspection_id


@pytest.fixture
def secrets(tmp_path) -> dict[str, Path]:
    found = {}
    for name, text in (("folder", "member folder passphrase"), ("invite", "invite 7f3k q9")):
        found[name] = tmp_path / f"{name}.txt"
        found[name].write_text(text + "\n")
    return found


def invite(lead, tmp_path, *flags) -> tuple[int, str, str, Path]:
    folder, inspection_id = lead
    out_file = tmp_path / "sam.jtai-invite"
    code, out, err = run(
        "--data-dir",
        folder,
        "invite",
        inspection_id[:6],
        "--out",
        out_file,
        "--label",
        "Sam",
        *flags,
    )
    return code, out, err, out_file


def join(tmp_path, secrets, invitation: Path, *flags, inspectorate="CQC"):
    return run(
        "--data-dir",
        tmp_path / "member",
        "--passphrase-file",
        secrets["folder"],
        "join",
        invitation,
        "--name",
        "Sam Patel",
        "--inspectorate",
        inspectorate,
        *flags,
    )


# --- one meaning per flag ---------------------------------------------------------------------


def test_the_invitation_has_its_own_passphrase_flag(lead, tmp_path, secrets):
    code, out, err, invitation = invite(
        lead, tmp_path, "--invitation-passphrase-file", secrets["invite"]
    )
    assert code == 0 and err == "" and invitation.is_file()
    code, out, err = join(
        tmp_path, secrets, invitation, "--invitation-passphrase-file", secrets["invite"]
    )
    assert code == 0 and err == "" and out.strip() == lead[1]


@pytest.mark.parametrize("old", ["--passphrase-file", "--invite-passphrase-file"])
def test_the_old_spelling_still_works_for_a_release_and_warns(lead, tmp_path, secrets, old):
    code, _, err, invitation = invite(lead, tmp_path, old, secrets["invite"])
    assert code == 0
    assert "warning:" in err and "--invitation-passphrase-file" in err
    assert "next release" in err
    code, out, err = join(tmp_path, secrets, invitation, old, secrets["invite"])
    assert code == 0 and out.strip() == lead[1]
    assert "'join' now takes the invitation's passphrase as --invitation-passphrase-file" in err


def test_the_environment_names_the_invitation_passphrase_file(lead, tmp_path, secrets, monkeypatch):
    monkeypatch.setenv("JTAI_INVITATION_PASSPHRASE_FILE", str(secrets["invite"]))
    code, _, err, invitation = invite(lead, tmp_path)
    assert code == 0 and err == ""
    assert join(tmp_path, secrets, invitation)[0] == 0


def test_without_an_invitation_passphrase_a_script_is_told_the_flag(lead, tmp_path):
    code, out, err, _ = invite(lead, tmp_path)
    assert code == 1 and out == ""
    assert "--invitation-passphrase-file F" in err and "JTAI_INVITATION_PASSPHRASE_FILE" in err


# --- say what is true -------------------------------------------------------------------------


@pytest.fixture
def joined(lead, tmp_path, secrets):
    """A member's folder right after joining (any spelling of the inspectorate)."""
    _, _, _, invitation = invite(lead, tmp_path, "--invitation-passphrase-file", secrets["invite"])
    code, _, err = join(
        tmp_path,
        secrets,
        invitation,
        "--invitation-passphrase-file",
        secrets["invite"],
        inspectorate="hmi-PROBATION",
    )
    assert code == 0, err
    return tmp_path / "member", lead[1]


def member(joined, secrets, *argv):
    folder, _ = joined
    return run("--data-dir", folder, "--passphrase-file", secrets["folder"], *argv)


def test_check_right_after_joining_waits_for_the_teams_files(joined, secrets):
    code, out, err = member(joined, secrets, "check")
    assert code == 0, err
    assert "Waiting for 30 files from the team (they arrive with the next sync)." in out
    assert out.rstrip().splitlines()[-1].startswith("OK")
    assert err == ""


def test_a_lost_file_of_ones_own_is_still_a_problem(joined, secrets, tmp_path):
    from datetime import date

    from jtai_desktop.app import open_context
    from jtai_desktop.services import evidence

    folder, inspection_id = joined
    ctx = open_context(folder, secrets["folder"].read_text().strip())
    try:
        evidence.add_evidence(
            ctx.workspace,
            inspection_id,
            title="Minutes",
            source="case_file",
            date=date(2026, 10, 20),
            data=b"minutes\n" * 20,
            file_name="m.txt",
        )
        (sha,) = {e["sha256"] for e in ctx.workspace.rows("evidence", inspection_id)} & set(
            ctx.workspace.blobs.shas()
        )
    finally:
        ctx.close()
    (folder / "evidence" / sha[:2] / sha).unlink()
    code, out, err = member(joined, secrets, "check")
    assert code == 1 and "its file is missing" in err
    assert "Waiting for 30 files" in out  # the team's files are still only waiting


def test_the_inspectorate_is_taken_in_any_spelling(joined, secrets):
    dumped = json.loads(member(joined, secrets, "dump", joined[1])[1])
    sam = next(m for m in dumped["tables"]["members"] if m["name"] == "Sam Patel")
    assert sam["inspectorate"] == "hmi_probation"


def test_an_unknown_inspectorate_is_refused_with_the_choices(lead, tmp_path, secrets):
    _, _, _, invitation = invite(lead, tmp_path, "--invitation-passphrase-file", secrets["invite"])
    code, out, err = join(
        tmp_path,
        secrets,
        invitation,
        "--invitation-passphrase-file",
        secrets["invite"],
        inspectorate="NHS",
    )
    assert code == 1 and out == ""
    assert "Ofsted, CQC, HMICFRS, HMI Probation" in err


def test_held_says_when_nothing_is_held(lead):
    folder, inspection_id = lead
    assert run("--data-dir", folder, "held", inspection_id[:6]) == (0, "Nothing is held.\n", "")


def test_commands_that_change_nothing_say_so(lead):
    folder, inspection_id = lead
    base = ("--data-dir", folder)
    assert run(*base, "retention", inspection_id[:6], "2027-06-30")[1].startswith("Retention")
    code, out, _ = run(*base, "retention", inspection_id[:6], "2027-06-30")
    assert code == 0 and out == "The retention date was already 2027-06-30; nothing changed.\n"
    code, out, _ = run(*base, "rebuild")
    assert code == 0 and out == "The tables already matched the change log; nothing changed.\n"
    code, out, err = run(*base, "demo")
    assert code == 0 and out.strip() == inspection_id
    assert err == "The demo inspection was already here; nothing changed.\n"
    code, out, err = run(*base, "simulate", inspection_id[:6], "--edits", "0")
    assert code == 0 and err == "No edit was made; nothing changed.\n"
    code, out, _ = run(*base, "check", "--repair")
    assert code == 0 and out.startswith("Nothing to repair")


def test_a_sync_with_nothing_to_exchange_says_so(joined, secrets, tmp_path, lead):
    share = tmp_path / "share"
    share.mkdir()
    for _ in range(2):
        code, out, err = member(joined, secrets, "sync", joined[1][:6], "--folder", share)
        assert code == 0, err
    assert "Nothing to exchange" in err
    assert set(json.loads(out)) >= {"pushed_ops", "applied_ops", "files_sent", "files_received"}


# --- the shapes of --json outputs -------------------------------------------------------------


def test_list_json_is_an_object_of_inspections_with_the_documented_fields(lead):
    folder, inspection_id = lead
    code, out, _ = run("--data-dir", folder, "list", "--json")
    listing = json.loads(out)
    assert code == 0 and set(listing) == {"inspections"}
    (item,) = listing["inspections"]
    assert set(item) == INSPECTION_FIELDS
    assert item["id"] == inspection_id and item["theme"] == "domestic-abuse"
    assert isinstance(item["title"], str) and isinstance(item["area"], str)
    assert len(item["notification_date"]) == 10
    assert set(item["counts"]) == COUNTS
    assert all(isinstance(v, int) for v in item["counts"].values())


def test_list_json_of_an_empty_folder(tmp_path):
    code, out, _ = run("--data-dir", tmp_path / "empty", "demo", "--seed", "3")
    assert code == 0
    assert run("--data-dir", tmp_path / "empty", "purge", out.strip(), "--yes")[0] == 0
    assert json.loads(run("--data-dir", tmp_path / "empty", "list", "--json")[1]) == {
        "inspections": []
    }


def test_conflicts_json_is_a_list_of_fields_with_their_values(lead):
    folder, inspection_id = lead
    code, out, _ = run("--data-dir", folder, "conflicts", inspection_id[:6], "--json")
    assert code == 0 and json.loads(out) == []  # the shape of an item: test_team_sync


def test_simulate_prints_its_counts(lead):
    folder, inspection_id = lead
    code, out, _ = run("--data-dir", folder, "simulate", inspection_id[:6], "--edits", "5")
    counts = json.loads(out)
    assert code == 0 and set(counts) == SIMULATE_FIELDS and sum(counts.values()) == 5


def test_dump_is_the_documented_object(lead):
    folder, inspection_id = lead
    dumped = json.loads(run("--data-dir", folder, "dump", inspection_id[:6])[1])
    assert set(dumped) == {"conflicts", "format", "inspection_id", "ops", "tables"}
    assert set(dumped["ops"]) == {"count", "digest"} and dumped["inspection_id"] == inspection_id


# --- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["list", "sync", "export-report", "invite", "join", "check"])
def test_the_commands_used_most_show_examples_in_their_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert "examples:" in out and f"jtai-desktop {command}" in out.replace(
        "--data-dir ~/jtai/northbridge ", ""
    )
