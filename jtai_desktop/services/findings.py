"""Findings: strengths, areas for improvement and priority actions, each citing evidence; and
the findings list, summarised in a few queries rather than one per row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..domain.record_types import EvidenceRow, FindingRow, LinkRow
from ..domain.records import LinkTarget
from ..domain.rules import check_cited_evidence, check_finding, finding_order, require_text
from ..store import records
from .changes import ChangeSet, combined
from .evidence import evidence_for, link, unlink
from .workspace import Workspace


def add_finding(
    ws: Workspace,
    inspection_id: str,
    *,
    kind: str,
    title: str,
    text: str,
    agencies: list[str],
    evidence_ids: Sequence[str] = (),
) -> ChangeSet:
    agency_ids = [a["id"] for a in ws.rows("agency", inspection_id)]
    check_finding(kind, agencies, agency_ids)
    cited = list(evidence_ids)
    check_cited_evidence(cited, records.existing_ids(ws.db, "evidence", cited))
    with ws.transaction():
        changes = ws.create(
            "finding",
            inspection_id,
            {
                "kind": kind,
                "title": require_text(title, "The finding's title"),
                "text": text or "",
                "agencies": list(agencies),
            },
            label="Add finding",
        )
        for evidence_id in cited:
            changes += link(ws, evidence_id, LinkTarget.FINDING.value, changes.entity_id)
    return changes


def update_finding(ws: Workspace, finding_id: str, **values) -> ChangeSet:
    row = ws.require("finding", finding_id)
    merged = {**row, **values}
    check_finding(
        merged["kind"],
        merged["agencies"] or [],
        [a["id"] for a in ws.rows("agency", row["inspection_id"])],
    )
    return ws.update("finding", finding_id, values, label="Edit finding")


def cite(ws: Workspace, finding_id: str, evidence_id: str) -> ChangeSet:
    ws.require("finding", finding_id)
    check_cited_evidence([evidence_id], records.existing_ids(ws.db, "evidence", [evidence_id]))
    return link(ws, evidence_id, LinkTarget.FINDING.value, finding_id)


def uncite(ws: Workspace, finding_id: str, evidence_id: str) -> ChangeSet:
    return unlink(ws, evidence_id, LinkTarget.FINDING.value, finding_id)


def cite_all(ws: Workspace, finding_id: str, evidence_ids: list[str]) -> ChangeSet:
    """Cite several items at once: one edit, undone at once."""
    with ws.transaction():
        return combined("Cite evidence", [cite(ws, finding_id, e) for e in evidence_ids])


def uncite_all(ws: Workspace, finding_id: str, evidence_ids: list[str]) -> ChangeSet:
    with ws.transaction():
        return combined("Remove citation", [uncite(ws, finding_id, e) for e in evidence_ids])


def cited_evidence(ws: Workspace, finding_id: str) -> list[EvidenceRow]:
    row = ws.require("finding", finding_id)
    return evidence_for(ws, row["inspection_id"], LinkTarget.FINDING.value, finding_id)


def findings_in_order(ws: Workspace, inspection_id: str) -> list[FindingRow]:
    """Priority actions first, then areas for improvement, then strengths."""
    return sorted(ws.rows("finding", inspection_id), key=finding_order)


def findings_without_evidence(ws: Workspace, inspection_id: str) -> list[FindingRow]:
    return [f for f in findings_in_order(ws, inspection_id) if not cited_evidence(ws, f["id"])]


@dataclass(frozen=True)
class FindingSummary:
    id: str
    kind: str
    title: str
    agencies: tuple[str, ...]
    cited: int  # evidence items cited that still exist
    short_of: str = ""  # what it lacks to meet the lead's rule ("" when it meets it)


def finding_summaries(ws: Workspace, inspection_id: str) -> list[FindingSummary]:
    """Every finding, priority actions first, with how much evidence it cites."""
    counts: dict[str, int] = {}
    for citation in _live_finding_links(ws, inspection_id):
        counts[citation["target_id"]] = counts.get(citation["target_id"], 0) + 1
    from .triangulation import findings_spread  # it reads findings in this module's order

    short_of = {
        s.finding["id"]: s.spread.shortfall(s.rule) for s in findings_spread(ws, inspection_id)
    }
    return [
        FindingSummary(
            f["id"],
            f["kind"],
            f["title"] or "",
            tuple(f["agencies"] or ()),
            counts.get(f["id"], 0),
            short_of.get(f["id"], ""),
        )
        for f in findings_in_order(ws, inspection_id)
    ]


def _live_finding_links(ws: Workspace, inspection_id: str) -> list[LinkRow]:
    # A link to deleted evidence is not a citation: the finding would otherwise look supported.
    return ws.rows(
        "link",
        inspection_id,
        "target_kind = ? AND evidence_id IN (SELECT id FROM evidence)",
        (LinkTarget.FINDING.value,),
        order_by="target_id",
    )
