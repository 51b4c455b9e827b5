"""The draft letter: the lead's choices for it, the identifying-details gate, and the export.

The lead's choices (section headings and texts, which findings or case reviews go in a
section and in what order) and the gate's overrides are kept in the inspection as
``report_entry`` records, so they travel to the team like any other work and every change is
an op that can be undone. A report screen drives everything through these functions:

    sections(ws, iid)            the sections, their texts and chosen items
    section_options(ws, iid, k)  what may go in section k, labelled, chosen ones first
    set_section(ws, iid, k, ...) change a heading, a text or the items (None: the default)
    preview(ws, iid)             [(heading, [paragraph, ...]), ...]
    check_letter(ws, iid)        the letter and the gate's result (hits, overrides, warnings)
    add_override / remove_override
    export_letter(ws, iid, path, progress=..., is_cancelled=...)   off the UI thread
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..domain.errors import NotFoundError, ValidationError
from ..domain.organisations import organisation_order
from ..domain.record_types import ReportEntryRow
from ..domain.records import LinkTarget, Selection
from ..domain.rules import parse_evidence_ref, require_text
from ..domain.themes import INSPECTORATES, PER_CHILD
from ..report import ExportCancelled
from ..report import inputs as li
from ..report.compose import compose, section_specs
from ..report.details import SensitiveDetails
from ..report.gate import EMAIL, GateResult, Hit, Override, check
from ..report.letter import Letter, TextPiece
from ..report.letter_checks import structural_warnings
from ..report.letter_format import load_formats
from ..store import audit, oplog
from .changes import ChangeSet
from .findings import findings_in_order
from .identifiers import sensitive_details
from .ids import derived_id
from .inspections import inspection_dates, theme_pack
from .letter_file import write_letter
from .versions import PURPOSES, VERSION_PREFIX, record_version
from .workspace import Workspace

Progress = Callable[[int, int, str], None]
SECTION, OVERRIDE = "section", "override"
TEXT_ONLY = (
    li.ADDRESS,
    li.OPENING,
    li.CONTEXT,
    li.NEXT_STEPS,
    li.SIGN_OFF,
    *li.ANNEXES,
)


@dataclass(frozen=True)
class SectionInfo:
    key: str
    heading: str  # as it will appear (the lead's, or the default)
    default_heading: str
    text: str
    items: tuple[str, ...]  # as they will appear (the lead's, or the default)
    items_chosen: bool  # False while the section shows its default selection
    takes_items: bool
    level: int = 1
    purpose: str = ""  # what the section is for, as the editor says it
    usual: str = ""  # its usual length in published letters


@dataclass(frozen=True)
class ItemOption:
    id: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class Draft:
    letter: Letter
    result: GateResult
    details: SensitiveDetails  # what the gate looked for (the file is checked too)
    inputs: li.LetterInputs


@dataclass(frozen=True)
class ExportOutcome:
    status: str  # "written" | "blocked" | "cancelled"
    path: Path
    result: GateResult
    size: int = 0
    version_id: str = ""  # the version of the letter this file is kept as

    @property
    def written(self) -> bool:
        return self.status == "written"


# --- the lead's choices ----------------------------------------------------------------------
def section_keys(ws: Workspace, inspection_id: str) -> list[str]:
    """The sections as the report screen lists them: the letter's, in its format's order,
    then the internal draft's annexes."""
    return [s.key for s in _section_list(letter_inputs(ws, inspection_id))]


def _section_list(inputs: li.LetterInputs) -> list:
    fmt = load_formats().format(inputs.settings.format)
    return [
        _Spec(
            li.ADDRESS,
            "",
            "The date on the letter, one line per addressee (the area's "
            "leaders, by kind of agency and theme), and the greeting.",
            "4 to 9 addressees",
        ),
        _Spec(
            li.OPENING,
            "",
            "The title and the standard opening: the theme, the area, the "
            "dates of the inspection and the inspectorates.",
            "2 paragraphs (standard wording)",
        ),
        *(_Spec(s.key, s.heading, s.purpose, s.usual) for s in section_specs(inputs, fmt)),
        _Spec(
            li.SIGN_OFF,
            "",
            "The national head of each inspectorate taking part signs; "
            "the lead inspector does not.",
            "standard wording",
        ),
        *(
            _Spec(
                k,
                li.DEFAULT_HEADINGS[k],
                "For the team's quality assurance only: never in a letter for the area.",
                "",
            )
            for k in li.ANNEXES
        ),
    ]


