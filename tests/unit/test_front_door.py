"""The front door's samples through the services: what is refused (names, impossible or
future dates, steps out of order), timings from the records across a weekend and a bank
holiday, the team's targets, and citing the counts from findings (undone as one edit)."""

from datetime import date, datetime

import pytest

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import children, findings, front_door, timeliness
from jtai_desktop.services.dump import dump_json
from jtai_desktop.services.inspections import MemberInput, create_inspection

PACK = load_pack(default_themes_dir() / "front-door.toml")
NOW = datetime(2026, 10, 6, 12, 0)  # the day after notification


@pytest.fixture
def insp(ws):
    return create_inspection(
        ws,
        PACK,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    ).entity_id


def agency(ws, insp, kind):
    return next(a["id"] for a in ws.rows("agency", insp) if a["kind"] == kind)


def sample(ws, insp, label="Contact 1", **values):
    base = {"label": label, "source_kind": "police", "contact_date": "2026-05-22"}
    return front_door.add_sample(ws, insp, {**base, **values}, now=NOW).entity_id


def test_a_sample_keeps_each_step_and_who_decided_by_role(ws, insp):
    police, health = agency(ws, insp, "police"), agency(ws, insp, "health")
    sample_id = sample(
        ws,
        insp,
        source_agency_id=police,
        source_role=" response officer ",
        contact_time="16:30",
        threshold_decision="child_protection",
        decision_by="MASH team manager",
        decision_date="2026-05-26",
        decision_time="10:00",
        decision_agreement="agrees",
        strategy_date="2026-05-26",
        strategy_time="14:00",
        strategy_agencies=[police, health],
        child_seen="yes",
        seen_date="2026-05-27",
        seen_time="9.15",
        quality="Adequate",
        notes="Police and health took part; education was not invited.",
    )
    row = ws.require("front_door_sample", sample_id)
    assert row["source_role"] == "response officer"
    assert row["seen_time"] == "09:15"
    assert row["strategy_agencies"] == [police, health]
    assert [r["id"] for r in front_door.samples(ws, insp)] == [sample_id]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"source_role": "Mrs Smith"}, "person's name"),
        ({"decision_by": "DS Kowalski"}, "person's name"),
        ({"contact_date": "2026-10-07"}, "in the future"),
        ({"contact_date": "2026-03-30"}, "before the look-back"),
        ({"decision_date": "2026-05-21"}, "comes before 'Contact received'"),
        ({"decision_time": "11:00"}, "Give the date of 'MASH decision'"),
        ({"contact_time": "25:00"}, "24-hour clock"),
        ({"threshold_decision": "maybe"}, "threshold decision"),
        ({"source_kind": None}, "who the contact came from"),
        ({"quality": "Outstanding"}, "quality of practice"),
        ({"label": "  "}, "label"),
        ({"label": "Jordan Blake's contact"}, "label seems to hold a person's name"),
        ({"strategy_agencies": ["elsewhere"]}, "organisations of this inspection"),
    ],
)
def test_a_sample_that_breaks_a_rule_is_refused_and_nothing_is_saved(ws, insp, values, message):
    before = dump_json(ws, insp)
    with pytest.raises(ValidationError, match=message):
        sample(ws, insp, **values)
    assert dump_json(ws, insp) == before


def test_older_history_is_recorded_with_a_reason(ws, insp):
    sample_id = sample(
        ws, insp, contact_date="2026-03-30", lookback_reason="Earlier contact about the same harm"
    )
    assert ws.require("front_door_sample", sample_id)["contact_date"] == "2026-03-30"


def test_a_step_out_of_order_is_refused_even_when_only_one_value_changes(ws, insp):
    sample_id = sample(ws, insp, decision_date="2026-05-26", section47_date="2026-05-27")
    with pytest.raises(ValidationError, match="'Section 47 enquiry started'.*comes before"):
        front_door.update_sample(ws, sample_id, {"section47_date": "2026-05-25"}, now=NOW)
    changes = front_door.update_sample(ws, sample_id, {"decision_time": "09:30"}, now=NOW)
    assert changes.changes[0].after == {"decision_time": "09:30"}  # only what changed


def test_labels_are_unique_in_an_inspection(ws, insp):
    sample(ws, insp)
    with pytest.raises(ValidationError, match="already called 'Contact 1'"):
        sample(ws, insp)


