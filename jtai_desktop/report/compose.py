"""Composing the letter as published: the lead's writing and choices, laid out by the letter's
format (``letter_format``), from the inspection's findings.

Pure: plain inputs in, a ``Letter`` out. Only pseudonyms and the non-identifying fields of
the records are used; the gate then scans the result for anything that slipped in. Counts
appear only in the internal draft's annexes, and even there small ones are not shown.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from ..domain.calendar import MONTH_NAMES, add_working_days
from ..domain.themes import AGENCY_KINDS
from . import agency_groups, chart
from .counts_shown import shown_count
from .inputs import (
    ADDRESS,
    ANNEX_CHART,
    ANNEX_EVIDENCE,
    ANNEX_REVIEWS,
    CONTEXT,
    DEFAULT_HEADINGS,
    NEXT_STEPS,
    OPENING,
    PARTNERSHIP,
    SIGN_OFF,
    FindingInfo,
    LetterChoices,
    LetterInputs,
    effective_items,
)
from .letter import Block, Figure, Letter, Paragraph, Section, Table
from .letter_format import LetterFormat, LetterFormats, SectionSpec, load_formats

ANNEX_TEXT = {
    ANNEX_REVIEWS: (
        "For each agency and criterion, the table shows how many case reviews recorded an "
        "observation, and how many of those noted a strength or a concern. Counts from 1 to "
        "{below_minus_one} are shown as \u201cfewer than {below}\u201d."
    ),
}


def compose(
    inputs: LetterInputs,
    choices: LetterChoices | None = None,
    internal: bool = False,
    formats: LetterFormats | None = None,
) -> Letter:
    choices = choices or LetterChoices()
    formats = formats or load_formats()
    fmt = formats.format(inputs.settings.format)
    words = _Words(inputs, formats, fmt)
    title = words.fill(fmt.title)
    sections = [
        _text_section(ADDRESS, "", default_texts(inputs, formats)[ADDRESS], choices, lines=True),
        _text_section(OPENING, title, words.opening(), choices, level=0),
    ]
    for spec in section_specs(inputs, fmt):
        sections += _format_section(spec, inputs, choices, words)
    sections.append(
        _sign_off(inputs, choices, formats, fmt, default_texts(inputs, formats)[SIGN_OFF])
    )
    if internal:
        sections += _annexes(inputs, choices, words.below)
    subject = f"{inputs.theme_title}: {'internal draft' if internal else 'draft letter'}"
    return Letter(title, tuple(s for s in sections if s is not None), internal, subject)


def section_specs(inputs: LetterInputs, fmt: LetterFormat) -> list[SectionSpec]:
    """The format's sections that apply to this inspection (no practice studies at the
    front door: no published front-door letter has one)."""
    front_door = inputs.theme_kind == "front_door"
    return [s for s in fmt.sections if not (s.thematic_only and front_door)]


def default_texts(inputs: LetterInputs, formats: LetterFormats | None = None) -> dict[str, str]:
    """The standard wording of the sections the app writes, for the editor to show."""
    formats = formats or load_formats()
    fmt = formats.format(inputs.settings.format)
    words = _Words(inputs, formats, fmt)
    return {
        ADDRESS: words.address(),
        OPENING: "\n\n".join(words.opening()),
        CONTEXT: "\n\n".join(words.fill(p) for p in formats.theme(inputs.theme_id).context),
        NEXT_STEPS: "\n\n".join(words.fill(p) for p in fmt.next_steps),
        SIGN_OFF: fmt.sign_off,
        ANNEX_REVIEWS: ANNEX_TEXT[ANNEX_REVIEWS].format(
            below=words.below, below_minus_one=words.below - 1
        ),
    }


def wsoa_deadline(inputs: LetterInputs, formats: LetterFormats | None = None) -> date:
    """The written statement of action is due this many working days after the letter."""
    formats = formats or load_formats()
    days = inputs.settings.wsoa_days or formats.wsoa_working_days
    return add_working_days(inputs.letter_date, days)


class _Words:
    """The placeholders of the format's standard wording, filled from the inspection."""

    def __init__(self, inputs: LetterInputs, formats: LetterFormats, fmt: LetterFormat):
        self.inputs, self.formats, self.fmt = inputs, formats, fmt
        settings = inputs.settings
        principal = settings.principal_authority.strip() or f"{inputs.area} Council"
        self.below = settings.small_count_below or formats.small_count_below
        theme = formats.theme(inputs.theme_id).phrase or inputs.theme_title.lower()
        self.values = {
            "area": inputs.area,
            "theme": theme,
            "partnership": f"{inputs.area} Local Safeguarding Partnership",
            "fieldwork": date_range(*inputs.fieldwork),
            "inspectorates": _and_list(
                [
                    formats.inspectorates[i].in_opening
                    for i in inputs.inspectorate_ids
                    if i in formats.inspectorates
                ]
            ),
            "principal": principal,
            "sender": settings.sender.strip() or principal,
            "deadline": long_date(wsoa_deadline(inputs, formats)),
            "mailbox": formats.mailbox,
        }

    def fill(self, text: str, **extra: str) -> str:
        values = {**self.values, **extra}
        return text.format_map(values)

    def opening(self) -> list[str]:
        return [self.fill(p) for p in self.fmt.opening]

    def address(self) -> str:
        """The date, one line per addressee, and the greeting, as the lead can edit them."""
        lines = [self.fill(r) for r in self.formats.theme(self.inputs.theme_id).addressees_first]
        seen: set[str] = set()
        # One addressee per kind: the organisation the letter addresses for it (the ICB for
        # health), not every maternity unit and GP practice the team looked at.
        for group in agency_groups.groups(_agencies_in_order(self.inputs)):
            roles = self.formats.addressees.get(group.kind)
            if roles is None:
                continue
            named = (agency_groups.addressed_name(group) or "").strip()
            generic = named in ("", AGENCY_KINDS.get(group.kind, ""))
            name = self.fill(roles.organisation) if generic else named
            for role in roles.roles:
                line = self.fill(role, name=name)
                if line not in seen:
                    seen.add(line)
                    lines.append(line)
        lines += [self.fill(r) for r in self.formats.addressees_last]
        return "\n\n".join(
            (long_date(self.inputs.letter_date), "\n".join(lines), self.fill(self.fmt.salutation))
        )


