"""The identifying-details gate: every piece of text bound for the document is scanned before
anything is written, and the export is blocked while a hit stands.

What it looks for, beyond the shapes in ``patterns`` and ``dates``, comes from the
inspection's own records of its children (including their local-only private fields):

* names: the full recorded name, and each part of it (first name, surname) of 3 letters or
  more, in any case, as a whole word ("Jordan's" is a hit, "Jordanian" is not). A part that
  is also an everyday word (Will, May, Grace, Drew, White ...) is matched only with a
  capital letter, so "the partnership will" does not stop an export.
* case references, with or without their separators (NB-123456, NB 123456, nb123456);
* dates of birth in any format (see ``dates``), and any date written just after "born",
  "DOB" or "date of birth";
* addresses: each line of a recorded address except the area's own name, the street without
  its house number, and the postcode in any case;
* schools and settings recorded for a child, and the name without a trailing "School".

Pseudonyms ("Child A") are never hits. The lead can override a hit with a reason; an
override is keyed by (kind, matched text, location), so a changed text is checked afresh.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from . import dates, patterns
from .letter import Letter, Paragraph, TextPiece
from .readability import MAX_WORDS, long_sentences

CHILD_NAME, CASE_REF, DOB = "child_name", "case_reference", "date_of_birth"
ADDRESS, POSTCODE, NHS = "address", "postcode", "nhs_number"
PHONE, EMAIL, SCHOOL, SMALL_COUNT = (
    "phone_number",
    "email_address",
    "school_or_setting",
    "small_count",
)
KINDS = (CHILD_NAME, CASE_REF, DOB, ADDRESS, POSTCODE, NHS, PHONE, EMAIL, SCHOOL, SMALL_COUNT)
KIND_LABELS = {
    CHILD_NAME: "child's name",
    CASE_REF: "case reference",
    DOB: "date of birth",
    ADDRESS: "address",
    POSTCODE: "postcode",
    NHS: "NHS number",
    PHONE: "phone number",
    EMAIL: "email address",
    SCHOOL: "school or setting",
    SMALL_COUNT: "small count of children",
}

# Name parts that are also ordinary words: matched only when capitalised (see module doc).
EVERYDAY_WORDS = frozenset(
    [
        "will",
        "may",
        "june",
        "april",
        "august",
        "grace",
        "hope",
        "faith",
        "joy",
        "rose",
        "lily",
        "ivy",
        "holly",
        "daisy",
        "poppy",
        "dawn",
        "summer",
        "autumn",
        "river",
        "sky",
        "sunny",
        "mark",
        "bill",
        "pat",
        "sue",
        "drew",
        "rob",
        "robin",
        "jack",
        "frank",
        "victor",
        "hunter",
        "chase",
        "mason",
        "archer",
        "baker",
        "brown",
        "green",
        "white",
        "black",
        "young",
        "long",
        "short",
        "hill",
        "wood",
        "field",
        "page",
        "read",
        "reading",
        "north",
        "south",
        "west",
        "east",
        "stone",
        "king",
        "rich",
        "bright",
        "hall",
        "ford",
        "mill",
        "shepherd",
        "cook",
        "smith",
        "love",
        "star",
    ]
)
_WORDISH = r"[\w'’]"
_ANY_CASE_POSTCODE = re.compile(patterns.POSTCODE.pattern, re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    kind: str
    match: str
    section: str
    heading: str
    paragraph: int  # block index in the section; -1 for the heading
    part: str = ""
    finding_id: str | None = None

    @property
    def location(self) -> str:
        where = f"{self.section}/{self.paragraph}"
        return f"{where}/{self.part}" if self.part else where

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.match, self.location)

    def describe(self) -> str:
        """Where the hit is, in words the lead can follow (no match text in it)."""
        place = "heading" if self.paragraph < 0 else f"paragraph {self.paragraph + 1}"
        extra = f", {self.part}" if self.part else ""
        finding = f" (finding {self.finding_id[:8]})" if self.finding_id else ""
        return f"{self.heading}: {place}{extra}{finding}"


@dataclass(frozen=True)
class Override:
    kind: str
    match: str
    location: str
    reason: str
    by: str = ""  # who overrode it (a team member's name)
    at: str = ""  # when (ISO 8601)
    id: str = ""  # the record it is kept in, when kept in the inspection

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.match, self.location)


@dataclass(frozen=True)
class ReportWarning:
    """Worth the lead's attention, never a reason to stop the export."""

    kind: str  # finding_without_evidence | agency_without_finding | empty_section | long_sentence
    message: str
    section: str = ""
    finding_id: str | None = None


