"""Names of people the inspection does not hold: parents, siblings, carers, partners,
professionals, typed into a finding.

Recognised from the way an inspector's English writes them, with word lists
(``names_data``) and no statistical model:

* a known given name with a capital letter ("Kelly", "Kelly-Marie"), with the surname after
  it if there is one ("Kelly SMITH", "Darren O'Neill");
* any capitalised word after a title ("Mr Okonkwo", "DS Hargreaves", "Cllr Begum"), after
  a family word or "called" ("her mother, Tanisha", "the stepfather (Darren)", "a friend
  called Zed"), before a relationship in brackets ("Darren (stepfather)"), or in "the
  Kowalczyk family";
* an initial with a known surname ("J. Smith");
* a name that is also an ordinary word, a month or a place (Will, May, Grace, Chester) only
  with such a cue, with a surname, or before "said", "told" and the like.

A name inside the name of an organisation, a law or a place ("Grace Academy", "Clare's
Law", "St Aidan's", "Victoria Road", "the Lucy Faithfull Foundation") is not a person's
name, and neither are job titles. Finders take normalised text and yield (start, end, why).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .names_data import CUE_ONLY, GIVEN, NOT_NAMES, SURNAMES

Found = tuple[int, int, str]

WORD = re.compile(r"(?<![\w\-])(?<!\w')[A-Z][a-zA-Z]*(?:['\-][A-Z][a-zA-Z]*)*(?:'s)?(?![\w\-])")
TITLES = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Master|DS|DC|DI|DCI|PC|PCSO|Sgt|Sergeant|Insp|Cllr|Councillor|"
    r"Prof|Professor|Rev|Reverend"
)
FAMILY = (
    r"mother|mum|mummy|mam|father|dad|daddy|step-?father|step-?dad|step-?mother|step-?mum|"
    r"brother|sister|half-?brother|half-?sister|sibling|son|daughter|grandmother|grandfather|"
    r"grandma|grandad|grandpa|granny|gran|nan|nana|nanna|aunt|auntie|aunty|uncle|cousin|"
    r"ex-?partner|boyfriend|girlfriend|husband|wife|baby|niece|nephew|godmother|godfather|"
    r"called|named|known\s+as|alias|aka|nicknamed|"
    # Words that also name organisations ("a delivery partner, Barnardo's") count only
    # after a possessive: "her partner", "the mother's friend".
    r"(?:her|his|their|my|mother's|mum's|father's|dad's|child's|girl's|boy's)\s+"
    r"(?:partner|carer|foster\s+carer|friend|neighbour|lodger)"
)
TITLE_BEFORE = re.compile(rf"(?<![\w])(?:{TITLES})\.?\s+$")
FAMILY_BEFORE = re.compile(rf"(?<![\w\-])(?:{FAMILY})(?:'s)?\s*[,(:'\"]?\s*$", re.IGNORECASE)
RELATION_AFTER = re.compile(
    rf"\s*\((?:the\s+|her\s+|his\s+|their\s+|child's\s+)?(?:(?:{FAMILY})\b|"
    r"\d{1,2}\s*(?:\)|,|years|yrs)|aged\b)",
    re.IGNORECASE,
)
SPEECH_AFTER = re.compile(
    r"\s+(?:said|says|told|tells|explained|disclosed|reported|described|asked|wanted|"
    r"shared|felt|recalled|stated|admitted|denied|was\s+(?:seen|spoken|interviewed|arrested))\b"
)
FAMILY_WORD_AFTER = re.compile(
    r"\s+(?:family|household|children|siblings|twins)\b(?!\s+(?:hubs?|support|court|group|"
    r"services?|centres?|help|drug|intervention|nurse|partnership|work|liaison|team))"
)
PLACE_BEFORE = re.compile(
    r"(?<![\w])(?:St|Saint|King's|Kings|Queen|King|Prince|Princess|Lady|Lord|Sir|Royal|Port|"
    r"Mount|Lake|Cape|Fort|Great|Little|Upper|Lower|North|South|East|West|New)\.?\s+$"
)
ORG_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'\-]*){0,2}\s+(?:School|Academy|Primary|Infants?|Juniors?|College|"
    r"University|Hospital|Hospice|Trust|Foundation|House|Centre|Center|Unit|Ward|Road|Street|"
    r"St|Lane|Avenue|Close|Way|Park|Court|Law|Review|Report|Act|Inquiry|Estate|Hall|Group|"
    r"Project|Services?|Society|Clinic|Surgery|Practice|Medical|Nursery|Church|Chapel|Mosque|"
    r"Temple|Gurdwara|Square|Gardens|Place|Crescent|Terrace|Drive|Library|Station|Bridge|"
    r"Ltd|Limited|Partnership|Network|Programme|Model|Method|Scale|Tool|Framework|Award|Fund|"
    r"Charity|Appeal|Row|Grove|Green|Mews|Walk|Rise|Vale|View|Parade|Health|Care)\b"
)
INITIAL_SURNAME = re.compile(r"(?<![\w.])([B-HJ-Z]\.?|[A-Z]\.)\s+([A-Z][a-zA-Z'\-]+)(?![\w])")


def person_names(text: str) -> Iterator[Found]:
    taken_until = 0
    for m in WORD.finditer(text):
        if m.start() < taken_until:
            continue
        found = _name_at(text, m)
        if found:
            start, end, why = found
            taken_until = end
            yield start, end, why
    for m in INITIAL_SURNAME.finditer(text):
        if _bare(m.group(2)) in SURNAMES:
            yield m.start(), m.end(), "an initial and a surname: a person's name"


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _name_at(text: str, m: re.Match) -> Found | None:
    word = _bare(m.group())
    if "-" in word and word not in GIVEN and word.split("-")[0] in GIVEN:
        word = word.split("-")[0]  # Kelly-Marie, Jamie-Lee
    if word in NOT_NAMES or word.isupper() and len(word) > 1 and word not in GIVEN:
        return None
    before = text[max(0, m.start() - 30) : m.start()]
    if PLACE_BEFORE.search(before):
        return None
    end = _surname_end(text, m.end())
    if ORG_AFTER.match(text, m.end()):
        return None
    why = _why(text, m, word, before, end)
    return (m.start(), end, why) if why else None


def _why(text: str, m: re.Match, word: str, before: str, end: int) -> str:
    has_surname = end > m.end()
    if TITLE_BEFORE.search(before):
        return "a title and a name: a person's name"
    if FAMILY_BEFORE.search(before) and word not in CUE_ONLY | NOT_NAMES:
        return "a name given for a family member or someone close to the child"
    if word in GIVEN and word not in CUE_ONLY:
        return "a given name" + (" and surname" if has_surname else "") + ": a person's name"
    if word not in GIVEN and word not in CUE_ONLY and not has_surname:
        if FAMILY_WORD_AFTER.match(text, m.end()) or (
            RELATION_AFTER.match(text, m.end()) and not _starts_sentence(before)
        ):
            return "a name followed by the person's relationship to the child"
        return ""
    if FAMILY_BEFORE.search(before) or RELATION_AFTER.match(text, m.end()):
        return "a name given for a family member or someone close to the child"
    if has_surname and _first_surname(text, m.end()) in SURNAMES:
        return "a given name and surname: a person's name"
    if SPEECH_AFTER.match(text, end):
        return "a name before what the person said or did"
    return ""


def _starts_sentence(before: str) -> bool:
    """Nothing but a sentence's end, or nothing at all, before the word: a capitalised
    word there may be any word ("Referrals (23, ...)")."""
    return not before.strip() or bool(re.search(r"[.!?:\x00\n]\s*$", before))


def _surname_end(text: str, at: int) -> int:
    """Where a name ends: up to two capitalised words (or words in capitals) after it."""
    end = at
    for _ in range(2):
        nxt = re.match(r" ([A-Z][a-zA-Z]*(?:['\-][A-Z][a-zA-Z]*)*(?:'s)?)(?![\w\-])", text[end:])
        if not nxt or _bare(nxt.group(1)) in NOT_NAMES:
            break
        end += nxt.end()
    return end


def _first_surname(text: str, at: int) -> str:
    nxt = re.match(r" ([A-Z][a-zA-Z'\-]*)", text[at:])
    return _bare(nxt.group(1)).title() if nxt else ""
