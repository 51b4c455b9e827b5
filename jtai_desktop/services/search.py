"""Ranked full-text search across notes, observations, findings, evidence and children, with
hits described well enough to be recognised (the search page and quick open)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.record_types import Row
from ..store import projection
from ..store import search as store_search
from ..store.database import write_transaction
from .workspace import Workspace

QUICK_OPEN_ENTITIES = ("child", "evidence", "note", "finding")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    entity: str
    entity_id: str
    title: str
    snippet: str
    rank: float


def fts_query(text: str) -> str | None:
    """User text as a safe FTS5 query: every word must appear; the last may be a prefix.

    Each word is quoted, so operators and punctuation in what people type ("s.47", "AND",
    a stray quote) never become FTS syntax errors.
    """
    words = _WORD.findall(text or "")
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(ws: Workspace, inspection_id: str, text: str, limit: int = 50) -> list[SearchHit]:
    query = fts_query(text)
    if query is None:
        return []
    if projection.search_is_pending(ws.db):  # records edited since the last search
        with write_transaction(ws.db):
            projection.index_pending(ws.db)
    rows = store_search.match(ws.db, inspection_id, query, limit)
    return [
        SearchHit(entity, entity_id, title, snippet, rank)
        for entity, entity_id, title, snippet, rank in rows
    ]


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
        self._cache: dict[tuple[str, str], Row | None] = {}

    def _get(self, entity: str, record_id: str | None) -> Row | None:
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
