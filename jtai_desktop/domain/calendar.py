"""The inspection calendar: England-and-Wales working days and a JTAI's key dates.

Pure Python, no third-party packages. Working days are Monday to Friday that are not
England-and-Wales bank holidays (nor any ``extra_holidays`` the caller passes).

Counting conventions used throughout:

* ``add_working_days(d, n)`` steps over ``n`` working days, never counting ``d`` itself;
  ``n == 0`` rolls a non-working ``d`` forward to the next working day (a working ``d`` is
  returned unchanged); negative ``n`` steps backwards.
* ``working_days_between(a, b)`` counts the working days in the half-open span ``(a, b]``
  (negated when ``b < a``), so ``working_days_between(d, add_working_days(d, n)) == n``
  whenever ``d`` is a working day.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from jtai_desktop.domain.errors import ValidationError

FIRST_YEAR, LAST_YEAR = 1995, 2099
_DAY = timedelta(days=1)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Dates moved from their usual rule, by (year, rule name).
_MOVED = {
    (1995, "Early May bank holiday"): date(1995, 5, 8),  # VE day 50th anniversary (a Monday)
    (2020, "Early May bank holiday"): date(2020, 5, 8),  # VE day 75th anniversary (a Friday)
    (2002, "Spring bank holiday"): date(2002, 6, 4),
    (2012, "Spring bank holiday"): date(2012, 6, 4),
    (2022, "Spring bank holiday"): date(2022, 6, 2),
}
# Extra days declared for one year only.
_ONE_OFF = {
    date(1999, 12, 31): "Millennium celebrations",
    date(2002, 6, 3): "Golden Jubilee of Elizabeth II",
    date(2011, 4, 29): "Royal wedding",
    date(2012, 6, 5): "Diamond Jubilee of Elizabeth II",
    date(2022, 6, 3): "Platinum Jubilee of Elizabeth II",
    date(2022, 9, 19): "State funeral of Elizabeth II",
    date(2023, 5, 8): "Coronation of Charles III",
}


def format_date(d: date) -> str:
    """``d`` as a person reads it, independent of locale: 'Saturday 4 May 2024'."""
    return f"{_WEEKDAYS[d.weekday()]} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def easter_sunday(year: int) -> date:
    """Western Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_monday(year: int, month: int, last: bool) -> date:
    """First (or last) Monday of a month."""
    if last:
        end = date(year, month, monthrange(year, month)[1])
        return end - timedelta(days=end.weekday())
    start = date(year, month, 1)
    return start + timedelta(days=(7 - start.weekday()) % 7)


def _christmas(year: int) -> dict[date, str]:
    """Christmas Day and Boxing Day, with the substitute weekdays when they fall at a weekend."""
    xmas, boxing = "Christmas Day", "Boxing Day"
    weekday = date(year, 12, 25).weekday()
    if weekday == 5:  # Sat 25, Sun 26
        return {
            date(year, 12, 27): f"{xmas} (substitute day)",
            date(year, 12, 28): f"{boxing} (substitute day)",
        }
    if weekday == 6:  # Sun 25, Mon 26
        return {date(year, 12, 26): boxing, date(year, 12, 27): f"{xmas} (substitute day)"}
    if weekday == 4:  # Fri 25, Sat 26
        return {date(year, 12, 25): xmas, date(year, 12, 28): f"{boxing} (substitute day)"}
    return {date(year, 12, 25): xmas, date(year, 12, 26): boxing}


