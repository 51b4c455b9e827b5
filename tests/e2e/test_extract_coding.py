"""The extract's evidence matrix from coded passages: an inspection that coded passages gives
its evidence matrix by agency kind (``matrix.source`` "coding"), counts only, small counts left
out; the thematic workspace sums those measures over the areas that coded and never into the
case reviews; an extract of the earlier shape still imports beside them.

The expected figures are worked out here from the inspection's rows (codes, reviews, evidence
links), without the evidence matrix's SQL or the extract's code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.domain.thematic_matrix import CODED_MEASURES  # the measures' names
from jtai_desktop.sync import extract_file

from ..thematic_extracts import AREAS, UNCODED
from .test_extract_reference import held_words
from .test_thematic_cli import summed, thematic

EARLIER = Path(__file__).parent.parent / "fixtures" / "extract_earlier" / "extract-lowbridge.json"
KIND_OF = {
    "note": "notes",
    "review": "case_reviews",
    "area_review": "case_reviews",
    "evidence": "evidence",
    "front_door_sample": "front_door",
}


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "passphrase"
    path.write_text("a thematic workspace passphrase\n", encoding="utf-8")
    return path


def coded_from_rows(ws, inspection_id: str) -> dict[tuple[str, str], dict]:
    """Per (criterion, agency kind): the distinct records speaking to it (coded passages of
    any record, case and area reviews with a mark or an observation, evidence linked to a
    criterion and an organisation), of each kind, marked strength or concern, and the voices."""
    kinds = {a["id"]: a["kind"] for a in ws.rows("agency", inspection_id)}
    said: list[tuple[str, str, tuple[str, str], str, str | None]] = []
    for code in ws.rows("code", inspection_id):
        if ws.get(code["source_kind"], code["source_id"]) is None:
            continue
        source = (code["source_kind"], code["source_id"])
        for agency in code["agencies"] or []:
            said.append((code["criterion_id"], agency, source, code["mark"], code["voice"]))
    for entity in ("review", "area_review"):
        for r in ws.rows(entity, inspection_id):
            marks = [m for m in ("strength", "concern") if r[m]]
            if not marks and (r["observation"] or "").strip():
                marks = ["noted"]
            for mark in marks:
                said.append((r["criterion_id"], r["agency_id"], (entity, r["id"]), mark, None))
    links = ws.rows("link", inspection_id)
    about: dict[str, dict[str, list[str]]] = {}
    for link in links:
        if link["target_kind"] in ("criterion", "agency"):
            about.setdefault(link["evidence_id"], {}).setdefault(link["target_kind"], [])
            about[link["evidence_id"]][link["target_kind"]].append(link["target_id"])
    for evidence_id, targets in about.items():
        for criterion in targets.get("criterion", []):
            for agency in targets.get("agency", []):
                said.append((criterion, agency, ("evidence", evidence_id), "noted", None))
    cells: dict[tuple[str, str], dict] = {}
    for criterion, agency, source, mark, voice in said:
        if agency not in kinds:
            continue
        cell = cells.setdefault(
            (criterion, kinds[agency]), {m: set() for m in CODED_MEASURES} | {"voices": set()}
        )
        cell["sources"].add(source)
        cell[KIND_OF[source[0]]].add(source)
        if mark in ("strength", "concern"):
            cell[mark + "s"].add(source)
        if voice:
            cell["voices"].add(voice)
    return {
        key: {m: len(cell[m]) for m in CODED_MEASURES} | {"voices": sorted(cell["voices"])}
        for key, cell in cells.items()
    }


def suppressed(n: int) -> int | None:
    return None if 0 < n < 6 else n


def per_area_expected(folder: Path, ids: list[str]) -> list[dict]:
    context = open_context(folder, create_demo=True)
    try:
        return [coded_from_rows(context.workspace, i) for i in ids]
    finally:
        context.close()


def test_a_coded_inspections_extract_carries_its_coded_counts_and_no_passage(six_extracts):
    folder, ids, files = six_extracts
    coded_area = AREAS.index("Eastmoor")
    raw = files[coded_area].read_text(encoding="utf-8")
    matrix = extract_file.read(raw.encode()).payload["matrix"]
    assert matrix["source"] == "coding"
    expected = per_area_expected(folder, ids)[coded_area]
    got = {(c["criterion"], c["agency_kind"]): c.get("coding") for c in matrix["cells"]}
    assert {k for k, v in got.items() if v} == set(expected) and expected
    for key, cell in expected.items():
        assert got[key] == {m: suppressed(cell[m]) for m in CODED_MEASURES} | {
            "voices": cell["voices"]
        }, key
    # some coded passages are counted, and some counts are large enough to be shown
    assert any(c["notes"] for c in expected.values())
    assert any(v["sources"] for v in got.values() if v)

    # no coded passage's words, pseudonym, case reference or note leaves with it
    context = open_context(folder, create_demo=True)
    try:
        ws = context.workspace
        held = held_words(ws, ids[coded_area])
    finally:
        context.close()
    assert held["coded passage"]
    for what in ("coded passage", "pseudonym", "case reference", "name", "note text"):
        assert [
            w for w in held[what] if w and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", raw)
        ] == []
    assert not re.search(r"Child [A-Z]{1,2}\b", raw)


def test_an_inspection_without_codes_keeps_the_reviews_and_findings(six_extracts):
    _folder, _ids, files = six_extracts
    for area in UNCODED:
        matrix = extract_file.read(files[AREAS.index(area)].read_bytes()).payload["matrix"]
        assert matrix["source"] == "reviews_and_findings"
        assert all("coding" not in c for c in matrix["cells"])


def test_six_mixed_extracts_and_one_of_the_earlier_shape_import_and_sum_apart(
    six_extracts, secret, tmp_path
):
    folder, ids, files = six_extracts
    workspace = tmp_path / "workspace"
    done = thematic(secret, "import", workspace, *files, EARLIER)
    assert done.returncode == 0, done.stderr
    shown = thematic(secret, "summary", workspace, "--json")
    assert shown.returncode == 0, shown.stderr
    summary = json.loads(shown.stdout)
    matrix = summary["matrix"]
    coded_areas = [a for a in AREAS if a not in UNCODED]
    assert matrix["sources"] == {
        **{a: "coding" for a in coded_areas},
        **{a: "reviews_and_findings" for a in (*UNCODED, "Lowbridge")},
    }
    assert (matrix["areas"], matrix["coded_areas"]) == (7, len(coded_areas))

    # the coded measures: summed over the coded areas only, from their rows
    expected = per_area_expected(folder, ids)
    coded = [expected[AREAS.index(a)] for a in coded_areas]
    cells = {(c["criterion"], c["agency_kind"]): c for c in matrix["summed"]}
    keys = set().union(*coded)
    assert {k for k, c in cells.items() if c["coding"] and c["coding"]["sources"] != 0} == keys
    for key in keys:
        for measure in CODED_MEASURES:
            values = [area.get(key, {}).get(measure, 0) for area in coded]
            assert cells[key]["coding"][measure] == summed(values), (key, measure)
        heard: dict[str, int] = {}
        for area in coded:
            for voice in area.get(key, {}).get("voices", []):
                heard[voice] = heard.get(voice, 0) + 1
        assert cells[key]["coding"]["voices"] == dict(sorted(heard.items()))

    # the case reviews: every area's, the earlier-shape extract's included, and no coded source
    earlier = json.loads(EARLIER.read_text(encoding="utf-8"))["payload"]["matrix"]["cells"]
    areas = [*matrix["per_area"].values()]
    assert len(areas) == 7
    for key, cell in cells.items():
        for measure in ("reviews", "strengths", "concerns", "findings"):
            values = [
                c[measure]
                for area in areas
                for c in area
                if (c["criterion"], c["agency_kind"]) == key
            ]
            assert cell[measure] == _sum_shown(values), (key, measure)
    lowbridge = {(c["criterion"], c["agency_kind"]): c for c in matrix["per_area"]["Lowbridge"]}
    assert all(c["coding"] is None for c in lowbridge.values())
    assert {k: lowbridge[k]["reviews"] for k in lowbridge} == {
        (c["criterion"], c["agency_kind"]): _sum_shown([c["reviews"]]) for c in earlier
    }

    text = thematic(secret, "summary", workspace)
    assert text.returncode == 0, text.stderr
    assert "Lowbridge: " in text.stdout and "matrix from reviews and findings" in text.stdout
    assert f"coded in {len(coded_areas)} of them" in text.stdout


def _sum_shown(values: list) -> int | dict:
    """Per-area counts as the summary gives them (an int, or a range) added up."""
    low = high = 0
    for v in values:
        if isinstance(v, dict):
            low, high = low + v["at_least"], high + v["at_most"]
        elif v is None:
            low, high = low + 1, high + 5
        else:
            low, high = low + v, high + v
    return low if low == high else {"at_least": low, "at_most": high}


def test_the_report_draft_gives_the_coded_evidence_apart_and_passes_the_final_file_gate(
    six_extracts, secret, tmp_path
):
    from docx import Document

    from jtai_desktop.domain.thematic import Count

    _folder, _ids, files = six_extracts
    workspace = tmp_path / "workspace"
    assert thematic(secret, "import", workspace, *files, EARLIER).returncode == 0
    out = tmp_path / "thematic.docx"
    done = thematic(secret, "export", workspace, "--out", out)  # the final-file gate included
    assert done.returncode == 0, done.stderr
    summary = json.loads(thematic(secret, "summary", workspace, "--json").stdout)
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    coded = [a for a, source in summary["matrix"]["sources"].items() if source == "coding"]
    assert f"In four of the seven areas ({', '.join(coded[:-1])} and {coded[-1]})" in text
    tables = [t for t in document.tables if t.rows[0].cells[3].text == "Coded notes"]
    assert len(tables) == 1
    header = [c.text for c in tables[0].rows[0].cells]
    measures = [LABELS[h] for h in header[2:]]
    summed = {(c["criterion"], c["agency_kind"]): c["coding"] for c in summary["matrix"]["summed"]}
    # a kind of source no area coded has no column, and the text says so
    unused = {m for m in ("front_door", "evidence") if not any(c and c[m] for c in summed.values())}
    assert set(measures) == set(CODED_MEASURES) - unused
    assert ("Those areas counted no front door samples." in text) == ("front_door" in unused)
    kinds = {c["agency_kind"] for c in summary["matrix"]["summed"]}
    body = [[c.text for c in row.cells] for row in tables[0].rows[1:]]
    assert body and len(body) == sum(1 for c in summed.values() if c and c["sources"] != 0)
    for cells in body:
        kind = next(k for k in kinds if _kind_words(k) == cells[1])
        coded_cell = summed[(cells[0], kind)]
        assert cells[2:] == [_shown(coded_cell[m], Count) for m in measures], cells


LABELS = {
    "All sources": "sources",
    "Coded notes": "notes",
    "Case reviews": "case_reviews",
    "Front door samples": "front_door",
    "Evidence items": "evidence",
    "With a strength": "strengths",
    "With a concern": "concerns",
}


def _kind_words(kind: str) -> str:
    from jtai_desktop.report.thematic_report import KINDS

    return KINDS.get(kind, kind)


def _shown(value, count) -> str:
    if isinstance(value, dict):
        return count(value["at_least"], value["at_most"]).shown()
    return count(value, value).shown()
