"""The evidence matrix: for each criterion and organisation, how many distinct sources of each
kind speak to it, as strengths, concerns or neither, and the voices they carry.

Plain data for any caller (the matrix page, the sufficiency view, the command line, a later
thematic workspace): ``evidence_matrix(ws, inspection_id)`` returns cells keyed by criterion,
organisation, source kind and mark. The counts are one SQL aggregate over every source in
the inspection (``SOURCES_SQL``), so opening the matrix costs about what the bare query does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..domain.coding import MATRIX_MARKS, SOURCE_KINDS
from ..domain.organisations import kind_order, organisation_order
from .inspections import theme_pack
from .workspace import Workspace

# One row per (source record, criterion, organisation, mark, voice): every way a record
# speaks to a cell. ``src`` names the record, so counting distinct ``src`` counts sources.
# Columns: criterion, org, kind, mark, src, voice, author, day, children (JSON list).
_CODED = """
SELECT c.criterion_id, {org}, '{kind}', c.mark, '{source}:' || c.source_id, c.voice,
       c.created_by, {day}, {children}, c.id
FROM codes c JOIN {table} s ON s.id = c.source_id{each}
WHERE c.inspection_id = :inspection AND c.source_kind = '{source}'"""
# Without a date or selection filter the source's own row is not read, only whether it still
# exists (its id index): a note's date and children come after its text, whose overflow pages
# would otherwise all be read and decrypted.
_CODED_UNFILTERED = """
SELECT c.criterion_id, {org}, '{kind}', c.mark, '{source}:' || c.source_id, c.voice,
       c.created_by, NULL, NULL, c.id
FROM codes c{each}
WHERE c.inspection_id = :inspection AND c.source_kind = '{source}'
  AND EXISTS (SELECT 1 FROM {table} s WHERE s.id = c.source_id)"""

_EVIDENCE_CHILDREN = (
    "(SELECT json_group_array(l.target_id) FROM links l"
    " WHERE l.evidence_id = s.id AND l.target_kind = 'child')"
)
_CODED_SOURCES = (
    ("note", "notes", "note", "s.date", "s.children"),
    ("review", "reviews", "review", "substr(s.created_at, 1, 10)", "json_array(s.child_id)"),
    ("review", "area_reviews", "area_review", "substr(s.created_at, 1, 10)", "'[]'"),
    ("evidence", "evidence", "evidence", "s.date", _EVIDENCE_CHILDREN),
    (
        "front_door",
        "front_door_samples",
        "front_door_sample",
        "s.contact_date",
        "json_array(s.child_id)",
    ),
)
_REVIEWED = """
SELECT r.criterion_id, r.agency_id, 'review',
       CASE WHEN m.mark = 'strength' THEN 'strength'
            WHEN m.mark = 'concern' THEN 'concern' ELSE 'noted' END,
       '{source}:' || r.id, NULL, r.created_by, substr(r.created_at, 1, 10), {children}, NULL
FROM {table} r JOIN (SELECT 'strength' AS mark UNION ALL SELECT 'concern'
                     UNION ALL SELECT 'noted') m
  ON (m.mark = 'strength' AND r.strength) OR (m.mark = 'concern' AND r.concern)
  OR (m.mark = 'noted' AND NOT coalesce(r.strength, 0) AND NOT coalesce(r.concern, 0)
      AND trim(coalesce(r.observation, '')) != '')
WHERE r.inspection_id = :inspection AND r.agency_id IS NOT NULL"""
_LINKED_EVIDENCE = f"""
SELECT lc.target_id, la.target_id, 'evidence', 'noted', 'evidence:' || s.id, NULL,
       s.created_by, s.date, {_EVIDENCE_CHILDREN}, NULL
