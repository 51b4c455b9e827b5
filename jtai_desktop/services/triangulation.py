"""Triangulation: what each finding rests on, how widely that reaches, and the lead's rule.

A finding rests on the evidence it cites (links) and on the coded passages, case reviews,
area reviews and front door samples linked to it (``finding_source`` records, one per link,
their id derived from what they join, so two inspectors linking the same source make one).
Its spread counts distinct sources (a coded passage counts as the record it is in), their
kinds, the organisations they name and the voices they carry. The lead's rule (at least so
many sources of so many kinds) flags the findings below it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.coding import FINDING_SOURCES, SOURCE_KIND_OF, Rule, Spread
from ..domain.errors import ValidationError
from .changes import ChangeSet
from .ids import derived_id
from .workspace import Workspace

SOURCE_WORDS = {
    "code": "a coded passage",
    "review": "a case review",
    "area_review": "an area review",
    "front_door_sample": "a front door sample",
}


def finding_source_id(finding_id: str, source_kind: str, source_id: str) -> str:
    return derived_id("finding_source", finding_id, source_kind, source_id)


def rule_id(inspection_id: str) -> str:
    return derived_id("evidence_rule", inspection_id)


def link_source(ws: Workspace, finding_id: str, source_kind: str, source_id: str) -> ChangeSet:
    """Rest a finding on a coded passage, a review or a front door sample."""
    finding = ws.require("finding", finding_id)
    if source_kind not in FINDING_SOURCES:
        raise ValidationError(
            "A finding rests on evidence it cites, coded passages, case reviews, area reviews "
            f"or front door samples, not on {source_kind!r}."
        )
    source = ws.get(source_kind, source_id)
    if source is None or source["inspection_id"] != finding["inspection_id"]:
        raise ValidationError(
            f"There is no such {SOURCE_WORDS[source_kind][2:].lstrip('n ')} in this inspection"
            " (it may have been deleted)."
        )
    values = {"finding_id": finding_id, "source_kind": source_kind, "source_id": source_id}
    return ws.upsert(
        "finding_source",
        finding["inspection_id"],
        finding_source_id(finding_id, source_kind, source_id),
        values,
        label="Link source to finding",
    )


def link_sources(ws: Workspace, finding_id: str, keys: list[str]) -> ChangeSet:
    """Rest a finding on several sources ("kind:id" each) in one undoable edit."""
    changes = ChangeSet("Link sources to finding", ())
    with ws.transaction():
        for key in keys:
            kind, _, source_id = key.partition(":")
            changes += link_source(ws, finding_id, kind, source_id)
    return changes


def unlink_source(ws: Workspace, finding_id: str, source_kind: str, source_id: str) -> ChangeSet:
    return ws.delete(
        "finding_source",
        finding_source_id(finding_id, source_kind, source_id),
        label="Remove source from finding",
    )


# --- the rule ------------------------------------------------------------------------------


def evidence_rule(ws: Workspace, inspection_id: str) -> Rule:
    row = ws.get("evidence_rule", rule_id(inspection_id))
    if row is None:
        return Rule()
    return Rule(row["min_sources"] or Rule.min_sources, row["min_kinds"] or Rule.min_kinds)


def set_evidence_rule(
    ws: Workspace, inspection_id: str, *, min_sources: int, min_kinds: int
) -> ChangeSet:
    """(lead) The rule a finding must meet: at least ``min_sources`` of ``min_kinds`` kinds."""
    values = {"min_sources": min_sources, "min_kinds": min_kinds}
    return ws.upsert(
        "evidence_rule", inspection_id, rule_id(inspection_id), values, label="Set evidence rule"
    )


# --- spread --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One source a finding rests on: the record it is (a coded passage counts as the record
    it is in), its kind in the matrix, the organisations it names and the voice it carries."""

    entity: str  # "evidence", "code", "review", "area_review", "front_door_sample"
    entity_id: str
    source_key: str  # the record counted: "note:<id>" for a passage of a note
    kind: str  # a SOURCE_KINDS key
    organisations: tuple[str, ...]
    voice: str | None = None


@dataclass(frozen=True)
class FindingSpread:
    finding: Mapping[str, Any]
    sources: tuple[Source, ...]
    spread: Spread
    rule: Rule

    @property
    def meets_rule(self) -> bool:
        return self.spread.meets(self.rule)

    def as_json(self) -> dict:
        return {
            "finding_id": self.finding["id"],
            "title": self.finding["title"],
            "kind": self.finding["kind"],
            "sources": self.spread.sources,
            "kinds": list(self.spread.kinds),
            "organisations": list(self.spread.organisations),
            "voices": list(self.spread.voices),
            "meets_rule": self.meets_rule,
            "short_of": self.spread.shortfall(self.rule),
            "linked": [
                {"entity": s.entity, "id": s.entity_id, "source_kind": s.kind} for s in self.sources
            ],
        }


def spread_of(sources: list[Source]) -> Spread:
    counted = {s.source_key for s in sources}
    return Spread(
        sources=len(counted),
        kinds=tuple(sorted({s.kind for s in sources})),
        organisations=tuple(sorted({o for s in sources for o in s.organisations})),
        voices=tuple(sorted({s.voice for s in sources if s.voice})),
    )


def finding_spread(ws: Workspace, finding_id: str) -> FindingSpread:
    finding = ws.require("finding", finding_id)
    inspection_id = finding["inspection_id"]
    sources = finding_sources(ws, inspection_id, [finding_id]).get(finding_id, [])
    return FindingSpread(
        finding, tuple(sources), spread_of(sources), evidence_rule(ws, inspection_id)
    )


