"""Working hours and working days between front door steps, across weekends and
England-and-Wales bank holidays, and the distribution the team reads (median, 90th percentile,
how many took longer than the target)."""

from datetime import date, datetime, time

import pytest

from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.domain.front_door import interval
from jtai_desktop.domain.timeliness import (
    Moment,
    OfficeDay,
    Timing,
    distribution,
    percentile,
    timing,
    working_hours_between,
)


def hours(start: str, end: str, day: OfficeDay = OfficeDay()) -> float:
    return working_hours_between(datetime.fromisoformat(start), datetime.fromisoformat(end), day)


def test_a_span_over_a_weekend_and_a_bank_holiday_counts_only_office_hours_on_working_days():
    # Friday 22 May 2026 16:30 to Tuesday 26 May 10:00; Monday 25 May is the Spring bank
    # holiday: half an hour on Friday, one on Tuesday.
    assert hours("2026-05-22T16:30", "2026-05-26T10:00") == pytest.approx(1.5)
    # The same days of the week a week earlier, with no bank holiday: Monday counts in full.
    assert hours("2026-05-15T16:30", "2026-05-19T10:00") == pytest.approx(9.5)


def test_a_span_over_christmas_skips_christmas_day_and_the_substitute_boxing_day():
    # Christmas Day 2026 is a Friday, so Boxing Day's holiday is Monday 28 December.
    assert hours("2026-12-24T15:00", "2026-12-29T10:00") == pytest.approx(3.0)


def test_out_of_hours_contacts_start_counting_when_the_office_opens():
    assert hours("2026-06-06T02:00", "2026-06-08T11:00") == pytest.approx(2.0)  # Sat to Mon
    assert hours("2026-06-10T18:00", "2026-06-11T08:30") == 0.0  # overnight
    assert hours("2026-06-10T09:30", "2026-06-10T15:00") == pytest.approx(5.5)


def test_the_office_day_is_a_setting():
    long_day = OfficeDay(time(8, 30), time(17, 30))
    assert hours("2026-06-10T08:00", "2026-06-11T09:00", long_day) == pytest.approx(9.5)
    with pytest.raises(ValidationError, match="must end after it starts"):
        OfficeDay(time(17, 0), time(9, 0))


def test_a_span_backwards_is_negative():
    assert hours("2026-06-11T10:00", "2026-06-10T10:00") == pytest.approx(-8.0)


def test_timing_gives_working_days_always_and_hours_only_when_both_times_are_known():
    friday, tuesday = date(2026, 5, 22), date(2026, 5, 26)
    timed = timing(Moment(friday, time(16, 30)), Moment(tuesday, time(10, 0)))
    assert timed == Timing(working_days=1, working_hours=pytest.approx(1.5))
    untimed = timing(Moment(friday, time(16, 30)), Moment(tuesday))
    assert untimed == Timing(working_days=1, working_hours=None)


def test_percentile_is_the_nearest_rank():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert percentile(values, 0.9) == 9
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([3, 1, 2], 0.5) == 2
    assert percentile(list(range(1, 12)), 0.9) == 10  # ceil(9.9) = 10th of 11


def test_distribution_counts_over_target_and_keeps_untimed_samples_in_days():
    timings = [
        Timing(0, 2.0),
        Timing(1, 9.5),
        Timing(0, 4.0),
        Timing(2, 12.0),
        Timing(3, None),
    ]
    d = distribution(interval("decision"), timings, target_hours=8)
    assert (d.count, d.timed, d.untimed) == (5, 4, 1)
    assert d.median_hours == pytest.approx(6.75)
    assert d.p90_hours == 12.0
    assert d.over_target == 2
    assert (d.median_days, d.p90_days) == (1.0, 3.0)


def test_an_interval_nobody_reached_has_no_figures():
    d = distribution(interval("section47"), [], target_hours=8)
    assert (d.count, d.timed, d.over_target) == (0, 0, 0)
    assert d.median_hours is None and d.p90_days is None
