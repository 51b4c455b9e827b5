"""Services over a real data folder: evidence files, reviews, children, timelines, findings
and finding an inspection by id."""

import hashlib
import uuid
from datetime import date

import pytest

from jtai_desktop.domain.errors import AmbiguousError, NotFoundError, ValidationError
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import children, evidence, findings, reviews
from jtai_desktop.services.ids import review_id
from jtai_desktop.services.inspections import MemberInput, create_inspection, resolve_inspection
from jtai_desktop.services.reviews import ReviewInput

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")
FIELDWORK = "2026-10-19"


def make_inspection(ws, area="Testshire"):
    return create_inspection(
        ws,
        PACK,
        area=area,
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
        team=(MemberInput("Sam Member", "cqc"),),
    ).entity_id


def agency(ws, inspection_id, kind):
    return next(a for a in ws.rows("agency", inspection_id) if a["kind"] == kind)


@pytest.fixture
def insp(ws):
    return make_inspection(ws)


@pytest.fixture
def child(ws, insp):
    involved = [agency(ws, insp, "children_social_care")["id"], agency(ws, insp, "police")["id"]]
    return children.add_child(
        ws, insp, pseudonym="Child A", selection="tracked", agencies=involved
    ).entity_id


# --- evidence files -------------------------------------------------------------------------


def test_add_evidence_keeps_the_file_by_its_content_hash(ws, insp, tmp_path):
    content = b"Strategy discussion minutes, 3 March.\nPolice and health present.\n"
    source = tmp_path / "minutes.txt"
    source.write_bytes(content)

    item = ws.get(
        "evidence",
        evidence.add_evidence(
            ws, insp, title="Strategy minutes", source="area_document", date=FIELDWORK, path=source
        ).entity_id,
    )

    sha = hashlib.sha256(content).hexdigest()
    assert item["sha256"] == sha
    assert item["size"] == len(content)
    assert item["file_name"] == "minutes.txt"
    assert ws.blobs.path(sha).is_file()
    assert ws.blobs.read_bytes(sha) == content
    assert ws.blobs.verify(sha)


def test_the_same_content_is_stored_once(ws, insp, tmp_path):
    content = b"The same extract, logged twice."
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(content)
    second.write_bytes(content)

    ids = [
        evidence.add_evidence(
            ws, insp, title=p.name, source="case_file", date=FIELDWORK, path=p
        ).entity_id
        for p in (first, second)
    ]
    from_bytes = evidence.add_evidence(
        ws, insp, title="c", source="case_file", date=FIELDWORK, data=content
    ).entity_id

    rows = [ws.get("evidence", i) for i in (*ids, from_bytes)]
    assert {r["sha256"] for r in rows} == {hashlib.sha256(content).hexdigest()}
    assert [r["ref"] for r in rows] == ["E-1001", "E-1002", "E-1003"]  # three items, one file
    assert list(ws.blobs.shas()) == [rows[0]["sha256"]]


def test_evidence_without_a_file_has_no_hash(ws, insp):
    item = ws.get(
        "evidence",
        evidence.add_evidence(
            ws, insp, title="Observed MASH triage", source="observation", date=FIELDWORK
        ).entity_id,
    )
    assert item["sha256"] is None and item["size"] is None
    assert list(ws.blobs.shas()) == []


def test_evidence_refuses_an_unknown_source(ws, insp):
    with pytest.raises(ValidationError, match="source"):
        evidence.add_evidence(ws, insp, title="t", source="rumour", date=FIELDWORK)
    assert ws.rows("evidence", insp) == []


# --- case reviews ---------------------------------------------------------------------------


def test_set_review_twice_updates_one_record(ws, insp, child):
    social_care = agency(ws, insp, "children_social_care")["id"]
    first = reviews.set_review(
        ws, child, "DA-01", social_care, ReviewInput(observation="First look", concern=True)
    )
    second = reviews.set_review(
        ws,
        child,
        "DA-01",
        social_care,
        ReviewInput(observation="After reading the file", rating="Weak"),
    )

    expected_id = review_id(child, "DA-01", social_care)
    assert first.entity_id == second.entity_id == expected_id
    rows = ws.rows("review", insp)
    assert [r["id"] for r in rows] == [expected_id]
    assert rows[0]["observation"] == "After reading the file"
    assert rows[0]["rating"] == "Weak"
    assert rows[0]["concern"]  # fields not given are kept


