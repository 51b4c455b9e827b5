"""Full-text search over the FTS5 index kept by the projection."""

from __future__ import annotations

from .connection import Database

SNIPPET_OPEN, SNIPPET_CLOSE, ELLIPSIS = "[", "]", "…"

# Titles weigh more than bodies: a match in a note's title is usually what the user meant.
_SEARCH = f"""
SELECT entity, entity_id, title,
       snippet(search_index, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '{ELLIPSIS}', 12) AS snippet,
       bm25(search_index, 4.0, 1.0) AS rank
FROM search_index
WHERE search_index MATCH ? AND inspection_id = ?
ORDER BY rank
LIMIT ?
"""


def match(db: Database, inspection_id: str, fts_query: str, limit: int) -> list[tuple]:
    return db.execute(_SEARCH, (fts_query, inspection_id, limit)).fetchall()