@cache
def _named_bank_holidays(year: int) -> dict[date, str]:
    """Every bank holiday of ``year`` mapped to its name (cached; do not mutate)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            f"bank holidays are only known for {FIRST_YEAR} to {LAST_YEAR}; "
            f"check the year {year} in the date you entered"
        )
    new_year = date(year, 1, 1)
    if new_year.weekday() >= 5:
        new_year += timedelta(days=7 - new_year.weekday())
    easter = easter_sunday(year)
    rules = {
        "New Year's Day": new_year,
        "Good Friday": easter - 2 * _DAY,
        "Easter Monday": easter + _DAY,
        "Early May bank holiday": _nth_monday(year, 5, last=False),
        "Spring bank holiday": _nth_monday(year, 5, last=True),
        "Summer bank holiday": _nth_monday(year, 8, last=True),
    }
    named = {_MOVED.get((year, name), day): name for name, day in rules.items()}
    named.update(_christmas(year))
    named.update({day: name for day, name in _ONE_OFF.items() if day.year == year})
    return named


def bank_holidays(year: int) -> frozenset[date]:
    """England-and-Wales bank holidays of ``year`` (1995 to 2099), computed by rule.

    Raises ValidationError for a year outside that range.
    """
    return frozenset(_named_bank_holidays(year))


def bank_holiday_name(d: date) -> str | None:
    """The name of the bank holiday on ``d`` ('Easter Monday'), or None."""
    return _named_bank_holidays(d.year).get(d)


def is_working_day(d: date, extra_holidays: frozenset[date] = frozenset()) -> bool:
    """True for Monday to Friday that is neither a bank holiday nor in ``extra_holidays``."""
    return d.weekday() < 5 and d not in extra_holidays and d not in _named_bank_holidays(d.year)


def add_working_days(start: date, n: int, extra_holidays: frozenset[date] = frozenset()) -> date:
    """The date ``n`` working days after ``start`` (before it when ``n`` is negative).

    ``start`` itself is never counted. ``n == 0`` returns ``start`` when it is a working day,
    otherwise the next working day after it.
    """
    step = _DAY if n >= 0 else -_DAY
    d, remaining = start, abs(n)
    if n == 0:
        while not is_working_day(d, extra_holidays):
            d += _DAY
        return d
    while remaining:
        d += step
        if is_working_day(d, extra_holidays):
            remaining -= 1
    return d


def _weekdays_up_to(d: date) -> int:
    """Number of Mondays to Fridays from 1 January of year 1 (a Monday) to ``d`` inclusive."""
    weeks, rest = divmod(d.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def working_days_between(a: date, b: date, extra_holidays: frozenset[date] = frozenset()) -> int:
    """Working days in ``(a, b]``: ``a`` excluded, ``b`` included; negative when ``b < a``."""
    if b < a:
        return -working_days_between(b, a, extra_holidays)
    holidays = set(extra_holidays)
    for year in range(a.year, b.year + 1):
        holidays |= _named_bank_holidays(year).keys()
    closed = sum(1 for h in holidays if a < h <= b and h.weekday() < 5)
    return _weekdays_up_to(b) - _weekdays_up_to(a) - closed


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole calendar months, clamping the day to the end of the month
    (31 August minus 6 months is 28 or 29 February). ``months`` may be negative."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, monthrange(year, month + 1)[1]))


def _check_whole(label: str, value: object, low: int, high: int, unit: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} must be a whole number of {unit}; got {value!r}")
    if not low <= value <= high:
        raise ValidationError(f"{label} must be between {low} and {high} {unit}; got {value}")


@dataclass(frozen=True)
class CalendarSettings:
    """How an inspection's calendar is counted; these vary by theme and year."""

    notice_days: int = 10
    notification_is_day_one: bool = False
    lookback_months: int = 6
    fieldwork_days: int = 5

    def __post_init__(self) -> None:
        _check_whole("The notice period", self.notice_days, 1, 30, "working days")
        _check_whole("The look-back period", self.lookback_months, 1, 36, "months")
        _check_whole("Fieldwork", self.fieldwork_days, 1, 10, "working days")
        if not isinstance(self.notification_is_day_one, bool):
            raise ValidationError(
                "Whether notification day is day 1 must be true or false; "
                f"got {self.notification_is_day_one!r}"
            )


