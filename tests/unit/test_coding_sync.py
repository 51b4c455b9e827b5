"""Two inspectors code the same passage offline: after syncing, both codes are on every
computer, each in its author's name, and the passage still counts as one source."""

from datetime import date

from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import notes, sync, team
from jtai_desktop.services.coding import add_code, codes_of
from jtai_desktop.services.evidence_matrix import evidence_matrix
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.sync.transport import FolderTransport

PACK = load_pack(default_themes_dir() / "domestic-abuse.toml")
TEXT = "The health visitor heard about the incident a week late."
QUOTE = "heard about the incident a week late"


def test_two_inspectors_codes_of_one_passage_both_survive_sync(tmp_path, open_folder):
    lead, alice, bob = (open_folder(tmp_path / n).workspace for n in ("lead", "alice", "bob"))
    inspection_id = create_inspection(
        lead,
        PACK,
        area="Testshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Alex Lead", "ofsted"),
    ).entity_id
    note_id = notes.add_note(
        lead, inspection_id, kind="interview", date="2026-10-20", title="Health", text=TEXT
    ).entity_id
    health = next(a["id"] for a in lead.rows("agency", inspection_id) if a["kind"] == "health")
    share = FolderTransport(tmp_path / "share")
    (tmp_path / "share").mkdir()
    for ws, name, inspectorate in ((alice, "Alice Smith", "cqc"), (bob, "Bob Jones", "hmicfrs")):
        invitation = team.create_invitation(
            lead, inspection_id, "invite words", name, params=fast_params_for_tests()
        )
        team.join(ws, invitation, "invite words", name, inspectorate)
    sync.sync(lead, inspection_id, share)
    for ws in (alice, bob):
        sync.sync(ws, inspection_id, share)
    start = TEXT.index(QUOTE)
    for ws, mark in ((alice, "concern"), (bob, "strength")):
        add_code(
            ws,
            "note",
            note_id,
            start=start,
            end=start + len(QUOTE),
            criterion_id="DA-01",
            agencies=[health],
            mark=mark,
        )
    for ws in (alice, bob, lead, alice):
        sync.sync(ws, inspection_id, share)

    for ws in (lead, alice, bob):
        codes = codes_of(ws, "note", note_id)
        assert sorted(c["mark"] for c in codes) == ["concern", "strength"]
        assert {c["quote"] for c in codes} == {QUOTE}
        assert len({c["created_by"] for c in codes}) == 2
    level = evidence_matrix(lead, inspection_id).by_organisation
    assert level.total("DA-01", health) == 1  # one note: one source, marked both ways
    assert level.count("DA-01", health, "note", "concern") == 1
    assert level.count("DA-01", health, "note", "strength") == 1
