"""A colleague's change passes the same rules as a local edit before anything is written, and
the settings that shape the inspection are the lead's: a member can no longer break the
inspection for everyone (a theme pack that is not valid TOML used to stop the lead's app from
starting). An inspection already in that state (an earlier version took such a change in)
is repaired by the lead, from the command line here (the desktop in tests/ui)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.cli import main
from jtai_desktop.domain.errors import ValidationError
from jtai_desktop.services import retention
from jtai_desktop.services.inspections import theme_pack
from jtai_desktop.services.repair import broken_settings
from jtai_desktop.store import oplog, projection
from jtai_desktop.sync.ops import Op

from .test_sync_bundles import (  # noqa: F401 (fixtures)
    PASSPHRASE,
    assert_refused_unchanged,
    crew,
    crew_folders,
    next_bundle,
    put_bundle,
)

BAD_TOML = "title = [this is not valid TOML"


def setting_op(crew, ctx, field: str, value) -> Op:
    ws = ctx.workspace
    heads = [op.op_id for op in oplog.ops_for_field(ws.db, crew.inspection_id, field)]
    return Op(
        ws.new_id(),
        crew.inspection_id,
        "inspection",
        crew.inspection_id,
        field,
        value,
        ws.clock.tick(),
        "",
        ws.author_for(crew.inspection_id),
        tuple(heads),
    )


def test_a_member_cannot_change_the_inspections_settings_through_sync(crew):
    op = setting_op(crew, crew.alice, "theme_pack", BAD_TOML)
    header, data = next_bundle(crew, crew.alice, [op])
    assert_refused_unchanged(
        crew, crew.lead, data, "inspection's settings (theme pack), which only the lead may do"
    )
    put_bundle(crew, header, data)
    before = crew.state(crew.lead)
    report = crew.sync(crew.lead)
    assert ["only the lead may do" in r for r in report.refused] == [True]
    assert report.exit_code == 6
    assert crew.state(crew.lead) == before
    theme_pack(crew.lead.workspace, crew.inspection_id)  # still opens


@pytest.mark.parametrize(
    "entity,field,value,words",
    [
        ("inspection", "theme_pack", BAD_TOML, "The theme pack is not usable"),
        ("inspection", "notice_days", 400, "The notice period must be from 1 to 30"),
        ("note", "kind", "gossip", "The kind of note 'gossip' is not one this version knows"),
    ],
)
def test_a_synced_value_must_keep_the_rules_of_a_local_edit(crew, entity, field, value, words):
    """Even the lead's device: a value the app would refuse locally is refused in a bundle."""
    if entity == "inspection":
        op = setting_op(crew, crew.lead, field, value)
    else:
        note = crew.note_ids[0]
        op = Op(
            crew.lead.workspace.new_id(),
            crew.inspection_id,
            "note",
            note,
            field,
            value,
            crew.lead.workspace.clock.tick(),
            "",
            crew.lead.workspace.author_for(crew.inspection_id),
        )
    header, data = next_bundle(crew, crew.lead, [op])
    message = assert_refused_unchanged(crew, crew.alice, data, "cannot store", words)
    assert "was not applied" in message
    with pytest.raises(ValidationError, match=words.split(" '")[0]):
        if entity == "inspection":
            crew.lead.workspace.update("inspection", crew.inspection_id, {field: value})
        else:
            crew.lead.workspace.update("note", crew.note_ids[0], {field: value})


def test_a_member_cannot_change_the_inspections_settings_on_their_own_computer(crew):
    before = crew.state(crew.alice)
    with pytest.raises(ValidationError, match="Only the lead inspector can change"):
        retention.set_retention_date(crew.alice.workspace, crew.inspection_id, date(2027, 6, 30))
    assert crew.state(crew.alice) == before
    retention.set_retention_date(crew.lead.workspace, crew.inspection_id, date(2027, 6, 30))


def break_the_theme_pack(ctx, op: Op) -> None:
    """What an earlier version did with a member's invalid theme pack: it took it in."""
    ws = ctx.workspace
    with ws.transaction():
        oplog.append(ws.db, [op])
        projection.project_entities(ws.db, [op.entity_id])


def folder_hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def cli(ctx, *argv, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(ctx.data_dir), *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_an_inspection_broken_by_an_earlier_version_is_repaired_from_the_cli(
    crew, tmp_path, capsys, monkeypatch
):
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("JTAI_PASSPHRASE_FILE", str(secret))
    bad = setting_op(crew, crew.bob, "theme_pack", BAD_TOML)
    bad = Op(**{**bad.__dict__, "device_id": crew.device(crew.bob), "seq": 10_000})
    for ctx in (crew.lead, crew.alice):
        break_the_theme_pack(ctx, bad)
        assert [s.field for s in broken_settings(ctx.workspace, crew.inspection_id)] == [
            "theme_pack"
        ]
    folders = {name: getattr(crew, name) for name in ("lead", "alice")}
    for ctx in folders.values():
        ctx.close()
    alice_before = folder_hashes(folders["alice"].data_dir)
    code, out, err = cli(folders["alice"], "repair", crew.inspection_id, capsys=capsys)
    assert code == 1 and "can only be repaired by the lead inspector" in err
    assert folder_hashes(folders["alice"].data_dir) == alice_before  # refused: nothing changed
    code, out, err = cli(folders["lead"], "repair", crew.inspection_id, capsys=capsys)
    assert code == 0 and out.startswith("The theme pack was put back to the value it had on")
    code, out, err = cli(folders["lead"], "repair", crew.inspection_id, capsys=capsys)
    assert out == "The inspection's settings are all usable: nothing to repair.\n"
    # The repair reaches Alice with the next syncs, and her copy is usable again.
    for name in ("lead", "alice"):
        code, out, err = cli(
            folders[name], "sync", crew.inspection_id, "--folder", crew.share, capsys=capsys
        )
        assert code == 0, err
    code, out, err = cli(folders["alice"], "dump", crew.inspection_id, capsys=capsys)
    assert code == 0
    alice = open_context(folders["alice"].data_dir, PASSPHRASE)
    try:
        assert broken_settings(alice.workspace, crew.inspection_id) == []
        assert theme_pack(alice.workspace, crew.inspection_id).id == "domestic-abuse"
    finally:
        alice.close()
