"""Invitation files: how a team member's device joins an inspection.

The file carries, under a passphrase the lead gives out separately (Argon2id + AES-GCM):
the inspection's data key, the device identity the lead issued for this member (device id,
Ed25519 signing key, evidence numbering block) and the lead's public key. Beside it travels
a snapshot of the inspection's ops (theme pack, calendar, roster and all work so far),
encrypted with the data key and signed by the lead; its hash is inside the sealed part, so
the snapshot cannot be swapped.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..crypto.kdf import KdfParams, derive, tuned_params
from ..domain.errors import JtaiError
from .keys import verify
from .ops import Op

FORMAT = 1
KIND = "jtai-desktop invitation"


class InviteError(JtaiError):
    exit_code = 4


def write_invite(
    secret: dict,
    snapshot_ops: list[Op],
    passphrase: str,
    lead_key: Ed25519PrivateKey,
    title: str,
    params: KdfParams | None = None,
) -> bytes:
    snapshot = _seal_snapshot(snapshot_ops, bytes.fromhex(secret["data_key"]), lead_key)
    secret = {**secret, "snapshot_sha256": hashlib.sha256(snapshot).hexdigest()}
    params = params or tuned_params()
    header = {
        "format": FORMAT,
        "kind": KIND,
        "inspection_id": secret["inspection_id"],
        "title": title,
        "kdf": params.to_json(),
    }
    nonce = os.urandom(12)
    sealed = AESGCM(derive(passphrase, params)).encrypt(
        nonce, json.dumps(secret, sort_keys=True).encode(), _aad(header)
    )
    body = {
        **header,
        "nonce": nonce.hex(),
        "secret": sealed.hex(),
        "snapshot": base64.b64encode(snapshot).decode(),
    }
    return json.dumps(body, indent=1, sort_keys=True).encode()


def read_invite(data: bytes, passphrase: str) -> tuple[dict, list[Op]]:
    """The invitation's secret and snapshot. Every field read from the file is checked (and
    the key derivation's parameters bounded) before any work: a damaged or hostile file is
    an InviteError that says so, never a traceback or minutes of hashing."""
    body = _parse(data)
    header = {k: _field(body, k) for k in ("format", "kind", "inspection_id", "title", "kdf")}
    try:
        params = KdfParams.from_json(header["kdf"])
    except ValueError as error:
        raise _damaged(str(error)) from None
    nonce, sealed = _hex(body, "nonce", 12), _hex(body, "secret")
    snapshot = _base64(body, "snapshot")
    try:
        kek = derive(passphrase, params)
        secret = json.loads(AESGCM(kek).decrypt(nonce, sealed, _aad(header)))
    except InvalidTag:
        raise InviteError(
            "That passphrase does not open this invitation (or the file was "
            "changed). Check the passphrase with your lead inspector."
        ) from None
    except ValueError:
        raise _damaged("its sealed part is not readable") from None
    _check_secret(secret)
    if hashlib.sha256(snapshot).hexdigest() != secret["snapshot_sha256"]:
        raise InviteError(
            "The invitation's content was changed after the lead wrote it; "
            "ask your lead inspector for a new one."
        )
    ops = _open_snapshot(snapshot, bytes.fromhex(secret["data_key"]), secret["lead_public_key"])
    return secret, ops


SECRET_HEX = {"data_key": 32, "signing_key": 32, "lead_public_key": 32, "snapshot_sha256": 32}
SECRET_TEXT = ("inspection_id", "device_id", "lead_device_id")


def _check_secret(secret) -> None:
    if not isinstance(secret, dict):
        raise _damaged("its sealed part is not an invitation")
    for name, size in SECRET_HEX.items():
        _hex(secret, name, size)
    for name in SECRET_TEXT:
        if not isinstance(secret.get(name), str) or not secret[name]:
            raise _damaged(f"its {name.replace('_', ' ')} is missing")
    block = secret.get("evidence_block")
    if isinstance(block, bool) or not isinstance(block, int) or not 1 <= block <= 10_000:
        raise _damaged("its evidence-number block is not a number the app gives out")
    if secret.get("certificate") is not None and not isinstance(secret["certificate"], dict):
        raise _damaged("its device certificate is not readable")


def _field(body: dict, name: str):
    if name not in body:
        raise _damaged(f"it has no {name.replace('_', ' ')}")
    return body[name]


def _hex(body: dict, name: str, size: int | None = None) -> bytes:
    value = body.get(name)
    try:
        if not isinstance(value, str):
            raise ValueError(name)
        raw = bytes.fromhex(value)
    except ValueError:
        raise _damaged(f"its {name.replace('_', ' ')} is not hexadecimal") from None
    if size is not None and len(raw) != size:
        raise _damaged(f"its {name.replace('_', ' ')} has the wrong length")
    return raw


def _base64(body: dict, name: str) -> bytes:
    try:
        return base64.b64decode(str(_field(body, name)), validate=True)
    except (binascii.Error, ValueError):
        raise _damaged(f"its {name} is not base64") from None


def _damaged(what: str) -> InviteError:
    return InviteError(
        f"This invitation file is damaged ({what}); nothing was joined. "
        "Ask your lead inspector to send it again."
    )


def invite_title(data: bytes) -> str:
    return str(_parse(data).get("title") or "")


def _parse(data: bytes) -> dict:
    try:
        body = json.loads(data)
        if not isinstance(body, dict) or body.get("kind") != KIND:
            raise ValueError("not an invitation")
    except (ValueError, UnicodeDecodeError):
        raise InviteError("This file is not a jtai-desktop invitation.") from None
    if body.get("format") != FORMAT:
        raise InviteError(
            "This invitation was made by another version of jtai-desktop; "
            "install the version your team uses."
        )
    return body


def _seal_snapshot(ops: list[Op], data_key: bytes, lead_key: Ed25519PrivateKey) -> bytes:
    nonce = os.urandom(12)
    plaintext = json.dumps([op.to_row() for op in ops], sort_keys=True).encode()
    body = nonce + AESGCM(data_key).encrypt(nonce, plaintext, b"snapshot")
    return body + lead_key.sign(body)


def _open_snapshot(snapshot: bytes, data_key: bytes, lead_public_key: str) -> list[Op]:
    body, signature = snapshot[:-64], snapshot[-64:]
    if len(snapshot) < 12 + 16 + 64 or not verify(lead_public_key, signature, body):
        raise InviteError("The invitation was not signed by the lead inspector's device.")
    try:
        plaintext = AESGCM(data_key).decrypt(body[:12], body[12:], b"snapshot")
        return [Op.from_row(row) for row in json.loads(plaintext)]
    except InvalidTag:
        raise InviteError("The invitation's snapshot is damaged.") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _damaged("its snapshot is not readable") from None


def _aad(header: dict) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
