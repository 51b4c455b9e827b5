"""`themes` and `create` on real data folders: the packs a folder can start from (shipped and
the team's own, checked), and a real inspection started from one."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.domain.themes import default_themes_dir, load_packs
from tests.cli_run import digest, run

SHIPPED = load_packs(default_themes_dir())
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _never_the_real_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("JTAI_DATA_DIR", str(tmp_path / "default-folder"))


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def python_m(*argv) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


def test_themes_lists_every_pack_with_its_strands_as_a_real_process(tmp_path):
    done = python_m("--data-dir", tmp_path / "data", "themes", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["problems"] == []
    by_id = {t["id"]: t for t in shown["themes"]}
    assert list(by_id) == sorted(SHIPPED)
    syv = by_id["serious-youth-violence"]
    assert syv["version"] == "2023-09-22"
    assert syv["inspectorates"] == ["ofsted", "cqc", "hmicfrs", "hmi_probation"]
    assert "youth_justice" in syv["agencies"] and "probation" not in syv["agencies"]
    judged = {s["id"]: s["judged"] for s in syv["strands"]}
    assert judged["work_with_children"] == "per_child" and judged["leadership"] == "area"
    assert sum(len(s["criteria"]) for s in syv["strands"]) == 21
    assert by_id["front-door"]["inspectorates"] == ["ofsted", "cqc", "hmicfrs"]
    # Listing needs no passphrase and makes no data folder.
    assert not (tmp_path / "data").exists()
    text = python_m("--data-dir", tmp_path / "data", "themes")
    assert text.returncode == 0
    assert "front-door  2024-04-05  The front door" in text.stdout
    assert "Leaders' impact on front door practice (once for the area): FD-16 FD-17 FD-18" in (
        text.stdout
    )


def test_a_teams_pack_is_listed_and_a_broken_one_named_with_its_fault(tmp_path):
    folder = tmp_path / "data"
    (folder / "themes").mkdir(parents=True)
    good = SHIPPED["neglect"].to_toml().replace('id = "neglect"', 'id = "neglect-local"')
    (folder / "themes" / "neglect-local.toml").write_text(good, encoding="utf-8")
    broken = good.replace('id = "neglect-local"', 'id = "broken"').replace(
        'judged = "area"', 'judged = "weekly"', 1
    )
    (folder / "themes" / "broken.toml").write_text(broken, encoding="utf-8")
    code, out, err = run("--data-dir", folder, "themes", "--json")
    assert code == 1
    shown = json.loads(out)
    assert "neglect-local" in {t["id"] for t in shown["themes"]}
    assert "broken" not in {t["id"] for t in shown["themes"]}
    assert shown["problems"] == [
        'broken.toml: strands[4].judged: "weekly" is not a way of judging '
        "(expected one of: per_child, area)"
    ]
    assert 'left out: broken.toml: strands[4].judged: "weekly"' in err


def test_create_starts_a_real_inspection_from_a_pack(tmp_path, secret):
    folder = tmp_path / "data"
    argv = ("--data-dir", folder, "--passphrase-file", secret)
    code, out, err = run(
        *argv, "create", "--theme", "Domestic abuse", "--area", "Northbridge",
        "--notified", "2026-11-23", "--lead", "Helen Marsh",
    )  # fmt: skip
    assert code == 0, err
    inspection_id = out.strip()
    assert "Northbridge, Children who are victims of domestic abuse (unborn to 7)" in err
    code, out, _ = run(*argv, "list", "--json")
    (item,) = json.loads(out)["inspections"]
    assert (item["id"], item["theme"], item["theme_version"]) == (
        inspection_id,
        "domestic-abuse",
        "2024-09-12",
    )
    assert item["counts"]["team"] == 1
    ctx = open_context(folder, PASSPHRASE)
    try:
        ws = ctx.workspace
        row = ws.get("inspection", inspection_id)
        assert row["kind"] == "thematic" and row["inspectorates"][-1] == "hmi_probation"
        (lead,) = ws.rows("member", inspection_id)
        assert (lead["name"], lead["inspectorate"], lead["role"]) == (
            "Helen Marsh",
            "ofsted",
            "lead",
        )
        kinds = sorted(a["kind"] for a in ws.rows("agency", inspection_id))
        assert kinds == sorted(SHIPPED["domestic-abuse"].agencies)
    finally:
        ctx.close()


def test_a_team_pack_can_start_an_inspection(tmp_path, secret):
    folder = tmp_path / "data"
    (folder / "themes").mkdir(parents=True)
    mine = SHIPPED["front-door"].to_toml().replace('id = "front-door"', 'id = "front-door-local"')
    (folder / "themes" / "front-door-local.toml").write_text(mine, encoding="utf-8")
    code, out, err = run(
        "--data-dir", folder, "--passphrase-file", secret, "create", "--theme",
        "front-door-local", "--area", "Eastwick", "--notified", "2026-11-23", "--lead", "A Lead",
    )  # fmt: skip
    assert code == 0, err
    ctx = open_context(folder, PASSPHRASE)
    try:
        assert ctx.workspace.get("inspection", out.strip())["theme_id"] == "front-door-local"
    finally:
        ctx.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--theme", "nothing"), 'There is no theme pack "nothing"'),
        (("--notified", "2026-11-22"), "must be a working day: Sunday 22 November 2026"),
        (("--notified", "23/11/2026"), "is not a date like 2026-11-23"),
        (("--area", " "), "The area cannot be empty"),
        (("--inspectorate", "hmi probation"), "HMI Probation does not take part"),
    ],
)
def test_create_refuses_bad_input_and_changes_nothing(tmp_path, secret, change, message):
    folder = tmp_path / "data"
    argv = ("--data-dir", folder, "--passphrase-file", secret)
    assert run(*argv, "list")[0] == 0  # the folder exists, with no inspection
    before = digest(folder)
    options = {"--theme": "front-door", "--area": "Northbridge", "--notified": "2026-11-23"}
    options["--lead"] = "Helen Marsh"
    options[change[0]] = change[1]
    code, out, err = run(*argv, "create", *[part for pair in options.items() for part in pair])
    assert code == 1 and out == ""
    assert message in err
    assert digest(folder) == before


def test_create_refuses_the_demo_folder(tmp_path):
    folder = tmp_path / "data"
    assert run("--data-dir", folder, "demo")[0] == 0
    before = digest(folder)
    code, _, err = run(
        "--data-dir", folder, "create", "--theme", "front-door", "--area", "Northbridge",
        "--notified", "2026-11-23", "--lead", "Helen Marsh",
    )  # fmt: skip
    assert code == 1 and "demo's data folder" in err
    assert digest(folder) == before


def test_create_without_a_lead_name_asks_for_one(tmp_path, secret):
    folder = tmp_path / "data"
    code, _, err = run(
        "--data-dir", folder, "--passphrase-file", secret, "create", "--theme", "neglect",
        "--area", "Northbridge", "--notified", "2026-11-23",
    )  # fmt: skip
    assert code == 1 and "Give your name as the lead inspector with --lead NAME" in err


def test_shell_completion_knows_the_new_commands():
    code, out, _ = run("completion", "bash")
    assert code == 0 and "themes" in out and "create" in out and "--notified" in out
