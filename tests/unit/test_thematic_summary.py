"""Drawing areas' extracts together: recurring findings, summed counts (suppressed counts make
ranges), findings by criterion and agency kind, timeliness side by side, search."""

from jtai_desktop.domain.thematic import Count, summarise, summary_json


def payload(area, findings=(), cells=(), named=True, start="2026-10-19", studies=(), coded=None):
    """An extract's payload; ``coded``: (criterion, kind) -> a cell's coded measures (the
    area then coded passages)."""
    return {
        "payload": {
            "theme": {"id": "neglect", "version": "2017-04", "title": "Neglect", "kind": "x"},
            "strands": [{"id": "s", "title": "Strand"}],
            "criteria": [
                {"id": "NG-01", "title": "First", "strand": "s"},
                {"id": "NG-02", "title": "Second", "strand": "s"},
            ],
            "area": {"name": area, "region": None, "named_in_letter": named},
            "dates": {"fieldwork_start": start, "fieldwork_end": start},
            "children": {"tracked": 7, "sampled": None},
            "findings": [
                {"kind": k, "agency_kinds": kinds, "criteria": crit, "title": t, "text": t}
                for k, kinds, crit, t in findings
            ],
            "matrix": {
                "cells": [
                    {
                        "criterion": c,
                        "agency_kind": k,
                        "reviews": r,
                        "strengths": s,
                        "concerns": 0,
                        "findings": 0,
                        **({"coding": coded[(c, k)]} if coded and (c, k) in coded else {}),
                    }
                    for c, k, r, s in cells
                ],
                **({"source": "coding"} if coded is not None else {}),
            },
            "timeliness": {
                "samples": 40,
                "steps": [
                    {
                        "label": "Contact to MASH decision",
                        "count": 40,
                        "median_working_hours": 3.5,
                        "over_target": None,
                    }
                ],
            },
            "letter": {
                "sections": [
                    {
                        "key": "main",
                        "heading": "Main findings",
                        "paragraphs": [f"Leaders in {area} know their services."],
                    }
                ]
            },
            "case_studies": [
                {"kind": "area_for_improvement", "heading": "Study", "text": t} for t in studies
            ],
        },
        "fingerprint": "AAAA",
        "extract_id": area,
    }


CONCERN_HEALTH = ("area_for_improvement", ["health"], ["NG-01"], "Health visitors miss signs")
STRENGTH_POLICE = ("strength", ["police"], ["NG-02"], "Police share quickly")


def test_what_recurs_in_more_than_half_the_areas_is_found_and_nothing_else():
    found = summarise(
        [
            payload("A", [CONCERN_HEALTH, STRENGTH_POLICE]),
            payload("B", [CONCERN_HEALTH]),
            payload("C", [("priority_action", ["health"], ["NG-02"], "Health absent")]),
            payload("D", [STRENGTH_POLICE]),
        ]
    )
    recurring = {(r.polarity, r.agency_kind, r.criterion): r.areas for r in found.recurring}
    # health concerns: A, B (NG-01) and C (NG-02) -> 3 of 4 in any criterion; NG-01 only 2 of 4
    assert recurring == {("concern", "health", None): ("A", "B", "C")}


def test_an_area_counts_once_however_many_findings_it_has():
    found = summarise(
        [payload("A", [CONCERN_HEALTH, CONCERN_HEALTH, CONCERN_HEALTH]), payload("B"), payload("C")]
    )
    assert found.recurring == ()