@dataclass(frozen=True)
class _Spec:
    key: str
    heading: str
    purpose: str
    usual: str


def sections(ws: Workspace, inspection_id: str) -> list[SectionInfo]:
    inputs, choices = letter_inputs(ws, inspection_id), letter_choices(ws, inspection_id)
    found = []
    for spec in _section_list(inputs):
        key, choice = spec.key, choices.get(spec.key)
        default = spec.heading or li.DEFAULT_HEADINGS[key]
        takes = key not in TEXT_ONLY
        items = li.effective_items(key, inputs, choice.items) if takes else ()
        found.append(
            SectionInfo(
                key,
                (choice.heading or "").strip() or default,
                default,
                choice.text,
                items,
                choice.items is not None,
                takes,
                1,
                spec.purpose,
                spec.usual,
            )
        )
    return found


def section_options(ws: Workspace, inspection_id: str, key: str) -> list[ItemOption]:
    """What may go in a section, labelled: the chosen ones first, in their order."""
    inputs = letter_inputs(ws, inspection_id)
    chosen = li.effective_items(key, inputs, letter_choices(ws, inspection_id).get(key).items)
    rest = [i for i in li.allowed_items(key, inputs) if i not in chosen]
    labels = _item_labels(inputs)
    return [ItemOption(i, labels.get(i, i), i in chosen) for i in (*chosen, *rest)]


def set_section(
    ws: Workspace,
    inspection_id: str,
    key: str,
    *,
    heading: str | None = None,
    text: str | None = None,
    items: Iterable[str] | None = None,
    default_items: bool = False,
) -> ChangeSet:
    """Change what the lead wrote or chose for one section. ``default_items`` goes back to
    the default selection; ``items`` (in order) replaces the selection."""
    if key not in section_keys(ws, inspection_id):
        raise ValidationError(f"The letter has no section {key!r}.")
    values: dict = {"entry": SECTION, "section": key}
    if heading is not None:
        values["heading"] = heading.strip()
    if text is not None:
        values["text"] = text.strip()
    if items is not None or default_items:
        values["items"] = None if default_items else _checked_items(ws, inspection_id, key, items)
    entry_id = derived_id("report_section", inspection_id, key)
    return ws.upsert(
        "report_entry", inspection_id, entry_id, values, label=f"Edit the letter: {key}"
    )


def _checked_items(ws, inspection_id, key, items) -> list[str]:
    if key in TEXT_ONLY:
        raise ValidationError("This section holds text only; findings cannot be chosen for it.")
    picked = list(dict.fromkeys(items))
    allowed = set(li.allowed_items(key, letter_inputs(ws, inspection_id)))
    unknown = [i for i in picked if i not in allowed]
    if unknown:
        raise ValidationError(
            f"{len(unknown)} of the chosen items cannot go in this section "
            "(deleted, or of the wrong kind)."
        )
    return picked


def letter_choices(ws: Workspace, inspection_id: str) -> li.LetterChoices:
    found = {}
    for row in _entries(ws, inspection_id, SECTION):
        items = row["items"]
        found[row["section"] or ""] = li.SectionChoice(
            row["heading"], row["text"] or "", tuple(items) if items is not None else None
        )
    return li.LetterChoices(found)


def _entries(ws: Workspace, inspection_id: str, entry: str) -> list[ReportEntryRow]:
    return ws.rows("report_entry", inspection_id, "entry = ?", (entry,))


# --- overrides -------------------------------------------------------------------------------
def overrides(ws: Workspace, inspection_id: str) -> list[Override]:
    names = {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}
    return [
        Override(
            r["hit_kind"] or "",
            r["hit_match"] or "",
            r["hit_location"] or "",
            r["reason"] or "",
            names.get(r["created_by"], ""),
            r["created_at"] or "",
            r["id"],
        )
        for r in _entries(ws, inspection_id, OVERRIDE)
    ]


def add_override(ws: Workspace, inspection_id: str, hit: Hit, reason: str) -> ChangeSet:
    """Let one hit through, with the lead's reason (who and when are recorded with it)."""
    reason = require_text(reason, "The reason for letting this through")
    entry_id = derived_id("report_override", inspection_id, *hit.key)
    return ws.upsert(
        "report_entry",
        inspection_id,
        entry_id,
        {
            "entry": OVERRIDE,
            "hit_kind": hit.kind,
            "hit_match": hit.match,
            "hit_location": hit.location,
            "reason": reason,
        },
        label="Override a gate hit",
    )


