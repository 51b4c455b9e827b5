"""The national thematic report's draft, composed from a thematic summary as a ``Letter`` (the
same blocks the letter is made of, so the same writer, template and checks serve it).

It follows the shape of the inspectorates' published thematic reports (for example
"Multi-agency responses to serious youth violence: working together to support and protect
children", November 2024, and "The multi-agency response to children living with domestic
abuse: prevent, protect and repair", September 2017): an introduction saying how many
inspections, when, by whom and where; the main findings (what recurs across the areas); what
works well and what needs to improve; the findings by the framework's criteria; the front
door's timeliness across the areas; practice examples; and how the inspections were carried
out, with the counts in an annex. An area is named only where its own published letter named
it; otherwise it is "one area". Every count from 1 to 5 reads "fewer than 6".
"""

from __future__ import annotations

from datetime import date

from ..domain.thematic import CONCERN, MEASURES, NO_CRITERION, PARTNERSHIP, Count, Summary
from ..domain.thematic_matrix import CODING
from ..domain.theme_model import AGENCY_KINDS
from .inputs import KIND_LABELS
from .letter import Block, Letter, Paragraph, Section, Table

KINDS = {**AGENCY_KINDS, PARTNERSHIP: "The partnership"}
INSPECTORATE_NAMES = {
    "ofsted": "Ofsted",
    "cqc": "the Care Quality Commission (CQC)",
    "hmicfrs": "HM Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)",
    "hmi_probation": "HM Inspectorate of Probation (HMI Probation)",
}
STEP_HEADER = (
    "Area",
    "Contacts",
    "Target (working hours)",
    "Median (working hours)",
    "90th percentile",
    "Over target",
)


def compose_report(summary: Summary, drafted_on: date, inspectorates: tuple[str, ...]) -> Letter:
    theme = summary.theme.get("title", "")
    title = (
        f"The multi-agency response to {_lower_first(theme)}: findings from joint targeted "
        "area inspections"
    )
    sections = [
        Section("title", title, 0),
        _introduction(summary, drafted_on, inspectorates),
        _main_findings(summary),
        _recurring(summary, "strengths", "What works well", polarity="strength"),
        _recurring(summary, "improve", "What needs to improve", polarity=CONCERN),
        *_by_criterion(summary),
        *_timeliness(summary),
        *_practice(summary),
        _method(summary),
        _annex(summary),
    ]
    return Letter(
        title,
        tuple(s for s in sections if s is not None),
        subject=f"Thematic report draft: {theme}",
    )


def area_phrase(label: str, named: bool) -> str:
    return f"In {label}" if named else "In one area"


def areas_phrase(labels: list[str], named: dict[str, bool]) -> str:
    """ "In Eastmoor, Riverton and one other area": areas by name only where their letters
    named them."""
    return f"In {areas_listed(labels, named)}"


def areas_listed(labels: list[str], named: dict[str, bool]) -> str:
    """ "Eastmoor, Riverton and one other area" (see ``areas_phrase``)."""
    shown = [a for a in labels if named.get(a)]
    others = len(labels) - len(shown)
    if others:
        shown.append(
            "one area"
            if others == 1 and not shown
            else "one other area"
            if others == 1
            else f"{_number_words(others)} {'other ' if shown else ''}areas"
        )
    return _listed(shown)


def _same_words(items) -> list[tuple[str, list[str], str, str]]:
    """Findings with the same words, kind and agency in several areas, once with every area
    that has them: (text, areas, kind, agency kind), in the order first met."""
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for agency, f in items:
        text = " ".join(f.text.split()) or f.title
        areas = grouped.setdefault((text, f.kind, agency), [])
        if f.area not in areas:
            areas.append(f.area)
    return [(text, areas, kind, agency) for (text, kind, agency), areas in grouped.items()]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _introduction(summary: Summary, drafted_on: date, inspectorates) -> Section:
    n = len(summary.areas)
    starts = sorted(a.fieldwork_start for a in summary.areas if a.fieldwork_start)
    ends = sorted(a.fieldwork_end for a in summary.areas if a.fieldwork_end)
    when = ""
    if starts and ends:
        first, last = _month(starts[0]), _month(ends[-1])
        when = f" in {first}" if first == last else f" between {first} and {last}"
    who = _listed([INSPECTORATE_NAMES.get(i, i) for i in inspectorates]) or "the inspectorates"
    named = [a.label for a in summary.areas if a.named]
    unnamed = n - len(named)
    where = f"The areas inspected were {_listed(named)}" if named else ""
    if named and unnamed:
        where += f", and {_number_words(unnamed)} other area{'s' if unnamed > 1 else ''}"
    paragraphs = [
        f"This report sets out our findings from {_number_words(n)} joint targeted area "
        f"inspection{'s' if n != 1 else ''} (JTAIs) of the multi-agency response to "
        f"{_lower_first(summary.theme.get('title', ''))}, carried out{when} by {who}.",
        "Together, we looked at how the agencies in each area work together to help and "
        "protect children, and at the leadership of that work.",
    ]
    if where:
        paragraphs.append(where + ".")
    paragraphs.append(
        f"Draft prepared on {drafted_on.day} {drafted_on:%B %Y} from the areas' anonymised "
        "extracts, for the inspectorates' quality assurance."
    )
    return Section("introduction", "Introduction", 1, tuple(Paragraph(p) for p in paragraphs))


