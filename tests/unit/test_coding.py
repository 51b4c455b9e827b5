"""Coding passages, the evidence matrix, a finding's spread and the lead's rule, through the
services on a real data folder."""

from datetime import date

import pytest

from jtai_desktop.domain.coding import EXACT, LOST, MOVED, Rule, anchor
from jtai_desktop.domain.errors import JtaiError, ValidationError
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import children, evidence, findings, notes, reviews
from jtai_desktop.services.coding import add_code, codes_of, placed_codes, remove_code, update_code
from jtai_desktop.services.evidence_matrix import BY_KIND, MatrixFilter, evidence_matrix
from jtai_desktop.services.ids import review_id
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.services.reviews import ReviewInput
from jtai_desktop.services.sufficiency import sufficiency
from jtai_desktop.services.triangulation import (
    evidence_rule,
    finding_spread,
    findings_below_rule,
    link_source,
    set_evidence_rule,
    unlink_source,
)

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")
TEXT = (
    "The health visitor said she heard about the incident a week late. "
    "The child told us she feels safe at nursery now."
)
LATE = "heard about the incident a week late"
SAFE = "she feels safe at nursery now"


@pytest.fixture
def insp(ws):
    return create_inspection(
        ws,
        PACK,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
        team=(MemberInput("Sam Member", "cqc"),),
    ).entity_id


def org(ws, insp, kind):
    return next(a["id"] for a in ws.rows("agency", insp) if a["kind"] == kind)


@pytest.fixture
def note(ws, insp):
    return notes.add_note(
        ws, insp, kind="interview", date="2026-10-20", title="Health visitors", text=TEXT
    ).entity_id


def code(ws, note_id, quote, criterion="DA-01", agencies=(), mark="concern", voice=None):
    start = TEXT.index(quote)
    return add_code(
        ws,
        "note",
        note_id,
        start=start,
        end=start + len(quote),
        criterion_id=criterion,
        agencies=list(agencies),
        mark=mark,
        voice=voice,
    )


# --- anchoring -------------------------------------------------------------------------------


def test_a_code_follows_its_words_when_the_text_before_it_changes():
    start = TEXT.index(LATE)
    edited = "Added first. " + TEXT
    assert anchor(TEXT, start, start + len(LATE), LATE).status == EXACT
    moved = anchor(edited, start, start + len(LATE), LATE)
    assert moved.status == MOVED and edited[moved.start : moved.end] == LATE
    lost = anchor(TEXT.replace("a week late", "on time"), start, start + len(LATE), LATE)
    assert lost.status == LOST


def test_the_nearest_occurrence_wins_when_the_words_come_twice():
    text = "late. late. late."  # the second 'late' (6 to 10) was coded
    moved = anchor("xx" + text, 6, 10, "late")
    assert (moved.start, moved.status) == (8, MOVED)  # the second one, not the first at 2


# --- coding ----------------------------------------------------------------------------------


def test_coding_a_passage_keeps_its_offsets_quote_and_judgement(ws, insp, note):
    health = org(ws, insp, "health")
    code_id = code(ws, note, LATE, agencies=[health], voice="practitioner").entity_id
    row = ws.get("code", code_id)
    assert row["quote"] == LATE and TEXT[row["passage_start"] : row["passage_end"]] == LATE
    assert (row["criterion_id"], row["agencies"], row["mark"], row["voice"]) == (
        "DA-01",
        [health],
        "concern",
        "practitioner",
    )


def test_an_edited_note_shows_the_code_moved_or_lost(ws, insp, note):
    code(ws, note, LATE, agencies=[org(ws, insp, "health")])
    notes.update_note(ws, note, text="Before that, a word. " + TEXT)
    text = ws.get("note", note)["text"]
    [placed] = placed_codes(ws, "note", note, text)
    assert placed.anchor.status == MOVED and text[placed.anchor.start : placed.anchor.end] == LATE
    notes.update_note(ws, note, text="Nothing of that now.")
    [placed] = placed_codes(ws, "note", note, "Nothing of that now.")
    assert placed.anchor.status == LOST