@dataclass(frozen=True)
class KeyDates:
    """The milestones of one inspection, worked out from its notification day."""

    notification: date
    children_selected_by: date
    audits_due: date
    fieldwork_start: date
    fieldwork_end: date
    lookback_start: date
    publication_earliest: date
    publication_latest: date

    def milestones(self) -> list[tuple[str, date]]:
        """(label, date) pairs for display, in date order (ties keep the inspection order)."""
        labelled = [
            ("Look-back starts", self.lookback_start),
            ("Notification", self.notification),
            ("Children selected", self.children_selected_by),
            ("Agency audits due", self.audits_due),
            ("Fieldwork starts", self.fieldwork_start),
            ("Fieldwork ends", self.fieldwork_end),
            ("Letter published (earliest)", self.publication_earliest),
            ("Letter published (latest)", self.publication_latest),
        ]
        return sorted(labelled, key=lambda pair: pair[1])

    def week_of(self, d: date) -> int | None:
        """Inspection week of ``d``: 1 up to children selection, 3 from fieldwork start,
        2 in between; None before notification or after fieldwork ends."""
        if not self.notification <= d <= self.fieldwork_end:
            return None
        if d >= self.fieldwork_start:
            return 3
        return 1 if d <= self.children_selected_by else 2


def _require_working_notification(d: date, extra_holidays: frozenset[date]) -> None:
    """Raise ValidationError, saying why, unless ``d`` is a working day."""
    if is_working_day(d, extra_holidays):
        return
    if d.weekday() >= 5:
        reason = f"is a {_WEEKDAYS[d.weekday()]}"
    elif bank_holiday_name(d):
        reason = f"is a bank holiday ({bank_holiday_name(d)})"
    else:
        reason = "is marked as a holiday for this inspection"
    raise ValidationError(
        f"notification day must be a working day: {format_date(d)} {reason}; "
        "choose a weekday that is not a holiday"
    )


def key_dates(
    notification: date, settings: CalendarSettings, *, extra_holidays: frozenset[date] = frozenset()
) -> KeyDates:
    """Every milestone of an inspection notified on ``notification`` (a working day).

    Day-0 convention: fieldwork starts ``notice_days`` working days after notification.
    Day-1 convention: notification is working day 1, so fieldwork starts on working day
    ``notice_days`` counting it, one working day earlier than with day 0.
    """
    _require_working_notification(notification, extra_holidays)

    def shift(d: date, n: int) -> date:
        return add_working_days(d, n, extra_holidays)

    offset = settings.notice_days - (1 if settings.notification_is_day_one else 0)
    start = shift(notification, offset)
    end = shift(start, settings.fieldwork_days - 1)
    return KeyDates(
        notification=notification,
        children_selected_by=shift(notification, 4),
        audits_due=shift(start, -1),
        fieldwork_start=start,
        fieldwork_end=end,
        lookback_start=add_months(notification, -settings.lookback_months),
        publication_earliest=shift(end + timedelta(weeks=6), 0),
        publication_latest=shift(end + timedelta(weeks=9), 0),
    )


def day_number(
    notification: date,
    d: date,
    settings: CalendarSettings,
    *,
    extra_holidays: frozenset[date] = frozenset(),
) -> int:
    """Working-day number of ``d`` in the inspection's convention (notification is day 0 or 1).

    A non-working ``d`` gets the number of the last working day before it; dates before
    notification get numbers at or below the notification's.
    """
    _require_working_notification(notification, extra_holidays)
    first = 1 if settings.notification_is_day_one else 0
    return first + working_days_between(notification, d, extra_holidays)


@dataclass(frozen=True)
class Stage:
    """The inspection's stage on a day: ``kind`` is 'before', 'week1', 'week2', 'fieldwork',
    'after'; ``day`` and ``days`` number the fieldwork day (1 of 5) while on site."""

    kind: str
    day: int = 0
    days: int = 0


def stage_on(dates: KeyDates, today: date) -> Stage:
    if today < dates.notification:
        return Stage("before")
    if today > dates.fieldwork_end:
        return Stage("after")
    if today < dates.fieldwork_start:
        return Stage("week1" if today <= dates.children_selected_by else "week2")
    days = working_days_between(dates.fieldwork_start, dates.fieldwork_end) + 1
    day = working_days_between(dates.fieldwork_start, today) + 1
    return Stage("fieldwork", min(max(day, 1), days), days)
