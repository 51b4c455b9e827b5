"""The factual-accuracy round trip: the area returns the letter with comments and tracked
changes; each becomes an item anchored to its section and paragraph, which the lead accepts
(and edits the letter), rejects with a reason, or answers with a query. Every decision is an op
with the lead's name on it, so it travels to the team; the responses go back to the area as a
table, checked by the final-file gate like any export.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import ValidationError
from ..domain.rules import require_text
from ..report import inputs as li
from ..report.gate import GateResult, check
from ..report.letter import Letter, Section, Table
from ..report.returned import read_returned
from .changes import ChangeSet, combined
from .ids import derived_id
from .versions import PURPOSES, VERSION_PREFIX, find_version, latest_version
from .workspace import Workspace

if TYPE_CHECKING:
    from .report import ExportOutcome

OPEN, ACCEPTED, REJECTED, QUERIED = "open", "accepted", "rejected", "queried"
STATUSES = {
    OPEN: "Open",
    ACCEPTED: "Accepted",
    REJECTED: "Rejected",
    QUERIED: "Queried",
}


@dataclass(frozen=True)
class ImportOutcome:
    version_number: int
    added: int
    already: int  # items a previous import of the same file already holds
    changes: ChangeSet  # the items added, as one edit (the desktop can undo the import)


@dataclass(frozen=True)
class AccuracyItem:
    id: str
    kind: str
    section: str
    heading: str
    paragraph: int
    quoted: str
    comment: str
    author: str
    status: str
    response: str
    decided_by: str
    version: int


def import_returned(ws: Workspace, inspection_id: str, path: Path | str) -> ImportOutcome:
    """Read every comment and tracked change of the returned file into the inspection, as
    one edit (``ImportOutcome.changes``)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read {path.name}: {error.strerror or error}.") from None
    returned = read_returned(data, path.name)
    version = _version_for(ws, inspection_id, returned.version_id)
    headings = {s["key"]: s["heading"] for s in version["sections"] or ()}
    added: list[ChangeSet] = []
    already = 0
    with ws.transaction():
        for item in returned.items:
            item_id = derived_id("accuracy", inspection_id, version["id"], item.ref)
            if ws.get("accuracy_item", item_id) is not None:
                already += 1
                continue
            created = ws.upsert(
                "accuracy_item",
                inspection_id,
                item_id,
                {
                    "version_id": version["id"],
                    "kind": item.kind,
                    "section": item.section,
                    "heading": headings.get(item.section)
                    or li.DEFAULT_HEADINGS.get(item.section, ""),
                    "paragraph": item.paragraph,
                    "quoted": item.quoted,
                    "comment": item.comment,
                    "author": item.author,
                    "status": OPEN,
                    "response": "",
                },
                label="Import a factual-accuracy comment",
            )
            added.append(created)
    changes = combined("Import the area's factual-accuracy comments", added)
    return ImportOutcome(version["number"], len(added), already, changes)


def _version_for(ws: Workspace, inspection_id: str, version_id: str) -> dict:
    if version_id:
        if ws.get("letter_version", version_id) is None:
            raise ValidationError(
                "This file was exported from another inspection (or from a version this "
                "data folder has not received yet): sync with the team, or import it into "
                "the inspection it came from."
            )
        return find_version(ws, inspection_id, version_id)
    found = latest_version(ws, inspection_id, purposes=("area",))
    if found is None:
        raise ValidationError(
            "No version of the letter was exported for the area yet, so the comments cannot "
            "be matched to one. Export it with export-report --for-area first."
        )
    return found


def items(ws: Workspace, inspection_id: str) -> list[AccuracyItem]:
    names = {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}
    numbers = {v["id"]: v["number"] for v in ws.rows("letter_version", inspection_id)}
    order = {key: n for n, key in enumerate(li.DEFAULT_HEADINGS)}
    rows = ws.rows("accuracy_item", inspection_id)
    rows.sort(
        key=lambda r: (
            numbers.get(r["version_id"], 0),
            order.get(r["section"], 99),
            r["paragraph"] or 0,
            r["id"],
        )
    )
    return [
        AccuracyItem(
            r["id"],
            r["kind"],
            r["section"],
            r["heading"] or "",
            r["paragraph"] or 0,
            r["quoted"] or "",
            r["comment"] or "",
            r["author"] or "",
            r["status"] or OPEN,
            r["response"] or "",
            names.get(r["updated_by"], "") if (r["status"] or OPEN) != OPEN else "",
            numbers.get(r["version_id"], 0),
        )
        for r in rows
    ]


