"""Organisations roll up to their agency kind where the letter speaks of a kind: the section
per kind, the annex of case reviews, the chart and the check for kinds no finding names. A kind
with one organisation reads as release 0.1's letters did."""

from __future__ import annotations

from datetime import date

from jtai_desktop.report import inputs as li
from jtai_desktop.report.agency_groups import groups
from jtai_desktop.report.compose import chart_rows, compose, structural_warnings

ICB = li.AgencyInfo("icb", "Northbridge ICB", "health")
MATERNITY = li.AgencyInfo("mat", "The maternity unit", "health")
HEALTH_VISITING = li.AgencyInfo("hv", "The health visiting service", "health")
POLICE = li.AgencyInfo("pol", "Northbridge Police", "police")
SCHOOLS = li.AgencyInfo("sch", "Northbridge schools", "education", in_scope=False)


def inputs(findings, reviews=()) -> li.LetterInputs:
    return li.LetterInputs(
        area="Northbridge",
        theme_title="Domestic abuse",
        inspectorates=("Ofsted", "CQC", "HMICFRS"),
        fieldwork=(date(2026, 10, 19), date(2026, 10, 23)),
        drafted_on=date(2026, 11, 1),
        agencies=(POLICE, ICB, MATERNITY, HEALTH_VISITING, SCHOOLS),
        findings=tuple(findings),
        children=(li.ChildInfo("c1", "Child A", "0-2", True),),
        reviews=tuple(reviews),
        criteria=(
            li.CriterionInfo("DA-01", "Recognising abuse", ("health", "police")),
            li.CriterionInfo("DA-16", "Leaders know practice", ("health", "police"), False),
        ),
    )


FINDINGS = (
    li.FindingInfo("f1", "strength", "Midwives ask", "Midwives ask at booking.", ("mat",), 1),
    li.FindingInfo("f2", "area_for_improvement", "Late news", "News is late.", ("hv", "mat"), 1),
    li.FindingInfo("f3", "strength", "Officers see", "Officers see the baby.", ("pol",), 1),
)


def test_a_kind_with_several_organisations_is_one_section_holding_each_ones_findings():
    letter = compose(inputs(FINDINGS))
    health = letter.section("kind:health")
    assert health.heading == "Health" and health.level == 2
    assert [(b.lead, b.text) for b in health.blocks] == [
        ("The maternity unit (strength): ", "Midwives ask at booking."),
        (
            "The maternity unit, The health visiting service (area for improvement): ",
            "News is late.",
        ),
    ]
    # One organisation is its kind's section, keyed and named as before.
    police = letter.section("agency:pol")
    assert police.heading == "Northbridge Police"
    assert [(b.lead, b.text) for b in police.blocks] == [("Strength: ", "Officers see the baby.")]
    assert "agency:mat" not in {s.key for s in letter.sections}
    assert "agency:sch" not in {s.key for s in letter.sections}  # out of scope


def test_the_chart_counts_a_finding_once_for_its_kind():
    rows = {r.label: r.counts for r in chart_rows(inputs(FINDINGS))}
    assert rows == {
        "Northbridge Police": {"strength": 1},
        "Health": {"strength": 1, "area_for_improvement": 1},
    }


def test_the_annex_counts_reviews_per_kind_and_only_criteria_judged_per_child():
    reviews = [
        li.ReviewInfo("r1", "c1", "mat", "DA-01", "Seen.", strength=True),
        li.ReviewInfo("r2", "c1", "hv", "DA-01", "Seen.", concern=True),
        li.ReviewInfo("r3", "c1", "pol", "DA-01", "  "),
    ]
    letter = compose(inputs(FINDINGS, reviews))
    table = letter.section("annex_reviews").blocks[-1]
    assert table.rows == (
        ("Northbridge Police", "DA-01 Recognising abuse", "0", "0", "0"),
        ("Health", "DA-01 Recognising abuse", "2", "1", "1"),
    )


def test_a_kind_no_finding_names_is_warned_about_once():
    only_police = [f for f in FINDINGS if f.id == "f3"]
    letter = compose(inputs(only_police))
    warnings = [
        w for w in structural_warnings(letter, inputs(only_police)) if w.kind != "empty_section"
    ]
    assert [(w.kind, w.message) for w in warnings] == [
        (
            "agency_without_finding",
            "Health is in scope but no finding names it or any of its organisations.",
        )
    ]


def test_groups_follow_the_agencies_order_and_scope():
    found = groups((POLICE, ICB, MATERNITY, SCHOOLS))
    assert [(g.key, g.heading, [a.id for a in g.organisations]) for g in found] == [
        ("agency:pol", "Northbridge Police", ["pol"]),
        ("kind:health", "Health", ["icb", "mat"]),
    ]
