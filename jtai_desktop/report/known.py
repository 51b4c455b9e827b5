"""What the inspection holds about its children, turned into the spellings a writer may use.

Each of a child's recorded details (every value it ever held: see ``services.report``)
becomes a set of terms matched as whole words, without regard to case, apostrophes or
separators, in the normalised text (``normalise``):

* names: the full name and each part of 3 letters or more ("Jordan's" is a hit, "Jordanian"
  is not); a part that is also an everyday word (Will, May, Grace, White ...) only with a
  capital letter, so "the partnership will" does not stop an export. A surname in capitals
  (the case-record convention) is a hit like any other spelling.
* case references with or without their separators (NB-123456, NB 123456, nb123456), and
  their number alone when it has 5 digits or more;
* addresses: each line but the area's own name and a bare town or district, the street
  without its house number, and the street word written in full or shortened (Rd, St, Ave);
* schools and settings: the name, without its kind ("Primary", "High School", "C of E"),
  with "St" or "Saint" and with or without the apostrophe.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .normalise import plain, words

Span = tuple[int, int]


@dataclass(frozen=True)
class ChildDetails:
    """One child's identifying details, as recorded (any may be missing)."""

    name: str = ""
    case_ref: str = ""
    dob: date | None = None
    address: str = ""
    school: str = ""


# Name parts that are also ordinary words: matched only when capitalised (see module doc).
EVERYDAY_WORDS = words(
    """will may june april august grace hope faith joy rose lily ivy holly daisy poppy dawn
    summer autumn river sky sunny mark bill pat sue drew rob robin jack frank victor hunter
    chase mason archer baker brown green white black young long short hill wood field page
    read reading north south west east stone king rich bright hall ford mill shepherd cook
    smith love star ward bell day lane price cross best moss bird fox hunt rice lamb law gold
    brook street church banks wells mills dean lord sharp steel swift power hale bishop
    knight french grant booth hart bond bush house little noble park reed rush sage walker
    wise wolf more port marsh bank hay lake pool cliff dale glen bush ash oak birch heath
    moor carter cooper parker mason fisher turner taylor tanner miller potter porter
    chambers gardener fields woods rivers waters hills lakes sterling hunter major"""
)
STREET_SHORT = {
    "road": "rd",
    "street": "st",
    "avenue": "ave",
    "lane": "ln",
    "close": "cl",
    "drive": "dr",
    "court": "ct",
    "crescent": "cres",
    "gardens": "gdns",
    "terrace": "terr",
    "place": "pl",
    "square": "sq",
    "grove": "gr",
    "house": "hse",
}
STREET_WORDS = frozenset([*STREET_SHORT, *STREET_SHORT.values()]) | words(
    "way row walk mews hill rise vale view yard wharf parade"
)
SCHOOL_KIND = re.compile(
    r"(?:\s+(?:primary|infants?|juniors?|nursery|academy|high|secondary|school|college|"
    r"pupil\s+referral\s+unit|pru|c\s+of\s+e|ce|church\s+of\s+england|rc|roman\s+catholic|"
    r"catholic|community|free|special|learning\s+centre|and|&))$",
    re.IGNORECASE,
)
POSTCODE_ANY_CASE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![A-Za-z0-9])", re.IGNORECASE
)


def name_terms(kids: Iterable[ChildDetails]) -> set[str]:
    terms = set()
    for kid in kids:
        full = " ".join(plain(kid.name).split())
        if full:
            terms.add(full)
        terms |= {p for p in re.split(r"[\s\-]+", full) if len(re.sub(r"\W", "", p)) >= 3}
    return terms


def ref_terms(kids: Iterable[ChildDetails]) -> set[str]:
    terms = set()
    for kid in kids:
        ref = plain(kid.case_ref or "").strip()
        if not ref:
            continue
        terms.add(ref)
        terms |= {n for n in re.findall(r"\d+", ref) if len(n) >= 5}  # written without prefix
    return terms