def find_item(ws: Workspace, inspection_id: str, reference: str) -> AccuracyItem:
    found = [i for i in items(ws, inspection_id) if i.id.startswith(reference)]
    if len(found) != 1:
        what = "No" if not found else "More than one"
        raise ValidationError(
            f"{what} factual-accuracy item starts with {reference!r}: 'accuracy list' shows "
            "their ids."
        )
    return found[0]


def decide(ws: Workspace, item_id: str, status: str, response: str = "") -> ChangeSet:
    """Accept (the lead edits the letter), reject with a reason, or query the area."""
    if status not in STATUSES or status == OPEN:
        raise ValidationError("Decide with accept, reject or query.")
    if status in (REJECTED, QUERIED):
        what = "The reason for rejecting it" if status == REJECTED else "The question for the area"
        response = require_text(response, what)
    ws.require("accuracy_item", item_id)
    return ws.update(
        "accuracy_item",
        item_id,
        {"status": status, "response": response.strip()},
        label=f"Factual accuracy: {STATUSES[status].lower()}",
    )


def responses_table(found: list[AccuracyItem]) -> Table:
    """The lead's responses for the area: where, what the area said, and the answer."""
    rows = tuple(
        (
            _where(item),
            item.comment + (f" (on \u201c{item.quoted}\u201d)" if item.quoted else ""),
            STATUSES[item.status],
            item.response,
        )
        for item in found
    )
    return Table(
        ("Where in the letter", "The area's comment", "Response", "Reason or question"),
        rows,
        (3.6, 6.4, 2.2, 4.8),
        "Responses to the factual-accuracy comments",
    )


def _where(item: AccuracyItem) -> str:
    heading = item.heading or "Before the first section"
    return (
        f"{heading}, heading" if item.paragraph == 0 else f"{heading}, paragraph {item.paragraph}"
    )


def export_responses(ws: Workspace, inspection_id: str, target: Path | str) -> ExportOutcome:
    """The responses as a Word table for the area, checked like the letter (composed text
    and the written file), written atomically and kept as a version."""
    from ..report import docx_writer
    from ..report.final_gate import check_package
    from .identifiers import sensitive_details
    from .letter_file import write_letter
    from .report import ExportOutcome, letter_inputs
    from .versions import record_version

    target = Path(target)
    inputs = letter_inputs(ws, inspection_id)
    title = f"Factual-accuracy check: responses for {inputs.area}"
    letter = Letter(
        title,
        (Section("responses", title, 0, (responses_table(items(ws, inspection_id)),)),),
        subject=title,
    )
    details = sensitive_details(ws, inspection_id)
    result = check(letter, details)
    if result.blocked:
        return ExportOutcome("blocked", target, result)
    version_id = ws.new_id()
    identifier = f"{VERSION_PREFIX}{version_id}"
    data = docx_writer.render(letter, identifier=identifier, status=PURPOSES["responses"])
    in_file = check_package(data, details, (), {p.text for p in letter.pieces()} | {identifier})
    if in_file:
        return ExportOutcome("blocked", target, GateResult(tuple(in_file), ()))
    write_letter(
        ws,
        inspection_id,
        target,
        data,
        lambda: False,
        lambda: _audit(ws, inspection_id, target, len(data)),
    )
    record_version(ws, inspection_id, version_id, "responses", target.name, data, letter, inputs)
    return ExportOutcome("written", target, result, len(data), version_id)


def _audit(ws: Workspace, inspection_id: str, target: Path, size: int) -> None:
    from datetime import UTC, datetime

    from ..store import audit

    audit.record(
        ws.db,
        "export",
        inspection_id,
        ws.author_for(inspection_id),
        ws.device_id,
        {
            "what": "factual-accuracy responses",
            "file": target.name,
            "bytes": size,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )
