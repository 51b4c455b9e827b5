"""The letter's structure and the lead's choices for it, on the small demo inspection."""

from __future__ import annotations

from datetime import date

import pytest

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.services import children, findings, inspections, report
from jtai_desktop.services import letter as letter_service
from jtai_desktop.services.demo import build_demo

# The current format, as published since 2022, for a thematic inspection (the demo's).
HEADINGS = [
    "",  # the date, the address block and the greeting
    "Joint targeted area inspection of Northbridge",  # the title, then the opening
    "Context",
    "Headline findings",
    "Areas for priority action",
    "What needs to improve?",
    "Strengths",
    "Main findings",
    "Practice study: highly effective practice",
    "Practice study: area for improvement",
    "Next steps",
    "",  # yours sincerely, and the signatures
]


@pytest.fixture
def demo(ws):
    return ws, build_demo(ws, "small", 1)


def level(letter, n):
    return [s.heading for s in letter.sections if s.level == n]


def test_sections_come_in_the_order_of_published_letters(demo):
    ws, iid = demo
    letter, inputs = report.build_letter(ws, iid)
    assert [s.heading for s in letter.sections] == HEADINGS
    assert letter.title == "Joint targeted area inspection of Northbridge"
    opening = letter.section("opening").blocks[0].text
    assert opening == (
        "This letter summarises the findings of the joint targeted area inspection (JTAI) of "
        "the multi-agency response to children who are victims of domestic abuse in Northbridge."
    )
    assert "took place from 19 to 23 October 2026" in letter.section("opening").blocks[1].text


def test_the_address_block_comes_from_the_agencies_in_scope_and_the_theme(demo):
    ws, iid = demo
    letter, _ = report.build_letter(ws, iid, today=date(2026, 12, 3))
    date_line, addressees, greeting = (b.text for b in letter.section("address").blocks)
    assert date_line == "3 December 2026"
    assert addressees.splitlines() == [
        "Chief Executive, Northbridge Council",  # the theme (domestic abuse) brings them in
        "Director of Children's Services, Northbridge Council",
        "Police and Crime Commissioner for Northbridge",
        "Chief Constable, Northbridge Police",
        # One addressee per kind: the ICB among the health organisations inspected.
        "Chief Executive, Northbridge ICB",
        "Regional Probation Director, Probation Service, Northbridge",
        "Independent Scrutineer, Northbridge Local Safeguarding Partnership",
    ]
    assert greeting == "Dear Northbridge Local Safeguarding Partnership"
    inspections.add_agency(ws, iid, "youth_justice", name="Northbridge Youth Offending Team")
    letter, _ = report.build_letter(ws, iid)
    assert (
        "Head of Service, Northbridge Youth Offending Team"
        in letter.section("address").blocks[1].text
    )


def test_next_steps_give_the_statement_of_action_date_from_the_calendar(demo):
    ws, iid = demo
    letter_service.set_settings(
        ws, iid, letter_date=date(2026, 12, 3), principal_authority="Northbridge City Council"
    )
    letter, _ = report.build_letter(ws, iid)
    first, second = (b.text for b in letter.section("next_steps").blocks)
    assert first.startswith("We have determined that Northbridge City Council is the principal")
    # 70 working days from Thursday 3 December 2026: 14 weeks, and Christmas Day, the
    # Boxing Day holiday on Monday 28 December and New Year's Day are not working days.
    assert "by 16 March 2027." in second


def test_signatures_are_the_inspectorates_heads_never_the_lead(demo):
    ws, iid = demo
    letter, _ = report.build_letter(ws, iid)
    texts = [b.text for b in letter.section("sign_off").blocks]
    assert texts[0] == "Yours sincerely"
    assert texts[1:] == [
        "National Director, Regulation and Social Care, Ofsted",
        "Chief Inspector of Health Care, CQC",
        "His Majesty's Inspector of Constabulary and Fire & Rescue Services",
        "His Majesty's Chief Inspector of Probation",
    ]
    lead = ws.get("member", ws.author_for(iid))["name"]
    assert lead not in " ".join(p.text for p in letter.pieces())


def test_the_earlier_format_puts_the_theme_in_the_title_and_signs_in_a_grid(demo):
    ws, iid = demo
    letter_service.set_settings(ws, iid, format="2016")
    letter, _ = report.build_letter(ws, iid)
    assert letter.title == (
        "Joint targeted area inspection of the multi-agency response to children who are "
        "victims of domestic abuse in Northbridge"
    )
    headings = [s.heading for s in letter.sections]
    assert headings.index("Key strengths") < headings.index("Areas for improvement")
    grid = letter.section("sign_off").blocks[-1]
    assert grid.header == ("Ofsted", "Care Quality Commission")


def test_a_front_door_letter_has_no_practice_studies_and_three_inspectorates(ws):
    from jtai_desktop.domain.themes import default_themes_dir, load_pack

    pack = load_pack(default_themes_dir() / "front-door.toml")
    iid = inspections.create_inspection(
        ws,
        pack,
        area="Eastmoor",
        notification=date(2026, 10, 5),
        lead=inspections.MemberInput("Ann Lead", "ofsted"),
    ).entity_id
    keys = report.section_keys(ws, iid)
    assert "study_good" not in keys and "context" in keys
    letter, _ = report.build_letter(ws, iid)
    assert "identification of initial need and risk in Eastmoor" in (
        letter.section("opening").blocks[0].text
    )
    assert len(letter.section("sign_off").blocks) == 4  # yours sincerely and three heads


