"""Data folders written by the previous release open with this one and lose nothing.

The folders in ``tests/fixtures/release_0_1_0`` were written by release 0.1.0 (see the README
there) and are never regenerated. A migration that changes the model must keep these tests
passing: every op the old folder held is still held, and every record it showed still shows
(where a field moved, the test maps it, it never drops it).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.services.dump import dump_state
from jtai_desktop.services.sync import sync
from jtai_desktop.store import oplog
from jtai_desktop.sync.transport import FolderTransport

RELEASE = Path(__file__).parents[1] / "fixtures" / "release_0_1_0"
INSPECTION = "bf0f5a1078e74f1b91549a07a8b6d704"
MEMBER_PASSPHRASE = (RELEASE / "member.pass").read_text(encoding="utf-8").strip()


@pytest.fixture
def release(tmp_path):
    """A copy of the previous release's folders (the originals stay as that release left them)."""
    for name in ("lead", "member", "share"):
        shutil.copytree(RELEASE / name, tmp_path / name)
    return tmp_path


def _open(folder: Path):
    passphrase = MEMBER_PASSPHRASE if folder.name == "member" else None
    return open_context(folder, passphrase)


def _saved_dump(name: str) -> dict:
    return json.loads((RELEASE / f"{name}.dump.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["lead", "member"])
def test_every_op_of_the_previous_release_is_kept(release, name):
    ctx = _open(release / name)
    try:
        saved = _saved_dump(name)["ops"]
        assert oplog.count(ctx.workspace.db, INSPECTION) >= saved["count"]
        assert oplog.digest(ctx.workspace.db, INSPECTION) == saved["digest"]
    finally:
        ctx.close()


@pytest.mark.parametrize("name", ["lead", "member"])
def test_every_record_of_the_previous_release_still_shows(release, name):
    ctx = _open(release / name)
    try:
        now = dump_state(ctx.workspace, INSPECTION)
    finally:
        ctx.close()
    before = _saved_dump(name)
    for table, rows in before["tables"].items():
        current = {row["id"]: row for row in now["tables"][table]}
        for row in rows:
            assert row["id"] in current, f"{table} {row['id']} was lost"
            kept = current[row["id"]]
            lost = {k: v for k, v in row.items() if kept.get(k) != v}
            assert not lost, f"{table} {row['id']} changed: {sorted(lost)}"
    assert [c["entity_id"] for c in now["conflicts"]] == [
        c["entity_id"] for c in before["conflicts"]
    ]


def test_a_team_on_the_previous_release_carries_on_syncing(release):
    share = FolderTransport(release / "share")
    for name in ("lead", "member", "lead"):
        ctx = _open(release / name)
        try:
            result = sync(ctx.workspace, INSPECTION, share)
            assert not result.refused, result.refused
        finally:
            ctx.close()
    dumps = []
    for name in ("lead", "member"):
        ctx = _open(release / name)
        try:
            dumps.append(dump_state(ctx.workspace, INSPECTION))
        finally:
            ctx.close()
    assert dumps[0] == dumps[1]


def test_the_previous_releases_agencies_are_organisations_and_its_work_reads_as_before(release):
    """Migration 0011_method: each agency is an organisation (no service type), the pack the
    inspection was created with still reads (its criteria all judged per child), each audit
    evaluation is the multi-agency audit of its child, and a child's journey shows the lot."""
    from jtai_desktop.domain.themes import AREA
    from jtai_desktop.services import organisations
    from jtai_desktop.services.inspections import theme_pack
    from jtai_desktop.services.journey import journey
    from jtai_desktop.services.reviews import audit_evaluation

    saved = _saved_dump("lead")["tables"]
    ctx = _open(release / "lead")
    try:
        ws = ctx.workspace
        found = {o["id"]: o for o in organisations.organisations(ws, INSPECTION)}
        assert set(found) == {a["id"] for a in saved["agencies"]}
        for agency in saved["agencies"]:
            kept = found[agency["id"]]
            assert (kept["kind"], kept["name"], kept["in_scope"]) == (
                agency["kind"],
                agency["name"],
                agency["in_scope"],
            )
            assert kept["service_type"] is None
        pack = theme_pack(ws, INSPECTION)
        assert pack.format == 1 and pack.criteria_in(AREA) == ()
        assert ws.get("inspection", INSPECTION)["theme_version"] is None
        for row in saved["audit_evaluations"]:
            kept = audit_evaluation(ws, row["child_id"])
            assert kept["id"] == row["id"] and kept["agency_id"] is None
            assert kept["evaluation"] == row["evaluation"]
        tracked = next(c for c in saved["children"] if c["selection"] == "tracked")
        shown = journey(ws, tracked["id"])
        reviews = [r for r in saved["reviews"] if r["child_id"] == tracked["id"]]
        events = [e for e in saved["events"] if e["child_id"] == tracked["id"]]
        assert sum(e.kind == "review" for e in shown.entries) == len(reviews)
        assert sum(e.kind == "event" for e in shown.entries) == len(events)
        # The lead names organisations in the older inspection as in a new one.
        health = next(a for a in saved["agencies"] if a["kind"] == "health")
        organisations.update_organisation(
            ws, health["id"], name="Northbridge ICB", service_type="icb"
        )
        assert ws.get("agency", health["id"])["service_type"] == "icb"
    finally:
        ctx.close()
