"""Rules of the inspection method, as pure checks that raise ``ValidationError``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import ValidationError
from .records import PARTNERSHIP, AuditAgreement, FindingKind, NoteKind, Selection

EVIDENCE_BLOCK_SIZE = 1000  # each team member numbers evidence in a block of their own


def require_text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{what} cannot be empty.")
    return text


def require_choice(value: str | None, allowed: Iterable[str], what: str) -> str:
    options = tuple(allowed)
    if value not in options:
        raise ValidationError(f"{what} must be one of: {', '.join(options)} (got {value!r}).")
    return value


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is letters, digits and "_"


def require_known(value: str | None, known: dict[str, str], what: str) -> str:
    """The key of ``known`` that ``value`` names, by its key or its label, whatever the case
    and punctuation ("CQC", "cqc", "HMI Probation", "hmi-probation")."""
    wanted = loose(value or "")
    for key, label in known.items():
        if wanted and wanted in (loose(key), loose(label)):
            return key
    raise ValidationError(f"{what} must be one of: {', '.join(known.values())} (got {value!r}).")


def loose(text: str) -> str:
    """Text as a person may type it: letters and digits only, in one case. (A pattern rather
    than a loop over characters: reading a theme pack asks this hundreds of times, at every
    start.)"""
    return _NOT_ALNUM.sub("", text.casefold())


def check_selection(value: str) -> str:
    return require_choice(value, Selection.values(), "How the child was selected")


def check_note_consent(
    kind: str, children_or_families_present: bool, consent_recorded: bool
) -> None:
    """Children and families take part only with recorded consent."""
    require_choice(kind, NoteKind.values(), "The kind of note")
    if children_or_families_present and not consent_recorded:
        raise ValidationError(
            "Children or families took part, so their consent must be recorded before the "
            "note is saved. Tick 'Consent recorded' once consent has been given."
        )


def check_finding(kind: str, agencies: Iterable[str], known_agencies: Iterable[str]) -> None:
    require_choice(kind, FindingKind.values(), "The kind of finding")
    chosen = list(agencies)
    if not chosen:
        raise ValidationError("Name the agencies a finding concerns, or 'the partnership'.")
    known = set(known_agencies) | {PARTNERSHIP}
    unknown = [a for a in chosen if a not in known]
    if unknown:
        raise ValidationError(
            f"A finding can only name agencies of this inspection (unknown: {', '.join(unknown)})."
        )


FINDING_KIND_ORDER = {kind.value: i for i, kind in enumerate(FindingKind)}  # priority first


def finding_order(finding: Mapping[str, Any]) -> tuple:
    """Priority actions first, then areas for improvement, then strengths; oldest first."""
    return (FINDING_KIND_ORDER.get(finding["kind"], 9), finding["created_at"], finding["id"])


def check_cited_evidence(cited: Iterable[str], existing: Iterable[str]) -> None:
    """A finding may only cite evidence that exists (and has not been deleted)."""
    missing = sorted(set(cited) - set(existing))
    if missing:
        raise ValidationError(
            f"This finding cites evidence that does not exist or was deleted: "
            f"{', '.join(missing)}. Remove the citation or restore the evidence."
        )


def check_agreement(value: str | None) -> str | None:
    if value is None:
        return None
    return require_choice(value, AuditAgreement.values(), "Agreement with the area's audit")


def evidence_ref(block: int, number: int) -> str:
    """Team-unique reference: member block b numbers from b*1000+1, e.g. block 1 -> E-1001."""
    if number < 1:
        raise ValueError("evidence numbers start at 1")
    overflow, within = divmod(number - 1, EVIDENCE_BLOCK_SIZE - 1)
    # A member past 999 items moves on to a block far above any roster's size.
    effective_block = block + overflow * 100
    return f"E-{effective_block * EVIDENCE_BLOCK_SIZE + within + 1:04d}"


_REF = re.compile(r"E-(\d{4,})")


def parse_evidence_ref(ref: str) -> int:
    match = _REF.fullmatch(ref or "")
    if not match:
        raise ValidationError(f"{ref!r} is not an evidence reference like E-1001.")
    return int(match.group(1))


def nth_pseudonym(n: int) -> str:
    """The n-th pseudonym handed out (from 0): Child A .. Child Z, then Child AA, Child AB ..."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return f"Child {letters}"


_GENERATED = re.compile(r"Child ([A-Z]+)")


def pseudonym_key(name: str) -> tuple:
    """Child A .. Child Z before Child AA, then any other pseudonym alphabetically."""
    match = _GENERATED.fullmatch(name)
    if match:
        return (0, len(match.group(1)), match.group(1))
    return (1, 0, name.casefold())
