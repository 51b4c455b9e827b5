"""The method as the frameworks have it: organisations under agency kinds, criteria judged once
for the area, tracked and sampled children, the area's own audit per organisation, and a
child's journey."""

from __future__ import annotations

from datetime import date

import pytest

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.domain.organisations import roll_up
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import area_reviews, children, evidence, notes, organisations, reviews
from jtai_desktop.services.area_reviews import AreaReviewInput
from jtai_desktop.services.children import child_overview
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.services.journey import journey
from jtai_desktop.services.reviews import ReviewInput, audit_evaluation
from jtai_desktop.services.sampling import mark_looked_at

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")


@pytest.fixture
def insp(ws):
    return create_inspection(
        ws,
        PACK,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    ).entity_id


def org(ws, insp, kind):
    return next(a for a in ws.rows("agency", insp) if a["kind"] == kind)


def add_org(ws, insp, kind, name, service=None, in_scope=True):
    return organisations.add_organisation(
        ws, insp, kind, name, service_type=service, in_scope=in_scope
    ).entity_id


def add_child(ws, insp, selection, involved, name="Child A"):
    return children.add_child(
        ws, insp, pseudonym=name, selection=selection, agencies=involved
    ).entity_id


# --- organisations --------------------------------------------------------------------------


def test_named_organisations_under_each_kind_in_display_order(ws, insp):
    add_org(ws, insp, "health", "St Mary's maternity unit", "Maternity")
    add_org(ws, insp, "health", "Testshire ICB", "icb")
    add_org(ws, insp, "education", "Castlegate PRU", "alternative provision", in_scope=False)
    listed = organisations.organisations(ws, insp)
    health = [o["name"] for o in listed if o["kind"] == "health"]
    # The ICB first (the letter addresses it for health), then by service type, then the
    # organisation with none (as release 0.1 named agencies).
    assert health == ["Testshire ICB", "St Mary's maternity unit", "Health"]
    assert [o["kind"] for o in listed][:2] == ["children_social_care", "police"]
    maternity = next(o for o in listed if o["name"].startswith("St Mary"))
    assert maternity["service_type"] == "maternity"
    in_scope = organisations.organisations(ws, insp, in_scope_only=True)
    assert "Castlegate PRU" not in {o["name"] for o in in_scope}


def test_bad_organisations_are_refused_with_a_reason(ws, insp):
    with pytest.raises(ValidationError, match="service type of health must be one of"):
        add_org(ws, insp, "health", "A school", "school")
    with pytest.raises(ValidationError, match="Probation has no service types"):
        add_org(ws, insp, "probation", "Testshire probation", "icb")
    with pytest.raises(ValidationError, match="already has an organisation called 'Police'"):
        add_org(ws, insp, "police", "police")
    with pytest.raises(ValidationError, match="The kind of organisation must be one of"):
        add_org(ws, insp, "nhs", "An NHS trust")
    renamed = organisations.update_organisation(ws, org(ws, insp, "police")["id"], name="Force")
    assert ws.get("agency", renamed.entity_id)["name"] == "Force"


def test_organisations_roll_up_to_their_kind():
    orgs = [
        {"id": "a", "kind": "health", "name": "Testshire ICB", "service_type": "icb"},
        {"id": "b", "kind": "health", "name": "St Mary's", "service_type": "maternity"},
        {"id": "c", "kind": "police", "name": "Testshire Police"},
        {"id": "d", "kind": "education", "name": "Riverside Academy", "service_type": "school"},
    ]
    kinds = roll_up(orgs, ["b", "a", "b", "c", "unknown"])
    assert [(k.label, k.names, k.count) for k in kinds] == [
        ("Police", ("Testshire Police",), 1),
        ("Health", ("Testshire ICB", "St Mary's"), 3),
        ("Education", ("Riverside Academy",), 0),
    ]


# --- criteria judged once for the area --------------------------------------------------------


def test_area_level_criteria_are_never_asked_in_a_childs_case(ws, insp):
    social_care = org(ws, insp, "children_social_care")["id"]
    child = add_child(ws, insp, "tracked", [social_care])
    area_ids = {c.id for c in PACK.criteria_in("area")}
    assert area_ids == {"DA-15", "DA-16", "DA-17", "DA-18"}
    with pytest.raises(ValidationError, match="DA-16 is judged once for the area"):
        reviews.set_review(ws, child, "DA-16", social_care, ReviewInput(observation="x"))
    with pytest.raises(ValidationError, match="judged once for the area"):
        mark_looked_at(ws, child, "DA-16", True)
    expected = reviews.review_completeness(ws, child)[social_care].expected
    assert expected == len(PACK.criteria_for("children_social_care"))
    assert not area_ids & {c.id for c in PACK.criteria_for("children_social_care")}