FROM evidence s
JOIN links lc ON lc.evidence_id = s.id AND lc.target_kind = 'criterion'
JOIN links la ON la.evidence_id = s.id AND la.target_kind = 'agency'
WHERE s.inspection_id = :inspection"""


def sources_sql(with_children: bool = True, with_days: bool = True, explode: bool = True) -> str:
    """Every way a record speaks to a cell. The children each source is about, and its date,
    are read only when a filter asks for them (they cost as much again as everything else).
    ``explode``: one row per organisation a code names; otherwise a code's row carries its
    organisations as a JSON list, for the caller to split (json_each costs more than that)."""
    coded = _CODED if with_children or with_days else _CODED_UNFILTERED
    org, each = ("j.value", ", json_each(c.agencies) j") if explode else ("c.agencies", "")
    parts = [
        *(
            coded.format(kind=k, table=t, source=src, day=d, children=c, org=org, each=each)
            for k, t, src, d, c in _CODED_SOURCES
        ),
        _REVIEWED.format(source="review", table="reviews", children="json_array(r.child_id)"),
        _REVIEWED.format(source="area_review", table="area_reviews", children="'[]'"),
        _LINKED_EVIDENCE,
    ]
    sql = "\nUNION ALL\n".join(parts)
    return sql if with_children else sql.replace(_EVIDENCE_CHILDREN, "'[]'")


_COLUMNS = "criterion, org, kind, mark, src, voice, author, day, children, code"

# The levels the one aggregate returns: by organisation and by agency kind (the roll-up),
# each split by source kind and mark, and each a total of distinct sources.
BY_ORGANISATION, BY_KIND = "organisation", "kind"


@dataclass(frozen=True)
class MatrixFilter:
    """Which sources count: by whom (member ids), about children of which selections
    (tracked, sampled, area_audited), and dated within [since, until] (YYYY-MM-DD)."""

    authors: tuple[str, ...] = ()
    selections: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[str, dict]:
        clauses: list[str] = []
        params: dict[str, str] = {}
        if self.authors:
            names = [f"author{n}" for n in range(len(self.authors))]
            clauses.append(f"s.author IN ({', '.join(':' + n for n in names)})")
            params |= dict(zip(names, self.authors))
        if self.selections:
            names = [f"selection{n}" for n in range(len(self.selections))]
            clauses.append(
                "EXISTS (SELECT 1 FROM json_each(s.children) jc JOIN children ch"
                f" ON ch.id = jc.value WHERE ch.selection IN ({', '.join(':' + n for n in names)}))"
            )
            params |= dict(zip(names, self.selections))
        if self.since:
            clauses.append("s.day >= :since")
            params["since"] = self.since
        if self.until:
            clauses.append("s.day <= :until")
            params["until"] = self.until
        return (" AND " + " AND ".join(clauses) if clauses else ""), params


def kept_sql(matrix_filter: MatrixFilter) -> tuple[str, dict]:
    """The CTEs every matrix query starts from: the sources that pass the filter, each with
    its organisation's agency kind."""
    where, params = matrix_filter.where()
    sql = (
        f"WITH sources({_COLUMNS}) AS ({_filtered_sources(matrix_filter)}),\n"
        "kept AS MATERIALIZED (SELECT s.*, a.kind AS org_kind FROM sources s"
        f" JOIN agencies a ON a.id = s.org WHERE 1{where})\n"
    )
    return sql, params


def _filtered_sources(matrix_filter: MatrixFilter, explode: bool = True) -> str:
    dated = bool(matrix_filter.since or matrix_filter.until)
    return sources_sql(bool(matrix_filter.selections), dated, explode)


def rows_sql(matrix_filter: MatrixFilter = MatrixFilter()) -> tuple[str, dict]:
    """The sources that pass the filter, one row per way each speaks to a cell; a code's
    organisations come as its JSON list (``_aggregate`` splits them)."""
    where, params = matrix_filter.where()
    sql = (
        f"WITH sources({_COLUMNS}) AS ({_filtered_sources(matrix_filter, explode=False)})\n"
        f"SELECT criterion, org, kind, mark, src, voice FROM sources s WHERE 1{where}"
    )
    return sql, params


def counts_sql(matrix_filter: MatrixFilter = MatrixFilter()) -> tuple[str, dict]:
    """The one aggregate the matrix rests on (and what the benchmark times on its own):
    distinct sources per criterion and organisation (and per agency kind), by source kind
    and mark with the voices heard, and in total."""
    sql, params = kept_sql(matrix_filter)
    sql += f"""
SELECT '{BY_ORGANISATION}', criterion, org, kind, mark, count(DISTINCT src),
       group_concat(DISTINCT voice) FROM kept GROUP BY criterion, org, kind, mark
UNION ALL
SELECT '{BY_ORGANISATION}', criterion, org, NULL, NULL, count(DISTINCT src), NULL
FROM kept GROUP BY criterion, org
UNION ALL
SELECT '{BY_KIND}', criterion, org_kind, kind, mark, count(DISTINCT src),
       group_concat(DISTINCT voice) FROM kept GROUP BY criterion, org_kind, kind, mark
UNION ALL
SELECT '{BY_KIND}', criterion, org_kind, NULL, NULL, count(DISTINCT src), NULL
FROM kept GROUP BY criterion, org_kind"""
    return sql, params


@dataclass(frozen=True)
class Cell:
    """Distinct sources of one kind and mark for a criterion and an organisation (or, at the
    kind level, an agency kind)."""

    criterion_id: str
    column: str  # an organisation id, or an agency kind at the kind level
    source_kind: str
    mark: str
    count: int
    voices: tuple[str, ...]


