"""Finding identifying details in text: every finder over the normalised text, each hit
mapped back to the words as written, with what it is and why it was taken for one.

``SensitiveDetails(children, area, allowed)`` compiles the finders once for an inspection:
the details held for its children (``known``), and the shapes that need no list (postcodes,
phone numbers, official numbers, dates, people's names, small counts ...). ``locate(texts)``
checks many texts in one pass of each finder, which keeps a letter of thousands of pieces
quick to check; ``find(text)`` gives (kind, matched text) pairs for one text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import counts, dates, known, numbers, patterns
from .kinds import (
    ADDRESS,
    CASE_REF,
    CHILD_NAME,
    COMBINATION,
    COURT_REF,
    DOB,
    EMAIL,
    NHS,
    NI_NUMBER,
    OFFICIAL_NUMBER,
    ONLINE,
    PERSON_NAME,
    PHONE,
    POLICE_REF,
    POSTCODE,
    PUPIL_NUMBER,
    SCHOOL,
    SINGLING_DATE,
    SMALL_COUNT,
    VEHICLE,
)
from .known import ChildDetails
from .normalise import Normalised, normalise

Found = tuple[int, int, str]
Finder = Callable[[str], Iterable[Found]]
SEPARATOR = "\x00"  # joins pieces for one pass of each finder; no pattern matches across it

HELD_WHY = {
    CHILD_NAME: "the name, or part of the name, of a child held in this inspection",
    CASE_REF: "a case reference held for a child in this inspection",
    ADDRESS: "part of an address held for a child in this inspection",
    SCHOOL: "a school or setting held for a child in this inspection",
    POSTCODE: "a postcode held for a child in this inspection",
}
# A person's name that is also something else the gate found (a held name, a school, a
# street) is reported as that, not twice.
YIELDS_TO_OTHERS = frozenset([PERSON_NAME])


@dataclass(frozen=True)
class Finding:
    kind: str
    match: str  # the words as written in the text
    start: int  # where in the text as written
    end: int
    why: str


class SensitiveDetails:
    """The compiled finders for one inspection."""

    def __init__(
        self,
        children: Iterable[ChildDetails] = (),
        area: str = "",
        allowed: Iterable[str] = (),
        names: bool = True,
    ):
        kids = list(children)
        self.dobs = frozenset(c.dob for c in kids if c.dob)
        self.allowed = [a.lower() for a in {normalise(a).text.strip() for a in allowed} if a]
        if area.strip():
            self.allowed.append(normalise(area).text.strip().lower())
        held = {
            CHILD_NAME: known.name_terms(kids),
            CASE_REF: known.ref_terms(kids),
            ADDRESS: known.address_terms(kids, area),
            SCHOOL: known.school_terms(kids, area),
            POSTCODE: known.recorded_postcodes(kids),
        }
        self.finders: list[tuple[str, Finder]] = [
            (kind, _held_finder(terms, HELD_WHY[kind])) for kind, terms in held.items() if terms
        ]
        self.finders += [
            (DOB, self._birth_dates),
            (
                SINGLING_DATE,
                _dates(
                    dates.event_dates,
                    "a date written with a death or another event in one person's life",
                ),
            ),
            (POSTCODE, patterns.postcodes),
            (ADDRESS, patterns.street_addresses),
            (NHS, numbers.nhs_numbers),
            (NI_NUMBER, numbers.ni_numbers),
            (PUPIL_NUMBER, numbers.pupil_numbers),
            (POLICE_REF, numbers.police_references),
            (COURT_REF, numbers.court_references),
            (CASE_REF, numbers.system_references),
            (OFFICIAL_NUMBER, numbers.official_numbers),
            (VEHICLE, numbers.vehicle_registrations),
            (PHONE, patterns.phone_numbers),
            (EMAIL, patterns.emails),
            (ONLINE, patterns.online_identities),
            (SMALL_COUNT, counts.small_counts),
            (COMBINATION, counts.combinations),
        ]
        if names:
            from . import names as person_names  # word lists load when a letter is checked

            self.finders.append((PERSON_NAME, person_names.person_names))

    # --- public ---------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[str, str]]:
        """(kind, matched text) for every identifying detail in ``text``, without repeats."""
        return self.find_all([text])[0]

    def find_all(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        return [
            list(dict.fromkeys((f.kind, f.match) for f in found)) for found in self.locate(texts)
        ]

    def locate(self, texts: list[str]) -> list[list[Finding]]:
        """Every finding in each text, in the finders' order, then by position."""
        norms = [normalise(t.replace(SEPARATOR, " ")) for t in texts]
        joined = SEPARATOR.join(n.text for n in norms)
        starts = [0]
        for n in norms[:-1]:
            starts.append(starts[-1] + len(n.text) + 1)
        raw: list[list[tuple[int, str, int, int, str]]] = [[] for _ in texts]
        for order, (kind, finder) in enumerate(self.finders):
            for start, end, why in finder(joined):
                index = bisect_right(starts, start) - 1
                local = start - starts[index]
                if end - starts[index] <= len(norms[index].text) and end > start:
                    raw[index].append((order, kind, local, end - starts[index], why))
        return [self._settle(texts[i], norms[i], hits) for i, hits in enumerate(raw)]

    # --- helpers ----------------------------------------------------------------------------
    def _settle(self, original: str, norm: Normalised, hits: list) -> list[Finding]:
        hits.sort(key=lambda h: (h[0], h[2]))
        others = [(s, e) for _o, kind, s, e, _w in hits if kind not in YIELDS_TO_OTHERS]
        findings: list[Finding] = []
        for _order, kind, start, end, why in hits:
            if kind in YIELDS_TO_OTHERS and (
                any(s < end and start < e for s, e in others)
                or self._is_allowed(norm.text, start, end)
            ):
                continue
            o_start, o_end = norm.span(start, end)
            findings.append(Finding(kind, original[o_start:o_end], o_start, o_end, why))
        return _unique(_outermost(findings))

    def _is_allowed(self, text: str, start: int, end: int) -> bool:
        """A pseudonym, the area's or an agency's name the words are part of."""
        lower = text.lower()
        for phrase in self.allowed:
            at = lower.find(phrase, max(0, start - len(phrase)))
            while 0 <= at <= start:
                if at + len(phrase) >= end:
                    return True
                at = lower.find(phrase, at + 1)
        return False

    def _birth_dates(self, text: str) -> Iterator[Found]:
        for mention in dates.full_dates(text):
            if mention.readings & self.dobs:
                yield (
                    mention.start,
                    mention.end,
                    "the date of birth of a child held in this inspection",
                )
        for m in dates.birth_dates(text):
            yield (
                m.start,
                m.end,
                "a date written after \u201cborn\u201d, \u201cDOB\u201d or \u201cbirthday\u201d",
            )
        for m in dates.bracketed_dates(text):
            yield m.start, m.end, "a date in brackets after a name, as a date of birth is written"


def _held_finder(terms: set[str], why: str) -> Finder:
    find = known.term_finder(terms)

    def finder(text: str) -> Iterator[Found]:
        for start, end in find(text):
            yield start, end, why

    return finder


def _dates(read: Callable[[str], list[dates.DateMention]], why: str) -> Finder:
    def finder(text: str) -> Iterator[Found]:
        for m in read(text):
            yield m.start, m.end, why

    return finder


def _outermost(findings: list[Finding]) -> list[Finding]:
    """A hit inside a longer hit of the same kind ("Canal Row" in "14 Canal Row") is that
    hit, not another."""
    return [
        f
        for f in findings
        if not any(
            g.kind == f.kind
            and g.start <= f.start
            and f.end <= g.end
            and (g.start, g.end) != (f.start, f.end)
            for g in findings
        )
    ]


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per kind and matched text (the first), as an override covers them all."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for f in findings:
        if (f.kind, f.match) not in seen:
            seen.add((f.kind, f.match))
            kept.append(f)
    return kept
