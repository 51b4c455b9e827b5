"""Details that identify a child only in number or in combination.

* Small counts: a count from 1 to 5 ("one", "2", "a single", "both") of children or families,
  with describing words between (status, age, role: "two looked-after 15-year-old girls",
  "three unaccompanied asylum-seeking young people"), or with an age instead of a noun
  ("two aged 14", "three 15-year-olds"). In a letter about a handful of children such a
  count can point at one of them. Not counted: rates ("1 in 5 children"), year groups and
  key stages ("Year 5 pupils"), names of services ("two children's centres") and compounds
  that count something else ("two child protection conferences").
* Combinations: one sentence that gives an exact age and at least two other details that
  narrow a child down (sex, ethnicity or nationality, religion or language, immigration
  status, a rare circumstance or condition, a named local place, a month). Each is ordinary
  alone; together they can single a child out in a small area.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Found = tuple[int, int, str]

_COUNT = r"(?:one|two|three|four|five|a\s+single|single|both|[1-5])"
_PEOPLE = (
    r"(?:child(?:ren)?(?:'s)?|young\s+(?:people|person|men|women)(?:'s)?|famil(?:y|ies)(?:'s)?|"
    r"bab(?:y|ies)|siblings?|brothers?|sisters?|pupils?|students?|girls?|boys?|teenagers?|"
    r"infants?|toddlers?|adolescents?|care\s+leavers?|sons?|daughters?|twins|"
    r"(?:\d{1,2}|[a-z]+)[\s\-]year[\s\-]olds?)"
)
_VERBS = (
    r"were|was|are|is|had|have|has|did|do|does|in|out|of|per|year|key|and|or|who|with|at|on|"
    r"halves|thirds|quarters|fifths|tenths|percent|times"
)
_DESCRIBING = (
    rf"(?:(?!(?:{_VERBS})\b)[a-z][\w'\-]*|\d{{1,2}}-year-old|aged\s+\d{{1,2}}|year\s+\d{{1,2}})"
)
SMALL_COUNT = re.compile(
    rf"(?<![\w.,\-]){_COUNT}\s+(?:of\s+(?:the|these|those|them|whom|our|their)\s+)?"
    rf"(?:{_DESCRIBING}\s+){{0,3}}?{_PEOPLE}(?![\w\-])",
    re.IGNORECASE,
)
COUNT_WITH_AGE = re.compile(
    rf"(?<![\w.,\-]){_COUNT}\s+(?:of\s+(?:them|whom|these|those)\s+)?(?:were\s+)?"
    r"(?:aged|age)\s+(?:under\s+|over\s+)?\d{1,2}(?!\s*(?:to|-|and|or)\s*\d)(?![\w])",
    re.IGNORECASE,
)
NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:year|yr|y|key\s+stage|ks|out\s+of|every|of\s+the\s+(?:\d+|[a-z]+))\s*|"
    r"\b(?:\d+|one|a)\s+in\s+|[\d,.]\s*)$",
    re.IGNORECASE,
)
NOT_PEOPLE_AFTER = re.compile(
    r"\s*(?:'s\s+)?(?:protection|in\s+need|sexual|criminal|exploitation|abuse|death|deaths|"
    r"safeguarding|services?|social|centres?|homes?|minders?|health|development|practice|"
    r"plans?|trust|society|commissioner|partnership|hubs?|board|court|act|mental|support|"
    r"workers?|officers?|rights|champions?|liaison|nurses?|teams?|units?|wards?|charity|"
    r"hospitals?|groups?|panels?|'\s*workers?|'\s*services?|"
    r"and\s+adolescent|friendly|focused|centred|protection)\b",
    re.IGNORECASE,
)


# The published practice studies open "For one child, ..." (or young person): a way of saying
# "a child" that counts nothing, so it is not a small count.
PRACTICE_STUDY_OPENING = re.compile(
    r"(?:^|(?<=[.!?\x00\n]))\s*for\s+(one\s+(?:child|young\s+person))\s*,", re.IGNORECASE
)


def small_counts(text: str) -> Iterator[Found]:
    openings = {m.span(1) for m in PRACTICE_STUDY_OPENING.finditer(text)}
    for pattern in (SMALL_COUNT, COUNT_WITH_AGE):
        for m in pattern.finditer(text):
            if m.span() in openings:
                continue  # "For one child, ..."
            if NOT_A_COUNT_BEFORE.search(text[max(0, m.start() - 15) : m.start()]):
                continue  # "Year 5 pupils", "1 in 5 children", "one of the 40 families"
            if NOT_PEOPLE_AFTER.match(text, m.end()):
                continue  # "two children's centres", "one child protection plan"
            yield (
                m.start(),
                m.end(),
                "a small count of children or families, which can point at one",
            )


# --- combinations of ordinary details ----------------------------------------------------------
EXACT_AGE = re.compile(
    r"(?<![\w\-])(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen)[\s\-]+(?:years?|months?|weeks?)[\s\-]+old"
    r"(?![\s\-]*(?:and|or|to)\s)|(?<![\w])aged\s+\d{1,2}(?![\d\s]*(?:to|-|and|or|\+)\s*\d)"
    r"(?!\s*(?:to|and|or|-)\b)|(?<![\w])age\s+\d{1,2}(?![\d\s]*(?:to|-|and|or)\s*\d)",
    re.IGNORECASE,
)
DETAIL_CLASSES = {
    "sex": r"girl|boy|son|daughter|sister|brother|transgender|non-binary|pregnant|young\s+mother",
    "ethnicity, nationality or religion": (
        r"afghan|albanian|eritrean|ethiopian|sudanese|somali|syrian|iraqi|iranian|kurdish|"
        r"vietnamese|chinese|polish|romanian|lithuanian|latvian|slovak|czech|bulgarian|"
        r"ukrainian|nigerian|ghanaian|congolese|zimbabwean|pakistani|bangladeshi|indian|"
        r"sikh|muslim|hindu|jewish|orthodox|roma|gypsy|traveller|irish\s+traveller|"
        r"black|white\s+british|mixed\s+heritage|dual\s+heritage|asian|arab|turkish|"
        r"portuguese|jamaican|tigrinya|pashto|dari|arabic|urdu|punjabi|bengali|sylheti"
    ),
    "immigration status": (
        r"unaccompanied|asylum[\s\-]seeking|asylum\s+seeker|refugee|trafficked|uasc|"
        r"no\s+recourse|undocumented|newly\s+arrived"
    ),
    "rare circumstance": (
        r"twins?|triplets?|wheelchair|deaf|blind|cerebral\s+palsy|down'?s?\s+syndrome|"
        r"cystic\s+fibrosis|epilepsy|amputee|only\s+child\s+in|youngest\s+of\s+\w+|"
        r"eldest\s+of\s+\w+|young\s+carer|teenage\s+parent|home[\s\-]educated|"
        r"tube[\s\-]fed|oxygen|rare\s+condition|stammer|(?:has|with)\s+\w+\s+siblings"
    ),
    "named place": (
        r"(?:[A-Z][a-z]+\s+)+(?:estate|ward|village|park|farm|hostel|refuge|"
        r"tower|towers|flats|house|road|street|lane|close|way)|"
        r"(?:lives|living|lived|moved|placed)\s+(?:in|to|at)\s+[A-Z][a-z]+"
    ),
    "month": (
        r"(?:in|on|during|since|from)\s+(?:\d{1,2}\s+)?(?:january|february|march|april|june|"
        r"july|august|september|october|november|december)(?:\s+\d{4})?"
    ),
}
_CLASS_PATTERNS = {
    name: re.compile(rf"(?<![\w\-])(?:{p})(?![\w])", 0 if name == "named place" else re.IGNORECASE)
    for name, p in DETAIL_CLASSES.items()
}


def combinations(text: str) -> Iterator[Found]:
    done = -1
    for age in EXACT_AGE.finditer(text):  # only sentences that give an exact age
        if age.start() < done:
            continue
        start, end = _sentence_around(text, age.start())
        done = end
        sentence = text[start:end]
        found = [name for name, p in _CLASS_PATTERNS.items() if p.search(sentence)]
        if len(found) >= 2:
            why = "an exact age together with " + " and ".join(found[:3])
            yield start, end, why + ", which together can single a child out"


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    """The sentence (within its piece) that holds position ``at``, without the spaces
    before it."""
    starts = [text.rfind(mark, 0, at) for mark in (". ", "! ", "? ", "\x00", "\n")]
    start = max(starts)
    start = 0 if start < 0 else start + (1 if text[start] in "\x00\n" else 2)
    end_match = re.compile(r"[.!?](?=\s|$|\x00)|\x00|\n").search(text, at)
    end = (
        end_match.end()
        if end_match and end_match.group() in ".!?"
        else (end_match.start() if end_match else len(text))
    )
    while start < end and text[start].isspace():
        start += 1
    return start, end