@dataclass
class MatrixLevel:
    """The matrix by organisation, or rolled up to agency kinds."""

    cells: dict[tuple[str, str], list[Cell]] = field(default_factory=dict)
    totals: dict[tuple[str, str], int] = field(default_factory=dict)
    # Distinct sources of each kind, whatever their marks: a source can carry a strength and
    # a concern (two codes, or a review ticking both), so the cells' counts cannot be added.
    kind_totals: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def at(self, criterion_id: str, column: str) -> list[Cell]:
        return self.cells.get((criterion_id, column), [])

    def total(self, criterion_id: str, column: str) -> int:
        return self.totals.get((criterion_id, column), 0)

    def of_kind(self, criterion_id: str, column: str, source_kind: str) -> int:
        return self.kind_totals.get((criterion_id, column, source_kind), 0)

    def voices(self, criterion_id: str, column: str) -> set[str]:
        return {v for cell in self.at(criterion_id, column) for v in cell.voices}

    def count(self, criterion_id: str, column: str, source_kind: str, mark: str) -> int:
        return sum(
            c.count
            for c in self.at(criterion_id, column)
            if c.source_kind == source_kind and c.mark == mark
        )


@dataclass
class Matrix:
    """Criteria x organisations (and x agency kinds), counts by source kind and mark."""

    criteria: list[dict]  # {"id", "title", "strand"} in the pack's order
    organisations: list[dict]  # {"id", "name", "kind", "service_type", "in_scope"}
    by_organisation: MatrixLevel
    by_kind: MatrixLevel

    def level(self, name: str) -> MatrixLevel:
        return self.by_kind if name == BY_KIND else self.by_organisation

    def criterion_voices(self, criterion_id: str) -> set[str]:
        return {
            v
            for (crit, _), cells in self.by_kind.cells.items()
            if crit == criterion_id
            for cell in cells
            for v in cell.voices
        }

    def ordered(self, level: MatrixLevel) -> list[tuple[str, str]]:
        """The level's non-empty (criterion, column) pairs in the pack's and the display's
        order."""
        criteria = {c["id"]: n for n, c in enumerate(self.criteria)}
        columns = {o["id"]: n for n, o in enumerate(self.organisations)}
        return sorted(
            level.totals,
            key=lambda key: (
                criteria.get(key[0], len(criteria)),
                columns.get(key[1], kind_order(key[1])),
                key,
            ),
        )

    def as_json(self) -> dict:
        names = {o["id"]: o for o in self.organisations}
        rows = []
        for criterion_id, organisation_id in self.ordered(self.by_organisation):
            organisation = names.get(organisation_id, {})
            rows.append(
                {
                    "criterion_id": criterion_id,
                    "organisation_id": organisation_id,
                    "organisation": organisation.get("name"),
                    "agency_kind": organisation.get("kind"),
                    **_counts_json(self.by_organisation, criterion_id, organisation_id),
                }
            )
        kinds = [
            {"criterion_id": crit, "agency_kind": kind, **_counts_json(self.by_kind, crit, kind)}
            for crit, kind in self.ordered(self.by_kind)
        ]
        return {
            "criteria": self.criteria,
            "organisations": self.organisations,
            "source_kinds": list(SOURCE_KINDS),
            "marks": list(MATRIX_MARKS),
            "cells": rows,
            "by_agency_kind": kinds,
        }


def _counts_json(level: MatrixLevel, criterion_id: str, column: str) -> dict:
    counts: dict[str, dict[str, int]] = {}
    for cell in level.at(criterion_id, column):
        counts.setdefault(cell.source_kind, {})[cell.mark] = cell.count
    return {
        "sources": level.total(criterion_id, column),
        "counts": counts,
        "voices": sorted(level.voices(criterion_id, column)),
    }


def evidence_matrix(
    ws: Workspace, inspection_id: str, matrix_filter: MatrixFilter = MatrixFilter()
) -> Matrix:
    """The inspection's evidence matrix, as plain data (see the module's docstring)."""
    pack = theme_pack(ws, inspection_id)
    criteria = [{"id": c.id, "title": c.title, "strand": c.strand} for c in pack.criteria]
    organisations = [
        {k: a.get(k) for k in ("id", "name", "kind", "service_type", "in_scope")}
        for a in sorted(ws.rows("agency", inspection_id), key=organisation_order)
    ]
    sql, params = rows_sql(matrix_filter)
    rows = ws.db.execute(sql, {**params, "inspection": inspection_id}).fetchall()
    kinds: dict[str, str] = {str(o["id"]): str(o["kind"]) for o in organisations}
    by_organisation, by_kind = _aggregate(rows, kinds)
    return Matrix(criteria, organisations, by_organisation, by_kind)


