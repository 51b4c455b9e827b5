"""``coverage`` and ``triangulation`` as a person or a script runs them on the demo: the
matrix and each finding's spread as text and --json (the shapes the README documents), an
inspection with nothing coded, and an unknown inspection refused with nothing changed."""

import json
import subprocess
import sys

import pytest

from ..cli_run import ROOT, digest
from ..cli_run import program as jtai


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("coverage") / "data"
    inspection_id = jtai("--data-dir", folder, "demo").stdout.strip()
    return folder, inspection_id


def test_coverage_as_json_gives_each_cell_its_counts_and_voices(demo):
    folder, inspection_id = demo
    result = jtai("--data-dir", folder, "coverage", inspection_id[:6], "--json")
    data = json.loads(result.stdout)
    assert data["inspection_id"] == inspection_id and result.stderr == ""
    assert data["source_kinds"] == ["note", "review", "front_door", "evidence"]
    assert data["marks"] == ["strength", "concern", "noted"]
    criteria = [c["id"] for c in data["criteria"]]
    organisations = {o["id"]: o for o in data["organisations"]}
    assert data["cells"], "the demo's coded passages fill the matrix"
    for cell in data["cells"]:
        assert set(cell) == {
            "criterion_id",
            "organisation_id",
            "organisation",
            "agency_kind",
            "sources",
            "counts",
            "voices",
        }
        assert cell["criterion_id"] in criteria
        assert organisations[cell["organisation_id"]]["name"] == cell["organisation"]
        counted = [n for marks in cell["counts"].values() for n in marks.values()]
        assert max(counted) <= cell["sources"] <= sum(counted)
    assert any("child" in cell["voices"] for cell in data["cells"])
    kinds = {row["agency_kind"] for row in data["by_agency_kind"]}
    assert kinds <= {o["kind"] for o in organisations.values()}
    order = [criteria.index(c["criterion_id"]) for c in data["cells"]]
    assert order == sorted(order)  # in the pack's order


def test_coverage_as_text_is_a_table_with_a_legend(demo):
    folder, inspection_id = demo
    lines = jtai("--data-dir", folder, "coverage", inspection_id).stdout.splitlines()
    assert lines[0] == "Marks: S strength, C concern, N neither"
    assert lines[1].split()[:3] == ["criterion", "organisation", "sources"]
    assert len(lines) > 10


def test_triangulation_gives_each_findings_spread_and_the_rule(demo):
    folder, inspection_id = demo
    data = json.loads(jtai("--data-dir", folder, "triangulation", inspection_id, "--json").stdout)
    assert data["rule"] == {"min_sources": 3, "min_kinds": 2}
    findings = data["findings"]
    assert findings and {f["kind"] for f in findings} >= {"strength", "area_for_improvement"}
    for finding in findings:
        assert finding["meets_rule"] == (finding["sources"] >= 3 and len(finding["kinds"]) >= 2)
        assert (finding["short_of"] == "") == finding["meets_rule"]
        assert {s["entity"] for s in finding["linked"]} <= {"evidence", "code", "review"}
    text = jtai("--data-dir", folder, "triangulation", inspection_id).stdout.splitlines()
    assert text[0] == "Rule: at least 3 sources of 2 kinds."
    below = sum(not f["meets_rule"] for f in findings)
    assert sum("BELOW" in line for line in text[1:]) == below > 0


def test_an_unknown_inspection_is_refused_and_nothing_changes(demo):
    folder, _ = demo
    before = digest(folder)
    for command in ("coverage", "triangulation"):
        result = jtai("--data-dir", folder, command, "ffffffff", check=False)
        assert result.returncode == 1 and result.stdout == ""
        assert "ffffffff" in result.stderr and "Traceback" not in result.stderr
    assert digest(folder) == before


def test_an_inspection_with_nothing_coded_says_so(tmp_path):
    folder = tmp_path / "data"
    inspection_id = jtai("--data-dir", folder, "demo").stdout.strip()
    # The demo's passages are coded; remove them through the change log as a user would.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from jtai_desktop.app import open_context;"
            "from jtai_desktop.services.coding import remove_code;"
            "c = open_context(sys.argv[1], create_demo=True); ws = c.workspace;"
            "[remove_code(ws, r['id']) for r in ws.rows('code', sys.argv[2])];"
            "[ws.delete('review', r['id']) for r in ws.rows('review', sys.argv[2])];"
            "[ws.delete('area_review', r['id']) for r in ws.rows('area_review', sys.argv[2])];"
            "[ws.delete('link', r['id']) for r in ws.rows('link', sys.argv[2])];"
            "c.close()",
            str(folder),
            inspection_id,
        ],
        check=True,
        cwd=ROOT,
    )
    result = jtai("--data-dir", folder, "coverage", inspection_id)
    assert result.stdout.strip() == (
        "Nothing is coded or linked to a criterion and an organisation yet."
    )
