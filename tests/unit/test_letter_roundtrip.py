"""Versions of the letter and the factual-accuracy round trip, on the small demo: a file the
area returns with comments and a tracked change, read back and anchored to its sections."""

from __future__ import annotations

import copy

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.services import accuracy, findings, report, versions
from jtai_desktop.services import letter as letter_service
from jtai_desktop.services.demo import build_demo


@pytest.fixture
def demo(ws):
    return ws, build_demo(ws, "small", 1)


def _paragraph_starting(document, words: str):
    return next(p for p in document.paragraphs if p.text.startswith(words))


def _paragraph_in_section(document, heading: str, offset: int = 1):
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == heading)
    return paragraphs[at + offset]


def _paragraph_with(document, heading: str, words: str):
    """The first paragraph after ``heading`` whose last run holds ``words``."""
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == heading)
    return next(p for p in paragraphs[at + 1 :] if p.runs and words in p.runs[-1].text)


def _track_replacement(paragraph, old: str, new: str, author: str) -> None:
    """What Word writes when a reviewer with track changes on replaces ``old`` by ``new``:
    a w:del of the old words followed by a w:ins of the new, in the same paragraph."""
    run = paragraph.runs[-1]._r
    text = run.text
    at = text.index(old)
    before, after = text[:at], text[at + len(old) :]
    run.text = before
    attrs = f'w:id="901" w:author="{author}" w:date="2027-01-10T10:00:00Z"'
    deleted = parse_xml(
        f'<w:del {nsdecls("w")} {attrs}><w:r><w:delText xml:space="preserve">{old}'
        "</w:delText></w:r></w:del>"
    )
    attrs = attrs.replace("901", "902")
    inserted = parse_xml(
        f'<w:ins {nsdecls("w")} {attrs}><w:r><w:t xml:space="preserve">{new}</w:t></w:r></w:ins>'
    )
    rest = copy.deepcopy(run)
    rest.text = after
    run.addnext(deleted)
    deleted.addnext(inserted)
    inserted.addnext(rest)


def returned_file(exported, out, author="Head of Service, Northbridge Council"):
    """The exported letter as the area sends it back: three comments, one tracked change."""
    document = docx.Document(str(exported))
    headline = _paragraph_in_section(document, "Headline findings")
    document.add_comment(headline.runs[0], text="This understates the MASH work.", author=author)
    strengths = _paragraph_in_section(document, "Strengths", 2)
    document.add_comment(strengths.runs[0], text="Please name the health trust.", author=author)
    next_steps = _paragraph_in_section(document, "Next steps", 1)
    document.add_comment(next_steps.runs[-1], text="Can the date move?", author=author)
    improve = _paragraph_with(document, "What needs to improve?", "not always")
    _track_replacement(improve, "not always", "not yet always", author)
    document.save(str(out))
    return out


def test_three_comments_and_one_tracked_change_import_as_four_anchored_items(demo, tmp_path):
    ws, iid = demo
    exported = tmp_path / "for-area.docx"
    outcome = report.export_letter(ws, iid, exported, for_area=True)
    assert outcome.written
    back = returned_file(exported, tmp_path / "returned.docx")

    result = accuracy.import_returned(ws, iid, back)

    assert (result.added, result.already) == (4, 0)
    found = accuracy.items(ws, iid)
    anchored = sorted((i.kind, i.section, i.paragraph) for i in found)
    assert anchored == [
        ("comment", "headline", 1),
        ("comment", "next_steps", 1),
        ("comment", "strengths", 2),
        ("replacement", "improve", 2),  # the second bullet says "not always"
    ]
    change = next(i for i in found if i.kind == "replacement")
    assert change.quoted == "not always"
    assert "not yet always" in change.comment
    assert {i.author for i in found} == {"Head of Service, Northbridge Council"}
    assert {i.status for i in found} == {"open"}
    assert {i.version for i in found} == {1}
    headline = next(i for i in found if i.section == "headline")
    assert headline.heading == "Headline findings" and headline.quoted
    # The same file again adds nothing.
    assert accuracy.import_returned(ws, iid, back).added == 0