def _aggregate(rows: list[tuple], kinds: dict[str, str]) -> tuple[MatrixLevel, MatrixLevel]:
    """Count distinct sources per criterion and organisation (and per agency kind), by source
    kind and mark, in one pass over the rows: grouping in SQLite costs about twice the query
    that reads them. Organisations no longer in the inspection are left out."""
    by_organisation: dict[tuple, set[str]] = {}  # (criterion, column, kind, mark) -> sources
    by_kind: dict[tuple, set[str]] = {}
    heard: dict[tuple, set[str]] = {}  # the same keys (both levels) -> voices
    # Many codes name the same organisations: each distinct list is parsed once.
    parsed: dict[str, tuple[str, ...]] = {}
    for criterion, org, kind, mark, src, voice in rows:
        named = parsed.get(org)
        if named is None:
            parsed[org] = named = tuple(json.loads(org)) if org[:1] == "[" else (org,)
        for organisation in named:
            agency_kind = kinds.get(organisation)
            if agency_kind is None:
                continue
            for found, column in ((by_organisation, organisation), (by_kind, agency_kind)):
                key = (criterion, column, kind, mark)
                sources = found.get(key)
                if sources is None:
                    found[key] = sources = set()
                sources.add(src)
                if voice:
                    heard.setdefault(key, set()).add(voice)
    return _level(by_organisation, heard), _level(by_kind, heard)


def _level(found: dict[tuple, set[str]], heard: dict[tuple, set[str]]) -> MatrixLevel:
    level = MatrixLevel()
    every: dict[tuple[str, str], set[str]] = {}
    of_kind: dict[tuple[str, str, str], set[str]] = {}
    for key, sources in found.items():
        criterion, column, kind, mark = key
        voices = tuple(sorted(heard.get(key, ())))
        level.cells.setdefault((criterion, column), []).append(
            Cell(criterion, column, kind, mark, len(sources), voices)
        )
        every.setdefault((criterion, column), set()).update(sources)
        of_kind.setdefault((criterion, column, kind), set()).update(sources)
    level.totals = {key: len(sources) for key, sources in every.items()}
    level.kind_totals = {key: len(sources) for key, sources in of_kind.items()}
    return level


@dataclass(frozen=True)
class CellSource:
    """One record behind a cell, as the drill-down lists it."""

    entity: str  # the record to open: "note", "review", "area_review", "evidence", ...
    entity_id: str
    kind: str  # a SOURCE_KINDS key
    mark: str
    voice: str | None
    label: str  # what the record is, in words safe to show
    quote: str  # the coded words, or the start of the record's text


def cell_sources(
    ws: Workspace,
    inspection_id: str,
    criterion_id: str,
    column: str,
    matrix_filter: MatrixFilter = MatrixFilter(),
) -> list[CellSource]:
    """The passages and records behind a cell (``column``: an organisation id or an agency
    kind), one entry per code or record, in the order of source kind and record."""
    sql, params = kept_sql(matrix_filter)
    sql += (
        "SELECT DISTINCT kind, mark, src, voice, code FROM kept"
        " WHERE criterion = :criterion AND (org = :column OR org_kind = :column)"
        " ORDER BY kind, src, code"
    )
    params |= {"inspection": inspection_id, "criterion": criterion_id, "column": column}
    found = []
    for kind, mark, src, voice, code_id in ws.db.execute(sql, params).fetchall():
        entity, _, entity_id = src.partition(":")
        found.append(_described(ws, entity, entity_id, kind, mark, voice, code_id))
    return found


_LABELS = {
    "note": lambda row: row.get("title") or "",
    "evidence": lambda row: f"{row.get('ref') or ''} {row.get('title') or ''}".strip(),
    "front_door_sample": lambda row: row.get("label") or "",
}
_TEXTS = {
    "note": "text",
    "review": "observation",
    "area_review": "observation",
    "evidence": "description",
    "front_door_sample": "notes",
}


def _described(ws, entity, entity_id, kind, mark, voice, code_id) -> CellSource:
    row = ws.get(entity, entity_id) or {}
    label = _LABELS.get(entity, lambda r: "")(row) or _review_label(ws, entity, row)
    code = ws.get("code", code_id) if code_id else None
    text = code["quote"] if code else " ".join((row.get(_TEXTS[entity]) or "").split())[:200]
    return CellSource(entity, entity_id, kind, mark, voice, label, text)


def _review_label(ws, entity: str, row: dict) -> str:
    if entity == "area_review":
        return "The area as a whole"
    child = ws.get("child", row.get("child_id") or "") if row else None
    return f"Case review: {child['pseudonym']}" if child else "Case review"
