"""The thematic extract and workspace through the command line (as a subprocess): six
published demo inspections of one theme, each in its own fictional area, are extracted,
imported and summarised; what a workspace refuses leaves it as it was; the report's draft
passes the final-file gate."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.domain.records import PARTNERSHIP
from jtai_desktop.domain.thematic import SMALL_HIGH, SMALL_LOW
from jtai_desktop.sync import extract_file
from jtai_desktop.sync.keys import new_signing_key

from ..cli_run import digest
from ..thematic_extracts import AREAS, published_demo_folder
from .test_export_report import SOFFICE, jtai, pdf_pages

CONCERNS = ("priority_action", "area_for_improvement")


@pytest.fixture
def six(six_extracts):
    return six_extracts


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "passphrase"
    path.write_text("a thematic workspace passphrase\n", encoding="utf-8")
    return path


def thematic(secret, *argv) -> subprocess.CompletedProcess:
    return jtai("--passphrase-file", secret, "thematic", *argv)


# --- what an inspection's records say, worked out here without the extract's code ----------
def expected_from_inspections(folder: Path, ids: list[str]):
    """Per area: its findings' (polarity, agency kind) pairs, and its review counts by
    (criterion, agency kind)."""
    context = open_context(folder, create_demo=True)
    try:
        ws = context.workspace
        per_area = []
        for inspection_id in ids:
            kinds = {a["id"]: a["kind"] for a in ws.rows("agency", inspection_id)}
            pairs = set()
            for f in ws.rows("finding", inspection_id):
                polarity = "concern" if f["kind"] in CONCERNS else "strength"
                for agency in f["agencies"] or [PARTNERSHIP]:
                    pairs.add((polarity, PARTNERSHIP if agency == PARTNERSHIP else kinds[agency]))
            counts: dict[tuple[str, str], list[int]] = {}
            for entity in ("review", "area_review"):
                for r in ws.rows(entity, inspection_id):
                    cell = counts.setdefault((r["criterion_id"], kinds[r["agency_id"]]), [0, 0, 0])
                    cell[0] += 1
                    cell[1] += bool(r["strength"])
                    cell[2] += bool(r["concern"])
            per_area.append((pairs, counts))
        return per_area
    finally:
        context.close()


def summed(values: list[int]) -> int | dict:
    """A sum over areas as the summary gives it: a count from 1 to 5 adds 1 to 5."""
    low = sum(SMALL_LOW if 0 < v <= SMALL_HIGH else v for v in values)
    high = sum(SMALL_HIGH if 0 < v <= SMALL_HIGH else v for v in values)
    return low if low == high else {"at_least": low, "at_most": high}


def test_six_extracts_import_and_the_summary_is_right(six, secret, tmp_path):
    folder, ids, files = six
    workspace = tmp_path / "workspace"
    done = thematic(secret, "import", workspace, *files)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("Imported ") == 6
    shown = thematic(secret, "summary", workspace, "--json")
    assert shown.returncode == 0, shown.stderr
    summary = json.loads(shown.stdout)
    assert sorted(a["label"] for a in summary["areas"]) == sorted(AREAS)
    per_area = expected_from_inspections(folder, ids)

    # recurring, in any criterion: each (polarity, kind) found in more than half the areas
    where: dict[tuple[str, str], set[str]] = {}
    for area, (pairs, _counts) in zip(AREAS, per_area):
        for pair in pairs:
            where.setdefault(pair, set()).add(area)
    expected = {pair: areas for pair, areas in where.items() if len(areas) > 3}
    got = {
        (r["polarity"], r["agency_kind"]): set(r["areas"])
        for r in summary["recurring"]
        if r["criterion"] is None
    }
    assert got == expected and expected

    # summed counts of every cell of the evidence matrix
    cells = {(c["criterion"], c["agency_kind"]): c for c in summary["matrix"]["summed"]}
    keys = set().union(*(counts for _pairs, counts in per_area))
    assert {k for k, c in cells.items() if c["reviews"] != 0} == keys
    for key in keys:
        values = [counts.get(key, [0, 0, 0]) for _pairs, counts in per_area]
        for n, measure in enumerate(("reviews", "strengths", "concerns")):
            assert cells[key][measure] == summed([v[n] for v in values]), (key, measure)

    # search across every area's text, and no inspection made in the workspace
    found = thematic(secret, "summary", workspace, "--search", "strategy discussions", "--json")
    assert {hit["area"] for hit in json.loads(found.stdout)} == set(AREAS)
    refused = jtai("--data-dir", workspace, "--passphrase-file", secret, "demo")
    assert refused.returncode == 1 and "is a thematic workspace" in refused.stderr


def test_a_leads_key_is_trusted_once_a_person_confirms_its_fingerprint(six, secret, tmp_path):
    _folder, _ids, files = six
    workspace = tmp_path / "workspace"
    done = thematic(secret, "import", workspace, files[0], files[1])
    assert "not confirmed yet" in done.stdout and "thematic confirm" in done.stdout
    areas = json.loads(thematic(secret, "summary", workspace, "--json").stdout)["areas"]
    assert [a["key_confirmed"] for a in areas] == [False, False]
    before = digest(workspace)
    unknown = thematic(secret, "confirm", workspace, "0000 1111")
    assert unknown.returncode == 1 and "nothing was confirmed" in unknown.stderr
    assert digest(workspace) == before
    read_out = areas[0]["key_fingerprint"].replace(" ", "").lower()  # as a person types it
    confirmed = thematic(secret, "confirm", workspace, read_out)
    assert confirmed.returncode == 0 and areas[0]["label"] in confirmed.stdout
    after = json.loads(thematic(secret, "summary", workspace, "--json").stdout)["areas"]
    assert [a["key_confirmed"] for a in after] == [True, False]


def test_a_tampered_or_unsigned_extract_is_refused_and_the_workspace_is_unchanged(
    six, secret, tmp_path
):
    _folder, _ids, files = six
    workspace = tmp_path / "workspace"
    assert thematic(secret, "import", workspace, files[0]).returncode == 0
    before = digest(workspace)
    document = json.loads(files[1].read_text(encoding="utf-8"))
    document["payload"]["children"]["tracked"] = 99
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(document), encoding="utf-8")
    del document["signature"]
    unsigned = tmp_path / "unsigned.json"
    unsigned.write_text(json.dumps(document), encoding="utf-8")
    for bad, words in ((tampered, "changed after the lead signed it"), (unsigned, "not signed")):
        refused = thematic(secret, "import", workspace, files[2], bad)
        assert refused.returncode == 1
        assert words in refused.stderr and "Nothing was imported" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert digest(workspace) == before  # the good file given with it did not go in either


def test_another_theme_and_a_second_extract_of_one_inspection_are_refused(six, secret, tmp_path):
    _folder, _ids, files = six
    workspace = tmp_path / "workspace"
    assert thematic(secret, "import", workspace, files[0]).returncode == 0
    before = digest(workspace)
    payload = extract_file.read(files[1].read_bytes()).payload
    other = {**payload, "theme": {**payload["theme"], "id": "neglect", "title": "Neglect"}}
    other_file = tmp_path / "neglect.json"
    other_file.write_bytes(extract_file.sign(other, new_signing_key()))
    again = {**extract_file.read(files[0].read_bytes()).payload, "extract_id": "f" * 32}
    again_file = tmp_path / "again.json"
    again_file.write_bytes(extract_file.sign(again, new_signing_key()))
    for bad, words in (
        (other_file, "an extract of the theme 'neglect'"),
        (again_file, "is already here"),
        (files[0], "is already here"),
    ):
        refused = thematic(secret, "import", workspace, bad)
        assert refused.returncode == 1 and words in refused.stderr, refused.stderr
        assert digest(workspace) == before
    both = thematic(secret, "import", tmp_path / "new", files[1], files[1])
    assert both.returncode == 1 and "from this import" in both.stderr
    assert not (tmp_path / "new").exists()  # a refused first import makes no folder


def test_a_folder_of_inspections_is_never_made_a_workspace(six, secret, tmp_path):
    folder, _ids, files = six
    copy = shutil.copytree(folder, tmp_path / "inspections")
    before = digest(copy)
    refused = jtai("thematic", "import", copy, files[0])
    assert refused.returncode == 1 and "holds inspections" in refused.stderr
    assert digest(copy) == before
    missing = thematic(secret, "summary", tmp_path / "nowhere")
    assert missing.returncode == 1 and "not a thematic workspace" in missing.stderr
    assert not (tmp_path / "nowhere").exists()


def test_the_thematic_report_passes_the_final_file_gate_and_reads_as_a_report(
    six, secret, tmp_path
):
    from docx import Document

    from jtai_desktop.report.final_gate import check_package
    from jtai_desktop.report.gate import ADDRESS, CASE_REF, CHILD_NAME, DOB, POSTCODE, SCHOOL
    from jtai_desktop.services.identifiers import sensitive_details

    folder, ids, files = six
    workspace = tmp_path / "workspace"
    assert thematic(secret, "import", workspace, *files).returncode == 0
    out = tmp_path / "thematic.docx"
    done = thematic(secret, "export", workspace, "--out", out)
    assert done.returncode == 0, done.stderr
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for wanted in (
        "Introduction",
        "Main findings",
        "What needs to improve",
        "Findings by criterion",
        "Practice examples",
        "Annex: the evidence matrix",
    ):
        assert any(h.startswith(wanted) for h in headings), (wanted, headings)
    text = "\n".join(p.text for p in document.paragraphs)
    assert all(area in text for area in AREAS)  # every letter named its area
    assert "fewer than 6" in text or "fewer than 6" in _table_text(document)
    # Nothing any of the six inspections holds about a child is in the file.
    data = out.read_bytes()
    context = open_context(folder, create_demo=True)
    try:
        for inspection_id in ids:
            details = sensitive_details(context.workspace, inspection_id)
            held = [
                h
                for h in check_package(data, details)
                if h.kind in (CHILD_NAME, CASE_REF, ADDRESS, SCHOOL, POSTCODE, DOB)
            ]
            assert held == []
    finally:
        context.close()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_the_thematic_report_renders(six, secret, tmp_path):
    """LibreOffice lays the draft out: about a dozen pages for six small demo areas (their
    findings under each criterion, the practice examples, the front door and the annex)."""
    _folder, _ids, files = six
    workspace = tmp_path / "workspace"
    assert thematic(secret, "import", workspace, *files).returncode == 0
    out = tmp_path / "thematic.docx"
    assert thematic(secret, "export", workspace, "--out", out).returncode == 0
    assert 6 <= pdf_pages(out, tmp_path) <= 25


def _table_text(document) -> str:
    return "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)


def test_an_extract_never_carries_a_pseudonym_the_letter_may_use(tmp_path):
    """Inside the team a letter's draft may say "Child A"; the gate lets pseudonyms through
    there. An extract leaves the team: the same words block it, and no file is written."""
    from jtai_desktop.report import inputs as li
    from jtai_desktop.services import report

    from ..thematic_extracts import publish_demo

    folder = tmp_path / "data"
    context = open_context(folder, create_demo=True)
    try:
        from jtai_desktop.services.demo import build_demo

        ws = context.workspace
        inspection_id = build_demo(ws, "small", 5, area="Eastmoor")
        main = report.letter_choices(ws, inspection_id).get(li.MAIN).text
        report.set_section(ws, inspection_id, li.MAIN, text=main + "\n\nChild B was seen promptly.")
        publish_demo(ws, inspection_id, tmp_path)
    finally:
        context.close()
    out = tmp_path / "x.json"
    blocked = jtai("--data-dir", folder, "extract", inspection_id[:8], "--out", out)
    assert blocked.returncode == 3
    assert "Child B" in blocked.stderr and "pseudonym" in blocked.stderr
    assert not out.exists()
    region = jtai(
        "--data-dir", folder, "extract", inspection_id[:8], "--out", out, "--region", "NB1 2AB"
    )
    assert region.returncode == 3 and not out.exists()


def test_an_unpublished_inspection_has_no_extract_yet(tmp_path):
    folder = tmp_path / "data"
    made = jtai("--data-dir", folder, "demo", "--seed", "3")
    inspection_id = made.stdout.strip()
    refused = jtai("--data-dir", folder, "extract", inspection_id[:8], "--out", tmp_path / "x.json")
    assert refused.returncode == 1 and "not published yet" in refused.stderr
    assert not (tmp_path / "x.json").exists()


def test_purge_keeps_a_thematic_extract_first_when_asked(tmp_path):
    folder, inspection_id = published_demo_folder(tmp_path, 7, "Riverton")
    out = tmp_path / "kept.json"
    done = jtai("--data-dir", folder, "purge", inspection_id[:8], "--yes", "--extract", out)
    assert done.returncode == 0, done.stderr
    assert "thematic extract" in done.stdout and "Purged" in done.stdout
    kept = extract_file.read(out.read_bytes())
    assert kept.payload["area"]["name"] == "Riverton"
    listed = jtai("--data-dir", folder, "list", "--json")
    assert json.loads(listed.stdout) == {"inspections": []}


def test_purge_in_a_terminal_asks_to_keep_an_extract_first(tmp_path, monkeypatch):
    import io

    from ..cli_run import run

    folder, inspection_id = published_demo_folder(tmp_path, 8, "Highcliff")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = tmp_path / "highcliff.json"
    prompts, answers = [], iter(["y", str(out), "PURGE"])
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt="": prompts.append(prompt) or next(answers))
    code, stdout, _err = run("--data-dir", folder, "purge", inspection_id[:8])
    assert code == 0
    assert prompts[0].startswith("Keep a thematic extract first")
    assert extract_file.read(out.read_bytes()).payload["area"]["name"] == "Highcliff"
    assert "Purged" in stdout
