"""The data folder's key file: a random master key wrapped under the user's passphrase.

The master key never touches the disk in clear. The file carries a checksum of its own
contents, so a damaged file ("the key file is damaged") is told apart from a wrong passphrase
(the AES-GCM tag does not verify). Sub-keys for the database and the evidence files are
derived from the master key, so changing the passphrase re-wraps one key and re-encrypts
nothing (replacing the key itself is services/key_rotation).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..domain.errors import JtaiError
from ..files import write_atomically
from ..paths import make_private
from .kdf import KdfParams, derive, tuned_params

FORMAT = 1
KEYFILE_NAME = "key.json"
DEMO_PASSPHRASE = "jtai-demo"  # demo folders hold fictional data and open without asking
MIN_PASSPHRASE = 10


class WrongPassphraseError(JtaiError):
    exit_code = 4


class KeyFileError(JtaiError):
    exit_code = 4


@dataclass(frozen=True)
class MasterKey:
    raw: bytes

    def subkey(self, purpose: str) -> bytes:
        return HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=f"jtai-desktop {purpose}".encode()
        ).derive(self.raw)

    @property
    def database_key(self) -> bytes:
        return self.subkey("sqlcipher database v1")

    @property
    def blob_key(self) -> bytes:
        return self.subkey("evidence files v1")


def check_passphrase(passphrase: str) -> str:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise JtaiError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters; "
            "a short one could be guessed if the laptop were lost."
        )
    return passphrase


def create_keyfile(
    folder: Path, passphrase: str, *, demo: bool = False, params: KdfParams | None = None
) -> MasterKey:
    key = MasterKey(os.urandom(32))
    write_keyfile(folder, key, passphrase, demo=demo, params=params)
    return key


def write_keyfile(
    folder: Path,
    key: MasterKey,
    passphrase: str,
    *,
    demo: bool = False,
    params: KdfParams | None = None,
) -> None:
    make_private(folder)
    content = keyfile_bytes(key, passphrase, demo=demo, params=params)
    write_atomically(folder / KEYFILE_NAME, content)


def keyfile_bytes(
    key: MasterKey, passphrase: str, *, demo: bool = False, params: KdfParams | None = None
) -> bytes:
    """The content of a key file wrapping ``key`` under ``passphrase``."""
    params = params or tuned_params()
    header = {"format": FORMAT, "kdf": params.to_json(), "demo": demo}
    nonce = os.urandom(12)
    wrapped = AESGCM(derive(passphrase, params)).encrypt(nonce, key.raw, _aad(header))
    body = {**header, "nonce": nonce.hex(), "wrapped_key": wrapped.hex()}
    body["checksum"] = _checksum(body)
    return json.dumps(body, indent=1, sort_keys=True).encode()


def keyfile_exists(folder: Path) -> bool:
    return (folder / KEYFILE_NAME).is_file()


def is_demo_folder(folder: Path) -> bool:
    try:
        return bool(read_keyfile(folder).get("demo"))
    except KeyFileError:
        return False


def read_keyfile(folder: Path) -> dict:
    path = folder / KEYFILE_NAME
    try:
        body = json.loads(path.read_bytes())
        intact = isinstance(body, dict) and body.get("checksum") == _checksum(body)
    except (OSError, ValueError) as error:
        raise KeyFileError(
            f"The key file {path} cannot be read ({error}). Restore it from "
            "your backup; without it the data cannot be opened."
        ) from None
    if not intact:
        raise KeyFileError(
            f"The key file {path} is damaged. Restore it from your backup; "
            "without it the data cannot be opened. Nothing was changed."
        )
    if body.get("format") != FORMAT:
        raise KeyFileError(
            f"The key file {path} has format {body.get('format')!r}, which "
            "this version cannot read. Install the newer version."
        )
    return body


def unlock(folder: Path, passphrase: str) -> MasterKey:
    body = read_keyfile(folder)
    header = {k: body[k] for k in ("format", "kdf", "demo")}
    try:
        params = KdfParams.from_json(body["kdf"])
        kek = derive(passphrase, params)
        raw = AESGCM(kek).decrypt(
            bytes.fromhex(body["nonce"]), bytes.fromhex(body["wrapped_key"]), _aad(header)
        )
    except InvalidTag:
        raise WrongPassphraseError(
            "That passphrase is not right for this data folder. "
            "Check Caps Lock and try again; nothing was changed."
        ) from None
    except (KeyError, ValueError) as error:
        raise KeyFileError(f"The key file is damaged ({error}). Nothing was changed.") from None
    return MasterKey(raw)


def change_passphrase(folder: Path, old: str, new: str, params: KdfParams | None = None) -> None:
    """Re-wrap the same master key: the atomic rename replaces the old wrapping in one step."""
    key = unlock(folder, old)
    write_keyfile(folder, key, check_passphrase(new), demo=False, params=params)


def _aad(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()


def _checksum(body: dict) -> str:
    content = {k: v for k, v in body.items() if k != "checksum"}
    return hashlib.sha256(_aad(content)).hexdigest()
