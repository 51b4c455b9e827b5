"""Chunked AES-GCM evidence files: any cut, reordering, splice or change fails to open."""

import io
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jtai_desktop.crypto.blobcipher import CHUNK, HEADER_SIZE, TAG, BlobCipher, BlobDamagedError

KEY = bytes(range(32))


def seal(data: bytes, key=KEY) -> bytes:
    return b"".join(BlobCipher(key).encrypt(iter([data])))


def unseal(sealed: bytes, key=KEY) -> bytes:
    return b"".join(BlobCipher(key).decrypt(io.BytesIO(sealed)))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3 * CHUNK + 7))
def test_round_trip_any_size(data):
    assert unseal(seal(data)) == data


def test_ciphertext_differs_each_time_and_hides_content():
    data = b"the child said she was frightened at home " * 100
    first, second = seal(data), seal(data)
    assert first != second
    assert b"frightened" not in first


def chunks_of(sealed: bytes) -> tuple[bytes, list[bytes]]:
    body = sealed[HEADER_SIZE:]
    size = CHUNK + TAG
    return sealed[:HEADER_SIZE], [body[i : i + size] for i in range(0, len(body), size)]


DATA = os.urandom(3 * CHUNK + 100)


def test_dropping_the_last_chunk_fails():
    header, chunks = chunks_of(seal(DATA))
    with pytest.raises(BlobDamagedError):
        unseal(header + b"".join(chunks[:-1]))


def test_reordering_chunks_fails():
    header, chunks = chunks_of(seal(DATA))
    with pytest.raises(BlobDamagedError):
        unseal(header + chunks[1] + chunks[0] + b"".join(chunks[2:]))


def test_appending_data_fails():
    with pytest.raises(BlobDamagedError):
        unseal(seal(DATA) + b"\x00" * 40)


def test_splicing_a_chunk_from_another_file_fails():
    header, chunks = chunks_of(seal(DATA))
    _, other = chunks_of(seal(DATA))
    with pytest.raises(BlobDamagedError):
        unseal(header + other[0] + b"".join(chunks[1:]))


def test_wrong_key_fails():
    with pytest.raises(BlobDamagedError):
        unseal(seal(DATA), key=bytes(32))


def test_flipped_bit_fails():
    sealed = bytearray(seal(DATA))
    sealed[HEADER_SIZE + 5] ^= 1
    with pytest.raises(BlobDamagedError):
        unseal(bytes(sealed))


def test_not_our_format_fails():
    with pytest.raises(BlobDamagedError, match="not an encrypted evidence file"):
        unseal(b"%PDF-1.7 plain file")