def _agencies_in_order(inputs: LetterInputs):
    order = {kind: i for i, kind in enumerate(AGENCY_KINDS)}
    return sorted((a for a in inputs.agencies if a.in_scope), key=lambda a: order.get(a.kind, 99))


# --- sections ------------------------------------------------------------------------------
def _paragraphs(text: str, lines: bool = False) -> list[Paragraph]:
    """Paragraphs are separated by a blank line; within one, a single line break is kept
    where ``lines`` (an address block) and joined with a space elsewhere."""
    found = []
    for chunk in text.split("\n\n"):
        if not chunk.strip():
            continue
        if lines:
            found.append(Paragraph("\n".join(" ".join(x.split()) for x in chunk.splitlines())))
        else:
            found.append(Paragraph(" ".join(chunk.split())))
    return found


def _text_section(
    key: str, heading: str, default, choices: LetterChoices, lines=False, level=1
) -> Section:
    written = choices.get(key).text
    default_text = default if isinstance(default, str) else "\n\n".join(default)
    blocks = _paragraphs(written or default_text, lines)
    heading = (choices.get(key).heading or "").strip() or heading
    return Section(key, heading, level, tuple(blocks))


def _format_section(spec: SectionSpec, inputs, choices, words: _Words) -> list[Section]:
    heading = (choices.get(spec.key).heading or "").strip() or spec.heading
    chosen = _findings(effective_items(spec.key, inputs, choices.get(spec.key).items), inputs)
    written = choices.get(spec.key).text
    if spec.role == "context":
        context = "\n\n".join(words.fill(p) for p in words.formats.theme(inputs.theme_id).context)
        text = written or context
        return [Section(spec.key, heading, 1, tuple(_paragraphs(text)))] if text else []
    if spec.role == "next_steps":
        return [
            _text_section(spec.key, heading, [words.fill(p) for p in words.fmt.next_steps], choices)
        ]
    if spec.role in ("priority", "improve", "strengths"):
        if spec.role == "priority" and not chosen and not written:
            return []  # published letters leave the section out when there is none
        long_form = words.fmt.signatures == "grid"  # the earlier letters' evidential paragraphs
        blocks = [*_paragraphs(written)] + [_bullet(f, inputs, long_form) for f in chosen]
        return [Section(spec.key, heading, 1, tuple(blocks))]
    if spec.role == "study":
        return [Section(spec.key, heading, 1, tuple(_paragraphs(written)))] if written else []
    # narrative: the lead's words; until written, the findings it draws on stand in for them
    blocks = _paragraphs(written) or [
        Paragraph(" ".join((f.text or f.title).split()), finding_id=f.id) for f in chosen
    ]
    return [Section(spec.key, heading, 1, tuple(blocks))]


def _findings(ids, inputs: LetterInputs) -> list[FindingInfo]:
    by_id = {f.id: f for f in inputs.findings}
    return [by_id[i] for i in ids if i in by_id]


