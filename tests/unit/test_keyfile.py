"""The key file: wrapping, passphrase changes, demo folders, and what a person is told."""

import json

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.crypto.kdf import fast_params_for_tests, tuned_params
from jtai_desktop.crypto.keyfile import (
    KEYFILE_NAME,
    WrongPassphraseError,
    change_passphrase,
    create_keyfile,
    unlock,
)
from jtai_desktop.domain.errors import JtaiError
from jtai_desktop.services.vault import LockedError

PASS = "a long enough passphrase"


def test_unlock_returns_the_same_key_and_subkeys_differ(tmp_path):
    key = create_keyfile(tmp_path, PASS, params=fast_params_for_tests())
    again = unlock(tmp_path, PASS)
    assert again.raw == key.raw
    assert key.database_key != key.blob_key != key.raw


def test_key_file_holds_no_key_in_clear(tmp_path):
    key = create_keyfile(tmp_path, PASS, params=fast_params_for_tests())
    text = (tmp_path / KEYFILE_NAME).read_text()
    assert key.raw.hex() not in text and key.database_key.hex() not in text


def test_change_passphrase_keeps_the_data_openable(tmp_path, open_folder):
    folder = tmp_path / "d"
    ctx = open_folder(folder, PASS)
    ctx.workspace.set_author("i", "m")
    ctx.workspace.create("member", "i", {"name": "Lead"}, entity_id="m")
    ctx.close()
    change_passphrase(folder, PASS, "a brand new passphrase", params=fast_params_for_tests())
    with pytest.raises(WrongPassphraseError):
        unlock(folder, PASS)
    reopened = open_folder(folder, "a brand new passphrase")
    assert reopened.workspace.get("member", "m")["name"] == "Lead"


def test_change_passphrase_with_wrong_old_one_changes_nothing(tmp_path):
    create_keyfile(tmp_path, PASS, params=fast_params_for_tests())
    before = (tmp_path / KEYFILE_NAME).read_bytes()
    with pytest.raises(WrongPassphraseError):
        change_passphrase(tmp_path, "wrong passphrase here", "another new passphrase")
    assert (tmp_path / KEYFILE_NAME).read_bytes() == before


def test_short_passphrase_is_refused_for_a_new_folder(tmp_path):
    with pytest.raises(JtaiError, match="at least"):
        open_context(tmp_path / "d", "short", kdf_params=fast_params_for_tests())
    assert not (tmp_path / "d" / KEYFILE_NAME).exists()


def test_new_folder_without_passphrase_asks_for_one(tmp_path):
    with pytest.raises(LockedError, match="choose a passphrase"):
        open_context(tmp_path / "d")


def test_demo_folder_opens_without_a_passphrase(tmp_path):
    ctx = open_context(tmp_path / "demo", create_demo=True)
    ctx.close()
    assert json.loads((tmp_path / "demo" / KEYFILE_NAME).read_text())["demo"] is True
    open_context(tmp_path / "demo").close()


def test_real_folder_cannot_be_turned_into_a_demo_folder_by_editing_the_flag(tmp_path):
    create_keyfile(tmp_path, PASS, params=fast_params_for_tests())
    path = tmp_path / KEYFILE_NAME
    path.write_text(path.read_text().replace('"demo": false', '"demo": true'))
    with pytest.raises(JtaiError):
        open_context(tmp_path)


def test_tuned_parameters_are_memory_hard():
    params = tuned_params(target=0.05)
    assert params.memory_kib >= 64 * 1024 and len(params.salt) == 16