def _main_findings(summary: Summary) -> Section:
    blocks = [
        Paragraph(
            "What recurs across the areas, drawn from their published findings (for the "
            "authors to write up as the report's main findings):"
        )
    ]
    broad = [r for r in summary.recurring if r.criterion is None]
    for r in broad:
        blocks.append(Paragraph(_recurring_text(r, summary), bullet=True))
    if not broad:
        blocks.append(Paragraph("No strength or concern recurs in most of the areas.", bullet=True))
    return Section("main", "Main findings", 1, tuple(blocks))


def _recurring(summary: Summary, key: str, heading: str, polarity: str) -> Section:
    chosen = [r for r in summary.recurring if r.polarity == polarity and r.criterion]
    blocks = [Paragraph(_recurring_text(r, summary), bullet=True) for r in chosen]
    named = {a.label: a.named for a in summary.areas}
    priority = [("", f) for f in summary.findings if f.kind == "priority_action"]
    for text, areas, _kind, _agency in _same_words(priority) if polarity == CONCERN else []:
        blocks.append(
            Paragraph(text, f"{areas_phrase(areas, named)}, an area for priority action: ", True)
        )
    if not blocks:
        blocks = [Paragraph("Nothing in this part recurs in most of the areas.")]
    return Section(key, heading, 1, tuple(blocks))


def _recurring_text(r, summary: Summary) -> str:
    what = "strengths" if r.polarity != CONCERN else "concerns"
    about = KINDS.get(r.agency_kind, r.agency_kind).lower()
    if r.agency_kind == PARTNERSHIP:
        about = "the partnership as a whole"
    where = ""
    if r.criterion:
        where = f" in {_lower_first(summary.criteria.get(r.criterion, r.criterion).rstrip('.'))}"
    share = (
        f"In all {_number_words(r.of)} areas"
        if len(r.areas) == r.of
        else f"In {_number_words(len(r.areas))} of the {_number_words(r.of)} areas"
    )
    return f"{share}, the published findings included {what} about {about}{where}."


def _by_criterion(summary: Summary) -> list[Section]:
    """One part per criterion (in the framework's order; findings whose evidence names no
    criterion last), each area's findings under it with the agency they concern."""
    named = {a.label: a.named for a in summary.areas}
    by_criterion: dict[str, list[tuple[str, object]]] = {}
    for (criterion, kind), found in summary.grouped().items():
        for f in found:
            by_criterion.setdefault(criterion, []).append((kind, f))
    sections = []
    for criterion, items in by_criterion.items():
        heading = (
            f"{criterion}: {summary.criteria.get(criterion, '')}"
            if criterion != NO_CRITERION
            else "Findings not tied to one criterion"
        )
        blocks = [
            Paragraph(
                text,
                f"{areas_phrase(areas, named)} ({KINDS.get(agency, agency).lower()}), "
                f"{KIND_LABELS.get(kind, kind).lower()}: ",
                True,
            )
            for text, areas, kind, agency in _same_words(items)
        ]
        sections.append(Section(f"criterion:{criterion}", heading, 2, tuple(blocks)))
    if sections:
        intro = Paragraph(
            "The areas' published findings, by the framework's criteria their evidence speaks "
            "to, with the agencies they concern."
        )
        sections.insert(0, Section("criteria", "Findings by criterion", 1, (intro,)))
    return sections


def _timeliness(summary: Summary) -> list[Section]:
    if not summary.timeliness:
        return []
    blocks: list[Block] = [
        Paragraph(
            "How long the front door took in each area, in working hours (09:00 to 17:00 on "
            "working days unless the area's team set another office day). Figures over fewer "
            "than 6 contacts are not shown."
        )
    ]
    for label, rows in summary.timeliness.items():
        blocks.append(
            Table(
                STEP_HEADER,
                tuple(
                    (
                        r.area,
                        Count.of(r.count).shown() if r.count is not None else "fewer than 6",
                        str(r.target_hours or ""),
                        _hours(r.median_hours),
                        _hours(r.p90_hours),
                        Count.of(r.over_target).shown(),
                    )
                    for r in rows
                ),
                (3.4, 2.0, 2.4, 2.6, 2.4, 2.8),
                caption=label,
                number_columns=(1, 2, 3, 4, 5),
            )
        )
    return [Section("timeliness", "The front door across the areas", 1, tuple(blocks))]


def _hours(value: float | None) -> str:
    return "not shown" if value is None else f"{value:.1f}"


