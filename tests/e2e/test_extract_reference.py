"""An extract of the reference demo (200 children, 2,000 notes, 1,000 evidence items) holds
nothing that identifies a child or that stays inside the team: the raw file is scanned for
every pseudonym, case reference, private detail, note and evidence item the inspection holds."""

from __future__ import annotations

import json
import re

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.services.demo import build_demo
from jtai_desktop.services.extract import write_extract
from jtai_desktop.sync import extract_file

from ..thematic_extracts import publish_demo


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("reference-extract")
    context = open_context(root / "data", create_demo=True)
    ws = context.workspace
    inspection_id = build_demo(ws, "reference", 1)
    publish_demo(ws, inspection_id, root)
    out = root / "extract.json"
    write_extract(ws, inspection_id, out)
    yield ws, inspection_id, out.read_bytes()
    context.close()


def held_words(ws, inspection_id) -> dict[str, set[str]]:
    """What must never leave the team, by what it is."""
    children = ws.rows("child", inspection_id)
    notes = ws.rows("note", inspection_id)
    evidence = ws.rows("evidence", inspection_id)
    return {
        "pseudonym": {c["pseudonym"] for c in children},
        "case reference": {c["case_ref"] for c in children},
        "name": {c["private_name"] for c in children}
        | {c["private_name"].split()[-1] for c in children},
        "address": {c["private_address"] for c in children}
        | {c["private_address"].split(",")[0] for c in children},
        "postcode": {
            c["private_address"].rsplit(" ", 2)[-2] + " " + c["private_address"].rsplit(" ", 1)[-1]
            for c in children
        },
        "school": {c["private_school"] for c in children},
        "date of birth": {
            c["private_dob"].isoformat()
            if hasattr(c["private_dob"], "isoformat")
            else str(c["private_dob"])
            for c in children
        },
        "note text": {n["text"] for n in notes} | {n["title"] for n in notes},
        # a coded passage's words (a short one, "No concerns.", may be any letter's words too)
        "coded passage": {
            c["quote"] for c in ws.rows("code", inspection_id) if len(c["quote"] or "") > 25
        },
        "evidence": {e["ref"] for e in evidence} | {e["file_name"] for e in evidence},
        "team member": {m["name"] for m in ws.rows("member", inspection_id)},
    }


def test_the_reference_extract_holds_no_pseudonym_case_reference_private_detail_or_note(reference):
    ws, inspection_id, raw = reference
    text = raw.decode("utf-8")
    found = {
        what: sorted(w for w in words if w and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))
        for what, words in held_words(ws, inspection_id).items()
    }
    assert {what: hits for what, hits in found.items() if hits} == {}
    assert not re.search(r"Child [A-Z]{1,2}\b", text)
    assert not re.search(r"\bE-\d{4}\b", text)  # no evidence reference of any kind
    assert json.loads(text)["payload"]["matrix"]["source"] == "coding"  # the demo codes passages


def test_the_reference_extract_is_signed_and_its_small_counts_are_left_out(reference):
    _ws, _inspection_id, raw = reference
    payload = extract_file.read(raw).payload
    counts = [
        cell[m]
        for cell in payload["matrix"]["cells"]
        for m in ("reviews", "strengths", "concerns", "findings")
    ]
    counts += list(payload["children"].values())
    assert None in counts  # some were suppressed
    assert not [c for c in counts if c is not None and 0 < c < 6]
    assert payload["children"]["sampled"] > 100
    assert payload["letter"]["sections"] and payload["case_studies"]
