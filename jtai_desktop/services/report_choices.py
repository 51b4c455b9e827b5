"""The lead's choices for the letter: section headings and texts, which findings or case
reviews go in a section and in what order, and the gate's overrides. They are kept in the
inspection as ``report_entry`` records, so they travel to the team like any other work and
every change is an op that can be undone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.errors import ValidationError
from ..domain.record_types import ReportEntryRow
from ..domain.rules import require_text
from ..report import inputs as li
from ..report.compose import section_specs
from ..report.gate import Hit, Override
from ..report.letter_format import load_formats
from .changes import ChangeSet
from .ids import derived_id
from .letter_inputs import letter_inputs
from .workspace import Workspace

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


# --- sections --------------------------------------------------------------------------------
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


def _item_labels(inputs: li.LetterInputs) -> dict[str, str]:
    labels = {f.id: f"{li.KIND_LABELS.get(f.kind, f.kind)}: {f.title}" for f in inputs.findings}
    for child in inputs.children:
        band = f", age band {child.age_band}" if child.age_band else ""
        labels[child.id] = f"{child.pseudonym}'s journey (tracked{band})"
    return labels


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
