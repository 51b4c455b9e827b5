"""Composing the letter: the lead's choices applied to the inspection's findings and reviews.

Pure: plain inputs in, a ``Letter`` out. Only pseudonyms and the non-identifying fields of
the records are used; the gate then scans the result for anything that slipped in.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from . import agency_groups, chart
from .gate import ReportWarning
from .inputs import (
    AGENCIES,
    ANNEX_CHART,
    ANNEX_EVIDENCE,
    ANNEX_REVIEWS,
    AREA_FOR_IMPROVEMENT,
    CASES,
    COVER,
    DEFAULT_HEADINGS,
    HEADLINE,
    IMPROVE,
    KIND_LABELS,
    NEXT_STEPS,
    PARTNERSHIP,
    PRIORITY_ACTION,
    STRENGTHS,
    FindingInfo,
    LetterChoices,
    LetterInputs,
    effective_items,
)
from .letter import Figure, Letter, Paragraph, Section, Table

DEFAULT_TEXTS = {
    COVER: (
        "This letter sets out the findings of a joint targeted area inspection of how "
        "agencies in {area} work together to protect and help children. It is a draft "
        "for quality assurance."
    ),
    NEXT_STEPS: (
        "The local safeguarding partners should prepare a written statement of proposed "
        "action in response to this letter. It should set out the actions for the "
        "partnership and, where needed, for each agency.\n\n"
        "The statement should be sent to the inspectorates within 70 working days of the "
        "date this letter is published. The safeguarding partners should oversee the "
        "actions through their multi-agency safeguarding arrangements."
    ),
    ANNEX_REVIEWS: (
        "For each agency and criterion, the table shows how many case reviews "
        "recorded an observation. It also shows how many of those noted a "
        "strength or a concern."
    ),
}
AGE_WORDS = {"unborn": "an unborn baby", "16-17": "aged 16 or 17"}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def compose(
    inputs: LetterInputs, choices: LetterChoices | None = None, internal: bool = False
) -> Letter:
    choices = choices or LetterChoices()
    sections = [
        _text_section(COVER, inputs, choices, _cover_details(inputs, internal)),
        _findings_section(HEADLINE, inputs, choices, bullets=False),
        *_improve_sections(inputs, choices),
        _findings_section(STRENGTHS, inputs, choices, bullets=True),
        *_case_sections(inputs, choices),
        *_agency_sections(inputs, choices),
        _text_section(NEXT_STEPS, inputs, choices),
        _text_section(ANNEX_REVIEWS, inputs, choices, (_reviews_table(inputs),), page_break=True),
        _text_section(ANNEX_CHART, inputs, choices, (_chart_figure(inputs),)),
    ]
    if internal:
        sections.append(_text_section(ANNEX_EVIDENCE, inputs, choices, (_evidence_table(inputs),)))
    title = f"Joint targeted area inspection of {inputs.area}"
    subject = f"{inputs.theme_title}: draft letter for quality assurance"
    return Letter(title, tuple(sections), internal, subject)


# --- sections ------------------------------------------------------------------------------
def _heading(key: str, choices: LetterChoices, default: str | None = None) -> str:
    return (choices.get(key).heading or "").strip() or default or DEFAULT_HEADINGS[key]


def _text_blocks(key: str, inputs: LetterInputs, choices: LetterChoices) -> list[Paragraph]:
    text = choices.get(key).text or DEFAULT_TEXTS.get(key, "").format(area=inputs.area)
    return [Paragraph(" ".join(p.split())) for p in text.split("\n\n") if p.strip()]


def _text_section(key, inputs, choices, extra=(), page_break=False) -> Section:
    blocks = (*_text_blocks(key, inputs, choices), *extra)
    return Section(key, _heading(key, choices), 1, blocks, page_break)


def _chosen(key: str, inputs: LetterInputs, choices: LetterChoices) -> list[str]:
    return list(effective_items(key, inputs, choices.get(key).items))


def _findings(ids: list[str], inputs: LetterInputs) -> list[FindingInfo]:
    by_id = {f.id: f for f in inputs.findings}
    return [by_id[i] for i in ids]


def _finding_paragraph(
    finding: FindingInfo, inputs: LetterInputs, lead: str, bullet: bool
) -> Paragraph:
    text = " ".join((finding.text or finding.title).split())
    return Paragraph(text, f"{lead}: " if lead else "", bullet, finding.id)


def _agency_names(finding: FindingInfo, inputs: LetterInputs) -> str:
    names = [
        (
            "The partnership"
            if a == PARTNERSHIP
            else (inputs.agency(a).name if inputs.agency(a) else "")
        )
        for a in finding.agencies
    ]
    return ", ".join(n for n in names if n)


def _findings_section(key, inputs, choices, bullets: bool) -> Section:
    blocks = [*_text_blocks(key, inputs, choices)]
    for finding in _findings(_chosen(key, inputs, choices), inputs):
        lead = _agency_names(finding, inputs) if bullets else ""
        blocks.append(_finding_paragraph(finding, inputs, lead, bullets))
    return Section(key, _heading(key, choices), 1, tuple(blocks))


def _improve_sections(inputs, choices) -> list[Section]:
    """Priority actions first, whatever order the lead gave, each kind under its heading."""
    chosen = _findings(_chosen(IMPROVE, inputs, choices), inputs)
    sections = [
        Section(
            IMPROVE, _heading(IMPROVE, choices), 1, tuple(_text_blocks(IMPROVE, inputs, choices))
        )
    ]
    for kind, heading in (
        (PRIORITY_ACTION, "Areas for priority action"),
        (AREA_FOR_IMPROVEMENT, "Areas for improvement"),
    ):
        of_kind = [f for f in chosen if f.kind == kind]
        if of_kind:
            blocks = tuple(
                _finding_paragraph(f, inputs, _agency_names(f, inputs), True) for f in of_kind
            )
            sections.append(Section(f"{IMPROVE}:{kind}", heading, 2, blocks))
    return sections


def _case_sections(inputs, choices) -> list[Section]:
    reviews = {r.id: r for r in inputs.reviews}
    children = {c.id: c for c in inputs.children}
    criteria = {c.id: c.title for c in inputs.criteria}
    by_child: dict[str, list] = {}
    for review_id in _chosen(CASES, inputs, choices):
        review = reviews[review_id]
        by_child.setdefault(review.child_id, []).append(review)
    sections = [
        Section(CASES, _heading(CASES, choices), 1, tuple(_text_blocks(CASES, inputs, choices)))
    ]
    for child_id, picked in by_child.items():
        child = children.get(child_id)
        if child is None:
            continue
        blocks = tuple(
            Paragraph(
                " ".join(r.observation.split()),
                f"{_agency_name(r.agency_id, inputs)}, "
                f"{criteria.get(r.criterion_id, r.criterion_id).lower()}: ",
            )
            for r in picked
        )
        sections.append(Section(f"{CASES}:{child_id}", _child_heading(child), 2, blocks))
    return sections


def _child_heading(child) -> str:
    band = child.age_band or ""
    if not band:
        return child.pseudonym
    low, _, high = band.partition("-")
    words = AGE_WORDS.get(band, f"aged {low} to {high}" if high else f"aged {band}")
    return f"{child.pseudonym}, {words}"


def _agency_name(agency_id: str, inputs: LetterInputs) -> str:
    agency = inputs.agency(agency_id)
    return agency.name if agency else "An agency"


def _agency_sections(inputs, choices) -> list[Section]:
    """A section per agency kind in scope: its one organisation, or every organisation of
    the kind, each finding led by the organisations it names (see ``report.agency_groups``)."""
    sections = [
        Section(
            AGENCIES, _heading(AGENCIES, choices), 1, tuple(_text_blocks(AGENCIES, inputs, choices))
        )
    ]
    for group in agency_groups.groups(inputs.agencies):
        blocks = [*_text_blocks(group.key, inputs, choices)]
        for finding in _findings(_chosen(group.key, inputs, choices), inputs):
            lead = KIND_LABELS[finding.kind]
            if len(group.organisations) > 1:
                named = [a.name for a in group.organisations if a.id in finding.agencies]
                lead = f"{', '.join(named) or group.heading} ({lead.lower()})"
            blocks.append(_finding_paragraph(finding, inputs, lead, False))
        sections.append(
            Section(group.key, _heading(group.key, choices, group.heading), 2, tuple(blocks))
        )
    return sections


# --- cover and annexes -----------------------------------------------------------------------
def _cover_details(inputs: LetterInputs, internal: bool) -> tuple[Paragraph, ...]:
    start, end = inputs.fieldwork
    status = (
        "Internal draft for the inspection team: includes the evidence index"
        if internal
        else "Draft for quality assurance"
    )
    details = (
        ("Area", inputs.area),
        ("Theme", inputs.theme_title),
        ("Inspectorates", ", ".join(inputs.inspectorates)),
        ("Fieldwork", date_range(start, end)),
        ("Status", f"{status}, prepared {long_date(inputs.drafted_on)}"),
    )
    return tuple(Paragraph(value, f"{label}: ") for label, value in details)


def _reviews_table(inputs: LetterInputs) -> Table:
    """Case reviews per agency kind (its organisations together) and criterion judged in
    children's cases."""
    groups = agency_groups.groups(inputs.agencies)
    group_of = {a.id: g.key for g in groups for a in g.organisations}
    counts: Counter = Counter()
    for r in inputs.reviews:
        if (r.observation or "").strip() and r.agency_id in group_of:
            key = (group_of[r.agency_id], r.criterion_id)
            counts[(*key, "seen")] += 1
            counts[(*key, "strength")] += bool(r.strength)
            counts[(*key, "concern")] += bool(r.concern)
    rows = []
    for group in groups:
        for criterion in inputs.criteria:
            if criterion.per_child and group.kind in criterion.agency_kinds:
                key = (group.key, criterion.id)
                rows.append(
                    (
                        group.heading,
                        f"{criterion.id} {criterion.title}",
                        *(str(counts[(*key, what)]) for what in ("seen", "strength", "concern")),
                    )
                )
    return Table(
        ("Agency", "Criterion", "Reviews", "Strengths", "Concerns"),
        tuple(rows),
        (3.4, 7.6, 1.8, 2.1, 2.1),
        "Table 1: case reviews by agency and criterion",
        number_columns=(2, 3, 4),
    )


