"""The anonymised extract: what one published inspection gives the national thematic report.

An extract holds the pack and its version, the area (and, if the lead gives it, its region),
the dates, the published findings by kind and agency kind (with the criteria their evidence
speaks to), the evidence matrix counts by criterion and agency kind, the front door's
timeliness, and the published letter's text with its practice studies. It never holds a
pseudonym, a case reference, an evidence file, a note, a child's private details or a team
member's name: none of those is read here. Every count from 1 to 5 is left out (``None``:
"fewer than 6"), and every text passes the identifying-details check before anything is
written: a hit blocks the extract as it blocks the letter.

It is signed by the lead's device key (``sync.extract_file``), so a thematic workspace can
check where it came from and that nothing was changed on the way.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from ..domain.errors import JtaiError, ValidationError
from ..domain.record_types import LetterVersionRow
from ..domain.records import Selection
from ..domain.thematic_matrix import CODED_MEASURES, MEASURES
from ..report import inputs as li
from ..report.gate import CHILD_NAME, Hit, check_pieces
from ..report.letter import TextPiece
from ..store import audit
from ..store.database import write_transaction
from .extract_matrix import matrix_counts
from .inspections import inspection_dates, theme_pack
from .workspace import Workspace

SMALL_BELOW = 6  # counts from 1 to 5 are never written
LETTER_SECTIONS = (li.HEADLINE, li.PRIORITY, li.IMPROVE, li.STRENGTHS, li.MAIN)
STUDY_KINDS = {li.STUDY_GOOD: "highly_effective_practice", li.STUDY_IMPROVE: "area_for_improvement"}
SOURCE_PREFIX = "jtai-inspection/"


class ExtractBlocked(JtaiError):
    """The identifying-details check found something in the extract's text."""

    exit_code = 3

    def __init__(self, hits: list[Hit]):
        super().__init__(
            f"Not written: {len(hits)} identifying detail(s) in the extract's text. Fix each "
            "in the letter or the finding it comes from (the letter must then be published "
            "again), and make the extract again."
        )
        self.hits = hits


@dataclass(frozen=True)
class ExtractOutcome:
    path: Path
    size: int
    fingerprint: str
    sha256: str


def source_of(inspection_id: str) -> str:
    """What tells two extracts of one inspection apart from extracts of others, without the
    inspection's own id leaving the team."""
    return hashlib.sha256(f"{SOURCE_PREFIX}{inspection_id}".encode()).hexdigest()[:32]


def suppressed(value: int, below: int = SMALL_BELOW) -> int | None:
    return None if 0 < value < below else value


def build_payload(
    ws: Workspace, inspection_id: str, *, region: str = "", today: date | None = None
) -> dict[str, Any]:
    """The extract's content, checked for identifying details (``ExtractBlocked``)."""
    row = ws.require("inspection", inspection_id)
    letter = _published_letter(ws, inspection_id)
    version = ws.require("letter_version", letter["published_version"])
    pack, dates = theme_pack(ws, inspection_id), inspection_dates(ws, inspection_id)
    area = (row["area"] or "").strip()
    sections = [s for s in version["sections"] or [] if s.get("key") in LETTER_SECTIONS]
    payload = {
        "extract_id": uuid.uuid4().hex,
        "source": source_of(inspection_id),
        "made_on": (today or date.today()).isoformat(),
        "suppressed_below": SMALL_BELOW,
        "theme": {
            "id": pack.id,
            "version": pack.version or row.get("theme_version") or "",
            "title": pack.title,
            "kind": pack.kind,
        },
        "strands": [{"id": s.id, "title": s.title} for s in pack.strands],
        "criteria": [{"id": c.id, "title": c.title, "strand": c.strand} for c in pack.criteria],
        "area": {
            "name": area,
            "region": region.strip() or None,
            "named_in_letter": _names(area, version["sections"] or []),
        },
        "public_names": sorted({a["name"] for a in ws.rows("agency", inspection_id) if a["name"]}),
        "inspectorates": list(row["inspectorates"] or ()),
        "dates": {
            "notification": dates.notification.isoformat(),
            "fieldwork_start": dates.fieldwork_start.isoformat(),
            "fieldwork_end": dates.fieldwork_end.isoformat(),
            "letter_date": _iso(version.get("letter_date")),
            "published_on": _iso(letter.get("published_on")),
        },
        "children": _children(ws, inspection_id),
        "findings": _findings(ws, inspection_id, version),
        "matrix": _matrix(ws, inspection_id),
        "timeliness": _timeliness(ws, inspection_id),
        "letter": {
            "version": version["number"],
            "sections": [
                {"key": s["key"], "heading": s["heading"], "paragraphs": list(s["paragraphs"])}
                for s in sections
            ],
        },
        "case_studies": _studies(version["sections"] or []),
    }
    hits = extract_hits(ws, inspection_id, payload)
    if hits:
        raise ExtractBlocked(hits)
    return payload


