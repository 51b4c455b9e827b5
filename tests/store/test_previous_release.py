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
