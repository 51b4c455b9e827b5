"""The identifying-details gate: every piece of text bound for the document is checked
before anything is written, and the export is blocked while a hit stands.

What counts as an identifying detail, and how it is found, is in ``details`` (and the
modules it draws on: ``known`` for what the inspection holds about its children, ``patterns``,
``numbers``, ``dates``, ``names`` and ``counts`` for the shapes that need no list). Each hit
says what it is, the words matched, why they were taken for one and where they are.
Pseudonyms ("Child A") are never hits. The lead can override a hit with a reason; an
override is keyed by (kind, matched text, location), so a changed text is checked afresh.

The entry point for any text is ``check_pieces`` (pieces of text with their locations);
``check`` and ``scan`` take a composed ``Letter``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .details import SEPARATOR, Finding, SensitiveDetails  # noqa: F401
from .kinds import (  # noqa: F401 (the kinds are part of the gate's interface)
    ADDRESS,
    CASE_REF,
    CHILD_NAME,
    COMBINATION,
    COURT_REF,
    DOB,
    EMAIL,
    KIND_LABELS,
    KINDS,
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
from .known import ChildDetails  # noqa: F401 (re-exported: the services build these)
from .letter import Letter, Paragraph, TextPiece
from .readability import MAX_WORDS, long_sentences


@dataclass(frozen=True)
class Hit:
    kind: str
    match: str
    section: str
    heading: str
    paragraph: int  # block index in the section; -1 for the heading
    part: str = ""
    finding_id: str | None = None
    why: str = field(default="", compare=False)  # why the words were taken for this kind
    start: int = field(default=-1, compare=False)  # where in the piece's text
    end: int = field(default=-1, compare=False)

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

    def explain(self) -> str:
        """What was found and why, in words the lead can act on (the match is not in it)."""
        label = KIND_LABELS.get(self.kind, self.kind)
        return f"{label[0].upper()}{label[1:]}: {self.why}" if self.why else label


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


def check_pieces(pieces: Iterable[TextPiece], details: SensitiveDetails) -> list[Hit]:
    """Hits in any text bound for the document, each piece with its location: the one entry
    point every writer of the document checks its text through."""
    pieces = list(pieces)
    found = details.locate([p.text for p in pieces])
    return [_hit(p, f) for p, findings in zip(pieces, found) for f in findings]


def _hit(piece: TextPiece, f: Finding) -> Hit:
    return Hit(
        f.kind,
        f.match,
        piece.section,
        piece.heading,
        piece.paragraph,
        piece.part,
        piece.finding_id,
        f.why,
        f.start,
        f.end,
    )


def scan(letter: Letter, details: SensitiveDetails, extra: Iterable[TextPiece] = ()) -> list[Hit]:
    """Hits in every piece of the letter, and in ``extra`` text bound for the document
    (a template's headers and footers)."""
    return check_pieces([*letter.pieces(), *extra], details)


def scan_piece(piece: TextPiece, details: SensitiveDetails) -> list[Hit]:
    return check_pieces([piece], details)


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
