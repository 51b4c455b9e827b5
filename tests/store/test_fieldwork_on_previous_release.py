"""The previous release's data folders (``tests/fixtures/release_0_1_0``, never regenerated)
take migration 0012_fieldwork: their events and members gain empty new fields with nothing
else changed, and the team carries on with the new records (a front door sample, an
allocation, a timetable session, an event with a time) syncing between lead and member."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.services import allocation, children, front_door, timeliness, timetable
from jtai_desktop.services.sync import sync
from jtai_desktop.sync.transport import FolderTransport

RELEASE = Path(__file__).parents[1] / "fixtures" / "release_0_1_0"
INSPECTION = "bf0f5a1078e74f1b91549a07a8b6d704"
MEMBER_PASSPHRASE = (RELEASE / "member.pass").read_text(encoding="utf-8").strip()
NOW = datetime(2026, 10, 20, 12, 0)


@pytest.fixture
def release(tmp_path):
    for name in ("lead", "member", "share"):
        shutil.copytree(RELEASE / name, tmp_path / name)
    return tmp_path


def _open(folder: Path):
    return open_context(folder, MEMBER_PASSPHRASE if folder.name == "member" else None)


def test_old_events_and_members_gain_empty_fields_only(release):
    ctx = _open(release / "lead")
    try:
        ws = ctx.workspace
        members = ws.rows("member", INSPECTION)
        assert members and all(m["specialism"] is None for m in members)
        child = ws.rows("child", INSPECTION)[0]
        events = children.timeline(ws, child["id"])
        assert events and all(e["time"] is None and e["lookback_reason"] is None for e in events)
        assert front_door.samples(ws, INSPECTION) == []
        assert timetable.entries(ws, INSPECTION) == []
        assert allocation.allocations(ws, INSPECTION) == []
    finally:
        ctx.close()


def test_the_team_carries_on_with_the_new_records(release):
    share = FolderTransport(release / "share")
    lead = _open(release / "lead")
    try:
        ws = lead.workspace
        child = ws.rows("child", INSPECTION, order_by="pseudonym")[0]
        me = ws.author_for(INSPECTION)
        sample = front_door.add_sample(
            ws,
            INSPECTION,
            {
                "label": "FD-01",
                "source_kind": "police",
                "child_id": child["id"],
                "contact_date": "2026-09-04",
                "contact_time": "16:00",
                "decision_date": "2026-09-07",
                "decision_time": "10:00",
            },
            now=NOW,
        ).entity_id
        entry = timetable.add_entry(
            ws,
            INSPECTION,
            {
                "kind": "case_tracking",
                "title": "Case tracking",
                "date": "2026-10-19",
                "start_time": "09:30",
                "end_time": "11:00",
                "children": [child["id"]],
            },
            [me],
        ).entity_id
        allocation.allocate(ws, me, "child", child["id"])
        children.add_event(
            ws,
            child["id"],
            date="2026-09-04",
            kind="contact",
            summary="Call",
            time="16:00",
            now=NOW,
        )
        assert not sync(ws, INSPECTION, share).refused
    finally:
        lead.close()
    member = _open(release / "member")
    try:
        ws = member.workspace
        assert not sync(ws, INSPECTION, share).refused
        row = ws.require("front_door_sample", sample)
        assert (row["label"], row["child_id"]) == ("FD-01", child["id"])
        timing = timeliness.timeliness(ws, INSPECTION).distributions[0]
        assert timing.median_hours == pytest.approx(2.0)  # Friday 16:00 to Monday 10:00
        assert ws.require("timetable_entry", entry)["children"] == [child["id"]]
        assert allocation.inspectors_of(ws, INSPECTION, "timetable_entry", entry) == [me]
        assert allocation.inspectors_of(ws, INSPECTION, "child", child["id"]) == [me]
        assert [e["time"] for e in children.timeline(ws, child["id"])].count("16:00") == 1
    finally:
        member.close()
