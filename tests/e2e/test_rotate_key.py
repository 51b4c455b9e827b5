"""``passwd --rotate-key``: the database, the copy taken before a migration and every evidence
file are encrypted again under a new key, so an old copy of key.json with the old passphrase
opens nothing; refused untouched while the folder is open elsewhere; a kill at any step
leaves a folder that the next start completes or undoes.

Release 0.1.0's member folder is the subject: real data with evidence files, and opening it
once migrates it, which leaves a copy of the database taken before the migration.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jtai_desktop.app import open_context
from jtai_desktop.crypto.blobcipher import BlobCipher
from jtai_desktop.crypto.keyfile import KEYFILE_NAME, unlock
from jtai_desktop.services import key_rotation
from jtai_desktop.store.blobs import BlobStore
from jtai_desktop.store.database import backups_of
from tests.cli_run import die, digest, in_a_child_killed, run
from tests.decrypted_pages import all_pages, readable

RELEASE = Path(__file__).parents[1] / "fixtures" / "release_0_1_0"
OLD = (RELEASE / "member.pass").read_text(encoding="utf-8").strip()
NEW = "a new and longer passphrase"
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


@pytest.fixture
def member(tmp_path):
    """The member's folder, opened once (migrated, with its copy), an old backup of its key
    file, and passphrase files."""
    folder = tmp_path / "member"
    shutil.copytree(RELEASE / "member", folder)
    (tmp_path / "old.pass").write_text(OLD + "\n")
    (tmp_path / "new.pass").write_text(NEW + "\n")
    assert run("--data-dir", folder, "--passphrase-file", tmp_path / "old.pass", "list")[0] == 0
    assert backups_of(folder / "jtai.db")
    shutil.copy(folder / KEYFILE_NAME, tmp_path / "key.json.backup")
    return folder


def passwd(folder: Path, *extra) -> tuple[int, str, str]:
    return run(
        "--data-dir",
        folder,
        "--passphrase-file",
        folder.parent / "old.pass",
        "passwd",
        "--new-passphrase-file",
        folder.parent / "new.pass",
        *extra,
    )


def with_old_key_file(folder: Path) -> Path:
    """A copy of the folder as someone holding the old key.json backup would have it."""
    copy = folder.parent / "with-old-key"
    shutil.copytree(folder, copy)
    shutil.copy(folder.parent / "key.json.backup", copy / KEYFILE_NAME)
    return copy


def list_with(folder: Path, passphrase_file: Path) -> tuple[int, str, str]:
    return run("--data-dir", folder, "--passphrase-file", passphrase_file, "list")


def evidence_opens(folder: Path, key) -> bool:
    store = BlobStore(folder / "evidence", BlobCipher(key.blob_key))
    shas = list(store.shas())
    return bool(shas) and all(store.verify(sha) for sha in shas)


def every_database_file(folder: Path) -> list[Path]:
    return [folder / "jtai.db", *backups_of(folder / "jtai.db")]


def test_the_old_key_file_opens_nothing_after_a_rotation(member):
    old_key = unlock(member, OLD)
    code, out, err = passwd(member, "--rotate-key")
    assert code == 0, err
    assert "encrypted again under a new key" in out

    new_key = unlock(member, NEW)
    assert new_key != old_key
    assert (
        run("--data-dir", member, "--passphrase-file", member.parent / "new.pass", "check")[0] == 0
    )
    for database in every_database_file(member):
        assert readable(all_pages(database, new_key.database_key))
        assert not readable(all_pages(database, old_key.database_key))
    assert evidence_opens(member, new_key) and not evidence_opens(member, old_key)
    assert not list(member.glob("*.rotating")) and not (member / "rotation.json").exists()

    stolen = with_old_key_file(member)
    code, _, err = list_with(stolen, member.parent / "old.pass")
    assert code == 1 and "cannot be opened" in err


def test_keeping_the_passphrase_still_shuts_out_the_old_key_file(member):
    shutil.copy(member.parent / "old.pass", member.parent / "new.pass")
    assert passwd(member, "--rotate-key")[0] == 0
    stolen = with_old_key_file(member)
    assert list_with(stolen, member.parent / "old.pass")[0] == 1


def test_without_rotate_key_the_old_key_file_still_opens_the_data(member):
    """What the README says each mode protects against: a new passphrase alone re-wraps the
    same key."""
    assert passwd(member)[0] == 0
    stolen = with_old_key_file(member)
    assert list_with(stolen, member.parent / "old.pass")[0] == 0


def test_refused_untouched_while_the_folder_is_open_elsewhere(member):
    window = open_context(member, OLD)  # as the desktop holds it
    try:
        before = digest(member)
        code, out, err = passwd(member, "--rotate-key")
        assert code == 1 and out == ""
        assert "open in another jtai-desktop" in err and "nothing was changed" in err
        assert digest(member) == before
    finally:
        window.close()
    assert unlock(member, OLD)  # the passphrase did not change either


def _rotate_in_a_child_killed(member: Path, arrange) -> None:
    def rotate():
        arrange()
        key_rotation.rotate_key(member, unlock(member, OLD), NEW)

    in_a_child_killed(rotate)


def _opens_whole(member: Path, passphrase_file: Path) -> None:
    code, _, err = run("--data-dir", member, "--passphrase-file", passphrase_file, "check")
    assert code == 0, err
    assert not list(member.glob("*.rotating")) and not (member / "rotation.json").exists()
    assert not any((member / name).exists() for name in ("evidence.rotating", "evidence.retired"))


@needs_fork
def test_a_kill_while_encrypting_the_evidence_is_undone_at_the_next_start(member):
    old_key = unlock(member, OLD)

    def arrange():
        calls = []
        real = BlobStore.put_chunks

        def third_time_dies(self, *args):
            calls.append(1)
            if len(calls) == 3:
                die()
            return real(self, *args)

        BlobStore.put_chunks = third_time_dies

    _rotate_in_a_child_killed(member, arrange)
    assert (member / "rotation.json").exists() and (member / "evidence.rotating").exists()
    _opens_whole(member, member.parent / "old.pass")  # undone: the old passphrase, the old key
    assert unlock(member, OLD) == old_key and evidence_opens(member, old_key)


@needs_fork
@pytest.mark.parametrize(
    "step",
    [
        "after the new key file replaced the old",
        "after the database moved into place",
        "after the old evidence folder was set aside",
    ],
)
def test_a_kill_after_the_rotation_happened_is_completed_at_the_next_start(member, step):
    def arrange():
        real = os.replace

        def replace(src, dst):
            real(src, dst)
            if (
                (step.startswith("after the new key") and Path(dst).name == KEYFILE_NAME)
                or (step.startswith("after the database") and Path(dst).name == "jtai.db")
                or (step.startswith("after the old evidence") and str(dst).endswith(".retired"))
            ):
                die()

        os.replace = replace

    _rotate_in_a_child_killed(member, arrange)
    assert (member / "rotation.json").exists()
    _opens_whole(member, member.parent / "new.pass")  # completed: the new passphrase opens
    new_key = unlock(member, NEW)
    assert evidence_opens(member, new_key)
    for database in every_database_file(member):
        assert readable(all_pages(database, new_key.database_key))
