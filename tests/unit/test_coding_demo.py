"""The demo's coded passages, and the matrix's counts against the bare SQL aggregate that the
benchmark measures it beside."""

import pytest

from jtai_desktop.services.coding import placed_codes
from jtai_desktop.services.demo import build_demo
from jtai_desktop.services.evidence_matrix import (
    BY_KIND,
    BY_ORGANISATION,
    MatrixFilter,
    counts_sql,
    evidence_matrix,
)
from jtai_desktop.services.sufficiency import sufficiency
from jtai_desktop.services.triangulation import findings_spread


@pytest.fixture
def demo(ws):
    return build_demo(ws, "small", 1)


def test_the_demo_codes_passages_of_notes_and_reviews_and_rests_findings_on_them(ws, demo):
    codes = ws.rows("code", demo)
    assert {c["source_kind"] for c in codes} == {"note", "review"}
    assert len({c["created_by"] for c in codes}) > 2  # coded by the team, not one inspector
    for code in codes[:40]:
        text = ws.get(code["source_kind"], code["source_id"])
        field = "text" if code["source_kind"] == "note" else "observation"
        [placed] = [
            p
            for p in placed_codes(ws, code["source_kind"], code["source_id"], text[field])
            if p.id == code["id"]
        ]
        assert placed.anchor.status == "exact"
    spreads = findings_spread(ws, demo)
    assert any(s.meets_rule for s in spreads) and any(not s.meets_rule for s in spreads)
    assert sufficiency(ws, demo).thin_cells


@pytest.mark.parametrize(
    "matrix_filter",
    [MatrixFilter(), MatrixFilter(selections=("tracked",)), MatrixFilter(since="2026-10-20")],
)
def test_the_matrix_counts_what_the_bare_sql_aggregate_counts(ws, demo, matrix_filter):
    matrix = evidence_matrix(ws, demo, matrix_filter)
    sql, params = counts_sql(matrix_filter)
    expected: dict[tuple, int] = {}
    voices: dict[tuple, set] = {}
    for level, criterion, column, kind, mark, n, heard in ws.db.execute(
        sql, {**params, "inspection": demo}
    ).fetchall():
        expected[(level, criterion, column, kind, mark)] = n
        if heard:
            voices[(level, criterion, column)] = voices.get(
                (level, criterion, column), set()
            ) | set(heard.split(","))
    got: dict[tuple, int] = {}
    for name in (BY_ORGANISATION, BY_KIND):
        level = matrix.level(name)
        for (criterion, column), n in level.totals.items():
            got[(name, criterion, column, None, None)] = n
            assert level.voices(criterion, column) == voices.get((name, criterion, column), set())
        for cells in level.cells.values():
            for c in cells:
                got[(name, c.criterion_id, c.column, c.source_kind, c.mark)] = c.count
    assert got == expected and len(got) > 50


def test_the_letter_check_names_the_findings_below_the_rule(ws, demo):
    from jtai_desktop.services.report import check_letter
    from jtai_desktop.services.triangulation import findings_below_rule, set_evidence_rule

    draft = check_letter(ws, demo)
    flagged = {w.finding_id for w in draft.result.warnings if w.kind == "finding_below_rule"}
    below = {f.finding["id"] for f in findings_below_rule(ws, demo)}
    assert flagged and flagged <= below
    set_evidence_rule(ws, demo, min_sources=1, min_kinds=1)
    draft = check_letter(ws, demo)
    assert not [w for w in draft.result.warnings if w.kind == "finding_below_rule"]
