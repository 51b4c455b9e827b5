"""Evidence files encrypted with AES-256-GCM in chunks (the STREAM construction).

Layout: ``MAGIC | version | file id (16 random bytes)`` then chunks of up to 64 KiB of
plaintext, each sealed with its own tag. Each file gets its own key (HKDF of the evidence key
and the file id). A chunk's nonce is its index and a final-chunk flag, and the header is bound
in as associated data, so a truncated, reordered, spliced or altered file fails to open.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"JTAIBLOB"
VERSION = 1
HEADER_SIZE = len(MAGIC) + 1 + 16
CHUNK = 64 * 1024
TAG = 16


class BlobDamagedError(Exception):
    """The file was altered, truncated or is not one of ours."""


class BlobCipher:
    def __init__(self, key: bytes):
        self._key = key

    def _file_key(self, file_id: bytes) -> AESGCM:
        return AESGCM(
            HKDF(
                algorithm=hashes.SHA256(),
                length=32,
                salt=file_id,
                info=b"jtai-desktop evidence chunk v1",
            ).derive(self._key)
        )

    def encrypt(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """Encrypt plaintext pieces (any sizes) into the sealed format, streaming."""
        file_id = os.urandom(16)
        header = MAGIC + bytes([VERSION]) + file_id
        aead = self._file_key(file_id)
        yield header
        index, pending = 0, b""
        for piece in chunks:
            pending += piece
            while len(pending) > CHUNK:  # keep one chunk back: only the last one is final
                yield aead.encrypt(_nonce(index, False), pending[:CHUNK], header)
                pending, index = pending[CHUNK:], index + 1
        yield aead.encrypt(_nonce(index, True), pending, header)

    def decrypt(self, stream: BinaryIO) -> Iterator[bytes]:
        """Plaintext chunks; raises BlobDamagedError as soon as anything does not verify."""
        header = stream.read(HEADER_SIZE)
        if len(header) != HEADER_SIZE or not header.startswith(MAGIC) or header[8] != VERSION:
            raise BlobDamagedError("not an encrypted evidence file of this version")
        aead = self._file_key(header[9:])
        index, sealed = 0, stream.read(CHUNK + TAG)
        while True:
            following = stream.read(CHUNK + TAG)
            final = not following
            try:
                yield aead.decrypt(_nonce(index, final), sealed, header)
            except InvalidTag:
                raise BlobDamagedError("the file was altered or cut short") from None
            if final:
                return
            sealed, index = following, index + 1


def sealed_size(plain_size: int) -> int:
    """The size of a sealed file from its plaintext's: known before encrypting, so a file
    can be uploaded as a stream with its length announced."""
    chunks = max(1, -(-plain_size // CHUNK))
    return HEADER_SIZE + plain_size + TAG * chunks


def plain_size(sealed: int) -> int:
    """The plaintext's size from a sealed file's (the inverse of ``sealed_size``)."""
    chunks = max(1, -(-(sealed - HEADER_SIZE) // (CHUNK + TAG)))
    return sealed - HEADER_SIZE - TAG * chunks


def _nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")
