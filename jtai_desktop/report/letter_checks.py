"""Advice on the composed letter that never blocks the export: findings cited without
evidence, agencies in scope that no finding names, sections still to be written, and practice
studies that could let a reader recognise a child or run too long."""

from __future__ import annotations

import re

from . import agency_groups
from .gate import ReportWarning
from .inputs import NARRATIVE, STUDIES, LetterInputs
from .letter import Letter, Paragraph

STUDY_MAX_WORDS = 400  # the longest published practice studies run to about this
# "aged 14", "a 15-year-old", "Thirteen-year-old": published studies since 2024 give no exact age
_EXACT_AGE = re.compile(
    r"\b(?:aged\s+\d{1,2}|\d{1,2}[- ]years?[- ]old|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ]years?[- ]old)\b",
    re.IGNORECASE,
)


def structural_warnings(letter: Letter, inputs: LetterInputs) -> list[ReportWarning]:
    return [
        *_uncited(letter, inputs),
        *_agencies_unnamed(inputs),
        *_not_written(letter),
        *_studies(letter, inputs),
    ]


def _uncited(letter: Letter, inputs: LetterInputs) -> list[ReportWarning]:
    placed = {
        b.finding_id
        for s in letter.sections
        for b in s.blocks
        if isinstance(b, Paragraph) and b.finding_id
    }
    return [
        ReportWarning(
            "finding_without_evidence",
            f"The finding \u201c{f.title}\u201d cites no evidence.",
            finding_id=f.id,
        )
        for f in inputs.findings
        if f.id in placed and f.cited == 0
    ]


def _agencies_unnamed(inputs: LetterInputs) -> list[ReportWarning]:
    """A kind in scope that no finding speaks of (an organisation of a kind with several,
    such as one GP practice, need not have a finding of its own)."""
    return [
        ReportWarning(
            "agency_without_finding",
            f"{group.heading} is in scope but no finding names it"
            + (" or any of its organisations." if len(group.organisations) > 1 else "."),
            group.key,
        )
        for group in agency_groups.groups(inputs.agencies)
        if not any(group.names(f) for f in inputs.findings)
    ]


def _not_written(letter: Letter) -> list[ReportWarning]:
    found = []
    for section in letter.sections:
        stand_in = section.key in NARRATIVE and any(
            isinstance(b, Paragraph) and b.finding_id for b in section.blocks
        )
        if stand_in:
            found.append(
                ReportWarning(
                    "not_written",
                    f"\u201c{section.heading or section.key}\u201d is not written yet: the "
                    "findings it draws on stand in for it. Write it as narrative paragraphs.",
                    section.key,
                )
            )
        elif not section.blocks and section.heading:
            found.append(
                ReportWarning(
                    "empty_section",
                    f"The section \u201c{section.heading}\u201d is empty.",
                    section.key,
                )
            )
    return found


def _studies(letter: Letter, inputs: LetterInputs) -> list[ReportWarning]:
    pseudonyms = sorted(
        {c.pseudonym for c in inputs.children if c.pseudonym}, key=len, reverse=True
    )
    found = []
    for section in (s for s in letter.sections if s.key in STUDIES):
        text = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
        words = len(text.split())
        named = next((p for p in pseudonyms if re.search(rf"\b{re.escape(p)}\b", text)), None)
        if named:
            found.append(
                _advice(
                    section, f"names {named}: published practice studies say \u201cone child\u201d."
                )
            )
        if _EXACT_AGE.search(text):
            found.append(
                _advice(
                    section,
                    "gives an exact age: say at most the stage (\u201cone primary "
                    "school-aged child\u201d).",
                )
            )
        if words > STUDY_MAX_WORDS:
            found.append(
                _advice(section, f"runs to {words} words (usually 150 to {STUDY_MAX_WORDS}).")
            )
    return found


def _advice(section, what: str) -> ReportWarning:
    return ReportWarning("practice_study", f"{section.heading}: {what}", section.key)
