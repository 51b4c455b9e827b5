"""The three-folder team the sync and merge-review UI tests share: the lead's demo and two
members joined by invitation, who edit one note offline and sync through a folder. Built
once per test run; each test works on a copy."""

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.services import demo, notes, sync, team
from jtai_desktop.sync.transport import FolderTransport

PASSPHRASE = "correct horse battery staple"
INVITE_PASSPHRASE = "invite passphrase"
ALICE_ADDS = "\nAlice adds: the health visitor was not invited to the strategy meeting."
BOB_ADDS = "\nBob adds: the police shared what they knew <the same day> & acted on it."


@dataclass
class Team:
    root: Path
    inspection_id: str
    note_id: str
    ancestor: str

    @property
    def share(self) -> Path:
        return self.root / "share"

    @property
    def alice_text(self) -> str:
        return self.ancestor + ALICE_ADDS

    @property
    def bob_text(self) -> str:
        return self.ancestor + BOB_ADDS


@pytest.fixture(scope="module")
def team_template(tmp_path_factory):
    """The same team as in the other sync test module, built once per test run (the first
    module to need it builds it): the lead's demo, two members joined by invitation, both
    edit one note offline, then Alice, Bob, the lead and Alice sync through a folder."""
    root = tmp_path_factory.getbasetemp() / "sync-team"
    made = root / "team.json"
    if not made.exists():
        shutil.rmtree(root, ignore_errors=True)
        made.parent.mkdir(parents=True)
        made.write_text(json.dumps(build_team(root)))
    return Team(root, **json.loads(made.read_text()))


def build_team(root: Path) -> dict:
    fast = fast_params_for_tests()
    opened = {
        name: open_context(root / name, PASSPHRASE, kdf_params=fast)
        for name in ("lead", "alice", "bob")
    }
    lead, alice, bob = (opened[n].workspace for n in ("lead", "alice", "bob"))
    inspection_id = demo.build_demo(lead, "small", 1)
    for ws, name, org in ((alice, "Alice Smith", "cqc"), (bob, "Bob Jones", "hmicfrs")):
        invitation = team.create_invitation(
            lead, inspection_id, INVITE_PASSPHRASE, name, params=fast
        )
        team.join(ws, invitation, INVITE_PASSPHRASE, name, org)
    note = lead.rows("note", inspection_id)[0]
    notes.update_note(alice, note["id"], text=note["text"] + ALICE_ADDS)
    notes.update_note(bob, note["id"], text=note["text"] + BOB_ADDS)
    (root / "share").mkdir()
    share = FolderTransport(root / "share")
    for ws in (alice, bob, lead, alice):
        sync.sync(ws, inspection_id, share)
    for context in opened.values():
        context.close()
    return {"inspection_id": inspection_id, "note_id": note["id"], "ancestor": note["text"]}


@pytest.fixture
def team_copy(team_template, tmp_path):
    shutil.copytree(team_template.root, tmp_path / "team")
    return Team(
        tmp_path / "team",
        team_template.inspection_id,
        team_template.note_id,
        team_template.ancestor,
    )


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    """A modal box would wait forever offscreen: fail the test instead."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected modal message box: {args[1:3]}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)  # the unexpected-error box
