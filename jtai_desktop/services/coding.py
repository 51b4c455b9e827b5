"""Coding passages: an inspector marks part of a note, a review's observation, an evidence
item's description or a front door sample's notes as evidence for a criterion, about one or
more organisations, as a strength or a concern, and optionally in a voice.

Each code is a record of its own with a random id, so two inspectors coding the same passage
make two codes and both survive a sync. Every edit returns the workspace's ChangeSet, which
the desktop's one undo command replays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.coding import CODED_FIELDS, MARKS, VOICES, Anchor, anchor
from ..domain.errors import ValidationError
from ..domain.record_types import CodeRow
from ..domain.rules import require_choice
from .changes import ChangeSet
from .inspections import theme_pack
from .workspace import Workspace

SOURCE_WORDS = {
    "note": "a note",
    "review": "a case review",
    "area_review": "an area review",
    "evidence": "an evidence item",
    "front_door_sample": "a front door sample",
}


def add_code(
    ws: Workspace,
    source_kind: str,
    source_id: str,
    *,
    start: int,
    end: int,
    criterion_id: str,
    agencies: list[str],
    mark: str,
    voice: str | None = None,
) -> ChangeSet:
    """Code the passage ``start:end`` of a record's text (its quote is taken from the text)."""
    source = _source(ws, source_kind, source_id)
    text = source_text(source_kind, source)
    if not 0 <= start < end <= len(text):
        raise ValidationError("Select the words to code first: the passage is empty.")
    if not text[start:end].strip():
        raise ValidationError("Select some words to code, not only spaces.")
    # A selection made word by word takes the space after the last word: leave it out.
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    quote = text[start:end]
    values = {
        "source_kind": source_kind,
        "source_id": source_id,
        "passage_start": start,
        "passage_end": end,
        "quote": quote,
        **_judgement(ws, source["inspection_id"], criterion_id, agencies, mark, voice),
    }
    return ws.create("code", source["inspection_id"], values, label="Code passage")


def update_code(ws: Workspace, code_id: str, **values) -> ChangeSet:
    """Change a code's criterion, organisations, mark or voice (not the passage it marks)."""
    row = ws.require("code", code_id)
    unknown = set(values) - {"criterion_id", "agencies", "mark", "voice"}
    if unknown:
        raise ValidationError(f"A code's {', '.join(sorted(unknown))} cannot be changed.")
    merged = {k: values.get(k, row[k]) for k in ("criterion_id", "agencies", "mark", "voice")}
    clean = _judgement(ws, row["inspection_id"], **merged)
    changed = {k: v for k, v in clean.items() if k in values}
    return ws.update("code", code_id, changed, label="Edit code")


def remove_code(ws: Workspace, code_id: str) -> ChangeSet:
    ws.require("code", code_id)
    return ws.delete("code", code_id, label="Remove code")


def _judgement(ws, inspection_id, criterion_id, agencies, mark, voice) -> dict:
    criterion = theme_pack(ws, inspection_id).criterion(criterion_id or "")
    agencies = list(dict.fromkeys(agencies or []))
    if not agencies:
        raise ValidationError("Choose at least one organisation the passage speaks of.")
    known = {a["id"] for a in ws.rows("agency", inspection_id)}
    if set(agencies) - known:
        raise ValidationError("A code can only name organisations of this inspection.")
    require_choice(mark, MARKS, "Whether the passage shows a strength or a concern")
    if voice:
        require_choice(voice, VOICES, "The voice a passage carries")
    return {
        "criterion_id": criterion.id,
        "agencies": agencies,
        "mark": mark,
        "voice": voice or None,
    }


def _source(ws: Workspace, source_kind: str, source_id: str) -> Mapping[str, Any]:
    if source_kind not in CODED_FIELDS:
        raise ValidationError(
            "Only notes, case reviews, area reviews, evidence descriptions and front door "
            f"samples can be coded, not {source_kind!r}."
        )
    return ws.require(source_kind, source_id)


def source_text(source_kind: str, row: Mapping[str, Any]) -> str:
    return row.get(CODED_FIELDS[source_kind]) or ""


# --- reads ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedCode:
    """A code with where its passage is in the text as it reads now."""

    row: Mapping[str, Any]
    anchor: Anchor

    @property
    def id(self) -> str:
        return self.row["id"]


def codes_of(ws: Workspace, source_kind: str, source_id: str) -> list[CodeRow]:
    source = _source(ws, source_kind, source_id)
    return ws.rows(
        "code",
        source["inspection_id"],
        "source_kind = ? AND source_id = ?",
        (source_kind, source_id),
        order_by="passage_start, created_at, id",
    )


def placed_codes(ws: Workspace, source_kind: str, source_id: str, text: str) -> list[PlacedCode]:
    """The record's codes, each anchored in ``text`` (the text as the editor shows it)."""
    placed = [PlacedCode(row, placed_in(text, row)) for row in codes_of(ws, source_kind, source_id)]
    return sorted(placed, key=lambda p: (p.anchor.start, p.anchor.end, p.row["created_at"]))


def placed_in(text: str, code: Mapping[str, Any]) -> Anchor:
    """Where one code's passage is in ``text`` now (a synced code may lack a field: it is
    then lost rather than placed wrongly)."""
    start, end = code["passage_start"] or 0, code["passage_end"] or 0
    return anchor(text, start, end, code["quote"] or "")
