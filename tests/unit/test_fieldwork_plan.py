"""The team's plan through the services: allocations and gaps, each inspector's own work,
specialisms, the timetable with its clashes, timeline events with times and sensible dates,
and a timetable made on two laptops that syncs (a clash made apart shows once together)."""

from datetime import date, datetime

import pytest

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import allocation, children, team, timetable
from jtai_desktop.services.dump import dump_json
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.services.sync import sync
from jtai_desktop.sync.transport import FolderTransport

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")
MONDAY = "2026-10-19"  # the first day on site


@pytest.fixture
def insp(ws):
    return create_inspection(
        ws,
        PACK,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Helen Lead", "ofsted"),
        team=(MemberInput("Gareth Health", "cqc"), MemberInput("Tom Police", "hmicfrs")),
    ).entity_id


def members(ws, insp):
    return {m["name"].split()[0]: m["id"] for m in ws.rows("member", insp)}


def child(ws, insp, name="Child A"):
    return children.add_child(ws, insp, pseudonym=name, selection="tracked").entity_id


def session(ws, insp, title, start, end, inspectors=(), **values):
    base = {"kind": "meeting", "title": title, "date": MONDAY, "start_time": start}
    return timetable.add_entry(
        ws, insp, {**base, "end_time": end, **values}, list(inspectors)
    ).entity_id


# --- allocation -------------------------------------------------------------------------------
def test_allocating_children_organisations_and_sessions_closes_the_gaps(ws, insp):
    who = members(ws, insp)
    a, b = child(ws, insp, "Child A"), child(ws, insp, "Child B")
    meeting = session(ws, insp, "Strategic leaders", "09:00", "10:00")
    kinds = [(g.kind, g.row["id"]) for g in allocation.gaps(ws, insp)]
    assert ("child", a) in kinds and ("child", b) in kinds and ("timetable_entry", meeting) in kinds
    assert sum(k == "agency" for k, _ in kinds) == len(ws.rows("agency", insp, "in_scope = 1"))

    allocation.allocate(ws, who["Gareth"], "child", a)
    allocation.allocate(ws, who["Helen"], "timetable_entry", meeting)
    for org in ws.rows("agency", insp):
        allocation.allocate(ws, who["Tom"], "agency", org["id"])
    assert [(g.kind, g.row["id"]) for g in allocation.gaps(ws, insp)] == [("child", b)]
    gareth = allocation.my_work(ws, insp, who["Gareth"])
    assert [(w.kind, w.row["id"]) for w in gareth] == [("child", a)]
    assert [w.kind for w in allocation.my_work(ws, insp)] == ["timetable_entry"]  # Helen acts here


def test_set_inspectors_is_one_undoable_edit_and_allocating_twice_makes_one_record(ws, insp):
    who = members(ws, insp)
    a = child(ws, insp)
    allocation.allocate(ws, who["Tom"], "child", a)
    allocation.allocate(ws, who["Tom"], "child", a)
    assert len(allocation.allocations(ws, insp)) == 1
    changes = allocation.set_inspectors(ws, "child", a, [who["Helen"], who["Gareth"]])
    assert sorted(allocation.inspectors_of(ws, insp, "child", a)) == sorted(
        [who["Helen"], who["Gareth"]]
    )
    ws.apply(changes.inverse())
    assert allocation.inspectors_of(ws, insp, "child", a) == [who["Tom"]]


def test_allocation_refuses_strangers_and_things_that_cannot_be_allocated(ws, insp):
    a = child(ws, insp)
    before = dump_json(ws, insp)
    with pytest.raises(ValidationError, match="members of this inspection"):
        allocation.allocate(ws, "0" * 32, "child", a)
    with pytest.raises(ValidationError, match="can be allocated"):
        allocation.allocate(ws, members(ws, insp)["Tom"], "finding", a)
    assert dump_json(ws, insp) == before


def test_specialisms_are_kept_short_and_can_be_cleared(ws, insp):
    tom = members(ws, insp)["Tom"]
    allocation.set_specialism(ws, tom, " Public protection ")
    assert ws.require("member", tom)["specialism"] == "Public protection"
    with pytest.raises(ValidationError, match="60 characters"):
        allocation.set_specialism(ws, tom, "x" * 61)
    allocation.set_specialism(ws, tom, "")
    assert ws.require("member", tom)["specialism"] is None


# --- the timetable ----------------------------------------------------------------------------
def test_an_inspector_booked_twice_and_a_room_double_booked_are_flagged(ws, insp):
    who = members(ws, insp)
    first = session(ws, insp, "MASH observation", "09:30", "11:00", [who["Tom"]], room="Room 2")
    second = session(
        ws, insp, "Police leaders", "10:30", "11:30", [who["Tom"], who["Helen"]], room="room 2"
    )
    third = session(ws, insp, "Health leaders", "11:30", "12:30", [who["Tom"]], room="Room 2")
    found = timetable.timetable_clashes(ws, insp)
    assert [(c.first, c.second, c.kind) for c in found] == [
        (first, second, "person"),
        (first, second, "room"),
    ]
    assert found[0].message == (
        "Tom Police is in two places on Monday 19 October 2026: 'MASH observation' "
        "(09:30\u201311:00) and 'Police leaders' (10:30\u201311:30)."
    )
    assert found[1].message.startswith("Room 2 is booked twice on Monday 19 October 2026")
    timetable.update_entry(ws, second, {"start_time": "11:00", "end_time": "12:00"})
    moved = timetable.timetable_clashes(ws, insp)
    assert [(c.first, c.second, c.kind) for c in moved] == [
        (second, third, "person"),
        (second, third, "room"),
    ]
    timetable.update_entry(ws, second, {"date": "2026-10-20"})
    assert timetable.timetable_clashes(ws, insp) == []