@pytest.mark.parametrize(
    "change, message",
    [
        ({"criterion_id": "DA-99"}, "no criterion"),
        ({"agencies": []}, "at least one organisation"),
        ({"agencies": ["not-an-organisation"]}, "organisations of this inspection"),
        ({"mark": "great"}, "strength or a concern"),
        ({"voice": "neighbour"}, "voice"),
    ],
)
def test_a_bad_code_is_refused_with_what_to_do(ws, insp, note, change, message):
    values = {
        "criterion_id": "DA-01",
        "agencies": [org(ws, insp, "health")],
        "mark": "concern",
        "voice": None,
        **change,
    }
    with pytest.raises(JtaiError, match=message):
        add_code(ws, "note", note, start=0, end=10, **values)
    assert codes_of(ws, "note", note) == []


def test_an_empty_selection_or_an_unknown_record_kind_is_refused(ws, insp, note):
    health = [org(ws, insp, "health")]
    with pytest.raises(ValidationError, match="Select the words"):
        add_code(
            ws, "note", note, start=5, end=5, criterion_id="DA-01", agencies=health, mark="strength"
        )
    with pytest.raises(ValidationError, match="can be coded"):
        add_code(
            ws,
            "finding",
            note,
            start=0,
            end=5,
            criterion_id="DA-01",
            agencies=health,
            mark="strength",
        )


def test_editing_and_removing_a_code_undo_as_one_step(ws, insp, note):
    code_id = code(ws, note, LATE, agencies=[org(ws, insp, "health")]).entity_id
    edit = update_code(ws, code_id, mark="strength", voice="manager")
    assert ws.get("code", code_id)["mark"] == "strength"
    ws.apply(edit.inverse())
    assert (ws.get("code", code_id)["mark"], ws.get("code", code_id)["voice"]) == ("concern", None)
    removal = remove_code(ws, code_id)
    assert codes_of(ws, "note", note) == []
    ws.apply(removal.inverse())
    assert [c["id"] for c in codes_of(ws, "note", note)] == [code_id]


def test_the_spaces_around_a_selection_are_left_out(ws, insp, note):
    start = TEXT.index("a week late") - 1  # " a week late. " with the spaces either side
    code_id = add_code(
        ws,
        "note",
        note,
        start=start,
        end=start + len(" a week late. "),
        criterion_id="DA-01",
        agencies=[org(ws, insp, "health")],
        mark="concern",
    ).entity_id
    assert ws.get("code", code_id)["quote"] == "a week late."


def test_a_code_passage_cannot_be_changed_only_its_judgement(ws, insp, note):
    code_id = code(ws, note, LATE, agencies=[org(ws, insp, "health")]).entity_id
    with pytest.raises(ValidationError, match="cannot be changed"):
        update_code(ws, code_id, quote="something else")


# --- the matrix ------------------------------------------------------------------------------


def test_the_matrix_counts_distinct_sources_by_kind_and_mark_with_voices(ws, insp, note):
    health, police = org(ws, insp, "health"), org(ws, insp, "police")
    code(ws, note, LATE, agencies=[health], voice="practitioner")
    code(ws, note, SAFE, agencies=[health], voice="child")  # the same note: one source
    matrix = evidence_matrix(ws, insp)
    level = matrix.by_organisation
    assert level.count("DA-01", health, "note", "concern") == 1
    assert level.total("DA-01", health) == 1
    assert level.voices("DA-01", health) == {"child", "practitioner"}
    assert level.total("DA-01", police) == 0

    child = children.add_child(
        ws, insp, pseudonym="Child A", selection="tracked", agencies=[police]
    ).entity_id
    reviews.set_review(ws, child, "DA-02", police, ReviewInput(observation="Seen.", strength=True))
    matrix = evidence_matrix(ws, insp)
    assert matrix.by_organisation.count("DA-02", police, "review", "strength") == 1
    assert matrix.by_kind.total("DA-01", "health") == 1
    assert matrix.level(BY_KIND).count("DA-02", "police", "review", "strength") == 1