def test_area_level_criteria_are_one_record_per_criterion_and_organisation(ws, insp):
    police = org(ws, insp, "police")["id"]
    first = area_reviews.set_area_review(
        ws, insp, "DA-16", police, AreaReviewInput(observation="Leaders know the data.")
    )
    again = area_reviews.set_area_review(ws, insp, "da 16", police, AreaReviewInput(concern=True))
    assert first.entity_id == again.entity_id
    held = area_reviews.area_reviews(ws, insp)[(police, "DA-16")]
    assert (held["observation"], held["concern"]) == ("Leaders know the data.", 1)
    assert ws.rows("area_review", insp) == [held]  # no child anywhere
    assert "child_id" not in held
    with pytest.raises(ValidationError, match="DA-05 is judged in each child's case"):
        area_reviews.set_area_review(ws, insp, "DA-05", police, AreaReviewInput(observation="x"))
    progress = {p.organisation["kind"]: p for p in area_reviews.area_progress(ws, insp)}
    assert progress["police"].written == 1
    assert progress["police"].expected == len(PACK.criteria_for("police", judged="area"))


def test_area_criteria_follow_service_types_and_scope(ws, insp):
    icb = add_org(ws, insp, "health", "Testshire ICB", "icb")
    maternity = add_org(ws, insp, "health", "St Mary's", "maternity")
    school = add_org(ws, insp, "education", "Riverside", "school", in_scope=False)
    # DA-18 (the safeguarding arrangements) asks health only of the ICB.
    area_reviews.set_area_review(ws, insp, "DA-18", icb, AreaReviewInput(observation="x"))
    with pytest.raises(ValidationError, match="DA-18 does not apply to St Mary's"):
        area_reviews.set_area_review(ws, insp, "DA-18", maternity, AreaReviewInput(strength=True))
    with pytest.raises(
        ValidationError, match=r"does not apply to Riverside \(it is out of scope\)"
    ):
        area_reviews.set_area_review(ws, insp, "DA-16", school, AreaReviewInput(strength=True))
    listed = {p.organisation["id"] for p in area_reviews.area_progress(ws, insp)}
    assert icb in listed and school not in listed


def test_service_types_narrow_the_criteria_of_a_childs_case(ws, insp):
    maternity = add_org(ws, insp, "health", "St Mary's", "maternity")
    nursing = add_org(ws, insp, "health", "School nursing", "school_nursing")
    child = add_child(ws, insp, "tracked", [maternity, nursing])
    reviews.set_review(ws, child, "DA-07", maternity, ReviewInput(observation="Pre-birth plan."))
    with pytest.raises(ValidationError, match="Criterion DA-07 does not apply to School nursing"):
        reviews.set_review(ws, child, "DA-07", nursing, ReviewInput(observation="x"))
    counts = reviews.review_completeness(ws, child)
    assert counts[maternity].expected > counts[nursing].expected


# --- tracked and sampled children -------------------------------------------------------------


def test_a_tracked_child_is_complete_only_with_the_whole_grid(ws, insp):
    police = org(ws, insp, "police")["id"]
    child = add_child(ws, insp, "tracked", [police])
    expected = [c.id for c in PACK.criteria_for("police")]
    for criterion in expected[:-1]:
        reviews.set_review(ws, child, criterion, police, ReviewInput(observation="Seen."))
    assert child_overview(ws, child).state == "in_progress"
    reviews.set_review(ws, child, expected[-1], police, ReviewInput(observation="Seen."))
    summary = child_overview(ws, child)
    assert (summary.done, summary.expected, summary.state) == (
        len(expected),
        len(expected),
        "complete",
    )


def test_only_the_criteria_looked_at_count_for_a_sampled_child(ws, insp):
    police = org(ws, insp, "police")["id"]
    social_care = org(ws, insp, "children_social_care")["id"]
    child = add_child(ws, insp, "sampled", [police, social_care])
    assert child_overview(ws, child).expected == 0  # nothing looked at yet
    mark_looked_at(ws, child, "DA-05", True)  # police and social care both
    mark_looked_at(ws, child, "da 02", True)  # police and social care both
    mark_looked_at(ws, child, "DA-03", True)  # education and police: police only here
    assert ws.get("child", child)["looked_at"] == ["DA-02", "DA-03", "DA-05"]
    counts = reviews.review_completeness(ws, child)
    assert (counts[police].expected, counts[social_care].expected) == (3, 2)
    for criterion in ("DA-02", "DA-03", "DA-05"):
        reviews.set_review(ws, child, criterion, police, ReviewInput(observation="Seen."))
    for criterion in ("DA-02", "DA-05"):
        reviews.set_review(ws, child, criterion, social_care, ReviewInput(observation="Seen."))
    assert child_overview(ws, child).state == "complete"
    mark_looked_at(ws, child, "DA-03", False)
    assert ws.get("child", child)["looked_at"] == ["DA-02", "DA-05"]
    assert child_overview(ws, child).expected == 4
    # Tracked again, the same child needs the whole grid.
    children.update_child(ws, child, selection="tracked")
    assert child_overview(ws, child).state == "in_progress"