def test_a_deleted_review_comes_back_rather_than_being_duplicated(ws, insp, child):
    police = agency(ws, insp, "police")["id"]
    made = reviews.set_review(ws, child, "DA-02", police, ReviewInput(observation="x")).entity_id
    ws.delete("review", made)
    again = reviews.set_review(ws, child, "DA-02", police, ReviewInput(observation="y"))
    assert again.entity_id == made
    assert [(r["id"], r["observation"]) for r in ws.rows("review", insp)] == [(made, "y")]


def test_review_completeness_counts_observations_per_involved_agency(ws, insp, child):
    social_care = agency(ws, insp, "children_social_care")["id"]
    police = agency(ws, insp, "police")["id"]
    health = agency(ws, insp, "health")["id"]  # not involved with this child

    csc_criteria = [c.id for c in PACK.criteria_for("children_social_care")]
    reviews.set_review(ws, child, csc_criteria[0], social_care, ReviewInput(observation="Seen"))
    reviews.set_review(ws, child, csc_criteria[1], social_care, ReviewInput(observation="Seen"))
    reviews.set_review(ws, child, csc_criteria[2], social_care, ReviewInput(observation="   "))
    reviews.set_review(ws, child, csc_criteria[3], social_care, ReviewInput(concern=True))

    result = reviews.review_completeness(ws, child)
    assert set(result) == {social_care, police}
    assert health not in result
    assert (result[social_care].done, result[social_care].expected) == (2, len(csc_criteria))
    assert result[police].done == 0
    assert result[police].expected == len(PACK.criteria_for("police"))
    assert result[social_care].ratio == pytest.approx(2 / len(csc_criteria))


# --- children -------------------------------------------------------------------------------


def test_identifying_details_are_kept_in_the_private_fields(ws, insp):
    child_id = children.add_child(
        ws,
        insp,
        pseudonym="Child B",
        selection="sampled",
        age_band="6-10",
        case_ref="NB-123456",
        summary="Lives with mother and two siblings.",
        private={
            "name": "Jamie Example",
            "dob": "2017-03-02",
            "address": "1 High Street",
            "school": "Hillside Primary",
        },
    ).entity_id
    row = ws.get("child", child_id)
    assert row["private_name"] == "Jamie Example"
    assert row["private_dob"] == "2017-03-02"
    assert row["private_address"] == "1 High Street"
    assert row["private_school"] == "Hillside Primary"
    assert row["pseudonym"] == "Child B"
    public = {k: v for k, v in row.items() if not k.startswith("private_")}
    assert "Jamie Example" not in repr(public) and "2017-03-02" not in repr(public)


def test_unknown_identifying_details_and_bad_dates_are_refused(ws, insp):
    with pytest.raises(ValidationError, match="nhs_number"):
        children.add_child(
            ws,
            insp,
            pseudonym="Child C",
            selection="sampled",
            private={"nhs_number": "485 777 3456"},
        )
    with pytest.raises(ValidationError, match="date"):
        children.add_child(
            ws, insp, pseudonym="Child C", selection="sampled", private={"dob": "2 March 2017"}
        )
    assert ws.rows("child", insp) == []


def test_timeline_is_in_date_order(ws, insp, child):
    police = agency(ws, insp, "police")["id"]
    children.add_event(ws, child, date="2026-06-10", kind="section_47", summary="S47 begun")
    children.add_event(
        ws, child, date=date(2026, 4, 8), kind="contact", summary="Police contact", agency_id=police
    )
    children.add_event(
        ws, child, date="2026-05-02", kind="strategy_discussion", summary="Strategy discussion"
    )
    children.add_event(ws, child, date="2026-04-08", kind="referral", summary="Same day, later")

    events = children.timeline(ws, child)
    assert [e["date"] for e in events] == ["2026-04-08", "2026-04-08", "2026-05-02", "2026-06-10"]
    assert [e["kind"] for e in events] == [
        "contact",
        "referral",
        "strategy_discussion",
        "section_47",
    ]  # a tie keeps the order of entry
    assert events[0]["agency_id"] == police


def test_add_event_refuses_bad_input(ws, insp, child):
    with pytest.raises(ValidationError, match="kind of event"):
        children.add_event(ws, child, date="2026-04-08", kind="rumour", summary="x")
    with pytest.raises(ValidationError, match="What happened"):
        children.add_event(ws, child, date="2026-04-08", kind="contact", summary="  ")
    with pytest.raises(ValidationError, match="agencies of this inspection"):
        children.add_event(
            ws, child, date="2026-04-08", kind="contact", summary="x", agency_id="elsewhere"
        )
    assert children.timeline(ws, child) == []


# --- findings -------------------------------------------------------------------------------


