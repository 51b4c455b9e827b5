"""Notices: small signed, sealed messages a device leaves in its own folder of the share.

A device writes ``status.notice`` at every sync: what it found damaged in colleagues' series
(so their owners send those files again), and what it knows of clocks that are wrong. A
computer that finds another computer already writing under its identity (one invitation
joined twice) leaves ``clash-<its installation>.notice`` there, so the other computer and the
lead hear of it. Layout: ``MAGIC | nonce (12) | ciphertext | signature (64)``; the content
is JSON, encrypted with the inspection's data key and signed by the device.
"""

from __future__ import annotations

import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .keys import verify

MAGIC = b"JTAINOTE"
SUFFIX = ".notice"
STATUS = "status" + SUFFIX
CLASH_PREFIX = "clash-"
MAX_SIZE = 256 * 1024  # a status lists a few ranges: anything bigger is not one of ours


class NoticeError(Exception):
    """A notice that is damaged, forged or not ours: it is ignored."""


def seal_notice(content: dict, data_key: bytes, signing_key: Ed25519PrivateKey) -> bytes:
    nonce = os.urandom(12)
    plaintext = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
    body = MAGIC + nonce + AESGCM(data_key).encrypt(nonce, plaintext, MAGIC)
    return body + signing_key.sign(body)


def open_notice(data: bytes, public_key_hex: str, data_key: bytes) -> dict:
    if len(data) > MAX_SIZE or len(data) < len(MAGIC) + 12 + 16 + 64 or not data.startswith(MAGIC):
        raise NoticeError("not a notice")
    body, signature = data[:-64], data[-64:]
    if not verify(public_key_hex, signature, body):
        raise NoticeError("bad signature")
    try:
        content = json.loads(
            AESGCM(data_key).decrypt(
                body[len(MAGIC) : len(MAGIC) + 12], body[len(MAGIC) + 12 :], MAGIC
            )
        )
    except (InvalidTag, ValueError):
        raise NoticeError("not readable") from None
    if not isinstance(content, dict):
        raise NoticeError("not a notice")
    return content


def clash_name(installation: str) -> str:
    return f"{CLASH_PREFIX}{installation}{SUFFIX}"


def is_clash_name(name: str) -> bool:
    return name.startswith(CLASH_PREFIX) and name.endswith(SUFFIX)
