"""How long the front door took: working hours and working days between two steps, and the
distribution over a sample (median, 90th percentile, how many took longer than the target).

Working hours are the part of a span that falls inside the office day (09:00 to 17:00 unless
the team says otherwise) on working days: weekends and England-and-Wales bank holidays add
nothing. A contact at 16:30 on a Friday decided at 10:00 the next Tuesday after a bank
holiday Monday took 1.5 working hours and 1 working day.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .calendar import is_working_day, working_days_between
from .errors import ValidationError
from .front_door import Interval

DAY_START, DAY_END = time(9, 0), time(17, 0)


@dataclass(frozen=True)
class OfficeDay:
    start: time = DAY_START
    end: time = DAY_END

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValidationError(
                f"The office day must end after it starts (got {self.start:%H:%M} to "
                f"{self.end:%H:%M}); choose, for example, 09:00 to 17:00."
            )


def working_hours_between(start: datetime, end: datetime, day: OfficeDay = OfficeDay()) -> float:
    """Office hours on working days between two moments (negative when ``end`` comes first)."""
    if end < start:
        return -working_hours_between(end, start, day)
    total = timedelta()
    current = start.date()
    while current <= end.date():
        if is_working_day(current):
            opens = max(start, datetime.combine(current, day.start))
            closes = min(end, datetime.combine(current, day.end))
            if closes > opens:
                total += closes - opens
        current += timedelta(days=1)
    return _hours(total)


def _hours(span: timedelta) -> float:
    return span.total_seconds() / 3600


@dataclass(frozen=True)
class Moment:
    """A step's date and, when known, its time of day."""

    day: date
    at: time | None = None


@dataclass(frozen=True)
class Timing:
    """One interval of one sample: working days always, working hours when both times are known."""

    working_days: int
    working_hours: float | None


def timing(start: Moment, end: Moment, day: OfficeDay = OfficeDay()) -> Timing:
    hours = None
    if start.at is not None and end.at is not None:
        hours = working_hours_between(
            datetime.combine(start.day, start.at), datetime.combine(end.day, end.at), day
        )
    return Timing(working_days_between(start.day, end.day), hours)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``share`` of the values at
    or below it (always one of the values, as a person counting the list would find it)."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


@dataclass(frozen=True)
class Distribution:
    """How one interval went over the samples that reached its end step."""

    interval: Interval
    target_hours: int
    count: int  # samples with both steps dated
    timed: int  # of those, with both times known (the working-hours figures)
    median_hours: float | None
    p90_hours: float | None
    over_target: int  # timed samples that took longer than the target
    median_days: float | None
    p90_days: float | None

    @property
    def untimed(self) -> int:
        return self.count - self.timed


def distribution(interval: Interval, timings: Iterable[Timing], target_hours: int) -> Distribution:
    timings = list(timings)
    hours = [t.working_hours for t in timings if t.working_hours is not None]
    days = [float(t.working_days) for t in timings]
    return Distribution(
        interval=interval,
        target_hours=target_hours,
        count=len(timings),
        timed=len(hours),
        median_hours=statistics.median(hours) if hours else None,
        p90_hours=percentile(hours, 0.9) if hours else None,
        over_target=sum(h > target_hours for h in hours),
        median_days=statistics.median(days) if days else None,
        p90_days=percentile(days, 0.9) if days else None,
    )