def test_evidence_linked_to_a_criterion_and_an_organisation_counts(ws, insp):
    police = org(ws, insp, "police")
    item = evidence.add_evidence(
        ws, insp, title="Incident log", source="case_file", date="2026-10-20"
    ).entity_id
    evidence.link(ws, item, "criterion", "DA-02")
    assert evidence_matrix(ws, insp).by_organisation.total("DA-02", police) == 0
    evidence.link(ws, item, "agency", police)
    assert (
        evidence_matrix(ws, insp).by_organisation.count("DA-02", police, "evidence", "noted") == 1
    )


def test_the_matrix_filters_by_inspector_selection_and_date(ws, insp, note):
    health = org(ws, insp, "health")
    code(ws, note, LATE, agencies=[health])
    me = ws.get("code", codes_of(ws, "note", note)[0]["id"])["created_by"]
    assert (
        evidence_matrix(ws, insp, MatrixFilter(authors=(me,))).by_organisation.total(
            "DA-01", health
        )
        == 1
    )
    assert (
        evidence_matrix(ws, insp, MatrixFilter(authors=("someone",))).by_organisation.total(
            "DA-01", health
        )
        == 0
    )
    assert (
        evidence_matrix(ws, insp, MatrixFilter(since="2026-10-21")).by_organisation.total(
            "DA-01", health
        )
        == 0
    )
    assert (
        evidence_matrix(ws, insp, MatrixFilter(until="2026-10-20")).by_organisation.total(
            "DA-01", health
        )
        == 1
    )
    assert (
        evidence_matrix(ws, insp, MatrixFilter(selections=("tracked",))).by_organisation.total(
            "DA-01", health
        )
        == 0
    )
    child = children.add_child(
        ws, insp, pseudonym="Child A", selection="tracked", agencies=[health]
    ).entity_id
    notes.update_note(ws, note, children=[child])
    assert (
        evidence_matrix(ws, insp, MatrixFilter(selections=("tracked",))).by_organisation.total(
            "DA-01", health
        )
        == 1
    )


def test_the_matrix_is_plain_data_another_module_can_read(ws, insp, note):
    health = org(ws, insp, "health")
    code(ws, note, LATE, agencies=[health], voice="practitioner")
    data = evidence_matrix(ws, insp).as_json()
    [cell] = data["cells"]
    assert cell == {
        "criterion_id": "DA-01",
        "organisation_id": health,
        "organisation": ws.get("agency", health)["name"],
        "agency_kind": "health",
        "sources": 1,
        "counts": {"note": {"concern": 1}},
        "voices": ["practitioner"],
    }
    assert data["by_agency_kind"][0]["agency_kind"] == "health"


# --- triangulation ---------------------------------------------------------------------------


def test_a_finding_crosses_the_rule_when_a_second_kind_of_source_is_linked(ws, insp, note):
    health, police = org(ws, insp, "health"), org(ws, insp, "police")
    set_evidence_rule(ws, insp, min_sources=2, min_kinds=2)
    finding = findings.add_finding(
        ws,
        insp,
        kind="area_for_improvement",
        title="Health visitors hear late",
        text="",
        agencies=[health],
    ).entity_id
    late = code(ws, note, LATE, agencies=[health], voice="practitioner").entity_id
    safe = code(ws, note, SAFE, agencies=[health], voice="child").entity_id
    link_source(ws, finding, "code", late)
    link_source(ws, finding, "code", safe)
    spread = finding_spread(ws, finding)
    assert (spread.spread.sources, spread.spread.kinds, spread.meets_rule) == (1, ("note",), False)
    assert spread.spread.voices == ("child", "practitioner")
    assert [f.finding["id"] for f in findings_below_rule(ws, insp)] == [finding]

    child = children.add_child(
        ws, insp, pseudonym="Child A", selection="tracked", agencies=[police]
    ).entity_id
    reviews.set_review(ws, child, "DA-02", police, ReviewInput(observation="Late.", concern=True))
    link_source(ws, finding, "review", review_id(child, "DA-02", police))
    spread = finding_spread(ws, finding)
    assert (spread.spread.sources, spread.spread.kinds, spread.meets_rule) == (
        2,
        ("note", "review"),
        True,
    )
    assert set(spread.spread.organisations) == {health, police}
    assert findings_below_rule(ws, insp) == []

    unlink_source(ws, finding, "review", review_id(child, "DA-02", police))
    assert not finding_spread(ws, finding).meets_rule


