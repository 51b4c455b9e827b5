"""The national picture from the areas' extracts: pure functions over extract payloads.

An extract (``services.extract``) holds one area's published findings, its evidence matrix
counts by criterion and agency kind, its front door timeliness and its letter's text, with
every count from 1 to 5 suppressed (``None``). This module draws several together: findings
grouped by criterion and agency kind, the strengths and concerns that recur in most areas,
the matrix summed and per area (a suppressed count adds "1 to 5", so a sum is a range until
every part is known; coded passages' measures are summed apart, see ``thematic_matrix``),
timeliness side by side, and search across every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .thematic_matrix import (  # noqa: F401 (Count, the measures and the bounds are read from here)
    CODED_MEASURES,
    CODING,
    MEASURES,
    REVIEWS_AND_FINDINGS,
    SMALL_HIGH,
    SMALL_LOW,
    Count,
    MatrixView,
    area_matrix,
    source_of,
    summed,
    view_json,
)

STRENGTH, CONCERN = "strength", "concern"
CONCERN_KINDS = ("priority_action", "area_for_improvement")
PARTNERSHIP = "partnership"
NO_CRITERION = ""  # a finding whose evidence names no criterion


@dataclass(frozen=True)
class Area:
    label: str  # the area's name where its published letter names it, else "Area N"
    named: bool
    region: str
    fieldwork_start: str
    fieldwork_end: str
    published_on: str
    fingerprint: str  # of the lead's key that signed the extract
    extract_id: str
    confirmed: bool = False  # a person confirmed that key with the lead
    matrix_source: str = REVIEWS_AND_FINDINGS  # or CODING: see domain.thematic_matrix


@dataclass(frozen=True)
class AreaFinding:
    area: str
    kind: str
    agency_kinds: tuple[str, ...]
    criteria: tuple[str, ...]
    title: str
    text: str

    @property
    def polarity(self) -> str:
        return CONCERN if self.kind in CONCERN_KINDS else STRENGTH


@dataclass(frozen=True)
class Recurring:
    """A strength or concern about one agency kind (in one criterion, or in any) found in most
    areas."""

    polarity: str
    agency_kind: str
    criterion: str | None  # None: in any criterion
    areas: tuple[str, ...]
    of: int  # how many areas there are

    def describe(self, criteria: dict[str, str], kinds: dict[str, str]) -> str:
        what = "Strengths" if self.polarity == STRENGTH else "Concerns"
        about = kinds.get(self.agency_kind, self.agency_kind)
        where = ""
        if self.criterion:
            where = f" in {self.criterion} ({criteria.get(self.criterion, '')})"
        return f"{what} about {about}{where}: {len(self.areas)} of {self.of} areas"


@dataclass(frozen=True)
class StepTimes:
    area: str
    samples: int | None
    target_hours: int | None
    count: int | None
    median_hours: float | None
    p90_hours: float | None
    over_target: int | None
    median_days: float | None


@dataclass(frozen=True)
class SearchHit:
    area: str
    place: str
    snippet: str


@dataclass(frozen=True)
class Study:
    area: str
    kind: str  # highly_effective_practice | area_for_improvement
    heading: str
    text: str


@dataclass(frozen=True)
class Summary:
    theme: dict[str, Any]
    areas: tuple[Area, ...]
    criteria: dict[str, str]  # id -> title, in the pack's order
    strands: dict[str, str]  # criterion id -> its strand's title
    findings: tuple[AreaFinding, ...]
    recurring: tuple[Recurring, ...]
    matrix: MatrixView  # summed over the areas
    matrix_by_area: dict[str, MatrixView]
    timeliness: dict[str, tuple[StepTimes, ...]]  # step label -> per area
    children: dict[str, Count]
    studies: tuple[Study, ...] = ()
    texts: tuple[tuple[str, str, str], ...] = field(repr=False, default=())  # area, place, text

    def grouped(self) -> dict[tuple[str, str], list[AreaFinding]]:
        """Findings by (criterion, agency kind); a finding about several appears under each."""
        groups: dict[tuple[str, str], list[AreaFinding]] = {}
        for f in self.findings:
            for criterion in f.criteria or (NO_CRITERION,):
                for kind in f.agency_kinds or (PARTNERSHIP,):
                    groups.setdefault((criterion, kind), []).append(f)
        order = {c: i for i, c in enumerate(self.criteria)}
        return dict(sorted(groups.items(), key=lambda g: (order.get(g[0][0], len(order)), g[0][1])))

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Every text holding all the words of ``query`` (in any case), with a snippet."""
        words = [w.casefold() for w in re.findall(r"\w+", query)]
        if not words:
            return []
        hits = []
        for area, place, text in self.texts:
            folded = text.casefold()
            if all(w in folded for w in words):
                hits.append(SearchHit(area, place, _snippet(text, folded.find(words[0]))))
                if len(hits) >= limit:
                    break
        return hits