def test_narrative_sections_are_the_leads_writing_drawing_on_findings(demo):
    ws, iid = demo
    assert not [w for w in report.check_letter(ws, iid).result.warnings if w.kind == "not_written"]
    for key in ("headline", "main"):
        report.set_section(ws, iid, key, text="")  # as before the lead writes them
    warnings = report.check_letter(ws, iid).result.warnings
    assert {"headline", "main"} <= {w.section for w in warnings if w.kind == "not_written"}
    stand_in = report.build_letter(ws, iid)[0].section("main").blocks
    assert all(b.finding_id for b in stand_in)  # the findings' own words, until written
    report.set_section(ws, iid, "main", text="Leaders know their services well.\n\nThey act.")
    letter, _ = report.build_letter(ws, iid)
    assert [b.text for b in letter.section("main").blocks] == [
        "Leaders know their services well.",
        "They act.",
    ]
    info = {s.key: s for s in report.sections(ws, iid)}["main"]
    assert info.items  # the findings it draws on are still listed beside it
    assert "1,200 to 3,600 words" in info.usual and info.purpose


def test_practice_studies_are_checked_for_names_and_exact_ages(demo):
    ws, iid = demo
    tracked = report.section_options(ws, iid, "study_good")
    assert tracked and all("journey" in o.label for o in tracked)
    report.set_section(
        ws,
        iid,
        "study_good",
        items=[tracked[0].id],
        text="Child A, aged 14, was helped quickly by the MASH and the school nurse.",
    )
    warnings = [w.message for w in report.check_letter(ws, iid).result.warnings]
    assert any("names Child A" in w for w in warnings)
    assert any("exact age" in w for w in warnings)


def test_the_annexes_are_only_in_an_internal_draft(demo):
    ws, iid = demo
    public, _ = report.build_letter(ws, iid)
    internal, inputs = report.build_letter(ws, iid, internal=True)
    keys = [s.key for s in public.sections]
    assert not {"annex_reviews", "annex_chart", "annex_evidence"} & set(keys)
    index = internal.section("annex_evidence").blocks[-1]
    assert index.header == ("Ref", "Title", "Source", "SHA-256")
    assert len(index.rows) == len(inputs.evidence) == 30


def test_priority_actions_come_first_in_their_own_section(demo):
    ws, iid = demo
    letter, inputs = report.build_letter(ws, iid)
    priority = [f.id for f in inputs.findings if f.kind == "priority_action"]
    keys = [s.key for s in letter.sections]
    assert keys.index("priority") < keys.index("improve")
    assert [b.finding_id for b in letter.section("priority").blocks] == priority
    improve = [b.finding_id for b in letter.section("improve").blocks]
    assert not set(priority) & set(improve) and improve


def test_choices_are_shared_undoable_edits_of_the_inspection(demo):
    ws, iid = demo
    changes = report.set_section(
        ws,
        iid,
        "headline",
        heading="Summary",
        text="Leaders know their services well.\n\nThey act quickly.",
    )
    info = {s.key: s for s in report.sections(ws, iid)}["headline"]
    assert (info.heading, info.default_heading) == ("Summary", "Headline findings")
    preview = dict(report.preview(ws, iid))
    assert preview["Summary"][:2] == [
        "Leaders know their services well.",
        "They act quickly.",
    ]
    ws.apply(changes.inverse())  # undo
    assert "Headline findings" in dict(report.preview(ws, iid))


def test_a_section_can_go_back_to_its_default_selection(demo):
    ws, iid = demo
    report.set_section(ws, iid, "strengths", items=[])
    info = {s.key: s for s in report.sections(ws, iid)}["strengths"]
    assert info.items == ()
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


def test_the_demo_letter_passes_the_gate(demo):
    ws, iid = demo
    draft = report.check_letter(ws, iid, internal=True)
    assert not draft.result.blocked, [h.describe() for h in draft.result.hits]


def test_a_childs_private_name_in_a_finding_blocks_until_overridden(demo):
    ws, iid = demo
    child = ws.rows("child", iid, order_by="pseudonym")[0]
    finding = findings.findings_in_order(ws, iid)[0]  # the priority action
    findings.update_finding(ws, finding["id"], title=f"{child['private_name']} was not seen")
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
    findings.update_finding(ws, finding["id"], title=f"Mr {surname} was not seen")
    assert report.check_letter(ws, iid).result.blocked


def test_warnings_for_missing_evidence_agencies_without_findings_and_empty_sections(demo):
    ws, iid = demo
    agency = inspections.add_agency(ws, iid, "youth_justice").entity_id
    findings.add_finding(
        ws, iid, kind="strength", title="Unsupported", text="Unsupported.", agencies=["partnership"]
    )
    report.set_section(ws, iid, "headline", items=[], text="")
    warnings = report.check_letter(ws, iid).result.warnings
    kinds = {(w.kind, w.section) for w in warnings}
    assert ("agency_without_finding", f"agency:{agency}") in kinds
    assert ("empty_section", "headline") in kinds
    assert any(w.kind == "finding_without_evidence" for w in warnings)
    assert not report.check_letter(ws, iid).result.blocked  # warnings never block


def test_no_identifying_field_reaches_the_letter(demo):
    ws, iid = demo
    child = ws.rows("child", iid)[0]
    children.update_child(ws, child["id"], summary="A summary the letter does not use.")
    letter, _ = report.build_letter(ws, iid, internal=True)
    text = " ".join(piece.text for piece in letter.pieces())
    for row in ws.rows("child", iid):
        for field in ("private_name", "private_address", "private_school", "case_ref"):
            assert row[field] not in text
