"""The letter's commands through the command line, as a subprocess: export for the area,
versions and their diff, the area's returned file imported and listed, a decision, the
responses, publication; and a bad file refused with the data folder unchanged."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.services import findings
from tests.cli_run import digest
from tests.unit.test_letter_roundtrip import returned_file


def jtai(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "jtai_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@pytest.fixture
def demo(tmp_path):
    folder = tmp_path / "data"
    made = jtai("--data-dir", folder, "demo")
    assert made.returncode == 0, made.stderr
    return folder, made.stdout.strip()


def test_the_factual_accuracy_round_trip_through_the_command_line(demo, tmp_path):
    folder, iid = demo
    first = tmp_path / "qa.docx"
    done = jtai("--data-dir", folder, "export-report", iid, "--out", first)
    assert done.returncode == 0 and "kept as version 1" in done.stdout, done.stderr
    context = open_context(folder)
    try:
        ws = context.workspace
        strength = next(f for f in findings.findings_in_order(ws, iid) if f["kind"] == "strength")
        findings.update_finding(ws, strength["id"], title="Swift and well-reasoned MASH decisions")
    finally:
        context.close()
    area = tmp_path / "for-area.docx"
    done = jtai("--data-dir", folder, "export-report", iid, "--out", area, "--for-area")
    assert done.returncode == 0 and "kept as version 2" in done.stdout, done.stderr

    listed = json.loads(jtai("--data-dir", folder, "versions", iid, "--json").stdout)["versions"]
    assert [(v["number"], v["purpose"]) for v in listed] == [(1, "qa"), (2, "area")]
    assert listed[1]["sha256"] == hashlib.sha256(area.read_bytes()).hexdigest()
    diff = jtai("--data-dir", folder, "versions", iid, "--diff", "1", "2")
    assert diff.returncode == 0
    assert "Strengths (changed)" in diff.stdout
    assert "+ Swift and well-reasoned MASH decisions" in diff.stdout
    assert "Finding edited: Swift and well-reasoned MASH decisions" in diff.stdout

    back = returned_file(area, tmp_path / "returned.docx")
    done = jtai("--data-dir", folder, "accuracy", "import", iid, back)
    assert done.returncode == 0, done.stderr
    assert "Imported 4 item(s) for version 2." in done.stdout
    items = json.loads(jtai("--data-dir", folder, "accuracy", "list", iid, "--json").stdout)
    items = items["items"]
    assert sorted(i["section"] for i in items) == ["headline", "improve", "next_steps", "strengths"]
    assert all(i["author"] and i["comment"] and i["status"] == "open" for i in items)
    refused = jtai("--data-dir", folder, "accuracy", "decide", iid, items[0]["id"][:8], "reject")
    assert refused.returncode != 0 and "reason" in refused.stderr
    done = jtai(
        "--data-dir",
        folder,
        "accuracy",
        "decide",
        iid,
        items[0]["id"][:8],
        "reject",
        "--reason",
        "The evidence shows otherwise.",
    )
    assert done.returncode == 0, done.stderr
    shown = jtai("--data-dir", folder, "accuracy", "list", iid).stdout
    assert "[rejected]" in shown and "The evidence shows otherwise." in shown
    out = tmp_path / "responses.docx"
    done = jtai("--data-dir", folder, "accuracy", "responses", iid, "--out", out)
    assert done.returncode == 0 and out.exists(), done.stderr

    done = jtai("--data-dir", folder, "publish", iid, "--version", "2", "--date", "2027-01-15")
    assert done.returncode == 0, done.stderr
    assert "statement of action is due on 2027-04-27" in done.stdout


def test_a_returned_file_that_is_not_word_is_refused_and_nothing_changes(demo, tmp_path):
    folder, iid = demo
    assert (
        jtai(
            "--data-dir", folder, "export-report", iid, "--out", tmp_path / "a.docx", "--for-area"
        ).returncode
        == 0
    )
    bad = tmp_path / "returned.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    before = digest(folder)
    done = jtai("--data-dir", folder, "accuracy", "import", iid, bad)
    assert done.returncode == 1
    assert "not a Word document" in done.stderr and "Traceback" not in done.stderr
    assert digest(folder) == before


def test_the_letters_settings_through_the_command_line(demo, tmp_path):
    folder, iid = demo
    done = jtai(
        "--data-dir",
        folder,
        "letter",
        iid,
        "--format",
        "2016",
        "--date",
        "2026-12-03",
        "--principal",
        "Northbridge City Council",
        "--small-counts-below",
        "4",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["format"] == "2016" and shown["small_count_below"] == 4
    assert shown["statement_of_action_due"] == "2027-03-16"
    bad = jtai("--data-dir", folder, "letter", iid, "--small-counts-below", "1")
    assert bad.returncode == 1 and "from 2 to 50" in bad.stderr
    out = tmp_path / "letter.docx"
    assert jtai("--data-dir", folder, "export-report", iid, "--out", out).returncode == 0
    import docx

    titles = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Title"]
    assert titles[0].startswith("Joint targeted area inspection of the multi-agency response")