def summarise(extracts: Sequence[dict[str, Any]]) -> Summary:
    """The summary of extracts given as {"payload", "fingerprint", "extract_id"} in the order
    they should be listed (by fieldwork date)."""
    if not extracts:
        return Summary({}, (), {}, {}, (), (), MatrixView(), {}, {}, {})
    first = extracts[0]["payload"]
    areas = _unique([_area(e, n) for n, e in enumerate(extracts, 1)])
    criteria = {c["id"]: c["title"] for c in first.get("criteria", [])}
    strand_titles = {s["id"]: s["title"] for s in first.get("strands", [])}
    strands = {c["id"]: strand_titles.get(c.get("strand", ""), "") for c in first["criteria"]}
    found = tuple(
        _finding(area.label, f)
        for area, e in zip(areas, extracts)
        for f in e["payload"].get("findings", [])
    )
    by_area = {a.label: area_matrix(e["payload"]) for a, e in zip(areas, extracts)}
    return Summary(
        theme=dict(first.get("theme", {})),
        areas=tuple(areas),
        criteria=criteria,
        strands=strands,
        findings=found,
        recurring=tuple(recurring(found, [a.label for a in areas])),
        matrix=summed(by_area.values()),
        matrix_by_area=by_area,
        timeliness=_timeliness(areas, extracts),
        children=_children(e["payload"] for e in extracts),
        studies=tuple(
            Study(a.label, s.get("kind", ""), s.get("heading", ""), s.get("text", ""))
            for a, e in zip(areas, extracts)
            for s in e["payload"].get("case_studies", [])
        ),
        texts=tuple(t for a, e in zip(areas, extracts) for t in _texts(a.label, e["payload"])),
    )


def recurring(found: Iterable[AreaFinding], areas: Sequence[str]) -> list[Recurring]:
    """Strengths and concerns about an agency kind found in more than half of the areas: in
    any criterion, then in one criterion. Most areas first."""
    in_any: dict[tuple[str, str], set[str]] = {}
    in_one: dict[tuple[str, str, str], set[str]] = {}
    for f in found:
        for kind in f.agency_kinds or (PARTNERSHIP,):
            in_any.setdefault((f.polarity, kind), set()).add(f.area)
            for criterion in f.criteria:
                in_one.setdefault((f.polarity, kind, criterion), set()).add(f.area)
    most = len(areas) / 2
    order = {a: i for i, a in enumerate(areas)}

    def listed(where: set[str]) -> tuple[str, ...]:
        return tuple(sorted(where, key=order.__getitem__))

    result = [
        Recurring(p, k, None, listed(w), len(areas))
        for (p, k), w in in_any.items()
        if len(w) > most
    ]
    result += [
        Recurring(p, k, c, listed(w), len(areas))
        for (p, k, c), w in in_one.items()
        if len(w) > most
    ]
    return sorted(
        result,
        key=lambda r: (
            r.polarity != CONCERN,
            -len(r.areas),
            r.criterion is not None,
            r.agency_kind,
            r.criterion or "",
        ),
    )


def _area(extract: dict[str, Any], number: int) -> Area:
    payload = extract["payload"]
    area, dates = payload.get("area", {}), payload.get("dates", {})
    named = bool(area.get("named_in_letter")) and bool(area.get("name"))
    return Area(
        label=area["name"] if named else f"Area {number}",
        named=named,
        region=area.get("region") or "",
        fieldwork_start=dates.get("fieldwork_start") or "",
        fieldwork_end=dates.get("fieldwork_end") or "",
        published_on=dates.get("published_on") or "",
        fingerprint=extract.get("fingerprint", ""),
        extract_id=extract.get("extract_id", ""),
        confirmed=bool(extract.get("confirmed")),
        matrix_source=source_of(payload),
    )