@dataclass(frozen=True)
class GateResult:
    hits: tuple[Hit, ...]  # still blocking the export
    overridden: tuple[tuple[Hit, Override], ...]
    warnings: tuple[ReportWarning, ...] = ()

    @property
    def blocked(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True)
class ChildDetails:
    """One child's identifying details, as recorded (any may be missing)."""

    name: str = ""
    case_ref: str = ""
    dob: date | None = None
    address: str = ""
    school: str = ""


SEPARATOR = "\x00"  # joins pieces for one pass of each finder; no pattern matches across it


@dataclass
class SensitiveDetails:
    """The compiled matchers for every child of one inspection."""

    children: Iterable[ChildDetails]
    area: str = ""
    finders: list[tuple[str, Callable[[str], Iterator[tuple[int, str]]]]] = field(init=False)

    def __post_init__(self):
        kids = list(self.children)
        self.dobs = frozenset(c.dob for c in kids if c.dob)
        terms = {
            CHILD_NAME: _name_terms(kids),
            CASE_REF: _ref_terms(kids),
            ADDRESS: _address_terms(kids, self.area),
            SCHOOL: _school_terms(kids),
            POSTCODE: _recorded_postcodes(kids),
        }
        self.finders = [(kind, _term_finder(found)) for kind, found in terms.items() if found]
        self.finders += [
            (DOB, self._dates),
            (POSTCODE, patterns.postcodes),
            (ADDRESS, patterns.street_addresses),
            (NHS, patterns.nhs_numbers),
            (PHONE, patterns.phone_numbers),
            (EMAIL, patterns.emails),
            (SMALL_COUNT, patterns.small_counts),
        ]

    def find(self, text: str) -> list[tuple[str, str]]:
        """(kind, matched text) for every identifying detail in ``text``, without repeats."""
        return self.find_all([text])[0]

    def find_all(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """``find`` for many texts at once: each finder runs once over all of them joined,
        which is what keeps a 1,000-row evidence index quick to check."""
        texts = [t.replace(SEPARATOR, " ") for t in texts]
        joined = SEPARATOR.join(texts)
        ends = list(accumulate(len(t) + 1 for t in texts))  # one past each text's separator
        found: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
        for order, (kind, finder) in enumerate(self.finders):
            for start, match in finder(joined):
                index = bisect_right(ends, start)
                found[index].append((order, start, kind, match))
        return [list(dict.fromkeys((k, m) for _, _, k, m in sorted(hits))) for hits in found]

    def _dates(self, text: str) -> Iterator[tuple[int, str]]:
        for mention in dates.full_dates(text):
            if mention.readings & self.dobs:
                yield mention.start, mention.text
        yield from ((m.start, m.text) for m in dates.birth_dates(text))


def scan(letter: Letter, details: SensitiveDetails, extra: Iterable[TextPiece] = ()) -> list[Hit]:
    """Hits in every piece of the letter, and in ``extra`` text bound for the document
    (a template's headers and footers)."""
    pieces = [*letter.pieces(), *extra]
    found = details.find_all([p.text for p in pieces])
    return [
        Hit(kind, match, p.section, p.heading, p.paragraph, p.part, p.finding_id)
        for p, hits in zip(pieces, found)
        for kind, match in hits
    ]


def scan_piece(piece: TextPiece, details: SensitiveDetails) -> list[Hit]:
    return [
        Hit(
            kind, match, piece.section, piece.heading, piece.paragraph, piece.part, piece.finding_id
        )
        for kind, match in details.find(piece.text)
    ]


def check(
    letter: Letter,
    details: SensitiveDetails,
    overrides: Iterable[Override] = (),
    warnings: Iterable[ReportWarning] = (),
    max_words: int = MAX_WORDS,
    extra: Iterable[TextPiece] = (),
) -> GateResult:
    """Scan the letter; hits the lead has overridden stand aside, the rest block."""
    by_key = {o.key: o for o in overrides}
    hits, overridden = [], []
    for hit in scan(letter, details, extra):
        if hit.key in by_key:
            overridden.append((hit, by_key[hit.key]))
        else:
            hits.append(hit)
    advice = [*warnings, *readability_warnings(letter, max_words)]
    return GateResult(tuple(hits), tuple(overridden), tuple(advice))


def readability_warnings(letter: Letter, max_words: int = MAX_WORDS) -> list[ReportWarning]:
    found = []
    for section in letter.sections:
        texts = [(i, b.text) for i, b in enumerate(section.blocks) if isinstance(b, Paragraph)]
        for long in long_sentences(texts, max_words):
            found.append(
                ReportWarning(
                    "long_sentence",
                    f"{section.heading}: paragraph {long.paragraph + 1} has a "
                    f"sentence of {long.words} words (over {max_words}), starting "
                    f"\u201c{long.opening}\u2026\u201d. Consider splitting it.",
                    section.key,
                )
            )
    return found


# --- terms from the records ----------------------------------------------------------------
def _name_terms(kids: list[ChildDetails]) -> set[str]:
    terms = set()
    for kid in kids:
        full = " ".join(kid.name.split())
        if full:
            terms.add(full)
        terms |= {p for p in re.split(r"[\s\-]+", full) if len(re.sub(r"\W", "", p)) >= 3}
    return terms


def _ref_terms(kids: list[ChildDetails]) -> set[str]:
    return {k.case_ref.strip() for k in kids if k.case_ref and k.case_ref.strip()}


def _address_terms(kids: list[ChildDetails], area: str) -> set[str]:
    terms = set()
    for kid in kids:
        for line in re.split(r"[,\n]+", kid.address or ""):
            line = " ".join(_ANY_CASE_POSTCODE.sub("", line).split())
            if not line or line.lower() == area.strip().lower():
                continue
            terms.add(line)
            street = re.sub(r"^(?:flat\s+)?\d+[A-Za-z]?,?\s+", "", line, flags=re.IGNORECASE)
            if street != line and len(street.split()) >= 2:
                terms.add(street)
    return terms


def _recorded_postcodes(kids: list[ChildDetails]) -> set[str]:
    found = set()
    for kid in kids:
        found |= {m.group() for m in _ANY_CASE_POSTCODE.finditer(kid.address or "")}
    return found


def _school_terms(kids: list[ChildDetails]) -> set[str]:
    terms = set()
    for kid in kids:
        name = " ".join((kid.school or "").split())
        if name:
            terms.add(name)
            short = re.sub(r"\s+School$", "", name, flags=re.IGNORECASE)
            if short != name and len(short.split()) >= 2:
                terms.add(short)
    return terms


def _term_finder(terms: set[str]) -> Callable[[str], Iterator[tuple[int, str]]]:
    """One regex for a set of recorded terms: whole words, any case, flexible separators."""
    loose = sorted((t for t in terms if t.lower() not in EVERYDAY_WORDS), key=len, reverse=True)
    strict = sorted((t for t in terms if t.lower() in EVERYDAY_WORDS), key=len, reverse=True)
    patterns_ = []
    if loose:
        patterns_.append(re.compile(_alternation(loose), re.IGNORECASE))
    if strict:  # everyday words: capitalised only
        patterns_.append(re.compile(_alternation([t[0].upper() + t[1:].lower() for t in strict])))

    def finder(text: str) -> Iterator[tuple[int, str]]:
        for pattern in patterns_:
            yield from ((m.start(), m.group()) for m in pattern.finditer(text))

    return finder


def _alternation(terms: list[str]) -> str:
    return rf"(?<!{_WORDISH})(?:{'|'.join(_flexible(t) for t in terms)})(?!\w)"


def _flexible(term: str) -> str:
    """A term whose separators (space, hyphen, slash, full stop) may be written differently
    or left out: NB-123456 also matches NB 123456 and NB123456."""
    chunks = [re.escape(c) for c in re.split(r"[\s\-/.]+", term) if c]
    return r"[\s\-/.]*".join(chunks)