def test_counts_add_up_and_a_suppressed_count_makes_a_range():
    found = summarise(
        [
            payload("A", cells=[("NG-01", "health", 10, None)]),
            payload("B", cells=[("NG-01", "health", 7, 6)]),
            payload("C", cells=[("NG-01", "police", 0, 0)]),
        ]
    )
    health = found.matrix.counts[("NG-01", "health")]
    assert health["reviews"] == Count(17, 17)
    assert health["strengths"] == Count(7, 11)  # 6 plus a count from 1 to 5
    assert health["strengths"].shown() == "7 to 11"
    assert found.matrix.counts[("NG-01", "police")]["reviews"].shown() == "0"
    assert found.children["tracked"] == Count(21, 21)
    assert found.children["sampled"].shown() == "3 to 15"  # three areas of 1 to 5 each
    assert summarise([payload("A")]).children["sampled"].shown() == "fewer than 6"
    assert summary_json(found)["matrix"]["summed"][0]["strengths"] == {"at_least": 7, "at_most": 11}


def test_findings_are_grouped_by_criterion_and_agency_kind_in_the_frameworks_order():
    found = summarise([payload("A", [STRENGTH_POLICE, CONCERN_HEALTH])])
    assert list(found.grouped()) == [("NG-01", "health"), ("NG-02", "police")]


def test_an_area_its_letter_does_not_name_is_not_named_and_same_names_are_told_apart():
    found = summarise([payload("A", named=False), payload("B"), payload("B")])
    assert [a.label for a in found.areas] == ["Area 1", "B", "B (2)"]


def test_timeliness_is_side_by_side_per_step():
    found = summarise([payload("A"), payload("B")])
    rows = found.timeliness["Contact to MASH decision"]
    assert [(r.area, r.median_hours, r.over_target) for r in rows] == [
        ("A", 3.5, None),
        ("B", 3.5, None),
    ]


def test_search_finds_every_areas_text_holding_all_the_words():
    found = summarise(
        [payload("A", [CONCERN_HEALTH], studies=["A toddler's nursery noticed."]), payload("B")]
    )
    assert [h.area for h in found.search("leaders SERVICES")] == ["A", "B"]
    assert [h.place for h in found.search("nursery")] == ["Case study: Study"]
    assert found.search("health visitors")[0].area == "A"
    assert found.search("   ") == []


def coding(sources, notes, strengths, voices, concerns=0):
    return {
        "sources": sources,
        "notes": notes,
        "case_reviews": 0,
        "front_door": 0,
        "evidence": 0,
        "strengths": strengths,
        "concerns": concerns,
        "voices": voices,
    }


def test_coded_measures_are_summed_only_over_the_areas_that_coded_never_into_the_reviews():
    key = ("NG-01", "health")
    found = summarise(
        [
            payload("A", cells=[(*key, 10, 8)], coded={key: coding(12, 7, 9, ["child"])}),
            payload("B", cells=[(*key, 7, 6)]),  # counts from reviews and findings only
            payload("C", cells=[(*key, 6, None)], coded={key: coding(20, None, 6, ["child"])}),
        ]
    )
    assert [a.matrix_source for a in found.areas] == ["coding", "reviews_and_findings", "coding"]
    view = found.matrix
    assert (view.areas, view.coded_areas) == (3, 2)
    # the case reviews of all three areas, and none of the coded sources among them
    assert view.measures(key)["reviews"] == Count(23, 23)
    assert view.measures(key)["strengths"] == Count(15, 19)
    coded = view.coded_measures(key)
    assert coded is not None
    assert coded["sources"] == Count(32, 32)
    assert coded["notes"] == Count(8, 12)  # 7 and a count from 1 to 5
    assert coded["strengths"] == Count(15, 15)
    assert view.voices[key] == {"child": 2}
    assert found.matrix_by_area["B"].coded_measures(key) is None
    cell = summary_json(found)["matrix"]["summed"][0]
    assert cell["reviews"] == 23 and cell["coding"]["sources"] == 32
    assert cell["coding"]["voices"] == {"child": 2}
    assert summary_json(found)["matrix"]["sources"]["B"] == "reviews_and_findings"
    uncoded = summarise([payload("B", cells=[(*key, 7, 6)])])
    assert uncoded.matrix.coded_measures(key) is None
    assert summary_json(uncoded)["matrix"]["summed"][0]["coding"] is None
