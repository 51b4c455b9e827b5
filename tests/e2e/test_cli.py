"""The command line, end to end on real data folders.

Most checks call ``jtai_desktop.cli.main`` in-process (fast); a few run
``python -m jtai_desktop`` in a subprocess to check what a user or script really sees:
exit codes, standard error, and no traceback.
"""

import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.cli import main

COUNT_KEYS = {"team", "children", "reviews", "notes", "evidence", "findings", "ops", "conflicts"}
SEED_SHARING_FIRST_CHAR = 16  # its demo id starts with the same character as seed 1's


@pytest.fixture(autouse=True)
def _never_the_real_data_folder(tmp_path, monkeypatch):
    # A command run without --data-dir must not touch the user's real data folder.
    monkeypatch.setenv("JTAI_DATA_DIR", str(tmp_path / "default-folder"))


def run_quietly(*argv) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(argv))
    return code, out.getvalue()


def make_demo(folder: Path, seed: int = 1) -> str:
    code, out = run_quietly("--data-dir", str(folder), "demo", "--seed", str(seed))
    assert code == 0
    return out.strip()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A data folder holding the small demo (seed 1). Read it only; copy it to change it."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    return folder, make_demo(folder)


@pytest.fixture
def demo_copy(demo, tmp_path):
    folder, inspection_id = demo
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    return copy, inspection_id


class Cli:
    """main() with captured output; every call also checks the stream discipline."""

    def __init__(self, capsys):
        self.capsys = capsys

    def __call__(self, *argv, folder=None):
        args = (["--data-dir", str(folder)] if folder is not None else []) + [str(a) for a in argv]
        code = main(args)
        out, err = self.capsys.readouterr()
        assert "Traceback" not in out + err
        if code != 0:
            assert out == "" or out.startswith("PROBLEMS FOUND"), (
                f"an error went to standard output: {out!r}"
            )
            assert err.startswith("jtai-desktop: ") or code == 1 and "evidence" in err
        return code, out, err

    def ok(self, *argv, folder=None) -> str:
        code, out, err = self(*argv, folder=folder)
        assert code == 0, err
        return out

    def counts(self, folder, inspection_id) -> dict:
        listing = json.loads(self.ok("list", "--json", folder=folder))["inspections"]
        return next(i["counts"] for i in listing if i["id"] == inspection_id)


@pytest.fixture
def cli(capsys):
    return Cli(capsys)


def python_m(*argv, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def file_hashes(folder: Path) -> dict[str, str]:
    """The database, its WAL/SHM files if any, and the key file, by content."""
    found = [*folder.glob("jtai.db*"), *folder.glob("*.json")]
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(found) if p.is_file()
    }


# --- true end to end (subprocesses) ---------------------------------------------------------


def test_python_m_demo_then_errors_on_stderr_without_traceback(tmp_path):
    folder = tmp_path / "data"
    made = python_m("--data-dir", folder, "demo")
    assert made.returncode == 0, made.stderr
    inspection_id = made.stdout.strip()
    assert len(inspection_id) == 32 and int(inspection_id, 16) >= 0
    assert "Traceback" not in made.stderr
    assert (folder / "jtai.db").is_file()

    missing = python_m("--data-dir", folder, "dump", "nope")
    assert missing.returncode == 1
    assert missing.stdout == ""
    assert "'nope'" in missing.stderr and missing.stderr.startswith("jtai-desktop: ")
    assert "Traceback" not in missing.stderr

    negative = python_m("--data-dir", folder, "simulate", inspection_id[:8], "--edits", "-1")
    assert negative.returncode == 1
    assert negative.stdout == ""
    assert "--edits must be zero or more" in negative.stderr
    assert "Traceback" not in negative.stderr


# --- demo and list --------------------------------------------------------------------------


def test_demo_again_finds_the_same_inspection_and_adds_nothing(cli, demo_copy):
    folder, inspection_id = demo_copy
    before = cli.ok("list", "--json", folder=folder)
    dump_before = cli.ok("dump", inspection_id, folder=folder)

    assert cli.ok("demo", folder=folder).strip() == inspection_id
    assert cli.ok("demo", "--seed", 1, folder=folder).strip() == inspection_id

    assert cli.ok("list", "--json", folder=folder) == before  # ops count unchanged
    assert cli.ok("dump", inspection_id, folder=folder) == dump_before