def chart_rows(inputs: LetterInputs) -> list[chart.ChartRow]:
    """Findings per agency kind: a finding naming two organisations of a kind counts once."""
    rows = []
    for group in agency_groups.groups(inputs.agencies):
        counted = Counter(f.kind for f in inputs.findings if group.names(f))
        rows.append(chart.ChartRow(group.heading, dict(counted)))
    partnership = Counter(f.kind for f in inputs.findings if PARTNERSHIP in f.agencies)
    if partnership:
        rows.append(chart.ChartRow("The partnership", dict(partnership)))
    return rows


def _chart_figure(inputs: LetterInputs) -> Figure:
    rows = chart_rows(inputs)
    return Figure(
        chart.draw(rows), chart.alt_text(rows), "Figure 1: findings by agency and kind", 16.0
    )


def _evidence_table(inputs: LetterInputs) -> Table:
    rows = tuple(
        (e.ref, e.title, e.source.replace("_", " "), e.sha256 or "(no file)")
        for e in inputs.evidence
    )
    return Table(
        ("Ref", "Title", "Source", "SHA-256"),
        rows,
        (1.8, 5.6, 3.0, 6.6),
        "Table 2: evidence index",
        small_columns=(3,),
    )


# --- warnings that need the inputs ------------------------------------------------------------
def structural_warnings(letter: Letter, inputs: LetterInputs) -> list[ReportWarning]:
    """Findings without evidence, agencies in scope without a finding, empty sections."""
    found = []
    placed = {
        b.finding_id
        for s in letter.sections
        for b in s.blocks
        if isinstance(b, Paragraph) and b.finding_id
    }
    for finding in inputs.findings:
        if finding.id in placed and finding.cited == 0:
            found.append(
                ReportWarning(
                    "finding_without_evidence",
                    f"The finding \u201c{finding.title}\u201d cites no evidence.",
                    finding_id=finding.id,
                )
            )
    for group in agency_groups.groups(inputs.agencies):
        if not any(group.names(f) for f in inputs.findings):
            found.append(
                ReportWarning(
                    "agency_without_finding",
                    f"{group.heading} is in scope but no finding names it"
                    + (" or any of its organisations." if len(group.organisations) > 1 else "."),
                    group.key,
                )
            )
    found += [
        ReportWarning("empty_section", f"The section \u201c{s.heading}\u201d is empty.", s.key)
        for s in _empty_sections(letter)
    ]
    return found


def _empty_sections(letter: Letter) -> list[Section]:
    sections = list(letter.sections)
    empty = []
    for i, section in enumerate(sections):
        following = sections[i + 1 :]
        children = []
        for later in following:
            if later.level <= section.level:
                break
            children.append(later)
        if not section.blocks and not any(c.blocks for c in children):
            empty.append(section)
    return empty


def long_date(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def date_range(start: date, end: date) -> str:
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} to {long_date(end)}"
    return f"{long_date(start)} to {long_date(end)}"
