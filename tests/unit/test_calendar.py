"""The inspection calendar: bank holidays, working-day arithmetic and key dates."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jtai_desktop.domain.calendar import (
    CalendarSettings,
    KeyDates,
    add_months,
    add_working_days,
    bank_holiday_name,
    bank_holidays,
    day_number,
    easter_sunday,
    is_working_day,
    key_dates,
    working_days_between,
)
from jtai_desktop.domain.errors import ValidationError

D = date

# Published England-and-Wales lists (gov.uk/bank-holidays).
PUBLISHED = {
    2020: {
        D(2020, 1, 1),
        D(2020, 4, 10),
        D(2020, 4, 13),
        D(2020, 5, 8),
        D(2020, 5, 25),
        D(2020, 8, 31),
        D(2020, 12, 25),
        D(2020, 12, 28),
    },
    2021: {
        D(2021, 1, 1),
        D(2021, 4, 2),
        D(2021, 4, 5),
        D(2021, 5, 3),
        D(2021, 5, 31),
        D(2021, 8, 30),
        D(2021, 12, 27),
        D(2021, 12, 28),
    },
    2022: {
        D(2022, 1, 3),
        D(2022, 4, 15),
        D(2022, 4, 18),
        D(2022, 5, 2),
        D(2022, 6, 2),
        D(2022, 6, 3),
        D(2022, 8, 29),
        D(2022, 9, 19),
        D(2022, 12, 26),
        D(2022, 12, 27),
    },
    2023: {
        D(2023, 1, 2),
        D(2023, 4, 7),
        D(2023, 4, 10),
        D(2023, 5, 1),
        D(2023, 5, 8),
        D(2023, 5, 29),
        D(2023, 8, 28),
        D(2023, 12, 25),
        D(2023, 12, 26),
    },
    2024: {
        D(2024, 1, 1),
        D(2024, 3, 29),
        D(2024, 4, 1),
        D(2024, 5, 6),
        D(2024, 5, 27),
        D(2024, 8, 26),
        D(2024, 12, 25),
        D(2024, 12, 26),
    },
    2025: {
        D(2025, 1, 1),
        D(2025, 4, 18),
        D(2025, 4, 21),
        D(2025, 5, 5),
        D(2025, 5, 26),
        D(2025, 8, 25),
        D(2025, 12, 25),
        D(2025, 12, 26),
    },
    2026: {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    },
    2027: {
        D(2027, 1, 1),
        D(2027, 3, 26),
        D(2027, 3, 29),
        D(2027, 5, 3),
        D(2027, 5, 31),
        D(2027, 8, 30),
        D(2027, 12, 27),
        D(2027, 12, 28),
    },
}

DEFAULT = CalendarSettings()
DAY_ONE = CalendarSettings(notification_is_day_one=True)

# Working days from 1995-01-01 to 2099-10-31 (late enough that +40 working days stays in range).
working_dates = st.dates(D(1995, 1, 1), D(2099, 10, 31)).filter(is_working_day)
any_dates = st.dates(D(1995, 3, 1), D(2099, 10, 31))


# --- bank holidays ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_bank_holidays_match_published_lists(year):
    assert bank_holidays(year) == frozenset(PUBLISHED[year])


@pytest.mark.parametrize(
    "year, expected",
    [
        (1995, {D(1995, 5, 8)}),  # VE day: early May moved to 8 May
        (1999, {D(1999, 12, 27), D(1999, 12, 28), D(1999, 12, 31)}),
        (2002, {D(2002, 6, 3), D(2002, 6, 4)}),  # golden jubilee + moved spring holiday
        (2011, {D(2011, 4, 29)}),
        (2012, {D(2012, 6, 4), D(2012, 6, 5)}),
    ],
)
def test_historic_one_offs_and_moves(year, expected):
    assert expected <= bank_holidays(year)


def test_moved_days_replace_the_usual_monday():
    assert D(1995, 5, 1) not in bank_holidays(1995)
    assert D(2020, 5, 4) not in bank_holidays(2020)
    assert D(2002, 5, 27) not in bank_holidays(2002)
    assert D(2012, 5, 28) not in bank_holidays(2012)
    assert D(2022, 5, 30) not in bank_holidays(2022)


def test_christmas_on_saturday_moves_both_days():
    for year in (2021, 2027):
        assert date(year, 12, 25).weekday() == 5
        christmas = {d for d in bank_holidays(year) if d.month == 12}
        assert christmas == {D(year, 12, 27), D(year, 12, 28)}
    assert bank_holiday_name(D(2021, 12, 27)) == "Christmas Day (substitute day)"


def test_christmas_on_sunday_keeps_boxing_day_and_substitutes_tuesday():
    assert D(2022, 12, 25).weekday() == 6
    assert {d for d in bank_holidays(2022) if d.month == 12} == {D(2022, 12, 26), D(2022, 12, 27)}
    assert bank_holiday_name(D(2022, 12, 26)) == "Boxing Day"
    assert bank_holiday_name(D(2022, 12, 27)) == "Christmas Day (substitute day)"


def test_boxing_day_on_saturday_moves_to_monday():
    assert {d for d in bank_holidays(2026) if d.month == 12} == {D(2026, 12, 25), D(2026, 12, 28)}


def test_new_year_substitutes():
    assert D(2022, 1, 3) in bank_holidays(2022)  # 1 Jan a Saturday
    assert D(2023, 1, 2) in bank_holidays(2023)  # 1 Jan a Sunday


@pytest.mark.parametrize(
    "year, easter",
    [
        (2000, D(2000, 4, 23)),
        (2008, D(2008, 3, 23)),
        (2011, D(2011, 4, 24)),
        (2019, D(2019, 4, 21)),
        (2038, D(2038, 4, 25)),
        (2285, D(2285, 3, 22)),
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize("year", range(1995, 2100))
def test_every_year_has_weekday_holidays_within_the_year(year):
    days = bank_holidays(year)
    assert 8 <= len(days) <= 10
    assert all(d.year == year and d.weekday() < 5 for d in days)


def test_bank_holidays_are_cached():
    assert bank_holidays(2025) == bank_holidays(2025)
    from jtai_desktop.domain import calendar

    before = calendar._named_bank_holidays.cache_info().hits
    bank_holidays(2025)
    assert calendar._named_bank_holidays.cache_info().hits == before + 1


@pytest.mark.parametrize("year", [1994, 2100])
def test_years_outside_the_known_range_are_refused(year):
    with pytest.raises(ValidationError, match="1995 to 2099"):
        bank_holidays(year)


# --- working days ----------------------------------------------------------------------------


def test_is_working_day():
    assert is_working_day(D(2025, 4, 17))
    assert not is_working_day(D(2025, 4, 18))  # Good Friday
    assert not is_working_day(D(2025, 4, 19))  # Saturday
    assert not is_working_day(D(2025, 4, 17), frozenset({D(2025, 4, 17)}))


def test_add_working_days_zero_and_negative():
    assert add_working_days(D(2025, 4, 17), 0) == D(2025, 4, 17)
    assert add_working_days(D(2025, 4, 18), 0) == D(2025, 4, 22)  # rolls past Easter
    assert add_working_days(D(2025, 4, 22), -1) == D(2025, 4, 17)
    assert add_working_days(D(2025, 4, 17), 1) == D(2025, 4, 22)


def test_extra_holidays_are_skipped():
    extra = frozenset({D(2025, 3, 4)})
    assert add_working_days(D(2025, 3, 3), 1, extra) == D(2025, 3, 5)
    assert working_days_between(D(2025, 3, 3), D(2025, 3, 7), extra) == 3


@given(working_dates, st.integers(0, 40))
def test_between_undoes_add(d, n):
    later = add_working_days(d, n)
    assert working_days_between(d, later) == n
    assert working_days_between(later, d) == -n
    if n > 0:
        assert is_working_day(later) and later > d


@given(st.dates(D(1995, 3, 1), D(2099, 12, 31)).filter(is_working_day), st.integers(1, 40))
def test_counting_backwards(d, n):
    earlier = add_working_days(d, -n)
    assert is_working_day(earlier) and earlier < d
    assert working_days_between(earlier, d) == n


@given(any_dates, st.integers(0, 60))
def test_between_matches_day_by_day_count(a, span):
    b = a + timedelta(days=span)
    brute = sum(is_working_day(a + timedelta(days=i)) for i in range(1, span + 1))
    assert working_days_between(a, b) == brute


# --- months ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "d, months, expected",
    [
        (D(2025, 8, 31), -6, D(2025, 2, 28)),
        (D(2024, 8, 31), -6, D(2024, 2, 29)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2025, 5, 15), -36, D(2022, 5, 15)),
        (D(2025, 1, 15), -1, D(2024, 12, 15)),
        (D(2025, 6, 10), 0, D(2025, 6, 10)),
    ],
)
def test_add_months_clamps_to_month_end(d, months, expected):
    assert add_months(d, months) == expected


def test_lookback_clamps_in_key_dates():
    assert key_dates(D(2023, 8, 31), DEFAULT).lookback_start == D(2023, 2, 28)
    assert key_dates(D(2028, 8, 31), DEFAULT).lookback_start == D(2028, 2, 29)


# --- settings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"notice_days": 0}, "notice period must be between 1 and 30"),
        ({"notice_days": 31}, "notice period must be between 1 and 30"),
        ({"lookback_months": 0}, "look-back period must be between 1 and 36"),
        ({"lookback_months": 37}, "look-back period must be between 1 and 36"),
        ({"fieldwork_days": 0}, "Fieldwork must be between 1 and 10"),
        ({"fieldwork_days": 11}, "Fieldwork must be between 1 and 10"),
        ({"notice_days": "10"}, "whole number"),
        ({"fieldwork_days": 2.5}, "whole number"),
        ({"notification_is_day_one": "yes"}, "true or false"),
    ],
)
def test_settings_validation(kwargs, words):
    with pytest.raises(ValidationError, match=words):
        CalendarSettings(**kwargs)


def test_settings_bounds_are_accepted():
    CalendarSettings(notice_days=1, lookback_months=36, fieldwork_days=10)
    CalendarSettings(notice_days=30, lookback_months=1, fieldwork_days=1)


# --- key dates -------------------------------------------------------------------------------


def test_default_key_dates_in_an_ordinary_fortnight():
    kd = key_dates(D(2025, 3, 3), DEFAULT)  # a Monday, no holidays near
    assert kd == KeyDates(
        notification=D(2025, 3, 3),
        children_selected_by=D(2025, 3, 7),
        audits_due=D(2025, 3, 14),
        fieldwork_start=D(2025, 3, 17),
        fieldwork_end=D(2025, 3, 21),
        lookback_start=D(2024, 9, 3),
        publication_earliest=D(2025, 5, 2),
        publication_latest=D(2025, 5, 23),
    )


def test_conventions_give_different_fieldwork_starts():
    zero, one = key_dates(D(2025, 3, 3), DEFAULT), key_dates(D(2025, 3, 3), DAY_ONE)
    assert zero.fieldwork_start == D(2025, 3, 17)
    assert one.fieldwork_start == D(2025, 3, 14)
    assert day_number(D(2025, 3, 3), zero.fieldwork_start, DEFAULT) == 10
    assert day_number(D(2025, 3, 3), one.fieldwork_start, DAY_ONE) == 10
    assert day_number(D(2025, 3, 3), D(2025, 3, 3), DEFAULT) == 0
    assert day_number(D(2025, 3, 3), D(2025, 3, 3), DAY_ONE) == 1


def test_notice_period_spanning_easter():
    kd = key_dates(D(2025, 4, 7), DEFAULT)
    assert kd.fieldwork_start == D(2025, 4, 23)  # Good Friday and Easter Monday skipped
    assert kd.audits_due == D(2025, 4, 22)
    assert key_dates(D(2025, 4, 7), DAY_ONE).fieldwork_start == D(2025, 4, 22)


def test_notice_period_spanning_christmas_and_new_year():
    kd = key_dates(D(2025, 12, 17), DEFAULT)
    assert kd.children_selected_by == D(2025, 12, 23)
    assert kd.audits_due == D(2026, 1, 2)
    assert kd.fieldwork_start == D(2026, 1, 5)
    assert kd.fieldwork_end == D(2026, 1, 9)


def test_publication_moves_forward_to_a_working_day():
    kd = key_dates(D(2026, 7, 6), CalendarSettings(fieldwork_days=1))
    assert kd.fieldwork_end == D(2026, 7, 20)  # a Monday
    assert kd.publication_earliest == D(2026, 9, 1)  # +6 weeks is the 31 Aug bank holiday
    assert kd.publication_latest == D(2026, 9, 21)  # +9 weeks, already a working day


def test_milestones_are_labelled_and_in_date_order():
    labels = [label for label, _ in key_dates(D(2025, 3, 3), DEFAULT).milestones()]
    assert labels == [
        "Look-back starts",
        "Notification",
        "Children selected",
        "Agency audits due",
        "Fieldwork starts",
        "Fieldwork ends",
        "Letter published (earliest)",
        "Letter published (latest)",
    ]
    dates = [d for _, d in key_dates(D(2025, 12, 17), DAY_ONE).milestones()]
    assert dates == sorted(dates)


def test_week_of():
    kd = key_dates(D(2025, 3, 3), DEFAULT)
    assert kd.week_of(D(2025, 3, 2)) is None
    assert kd.week_of(D(2025, 3, 3)) == 1
    assert kd.week_of(D(2025, 3, 7)) == 1
    assert kd.week_of(D(2025, 3, 8)) == 2  # Saturday after children selected
    assert kd.week_of(D(2025, 3, 14)) == 2
    assert kd.week_of(D(2025, 3, 17)) == 3
    assert kd.week_of(D(2025, 3, 21)) == 3
    assert kd.week_of(D(2025, 3, 22)) is None


@pytest.mark.parametrize(
    "d, words",
    [
        (D(2025, 3, 1), "1 March 2025 is a Saturday"),
        (D(2025, 3, 2), "is a Sunday"),
        (D(2025, 12, 25), r"is a bank holiday \(Christmas Day\)"),
    ],
)
def test_notification_must_be_a_working_day(d, words):
    with pytest.raises(ValidationError, match="notification day must be a working day: .*" + words):
        key_dates(d, DEFAULT)


def test_notification_on_an_extra_holiday_is_refused():
    with pytest.raises(ValidationError, match="marked as a holiday"):
        key_dates(D(2025, 3, 3), DEFAULT, extra_holidays=frozenset({D(2025, 3, 3)}))


@given(
    st.dates(D(1995, 1, 1), D(2099, 6, 30)).filter(is_working_day),
    st.booleans(),
    st.integers(1, 30),
    st.integers(1, 10),
)
def test_fieldwork_starts_on_day_notice_days(d, day_one, notice, fieldwork):
    settings = CalendarSettings(
        notice_days=notice, notification_is_day_one=day_one, fieldwork_days=fieldwork
    )
    kd = key_dates(d, settings)
    assert day_number(d, kd.fieldwork_start, settings) == notice
    assert working_days_between(kd.fieldwork_start, kd.fieldwork_end) == fieldwork - 1
    assert is_working_day(kd.publication_earliest) and is_working_day(kd.publication_latest)
    assert kd.week_of(kd.fieldwork_end) == 3