def test_list_json_gives_the_small_demos_counts(cli, demo):
    folder, inspection_id = demo
    listing = json.loads(cli.ok("list", "--json", folder=folder))["inspections"]
    assert [i["id"] for i in listing] == [inspection_id]
    item = listing[0]
    assert {"id", "area", "theme", "counts"} <= set(item)
    assert item["area"] == "Northbridge"
    assert item["theme"] == "domestic-abuse"
    counts = item["counts"]
    assert set(counts) == COUNT_KEYS
    assert (counts["team"], counts["children"], counts["notes"], counts["evidence"]) == (
        8,  # Ofsted 3, CQC 2, HMICFRS 2 and HMI Probation 1, as the theme's inspectorates
        12,
        40,
        30,
    )
    assert counts["findings"] > 0 and counts["reviews"] > 0 and counts["ops"] > 0
    assert counts["conflicts"] == 0


# --- dump -----------------------------------------------------------------------------------


def test_dump_is_the_same_bytes_for_the_same_seed_anywhere(cli, demo, tmp_path):
    folder, inspection_id = demo
    elsewhere = tmp_path / "elsewhere"
    assert make_demo(elsewhere, seed=1) == inspection_id

    here = cli.ok("dump", inspection_id, folder=folder)
    assert cli.ok("dump", inspection_id, folder=elsewhere) == here
    assert cli.ok("dump", inspection_id, folder=folder) == here  # dumping twice

    other_seed = make_demo(tmp_path / "seed2", seed=2)
    assert other_seed != inspection_id
    assert cli.ok("dump", other_seed, folder=tmp_path / "seed2") != here


