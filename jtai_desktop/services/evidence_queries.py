"""Reads and the few edits the evidence page needs beyond ``services.evidence``. No Qt."""

from __future__ import annotations

from collections import Counter

from ..domain.errors import ValidationError
from ..domain.records import EvidenceSource
from ..domain.rules import require_choice, require_text
from .changes import ChangeSet
from .evidence import links_from
from .findings import findings_in_order
from .notes_queries import Choice, agency_choices, child_choices, criterion_choices
from .workspace import Workspace

EDITABLE = ("title", "source", "date", "description")
LINK_KINDS = ("child", "agency", "criterion", "finding")


def evidence_list(ws: Workspace, inspection_id: str) -> list[dict]:
    """Every evidence item by reference, each with ``links``: how many records it supports."""
    counts = Counter(link["evidence_id"] for link in ws.rows("link", inspection_id))
    rows = ws.rows("evidence", inspection_id, order_by="ref")
    return [{**row, "links": counts.get(row["id"], 0)} for row in rows]


def linked_ids(ws: Workspace, evidence_id: str) -> dict[str, set[str]]:
    """The ids an item is linked to, by target kind."""
    found: dict[str, set[str]] = {kind: set() for kind in LINK_KINDS}
    for link in links_from(ws, evidence_id):
        found.setdefault(link["target_kind"], set()).add(link["target_id"])
    return found


def link_choices(ws: Workspace, inspection_id: str) -> dict[str, list[Choice]]:
    """What an evidence item can be linked to, by target kind."""
    findings = [(f["id"], f["title"]) for f in findings_in_order(ws, inspection_id)]
    return {
        "child": child_choices(ws, inspection_id),
        "agency": agency_choices(ws, inspection_id),
        "criterion": criterion_choices(ws, inspection_id),
        "finding": findings,
    }


def update_evidence(ws: Workspace, evidence_id: str, **values) -> ChangeSet:
    """Edit what the inspector says about an item; its file, hash and reference never change."""
    fixed = set(values) - set(EDITABLE)
    if fixed:
        raise ValidationError(f"These cannot be changed on evidence: {', '.join(sorted(fixed))}.")
    if "title" in values:
        values["title"] = require_text(values["title"], "The evidence title")
    if "source" in values:
        require_choice(values["source"], EvidenceSource.values(), "The source of the evidence")
    row = ws.require("evidence", evidence_id)
    return ws.update("evidence", evidence_id, values, label=f"Edit evidence {row['ref']}")


def delete_evidence(ws: Workspace, evidence_id: str) -> ChangeSet:
    """Delete an item and its links as one undoable edit (its file stays until purge)."""
    row = ws.require("evidence", evidence_id)
    links = links_from(ws, evidence_id)
    with ws.db.atomic():
        changes = ws.delete("evidence", evidence_id, label=f"Delete evidence {row['ref']}")
        for link in links:
            changes += ws.delete("link", link["id"])
    return changes


def text_preview(ws: Workspace, sha256: str, limit: int = 20_000) -> str:
    """The start of a text file, decoded leniently; only as much is decrypted as is shown."""
    head = b""
    for chunk in ws.blobs.chunks(sha256):
        head += chunk
        if len(head) >= limit:
            break
    head = head[:limit]
    # The import gate accepts text only as UTF-8 or UTF-16 (with its byte-order mark).
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head[: len(head) // 2 * 2].decode("utf-16", "replace")
    return head.decode("utf-8-sig", "replace")
