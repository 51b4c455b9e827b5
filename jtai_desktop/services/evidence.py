"""Evidence: files kept by content hash, team-unique references, and links to what they support."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import ValidationError
from ..domain.records import EvidenceSource, LinkTarget
from ..domain.rules import evidence_ref, parse_evidence_ref, require_choice, require_text
from ..store import oplog
from .changes import ChangeSet
from .ids import link_id
from .safe_import import ImportLimits, check_bytes, check_file
from .workspace import Workspace

DEFAULT_LIMITS = ImportLimits()


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
        from .inspections import theme_pack

        theme_pack(ws, inspection_id).criterion(target_id)
        return
    row = ws.get(kind, target_id)
    if row is None or row["inspection_id"] != inspection_id:
        raise ValidationError(f"Evidence can only be linked to a {kind} of the same inspection.")


def links_from(ws: Workspace, evidence_id: str) -> list[dict]:
    evidence = ws.require("evidence", evidence_id)
    return ws.rows(
        "link",
        evidence["inspection_id"],
        "evidence_id = ?",
        (evidence_id,),
        order_by="target_kind, target_id",
    )


def evidence_for(ws: Workspace, inspection_id: str, target_kind: str, target_id: str) -> list[dict]:
    """Evidence items linked to one target, by reference."""
    linked = ws.rows(
        "link", inspection_id, "target_kind = ? AND target_id = ?", (target_kind, target_id)
    )
    items = [ws.get("evidence", link["evidence_id"]) for link in linked]
    return sorted((i for i in items if i is not None), key=lambda i: i["ref"])


def find_by_ref(ws: Workspace, inspection_id: str, ref: str) -> dict:
    rows = ws.rows("evidence", inspection_id, "ref = ?", (ref,))
    if not rows:
        raise ValidationError(f"No evidence {ref} in this inspection.")
    return rows[0]