def test_cited_evidence_counts_towards_a_findings_spread(ws, insp):
    item = evidence.add_evidence(
        ws, insp, title="Incident log", source="case_file", date="2026-10-20"
    ).entity_id
    finding = findings.add_finding(
        ws,
        insp,
        kind="strength",
        title="Police see the children",
        text="",
        agencies=["partnership"],
        evidence_ids=[item],
    ).entity_id
    spread = finding_spread(ws, finding)
    assert (spread.spread.sources, spread.spread.kinds) == (1, ("evidence",))
    assert spread.spread.shortfall(Rule()) == "2 more source(s) and 1 more kind(s) of source"


def test_the_rule_is_the_leads_and_defaults_to_three_sources_of_two_kinds(ws, insp):
    assert evidence_rule(ws, insp) == Rule(3, 2)
    set_evidence_rule(ws, insp, min_sources=4, min_kinds=3)
    assert evidence_rule(ws, insp) == Rule(4, 3)
    with pytest.raises(ValidationError, match="from 1 to 4"):
        set_evidence_rule(ws, insp, min_sources=4, min_kinds=9)


def test_a_finding_cannot_rest_on_something_unknown(ws, insp, note):
    finding = findings.add_finding(
        ws, insp, kind="strength", title="A finding", text="", agencies=["partnership"]
    ).entity_id
    with pytest.raises(ValidationError, match="rests on"):
        link_source(ws, finding, "note", note)
    with pytest.raises(ValidationError, match="in this inspection"):
        link_source(ws, finding, "code", "nothing-like-this")


# --- sufficiency -----------------------------------------------------------------------------


def test_sufficiency_lists_thin_cells_unheard_voices_and_organisations(ws, insp, note):
    health = org(ws, insp, "health")
    code(ws, note, SAFE, agencies=[health], voice="child")
    report = sufficiency(ws, insp)
    thin = {(c.criterion_id, c.organisation_id): c.sources for c in report.thin_cells}
    assert thin[("DA-01", health)] == 1
    assert report.cells_considered >= len(thin)
    unheard = {c["id"] for c in report.criteria_without_child_or_family}
    assert "DA-01" not in unheard and "DA-02" in unheard
    not_heard = {o["id"] for o in report.organisations_not_heard}
    assert health not in not_heard and org(ws, insp, "police") in not_heard


def test_a_cell_drills_down_to_its_passages_and_records(ws, insp, note):
    from jtai_desktop.services.evidence_matrix import cell_sources

    health, police = org(ws, insp, "health"), org(ws, insp, "police")
    code(ws, note, LATE, agencies=[health], voice="practitioner")
    child = children.add_child(
        ws, insp, pseudonym="Child A", selection="tracked", agencies=[police]
    ).entity_id
    reviews.set_review(
        ws, child, "DA-01", police, ReviewInput(observation="Seen late.", concern=True)
    )
    [passage] = cell_sources(ws, insp, "DA-01", health)
    assert (passage.entity, passage.entity_id, passage.quote) == ("note", note, LATE)
    assert passage.label == "Health visitors" and passage.voice == "practitioner"
    [review] = cell_sources(ws, insp, "DA-01", police)
    assert (review.entity, review.label, review.quote) == (
        "review",
        "Case review: Child A",
        "Seen late.",
    )
    assert len(cell_sources(ws, insp, "DA-01", "health")) == 1  # by agency kind
