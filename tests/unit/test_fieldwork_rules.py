"""The team's plan as pure rules: timetable clashes (a person or a room in two places at
once), allocation gaps, and sensible dates for a child's history."""

from datetime import date, datetime, time

import pytest

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.domain.fieldwork import Slot, allocation_gaps, attendee_key, clashes
from jtai_desktop.domain.sensible_dates import (
    DateBounds,
    check_history_date,
    not_before,
    parse_time,
)

MONDAY = date(2026, 10, 19)


def slot(entry_id, start, end, people=(), room=None, day=MONDAY):
    return Slot(
        entry_id, day, time.fromisoformat(start), time.fromisoformat(end), room, frozenset(people)
    )


def test_one_inspector_in_two_overlapping_sessions_is_a_clash():
    found = clashes(
        [
            slot("a", "09:00", "10:30", {"helen"}),
            slot("b", "10:00", "11:00", {"helen", "tom"}),
            slot("c", "10:30", "12:00", {"helen"}),  # starts as "a" ends: no clash with it
        ]
    )
    assert [(c.first, c.second, c.kind, c.who) for c in found] == [
        ("a", "b", "person", "helen"),
        ("b", "c", "person", "helen"),
    ]


def test_a_room_booked_twice_is_a_clash_however_it_is_written():
    found = clashes(
        [slot("a", "09:00", "10:00", room="Room 2"), slot("b", "09:30", "10:30", room=" room  2")]
    )
    assert [(c.kind, c.who) for c in found] == [("room", "Room 2")]


def test_no_clash_on_different_days_or_with_different_people_and_rooms():
    assert not clashes(
        [
            slot("a", "09:00", "10:00", {"helen"}, "Room 1"),
            slot("b", "09:00", "10:00", {"helen"}, "Room 1", day=date(2026, 10, 20)),
            slot("c", "09:00", "10:00", {"tom"}, "Room 2"),
        ]
    )


def test_the_same_role_in_the_same_organisation_is_taken_as_one_person():
    manager = attendee_key("MASH manager", "lA")
    assert manager == attendee_key("  mash   Manager ", "lA")
    assert manager != attendee_key("MASH manager", "police")
    found = clashes(
        [slot("a", "09:00", "10:00", {manager}), slot("b", "09:30", "11:00", {manager})]
    )
    assert [c.who for c in found] == [manager]


def test_allocation_gaps_are_the_items_nobody_has():
    items = [("child", "1"), ("child", "2"), ("agency", "p"), ("timetable_entry", "s")]
    assert allocation_gaps(items, [("child", "1"), ("agency", "p")]) == [
        ("child", "2"),
        ("timetable_entry", "s"),
    ]


BOUNDS = DateBounds(lookback_start=date(2026, 4, 5), now=datetime(2026, 10, 6, 14, 0))


def test_a_date_in_the_future_is_refused_with_today_named():
    with pytest.raises(ValidationError, match=r"in the future: today is Tuesday 6 October 2026"):
        check_history_date(date(2026, 10, 7), None, BOUNDS, what="The date", reason=None)
    with pytest.raises(ValidationError, match="at 15:30"):  # later today
        check_history_date(date(2026, 10, 6), "15:30", BOUNDS, what="The date", reason="old")
    check_history_date(date(2026, 10, 6), "13:59", BOUNDS, what="The date", reason=None)


def test_a_date_before_the_look_back_needs_a_reason():
    with pytest.raises(ValidationError, match="before the look-back, which starts on Sunday 5"):
        check_history_date(date(2026, 4, 4), None, BOUNDS, what="The date", reason="  ")
    check_history_date(date(2026, 4, 4), None, BOUNDS, what="The date", reason="Earlier abuse")
    check_history_date(date(2026, 4, 5), None, BOUNDS, what="The date", reason=None)


def test_times_are_read_as_people_write_them_and_refused_when_impossible():
    assert parse_time("9:05", "The time") == "09:05"
    assert parse_time("16.45", "The time") == "16:45"
    assert parse_time("0930", "The time") == "09:30"
    assert parse_time("  ", "The time") is None
    for bad in ("24:00", "9:75", "noon", "9"):
        with pytest.raises(ValidationError, match="24-hour clock"):
            parse_time(bad, "The time")


def test_a_later_step_cannot_come_before_an_earlier_one():
    contact = (date(2026, 6, 1), "10:00")
    with pytest.raises(ValidationError, match="comes before"):
        not_before((date(2026, 5, 31), None), contact, "'Decision'", "'Contact'")
    with pytest.raises(ValidationError, match="comes before"):
        not_before((date(2026, 6, 1), "09:00"), contact, "'Decision'", "'Contact'")
    not_before((date(2026, 6, 1), None), contact, "'Decision'", "'Contact'")  # time unknown


@pytest.mark.parametrize(
    ("entity", "field", "value"),
    [
        ("timetable_entry", "start_time", "9:00"),
        ("timetable_entry", "kind", "party"),
        ("timetable_entry", "attendees", [{"agency": "x"}]),
        ("front_door_sample", "decision_time", "24:00"),
        ("front_door_sample", "child_seen", "maybe"),
        ("front_door_sample", "threshold_decision", "shrug"),
        ("front_door_settings", "seen_target", 0),
        ("allocation", "target_kind", "finding"),
        ("event", "time", "noon"),
    ],
)
def test_a_colleagues_value_that_would_break_the_timings_or_the_timetable_is_refused(
    entity, field, value
):
    from jtai_desktop.domain.field_rules import check_synced_value

    with pytest.raises(ValidationError):
        check_synced_value(entity, field, value)
    check_synced_value("timetable_entry", "start_time", "09:00")
    check_synced_value("front_door_sample", "child_seen", "no")