# --- the area's own audit, per organisation that audited --------------------------------------


def test_the_areas_audit_is_evaluated_per_organisation_that_audited(ws, insp):
    police = org(ws, insp, "police")["id"]
    social_care = org(ws, insp, "children_social_care")["id"]
    child = add_child(ws, insp, "tracked", [police, social_care])
    reviews.set_audit_evaluation(
        ws, child, agency_id=police, area_summary="Police: good.", agreement="disagrees"
    )
    reviews.set_audit_evaluation(
        ws, child, agency_id=social_care, area_summary="Social care: good.", agreement="agrees"
    )
    reviews.set_audit_evaluation(ws, child, area_summary="Joint audit.", agreement="partly")
    assert audit_evaluation(ws, child, police)["agreement"] == "disagrees"
    assert audit_evaluation(ws, child, social_care)["agreement"] == "agrees"
    multi = audit_evaluation(ws, child)
    assert (multi["agency_id"], multi["agreement"]) == (None, "partly")
    assert len(ws.rows("audit_eval", insp)) == 3
    education = org(ws, insp, "education")["id"]
    with pytest.raises(ValidationError, match="Only agencies of this inspection"):
        reviews.set_audit_evaluation(ws, child, agency_id="nobody", agreement="agrees")
    assert audit_evaluation(ws, child, education) is None


# --- the journey --------------------------------------------------------------------------------


def test_a_journey_puts_everything_about_the_child_in_date_order_per_organisation(ws, insp):
    police = org(ws, insp, "police")["id"]
    social_care = org(ws, insp, "children_social_care")["id"]
    other = add_child(ws, insp, "tracked", [police], name="Child B")
    child = add_child(ws, insp, "tracked", [social_care, police])
    children.add_event(
        ws, child, date="2026-05-02", kind="strategy_discussion", summary="Held.", agency_id=police
    )
    children.add_event(ws, child, date="2026-04-07", kind="contact", summary="Call.")
    children.add_event(ws, other, date="2026-04-07", kind="contact", summary="Not this child.")
    review = reviews.set_review(
        ws, child, "DA-02", police, ReviewInput(observation="Children seen.", strength=True)
    ).entity_id
    reviews.set_audit_evaluation(ws, child, agency_id=police, agreement="agrees")
    notes.add_note(
        ws,
        insp,
        kind="meeting",
        date="2026-10-20",
        title="Strategy meeting",
        text="Discussed.",
        attendees=[{"role": "detective sergeant", "agency": police}],
        children=[child],
    )
    item = evidence.add_evidence(
        ws, insp, title="Minutes", source="case_file", date="2026-05-03", data=b"minutes"
    ).entity_id
    evidence.link(ws, item, "review", review)

    found = journey(ws, child)
    assert [o["id"] for o in found.organisations] == [social_care, police]
    kinds = [(e.day.isoformat(), e.kind) for e in found.entries]
    assert kinds[:3] == [
        ("2026-04-07", "event"),
        ("2026-05-02", "event"),
        ("2026-05-03", "evidence"),
    ]
    assert {"note", "review", "audit"} <= {k for _, k in kinds}
    assert [e.day for e in found.entries] == sorted(e.day for e in found.entries)
    assert "Not this child." not in {e.text for e in found.entries}
    by_kind = {e.kind: e for e in found.entries}
    assert found.column_of(found.entries[0]) == 0  # the contact names no organisation
    assert found.column_of(found.entries[1]) == 2  # the strategy discussion: police
    assert found.column_of(by_kind["review"]) == 2  # police, the second column
    assert by_kind["review"].flags == ("strength",)
    assert by_kind["evidence"].organisation_id == police  # through its review
    assert by_kind["note"].organisation_id == police
    assert by_kind["audit"].flags == ("agrees",)


def test_writing_about_a_criterion_in_a_sampled_case_marks_it_looked_at(ws, insp):
    police = org(ws, insp, "police")["id"]
    child = add_child(ws, insp, "sampled", [police])
    reviews.set_review(ws, child, "DA-05", police, ReviewInput(strength=True))
    assert ws.get("child", child)["looked_at"] is None  # a tick alone is not looking
    changes = reviews.set_review(ws, child, "DA-05", police, ReviewInput(observation="Seen."))
    assert ws.get("child", child)["looked_at"] == ["DA-05"]
    assert child_overview(ws, child).state == "complete"
    ws.apply(changes.inverse())  # one undo takes back both
    assert not ws.get("child", child)["looked_at"]
    tracked = add_child(ws, insp, "tracked", [police], name="Child B")
    reviews.set_review(ws, tracked, "DA-05", police, ReviewInput(observation="Seen."))
    assert ws.get("child", tracked)["looked_at"] is None
