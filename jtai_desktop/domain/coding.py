"""Coding: a passage of an inspector's text marked as evidence for a criterion.

A code names a passage of a note, a case review's observation, an area review's observation,
an evidence item's description or a front door sample's notes, by its offsets and the words
it quoted. The text may be edited after it was coded, so where the code sits is worked out
afresh each time it is shown (``anchor``): at its offsets if the quote is still there, at
the nearest place the quote now stands if it moved, or flagged as lost. Nothing is written
to follow an edit, so codes never conflict with the text they mark.

Sources are counted as the records they come from: two passages of one interview coded for
the same criterion and organisation are one source, and two inspectors' codes of the same
passage are one source too (both codes are kept).
"""

from __future__ import annotations

from dataclasses import dataclass

STRENGTH, CONCERN, NOTED = "strength", "concern", "noted"
MARKS: dict[str, str] = {STRENGTH: "Strength", CONCERN: "Concern"}
# A source with neither mark (an evidence item linked to a criterion, a review with
# an observation but no strength or concern ticked) still counts as a source.
MATRIX_MARKS: dict[str, str] = {**MARKS, NOTED: "Neither"}

VOICES: dict[str, str] = {
    "child": "Child",
    "family": "Family",
    "practitioner": "Practitioner",
    "manager": "Manager",
    "leader": "Leader",
    "data": "Data",
    "observation": "Observation",
}
CHILD_OR_FAMILY = frozenset({"child", "family"})

# What a code can mark a passage of, and the field holding the text.
CODED_FIELDS: dict[str, str] = {
    "note": "text",
    "review": "observation",
    "area_review": "observation",
    "evidence": "description",
    "front_door_sample": "notes",
}

# The kinds of source the matrix counts, and where each kind of coded record belongs.
SOURCE_KINDS: dict[str, str] = {
    "note": "Coded passages",
    "review": "Case reviews",
    "front_door": "Front door samples",
    "evidence": "Evidence items",
}
SOURCE_KIND_OF: dict[str, str] = {
    "note": "note",
    "review": "review",
    "area_review": "review",
    "evidence": "evidence",
    "front_door_sample": "front_door",
}

# What a finding can rest on besides the evidence it cites.
FINDING_SOURCES = ("code", "review", "area_review", "front_door_sample")

EXACT, MOVED, LOST = "exact", "moved", "lost"


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    status: str  # EXACT, MOVED or LOST

    @property
    def found(self) -> bool:
        return self.status != LOST


def anchor(text: str, start: int, end: int, quote: str) -> Anchor:
    """Where a coded passage is in ``text`` now: at its offsets, else the occurrence of its
    quote nearest to where it was, else lost (shown at its old place, clipped to the text)."""
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return Anchor(start, end, EXACT)
    found = _occurrences(text, quote) if quote else []
    if found:
        best = min(found, key=lambda at: (abs(at - start), at))
        return Anchor(best, best + len(quote), MOVED)
    clipped = min(max(start, 0), len(text))
    return Anchor(clipped, min(max(end, clipped), len(text)), LOST)


def _occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


@dataclass(frozen=True)
class Rule:
    """The lead's rule for a finding to stand: at least so many sources, of so many kinds."""

    min_sources: int = 3
    min_kinds: int = 2

    def describe(self) -> str:
        return f"at least {self.min_sources} sources of {self.min_kinds} kinds"


@dataclass(frozen=True)
class Spread:
    """How widely a finding's sources reach."""

    sources: int
    kinds: tuple[str, ...]
    organisations: tuple[str, ...]
    voices: tuple[str, ...]

    def meets(self, rule: Rule) -> bool:
        return self.sources >= rule.min_sources and len(self.kinds) >= rule.min_kinds

    def shortfall(self, rule: Rule) -> str:
        """What the finding lacks, in words ('' when it meets the rule)."""
        missing = []
        if self.sources < rule.min_sources:
            missing.append(f"{rule.min_sources - self.sources} more source(s)")
        if len(self.kinds) < rule.min_kinds:
            missing.append(f"{rule.min_kinds - len(self.kinds)} more kind(s) of source")
        return " and ".join(missing)
