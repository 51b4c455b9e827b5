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
from ..domain.records import LinkTarget, Selection
from ..domain.rules import parse_evidence_ref, require_text
from ..domain.themes import INSPECTORATES, PER_CHILD
from ..report import ExportCancelled, agency_groups
from ..report import inputs as li
from ..report.compose import compose, structural_warnings
from ..report.gate import GateResult, Hit, Override, check
from ..report.letter import Letter, TextPiece
from ..store import audit
from .changes import ChangeSet
from .findings import findings_in_order
from .identifiers import sensitive_details
from .ids import derived_id
from .inspections import inspection_dates, theme_pack
from .letter_file import write_letter
from .workspace import Workspace

Progress = Callable[[int, int, str], None]
SECTION, OVERRIDE = "section", "override"
TEXT_ONLY = (
    li.COVER,
    li.AGENCIES,
    li.NEXT_STEPS,
    li.ANNEX_REVIEWS,
    li.ANNEX_CHART,
    li.ANNEX_EVIDENCE,
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


@dataclass(frozen=True)
class ItemOption:
    id: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class Draft:
    letter: Letter
    result: GateResult


@dataclass(frozen=True)
class ExportOutcome:
    status: str  # "written" | "blocked" | "cancelled"
    path: Path
    result: GateResult
    size: int = 0

    @property
    def written(self) -> bool:
        return self.status == "written"


# --- the lead's choices ----------------------------------------------------------------------
def section_keys(ws: Workspace, inspection_id: str) -> list[str]:
    agencies = [g.key for g in agency_groups.groups(_agencies(ws, inspection_id))]
    keys = list(li.SECTION_ORDER)
    at = keys.index(li.AGENCIES) + 1
    return keys[:at] + agencies + keys[at:]


def sections(ws: Workspace, inspection_id: str) -> list[SectionInfo]:
    inputs, choices = letter_inputs(ws, inspection_id), letter_choices(ws, inspection_id)
    names = {g.key: g.heading for g in agency_groups.groups(inputs.agencies)}
    found = []
    for key in section_keys(ws, inspection_id):
        choice = choices.get(key)
        default = names.get(key) or li.DEFAULT_HEADINGS[key]
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
                2 if key in names else 1,
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
        found[row["section"]] = li.SectionChoice(
            row["heading"], row["text"] or "", tuple(items) if items is not None else None
        )
    return li.LetterChoices(found)


def _entries(ws: Workspace, inspection_id: str, entry: str) -> list[dict]:
    return ws.rows("report_entry", inspection_id, "entry = ?", (entry,))


# --- overrides -------------------------------------------------------------------------------
def overrides(ws: Workspace, inspection_id: str) -> list[Override]:
    names = {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}
    return [
        Override(
            r["hit_kind"],
            r["hit_match"],
            r["hit_location"],
            r["reason"],
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
def letter_inputs(ws: Workspace, inspection_id: str, today: date | None = None) -> li.LetterInputs:
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
        reviews=tuple(_reviews(ws, inspection_id)),
        criteria=tuple(
            li.CriterionInfo(c.id, c.title, c.agencies, pack.judged(c.id) == PER_CHILD)
            for c in pack.criteria
        ),
        evidence=tuple(_evidence(ws, inspection_id)),
    )


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
    return [li.AgencyInfo(a["id"], a["name"] or "", a["kind"], bool(a["in_scope"])) for a in rows]


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
    children = {c.id: c.pseudonym for c in inputs.children}
    criteria = {c.id: c.title for c in inputs.criteria}
    for r in inputs.reviews:
        agency = inputs.agency(r.agency_id)
        labels[r.id] = (
            f"{children.get(r.child_id, '?')} \u00b7 {agency.name if agency else '?'}"
            f" \u00b7 {criteria.get(r.criterion_id, r.criterion_id)}"
        )
    return labels


def build_letter(
    ws: Workspace, inspection_id: str, internal: bool = False, today: date | None = None
) -> tuple[Letter, li.LetterInputs]:
    inputs = letter_inputs(ws, inspection_id, today)
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
    result = check(
        letter,
        sensitive_details(ws, inspection_id),
        kept,
        structural_warnings(letter, inputs),
        extra=every_page,
    )
    return Draft(letter, result)


def export_letter(
    ws: Workspace,
    inspection_id: str,
    target: Path | str,
    *,
    internal: bool = False,
    template: Path | str | None = None,
    extra_overrides: Iterable[Override] = (),
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ExportOutcome:
    """Check, then write the letter to ``target`` atomically and record it in the audit log.

    Nothing is written while the gate has a hit that is not overridden. The audit entry is
    written before the file appears (see ``letter_file``). Safe to run off the UI thread with
    its own workspace (``AppContext.worker_workspace``).
    """
    target = Path(target)
    progress = progress or (lambda done, total, label: None)
    is_cancelled = is_cancelled or (lambda: False)
    progress(0, 4, "Checking the letter for identifying details")
    draft = check_letter(ws, inspection_id, internal, extra_overrides, today, template)
    if draft.result.blocked:
        return ExportOutcome("blocked", target, draft.result)
    from ..report import docx_writer  # python-docx loads only when a letter is written

    try:
        data = docx_writer.render(
            draft.letter, template, _sub_progress(progress, 1, 4, "Writing"), is_cancelled
        )
        progress(3, 4, "Saving")
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
    progress(4, 4, "Done")
    return ExportOutcome("written", target, draft.result, len(data))


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
