"""Organisations roll up to their agency kind where the letter speaks of a kind: one addressee
per kind in the address block, the internal annexes of case reviews and findings per kind, and
the check for kinds no finding names. A kind with one organisation reads as release 0.1's
letters did."""

from __future__ import annotations

from datetime import date

from jtai_desktop.report import inputs as li
from jtai_desktop.report.agency_groups import groups
from jtai_desktop.report.compose import chart_rows, compose
from jtai_desktop.report.letter_checks import structural_warnings

ICB = li.AgencyInfo("icb", "Northbridge ICB", "health", service_type="icb")
MATERNITY = li.AgencyInfo("mat", "The maternity unit", "health", service_type="maternity")
HEALTH_VISITING = li.AgencyInfo(
    "hv", "The health visiting service", "health", True, "health_visiting"
)
POLICE = li.AgencyInfo("pol", "Northbridge Police", "police")
SCHOOLS = li.AgencyInfo("sch", "Northbridge schools", "education", in_scope=False)


def inputs(findings, reviews=()) -> li.LetterInputs:
    return li.LetterInputs(
        area="Northbridge",
        theme_title="Domestic abuse",
        inspectorates=("Ofsted", "CQC", "HMICFRS"),
        fieldwork=(date(2026, 10, 19), date(2026, 10, 23)),
        drafted_on=date(2026, 11, 1),
        # In the letter's order: the ICB first among health (see services.letter_inputs._agencies).
        agencies=(POLICE, ICB, MATERNITY, HEALTH_VISITING, SCHOOLS),
        findings=tuple(findings),
        children=(li.ChildInfo("c1", "Child A", "0-2", True),),
        reviews=tuple(reviews),
        criteria=(
            li.CriterionInfo("DA-01", "Recognising abuse", ("health", "police")),
            li.CriterionInfo("DA-16", "Leaders know practice", ("health", "police"), False),
        ),
        theme_id="domestic-abuse",
    )


FINDINGS = (
    li.FindingInfo("f1", "strength", "Midwives ask", "Midwives ask at booking.", ("mat",), 1),
    li.FindingInfo("f2", "area_for_improvement", "Late news", "News is late.", ("hv", "mat"), 1),
    li.FindingInfo("f3", "strength", "Officers see", "Officers see the baby.", ("pol",), 1),
)


def test_the_address_block_speaks_to_one_organisation_per_kind():
    address = "\n".join(b.text for b in compose(inputs(FINDINGS)).section("address").blocks)
    assert address.count("Northbridge ICB") == 1
    assert "maternity unit" not in address and "health visiting" not in address
    assert "Chief Constable, Northbridge Police" in address


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
    letter = compose(inputs(FINDINGS, reviews), internal=True)
    table = letter.section("annex_reviews").blocks[-1]
    # One row per kind (the two health organisations' reviews together, shown as the internal
    # draft shows small counts), none for DA-16, which no child's case is reviewed against.
    assert table.rows == (
        ("Northbridge Police", "DA-01 Recognising abuse", "0", "0", "0"),
        ("Health", "DA-01 Recognising abuse", *["fewer than 6"] * 3),
    )


def test_a_kind_no_finding_names_is_warned_about_once():
    only_police = [f for f in FINDINGS if f.id == "f3"]
    shown = inputs(only_police)
    warnings = [
        w for w in structural_warnings(compose(shown), shown) if w.kind == "agency_without_finding"
    ]
    assert [w.message for w in warnings] == [
        "Health is in scope but no finding names it or any of its organisations."
    ]
    assert structural_warnings(compose(inputs(FINDINGS)), inputs(FINDINGS)) == [
        w
        for w in structural_warnings(compose(inputs(FINDINGS)), inputs(FINDINGS))
        if w.kind != "agency_without_finding"
    ]


def test_groups_follow_the_agencies_order_and_scope():
    found = groups((POLICE, ICB, MATERNITY, SCHOOLS))
    assert [(g.key, g.heading, [a.id for a in g.organisations]) for g in found] == [
        ("agency:pol", "Northbridge Police", ["pol"]),
        ("kind:health", "Health", ["icb", "mat"]),
    ]