def findings_spread(ws: Workspace, inspection_id: str) -> list[FindingSpread]:
    """Every finding's spread against the rule, priority actions first."""
    from .findings import findings_in_order

    findings = findings_in_order(ws, inspection_id)
    by_finding = finding_sources(ws, inspection_id, [f["id"] for f in findings])
    rule = evidence_rule(ws, inspection_id)
    return [
        FindingSpread(
            f, tuple(by_finding.get(f["id"], [])), spread_of(by_finding.get(f["id"], [])), rule
        )
        for f in findings
    ]


def findings_below_rule(ws: Workspace, inspection_id: str) -> list[FindingSpread]:
    return [f for f in findings_spread(ws, inspection_id) if not f.meets_rule]


_SOURCES_OF_FINDINGS = """
SELECT l.target_id, 'evidence', e.id, 'evidence:' || e.id, 'evidence',
       (SELECT json_group_array(a.target_id) FROM links a
        WHERE a.evidence_id = e.id AND a.target_kind = 'agency'), NULL
FROM links l JOIN evidence e ON e.id = l.evidence_id
WHERE l.inspection_id = :inspection AND l.target_kind = 'finding'
UNION ALL
SELECT fs.finding_id, 'code', c.id, c.source_kind || ':' || c.source_id, c.source_kind,
       c.agencies, c.voice
FROM finding_sources fs JOIN codes c ON c.id = fs.source_id
WHERE fs.inspection_id = :inspection AND fs.source_kind = 'code'
UNION ALL
SELECT fs.finding_id, 'review', r.id, 'review:' || r.id, 'review', json_array(r.agency_id), NULL
FROM finding_sources fs JOIN reviews r ON r.id = fs.source_id
WHERE fs.inspection_id = :inspection AND fs.source_kind = 'review'
UNION ALL
SELECT fs.finding_id, 'area_review', r.id, 'area_review:' || r.id, 'area_review',
       json_array(r.agency_id), NULL
FROM finding_sources fs JOIN area_reviews r ON r.id = fs.source_id
WHERE fs.inspection_id = :inspection AND fs.source_kind = 'area_review'
UNION ALL
SELECT fs.finding_id, 'front_door_sample', s.id, 'front_door_sample:' || s.id,
       'front_door_sample', json_array(s.source_agency_id), NULL
FROM finding_sources fs JOIN front_door_samples s ON s.id = fs.source_id
WHERE fs.inspection_id = :inspection AND fs.source_kind = 'front_door_sample'
"""


def finding_sources(
    ws: Workspace, inspection_id: str, finding_ids: list[str]
) -> dict[str, list[Source]]:
    """The sources of the given findings, read in one query."""
    import json

    wanted = set(finding_ids)
    found: dict[str, list[Source]] = {}
    rows = ws.db.execute(_SOURCES_OF_FINDINGS, {"inspection": inspection_id}).fetchall()
    for finding_id, entity, entity_id, key, record_kind, organisations, voice in rows:
        if finding_id not in wanted:
            continue
        names = tuple(o for o in json.loads(organisations or "[]") if o)
        found.setdefault(finding_id, []).append(
            Source(entity, entity_id, key, SOURCE_KIND_OF[record_kind], names, voice)
        )
    for sources in found.values():
        sources.sort(key=lambda s: (s.kind, s.source_key, s.entity_id))
    return found


def source_labels(ws: Workspace, sources: tuple[Source, ...]) -> list[str]:
    """Each source in words safe to show (a child by pseudonym), in the given order."""
    return [_label(ws, s.entity, ws.get(s.entity, s.entity_id) or {}) for s in sources]


def candidate_sources(ws: Workspace, finding_id: str, limit: int = 400) -> list[tuple[str, str]]:
    """What a finding could rest on besides its cited evidence: the coded passages and the
    case and area reviews (with a strength or concern) about the organisations it names (all
    of them for the partnership), as ("kind:id", label), those already linked left out."""
    finding = ws.require("finding", finding_id)
    inspection_id = finding["inspection_id"]
    named = set(finding["agencies"] or [])
    everyone = not named or "partnership" in named
    linked = {
        f"{r['source_kind']}:{r['source_id']}"
        for r in ws.rows("finding_source", inspection_id, "finding_id = ?", (finding_id,))
    }
    found = []
    for code in ws.rows("code", inspection_id, order_by="criterion_id, created_at"):
        if everyone or named & set(code["agencies"] or []):
            found.append((f"code:{code['id']}", _label(ws, "code", code)))
    for entity in ("review", "area_review"):
        for review in ws.rows(
            entity, inspection_id, "(strength OR concern)", order_by="criterion_id"
        ):
            if everyone or review["agency_id"] in named:
                found.append((f"{entity}:{review['id']}", _label(ws, entity, review)))
    return [c for c in found if c[0] not in linked][:limit]


def _label(ws: Workspace, entity: str, row: Mapping[str, Any]) -> str:
    if entity == "code":
        quote = " ".join((row.get("quote") or "").split())
        quote = quote if len(quote) <= 90 else quote[:89] + "…"
        return f"Passage · {row.get('criterion_id')} · {row.get('mark')}: “{quote}”"
    if entity in ("review", "area_review"):
        child = ws.get("child", row.get("child_id") or "") if entity == "review" else None
        organisation: Mapping[str, Any] = ws.get("agency", row.get("agency_id") or "") or {}
        whose = child["pseudonym"] if child else "the area as a whole"
        mark = "strength" if row.get("strength") else "concern" if row.get("concern") else ""
        return (
            f"Review · {whose} · {row.get('criterion_id')} · "
            f"{organisation.get('name', '')} · {mark}".rstrip(" ·")
        )
    if entity == "evidence":
        return f"Evidence · {row.get('ref', '')} {row.get('title', '')}".strip()
    if entity == "front_door_sample":
        return f"Front door sample · {row.get('label', '')}"
    return entity
