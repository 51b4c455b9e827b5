"""Bundles: one device's ops for a contiguous range of sequence numbers, signed and sealed.

Layout: ``MAGIC | header length (4 bytes) | header JSON | nonce (12) | ciphertext |
signature (64)``. The header (format, inspection, device, sequence range, schema) is bound
into the encryption as associated data, and the signature covers everything before it, so
a reader can check who wrote a bundle before decrypting it and reject any change to it.

Since 0.2 the header also carries, all optional so bundles of 0.1 still read: when it was
sealed by the writer's clock (``sealed_at``), which data folder wrote it (``installation``:
two computers that joined with one invitation write under one device id, and this tells
them apart), the lead-signed certificate of the device (so a new member's work is verifiable
before the lead's roster arrives) and the writer's own estimate of its clock's error.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..domain.errors import JtaiError
from .keys import verify
from .ops import Op

MAGIC = b"JTAIBNDL"
FORMAT = 1
SIGNATURE_SIZE = 64


class BundleError(JtaiError):
    """A bundle that cannot be trusted or read; nothing of it was applied."""


class BundleDamagedError(BundleError):
    """A file that is not whole (cut short, altered in transit): its writer sends it again,
    so a reader skips it and waits, rather than refusing its writer's work."""


@dataclass(frozen=True)
class BundleHeader:
    inspection_id: str
    device_id: str
    first_seq: int
    last_seq: int
    schema: tuple[str, ...]
    format: int = FORMAT
    sealed_at: int | None = None  # the writer's wall clock (ms) when it sealed the bundle
    installation: str | None = None
    certificate: dict | None = None
    clock_offset: int | None = None  # how far (ms) the writer believes its clock is off

    def to_json(self) -> bytes:
        values = {
            "format": self.format,
            "inspection_id": self.inspection_id,
            "device_id": self.device_id,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "schema": list(self.schema),
        }
        for name in OPTIONAL:
            if getattr(self, name) is not None:
                values[name] = getattr(self, name)
        return json.dumps(values, sort_keys=True, separators=(",", ":")).encode()

    @property
    def name(self) -> str:
        return f"{self.first_seq:010d}-{self.last_seq:010d}.bundle"


OPTIONAL = ("sealed_at", "installation", "certificate", "clock_offset")


def bundle_range(name: str) -> tuple[int, int] | None:
    """A bundle file's sequence range; None for anything else a shared folder may hold
    (desktop.ini, "conflicted copy" duplicates)."""
    stem, _, suffix = name.partition(".")
    first, _, last = stem.partition("-")
    if suffix != "bundle" or not (first.isdigit() and last.isdigit()):
        return None
    return int(first), int(last)


def bundle_seqs(name: str) -> tuple[int, int]:
    """The range of a name already known to be a bundle's (see ``bundle_range``)."""
    found = bundle_range(name)
    if found is None:
        raise ValueError(f"{name} is not the name of a bundle")
    return found


def highest_seq(names: list[str]) -> int:
    return max((r[1] for r in map(bundle_range, names) if r is not None), default=0)


def seal(
    header: BundleHeader, ops: list[Op], data_key: bytes, signing_key: Ed25519PrivateKey
) -> bytes:
    head = header.to_json()
    nonce = os.urandom(12)
    plaintext = json.dumps(
        [op.to_row() for op in ops], sort_keys=True, separators=(",", ":")
    ).encode()
    body = (
        MAGIC
        + struct.pack(">I", len(head))
        + head
        + nonce
        + AESGCM(data_key).encrypt(nonce, plaintext, head)
    )
    return body + signing_key.sign(body)


def read_header(data: bytes) -> BundleHeader:
    """The header, unverified: enough to know whose key checks the signature."""
    return _parse_header(data)[0]


def _parse_header(data: bytes) -> tuple[BundleHeader, bytes]:
    if len(data) < len(MAGIC) + 4 + 12 + SIGNATURE_SIZE or not data.startswith(MAGIC):
        raise BundleDamagedError("This is not a bundle of jtai-desktop, or it was cut short.")
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    try:
        raw = json.loads(data[len(MAGIC) + 4 : len(MAGIC) + 4 + length])
        header = BundleHeader(
            str(raw["inspection_id"]),
            str(raw["device_id"]),
            int(raw["first_seq"]),
            int(raw["last_seq"]),
            tuple(str(name) for name in raw["schema"]),
            int(raw["format"]),
            *_optional(raw),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BundleDamagedError("The bundle's header is damaged.") from None
    if header.format != FORMAT:
        raise BundleError(
            f"The bundle has format {header.format}; this version reads "
            f"format {FORMAT}. Install the same version as the team."
        )
    return header, data[len(MAGIC) + 4 : len(MAGIC) + 4 + length]


def _optional(raw: dict) -> tuple:
    sealed_at, installation, certificate, offset = (raw.get(name) for name in OPTIONAL)
    if certificate is not None and not isinstance(certificate, dict):
        raise TypeError("certificate")
    return (
        None if sealed_at is None else int(sealed_at),
        None if installation is None else str(installation),
        certificate,
        None if offset is None else int(offset),
    )


def open_sealed(data: bytes, public_key_hex: str, data_key: bytes) -> tuple[BundleHeader, list[Op]]:
    """Verify the signature, then decrypt and check the ops. Raises BundleError."""
    header, head = _parse_header(data)
    body, signature = data[:-SIGNATURE_SIZE], data[-SIGNATURE_SIZE:]
    if not verify(public_key_hex, signature, body):
        raise BundleDamagedError(
            f"A bundle from device {header.device_id[:8]} failed its signature "
            "check: it was changed after it was written, or not written by "
            "that device. It was not applied."
        )
    start = len(MAGIC) + 4 + len(head)
    nonce, ciphertext = body[start : start + 12], body[start + 12 :]
    try:
        plaintext = AESGCM(data_key).decrypt(nonce, ciphertext, head)
        ops = [Op.from_row(row) for row in json.loads(plaintext)]
    except InvalidTag:
        raise BundleError(
            "A bundle could not be decrypted with this inspection's key; it "
            "belongs to another inspection or was damaged."
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BundleError("A bundle's content is damaged.") from None
    check_ops(header, ops)
    return header, ops


def check_ops(header: BundleHeader, ops: list[Op]) -> None:
    seqs = [op.seq for op in ops]
    if seqs != list(range(header.first_seq, header.last_seq + 1)):
        raise BundleError("A bundle's operations do not match its sequence range.")
    for op in ops:
        if op.device_id != header.device_id or op.inspection_id != header.inspection_id:
            raise BundleError("A bundle holds operations of another device or inspection.")