def test_decisions_are_attributed_ops_and_a_rejection_needs_a_reason(demo, tmp_path):
    ws, iid = demo
    exported = tmp_path / "for-area.docx"
    report.export_letter(ws, iid, exported, for_area=True)
    accuracy.import_returned(ws, iid, returned_file(exported, tmp_path / "back.docx"))
    first, second, third, _fourth = accuracy.items(ws, iid)
    with pytest.raises(ValidationError, match="reason"):
        accuracy.decide(ws, first.id, "rejected", "  ")
    accuracy.decide(ws, first.id, "accepted")
    accuracy.decide(ws, second.id, "rejected", "The evidence shows otherwise.")
    accuracy.decide(ws, third.id, "queried", "Which team do you mean?")
    decided = {i.id: i for i in accuracy.items(ws, iid)}
    lead = ws.get("member", ws.author_for(iid))["name"]
    assert decided[first.id].status == "accepted" and decided[first.id].decided_by == lead
    assert decided[second.id].response == "The evidence shows otherwise."
    ops = ws.db.execute(
        "SELECT COUNT(*) FROM ops WHERE entity_id = ? AND field = 'status'", (second.id,)
    ).fetchone()[0]
    assert ops == 2  # imported as open, then rejected: each an op in the change log

    table = tmp_path / "responses.docx"
    written = accuracy.export_responses(ws, iid, table)
    assert written.written
    rows = docx.Document(str(table)).tables[0].rows
    assert [c.text for c in rows[0].cells][2] == "Response"
    assert {r.cells[2].text for r in rows[1:]} == {"Accepted", "Rejected", "Queried", "Open"}


def test_a_file_that_is_not_word_is_refused_with_a_message(demo, tmp_path):
    ws, iid = demo
    bad = tmp_path / "returned.docx"
    bad.write_text("not a zip")
    with pytest.raises(ValidationError, match="not a Word document"):
        accuracy.import_returned(ws, iid, bad)


def test_each_export_is_a_version_with_hash_and_a_diff_shows_an_edited_finding(demo, tmp_path):
    ws, iid = demo
    report.export_letter(ws, iid, tmp_path / "qa.docx")
    strength = next(f for f in findings.findings_in_order(ws, iid) if f["kind"] == "strength")
    findings.update_finding(
        ws, strength["id"], title="The MASH makes quick and well-reasoned decisions"
    )
    report.export_letter(ws, iid, tmp_path / "area.docx", for_area=True)

    kept = versions.versions(ws, iid)
    assert [(v["number"], v["purpose"]) for v in kept] == [(1, "qa"), (2, "area")]
    import hashlib

    assert kept[1]["sha256"] == hashlib.sha256((tmp_path / "area.docx").read_bytes()).hexdigest()
    assert kept[0]["by"] == ws.get("member", ws.author_for(iid))["name"]

    diff = versions.compare(ws, iid, "1", "2")
    changed = {s.key: s for s in diff.changed_sections}
    assert "strengths" in changed
    assert any(
        line.startswith("+ ") and "quick and well-reasoned" in line
        for line in changed["strengths"].lines
    )
    assert any(line.startswith("- ") for line in changed["strengths"].lines)
    edited = [f for f in diff.findings if f.status == "edited"]
    assert [f.id for f in edited] == [strength["id"]]
    assert "headline" not in changed


def test_publication_records_the_version_and_the_statement_of_action_date(demo, tmp_path):
    from datetime import date

    ws, iid = demo
    with pytest.raises(ValidationError, match="export it for the area"):
        letter_service.publish(ws, iid)
    report.export_letter(ws, iid, tmp_path / "area.docx", for_area=True)
    published, _changes = letter_service.publish(ws, iid, on=date(2027, 1, 15))
    row = letter_service.letter_row(ws, iid)
    assert row["published_version"] == published.version_id
    # 70 working days from Friday 15 January 2027: 14 weeks, and Good Friday and Easter
    # Monday 2027 (26 and 29 March) are not working days.
    assert published.wsoa_due == date(2027, 4, 27)
    assert row["wsoa_due"] == "2027-04-27"
    assert published.retention_proposed > published.wsoa_due


def test_a_versions_number_wins_over_an_id_that_starts_with_the_same_digit(monkeypatch):
    """Ids are random hex: version 1's id can start with '2'. Asked for '2', the app must
    give version 2 (the CLI's '--diff 1 2' once compared version 1 with itself)."""
    kept = [
        {"number": 1, "id": "2f0c9a"},
        {"number": 2, "id": "a81b44"},
        {"number": 3, "id": "2f9d"},
    ]
    monkeypatch.setattr(versions, "versions", lambda ws, iid: kept)
    assert versions.find_version(None, "i", "2")["number"] == 2
    assert versions.find_version(None, "i", "a8")["number"] == 2
    with pytest.raises(versions.NotFoundError, match="starts the ids of 2 versions"):
        versions.find_version(None, "i", "2f")
    assert versions.find_version(None, "i", "2f9")["number"] == 3
