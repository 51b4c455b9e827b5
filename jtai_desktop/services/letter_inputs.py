"""What the letter is made from, read from the inspection: its area, dates and theme, the
organisations in the letter's order, the findings with their citations, the tracked children,
the case reviews and the evidence index (the last two only for the internal draft's annexes)."""

from __future__ import annotations

from datetime import date

from ..domain.errors import ValidationError
from ..domain.organisations import organisation_order
from ..domain.records import LinkTarget, Selection
from ..domain.rules import parse_evidence_ref
from ..domain.themes import INSPECTORATES, PER_CHILD
from ..report import inputs as li
from .findings import findings_in_order
from .inspections import inspection_dates, theme_pack
from .workspace import Workspace


def letter_inputs(
    ws: Workspace, inspection_id: str, today: date | None = None, annexes: bool = True
) -> li.LetterInputs:
    """What the letter is made from. ``annexes`` False leaves out the case reviews and the
    evidence index, which only the internal draft's annexes use."""
    row = ws.require("inspection", inspection_id)
    pack = theme_pack(ws, inspection_id)
    dates = inspection_dates(ws, inspection_id)
    return li.LetterInputs(
        area=row["area"],
        theme_title=pack.title,
        inspectorates=tuple(INSPECTORATES.get(i, i) for i in row["inspectorates"] or ()),
        fieldwork=(dates.fieldwork_start, dates.fieldwork_end),
        drafted_on=today or date.today(),
        agencies=tuple(_agencies(ws, inspection_id)),
        findings=tuple(_findings(ws, inspection_id)),
        children=tuple(_children(ws, inspection_id)),
        reviews=tuple(_reviews(ws, inspection_id)) if annexes else (),
        criteria=tuple(
            li.CriterionInfo(c.id, c.title, c.agencies, pack.judged(c.id) == PER_CHILD)
            for c in pack.criteria
        ),
        evidence=tuple(_evidence(ws, inspection_id)) if annexes else (),
        theme_id=pack.id,
        theme_kind=pack.kind,
        inspectorate_ids=tuple(row["inspectorates"] or ()),
        settings=letter_settings(ws, inspection_id),
    )


def letter_settings(ws: Workspace, inspection_id: str) -> li.LetterSettings:
    from .letter import settings_of  # the letter's own settings record

    return settings_of(ws, inspection_id)


def _evidence(ws: Workspace, inspection_id: str) -> list[li.EvidenceInfo]:
    rows = sorted(ws.rows("evidence", inspection_id), key=lambda e: _ref_order(e["ref"]))
    return [
        li.EvidenceInfo(e["ref"] or "", e["title"] or "", e["source"] or "", e["sha256"] or "")
        for e in rows
    ]


def _ref_order(ref: str | None) -> tuple[int, str]:
    """E-1002 before E-10001: by number, not as text."""
    try:
        return (parse_evidence_ref(ref or ""), "")
    except ValidationError:
        return (1 << 62, ref or "")


def _agencies(ws: Workspace, inspection_id: str) -> list[li.AgencyInfo]:
    """Organisations in the letter's order: by kind, the one addressed for its kind first."""
    rows = sorted(ws.rows("agency", inspection_id), key=lambda a: (organisation_order(a), a["id"]))
    return [
        li.AgencyInfo(
            a["id"], a["name"] or "", a["kind"], bool(a["in_scope"]), a.get("service_type")
        )
        for a in rows
    ]


def _findings(ws: Workspace, inspection_id: str) -> list[li.FindingInfo]:
    cited: dict[str, int] = {}
    # A link to deleted evidence is not a citation: the finding would look supported.
    for link in ws.rows(
        "link",
        inspection_id,
        "target_kind = ? AND evidence_id IN (SELECT id FROM evidence)",
        (LinkTarget.FINDING.value,),
    ):
        cited[link["target_id"]] = cited.get(link["target_id"], 0) + 1
    return [
        li.FindingInfo(
            f["id"],
            f["kind"],
            f["title"] or "",
            f["text"] or "",
            tuple(f["agencies"] or ()),
            cited.get(f["id"], 0),
        )
        for f in findings_in_order(ws, inspection_id)
    ]


def _children(ws: Workspace, inspection_id: str) -> list[li.ChildInfo]:
    rows = sorted(
        ws.rows("child", inspection_id),
        key=lambda c: (len(c["pseudonym"] or ""), c["pseudonym"] or "", c["id"]),
    )
    return [
        li.ChildInfo(
            c["id"], c["pseudonym"], c["age_band"], c["selection"] == Selection.TRACKED.value
        )
        for c in rows
    ]


def _reviews(ws: Workspace, inspection_id: str) -> list[li.ReviewInfo]:
    return [
        li.ReviewInfo(
            r["id"],
            r["child_id"],
            r["agency_id"],
            r["criterion_id"],
            r["observation"] or "",
            bool(r["strength"]),
            bool(r["concern"]),
        )
        for r in ws.rows("review", inspection_id, order_by="child_id, criterion_id, agency_id")
    ]
