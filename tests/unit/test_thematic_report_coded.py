"""The report draft's annex gives the coded evidence of the areas that coded in a table of its
own, names an area only where its letter named it, and has no such table where none coded."""

from datetime import date

from jtai_desktop.domain.thematic import summarise
from jtai_desktop.report.letter import Paragraph, Table
from jtai_desktop.report.thematic_report import compose_report

from .test_thematic_summary import coding, payload

KEY = ("NG-01", "health")


def annex(found):
    report = compose_report(found, date(2027, 3, 1), ("ofsted",))
    return next(s for s in report.sections if s.key == "annex_matrix").blocks


def test_the_coded_evidence_has_a_table_of_its_own_naming_only_named_areas():
    found = summarise(
        [
            payload("A", cells=[(*KEY, 10, 8)], coded={KEY: coding(12, 7, 9, ["child"])}),
            payload("B", cells=[(*KEY, 7, 6)]),
            payload("C", cells=[(*KEY, 6, 0)], coded={KEY: coding(20, 8, 6, [])}, named=False),
        ]
    )
    blocks = annex(found)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert [t.header[2] for t in tables] == ["Case reviews", "All sources"]
    coded = tables[1]
    # no area gave a case review, front door sample or evidence item: no column for them
    assert coded.header[2:] == ("All sources", "Coded notes", "With a strength", "With a concern")
    assert coded.rows == (("NG-01", "Health", "32", "15", "15", "0"),)
    text = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    assert "In two of the three areas (A and one other area)" in text
    assert "Area 3" not in text
    assert "Those areas counted no case reviews, front door samples or evidence items." in text


def test_no_coded_table_where_no_area_coded():
    found = summarise([payload("A", cells=[(*KEY, 10, 8)]), payload("B", cells=[(*KEY, 7, 6)])])
    assert [b.header[2] for b in annex(found) if isinstance(b, Table)] == ["Case reviews"]
