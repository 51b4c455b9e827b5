"""Rules of the inspection method, enforced by the services on a real data folder.

Each refusal is checked twice: it raises an error a person can act on, and nothing was saved
(the record, its table and the change log are as they were before).
"""

from datetime import date

import pytest

from jtai_desktop.domain.calendar import CalendarSettings
from jtai_desktop.domain.errors import JtaiError, ValidationError
from jtai_desktop.domain.rules import (
    check_cited_evidence,
    check_note_consent,
    evidence_ref,
    parse_evidence_ref,
)
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import children, evidence, findings, notes, reviews
from jtai_desktop.services.inspections import (
    MemberInput,
    create_inspection,
    inspection_counts,
    inspection_dates,
    list_inspections,
)
from jtai_desktop.services.reviews import ReviewInput
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store import oplog

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")
FIELDWORK = "2026-10-19"


def make_inspection(ws, notification=date(2026, 10, 5), settings=None):
    """A domestic-abuse inspection led on this device, with one CQC member in block 2."""
    return create_inspection(
        ws,
        PACK,
        area="Testshire",
        notification=notification,
        settings=settings,
        lead=MemberInput("Alex Lead", "ofsted"),
        team=(MemberInput("Sam Member", "cqc"),),
    ).entity_id


def agency(ws, inspection_id, kind):
    return next(a for a in ws.rows("agency", inspection_id) if a["kind"] == kind)


def member(ws, inspection_id, block):
    return next(m for m in ws.rows("member", inspection_id) if m["evidence_block"] == block)


def note_values(**values):
    return {"kind": "focus_group", "date": FIELDWORK, "title": "Parents' focus group", **values}


def add_item(ws, inspection_id, title="Case file extract"):
    return evidence.add_evidence(
        ws, inspection_id, title=title, source="case_file", date=FIELDWORK
    ).entity_id


@pytest.fixture
def insp(ws):
    return make_inspection(ws)


# --- consent --------------------------------------------------------------------------------


def test_consent_rule_alone():
    check_note_consent("interview", False, False)
    check_note_consent("interview", True, True)
    with pytest.raises(ValidationError, match="consent"):
        check_note_consent("interview", True, False)


def test_note_with_children_or_families_needs_recorded_consent(ws, insp):
    with pytest.raises(ValidationError) as refused:
        notes.add_note(
            ws, insp, **note_values(children_or_families_present=True, consent_recorded=False)
        )
    message = refused.value.message
    assert "consent must be recorded" in message
    assert "Consent recorded" in message  # says what to do, not only what is wrong
    assert ws.rows("note", insp) == []

    saved = notes.add_note(
        ws, insp, **note_values(children_or_families_present=True, consent_recorded=True)
    ).entity_id
    row = ws.get("note", saved)
    assert row["children_or_families_present"] and row["consent_recorded"]


def test_consent_cannot_be_removed_from_a_saved_note(ws, insp):
    note_id = notes.add_note(
        ws, insp, **note_values(children_or_families_present=True, consent_recorded=True)
    ).entity_id
    before, ops_before = ws.get("note", note_id), oplog.count(ws.db, insp)

    with pytest.raises(ValidationError, match="consent"):
        notes.update_note(ws, note_id, consent_recorded=False)
    with pytest.raises(ValidationError, match="consent"):  # the same change in one edit
        notes.update_note(ws, note_id, consent_recorded=False, text="Edited as well")

    assert ws.get("note", note_id) == before
    assert oplog.count(ws.db, insp) == ops_before


def test_a_note_without_children_or_families_needs_no_consent(ws, insp):
    note_id = notes.add_note(ws, insp, **note_values(kind="meeting")).entity_id
    assert not ws.get("note", note_id)["consent_recorded"]


# --- attendees ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attendee",
    [
        {"agency": "any"},  # no role
        {"role": "   ", "agency": "any"},  # a blank role
        "social worker",  # not a role-and-agency record
    ],
)
def test_attendees_need_a_role(ws, insp, attendee):
    with pytest.raises(ValidationError, match="needs a role"):
        notes.add_note(ws, insp, **note_values(kind="meeting", attendees=[attendee]))
    assert ws.rows("note", insp) == []


def test_attendees_are_recorded_by_role_and_agency_never_by_name(ws, insp):
    police = agency(ws, insp, "police")["id"]
    named = {"role": "detective sergeant", "agency": police, "name": "Jo Bloggs"}
    with pytest.raises(ValidationError, match="not by name"):
        notes.add_note(ws, insp, **note_values(kind="meeting", attendees=[named]))
    assert ws.rows("note", insp) == []

    fine = {"role": "detective sergeant", "agency": police}
    note_id = notes.add_note(ws, insp, **note_values(kind="meeting", attendees=[fine])).entity_id
    with pytest.raises(ValidationError, match="not by name"):
        notes.update_note(ws, note_id, attendees=[fine, named])
    assert ws.get("note", note_id)["attendees"] == [fine]


# --- findings and evidence ------------------------------------------------------------------