def test_timeliness_in_working_hours_across_a_weekend_and_a_bank_holiday(ws, insp):
    # Friday 22 May 16:30 -> Tuesday 26 May 10:00 (Monday 25 May: Spring bank holiday).
    sample(ws, insp, "A", contact_time="16:30", decision_date="2026-05-26", decision_time="10:00")
    # Friday 15 May 16:30 -> Tuesday 19 May 10:00: the Monday is a working day.
    sample(
        ws,
        insp,
        "B",
        contact_date="2026-05-15",
        contact_time="16:30",
        decision_date="2026-05-19",
        decision_time="10:00",
    )
    # Saturday 6 June 02:00 -> Monday 8 June 11:00.
    sample(
        ws,
        insp,
        "C",
        contact_date="2026-06-06",
        contact_time="02:00",
        decision_date="2026-06-08",
        decision_time="11:00",
    )
    # Dates only: counted in working days.
    sample(ws, insp, "D", contact_date="2026-06-10", decision_date="2026-06-12")
    report = timeliness.timeliness(ws, insp)
    decision = report.distributions[0]
    assert decision.interval.key == "decision"
    assert (decision.count, decision.timed, decision.untimed) == (4, 3, 1)
    assert decision.median_hours == pytest.approx(2.0)
    assert decision.p90_hours == pytest.approx(9.5)
    assert decision.over_target == 1  # B, over the default 8 working hours
    assert (decision.median_days, decision.p90_days) == (1.5, 2.0)
    timeliness.set_targets(ws, insp, day_start="09:00", day_end="17:00", hours={"decision": 2})
    assert timeliness.timeliness(ws, insp).distributions[0].over_target == 1  # 2.0 is not over
    timeliness.set_targets(ws, insp, day_start="08:00", day_end="17:00", hours={"decision": 2})
    # From 08:00, A takes 2.5 working hours and C (Saturday to Monday) 3: both over 2.
    assert timeliness.timeliness(ws, insp).distributions[0].over_target == 3
    as_json = timeliness.timeliness(ws, insp).as_json()
    assert as_json["office_day"] == {"start": "08:00", "end": "17:00"}
    assert as_json["steps"][0]["target_working_hours"] == 2


def test_targets_that_make_no_sense_are_refused(ws, insp):
    with pytest.raises(ValidationError, match="must end after it starts"):
        timeliness.set_targets(ws, insp, day_start="17:00", day_end="09:00", hours={})
    with pytest.raises(ValidationError, match="whole number of working hours"):
        timeliness.set_targets(ws, insp, day_start="09:00", day_end="17:00", hours={"seen": 0})
    assert timeliness.targets(ws, insp).hours["seen"] == 24  # the default stands


def test_findings_cite_the_counts_as_an_evidence_item_undone_as_one_edit(ws, insp):
    sample(
        ws,
        insp,
        "Police contact 7",
        contact_time="16:30",
        decision_date="2026-05-26",
        decision_time="10:00",
    )
    finding_id = findings.add_finding(
        ws,
        insp,
        kind="area_for_improvement",
        title="Decisions at the front door",
        text="Decisions are mostly timely.",
        agencies=["partnership"],
    ).entity_id
    changes = timeliness.cite_timeliness(ws, insp, [finding_id], on=date(2026, 10, 21))
    cited = findings.cited_evidence(ws, finding_id)
    assert [e["source"] for e in cited] == ["data"]
    body = ws.blobs.read_bytes(cited[0]["sha256"]).decode()
    assert "Contact to MASH decision: 1 samples" in body and "1.5 working hours" in body
    assert "Police contact 7" not in body  # counts only: no sample is named
    ws.apply(changes.inverse())
    assert findings.cited_evidence(ws, finding_id) == []
    assert ws.rows("evidence", insp) == []


def test_an_empty_front_door_cannot_be_cited(ws, insp):
    with pytest.raises(ValidationError, match="no front door samples"):
        timeliness.cite_timeliness(ws, insp, [])


def test_the_sample_can_name_a_child_of_this_inspection_only(ws, insp):
    child = children.add_child(ws, insp, pseudonym="Child A", selection="sampled").entity_id
    assert ws.require("front_door_sample", sample(ws, insp, child_id=child))["child_id"] == child
    with pytest.raises(ValidationError, match="child of this inspection"):
        sample(ws, insp, "Contact 2", child_id="0" * 32)


def test_only_the_lead_sets_the_targets(ws, insp):
    from jtai_desktop.services.inspections import add_member

    member = add_member(ws, insp, MemberInput("Sam Member", "cqc")).entity_id
    ws.set_author(insp, member)
    with pytest.raises(ValidationError, match="Only the lead inspector sets"):
        timeliness.set_targets(ws, insp, day_start="08:00", day_end="16:00", hours={})
    assert timeliness.targets(ws, insp).office_day.start.hour == 9