def _practice(summary: Summary) -> list[Section]:
    """The letters' practice studies, as published (already told so that no child can be
    recognised), under the areas whose letters name them."""
    if not summary.studies:
        return []
    named = {a.label: a.named for a in summary.areas}
    grouped: dict[tuple[str, str], list[str]] = {}
    for study in summary.studies:
        grouped.setdefault((" ".join(study.text.split()), study.kind), []).append(study.area)
    blocks = [
        Paragraph(text, f"{areas_phrase(areas, named)} ({STUDY_WORDS.get(kind, kind)}): ")
        for (text, kind), areas in grouped.items()
    ]
    return [Section("practice", "Practice examples", 1, tuple(blocks))]


STUDY_WORDS = {
    "highly_effective_practice": "highly effective practice",
    "area_for_improvement": "an area for improvement",
}


def _method(summary: Summary) -> Section:
    children = summary.children
    tracked = children.get("tracked", Count())
    sampled = children.get("sampled", Count())
    text = (
        f"In the {_number_words(len(summary.areas))} inspections, inspectors tracked the "
        f"experiences of {tracked.shown()} children in depth and looked at the cases of "
        f"{sampled.shown()} more children in a sample, alongside the areas' own audits, "
        "meetings with practitioners and leaders, and the areas' data."
    )
    return Section("method", "How we carried out the inspections", 1, (Paragraph(text),))


def _annex(summary: Summary) -> Section:
    view = summary.matrix
    header = ("Criterion", "Agency", "Case reviews", "Strengths", "Concerns", "Findings")
    rows = tuple(
        (key[0], KINDS.get(key[1], key[1]), *(view.measures(key)[m].shown() for m in MEASURES))
        for key in view.keys(summary.criteria)
    )
    intro = Paragraph(
        "The evidence matrix of all the areas together: case reviews, the strengths and "
        "concerns inspectors recorded in them, and the findings drawing on each criterion, by "
        "agency. Counts from 1 to 5 are shown as 'fewer than 6'; where an area's count was "
        "fewer than 6, a total is given as a range."
    )
    table = Table(
        header,
        rows,
        (1.7, 3.9, 2.5, 2.5, 2.5, 2.5),
        caption="Evidence matrix, all areas",
        number_columns=(2, 3, 4, 5),
    )
    blocks: tuple[Block, ...] = (intro, table, *_coded_annex(summary))
    return Section("annex_matrix", "Annex: the evidence matrix", 1, blocks, page_break_before=True)


CODED_COLUMNS = {
    "sources": "All sources",
    "notes": "Coded notes",
    "case_reviews": "Case reviews",
    "front_door": "Front door samples",
    "evidence": "Evidence items",
    "strengths": "With a strength",
    "concerns": "With a concern",
}
KIND_COLUMNS = ("notes", "case_reviews", "front_door", "evidence")
TABLE_CM, CRITERION_CM, AGENCY_CM = 15.6, 1.8, 2.4


def _coded_annex(summary: Summary) -> tuple[Block, ...]:
    """The coded evidence of the areas that coded passages: summed over those areas only, as
    a table of its own (it counts other things than the case reviews above). A kind of source
    no area coded has no column: the table must fit a portrait page."""
    view = summary.matrix
    if not view.coded_areas:
        return ()
    coded = [a.label for a in summary.areas if a.matrix_source == CODING]
    named = {a.label: a.named for a in summary.areas}
    cells = [(key, view.coded_measures(key) or {}) for key in view.keys(summary.criteria)]
    cells = [(key, m) for key, m in cells if any(c.high for c in m.values())]
    unused = [k for k in KIND_COLUMNS if not any(m[k].high for _key, m in cells)]
    shown = [m for m in CODED_COLUMNS if m not in unused]
    intro = Paragraph(
        f"In {_number_words(len(coded))} of the {_number_words(len(summary.areas))} areas "
        f"({areas_listed(coded, named)}), inspectors also coded passages of their notes, "
        "case reviews and evidence against the criteria. Summed over those areas only, the "
        "table gives the distinct sources speaking to each criterion and agency, by kind of "
        "source, and how many showed a strength or a concern (a coded passage of a note "
        "counts as its note). A source may speak of several agencies; these counts are not "
        "added to the case reviews above."
        + (
            " Those areas counted no "
            + _listed([CODED_COLUMNS[k].lower() for k in unused]).replace(" and ", " or ")
            + "."
            if unused
            else ""
        )
    )
    number_cm = round((TABLE_CM - CRITERION_CM - AGENCY_CM) / len(shown), 2)
    table = Table(
        ("Criterion", "Agency", *(CODED_COLUMNS[m] for m in shown)),
        tuple(
            (key[0], KINDS.get(key[1], key[1]), *(measures[m].shown() for m in shown))
            for key, measures in cells
        ),
        (CRITERION_CM, AGENCY_CM, *(number_cm,) * len(shown)),
        caption=f"Coded evidence, {len(coded)} areas",
        number_columns=tuple(range(2, 2 + len(shown))),
    )
    return intro, table


def _month(iso: str) -> str:
    return f"{date.fromisoformat(iso):%B %Y}"


def _listed(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _number_words(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)