def test_cited_evidence_rule_alone():
    check_cited_evidence(["a"], ["a", "b"])
    with pytest.raises(ValidationError, match="does not exist or was deleted: x"):
        check_cited_evidence(["a", "x"], ["a"])


def test_a_finding_may_not_cite_missing_evidence(ws, insp):
    real = add_item(ws, insp)
    counts_before = inspection_counts(ws, insp)
    links_before = ws.rows("link", insp)

    with pytest.raises(ValidationError, match="no-such-evidence"):
        findings.add_finding(
            ws,
            insp,
            kind="strength",
            title="Strong MASH",
            text="Decisions are timely.",
            agencies=["partnership"],
            evidence_ids=[real, "no-such-evidence"],
        )

    assert inspection_counts(ws, insp) == counts_before  # no finding, no ops
    assert ws.rows("finding", insp) == []
    assert ws.rows("link", insp) == links_before


def test_a_finding_may_not_cite_deleted_evidence(ws, insp):
    kept, deleted = add_item(ws, insp, "Kept"), add_item(ws, insp, "Deleted")
    ws.delete("evidence", deleted)
    findings_before = len(ws.rows("finding", insp))
    ops_before = oplog.count(ws.db, insp)

    with pytest.raises(ValidationError, match="deleted"):
        findings.add_finding(
            ws,
            insp,
            kind="area_for_improvement",
            title="Strategy meetings",
            text="Health is not invited.",
            agencies=["partnership"],
            evidence_ids=[kept, deleted],
        )
    assert len(ws.rows("finding", insp)) == findings_before
    assert oplog.count(ws.db, insp) == ops_before

    finding = findings.add_finding(
        ws,
        insp,
        kind="strength",
        title="Good",
        text="Good.",
        agencies=["partnership"],
        evidence_ids=[kept],
    ).entity_id
    with pytest.raises(ValidationError, match="deleted"):
        findings.cite(ws, finding, deleted)
    assert [e["id"] for e in findings.cited_evidence(ws, finding)] == [kept]


def test_a_finding_names_agencies_or_the_partnership(ws, insp):
    police = agency(ws, insp, "police")["id"]
    with pytest.raises(ValidationError, match="partnership"):
        findings.add_finding(ws, insp, kind="strength", title="T", text="", agencies=[])
    with pytest.raises(ValidationError, match="unknown: not-an-agency"):
        findings.add_finding(
            ws, insp, kind="strength", title="T", text="", agencies=["not-an-agency"]
        )
    with pytest.raises(ValidationError, match="kind of finding"):
        findings.add_finding(ws, insp, kind="grade", title="T", text="", agencies=[police])
    assert ws.rows("finding", insp) == []

    together = findings.add_finding(
        ws, insp, kind="strength", title="Together", text="", agencies=["partnership"]
    ).entity_id
    police_only = findings.add_finding(
        ws, insp, kind="strength", title="Police", text="", agencies=[police]
    ).entity_id
    assert ws.get("finding", together)["agencies"] == ["partnership"]
    assert ws.get("finding", police_only)["agencies"] == [police]

    with pytest.raises(ValidationError, match="partnership"):
        findings.update_finding(ws, police_only, agencies=[])
    assert ws.get("finding", police_only)["agencies"] == [police]


# --- evidence references --------------------------------------------------------------------


def test_evidence_reference_numbering():
    assert evidence_ref(1, 1) == "E-1001"
    assert evidence_ref(1, 999) == "E-1999"
    assert evidence_ref(2, 1) == "E-2001"
    assert evidence_ref(1, 1000) != evidence_ref(2, 1)  # a busy member never runs into block 2
    assert parse_evidence_ref("E-0142") == 142
    with pytest.raises(ValidationError, match="E-1001"):
        parse_evidence_ref("E142")
    with pytest.raises(ValueError):
        evidence_ref(1, 0)


def test_evidence_refs_are_unique_per_member_block(ws, insp):
    first, second = add_item(ws, insp), add_item(ws, insp)
    assert ws.get("evidence", first)["ref"] == "E-1001"
    assert ws.get("evidence", second)["ref"] == "E-1002"

    member2 = member(ws, insp, 2)["id"]
    dev2 = Workspace(ws.db, "dev2", ws.blobs, acting_as=member2)
    theirs = add_item(dev2, insp)
    assert ws.get("evidence", theirs)["ref"] == "E-2001"
    assert ws.get("evidence", theirs)["created_by"] == member2

    assert ws.get("evidence", add_item(ws, insp))["ref"] == "E-1003"
    assert ws.get("evidence", add_item(dev2, insp))["ref"] == "E-2002"


def test_a_deleted_evidence_ref_is_never_reused(ws, insp):
    add_item(ws, insp)
    last = add_item(ws, insp)
    assert ws.get("evidence", last)["ref"] == "E-1002"
    ws.delete("evidence", last)
    assert ws.get("evidence", last) is None

    again = add_item(ws, insp)
    assert ws.get("evidence", again)["ref"] == "E-1003"
    refs = [e["ref"] for e in ws.rows("evidence", insp)]
    assert refs == ["E-1001", "E-1003"]