def address_terms(kids: Iterable[ChildDetails], area: str) -> set[str]:
    terms = set()
    for kid in kids:
        for line in re.split(r"[,\n]+", plain(kid.address or "")):
            line = " ".join(POSTCODE_ANY_CASE.sub("", line).split())
            if not line or line.lower() == area.strip().lower() or _is_town(line):
                continue
            terms |= _street_spellings(line)
            street = re.sub(r"^(?:flat\s+)?\d+[A-Za-z]?,?\s+", "", line, flags=re.IGNORECASE)
            if street != line and len(street.split()) >= 2:
                terms |= _street_spellings(street)
    return terms


def _is_town(line: str) -> bool:
    """A line with no number and no street or building word: a town or district, which a
    letter names as an ordinary place."""
    words = line.lower().split()
    return not re.search(r"\d", line) and not any(w.strip(".") in STREET_WORDS for w in words)


def _street_spellings(line: str) -> set[str]:
    words = line.split()
    last = words[-1].lower().rstrip(".") if words else ""
    spellings = {line}
    for full, short in STREET_SHORT.items():
        if last in (full, short):
            spellings |= {" ".join([*words[:-1], w]) for w in (full, short)}
    return spellings


def recorded_postcodes(kids: Iterable[ChildDetails]) -> set[str]:
    found = set()
    for kid in kids:
        found |= {m.group() for m in POSTCODE_ANY_CASE.finditer(plain(kid.address or ""))}
    return found


def school_terms(kids: Iterable[ChildDetails], area: str = "") -> set[str]:
    terms = set()
    for kid in kids:
        name = " ".join(plain(kid.school or "").split())
        if not name:
            continue
        for form in _shorter_forms(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)):
            if form.lower() != area.strip().lower() and len(form) >= 4:
                terms |= _saint_spellings(form)
    return terms


def _shorter_forms(name: str) -> list[str]:
    """The name, then without each kind word from the end: St Aidan's C of E Primary, St
    Aidan's C of E, St Aidan's."""
    forms = [name]
    while (shorter := SCHOOL_KIND.sub("", forms[-1])) != forms[-1] and shorter:
        forms.append(shorter)
    return forms


def _saint_spellings(name: str) -> set[str]:
    if not re.match(r"(?:st\.?|saint)\s", name, re.IGNORECASE):
        return {name}
    rest = name.split(None, 1)[1]
    return {f"St {rest}", f"Saint {rest}"}


# --- matching -----------------------------------------------------------------------------
_WORDISH = r"[\w']"


def term_finder(terms: set[str]) -> Callable[[str], Iterator[Span]]:
    """One regex for a set of recorded terms: whole words, any case, flexible separators.
    Everyday words and single-word school names are matched only when capitalised."""
    loose = sorted((t for t in terms if not _needs_capital(t)), key=len, reverse=True)
    strict = sorted((t for t in terms if _needs_capital(t)), key=len, reverse=True)
    compiled = []
    if loose:
        compiled.append(re.compile(_alternation(loose), re.IGNORECASE))
    if strict:
        compiled.append(re.compile(_alternation([t[0].upper() + t[1:] for t in strict])))

    def finder(text: str) -> Iterator[Span]:
        for pattern in compiled:
            yield from (m.span() for m in pattern.finditer(text))

    return finder


def _needs_capital(term: str) -> bool:
    return term.lower() in EVERYDAY_WORDS


def _alternation(terms: list[str]) -> str:
    return rf"(?<!{_WORDISH})(?:{'|'.join(flexible(t) for t in terms)})(?!\w)"


def flexible(term: str) -> str:
    """A term whose separators (space, hyphen, slash, full stop, apostrophe) may be written
    differently or left out: NB-123456 also matches NB 123456 and NB123456, St Aidan's also
    St Aidans."""
    chunks = [re.escape(c) for c in re.split(r"[\s\-/.']+", term) if c]
    return r"[\s\-/.']*".join(chunks)