def extract_hits(ws: Workspace, inspection_id: str, payload: dict[str, Any]) -> list[Hit]:
    """Hits of the identifying-details check in every text of the payload. A hit the lead let
    through in the letter (same kind and words, with a reason) stays let through."""
    from .report import cached_details, overrides, public_words

    let_through = {(o.kind, o.match) for o in overrides(ws, inspection_id)} | public_words()
    pieces = list(text_pieces(payload))
    found = check_pieces(pieces, cached_details(ws, inspection_id))
    found += pseudonym_hits(pieces, pseudonyms(ws, inspection_id))
    return [h for h in found if (h.kind, h.match) not in let_through]


def pseudonyms(ws: Workspace, inspection_id: str) -> list[str]:
    """Every pseudonym a child of the inspection has held."""
    from ..store import oplog

    ever = oplog.field_values(ws.db, inspection_id, "child", "pseudonym")
    ever += [c["pseudonym"] for c in ws.rows("child", inspection_id)]
    return sorted({p.strip() for p in ever if isinstance(p, str) and p.strip()})


def pseudonym_hits(pieces: list[TextPiece], names: list[str]) -> list[Hit]:
    """The letter may use a pseudonym ("Child A") inside the team; an extract never does:
    it leaves the team, and the national report has no use for it."""
    if not names:
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)"
    )
    return [
        Hit(
            CHILD_NAME,
            m.group(0),
            p.section,
            p.heading,
            p.paragraph,
            p.part,
            p.finding_id,
            why="a pseudonym of a child in this inspection: pseudonyms stay inside the team",
            start=m.start(),
            end=m.end(),
        )
        for p in pieces
        for m in pattern.finditer(p.text)
    ]


def text_pieces(payload: dict[str, Any]) -> Iterator[TextPiece]:
    """Every text in the extract, with where it is (for the check's messages)."""
    area = payload["area"]
    yield TextPiece("area", "The area", 0, "name", area["name"] or "")
    yield TextPiece("area", "The area", 0, "region", area["region"] or "")
    for n, name in enumerate(payload["public_names"]):
        yield TextPiece("organisations", "Organisations", n, "name", name)
    for n, f in enumerate(payload["findings"]):
        yield TextPiece("findings", "Findings", n, "title", f["title"])
        yield TextPiece("findings", "Findings", n, "", f["text"])
    for section in payload["letter"]["sections"]:
        yield TextPiece(section["key"], section["heading"], -1, "", section["heading"])
        for n, paragraph in enumerate(section["paragraphs"]):
            yield TextPiece(section["key"], section["heading"], n, "", paragraph)
    for study in payload["case_studies"]:
        yield TextPiece(study["key"], study["heading"], 0, "", study["text"])


