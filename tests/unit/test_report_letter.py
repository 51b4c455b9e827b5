"""The letter's structure and the lead's choices for it, on the small demo inspection."""

from __future__ import annotations

import pytest

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.services import casework, findings, inspections, report
from jtai_desktop.services.demo import build_demo

LEVEL_ONE = [
    "About this inspection",
    "Headline findings",
    "What needs to improve",
    "Strengths",
    "Children's experiences: case examples",
    "Findings for each agency",
    "Next steps",
    "Annex A: case reviews by agency and criterion",
    "Annex B: findings by agency and kind",
]


@pytest.fixture
def demo(ws):
    return ws, build_demo(ws, "small", 1)


def level(letter, n):
    return [s.heading for s in letter.sections if s.level == n]


def test_sections_come_in_the_letters_order_with_default_headings(demo):
    ws, iid = demo
    letter, inputs = report.build_letter(ws, iid)
    assert level(letter, 1) == LEVEL_ONE
    second = level(letter, 2)
    assert second[:2] == ["Areas for priority action", "Areas for improvement"]
    # One subsection per agency kind in scope: its organisation when it has one, the kind
    # (holding every organisation's findings) when it has several.
    assert second[-6:] == [
        "Children's social care",
        "Northbridge Police",
        "Health",
        "Education",
        "Probation Service, Northbridge",
        "Harbour domestic abuse service",
    ]
    assert letter.title == "Joint targeted area inspection of Northbridge"


def test_the_evidence_index_is_only_in_an_internal_draft(demo):
    ws, iid = demo
    public, _ = report.build_letter(ws, iid)
    internal, inputs = report.build_letter(ws, iid, internal=True)
    assert "annex_evidence" not in [s.key for s in public.sections]
    index = internal.section("annex_evidence").blocks[-1]
    assert index.header == ("Ref", "Title", "Source", "SHA-256")
    assert len(index.rows) == len(inputs.evidence) == 30


def test_priority_actions_come_first_whatever_order_the_lead_gives(demo):
    ws, iid = demo
    options = report.section_options(ws, iid, "improve")
    priority = [o.id for o in options if o.label.startswith("Area for priority action")]
    others = [o.id for o in options if o.id not in priority]
    report.set_section(ws, iid, "improve", items=[*reversed(others[:3]), *priority])
    letter, _ = report.build_letter(ws, iid)
    improve = {s.key: [getattr(b, "finding_id", None) for b in s.blocks] for s in letter.sections}
    assert improve["improve:priority_action"] == priority
    assert improve["improve:area_for_improvement"] == list(reversed(others[:3]))


def test_choices_are_shared_undoable_edits_of_the_inspection(demo):
    ws, iid = demo
    changes = report.set_section(
        ws,
        iid,
        "headline",
        heading="Main findings",
        text="Leaders know their services well.\n\nThey act quickly.",
    )
    info = {s.key: s for s in report.sections(ws, iid)}["headline"]
    assert (info.heading, info.default_heading) == ("Main findings", "Headline findings")
    preview = dict(report.preview(ws, iid))
    assert preview["Main findings"][:2] == [
        "Leaders know their services well.",
        "They act quickly.",
    ]
    ws.apply(changes.inverse())  # undo
    assert "Headline findings" in dict(report.preview(ws, iid))


def test_a_section_can_go_back_to_its_default_selection(demo):
    ws, iid = demo
    report.set_section(ws, iid, "strengths", items=[])
    assert report.sections(ws, iid)[3].items == ()
    report.set_section(ws, iid, "strengths", default_items=True)
    info = {s.key: s for s in report.sections(ws, iid)}["strengths"]
    assert len(info.items) == 9 and not info.items_chosen  # 8 organisations' and one joint