# --- case reviews ---------------------------------------------------------------------------


@pytest.fixture
def child(ws, insp):
    involved = [agency(ws, insp, "children_social_care")["id"], agency(ws, insp, "police")["id"]]
    return children.add_child(
        ws, insp, pseudonym="Child A", selection="tracked", agencies=involved
    ).entity_id


def test_set_review_refuses_a_criterion_that_does_not_apply_to_the_agency(ws, insp, child):
    social_care = agency(ws, insp, "children_social_care")
    assert "children_social_care" not in PACK.criterion("DA-03").agencies  # schools criterion
    with pytest.raises(ValidationError, match="DA-03 does not apply"):
        reviews.set_review(ws, child, "DA-03", social_care["id"], ReviewInput(observation="x"))
    assert ws.rows("review", insp) == []


def test_set_review_refuses_an_unknown_criterion(ws, insp, child):
    social_care = agency(ws, insp, "children_social_care")["id"]
    with pytest.raises(JtaiError, match="ZZ-99"):
        reviews.set_review(ws, child, "ZZ-99", social_care, ReviewInput(observation="x"))
    assert ws.rows("review", insp) == []


def test_set_review_refuses_a_rating_off_the_packs_scale(ws, insp, child):
    social_care = agency(ws, insp, "children_social_care")["id"]
    with pytest.raises(ValidationError, match="Strong"):  # the message lists the scale
        reviews.set_review(ws, child, "DA-01", social_care, ReviewInput(rating="Outstanding"))
    assert ws.rows("review", insp) == []

    reviews.set_review(ws, child, "DA-01", social_care, ReviewInput(rating="Adequate"))
    assert [r["rating"] for r in ws.rows("review", insp)] == ["Adequate"]


# --- children -------------------------------------------------------------------------------


def test_a_pseudonym_is_unique_within_the_inspection(ws, insp, child):
    with pytest.raises(ValidationError, match="already used"):
        children.add_child(ws, insp, pseudonym="Child A", selection="sampled")
    with pytest.raises(ValidationError, match="already used"):
        children.add_child(ws, insp, pseudonym="  Child A ", selection="sampled")
    assert len(ws.rows("child", insp)) == 1

    other = children.add_child(ws, insp, pseudonym="Child B", selection="sampled").entity_id
    with pytest.raises(ValidationError, match="already used"):
        children.update_child(ws, other, pseudonym="Child A")
    assert ws.get("child", other)["pseudonym"] == "Child B"
    children.update_child(ws, child, pseudonym="Child A")  # keeping its own name is fine

    # Another inspection has its own children.
    elsewhere = make_inspection(ws)
    children.add_child(ws, elsewhere, pseudonym="Child A", selection="tracked")


# --- the calendar ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "notified, fieldwork_start, without_holidays",
    [
        # Christmas week: Fri 25 Dec, Mon 28 Dec (Boxing Day substitute) and Fri 1 Jan are closed.
        (date(2026, 12, 21), date(2027, 1, 7), date(2027, 1, 4)),
        # Easter: Good Friday 3 April and Easter Monday 6 April 2026.
        (date(2026, 3, 30), date(2026, 4, 15), date(2026, 4, 13)),
        # Spring bank holiday: Monday 25 May 2026.
        (date(2026, 5, 18), date(2026, 6, 2), date(2026, 6, 1)),
    ],
)
def test_fieldwork_start_skips_bank_holidays(ws, notified, fieldwork_start, without_holidays):
    assert notified.weekday() == 0  # a Monday
    dates = inspection_dates(ws, make_inspection(ws, notification=notified))
    assert dates.notification == notified
    assert dates.fieldwork_start == fieldwork_start
    assert fieldwork_start != without_holidays  # two weeks of weekdays would be wrong
    assert fieldwork_start.weekday() < 5


def test_christmas_key_dates_in_full(ws):
    dates = inspection_dates(ws, make_inspection(ws, notification=date(2026, 12, 21)))
    assert dates.children_selected_by == date(2026, 12, 29)  # 4 working days on
    assert dates.audits_due == date(2027, 1, 6)
    assert dates.fieldwork_end == date(2027, 1, 13)  # 5 days of fieldwork
    assert dates.lookback_start == date(2026, 6, 21)


def test_notification_as_day_one_starts_fieldwork_a_day_earlier(ws):
    day_one = CalendarSettings(notification_is_day_one=True)
    dates = inspection_dates(ws, make_inspection(ws, date(2026, 12, 21), settings=day_one))
    assert dates.fieldwork_start == date(2027, 1, 6)


@pytest.mark.parametrize(
    "notified, reason",
    [
        (date(2026, 10, 3), "Saturday"),
        (date(2026, 10, 4), "Sunday"),
        (date(2026, 8, 31), "Summer bank holiday"),
    ],
)
def test_notification_must_be_a_working_day(ws, notified, reason):
    with pytest.raises(ValidationError, match=reason):
        make_inspection(ws, notification=notified)
    assert list_inspections(ws) == []
    assert ws.db.execute("SELECT count(*) FROM ops").fetchone()[0] == 0
