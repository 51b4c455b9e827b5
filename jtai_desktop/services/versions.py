"""Versions of the letter: each export for quality assurance or for the area is kept as a
record (what was in it, when, by whom, a hash of the file), and two versions are compared
section by section.

A version holds the letter's sections as text (headings and paragraphs) and the findings as
they stood, so a later comparison shows what changed in the letter and which findings were
edited since, even when the findings themselves have moved on.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from datetime import date

from ..domain.errors import NotFoundError
from ..report import inputs as li
from ..report.letter import Letter, Paragraph, Table
from .changes import ChangeSet
from .workspace import Workspace

PURPOSES = {
    "qa": "Draft for quality assurance",
    "area": "For the area's factual-accuracy check",
    "internal": "Internal draft",
    "responses": "Responses to the factual-accuracy check",
}
CURRENT = "current"  # compare with the letter as it is now
VERSION_PREFIX = "jtai-letter-version:"  # + the version's id, in the file's identifier property


@dataclass(frozen=True)
class SectionChange:
    key: str
    heading: str
    status: str  # "same" | "changed" | "added" | "removed"
    lines: tuple[str, ...] = ()  # unified diff lines ("- old", "+ new", "  same")


@dataclass(frozen=True)
class FindingChange:
    id: str
    title: str
    status: str  # "edited" | "added" | "removed"
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Comparison:
    older: str  # "version 2" / "the letter now"
    newer: str
    sections: tuple[SectionChange, ...]
    findings: tuple[FindingChange, ...]

    @property
    def changed_sections(self) -> list[SectionChange]:
        return [s for s in self.sections if s.status != "same"]


def snapshot(letter: Letter, inputs: li.LetterInputs) -> tuple[list, dict]:
    """The letter's sections as text, and every finding as it stands. The internal draft's
    annexes are derived from the records (counts, the evidence index), not written: they are
    left out, so a version stays the size of a letter."""
    sections = [
        {"key": s.key, "heading": s.heading, "paragraphs": [_block_text(b) for b in s.blocks]}
        for s in letter.sections
        if s.key not in li.ANNEXES
    ]
    findings = {f.id: {"kind": f.kind, "title": f.title, "text": f.text} for f in inputs.findings}
    return sections, findings


def _block_text(block) -> str:
    if isinstance(block, Paragraph):
        return f"{block.lead}{block.text}"
    if isinstance(block, Table):
        rows = [" | ".join(block.header), *(" | ".join(r) for r in block.rows)]
        return "\n".join(rows)
    return f"[Figure: {block.caption}]"


def record_version(
    ws: Workspace,
    inspection_id: str,
    version_id: str,
    purpose: str,
    file_name: str,
    data: bytes,
    letter: Letter,
    inputs: li.LetterInputs,
) -> ChangeSet:
    sections, findings = snapshot(letter, inputs)
    last = ws.db.execute(
        "SELECT MAX(number) FROM letter_versions WHERE inspection_id = ?", (inspection_id,)
    ).fetchone()[0]
    number = (last or 0) + 1
    return ws.create(
        "letter_version",
        inspection_id,
        {
            "number": number,
            "purpose": purpose,
            "file_name": file_name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "letter_date": inputs.letter_date,
            "sections": sections,
            "findings": findings,
        },
        entity_id=version_id,
        label=f"Keep version {number} of the letter",
    )


def versions(ws: Workspace, inspection_id: str) -> list[dict]:
    """Every kept version, oldest first, with who made it (a team member's name)."""
    names = {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}
    rows = ws.rows("letter_version", inspection_id, order_by="number")
    return [{**r, "by": names.get(r["created_by"], "")} for r in rows]


def latest_version(
    ws: Workspace, inspection_id: str, purposes: tuple[str, ...] = tuple(PURPOSES)
) -> dict | None:
    found = [v for v in versions(ws, inspection_id) if v["purpose"] in purposes]
    return found[-1] if found else None


def find_version(ws: Workspace, inspection_id: str, reference: str) -> dict:
    """A version by its number, its id or the start of its id. A number wins over an id that
    happens to start with the same digits; a prefix must name one version only."""
    rows = versions(ws, inspection_id)
    reference = str(reference)
    by_number = [row for row in rows if str(row["number"]) == reference]
    if by_number:
        return by_number[0]
    by_prefix = [row for row in rows if row["id"].startswith(reference)]
    if len(by_prefix) == 1:
        return by_prefix[0]
    if by_prefix:
        raise NotFoundError(
            f"'{reference}' starts the ids of {len(by_prefix)} versions; give more of the id "
            "or the version's number."
        )
    raise NotFoundError(f"The letter has no version {reference}. 'versions INSPECTION' lists them.")


def compare(ws: Workspace, inspection_id: str, older: str, newer: str = CURRENT) -> Comparison:
    """Section by section, and finding by finding, what changed from ``older`` to ``newer``
    (a version's number or id, or ``current`` for the letter as it is now)."""
    before, before_name = _state(ws, inspection_id, older)
    after, after_name = _state(ws, inspection_id, newer)
    return Comparison(
        before_name,
        after_name,
        tuple(_section_changes(before[0], after[0])),
        tuple(_finding_changes(before[1], after[1])),
    )


def since_last_qa(ws: Workspace, inspection_id: str) -> Comparison | None:
    """What changed since the last version sent for quality assurance (None: none yet)."""
    last = latest_version(ws, inspection_id, purposes=("qa", "internal"))
    return compare(ws, inspection_id, last["id"]) if last else None


def _state(ws, inspection_id, reference: str) -> tuple[tuple[list, dict], str]:
    if reference == CURRENT:
        from .report import build_letter

        letter, inputs = build_letter(ws, inspection_id, today=date.today())
        return snapshot(letter, inputs), "the letter now"
    row = find_version(ws, inspection_id, reference)
    return (row["sections"] or [], row["findings"] or {}), f"version {row['number']}"


def _section_changes(before: list, after: list) -> list[SectionChange]:
    old = {s["key"]: s for s in before}
    new = {s["key"]: s for s in after}
    keys = [s["key"] for s in after] + [k for k in old if k not in new]
    changes = []
    for key in keys:
        a, b = old.get(key), new.get(key)
        either = b if b is not None else a  # one of them holds the key
        heading = (either or {}).get("heading") or li.DEFAULT_HEADINGS.get(key, key)
        if a is None:
            changes.append(SectionChange(key, heading, "added", _lines([], b)))
        elif b is None:
            changes.append(SectionChange(key, heading, "removed", _lines(a, [])))
        elif _texts(a) == _texts(b):
            changes.append(SectionChange(key, heading, "same"))
        else:
            changes.append(SectionChange(key, heading, "changed", _lines(a, b)))
    return changes


def _texts(section) -> list[str]:
    if not section:
        return []
    return [section["heading"], *section["paragraphs"]]


def _lines(a, b) -> tuple[str, ...]:
    diff = difflib.ndiff(_texts(a), _texts(b))
    return tuple(line for line in diff if not line.startswith("?"))


def _finding_changes(before: dict, after: dict) -> list[FindingChange]:
    changes = []
    for fid, now in after.items():
        was = before.get(fid)
        if was is None:
            changes.append(FindingChange(fid, now["title"], "added", after=now["text"]))
        elif (was["title"], was["text"], was["kind"]) != (now["title"], now["text"], now["kind"]):
            changes.append(FindingChange(fid, now["title"], "edited", was["text"], now["text"]))
    for fid, was in before.items():
        if fid not in after:
            changes.append(FindingChange(fid, was["title"], "removed", before=was["text"]))
    return changes