def test_priority_actions_come_first(ws, insp):
    police = agency(ws, insp, "police")["id"]
    item = evidence.add_evidence(ws, insp, title="t", source="case_file", date=FIELDWORK).entity_id
    made = {}
    for kind in ("strength", "area_for_improvement", "priority_action", "strength"):
        made.setdefault(kind, []).append(
            findings.add_finding(
                ws,
                insp,
                kind=kind,
                title=f"{kind} {len(made)}",
                text="",
                agencies=[police],
                evidence_ids=[item],
            ).entity_id
        )

    ordered = findings.findings_in_order(ws, insp)
    assert [f["kind"] for f in ordered] == [
        "priority_action",
        "area_for_improvement",
        "strength",
        "strength",
    ]
    assert [f["id"] for f in ordered[2:]] == made["strength"]  # then in order of entry


def test_findings_without_evidence(ws, insp):
    item = evidence.add_evidence(ws, insp, title="t", source="case_file", date=FIELDWORK).entity_id
    cited = findings.add_finding(
        ws,
        insp,
        kind="strength",
        title="Cited",
        text="",
        agencies=["partnership"],
        evidence_ids=[item],
    ).entity_id
    bare = findings.add_finding(
        ws, insp, kind="priority_action", title="Bare", text="", agencies=["partnership"]
    ).entity_id

    assert [f["id"] for f in findings.findings_without_evidence(ws, insp)] == [bare]
    findings.cite(ws, bare, item)
    assert findings.findings_without_evidence(ws, insp) == []
    findings.uncite(ws, cited, item)
    assert [f["id"] for f in findings.findings_without_evidence(ws, insp)] == [cited]
    assert [e["ref"] for e in findings.cited_evidence(ws, bare)] == ["E-1001"]


# --- finding an inspection ------------------------------------------------------------------


def _ids_starting(prefix):
    return lambda: prefix + uuid.uuid4().hex[len(prefix) :]


def test_resolve_inspection(ws):
    ws.new_id = _ids_starting("ab1")
    first = make_inspection(ws, "Northbridge")
    ws.new_id = _ids_starting("ab2")
    second = make_inspection(ws, "Southmere")

    assert resolve_inspection(ws, first) == first
    assert resolve_inspection(ws, second) == second
    assert resolve_inspection(ws, "ab1") == first
    assert resolve_inspection(ws, f"  {second[:6].upper()} ") == second

    with pytest.raises(AmbiguousError) as ambiguous:
        resolve_inspection(ws, "ab")
    assert "matches 2 inspections" in ambiguous.value.message
    assert first[:8] in ambiguous.value.message and second[:8] in ambiguous.value.message

    with pytest.raises(NotFoundError, match="'ff'") as unknown:
        resolve_inspection(ws, "ff")
    assert "jtai-desktop list" in unknown.value.message

    for blank in ("", "   ", None):
        with pytest.raises(ValidationError, match="Name an inspection"):
            resolve_inspection(ws, blank)


def test_resolve_inspection_treats_like_wildcards_literally(ws):
    make_inspection(ws)
    for pattern in ("%", "_", "_%"):
        with pytest.raises(NotFoundError):
            resolve_inspection(ws, pattern)


# --- correcting the timeline ----------------------------------------------------------------


def test_an_event_is_corrected_in_place_and_checked_like_a_new_one(ws, insp, child):
    police = agency(ws, insp, "police")["id"]
    event_id = children.add_event(
        ws, child, date="2026-05-01", kind="contact", summary="Call from school", agency_id=police
    ).entity_id
    changes = children.update_event(
        ws,
        event_id,
        date="2026-05-02",
        kind="contact",
        summary="Call from school to the police",
        agency_id=None,
    )
    stored = ws.get("event", event_id)
    assert (stored["date"], stored["summary"], stored["agency_id"], stored["child_id"]) == (
        "2026-05-02",
        "Call from school to the police",
        None,
        child,
    )
    assert set(changes.changes[0].after) == {"date", "summary", "agency_id"}  # only what changed
    with pytest.raises(ValidationError):
        children.update_event(ws, event_id, date="2026-05-02", kind="not-a-kind", summary="x")
    with pytest.raises(ValidationError):
        children.update_event(ws, event_id, date="2026-05-02", kind="contact", summary="  ")
    with pytest.raises(ValidationError):  # an agency of no inspection here
        children.update_event(
            ws, event_id, date="2026-05-02", kind="contact", summary="x", agency_id=uuid.uuid4().hex
        )
    assert ws.get("event", event_id)["summary"] == "Call from school to the police"
    children.delete_event(ws, event_id)
    assert ws.get("event", event_id) is None and children.timeline(ws, child) == []
