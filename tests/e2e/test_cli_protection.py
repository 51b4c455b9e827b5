"""The command line on encrypted folders: passphrase files, passwd, retention and purge."""

import hashlib
import subprocess
import sys

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.cli import main
from jtai_desktop.crypto.kdf import fast_params_for_tests
from jtai_desktop.services.demo import build_demo


def folder_digest(folder):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def real_folder(tmp_path, passphrase):
    folder = tmp_path / "data"
    ctx = open_context(folder, passphrase, kdf_params=fast_params_for_tests())
    inspection_id = build_demo(ctx.workspace, "small", 1)
    ctx.close()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(passphrase + "\n")
    return folder, secret, inspection_id


def run(*args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_commands_take_a_passphrase_file(real_folder, capsys):
    folder, secret, inspection_id = real_folder
    code, out, _ = run("--data-dir", folder, "--passphrase-file", secret, "list", capsys=capsys)
    assert code == 0 and inspection_id[:8] in out


def test_environment_names_the_passphrase_file(real_folder, capsys, monkeypatch):
    folder, secret, inspection_id = real_folder
    monkeypatch.setenv("JTAI_PASSPHRASE_FILE", str(secret))
    assert run("--data-dir", folder, "list", capsys=capsys)[0] == 0


def test_without_a_passphrase_a_script_gets_a_clear_refusal(real_folder, capsys):
    folder, _, _ = real_folder
    before = folder_digest(folder)
    code, out, err = run("--data-dir", folder, "list", capsys=capsys)
    assert code == 4 and "encrypted" in err and out == ""
    assert folder_digest(folder) == before


def test_wrong_passphrase_exits_4_and_changes_nothing(real_folder, tmp_path, capsys):
    folder, _, _ = real_folder
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("definitely not it\n")
    before = folder_digest(folder)
    code, _, err = run("--data-dir", folder, "--passphrase-file", wrong, "check", capsys=capsys)
    assert code == 4 and "not right" in err
    assert folder_digest(folder) == before


def test_passwd_changes_the_passphrase(real_folder, tmp_path, capsys):
    folder, secret, _ = real_folder
    new = tmp_path / "new.txt"
    new.write_text("a different long passphrase\n")
    code, out, _ = run(
        "--data-dir",
        folder,
        "--passphrase-file",
        secret,
        "passwd",
        "--new-passphrase-file",
        new,
        capsys=capsys,
    )
    assert code == 0 and "changed" in out
    assert run("--data-dir", folder, "--passphrase-file", secret, "list", capsys=capsys)[0] == 4
    assert run("--data-dir", folder, "--passphrase-file", new, "list", capsys=capsys)[0] == 0


def test_purge_needs_confirmation_then_destroys_and_records(real_folder, capsys):
    folder, secret, inspection_id = real_folder
    base = ("--data-dir", folder, "--passphrase-file", secret)
    assert run(*base, "retention", inspection_id[:6], "2027-06-30", capsys=capsys)[0] == 0
    code, _, err = run(*base, "purge", inspection_id[:6], capsys=capsys)
    assert code == 1 and "--yes" in err  # no terminal to confirm in
    assert inspection_id[:8] in run(*base, "list", capsys=capsys)[1]
    code, out, _ = run(*base, "purge", inspection_id[:6], "--yes", capsys=capsys)
    assert code == 0 and "Purged" in out and "Retention date: 2027-06-30" in out
    assert run(*base, "list", capsys=capsys)[1].startswith("No inspections")
    assert run(*base, "check", capsys=capsys)[0] == 0


def test_demo_into_a_new_folder_needs_no_passphrase(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "jtai_desktop", "--data-dir", str(tmp_path / "d"), "demo"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0 and len(result.stdout.strip()) == 32
    assert (tmp_path / "d" / "key.json").exists()
