"""The thematic report's draft in Word, through the letter's machinery: the report is composed
as a ``Letter``, every piece of its text is checked for identifying details, it is rendered
with the letter's template and writer, every text node of the rendered file is checked again
(the final-file gate), and only then is it put in place, with its audit entry first.

The workspace holds no child's record, so the check looks for what needs no list (names of
people, dates of birth, addresses and postcodes, official numbers, small counts...); the areas'
names and the organisations their letters named are public and let through.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..report.details import SensitiveDetails
from ..report.gate import Hit, check_pieces
from ..report.letter import Letter
from ..store import audit
from ..store import thematic as store
from .thematic import summary
from .workspace import Workspace

STATUS = "Thematic report: draft for quality assurance"


@dataclass(frozen=True)
class ThematicExport:
    status: str  # "written" | "blocked"
    path: Path
    hits: tuple[Hit, ...] = ()
    size: int = 0


def compose(ws: Workspace, today: date | None = None) -> tuple[Letter, SensitiveDetails]:
    from ..report.thematic_report import compose_report

    found = summary(ws)
    rows = store.extracts(ws.db)
    inspectorates = tuple(
        dict.fromkeys(i for r in rows for i in r["payload"].get("inspectorates", []))
    )
    allowed = {a.label for a in found.areas if a.named}
    for row in rows:
        allowed |= set(row["payload"].get("public_names", []))
        allowed.add(row["payload"]["area"]["name"])
    details = SensitiveDetails((), "", sorted(allowed))
    return compose_report(found, today or date.today(), inspectorates), details


def export_report(ws: Workspace, target: Path, today: date | None = None) -> ThematicExport:
    from ..report import docx_writer
    from ..report.final_gate import check_package
    from .letter_file import write_letter
    from .report import public_words

    target = Path(target)
    letter, details = compose(ws, today)
    pieces = list(letter.pieces())
    hits = [h for h in check_pieces(pieces, details) if (h.kind, h.match) not in public_words()]
    if hits:
        return ThematicExport("blocked", target, tuple(hits))
    data = docx_writer.render(letter, status=STATUS)
    in_file = check_package(data, details, public_words(), {p.text for p in pieces})
    if in_file:
        return ThematicExport("blocked", target, tuple(in_file))

    def record() -> None:
        audit.record(
            ws.db,
            "export",
            None,
            "",
            ws.device_id,
            {"what": "thematic report draft", "file": target.name, "bytes": len(data)},
        )

    write_letter(ws, None, target, data, lambda: False, record)
    return ThematicExport("written", target, (), len(data))