def test_items_that_cannot_go_in_a_section_are_refused(demo):
    ws, iid = demo
    strength = next(o.id for o in report.section_options(ws, iid, "strengths"))
    with pytest.raises(ValidationError, match="cannot go in this section"):
        report.set_section(ws, iid, "improve", items=[strength])
    with pytest.raises(ValidationError, match="text only"):
        report.set_section(ws, iid, "next_steps", items=[strength])
    with pytest.raises(ValidationError, match="no section"):
        report.set_section(ws, iid, "appendix", text="x")


def test_case_examples_use_pseudonyms_and_the_reviews_the_lead_chose(demo):
    ws, iid = demo
    letter, inputs = report.build_letter(ws, iid)
    children = [s for s in letter.sections if s.key.startswith("cases:")]
    assert [s.heading.split(",")[0] for s in children] == ["Child A", "Child B"]
    review = next(o for o in report.section_options(ws, iid, "cases") if not o.chosen)
    report.set_section(ws, iid, "cases", items=[review.id])
    letter, _ = report.build_letter(ws, iid)
    chosen = [s for s in letter.sections if s.key.startswith("cases:")]
    assert len(chosen) == 1 and chosen[0].heading.startswith(review.label.split(" \u00b7 ")[0])


def test_the_demo_letter_passes_the_gate(demo):
    ws, iid = demo
    draft = report.check_letter(ws, iid, internal=True)
    assert not draft.result.blocked, [h.describe() for h in draft.result.hits]


def test_a_childs_private_name_in_a_finding_blocks_until_overridden(demo):
    ws, iid = demo
    child = ws.rows("child", iid, order_by="pseudonym")[0]
    finding = findings.findings_in_order(ws, iid)[0]  # the priority action
    findings.update_finding(ws, finding["id"], text=f"{child['private_name']} was not seen.")
    hits = report.check_letter(ws, iid).result.hits
    assert hits and {h.match for h in hits} == {child["private_name"]}
    assert {h.finding_id for h in hits} == {finding["id"]}
    for hit in hits:
        report.add_override(ws, iid, hit, "Test data: the name is fictional")
    result = report.check_letter(ws, iid).result
    assert not result.blocked and len(result.overridden) == len(hits)
    kept = report.overrides(ws, iid)
    assert kept[0].by == "Helen Marsh" and kept[0].at  # who and when
    # A changed text is checked afresh.
    surname = child["private_name"].split()[-1]
    findings.update_finding(ws, finding["id"], text=f"Mr {surname} was not seen.")
    assert report.check_letter(ws, iid).result.blocked


def test_warnings_for_missing_evidence_agencies_without_findings_and_empty_sections(demo):
    ws, iid = demo
    agency = inspections.add_agency(ws, iid, "youth_justice").entity_id
    findings.add_finding(
        ws, iid, kind="strength", title="Unsupported", text="Unsupported.", agencies=["partnership"]
    )
    report.set_section(ws, iid, "headline", items=[])
    warnings = report.check_letter(ws, iid).result.warnings
    kinds = {(w.kind, w.section) for w in warnings}
    assert ("agency_without_finding", f"agency:{agency}") in kinds
    assert ("empty_section", "headline") in kinds
    assert ("empty_section", f"agency:{agency}") in kinds
    assert any(w.kind == "finding_without_evidence" for w in warnings)
    assert not report.check_letter(ws, iid).result.blocked  # warnings never block


def test_no_identifying_field_reaches_the_letter(demo):
    ws, iid = demo
    child = ws.rows("child", iid)[0]
    casework.update_child(ws, child["id"], summary="A summary the letter does not use.")
    letter, _ = report.build_letter(ws, iid, internal=True)
    text = " ".join(piece.text for piece in letter.pieces())
    for row in ws.rows("child", iid):
        for field in ("private_name", "private_address", "private_school", "case_ref"):
            assert row[field] not in text


def test_the_report_layer_needs_no_qt():
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import jtai_desktop.report.compose, jtai_desktop.report.docx_writer, "
        "jtai_desktop.report.gate, jtai_desktop.report.output, "
        "jtai_desktop.report.overrides, jtai_desktop.services.report"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