def test_the_same_role_of_the_same_organisation_in_two_sessions_at_once_is_flagged(ws, insp):
    la = next(a["id"] for a in ws.rows("agency", insp) if a["kind"] == "children_social_care")
    manager = [{"role": "MASH manager", "agency": la}]
    session(ws, insp, "Front door walk-through", "09:00", "10:00", attendees=manager)
    session(ws, insp, "Managers' focus group", "09:30", "10:30", attendees=manager)
    (clash,) = timetable.timetable_clashes(ws, insp)
    assert clash.message.startswith("The MASH manager (Children's social care) is in two places")


def test_deleting_a_session_takes_its_allocations_and_undo_brings_both_back(ws, insp):
    who = members(ws, insp)
    entry = session(ws, insp, "Case tracking: Child A", "13:00", "15:00", [who["Gareth"]])
    changes = timetable.delete_entry(ws, entry)
    assert timetable.entries(ws, insp) == [] and allocation.allocations(ws, insp) == []
    ws.apply(changes.inverse())
    assert [e["id"] for e in timetable.entries(ws, insp)] == [entry]
    assert allocation.inspectors_of(ws, insp, "timetable_entry", entry) == [who["Gareth"]]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"start_time": "11:00", "end_time": "10:00"}, "ends .* before it starts"),
        ({"end_time": ""}, "start and end times"),
        ({"kind": "party"}, "kind of session"),
        ({"title": " "}, "title"),
        ({"attendees": [{"role": "Mr Jones"}]}, "person's name"),
        ({"children": ["0" * 32]}, "children of this inspection"),
    ],
)
def test_a_session_that_makes_no_sense_is_refused_and_nothing_is_saved(ws, insp, values, message):
    before = dump_json(ws, insp)
    base = {"kind": "meeting", "title": "Meeting", "date": MONDAY}
    with pytest.raises(ValidationError, match=message):
        timetable.add_entry(
            ws, insp, {**base, "start_time": "09:00", "end_time": "10:00", **values}
        )
    assert dump_json(ws, insp) == before


# --- timeline events --------------------------------------------------------------------------
NOW = datetime(2026, 10, 6, 12, 0)


def test_events_carry_an_optional_time_and_sort_by_it(ws, insp):
    a = child(ws, insp)
    children.add_event(ws, a, date="2026-06-01", kind="referral", summary="Late", time="15:00")
    children.add_event(ws, a, date="2026-06-01", kind="contact", summary="Early", time="9:05")
    children.add_event(ws, a, date="2026-06-01", kind="other", summary="No time")
    assert [(e["time"], e["summary"]) for e in children.timeline(ws, a)] == [
        ("09:05", "Early"),
        ("15:00", "Late"),
        (None, "No time"),
    ]


def test_event_dates_are_checked_against_the_look_back_and_today(ws, insp):
    a = child(ws, insp)
    before = dump_json(ws, insp)
    with pytest.raises(ValidationError, match="in the future"):
        children.add_event(ws, a, date="2026-10-07", kind="contact", summary="x", now=NOW)
    with pytest.raises(ValidationError, match="before the look-back"):
        children.add_event(ws, a, date="2026-01-10", kind="contact", summary="x", now=NOW)
    assert dump_json(ws, insp) == before
    event = children.add_event(
        ws,
        a,
        date="2026-01-10",
        kind="contact",
        summary="First police contact",
        lookback_reason="The pattern of abuse began before the look-back",
        now=NOW,
    ).entity_id
    with pytest.raises(ValidationError, match="before the look-back"):  # a correction too
        children.update_event(ws, event, date="2026-01-11", kind="contact", summary="x", now=NOW)


# --- the team's timetable syncs -------------------------------------------------------------
def test_sessions_booked_apart_on_two_laptops_clash_once_synced(tmp_path, open_folder, ws, insp):
    from jtai_desktop.crypto.kdf import fast_params_for_tests

    invitation = team.create_invitation(
        ws, insp, "invitation words", "Gareth", params=fast_params_for_tests()
    )
    member = open_folder(tmp_path / "member").workspace
    team.join(member, invitation, "invitation words", "Gareth Laptop", "cqc")
    share = FolderTransport(tmp_path / "share")
    (tmp_path / "share").mkdir()
    for side in (ws, member, ws):
        sync(side, insp, share)
    helen = members(ws, insp)["Helen"]
    session(ws, insp, "Leaders", "09:00", "10:00", [helen], room="Room 1")
    session(member, insp, "Front door observation", "09:30", "11:00", [helen])
    assert timetable.timetable_clashes(ws, insp) == []
    assert timetable.timetable_clashes(member, insp) == []
    for side in (ws, member, ws):
        sync(side, insp, share)
    for side in (ws, member):
        assert [c.kind for c in timetable.timetable_clashes(side, insp)] == ["person"]
        assert len(timetable.entries(side, insp)) == 2