def write_extract(
    ws: Workspace,
    inspection_id: str,
    target: Path | str,
    *,
    region: str = "",
    today: date | None = None,
) -> ExtractOutcome:
    """Check, sign with the lead's device key and write the extract; recorded in the audit
    log before the file appears."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ..sync import extract_file
    from ..sync.keys import public_hex
    from . import team
    from .letter_file import write_letter

    if not team.is_lead(ws, inspection_id):
        raise ValidationError(
            "Only the lead inspector makes the thematic extract (it is signed with the lead's "
            "key): ask your lead."
        )
    payload = build_payload(ws, inspection_id, region=region, today=today)
    with write_transaction(ws.db):
        keys = team.ensure_team_keys(ws, inspection_id)
    signing = keys.signing_key
    assert isinstance(signing, Ed25519PrivateKey)  # TeamKeys holds it untyped (lazy import)
    data = extract_file.sign(payload, signing)
    target = Path(target)
    fingerprint = extract_file.fingerprint(public_hex(signing))
    digest = hashlib.sha256(data).hexdigest()

    def record() -> None:
        audit.record(
            ws.db,
            "thematic extract",
            inspection_id,
            _actor(ws, inspection_id),
            ws.device_id,
            {"file": target.name, "bytes": len(data), "sha256": digest, "key": fingerprint},
        )

    write_letter(ws, inspection_id, target, data, lambda: False, record)
    return ExtractOutcome(target, len(data), fingerprint, digest)


# --- the parts ---------------------------------------------------------------------------------
def is_published(ws: Workspace, inspection_id: str) -> bool:
    try:
        _published_letter(ws, inspection_id)
    except ValidationError:
        return False
    return True


def _published_letter(ws: Workspace, inspection_id: str) -> dict:
    from .letter import letter_row

    letter = letter_row(ws, inspection_id) or {}
    if not letter.get("published_version") or not ws.get(
        "letter_version", letter["published_version"]
    ):
        raise ValidationError(
            "The letter is not published yet: a thematic extract is made from the published "
            "letter. Mark it published first ('jtai-desktop publish INSPECTION', or Versions "
            "and accuracy › Letter on the report screen)."
        )
    return letter


def _names(area: str, sections: list[dict]) -> bool:
    """Whether the published letter names the area (it may then be named nationally)."""
    if not area:
        return False
    wanted = area.casefold()
    for section in sections:
        texts = [section.get("heading") or "", *(section.get("paragraphs") or [])]
        if any(wanted in (t or "").casefold() for t in texts):
            return True
    return False


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else (value or None)


def _children(ws: Workspace, inspection_id: str) -> dict[str, int | None]:
    counts = dict.fromkeys(Selection.values(), 0)
    for child in ws.rows("child", inspection_id):
        if child["selection"] in counts:
            counts[child["selection"]] += 1
    return {k: suppressed(v) for k, v in counts.items()}


def _findings(ws: Workspace, inspection_id: str, version: LetterVersionRow) -> list[dict[str, Any]]:
    """The findings as published (their words in the published version), with the agency
    kinds they name and the criteria their evidence speaks to, as the records hold them."""
    from .extract_matrix import finding_criteria, finding_kinds

    kinds = {a["id"]: a["kind"] for a in ws.rows("agency", inspection_id)}
    criteria = finding_criteria(ws, inspection_id)
    order = {c.id: n for n, c in enumerate(theme_pack(ws, inspection_id).criteria)}
    found = []
    # The version keeps its findings as {id: {kind, title, text}} (a JSON field's type says list).
    published_findings = cast(dict[str, dict[str, Any]], version["findings"] or {})
    for finding_id, published in published_findings.items():
        record = ws.get("finding", finding_id)
        found.append(
            {
                "kind": published["kind"],
                "agency_kinds": finding_kinds(record, kinds) if record else ["partnership"],
                "criteria": sorted(criteria.get(finding_id, ()), key=lambda c: order.get(c, 99)),
                "title": published["title"] or "",
                "text": published["text"] or "",
            }
        )
    rank = {li.PRIORITY_ACTION: 0, li.AREA_FOR_IMPROVEMENT: 1, li.STRENGTH: 2}
    return sorted(found, key=lambda f: (rank.get(f["kind"], 3), f["title"], f["text"]))


def _matrix(ws: Workspace, inspection_id: str) -> dict[str, Any]:
    """The matrix's counts, suppressed; where the inspection coded passages a cell also holds
    ``coding``: its coded measures and the voices heard (never a passage's words)."""
    counts = matrix_counts(ws, inspection_id)
    cells = []
    for key, measures in sorted(counts.cells.items()):
        cell: dict[str, Any] = {
            "criterion": key[0],
            "agency_kind": key[1],
            **{m: suppressed(measures[m]) for m in MEASURES},
        }
        if key in counts.coded:
            cell["coding"] = {
                **{m: suppressed(counts.coded[key][m]) for m in CODED_MEASURES},
                "voices": list(counts.voices.get(key, ())),
            }
        cells.append(cell)
    return {"source": counts.source, "cells": cells}


def _timeliness(ws: Workspace, inspection_id: str) -> dict[str, Any] | None:
    """The front door's timings. A distribution over fewer than 6 contacts could single one
    out: its count and figures are left out, as any small count is."""
    from .timeliness import timeliness

    report = timeliness(ws, inspection_id).as_json()
    if not report["samples"]:
        return None
    steps = []
    for step in report["steps"]:
        small = 0 < step["count"] < SMALL_BELOW
        figures = ("median_working_hours", "p90_working_hours", "median_working_days")
        steps.append(
            {
                "step": step["step"],
                "label": step["label"],
                "target_working_hours": step["target_working_hours"],
                "count": suppressed(step["count"]),
                "timed": suppressed(step["timed"]),
                "over_target": suppressed(step["over_target"]),
                **{f: None if small else step[f] for f in (*figures, "p90_working_days")},
            }
        )
    return {
        "samples": suppressed(report["samples"]),
        "office_day": report["office_day"],
        "steps": steps,
    }


def _studies(sections: list[dict]) -> list[dict[str, str]]:
    studies = []
    for section in sections:
        kind = STUDY_KINDS.get(section.get("key", ""))
        text = "\n\n".join(p for p in section.get("paragraphs") or [] if p)
        if kind and text.strip():
            studies.append(
                {"key": section["key"], "kind": kind, "heading": section["heading"], "text": text}
            )
    return studies


def _actor(ws: Workspace, inspection_id: str) -> str:
    member = ws.get("member", ws.author_for(inspection_id))
    return member["name"] if member else ""
