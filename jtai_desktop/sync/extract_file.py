"""The thematic extract's file: a signed, versioned JSON document.

An extract leaves the inspection for the national thematic report, so anyone must be able to
see what is in it and where it came from:

- it is plain UTF-8 JSON, readable in any text editor, so a person (or a test) reading the raw
  file sees exactly what left the inspection, and nothing is hidden in a compressed or encoded
  part;
- ``payload`` holds the content; ``signature`` is the lead's device key (Ed25519) over
  ``DOMAIN + canonical(payload)`` (keys sorted, no spaces, UTF-8), so re-indenting the file does
  not break it but any change of content does, and the signature of a sync bundle or a device
  certificate can never pass for an extract's;
- ``signed_by`` carries the public key and its fingerprint (the SHA-256 of the key, in groups a
  person can read out over the phone), so a thematic workspace can check the origin and a
  person can confirm the key with the lead;
- ``format`` and ``version`` name the layout: a reader refuses a version it does not know,
  rather than guessing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..domain.errors import JtaiError

FORMAT = "jtai-thematic-extract"
VERSION = 1
DOMAIN = b"jtai-thematic-extract/1\n"
ALGORITHM = "Ed25519"
MAX_BYTES = 20 * 1024 * 1024  # an extract is counts and letter text: a few hundred KB at most


class ExtractFileError(JtaiError):
    """A file that is not a usable thematic extract; the message says what to do."""


@dataclass(frozen=True)
class SignedExtract:
    payload: dict[str, Any]
    public_key: str  # hex
    fingerprint: str
    sha256: str  # of the file as read


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def fingerprint(public_key_hex: str) -> str:
    """The key's SHA-256, first 16 bytes, as 8 groups of 4 capital hex digits."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def sign(payload: dict[str, Any], signing_key) -> bytes:
    """The file's bytes: the payload signed by ``signing_key`` (an Ed25519 private key)."""
    from .keys import public_hex

    public = public_hex(signing_key)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "signed_by": {
            "algorithm": ALGORITHM,
            "public_key": public,
            "fingerprint": fingerprint(public),
        },
        "signature": signing_key.sign(DOMAIN + canonical(payload)).hex(),
        "payload": payload,
    }
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode(
        "utf-8"
    )


def read(data: bytes, name: str = "the file") -> SignedExtract:
    """The payload of a signed extract, checked: refused with a clear message when the file is
    not an extract, of an unknown version, unsigned, or changed since it was signed."""
    from .keys import verify

    if len(data) > MAX_BYTES:
        raise ExtractFileError(f"{name} is too large to be a thematic extract.")
    document = _json(data, name)
    if document.get("format") != FORMAT:
        raise ExtractFileError(
            f"{name} is not a thematic extract: make one with 'jtai-desktop extract "
            "INSPECTION --out FILE' on the lead's computer."
        )
    if document.get("version") != VERSION:
        raise ExtractFileError(
            f"{name} is a thematic extract of version {document.get('version')!r}, which this "
            f"release does not read (it reads version {VERSION}): update jtai-desktop."
        )
    payload, signer, signature = (
        document.get("payload"),
        document.get("signed_by"),
        document.get("signature"),
    )
    if not isinstance(payload, dict):
        raise ExtractFileError(f"{name} holds no extract: ask the lead to export it again.")
    if not isinstance(signer, dict) or not signature or not signer.get("public_key"):
        raise ExtractFileError(
            f"{name} is not signed, so where it came from cannot be checked: ask the lead to "
            "export it again with 'jtai-desktop extract'."
        )
    public = str(signer.get("public_key"))
    if signer.get("algorithm") != ALGORITHM or not _hex(public, 32) or not _hex(signature, 64):
        raise ExtractFileError(
            f"{name} carries a signature this release cannot check: ask the lead to export "
            "it again with 'jtai-desktop extract'."
        )
    if not verify(public, bytes.fromhex(signature), DOMAIN + canonical(payload)):
        raise ExtractFileError(
            f"{name} was changed after the lead signed it (its signature does not match its "
            "content): ask the lead for a fresh copy."
        )
    return SignedExtract(payload, public, fingerprint(public), hashlib.sha256(data).hexdigest())


def _json(data: bytes, name: str) -> dict:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ExtractFileError(
            f"{name} is not a thematic extract (it is not JSON text): choose the file made by "
            "'jtai-desktop extract'."
        ) from None
    if not isinstance(document, dict):
        raise ExtractFileError(f"{name} is not a thematic extract.")
    return document


def _hex(value: Any, length: int) -> bool:
    if not isinstance(value, str) or len(value) != 2 * length:
        return False
    try:
        bytes.fromhex(value)
    except ValueError:
        return False
    return True