def _bullet(finding: FindingInfo, inputs: LetterInputs, long_form: bool) -> Paragraph:
    if long_form:
        lead = _agency_names(finding, inputs)
        text = " ".join((finding.text or finding.title).split())
        return Paragraph(text, f"{lead}: " if lead else "", True, finding.id)
    # A title cut short ("…") reads badly as a bullet: the finding's own sentence is whole.
    title = finding.title if not finding.title.endswith("\u2026") else ""
    return Paragraph(" ".join((title or finding.text).split()), "", True, finding.id)


def _agency_names(finding: FindingInfo, inputs: LetterInputs) -> str:
    names = []
    for agency_id in finding.agencies:
        agency = inputs.agency(agency_id)
        names.append(
            "The partnership" if agency_id == PARTNERSHIP else agency.name if agency else ""
        )
    return ", ".join(n for n in names if n)


def _sign_off(inputs, choices, formats: LetterFormats, fmt: LetterFormat, default: str) -> Section:
    """ "Yours sincerely" and the national head of each inspectorate taking part: stacked
    since 2022, a grid before. The lead inspector never signs."""
    blocks: list = _paragraphs(choices.get(SIGN_OFF).text or default)
    signers = [
        (i, formats.inspectorates[i]) for i in inputs.inspectorate_ids if i in formats.inspectorates
    ]
    if fmt.signatures == "grid":
        cells = [("\n".join(s.sign_2016), _name(s.in_opening)) for _i, s in signers]
        cells += [("", "")] * (len(cells) % 2)
        header = tuple(name for _t, name in cells[:2])
        rows = [tuple(t for t, _n in cells[:2])]
        if len(cells) > 2:
            rows += [tuple(n for _t, n in cells[2:4]), tuple(t for t, _n in cells[2:4])]
        blocks.append(Table(header, tuple(rows), (8.0, 8.0)))
    else:
        blocks += [Paragraph("\n".join(s.sign)) for _i, s in signers]
    return Section(SIGN_OFF, "", 1, tuple(blocks))


def _name(in_opening: str) -> str:
    """An inspectorate's name as a heading: "the Care Quality Commission (CQC)" -> "Care
    Quality Commission"."""
    return in_opening.split(" (")[0].removeprefix("the ")


# --- the internal draft's annexes --------------------------------------------------------------
def _annexes(inputs: LetterInputs, choices: LetterChoices, below: int) -> list[Section]:
    def heading(key: str) -> str:
        return (choices.get(key).heading or "").strip() or DEFAULT_HEADINGS[key]

    text = ANNEX_TEXT[ANNEX_REVIEWS].format(below=below, below_minus_one=below - 1)
    reviews: tuple[Block, ...] = (
        *_paragraphs(choices.get(ANNEX_REVIEWS).text or text),
        _reviews_table(inputs, below),
    )
    return [
        Section(ANNEX_REVIEWS, heading(ANNEX_REVIEWS), 1, reviews, page_break_before=True),
        Section(
            ANNEX_CHART,
            heading(ANNEX_CHART),
            1,
            (*_paragraphs(choices.get(ANNEX_CHART).text), _chart_figure(inputs, below)),
        ),
        Section(
            ANNEX_EVIDENCE,
            heading(ANNEX_EVIDENCE),
            1,
            (*_paragraphs(choices.get(ANNEX_EVIDENCE).text), _evidence_table(inputs)),
        ),
    ]


def _reviews_table(inputs: LetterInputs, below: int) -> Table:
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
            if not (criterion.per_child and group.kind in criterion.agency_kinds):
                continue
            key = (group.key, criterion.id)
            rows.append(
                (
                    group.heading,
                    f"{criterion.id} {criterion.title}",
                    *(
                        shown_count(counts[(*key, what)], below)
                        for what in ("seen", "strength", "concern")
                    ),
                )
            )
    return Table(
        ("Agency", "Criterion", "Reviews", "Strengths", "Concerns"),
        tuple(rows),
        (3.4, 6.8, 2.2, 2.3, 2.3),
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


def _chart_figure(inputs: LetterInputs, below: int) -> Figure:
    rows = chart_rows(inputs)
    return Figure(
        chart.draw(rows, below),
        chart.alt_text(rows, below),
        "Figure 1: findings by agency and kind",
        16.0,
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


# --- dates and lists in words --------------------------------------------------------------------
def _and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def long_date(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def date_range(start: date, end: date) -> str:
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTH_NAMES[start.month - 1]} to {long_date(end)}"
    return f"{long_date(start)} to {long_date(end)}"
