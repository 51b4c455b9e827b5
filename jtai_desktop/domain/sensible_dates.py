"""Sensible dates for what happened in a child's case: never in the future, within the
inspection's look-back unless the inspector says why older history matters, and an optional
time of day written as 24-hour HH:MM.

Pure checks that raise ``ValidationError`` with a message that says what to do; the dates in
the messages are written out in full ('Monday 5 October 2026') so nobody misreads a day for a
month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from .calendar import format_date
from .errors import ValidationError

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


def parse_time(value: str | None, what: str) -> str | None:
    """A time of day as stored ("09:05"), from "9:05", "09.05" or "0905"; None when blank."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isdigit() and len(text) == 4:
        text = f"{text[:2]}:{text[2:]}"
    match = _TIME.fullmatch(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if hours < 24 and minutes < 60:
            return f"{hours:02d}:{minutes:02d}"
    raise ValidationError(
        f"{what} must be a time of day like 09:30 or 16:45 (24-hour clock), not {value!r}; "
        "leave it empty when the time is not known."
    )


def as_date(value: date | str | None, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what} must be a date like 2026-11-23, not {value!r}.") from None


@dataclass(frozen=True)
class DateBounds:
    """What a date in a child's history is checked against: the first day of the look-back
    and the moment of the check (nothing recorded can have happened after it)."""

    lookback_start: date
    now: datetime

    @property
    def today(self) -> date:
        return self.now.date()


def check_history_date(
    when: date, at: str | None, bounds: DateBounds, *, what: str, reason: str | None
) -> None:
    """Refuse a date (and time) in the future, and one before the look-back unless a reason
    for recording older history is given."""
    if when > bounds.today or (
        when == bounds.today and at is not None and time.fromisoformat(at) > bounds.now.time()
    ):
        moment = f"{format_date(when)}{f' at {at}' if at else ''}"
        raise ValidationError(
            f"{what} ({moment}) is in the future: today is {format_date(bounds.today)}. "
            "Check the date and time."
        )
    if when < bounds.lookback_start and not (reason or "").strip():
        raise ValidationError(
            f"{what} ({format_date(when)}) is before the look-back, which starts on "
            f"{format_date(bounds.lookback_start)}. Check the date, or give a reason for "
            "recording older history."
        )


def not_before(
    later: tuple[date, str | None], earlier: tuple[date, str | None], what: str, before: str
) -> None:
    """``later`` (a date and optional time) may not come before ``earlier``; times are only
    compared when both are known."""
    (day, at), (first_day, first_at) = later, earlier
    if day < first_day or (day == first_day and at and first_at and at < first_at):
        raise ValidationError(
            f"{what} ({_moment(day, at)}) comes before {before} ({_moment(first_day, first_at)}). "
            "Check the dates and times of both."
        )


def _moment(day: date, at: str | None) -> str:
    return f"{format_date(day)}{f' at {at}' if at else ''}"
