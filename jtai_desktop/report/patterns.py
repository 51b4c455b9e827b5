"""The shapes of identifying details that need no list to be recognised: postcodes, phone
numbers, email addresses, online identities and street addresses.

Every finder takes normalised text (``normalise``: one dash, one space, one apostrophe) and
yields (start, end, why). Rules (see ``known`` for the details that come from the
inspection's own records, ``numbers`` for official numbers and references):

* UK postcodes: outward code, optional space, inward code. In capitals any area letters are
  taken (a fictional area's postcodes too); in lower or mixed case only the 121 real postcode
  areas, so prose like "y6 2nd" is not taken for one.
* UK phone numbers: a leading 0 (or +44) and 10 or 11 digits in all, with spaces, hyphens or
  brackets only; a statistic such as 12,345 or 1 234 567 has no leading 0 and is not one.
* Email addresses, also written out ("name at domain dot com").
* Online identities: @handles, links to a profile on a social network, a username, gamer tag
  or account written after the name of a platform, and IP addresses.
* Street addresses: a house number followed by words ending in a street word ("14 Canal Row",
  "3a orchard way"), flats and rooms with their number ("Flat 3"), and named buildings
  ("Kestrel House") but for courts and well-known public buildings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .names_data import GIVEN
from .normalise import words

Found = tuple[int, int, str]

POSTCODE_AREAS = words(
    """AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN
    DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L
    LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA
    SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS
    WV YO ZE"""
)
POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|([A-PR-UWYZ][A-HK-Y]?)\d[A-Z\d]? {0,2}\d[ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def postcodes(text: str) -> Iterator[Found]:
    for m in POSTCODE.finditer(text):
        if m.group().isupper() or (m.group(1) or "").upper() in POSTCODE_AREAS:
            yield m.start(), m.end(), "looks like a UK postcode"


# --- phone numbers ---------------------------------------------------------------------------
PHONE_CANDIDATE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s\-()]{7,14}\d(?![\w])")


def phone_numbers(text: str) -> Iterator[Found]:
    for match in PHONE_CANDIDATE.finditer(text):
        if _is_uk_phone(match.group()):
            yield match.start(), match.end(), "looks like a UK phone number"


def _is_uk_phone(candidate: str) -> bool:
    if re.search(r"\s{2,}|--|\d\(|\)\(", candidate):
        return False  # two numbers side by side in a table row, not one phone number
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith("+44"):
        digits = "0" + digits[2:].removeprefix("0") if "(0)" in candidate else "0" + digits[2:]
    return digits.startswith("0") and len(digits) in (10, 11) and digits[1] in "1235789"


# --- email and online identities -------------------------------------------------------------
EMAIL = re.compile(r"(?<![\w.+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
SPELT_EMAIL = re.compile(
    r"(?<![\w])[\w.\-]+\s*[\[(]?\s*at\s*[\])]?\s*[\w\-]+\s*[\[(]?\s*dot\s*[\])]?\s*"
    r"(?:com|co\s*(?:\.|dot)?\s*uk|org|net|uk|gov)(?![\w])",
    re.IGNORECASE,
)


def emails(text: str) -> Iterator[Found]:
    for m in EMAIL.finditer(text):
        yield m.start(), m.end(), "looks like an email address"
    for m in SPELT_EMAIL.finditer(text):
        yield m.start(), m.end(), "an email address written out in words"


HANDLE = re.compile(r"(?<![\w@.\-/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
PROFILE_LINK = re.compile(
    r"(?<![\w.])(?:https?://)?(?:www\.|m\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|"
    r"youtube|linkedin|threads|t|wa|discord|twitch|reddit|onlyfans)\.(?:com|me|gg|tv|net)"
    r"/[^\s,;)]+",
    re.IGNORECASE,
)
PLATFORM = (
    r"(?:snapchat|snap(?=\s*(?::|name|user|handle|id))|instagram|insta|ig|tiktok|facebook|fb|twitter|discord|xbox(?:\s+live)?|psn|"
    r"playstation|roblox|fortnite|steam|whatsapp|telegram|kik|wizz|yubo|twitch|minecraft|"
    r"gamer\s*tag|gamertag|username|user\s+name|screen\s+name|online\s+name)"
)
ACCOUNT_CUE = re.compile(
    rf"(?<![\w]){PLATFORM}(?:\s+(?:name|handle|id|username|account|profile|tag))?"
    r"(?:\s+(?:is|was|called|named|as))?(?:\s*[:\-]\s*|\s+)"
    r"(\"[^\"\n]{2,30}\"|'[^'\n]{2,30}'|@?[A-Za-z0-9][\w.\-]*[\d_.][\w.\-]*[A-Za-z0-9])",
    re.IGNORECASE,
)
ALIAS_CUE = re.compile(
    r"(?<![\w])(?:calls?\s+(?:himself|herself|themselves)|goes\s+by|go\s+by|known\s+online\s+as|"
    r"uses?\s+the\s+(?:user)?name|posts?\s+as|plays?\s+as|messaged\s+as)\s*[:\-]?\s*"
    r"(\"[^\"\n]{2,30}\"|'[^'\n]{2,30}'|@?[A-Za-z0-9][\w.\-]*[\d_.][\w.\-]*[A-Za-z0-9])",
    re.IGNORECASE,
)
IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w]|\.\d)"
)


def online_identities(text: str) -> Iterator[Found]:
    for m in HANDLE.finditer(text):
        yield m.start(), m.end(), "looks like a social media handle"
    for m in PROFILE_LINK.finditer(text):
        yield m.start(), m.end(), "a link to a profile on a social network"
    for m in ACCOUNT_CUE.finditer(text):
        if m.group(1)[0] in "\"'" or re.search(r"[A-Za-z_]", m.group(1)):  # not "Xbox 360"
            yield m.start(1), m.end(1), "written as a username or account on an online platform"
    for m in ALIAS_CUE.finditer(text):
        yield m.start(1), m.end(1), "a name someone uses online or on a platform"
    for m in IPV4.finditer(text):
        yield m.start(), m.end(), "looks like an IP address"


# --- street addresses, flats and named buildings ---------------------------------------------
STREET_WORDS = (
    "Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Way|Row|Court|Ct|Drive|Dr|Parade|Crescent|Cres|"
    "Place|Pl|Gardens|Gdns|Terrace|Terr|Grove|Walk|Square|Sq|Mews|Hill|Rise|Vale|View|Yard|"
    "Wharf|Green|Park|Gate|Fold|Croft|Meadows?|Drove|Chase|Boulevard|Embankment|Brow|Bank"
)
STREET_ADDRESS = re.compile(
    r"(?<![\w.,£$])\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][\w'\-]*\s+){1,3}"
    rf"(?:{STREET_WORDS})(?![\w])"
)
_PLAIN_STREET = "road|street|lane|avenue|crescent|terrace|gardens|grove|mews|close|drive|way|row"
_UNITS = "minutes?|mins?|miles?|hours?|hrs?|seconds?|days?|weeks?|months?|years?|km|metres?|yards?"
LOWER_ADDRESS = re.compile(
    rf"(?<![\w.,£$])\d{{1,4}}[a-z]?,?\s+(?!(?:{_UNITS}|per|of|more|other|new|main|a|the)\b)"
    rf"(?:[a-z][\w'\-]*\s+){{1,2}}(?:{_PLAIN_STREET})(?![\w])",
    re.IGNORECASE,
)
_NAMED_STREET = (
    "Road|Rd|Street|Lane|Avenue|Ave|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews|Way|Walk"
)
# Streets that name an institution rather than where someone lives.
INSTITUTIONS = frozenset(
    ["great ormond street", "harley street", "downing street", "marsham street"]
)
STREET_AFTER_PLACE_WORD = re.compile(
    r"\b(?:on|in|at|off|along|near|into|onto|from)\s+(?:the\s+)?"
    rf"((?:[A-Z][\w'\-]*\s+){{1,3}}(?:{_NAMED_STREET}))(?![\w])"
)
FLAT = re.compile(
    r"(?<![\w])(?:flat|apartment|apt|maisonette|bedsit)\s+\d{1,4}[A-Za-z]?(?![\w])"
    r"(?:,?\s+(?:[A-Z][\w'\-]*\s+){0,2}[A-Z][\w'\-]*)?",
    re.IGNORECASE,
)
BUILDING_WORDS = "House|Tower|Towers|Lodge|Mansions|Heights|Point|Flats|Cottages?|Court|Buildings"
NAMED_BUILDING = re.compile(rf"(?<![\w])(?:[A-Z][\w'\-]*\s+){{1,2}}(?:{BUILDING_WORDS})(?![\w])")
PUBLIC_WORDS = words(
    """crown family county magistrates magistrate youth high supreme coroners coroner appeal
    civic companies ofsted police town city council the of and care children foster
    residential open safe refuge hospital station fire parliament"""
)


def street_addresses(text: str) -> Iterator[Found]:
    for m in STREET_ADDRESS.finditer(text):
        yield m.start(), m.end(), "looks like a street address (house number and street)"
    for m in LOWER_ADDRESS.finditer(text):
        yield m.start(), m.end(), "looks like a street address (house number and street)"
    for m in STREET_AFTER_PLACE_WORD.finditer(text):
        if not _public_or_ordinary(m.group(1)) and m.group(1).lower() not in INSTITUTIONS:
            yield m.start(1), m.end(1), "looks like the name of a street"
    for m in FLAT.finditer(text):
        yield m.start(), m.end(), "a flat, room or unit with its number"
    for m in NAMED_BUILDING.finditer(text):
        words = m.group().split()
        name = _name_run_before(text, m.start()) + m.group()
        if _public_or_ordinary(name) or words[0] in GIVEN:
            continue
        if words[-1] == "House" and not _lived_in(text, m.start()):
            continue  # "Kingsway House" is as likely an office as a home
        yield m.start(), m.end(), "looks like the name of a block of flats or a house"


RESIDENTIAL = re.compile(
    r"\b(?:lives?|living|lived|moved|placed|staying|stays|stayed|rehoused|tenancy|flat|home|"
    r"address|hostel|refuge|accommodation|housed|resident)\b",
    re.IGNORECASE,
)


def _name_run_before(text: str, at: int) -> str:
    """The capitalised words (joined by "and", "of", "&") just before a building word's
    match: "Family Drug and " before "Alcohol Court"."""
    run = re.search(r"(?:(?:[A-Z][\w'\-]*|and|of|&)\s+)*$", text[max(0, at - 60) : at])
    return run.group() if run else ""


def _lived_in(text: str, at: int) -> bool:
    """A word for where someone lives, earlier in the same sentence."""
    start = max(text.rfind(". ", 0, at), text.rfind("\x00", 0, at), 0)
    return bool(RESIDENTIAL.search(text, start, at))


def _public_or_ordinary(words: str) -> bool:
    """Courts and public buildings ("Northbridge Crown Court", "Companies House"), and a
    building word after an ordinary opening word ("The House"), are not where a child lives."""
    first, *rest = (re.sub(r"'s?$", "", w).lower() for w in words.split())
    return first in {"a", "this", "that", "our", "their", "each", "every", "one"} or any(
        w in PUBLIC_WORDS for w in (first, *rest[:-1])
    )
