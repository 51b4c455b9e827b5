"""The shapes of identifying details that need no list to be recognised.

Each finder takes a piece of text and yields the matched strings. Rules (see gate.py for the
details that come from the inspection's own records):

* UK postcodes: outward code, optional space, inward code, in capitals (typed postcodes
  nearly always are; lowercase prose like "y6 2nd" would otherwise be taken for one).
  Postcodes written in a child's recorded address are also matched in any case, by gate.py.
* NHS numbers: ten digits, plain or 3-3-4 with spaces or hyphens, whose tenth digit is the
  Modulus 11 check digit of the first nine. An invalid number is not flagged.
* UK phone numbers: a leading 0 (or +44) and 10 or 11 digits in all, with spaces, hyphens or
  brackets only; a statistic such as 12,345 or 1 234 567 has no leading 0 and is not one.
* Email addresses.
* Street addresses: a house number followed by capitalised words ending in a street word
  ("14 Canal Row", "3a Orchard Way").
* Small counts: a count from 1 to 5, in digits or words ("one", "2", "a single"), followed
  (at most two qualifying words such as "of the", "older" in between) by a word for a child or
  family ("child", "children", "young people", "families", "siblings", "babies", "pupils" ...).
  In a letter about a handful of children such a count can point at one of them: "two
  children in the same family" is flagged, "most children" and "15 children" are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import nhs

POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9])"
)
NHS_CANDIDATE = re.compile(r"(?<![\d\w])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\d\w])")
PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s\-()]{7,14}\d(?![\w])")
EMAIL = re.compile(r"(?<![\w.+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
STREET_WORDS = (
    "Road",
    "Rd",
    "Street",
    "St",
    "Lane",
    "Avenue",
    "Ave",
    "Close",
    "Way",
    "Row",
    "Court",
    "Drive",
    "Parade",
    "Crescent",
    "Place",
    "Gardens",
    "Terrace",
    "Grove",
    "Walk",
    "Square",
    "Mews",
    "Hill",
    "Rise",
    "Vale",
    "View",
    "Yard",
    "Wharf",
)
STREET_ADDRESS = re.compile(
    r"(?<![\w.,])\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'’\-]*\s+){1,3}"
    rf"(?:{'|'.join(STREET_WORDS)})(?![\w])"
)
_COUNT = r"(?:one|two|three|four|five|a\s+single|single|[1-5])"
_QUALIFIER = (
    r"(?:of\s+the|of\s+these|of\s+those|other|more|further|older|younger|separate|"
    r"different|individual|tracked|sampled|looked-after|disabled|unborn|small|"
    r"teenage|school-age)"
)
_PEOPLE = (
    r"(?:child(?:ren)?(?:['’]s)?|young\s+(?:people|person)(?:['’]s)?|famil(?:y|ies)"
    r"(?:['’]s)?|bab(?:y|ies)|siblings?|pupils?|girls?|boys?|teenagers?|infants?)"
)
SMALL_COUNT = re.compile(
    rf"(?<![\w.,\-]){_COUNT}\s+(?:{_QUALIFIER}\s+){{0,2}}{_PEOPLE}(?![\w])", re.IGNORECASE
)


Span = tuple[int, str]  # where a match starts, and the matched text


def postcodes(text: str) -> Iterator[Span]:
    yield from ((m.start(), m.group()) for m in POSTCODE.finditer(text))


def nhs_numbers(text: str) -> Iterator[Span]:
    yield from (
        (m.start(), m.group()) for m in NHS_CANDIDATE.finditer(text) if nhs.is_valid(m.group())
    )


def phone_numbers(text: str) -> Iterator[Span]:
    for match in PHONE_CANDIDATE.finditer(text):
        if _is_uk_phone(match.group()):
            yield match.start(), match.group()


def _is_uk_phone(candidate: str) -> bool:
    if re.search(r"\s{2,}|--|\d\(|\)\(", candidate):
        return False  # two numbers side by side in a table row, not one phone number
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith("+44"):
        digits = "0" + digits[2:].removeprefix("0") if "(0)" in candidate else "0" + digits[2:]
    return digits.startswith("0") and len(digits) in (10, 11) and digits[1] in "1235789"


def emails(text: str) -> Iterator[Span]:
    yield from ((m.start(), m.group()) for m in EMAIL.finditer(text))


def street_addresses(text: str) -> Iterator[Span]:
    yield from ((m.start(), m.group()) for m in STREET_ADDRESS.finditer(text))


def small_counts(text: str) -> Iterator[Span]:
    yield from ((m.start(), m.group()) for m in SMALL_COUNT.finditer(text))