def remove_override(ws: Workspace, override_id: str) -> ChangeSet:
    return ws.delete("report_entry", override_id, label="Remove a gate override")


# --- the letter --------------------------------------------------------------------------------
def letter_inputs(
    ws: Workspace, inspection_id: str, today: date | None = None, annexes: bool = True
) -> li.LetterInputs:
    """What the letter is made from. ``annexes`` False leaves out the case reviews and the
    evidence index, which only the internal draft's annexes use."""
    row = ws.require("inspection", inspection_id)
    pack = theme_pack(ws, inspection_id)
    dates = inspection_dates(ws, inspection_id)
    return li.LetterInputs(
        area=row["area"],
        theme_title=pack.title,
        inspectorates=tuple(INSPECTORATES.get(i, i) for i in row["inspectorates"] or ()),
        fieldwork=(dates.fieldwork_start, dates.fieldwork_end),
        drafted_on=today or date.today(),
        agencies=tuple(_agencies(ws, inspection_id)),
        findings=tuple(_findings(ws, inspection_id)),
        children=tuple(_children(ws, inspection_id)),
        reviews=tuple(_reviews(ws, inspection_id)) if annexes else (),
        criteria=tuple(
            li.CriterionInfo(c.id, c.title, c.agencies, pack.judged(c.id) == PER_CHILD)
            for c in pack.criteria
        ),
        evidence=tuple(_evidence(ws, inspection_id)) if annexes else (),
        theme_id=pack.id,
        theme_kind=pack.kind,
        inspectorate_ids=tuple(row["inspectorates"] or ()),
        settings=letter_settings(ws, inspection_id),
    )


def letter_settings(ws: Workspace, inspection_id: str) -> li.LetterSettings:
    from .letter import settings_of  # the letter's own settings record

    return settings_of(ws, inspection_id)


def _evidence(ws: Workspace, inspection_id: str) -> list[li.EvidenceInfo]:
    rows = sorted(ws.rows("evidence", inspection_id), key=lambda e: _ref_order(e["ref"]))
    return [
        li.EvidenceInfo(e["ref"] or "", e["title"] or "", e["source"] or "", e["sha256"] or "")
        for e in rows
    ]


def _ref_order(ref: str | None) -> tuple[int, str]:
    """E-1002 before E-10001: by number, not as text."""
    try:
        return (parse_evidence_ref(ref or ""), "")
    except ValidationError:
        return (1 << 62, ref or "")


def _agencies(ws: Workspace, inspection_id: str) -> list[li.AgencyInfo]:
    """Organisations in the letter's order: by kind, the one addressed for its kind first."""
    rows = sorted(ws.rows("agency", inspection_id), key=lambda a: (organisation_order(a), a["id"]))
    return [
        li.AgencyInfo(
            a["id"], a["name"] or "", a["kind"], bool(a["in_scope"]), a.get("service_type")
        )
        for a in rows
    ]


def _findings(ws: Workspace, inspection_id: str) -> list[li.FindingInfo]:
    cited: dict[str, int] = {}
    # A link to deleted evidence is not a citation: the finding would look supported.
    for link in ws.rows(
        "link",
        inspection_id,
        "target_kind = ? AND evidence_id IN (SELECT id FROM evidence)",
        (LinkTarget.FINDING.value,),
    ):
        cited[link["target_id"]] = cited.get(link["target_id"], 0) + 1
    return [
        li.FindingInfo(
            f["id"],
            f["kind"],
            f["title"] or "",
            f["text"] or "",
            tuple(f["agencies"] or ()),
            cited.get(f["id"], 0),
        )
        for f in findings_in_order(ws, inspection_id)
    ]


def _children(ws: Workspace, inspection_id: str) -> list[li.ChildInfo]:
    rows = sorted(
        ws.rows("child", inspection_id),
        key=lambda c: (len(c["pseudonym"] or ""), c["pseudonym"] or "", c["id"]),
    )
    return [
        li.ChildInfo(
            c["id"], c["pseudonym"], c["age_band"], c["selection"] == Selection.TRACKED.value
        )
        for c in rows
    ]


