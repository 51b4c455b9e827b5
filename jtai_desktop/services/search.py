"""Ranked full-text search across notes, observations, findings, evidence and children."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..store import search as store_search
from .workspace import Workspace

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
    rows = store_search.match(ws.db, inspection_id, query, limit)
    return [
        SearchHit(entity, entity_id, title, snippet, rank)
        for entity, entity_id, title, snippet, rank in rows
    ]
