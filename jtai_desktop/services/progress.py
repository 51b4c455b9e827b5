"""Where an inspection stands: what the navigator says beside each section (the day of the
inspection is ``domain.calendar.stage_on``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .children import children_overview
from .findings import finding_summaries
from .inspections import inspection_counts
from .notes import notes_list
from .workspace import Workspace

WEEK = 7


@dataclass(frozen=True)
class Progress:
    """Counts per section, for the navigator (the pages' keys)."""

    children: int
    children_reviewed: int  # every criterion of every involved agency written
    notes: int
    notes_this_week: int  # dated within the last seven days
    evidence: int
    findings: int
    findings_without_evidence: int
    conflicts: int


def inspection_progress(ws: Workspace, inspection_id: str, today: date) -> Progress:
    children = children_overview(ws, inspection_id)
    notes = notes_list(ws, inspection_id)
    week_start = (today - timedelta(days=WEEK - 1)).isoformat()
    findings = finding_summaries(ws, inspection_id)
    counts = inspection_counts(ws, inspection_id, with_ops=False)
    return Progress(
        children=len(children),
        children_reviewed=sum(child.state == "complete" for child in children),
        notes=len(notes),
        notes_this_week=sum(week_start <= (n["date"] or "") <= today.isoformat() for n in notes),
        evidence=counts.get("evidence", 0),
        findings=len(findings),
        findings_without_evidence=sum(f.cited == 0 for f in findings),
        conflicts=counts.get("conflicts", 0),
    )
