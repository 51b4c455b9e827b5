"""``timeliness`` as a person or a script runs it: the demo's front door timed in working
hours (text and --json), an empty front door, and an unknown inspection refused on standard
error with nothing changed."""

import json

import pytest

from ..cli_run import digest
from ..cli_run import program as jtai


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("timeliness") / "data"
    inspection_id = jtai("--data-dir", folder, "demo").stdout.strip()
    return folder, inspection_id


def test_the_demos_front_door_in_working_hours_as_json(demo):
    folder, inspection_id = demo
    result = jtai("--data-dir", folder, "timeliness", inspection_id[:6], "--json")
    report = json.loads(result.stdout)
    assert report["inspection_id"] == inspection_id and report["samples"] == 16
    assert report["office_day"] == {"start": "09:00", "end": "17:00"}
    steps = {s["step"]: s for s in report["steps"]}
    assert list(steps) == ["decision", "strategy", "section47", "seen"]
    decision = steps["decision"]
    # 16 contacts; FD-11's decision has no time. Hand-counted from the demo's data file: two
    # decisions took more than 8 working hours (FD-08, 28.9; FD-13, 26.5).
    assert (decision["count"], decision["timed"], decision["over_target"]) == (16, 15, 2)
    assert decision["target_working_hours"] == 8
    assert decision["p90_working_hours"] == 26.5  # the 14th of 15 in order
    assert decision["median_working_days"] == 1.0
    assert result.stderr == ""


def test_the_text_table_names_every_step(demo):
    folder, inspection_id = demo
    lines = jtai("--data-dir", folder, "timeliness", inspection_id).stdout.splitlines()
    assert lines[0].startswith("16 sampled contacts; working hours 09:00-17:00")
    assert lines[1].split()[:2] == ["step", "target"]
    assert lines[2].startswith("Contact to MASH decision") and lines[2].split()[-5:] == [
        "4.3",
        "26.5",
        "2",
        "1.0",
        "3",
    ]
    assert [line.split("  ")[0] for line in lines[3:]] == [
        "MASH decision to strategy discussion",
        "Strategy discussion to section 47 start",
        "Contact to child seen",
    ]


def test_an_unknown_inspection_is_refused_and_nothing_changes(demo):
    folder, _ = demo
    before = digest(folder)
    result = jtai("--data-dir", folder, "timeliness", "ffffff", check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert "No inspection matches 'ffffff'" in result.stderr and "Traceback" not in result.stderr
    assert digest(folder) == before


def test_a_front_door_with_no_samples_says_so(tmp_path):
    from datetime import date

    from jtai_desktop.app import open_context
    from jtai_desktop.crypto.kdf import fast_params_for_tests
    from jtai_desktop.domain.themes import default_themes_dir, load_pack
    from jtai_desktop.services.inspections import MemberInput, create_inspection

    passphrase = tmp_path / "pass"
    passphrase.write_text("correct horse battery staple\n")
    ctx = open_context(
        tmp_path / "data", "correct horse battery staple", kdf_params=fast_params_for_tests()
    )
    try:
        inspection_id = create_inspection(
            ctx.workspace,
            load_pack(default_themes_dir() / "front-door.toml"),
            area="Testshire",
            notification=date(2026, 10, 5),
            lead=MemberInput("Alex Lead", "ofsted"),
        ).entity_id
    finally:
        ctx.close()
    result = jtai(
        "--data-dir",
        tmp_path / "data",
        "--passphrase-file",
        passphrase,
        "timeliness",
        inspection_id,
    )
    assert result.stdout == "No front door samples yet: nothing to time.\n"
    as_json = json.loads(
        jtai(
            "--data-dir",
            tmp_path / "data",
            "--passphrase-file",
            passphrase,
            "timeliness",
            inspection_id,
            "--json",
        ).stdout
    )
    assert as_json["samples"] == 0 and all(s["count"] == 0 for s in as_json["steps"])
    assert as_json["steps"][0]["median_working_hours"] is None
