"""Evidence: files kept by content hash, team-unique references, links to what they support,
and the reads of the evidence page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.record_types import EvidenceRow, LinkRow
from ..domain.records import EvidenceSource, LinkTarget
from ..domain.rules import (
    evidence_ref,
    finding_order,
    parse_evidence_ref,
    require_choice,
    require_text,
)
from ..store import oplog
from .changes import ChangeSet
from .children import child_choices
from .ids import link_id
from .inspections import Choice, agency_choices, criterion_choices, theme_pack
from .safe_import import ImportLimits, check_bytes, check_file
from .workspace import Workspace

DEFAULT_LIMITS = ImportLimits()
EDITABLE = ("title", "source", "date", "description")
LINK_KINDS = ("child", "agency", "criterion", "finding")


def add_evidence(
    ws: Workspace,
    inspection_id: str,
    *,
    title: str,
    source: str,
    date,
    path: Path | None = None,
    data: bytes | None = None,
    file_name: str | None = None,
    media_type: str | None = None,
    description: str | None = None,
    limits: ImportLimits = DEFAULT_LIMITS,
) -> ChangeSet:
    """Log an evidence item; a file (by path or bytes) is checked, hashed and kept encrypted.

    The file is refused before anything is stored if it is too large, lies about its type,
    or is a hostile archive or image (see ``safe_import``).
    """
    require_choice(source, EvidenceSource.values(), "The source of the evidence")
    values = {
        "title": require_text(title, "The evidence title"),
        "source": source,
        "date": date,
        "description": description,
        "media_type": media_type,
    }
    if values["media_type"] is None:
        del values["media_type"]
    if path is not None or data is not None:
        values.update(_store_file(ws, path, data, file_name, limits))
    values["ref"] = next_ref(ws, inspection_id)
    return ws.create("evidence", inspection_id, values, label=f"Add evidence {values['ref']}")


def _store_file(ws: Workspace, path, data, file_name, limits) -> dict:
    name = file_name or (Path(path).name if path is not None else "evidence")
    if path is not None:
        checked = check_file(Path(path), limits)
        sha, size = ws.blobs.put_file(Path(path))
    else:
        checked = check_bytes(data, name, limits)
        sha, size = ws.blobs.put_bytes(data)
    return {"sha256": sha, "size": size, "file_name": name, "media_type": checked.media_type}


def next_ref(ws: Workspace, inspection_id: str) -> str:
    """The next reference in the acting member's own block, never reusing a deleted one."""
    member = ws.require("member", ws.author_for(inspection_id))
    block = member["evidence_block"] or 1
    refs = oplog.field_values(ws.db, inspection_id, "evidence", "ref", author=member["id"])
    taken = {parse_evidence_ref(r) for r in refs}
    number = 1
    while _number(block, number) in taken:
        number += 1
    return evidence_ref(block, number)


def _number(block: int, n: int) -> int:
    return parse_evidence_ref(evidence_ref(block, n))


def link(ws: Workspace, evidence_id: str, target_kind: str, target_id: str) -> ChangeSet:
    evidence = ws.require("evidence", evidence_id)
    require_choice(target_kind, LinkTarget.values(), "What the evidence is linked to")
    _check_target(ws, evidence["inspection_id"], target_kind, target_id)
    values = {"evidence_id": evidence_id, "target_kind": target_kind, "target_id": target_id}
    return ws.upsert(
        "link",
        evidence["inspection_id"],
        link_id(evidence_id, target_kind, target_id),
        values,
        label=f"Link {evidence['ref']}",
    )


def unlink(ws: Workspace, evidence_id: str, target_kind: str, target_id: str) -> ChangeSet:
    return ws.delete(
        "link", link_id(evidence_id, target_kind, target_id), label="Remove evidence link"
    )


def _check_target(ws: Workspace, inspection_id: str, kind: str, target_id: str) -> None:
    if kind == LinkTarget.CRITERION.value:
        theme_pack(ws, inspection_id).criterion(target_id)
        return
    row = ws.get(kind, target_id)
    if row is None or row["inspection_id"] != inspection_id:
        raise ValidationError(f"Evidence can only be linked to a {kind} of the same inspection.")


def links_from(ws: Workspace, evidence_id: str) -> list[LinkRow]:
    evidence = ws.require("evidence", evidence_id)
    return ws.rows(
        "link",
        evidence["inspection_id"],
        "evidence_id = ?",
        (evidence_id,),
        order_by="target_kind, target_id",
    )


def evidence_for(
    ws: Workspace, inspection_id: str, target_kind: str, target_id: str
) -> list[EvidenceRow]:
    """Evidence items linked to one target, by reference."""
    linked = ws.rows(
        "link", inspection_id, "target_kind = ? AND target_id = ?", (target_kind, target_id)
    )
    items = [ws.get("evidence", link["evidence_id"]) for link in linked]
    return sorted((i for i in items if i is not None), key=lambda i: i["ref"])


def find_by_ref(ws: Workspace, inspection_id: str, ref: str) -> EvidenceRow:
    rows = ws.rows("evidence", inspection_id, "ref = ?", (ref,))
    if not rows:
        raise ValidationError(f"No evidence {ref} in this inspection.")
    return rows[0]


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
    with ws.transaction():
        changes = ws.delete("evidence", evidence_id, label=f"Delete evidence {row['ref']}")
        for link in links:
            changes += ws.delete("link", link["id"])
    return changes


# --- the evidence page ---------------------------------------------------------------------
def evidence_list(ws: Workspace, inspection_id: str) -> list[dict]:
    """Every evidence item by reference, each with ``links``: how many records it supports."""
    counts = Counter(link["evidence_id"] for link in ws.rows("link", inspection_id))
    rows = ws.rows("evidence", inspection_id, order_by="ref")
    return [{**row, "links": counts.get(row["id"], 0)} for row in rows]


def evidence_item(ws: Workspace, evidence_id: str) -> dict | None:
    """One item as ``evidence_list`` lists it (None once it is deleted): after an edit of one
    item, its line is read again rather than the whole list."""
    row = ws.get("evidence", evidence_id)
    return None if row is None else {**row, "links": len(links_from(ws, evidence_id))}


def linked_ids(ws: Workspace, evidence_id: str) -> dict[str, set[str]]:
    """The ids an item is linked to, by target kind."""
    found: dict[str, set[str]] = {kind: set() for kind in LINK_KINDS}
    for link in links_from(ws, evidence_id):
        found.setdefault(link["target_kind"], set()).add(link["target_id"])
    return found


def link_choices(ws: Workspace, inspection_id: str) -> dict[str, list[Choice]]:
    """What an evidence item can be linked to, by target kind."""
    findings = sorted(ws.rows("finding", inspection_id), key=finding_order)
    return {
        "child": child_choices(ws, inspection_id),
        "agency": agency_choices(ws, inspection_id),
        "criterion": criterion_choices(ws, inspection_id),
        "finding": [(f["id"], f["title"]) for f in findings],
    }


def evidence_choices(
    ws: Workspace, inspection_id: str, exclude: Collection[str] = ()
) -> list[Choice]:
    """Evidence items to cite or link ("E-1001  Title"), by reference, except ``exclude``."""
    rows = ws.rows("evidence", inspection_id, order_by="ref")
    return [(r["id"], f"{r['ref']}  {r['title']}") for r in rows if r["id"] not in exclude]


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
