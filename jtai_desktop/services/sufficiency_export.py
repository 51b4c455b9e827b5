"""The sufficiency view as a one-page Word table for the team's evening meeting.

Internal to the team, and it says so at the top: it never goes into the letter. It holds
criteria, organisations and counts only (no passage, no child), and the written file passes
the same final-file gate as the letter before it is renamed into place.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ..domain.errors import ValidationError
from ..files import write_atomically
from ..report.final_gate import check_package
from .report import cached_details
from .sufficiency import Sufficiency, sufficiency
from .triangulation import evidence_rule, findings_below_rule
from .workspace import Workspace

INTERNAL = (
    "Internal: for the inspection team's evening meeting. Not for the area and never part "
    "of the letter."
)


def sufficiency_docx(ws: Workspace, inspection_id: str, report: Sufficiency | None = None) -> bytes:
    from docx import Document  # python-docx loads only when a file is written

    report = report or sufficiency(ws, inspection_id)
    inspection = ws.require("inspection", inspection_id)
    document = Document()
    document.add_paragraph(INTERNAL).runs[0].bold = True
    document.add_heading(f"Where the evidence is thin: {inspection['area']}", level=1)
    unheard = ", ".join(c["id"] for c in report.criteria_without_child_or_family) or "none"
    document.add_paragraph(f"Criteria with no child or family voice: {unheard}.")
    quiet = ", ".join(o["name"] for o in report.organisations_not_heard) or "none"
    document.add_paragraph(f"Organisations not yet heard in a meeting or interview: {quiet}.")
    rule = evidence_rule(ws, inspection_id)
    below = findings_below_rule(ws, inspection_id)
    document.add_paragraph(f"Findings below the rule ({rule.describe()}): {len(below)}.")
    rows = [
        (c, ", ".join(none) or "-", ", ".join(one) or "-") for c, none, one in report.by_criterion()
    ]
    _table(document, ("Criterion", "No source yet", "One source only"), rows)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, headings: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings):
        cell.text = text
    for row in rows:  # each row filled through its own cells, which stays linear
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def export_sufficiency(ws: Workspace, inspection_id: str, target: Path) -> Path:
    """Write the table to ``target`` after the final-file gate passed it; a hit refuses the
    export with what was found and nothing is written."""
    data = sufficiency_docx(ws, inspection_id)
    hits = check_package(data, cached_details(ws, inspection_id))
    if hits:
        kinds = ", ".join(sorted({h.kind.replace("_", " ") for h in hits}))
        raise ValidationError(  # the words matched stay out of the message: they may identify
            f"The sufficiency table was not written: the identifying-details check found "
            f"{len(hits)} possible detail(s) ({kinds}) in the names it lists. Check the "
            "organisations' names on the overview and export again."
        )
    target = Path(target)
    write_atomically(target, data)
    return target