def test_dump_is_canonical_json(cli, demo):
    folder, inspection_id = demo
    text = cli.ok("dump", inspection_id, folder=folder)
    state = json.loads(text)
    # Keys sorted at every level: re-serialising with sorted keys changes nothing.
    assert text == json.dumps(state, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    assert state["inspection_id"] == inspection_id
    assert state["conflicts"] == []
    assert state["ops"]["count"] > 0
    assert len(state["tables"]["children"]) == 12
    for table, rows in state["tables"].items():
        ids = [r["id"] for r in rows]
        assert ids == sorted(ids), f"{table} rows are not sorted by id"
        assert len(set(ids)) == len(ids)


def test_dump_out_writes_the_same_bytes_and_a_prefix_works(cli, demo, tmp_path):
    folder, inspection_id = demo
    shown = cli.ok("dump", inspection_id, folder=folder)
    target = tmp_path / "state.json"
    assert cli.ok("dump", inspection_id[:6], "--out", target, folder=folder) == ""
    assert target.read_bytes() == shown.encode("utf-8")
    assert cli.ok("dump", inspection_id[:6].upper(), folder=folder) == shown


def test_dump_with_an_ambiguous_prefix_is_refused(cli, demo_copy, tmp_path):
    folder, first = demo_copy
    second = make_demo(folder, seed=SEED_SHARING_FIRST_CHAR)
    assert second != first and second[0] == first[0], "pick a seed whose id shares a character"
    target = tmp_path / "never-written.json"

    code, out, err = cli("dump", first[0], "--out", target, folder=folder)
    assert code != 0
    assert out == ""
    assert f"'{first[0]}' matches 2 inspections" in err
    assert first[:8] in err and second[:8] in err and "give more of the id" in err
    assert not target.exists()

    # One more character is enough when the ids differ there.
    common = os.path.commonprefix([first, second])
    assert cli.ok("dump", first[: len(common) + 1], folder=folder) == cli.ok(
        "dump", first, folder=folder
    )


# --- simulate and check ---------------------------------------------------------------------


def test_simulate_adds_edits_and_leaves_a_sound_folder(cli, demo, tmp_path):
    source, inspection_id = demo
    copies = [tmp_path / "one", tmp_path / "two"]
    summaries = []
    for copy in copies:
        shutil.copytree(source, copy)
        before = cli.counts(copy, inspection_id)
        summary = cli.ok("simulate", inspection_id[:8], "--edits", 40, "--seed", 5, folder=copy)
        summaries.append(summary)
        after = cli.counts(copy, inspection_id)
        assert after["ops"] > before["ops"]
        assert after["conflicts"] == 0

        code, out, err = cli("check", folder=copy)
        assert code == 0, err
        assert out.startswith("OK: checked") and err == ""

    counts = json.loads(summaries[0])
    assert set(counts) == {"created", "edited", "deleted", "linked", "refused"}
    assert sum(counts.values()) == 40
    # The same seed on identical copies makes the same edits.
    assert summaries[0] == summaries[1]
    assert cli.counts(copies[0], inspection_id) == cli.counts(copies[1], inspection_id)


def test_simulate_with_zero_edits_changes_nothing(cli, demo_copy):
    folder, inspection_id = demo_copy
    before = cli.ok("dump", inspection_id, folder=folder)
    summary = json.loads(cli.ok("simulate", inspection_id, "--edits", 0, folder=folder))
    assert set(summary.values()) == {0}
    assert cli.ok("dump", inspection_id, folder=folder) == before


def test_check_finds_a_missing_and_a_damaged_evidence_file(cli, demo_copy):
    folder, inspection_id = demo_copy
    context = open_context(folder)
    try:
        ws = context.workspace
        items = ws.rows("evidence", inspection_id, "sha256 IS NOT NULL", order_by="ref")
        missing, damaged = items[3], items[7]
        ws.blobs.path(missing["sha256"]).unlink()
        blob = ws.blobs.path(damaged["sha256"])
        data = bytearray(blob.read_bytes())
        data[len(data) // 2] ^= 0xFF
        blob.write_bytes(bytes(data))
        private = [
            value
            for child in ws.rows("child", inspection_id)
            for value in (
                child["pseudonym"],
                child["case_ref"],
                child["private_name"],
                child["private_dob"],
                child["private_address"],
                child["private_school"],
            )
            if value
        ]
    finally:
        context.close()
    assert private  # the demo children do carry identifying details

    code, out, err = cli("check", folder=folder)
    assert code == 1
    assert out.startswith("PROBLEMS FOUND")
    problems = err.splitlines()
    assert len(problems) == 2
    assert any(missing["ref"] in line and "missing" in line for line in problems)
    assert any(damaged["ref"] in line and "damaged" in line for line in problems)
    for value in private:
        assert value not in out + err
    assert "Child " not in out + err


# --- where the data lives -------------------------------------------------------------------


def test_data_dir_flag_and_environment_variable(cli, tmp_path, monkeypatch):
    # 'demo' is the one command that creates a folder without a passphrase (a demo folder).
    from_env, from_flag = tmp_path / "from-env", tmp_path / "from-flag"
    monkeypatch.setenv("JTAI_DATA_DIR", str(from_env))
    made = cli.ok("demo").strip()
    assert (from_env / "jtai.db").is_file()
    listed = json.loads(cli.ok("list", "--json"))["inspections"]
    assert listed[0]["id"] == made  # later commands find it

    unused = tmp_path / "unused-env"
    monkeypatch.setenv("JTAI_DATA_DIR", str(unused))
    cli.ok("demo", folder=from_flag)
    assert (from_flag / "jtai.db").is_file()
    assert not unused.exists()  # the flag wins over the environment


# --- bad input changes nothing --------------------------------------------------------------


def test_an_unknown_inspection_is_refused_and_nothing_changes(cli, demo_copy):
    folder, inspection_id = demo_copy
    dump_before = cli.ok("dump", inspection_id, folder=folder)
    # Compare the files themselves: a refused command opens the database but writes nothing
    # (no migration pending, the device id already stored), and closing the only connection
    # checkpoints an empty WAL, so jtai.db keeps its bytes and no -wal file is left behind.
    # The dump comparison below would still catch a change if SQLite ever rewrote the file.
    files_before = file_hashes(folder)

    for argv in (
        ("dump", "nope"),
        ("simulate", "nope", "--edits", 5),
        ("simulate", inspection_id, "--edits", -3),
    ):
        code, out, err = cli(*argv, folder=folder)
        assert code == 1
        assert out == ""
        assert err.startswith("jtai-desktop: ")
        if "nope" in argv:
            assert "No inspection matches 'nope'" in err
        else:
            assert "--edits must be zero or more" in err

    assert file_hashes(folder) == files_before
    assert cli.ok("dump", inspection_id, folder=folder) == dump_before


def test_usage_errors_go_to_stderr(capsys, tmp_path):
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path / "data"), "simulate", "abc"])  # --edits missing
    out, err = capsys.readouterr()
    assert exited.value.code == 2
    assert out == "" and "--edits" in err and "Traceback" not in err
