"""The small demo reads as a real inspection would: marks agree with ratings, each
organisation's work is reviewed and its findings written about it by the inspectorate that
inspects it, the team is the theme's inspectorates, and the front door and the on-site week
look like the real thing (timings across weekends and bank holidays, a week of sessions)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jtai_desktop.domain.calendar import is_working_day
from jtai_desktop.domain.theme_model import INSPECTED_BY
from jtai_desktop.services import inspections
from jtai_desktop.services.demo import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from jtai_desktop.app import open_context
    from jtai_desktop.crypto.kdf import fast_params_for_tests

    folder = tmp_path_factory.mktemp("demo")
    context = open_context(
        folder, "correct horse battery staple", kdf_params=fast_params_for_tests()
    )
    ws = context.workspace
    return ws, build_demo(ws, "small", 1)


def organisations(ws, inspection_id) -> dict[str, dict]:
    return {o["id"]: o for o in ws.rows("agency", inspection_id)}


def inspectorate_of(ws, inspection_id) -> dict[str, str]:
    return {m["id"]: m["inspectorate"] for m in ws.rows("member", inspection_id)}


@pytest.mark.parametrize("table", ["review", "area_review"])
def test_marks_agree_with_ratings(demo, table):
    ws, inspection_id = demo
    rows = ws.rows(table, inspection_id)
    assert rows
    for row in rows:
        assert not (row["strength"] and row["concern"])
        if row["rating"] is None:  # a sampled child's review carries no rating
            continue
        assert bool(row["strength"]) == (row["rating"] == "Strong"), row
        assert bool(row["concern"]) == (row["rating"] in ("Weak", "Unsafe")), row


def test_the_team_is_the_themes_inspectorates_and_each_inspects_its_own_organisations(demo):
    ws, inspection_id = demo
    pack = inspections.theme_pack(ws, inspection_id)
    members = inspectorate_of(ws, inspection_id)
    assert set(members.values()) == set(pack.inspectorates)
    orgs = organisations(ws, inspection_id)
    for table in ("review", "area_review"):
        for row in ws.rows(table, inspection_id):
            kind = orgs[row["agency_id"]]["kind"]
            assert members[row["created_by"]] == INSPECTED_BY.get(kind, "ofsted"), (table, kind)


def test_findings_name_their_organisation_and_no_two_say_the_same(demo):
    ws, inspection_id = demo
    orgs = organisations(ws, inspection_id)
    found = ws.rows("finding", inspection_id)
    texts = [f["text"] for f in found]
    assert len(texts) == len(set(texts))
    about_one = [f for f in found if f["agencies"] and f["agencies"] != ["partnership"]]
    assert about_one
    for finding in about_one:
        (organisation_id,) = finding["agencies"]
        assert finding["title"].startswith(orgs[organisation_id]["name"] + ":")
        assert orgs[organisation_id]["in_scope"]


def _spans(start: date, end: date) -> set[str]:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return {
        "weekend" if d.weekday() >= 5 else "bank holiday" for d in days if not is_working_day(d)
    }


def test_the_front_door_waits_over_weekends_and_bank_holidays(demo):
    ws, inspection_id = demo
    spans: set[str] = set()
    for sample in ws.rows("front_door_sample", inspection_id):
        if sample["decision_date"]:
            spans |= _spans(
                date.fromisoformat(sample["contact_date"]),
                date.fromisoformat(sample["decision_date"]),
            )
    assert spans == {"weekend", "bank holiday"}


def test_the_on_site_week_is_five_working_days_of_sessions(demo):
    ws, inspection_id = demo
    days = sorted({e["date"] for e in ws.rows("timetable_entry", inspection_id)})
    assert len(days) == 5
    assert all(is_working_day(date.fromisoformat(d)) for d in days)
    kinds = {e["kind"] for e in ws.rows("timetable_entry", inspection_id)}
    assert {"case_tracking", "meeting"} <= kinds


def test_every_inspector_has_sessions_of_their_own_in_the_on_site_week(demo):
    ws, inspection_id = demo
    members = inspectorate_of(ws, inspection_id)
    alone: dict[str, int] = {}
    for entry in ws.rows("timetable_entry", inspection_id):
        who = [
            a["member_id"]
            for a in ws.rows("allocation", inspection_id)
            if a["target_id"] == entry["id"]
        ]
        if len(who) < len(members):  # not a whole-team session
            for member in who:
                alone[member] = alone.get(member, 0) + 1
    assert set(alone) == set(members)


def test_a_case_review_never_says_the_same_twice_of_one_organisation(demo):
    ws, inspection_id = demo
    said = [
        (r["child_id"], r["agency_id"], r["observation"]) for r in ws.rows("review", inspection_id)
    ]
    assert len(said) == len(set(said))
