"""Dates written in prose, in the formats people type, read back as calendar dates.

Used by the gate to find a child's recorded date of birth whatever its format (2015-03-07,
07/03/2015, 7.3.15, 7th March 2015, March 7, 2015 ...) and any date written just after
"born", "DOB" or "date of birth". A numeric date such as 07/03/2015 is ambiguous (day-first in
the UK, month-first elsewhere): both readings are kept, so neither can slip through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"

FULL_DATES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?<![\d.])(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?![\d])",
        rf"(?<![\d.])(?P<day>\d{{1,2}})[-/.](?P<month>\d{{1,2}})[-/.]{_YEAR}(?![\d])",
        rf"(?<![\w])(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?![\d])",
        rf"(?<![\w]){_MONTH}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})(?![\d])",
    )
)
PARTIAL_DATES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(?<![\w]){_MONTH}\s+(?P<year>\d{{4}})(?![\d])",
        r"(?<![\w\d])(?P<year>(?:19|20)\d{2})(?![\w\d])",
    )
)
BIRTH_PHRASE = re.compile(
    r"(?<![\w])(?:born|birth|birthday|DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date)(?![\w])",
    re.IGNORECASE,
)
BIRTH_REACH = 30  # characters after a birth phrase in which a date is taken as a birth date


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    readings: frozenset[date]  # empty for a month and year or a year alone


def full_dates(text: str) -> list[DateMention]:
    found = []
    for pattern in FULL_DATES:
        for m in pattern.finditer(text):
            readings = _readings(m)
            if readings:
                found.append(DateMention(m.start(), m.end(), m.group(), frozenset(readings)))
    return found


def birth_dates(text: str) -> list[DateMention]:
    """Dates (full or partial) written within reach after a birth phrase."""
    spans = [(m.end(), m.end() + BIRTH_REACH) for m in BIRTH_PHRASE.finditer(text)]
    if not spans:
        return []
    mentions = full_dates(text) + [
        DateMention(m.start(), m.end(), m.group(), frozenset())
        for pattern in PARTIAL_DATES
        for m in pattern.finditer(text)
    ]
    # A birth phrase reaches only within its own piece of text (pieces are joined by NUL).
    near = [
        d
        for d in mentions
        if any(lo <= d.start <= hi and "\x00" not in text[lo : d.start] for lo, hi in spans)
    ]
    return [d for d in near if not any(_inside(d, other) for other in near if other != d)]


def _inside(inner: DateMention, outer: DateMention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.text != outer.text


def _readings(m: re.Match) -> set[date]:
    parts = m.groupdict()
    first, month = int(parts["day"]), parts["month"]
    if not month.isdigit():
        pairs = [(first, MONTHS[month.lower().rstrip(".")])]
    elif m.re is FULL_DATES[1]:  # 07/03/2015: day-first in the UK, month-first elsewhere
        pairs = [(first, int(month)), (int(month), first)]
    else:
        pairs = [(first, int(month))]
    return {
        d
        for day, mon in pairs
        for year in _years(parts["year"])
        if (d := _safe_date(year, mon, day))
    }


def _years(text: str) -> list[int]:
    if len(text) == 4:
        return [int(text)]
    return [1900 + int(text), 2000 + int(text)]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
