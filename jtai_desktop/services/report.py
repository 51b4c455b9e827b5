"""The draft letter: the lead's choices for it, the identifying-details gate, and the export.

The lead's choices (section headings and texts, which findings or case reviews go in a
section and in what order) and the gate's overrides are kept in the inspection as
``report_entry`` records (``report_choices``); what the letter is made from is read by
``letter_inputs``. A report screen drives everything through these functions:

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
from ..report import ExportCancelled
from ..report import inputs as li
from ..report.compose import compose
from ..report.details import SensitiveDetails
from ..report.gate import EMAIL, GateResult, Override, check
from ..report.letter import Letter, TextPiece
from ..report.letter_checks import structural_warnings
from ..report.letter_format import load_formats
from ..store import audit, oplog
from .identifiers import sensitive_details
from .letter_file import write_letter
from .letter_inputs import letter_inputs, letter_settings
from .report_choices import (
    ItemOption,
    SectionInfo,
    add_override,
    letter_choices,
    overrides,
    remove_override,
    section_keys,
    section_options,
    sections,
    set_section,
)
from .versions import PURPOSES, VERSION_PREFIX, record_version
from .workspace import Workspace

# The report screen's interface, whichever module of the letter's does the work.
__all__ = [
    "Draft",
    "ExportOutcome",
    "ItemOption",
    "SectionInfo",
    "add_override",
    "below_rule_warnings",
    "build_letter",
    "cached_details",
    "check_letter",
    "export_letter",
    "letter_choices",
    "letter_inputs",
    "letter_settings",
    "overrides",
    "preview",
    "public_words",
    "remove_override",
    "section_keys",
    "section_options",
    "sections",
    "set_section",
]

Progress = Callable[[int, int, str], None]


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


# --- the letter and its gate --------------------------------------------------------------------
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


# --- the export ------------------------------------------------------------------------------
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