def _unique(areas: list[Area]) -> list[Area]:
    """Two extracts of areas with one name (an area inspected twice) are told apart."""
    seen: dict[str, int] = {}
    result = []
    for area in areas:
        seen[area.label] = seen.get(area.label, 0) + 1
        if seen[area.label] > 1:
            area = replace(area, label=f"{area.label} ({seen[area.label]})")
        result.append(area)
    return result


def _finding(area: str, f: dict[str, Any]) -> AreaFinding:
    return AreaFinding(
        area,
        f.get("kind", ""),
        tuple(f.get("agency_kinds") or ()),
        tuple(f.get("criteria") or ()),
        f.get("title", ""),
        f.get("text", ""),
    )


def _children(payloads: Iterable[dict[str, Any]]) -> dict[str, Count]:
    total: dict[str, Count] = {}
    for payload in payloads:
        for selection, value in (payload.get("children") or {}).items():
            total[selection] = total.get(selection, Count()) + Count.of(value)
    return total


def _timeliness(areas: Sequence[Area], extracts: Sequence[dict[str, Any]]):
    steps: dict[str, list[StepTimes]] = {}
    for area, e in zip(areas, extracts):
        times = e["payload"].get("timeliness") or {}
        for step in times.get("steps", []):
            steps.setdefault(step["label"], []).append(
                StepTimes(
                    area.label,
                    times.get("samples"),
                    step.get("target_working_hours"),
                    step.get("count"),
                    step.get("median_working_hours"),
                    step.get("p90_working_hours"),
                    step.get("over_target"),
                    step.get("median_working_days"),
                )
            )
    return {label: tuple(rows) for label, rows in steps.items()}


def _texts(area: str, payload: dict[str, Any]):
    for section in payload.get("letter", {}).get("sections", []):
        for n, paragraph in enumerate(section.get("paragraphs", []), 1):
            yield (
                area,
                f"Letter: {section.get('heading') or section.get('key')}, paragraph {n}",
                paragraph,
            )
    for study in payload.get("case_studies", []):
        yield area, f"Case study: {study.get('heading', '')}", study.get("text", "")
    for f in payload.get("findings", []):
        yield area, f"Finding: {f.get('title', '')}", f"{f.get('title', '')}. {f.get('text', '')}"


def _snippet(text: str, at: int, width: int = 90) -> str:
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def summary_json(summary: Summary) -> dict[str, Any]:
    """The summary as stable JSON (``thematic summary --json``)."""

    return {
        "theme": summary.theme,
        "areas": [
            {
                "label": a.label,
                "named": a.named,
                "region": a.region,
                "fieldwork_start": a.fieldwork_start,
                "fieldwork_end": a.fieldwork_end,
                "published_on": a.published_on,
                "key_fingerprint": a.fingerprint,
                "key_confirmed": a.confirmed,
                "matrix_source": a.matrix_source,
            }
            for a in summary.areas
        ],
        "recurring": [
            {
                "polarity": r.polarity,
                "agency_kind": r.agency_kind,
                "criterion": r.criterion,
                "areas": list(r.areas),
                "of": r.of,
            }
            for r in summary.recurring
        ],
        "findings": [
            {
                "criterion": c,
                "agency_kind": k,
                "findings": [
                    {"area": f.area, "kind": f.kind, "title": f.title, "text": f.text}
                    for f in found
                ],
            }
            for (c, k), found in summary.grouped().items()
        ],
        "matrix": {
            "summed": view_json(summary.matrix),
            "per_area": {area: view_json(m) for area, m in summary.matrix_by_area.items()},
            "sources": {a.label: a.matrix_source for a in summary.areas},
            "areas": summary.matrix.areas,
            "coded_areas": summary.matrix.coded_areas,
        },
        "timeliness": [
            {
                "step": label,
                "areas": [
                    {
                        "area": r.area,
                        "count": r.count,
                        "target_working_hours": r.target_hours,
                        "median_working_hours": r.median_hours,
                        "p90_working_hours": r.p90_hours,
                        "over_target": r.over_target,
                        "median_working_days": r.median_days,
                    }
                    for r in rows
                ],
            }
            for label, rows in summary.timeliness.items()
        ],
        "children": {k: v.as_json() for k, v in summary.children.items()},
    }
