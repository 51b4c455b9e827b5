"""Dates written in prose, in the formats people type, read back as calendar dates.

Used by the gate to find a child's recorded date of birth whatever its format (2015-03-07,
07/03/2015, 7.3.15, 7th March 2015, March 7, 2015 ...), any date written just after
"born", "b.", "DOB", "date of birth" or "birthday" (also a day and month without a year, or
a month and year), a date in brackets just after a name or pseudonym ("Child A (7.3.15)"),
and a date written with a death or another event in one person's life ("died on 3 May",
"went missing on 12/01/2025"). A numeric date such as 07/03/2015 is ambiguous (day-first in
the UK, month-first elsewhere): both readings are kept, so neither can slip through.
"Pre-birth", "birth parents" or "birth family" are not birth phrases.
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
        rf"(?<![\w])(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}(?![\w])",
        rf"(?<![\w]){_MONTH}\s+(?P<day>\d{{1,2}}){_ORD}(?![\w])",
        r"(?<![\w/.\-])(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})(?![\w/.\-]|\.\d)",
    )
)
NUMERIC_DAY_MONTH = PARTIAL_DATES[-1]  # "7/3": a birth date only after a birth phrase
BIRTH_PHRASE = re.compile(
    r"(?<![\w\-])(?<!pre\s)(?:born|birth|birthday|DOB|D\.O\.B\.?|date\s+of\s+birth|"
    r"birth\s*date|b\.|turn(?:s|ed)\s+\d{1,2}(?:\s+years?\s+old)?)(?!\w)(?!\s*(?:parents?|family|families|mother|father|relatives?|"
    r"siblings?|plan|conference|assessment|to\b|and\b|weight|injur|trauma|partner|certificate|"
    r"rates?|registrations?|cohorts?|statistics|figures|numbers|data|trends?))",
    re.IGNORECASE,
)
LIFE_EVENT = re.compile(
    r"(?<![\w])(?:died|death|deceased|passed\s+away|funeral|killed|murdered|stabbed|"
    r"d\.|adoption\s+order|placed\s+(?:for\s+adoption|with|in)|came\s+into\s+care|"
    r"(?:taken|received)\s+into\s+care|removed\s+(?:from|into)|went\s+missing|"
    r"reported\s+missing|missing\s+from|arrested|charged|convicted|sentenced|"
    r"excluded|admitted\s+to|overdosed?|EDD|due\s+date|expected\s+date\s+of\s+delivery|"
    r"gave\s+birth)(?![\w])",
    re.IGNORECASE,
)
BETWEEN_END = re.compile(r"(?:^|\s)(?:on|dated|is|was|of)$", re.IGNORECASE)
NAME_THEN_BRACKET = re.compile(r"[A-Z][\w']*\s*\($")
BIRTH_REACH = 30
EVENT_REACH = 40  # characters after a birth phrase in which a date is taken as a birth date


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
    return _dates_after(text, BIRTH_PHRASE, BIRTH_REACH, partial=True)


def event_dates(text: str) -> list[DateMention]:
    """Dates with a day written just after a death or another life event: at most a few
    words between, the last of them "on", "dated", "is" or "was" ("died on 3 May", "was
    excluded on 21.11.24"), so "excluded in the year to 31 March" is not one."""
    found = []
    for d in _dates_after(text, LIFE_EVENT, EVENT_REACH, partial=True, needs_day=True):
        cue = max((m for m in LIFE_EVENT.finditer(text, 0, d.start)), key=lambda m: m.end())
        between = text[cue.end() : d.start].strip(" ,:")
        if not between or (len(between.split()) <= 5 and BETWEEN_END.search(between)):
            found.append(d)
    return found


def bracketed_dates(text: str) -> list[DateMention]:
    """A date (with a day, or a year alone) in brackets right after a name or pseudonym:
    "Child A (7.3.15)", "Jordan (2015)"."""
    found = []
    for d in _all_dates(text):
        before, after = text[max(0, d.start - 30) : d.start], text[d.end : d.end + 1]
        if NUMERIC_DAY_MONTH.fullmatch(d.text):
            continue  # "Table (1/2)" is not a date of birth
        if NAME_THEN_BRACKET.search(before) and after == ")":
            found.append(d)
    return _outermost(found)


def _all_dates(text: str) -> list[DateMention]:
    return full_dates(text) + [
        DateMention(m.start(), m.end(), m.group(), frozenset())
        for pattern in PARTIAL_DATES
        for m in pattern.finditer(text)
    ]


def _dates_after(
    text: str, phrase: re.Pattern, reach: int, partial: bool, needs_day: bool = False
) -> list[DateMention]:
    spans = [(m.end(), m.end() + reach) for m in phrase.finditer(text)]
    if not spans:
        return []
    mentions = _all_dates(text) if partial else full_dates(text)
    if needs_day:
        mentions = [d for d in mentions if d.readings or re.search(r"\d{1,2}\D+\w", d.text)]
    # A phrase reaches only within its own piece of text (pieces are joined by NUL), and
    # not past the end of its sentence.
    near = [
        d
        for d in mentions
        if any(
            lo <= d.start <= hi and not re.search(r"\x00|\.\s", text[lo : d.start])
            for lo, hi in spans
        )
    ]
    return _outermost(near)


def _outermost(mentions: list[DateMention]) -> list[DateMention]:
    return [d for d in mentions if not any(_inside(d, other) for other in mentions if other != d)]


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