def _reviews(ws: Workspace, inspection_id: str) -> list[li.ReviewInfo]:
    return [
        li.ReviewInfo(
            r["id"],
            r["child_id"],
            r["agency_id"],
            r["criterion_id"],
            r["observation"] or "",
            bool(r["strength"]),
            bool(r["concern"]),
        )
        for r in ws.rows("review", inspection_id, order_by="child_id, criterion_id, agency_id")
    ]


def _item_labels(inputs: li.LetterInputs) -> dict[str, str]:
    labels = {f.id: f"{li.KIND_LABELS.get(f.kind, f.kind)}: {f.title}" for f in inputs.findings}
    for child in inputs.children:
        band = f", age band {child.age_band}" if child.age_band else ""
        labels[child.id] = f"{child.pseudonym}'s journey (tracked{band})"
    return labels


def build_letter(
    ws: Workspace, inspection_id: str, internal: bool = False, today: date | None = None
) -> tuple[Letter, li.LetterInputs]:
    inputs = letter_inputs(ws, inspection_id, today, annexes=internal)
    return compose(inputs, letter_choices(ws, inspection_id), internal), inputs


def preview(
    ws: Workspace, inspection_id: str, internal: bool = False
) -> list[tuple[str, list[str]]]:
    return build_letter(ws, inspection_id, internal)[0].preview()


def check_letter(
    ws: Workspace,
    inspection_id: str,
    internal: bool = False,
    extra_overrides: Iterable[Override] = (),
    today: date | None = None,
    template: Path | str | None = None,
) -> Draft:
    """The letter as it would be exported (with ``template``), and what the gate says."""
    from ..report import template as tpl  # python-docx loads only when a letter is checked

    letter, inputs = build_letter(ws, inspection_id, internal, today)
    kept = [*overrides(ws, inspection_id), *extra_overrides]
    every_page = [
        TextPiece("template", "The template's headers and footers", n, where, text)
        for n, (where, text) in enumerate(tpl.fixed_texts(template))
    ]
    details = cached_details(ws, inspection_id)
    result = check(
        letter,
        details,
        kept,
        [*structural_warnings(letter, inputs), *below_rule_warnings(ws, inspection_id, letter)],
        extra=every_page,
    )
    return Draft(letter, _standard_wording(result), details, inputs)


STANDARD = (li.ADDRESS, li.OPENING, li.CONTEXT, li.NEXT_STEPS, li.SIGN_OFF)
_DETAILS: dict[tuple[str, str], tuple[tuple, SensitiveDetails]] = {}
_HELD_IN = ("child", "agency", "inspection")  # what the gate's knowledge is built from


def cached_details(ws: Workspace, inspection_id: str) -> SensitiveDetails:
    """What the gate looks for, built once for as long as nothing it is built from changed.

    Building it normalises every value a child's identifying fields ever held (hundreds of
    milliseconds for a large inspection); the change log only grows, so the number of ops on
    children, agencies and the inspection says whether it could have changed."""
    path = ws.db.execute("PRAGMA database_list").fetchone()[2]
    marks = "?, " * (len(_HELD_IN) - 1) + "?"
    count = ws.db.execute(
        f"SELECT COUNT(*) FROM ops WHERE inspection_id = ? AND entity IN ({marks}) "
        f"AND {oplog.LOOKED_UP}",
        (inspection_id, *_HELD_IN),
    ).fetchone()[0]
    key, version = (path, inspection_id), (count,)
    kept = _DETAILS.get(key)
    if kept is None or kept[0] != version:
        kept = (version, sensitive_details(ws, inspection_id))
        _DETAILS[key] = kept
    return kept[1]


def _standard_wording(result: GateResult) -> GateResult:
    """The inspectorates' published mailbox in the next steps is not a person's address, and
    the standard wording's long sentences are the published ones: neither is the lead's to fix."""
    hits = [h for h in result.hits if (h.kind, h.match) not in public_words()]
    advice = [
        w for w in result.warnings if not (w.kind == "long_sentence" and w.section in STANDARD)
    ]
    return GateResult(tuple(hits), result.overridden, tuple(advice))


def public_words() -> set[tuple[str, str]]:
    """(kind, words) the gate takes for a detail that the standard wording needs."""
    return {(EMAIL, load_formats().mailbox)}


