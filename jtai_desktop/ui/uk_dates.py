"""Dates as the fieldwork screens show them, one UK way: "5 Apr 2026", "Mon 19 Oct 2026",
"5 Apr 2026 16:30". Day before month, month in words, so no one reads 05/04 as 4 May."""

from __future__ import annotations

from datetime import date

from ..domain.errors import ValidationError
from ..domain.sensible_dates import as_date


def _as_date(value: date | str | None) -> date | None:
    try:
        return as_date(value, "")
    except ValidationError:
        return None


def uk_date(value: date | str | None) -> str:
    """ "5 Apr 2026"; text that is not a date is shown as it is."""
    day = _as_date(value)
    if day is None:
        return "" if value is None else str(value)
    return f"{day.day} {day:%b %Y}"


def uk_day(value: date | str | None) -> str:
    """ "Mon 19 Oct 2026": a day of the timetable."""
    day = _as_date(value)
    return f"{day:%a} {uk_date(day)}" if day else uk_date(value)


def uk_moment(value: date | str | None, at: str | None) -> str:
    """A date with its time when known: "5 Apr 2026 16:30"."""
    text = uk_date(value)
    return f"{text} {at}" if text and at else text
