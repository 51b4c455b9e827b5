"""Reads behind the findings, search and quick-open screens: summaries made in a few queries
rather than one per row, and search hits described well enough to be recognised."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.records import LinkTarget
from ..domain.themes import AGENCY_KINDS
from .findings import KIND_ORDER
from .search import SearchHit, search
from .workspace import Workspace

QUICK_OPEN_ENTITIES = ("child", "evidence", "note", "finding")


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
    for link in _live_finding_links(ws, inspection_id):
        counts[link["target_id"]] = counts.get(link["target_id"], 0) + 1
    from .triangulation import findings_spread

    short_of = {
        s.finding["id"]: s.spread.shortfall(s.rule) for s in findings_spread(ws, inspection_id)
    }
    rows = ws.rows("finding", inspection_id)
    rows.sort(key=lambda f: (KIND_ORDER.get(f["kind"], 9), f["created_at"], f["id"]))
    return [
        FindingSummary(
            f["id"],
            f["kind"],
            f["title"] or "",
            tuple(f["agencies"] or ()),
            counts.get(f["id"], 0),
            short_of.get(f["id"], ""),
        )
        for f in rows
    ]


def _live_finding_links(ws: Workspace, inspection_id: str) -> list[dict]:
    # A link to deleted evidence is not a citation: the finding would otherwise look supported.
    return ws.rows(
        "link",
        inspection_id,
        "target_kind = ? AND evidence_id IN (SELECT id FROM evidence)",
        (LinkTarget.FINDING.value,),
        order_by="target_id",
    )


def agencies_in_order(ws: Workspace, inspection_id: str) -> list[dict]:
    """The inspection's agencies in the usual order of the letter (social care, police, ...)."""
    order = {kind: i for i, kind in enumerate(AGENCY_KINDS)}
    rows = ws.rows("agency", inspection_id)
    return sorted(rows, key=lambda a: (order.get(a["kind"], 99), a["name"] or "", a["id"]))


def evidence_choices(
    ws: Workspace, inspection_id: str, exclude: set[str] = frozenset()
) -> list[dict]:
    """Evidence items (id, ref, title) a finding could still cite."""
    rows = ws.rows("evidence", inspection_id, order_by="ref")
    return [
        {"id": r["id"], "ref": r["ref"], "title": r["title"]}
        for r in rows
        if r["id"] not in exclude
    ]


# --- search ------------------------------------------------------------------------------


def described_search(
    ws: Workspace, inspection_id: str, text: str, limit: int = 50, entities: tuple[str, ...] = ()
) -> list[SearchHit]:
    """Search hits with a title a person recognises for every kind of record.

    Reviews and audit evaluations have no title of their own: they are named after the
    child (and the agency, for a review). Evidence leads with its reference.
    """
    hits = search(ws, inspection_id, text, limit * 3 if entities else limit)
    if entities:
        hits = [h for h in hits if h.entity in entities][:limit]
    names = _Names(ws)
    return [SearchHit(h.entity, h.entity_id, names.title(h), h.snippet, h.rank) for h in hits]


def quick_open_search(
    ws: Workspace, inspection_id: str, text: str, limit: int = 20
) -> list[SearchHit]:
    """Children, evidence, notes and findings; a record named exactly what was typed first
    ("Child B" before "Child BA", "E-1001" before "E-10010"), then the service's ranking."""
    hits = described_search(ws, inspection_id, text, limit * 2, QUICK_OPEN_ENTITIES)
    wanted = " ".join((text or "").split()).casefold()

    def closeness(hit: SearchHit) -> int:
        title = (hit.title or "").casefold()
        if title == wanted or title.startswith(wanted + " "):
            return 0
        return 1 if title.startswith(wanted) else 2

    return sorted(hits, key=closeness)[:limit]  # a stable sort keeps the ranking within each


class _Names:
    """Looks up children and agencies once per search, not once per hit."""

    def __init__(self, ws: Workspace):
        self._ws = ws
        self._cache: dict[tuple[str, str], dict | None] = {}

    def _get(self, entity: str, record_id: str | None) -> dict | None:
        if not record_id:
            return None
        key = (entity, record_id)
        if key not in self._cache:
            self._cache[key] = self._ws.get(entity, record_id)
        return self._cache[key]

    def _field(self, entity: str, record_id: str | None, field: str) -> str:
        row = self._get(entity, record_id)
        return (row or {}).get(field) or ""

    def title(self, hit: SearchHit) -> str:
        row = self._get(hit.entity, hit.entity_id)
        if row is None:
            return hit.title or ""
        if hit.entity == "review":
            child = self._field("child", row["child_id"], "pseudonym")
            agency = self._field("agency", row["agency_id"], "name")
            return " · ".join(part for part in (child, agency) if part)
        if hit.entity == "audit_eval":
            return self._field("child", row["child_id"], "pseudonym")
        if hit.entity == "area_review":
            agency = self._field("agency", row["agency_id"], "name")
            return f"{row['criterion_id']} · {agency}" if agency else row["criterion_id"]
        if hit.entity == "evidence":
            return f"{row['ref']}  {row['title'] or ''}".strip()
        return hit.title or ""