def export_letter(
    ws: Workspace,
    inspection_id: str,
    target: Path | str,
    *,
    internal: bool = False,
    for_area: bool = False,
    template: Path | str | None = None,
    extra_overrides: Iterable[Override] = (),
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ExportOutcome:
    """Check, write, check the file itself, then put it in place atomically, keep it as a
    version of the letter and record it in the audit log.

    Nothing is written while the gate has a hit that is not overridden, in the composed letter
    or in the rendered file (its headers, footers, footnotes, content controls, properties).
    The audit entry is written before the file appears (see ``letter_file``). ``for_area``:
    the version for the area's factual-accuracy check (never internal). Safe to run off the
    UI thread with its own workspace (``AppContext.worker_workspace``).
    """
    if internal and for_area:
        raise ValidationError(
            "The internal draft holds the team's annexes: it cannot go to the area. "
            "Export the version for the area without --internal."
        )
    target = Path(target)
    progress = progress or (lambda done, total, label: None)
    is_cancelled = is_cancelled or (lambda: False)
    purpose = "internal" if internal else "area" if for_area else "qa"
    progress(0, 5, "Checking the letter for identifying details")
    draft = check_letter(ws, inspection_id, internal, extra_overrides, today, template)
    if draft.result.blocked:
        return ExportOutcome("blocked", target, draft.result)
    from ..report import docx_writer  # python-docx loads only when a letter is written
    from ..report.final_gate import check_package

    version_id = ws.new_id()
    identifier = f"{VERSION_PREFIX}{version_id}"
    try:
        data = docx_writer.render(
            draft.letter,
            template,
            _sub_progress(progress, 1, 5, "Writing"),
            is_cancelled,
            identifier=identifier,
            status=PURPOSES[purpose],
        )
        progress(3, 5, "Checking the file for identifying details")
        in_file = check_package(
            data,
            draft.details,
            {(hit.kind, hit.match) for hit, _o in draft.result.overridden} | public_words(),
            # The version's id is random hex the app made: digits in it are no one's number.
            {piece.text for piece in draft.letter.pieces()} | {identifier},
        )
        if in_file:
            blocked = GateResult(tuple(in_file), draft.result.overridden, draft.result.warnings)
            return ExportOutcome("blocked", target, blocked)
        progress(4, 5, "Saving")
        write_letter(
            ws,
            inspection_id,
            target,
            data,
            is_cancelled,
            lambda: _record(ws, inspection_id, target, draft, template, internal, len(data)),
        )
    except ExportCancelled:
        return ExportOutcome("cancelled", target, draft.result)
    record_version(
        ws, inspection_id, version_id, purpose, target.name, data, draft.letter, draft.inputs
    )
    progress(5, 5, "Done")
    return ExportOutcome("written", target, draft.result, len(data), version_id)


def _sub_progress(progress: Progress, step: int, steps: int, label: str) -> Progress:
    """The writer's per-section progress, shown within one step of the export's."""

    def report(done: int, total: int, section: str) -> None:
        progress(step * total + done, steps * total, f"{label}: {section}")

    return report


def _record(ws, inspection_id, target, draft: Draft, template, internal, size) -> None:
    try:
        actor = ws.author_for(inspection_id)
    except NotFoundError:
        actor = ""
    used = [
        {"kind": hit.kind, "location": hit.location, "reason": o.reason, "by": o.by, "at": o.at}
        for hit, o in draft.result.overridden
    ]  # never the matched text
    audit.record(
        ws.db,
        "export",
        inspection_id,
        actor,
        ws.device_id,
        {
            "what": "draft letter",
            "file": target.name,
            "internal": internal,
            "bytes": size,
            "template": Path(template).name if template else "built-in",
            "sections": len(draft.letter.sections),
            "overrides": used,
            "warnings": len(draft.result.warnings),
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )


def below_rule_warnings(ws: Workspace, inspection_id: str, letter: Letter) -> list:
    """Advice for each finding the letter draws on that rests on fewer sources, or fewer
    kinds of source, than the lead's rule asks (services.triangulation)."""
    from ..report.gate import ReportWarning
    from ..report.letter import Paragraph
    from .triangulation import findings_below_rule

    placed = {
        b.finding_id
        for section in letter.sections
        for b in section.blocks
        if isinstance(b, Paragraph) and b.finding_id
    }
    return [
        ReportWarning(
            "finding_below_rule",
            f"The finding \u201c{f.finding['title']}\u201d rests on "
            f"{f.spread.sources} source(s) of {len(f.spread.kinds)} kind(s): the rule asks "
            f"for {f.rule.describe()}.",
            finding_id=f.finding["id"],
        )
        for f in findings_below_rule(ws, inspection_id)
        if f.finding["id"] in placed
    ]
