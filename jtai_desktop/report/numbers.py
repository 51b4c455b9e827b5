"""Official numbers and agencies' references, recognised by their published formats.

Where a format carries a check character it is verified, so a figure that merely has the
shape (a statistic, a reference of the area's own) is not taken for one. Where a format is
too plain to stand alone (a number of digits), it is flagged only after the words people
write before it ("crime ref", "Mosaic ID", "passport number"). The formats and their
public sources are listed in tests/gate_corpus/README.md. Every finder takes normalised
text (``normalise``) and yields (start, end, why).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import nhs

Found = tuple[int, int, str]

# --- NHS (and CHI, H&C) numbers: ten digits in any grouping, Modulus 11 check digit --------
NHS_CANDIDATE = re.compile(r"(?<![\w.,/])(?<!\d[ -])\d(?:[ -]?\d){9}(?![ -]?\d)(?![\w/])")


def nhs_numbers(text: str) -> Iterator[Found]:
    for m in NHS_CANDIDATE.finditer(text):
        if nhs.is_valid(m.group()):
            yield (
                m.start(),
                m.end(),
                "looks like an NHS number: ten digits with a valid check digit",
            )


# --- National Insurance numbers (HMRC NIM39110) --------------------------------------------
NI = re.compile(
    r"(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"[\s\-]?\d{2}[\s\-]?\d{2}[\s\-]?\d{2}[\s\-]?[A-D](?![\w])",
    re.IGNORECASE,
)


def ni_numbers(text: str) -> Iterator[Found]:
    for m in NI.finditer(text):
        if m.group()[:2].isupper() or _cue_before(text, m.start(), NI_CUE):
            yield m.start(), m.end(), "looks like a National Insurance number (two letters, six "
            "digits, a letter A to D)"


NI_CUE = re.compile(r"(?:\bNI|\bNINO|national\s+insurance)\b[^\n.]{0,20}$", re.IGNORECASE)


# --- Unique pupil numbers (DfE common basic data set) and unique learner numbers ----------
UPN = re.compile(r"(?<![\w])([A-HJ-NP-RT-Z])(\d{11}[\dA-HJ-NP-RT-Z])(?![\w])")
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # check letters for remainders 0..22 (no I, O, S)


def upn_check_letter(body: str) -> str:
    """The check letter for characters 2 to 13 of a UPN (weights 2 to 13, modulus 23)."""
    values = [int(c) if c.isdigit() else UPN_LETTERS.index(c) for c in body]
    return UPN_LETTERS[sum(v * w for v, w in zip(values, range(2, 14))) % 23]


PUPIL_CUE = re.compile(
    r"(?<![\w])(?:UPN|ULN|unique\s+(?:pupil|learner)\s+number|pupil\s+number)"
    r"[\s:#.]*(?:is\s+|was\s+)?([A-Z0-9]{10,13})(?![\w])",
    re.IGNORECASE,
)


def pupil_numbers(text: str) -> Iterator[Found]:
    for m in UPN.finditer(text):
        if upn_check_letter(m.group(2)) == m.group(1):
            yield m.start(), m.end(), "looks like a unique pupil number with a valid check letter"
    for m in PUPIL_CUE.finditer(text):
        if re.search(r"\d{6}", m.group(1)):
            yield m.start(1), m.end(1), "written as a pupil's or learner's number"


# --- Police references ----------------------------------------------------------------------
_REF_TOKEN = r"([A-Z]{0,5}[-/]?\d[\dA-Z/\-]{2,}\d[A-Z]?(?:\s+of\s+\d{1,2}/\d{1,2}/\d{2,4})?)"
_NUMBER_WORD = r"(?:\s*(?:ref(?:erence)?|no\.?|number|num|log|id|#)\.?)?(?:\s+(?:is|was))?[\s:#]*"
POLICE_CUE = re.compile(
    r"(?<![\w])(?<!Delius\s)(?:crime(?:\s+ref(?:erence)?)?|CRN|CAD|CRIS|incident|occurrence|OEL|Athena|"
    r"Niche|Storm|Connect|custody(?:\s+record)?|PNC|PND|CRO|police\s+log|log)"
    + _NUMBER_WORD
    + _REF_TOKEN
    + r"(?![\w])",
    re.IGNORECASE,
)
PNC_ID = re.compile(r"(?<![\w/])\d{2}/\d{4,7}[A-Z](?![\w/])")
CRO_NUMBER = re.compile(r"(?<![\w/])\d{1,6}/\d{2}[A-Z](?![\w/])")
FORCE_SERIAL_YEAR = re.compile(r"(?<![\w/])\d{1,3}/\d{4,8}/\d{2}(?![\w/])")
LOG_OF_DATE = re.compile(r"(?<![\w/])\d{2,5}\s+of\s+\d{1,2}/\d{1,2}/\d{2,4}(?![\w/])")


def police_references(text: str) -> Iterator[Found]:
    for m in POLICE_CUE.finditer(text):
        if _looks_like_reference(m.group(1)):
            yield m.start(1), m.end(1), "written as a police reference (crime, incident or log)"
    for pattern, what in (
        (PNC_ID, "looks like a Police National Computer ID (year / serial and a check letter)"),
        (CRO_NUMBER, "looks like a Criminal Records Office number (serial / year and a letter)"),
        (FORCE_SERIAL_YEAR, "looks like a crime reference number (force / serial / year)"),
        (LOG_OF_DATE, "looks like a police incident log number (number of date)"),
    ):
        yield from ((m.start(), m.end(), what) for m in pattern.finditer(text))


def _looks_like_reference(token: str) -> bool:
    digits = re.sub(r"\D", "", token)
    if len(digits) < 4:
        return False
    # A year or a financial year ("2024-25", "2024/2025") is not a reference.
    return not re.fullmatch(r"(?:19|20)\d{2}(?:[-/](?:\d{2}|(?:19|20)\d{2}))?", token)


# --- Court references ------------------------------------------------------------------------
FAMILY_COURT = re.compile(r"(?<![\w])[A-Z]{2}\s?\d{2}\s?[CPZ]\s?\d{5}(?![\w])")
CROWN_COURT = re.compile(r"(?<![\w])[TS]\d{4}\s?\d{4}(?![\w])")
COURT_CUE = re.compile(
    r"(?<![\w])(?:(?:court|case|claim|proceedings|order|application)\s+"
    r"(?:ref(?:erence)?|no\.?|number)|court\s+case|claim|indictment)[\s:#.]*"
    + r"([A-Z0-9][A-Z0-9/\-]{3,}\d[A-Z0-9]*)(?![\w])",
    re.IGNORECASE,
)


def court_references(text: str) -> Iterator[Found]:
    for m in FAMILY_COURT.finditer(text):
        yield m.start(), m.end(), "looks like a family court case number (court, year, C/P, serial)"
    for m in CROWN_COURT.finditer(text):
        yield m.start(), m.end(), "looks like a Crown Court case number"
    for m in COURT_CUE.finditer(text):
        if _looks_like_reference(m.group(1)):
            yield m.start(1), m.end(1), "written as a court or case number"


# --- Agencies' own system references -----------------------------------------------------------
SYSTEM_CUE = re.compile(
    r"(?<![\w])(?:LCS|Mosaic|Liquid\s?logic|EHM|Eclipse|CareFirst|Care\s?first|Frameworki|"
    r"Azeus|Paris|SystmOne|EMIS|RiO|Carenotes|Lorenzo|Cerner|ChildView|Careworks|Capita|"
    r"n?Delius(?:\s+CRN)?|MRN|hospital|patient|client|person|child|case|family|file|ref(?:erence)?|"
    r"ID|CP-IS|EHCP)"
    r"(?:\s*(?:ref(?:erence)?|no\.?|number|ID|record)\.?)?[\s:#]+"
    r"([A-Z]{0,4}[-/]?\d{4,}[A-Z]?)(?![\w/])",
    re.IGNORECASE,
)
SYSTEM_IS = re.compile(
    r"(?<![\w])(?:LCS|Mosaic|Liquid\s?logic|EHM|Eclipse|CareFirst|Frameworki|Azeus|SystmOne|"
    r"EMIS|RiO|ChildView|n?Delius|case|file|client|person|hospital|system)\s+"
    r"(?:ref(?:erence)?|number|no\.?|ID)\b[^.\n\x00]{0,40}?\s(?:is|was|reads|:)\s*"
    r"([A-Z]{0,4}[-/]?\d{4,}[A-Z]?)(?![\w/])",
    re.IGNORECASE,
)
PREFIXED_REF = re.compile(r"(?<![\w/])[A-Z]{2,4}[-/]\d{5,10}(?![\w/])")


def system_references(text: str) -> Iterator[Found]:
    for m in SYSTEM_CUE.finditer(text):
        if _looks_like_reference(m.group(1)):
            yield m.start(1), m.end(1), "written as an agency's case or system reference"
    for m in SYSTEM_IS.finditer(text):
        if _looks_like_reference(m.group(1)):
            yield m.start(1), m.end(1), "written as an agency's case or system reference"
    for m in PREFIXED_REF.finditer(text):
        yield m.start(), m.end(), "looks like a case reference (letters, then 5 or more digits)"


# --- Other official numbers --------------------------------------------------------------------
PRISON_NUMBER = re.compile(r"(?<![\w])[A-Z]\d{4}[A-Z]{2}(?![\w])")
DRIVING_LICENCE = re.compile(r"(?<![\w])[A-Z9]{5}\d[0156]\d{4}[A-Z9]{2}\d[A-Z]{2}(?![\w])")
OFFICIAL_CUE = re.compile(
    r"(?<![\w])(?:passport|Home\s+Office|HO|UCI|port|GWF|BRP|visa|child\s+benefit|"
    r"birth\s+certificate|prison|NOMIS|driving\s+licence)"
    r"(?:\s*(?:application|ref(?:erence)?|no\.?|number|ID)\.?)*(?:\s+(?:is|was))?[\s:#]+"
    r"([A-Z]{0,3}[-/]?\d[\d\-]{5,}[A-Z]?)(?![\w/])",
    re.IGNORECASE,
)


def official_numbers(text: str) -> Iterator[Found]:
    for m in PRISON_NUMBER.finditer(text):
        yield m.start(), m.end(), "looks like a prison number (a letter, 4 digits, 2 letters)"
    for m in DRIVING_LICENCE.finditer(text):
        yield m.start(), m.end(), "looks like a driving licence number"
    for m in OFFICIAL_CUE.finditer(text):
        if _looks_like_reference(m.group(1)):
            yield (
                m.start(1),
                m.end(1),
                "written as a passport, Home Office or other official number",
            )


# --- Vehicles: DVLA registration formats ------------------------------------------------------
PLATE_CURRENT = re.compile(
    r"(?<![\w])[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[1-2]\d|5[1-9]|[6-7]\d)\s?[A-HJ-PR-Z]{3}(?![\w])"
)
PLATE_PREFIX = re.compile(r"(?<![\w])[A-HJ-NP-Y]\d{1,3}\s[A-HJ-PR-Y][A-HJ-PR-Z]{2}(?![\w])")
PLATE_SUFFIX = re.compile(r"(?<![\w])[A-HJ-PR-Z]{3}\s\d{1,3}[A-HJ-NP-Y](?![\w])")
VEHICLE_CUE = re.compile(
    r"(?<![\w])(?:registration|reg(?:istration)?\s+(?:no\.?|number|plate|mark)|reg|VRM|"
    r"number\s+plate|plate|car|van|vehicle|moped|motorbike|taxi)[\s:#.]+"
    r"(?:(?:is|was|number|no\.?)\s+)?([A-Z0-9]{2,4}\s?[A-Z0-9]{3,4})(?![\w])",
    re.IGNORECASE,
)


def vehicle_registrations(text: str) -> Iterator[Found]:
    for pattern in (PLATE_CURRENT, PLATE_PREFIX, PLATE_SUFFIX):
        for m in pattern.finditer(text):
            yield m.start(), m.end(), "looks like a vehicle registration number"
    for m in VEHICLE_CUE.finditer(text):
        token = m.group(1)
        if (
            re.search(r"\d", token)
            and len(re.findall(r"[A-Za-z]", token)) >= 2
            and not UNIT.search(token)
        ):
            yield m.start(1), m.end(1), "written as a vehicle registration number"


UNIT = re.compile(r"(?i)(?:hours?|hrs?|mins?|miles?|days?|weeks?|years?|seats?)$")


def _cue_before(text: str, start: int, cue: re.Pattern) -> bool:
    return bool(cue.search(text[max(0, start - 40) : start]))
