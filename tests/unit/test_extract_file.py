"""The thematic extract's file: signed JSON whose origin and integrity are checked on reading."""

import json

import pytest

from jtai_desktop.sync import extract_file
from jtai_desktop.sync.extract_file import ExtractFileError
from jtai_desktop.sync.keys import new_signing_key, public_hex

PAYLOAD = {"area": {"name": "Eastmoor"}, "findings": [{"text": "Partners share information."}]}


def test_a_signed_extract_reads_back_with_its_signers_key():
    key = new_signing_key()
    data = extract_file.sign(PAYLOAD, key)
    read = extract_file.read(data, "x.json")
    assert read.payload == PAYLOAD
    assert read.public_key == public_hex(key)
    assert read.fingerprint == extract_file.fingerprint(public_hex(key))
    assert len(read.fingerprint.split()) == 8


def test_the_file_is_readable_text_so_what_left_the_inspection_can_be_seen():
    data = extract_file.sign(PAYLOAD, new_signing_key())
    assert b"Partners share information." in data  # not compressed, not encoded
    assert json.loads(data)["format"] == "jtai-thematic-extract"


def test_reindenting_the_file_keeps_it_valid():
    data = extract_file.sign(PAYLOAD, new_signing_key())
    again = json.dumps(json.loads(data), indent=4).encode()
    assert extract_file.read(again).payload == PAYLOAD


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["payload"]["findings"][0].update(text="Partners do not share information."),
        lambda d: d["payload"].update(extra=1),
        lambda d: d["payload"]["area"].update(name="Westhaven"),
    ],
)
def test_any_change_to_the_content_is_refused(change):
    document = json.loads(extract_file.sign(PAYLOAD, new_signing_key()))
    change(document)
    with pytest.raises(ExtractFileError, match="changed after the lead signed it"):
        extract_file.read(json.dumps(document).encode(), "x.json")


def test_a_content_re_signed_with_another_key_names_that_key():
    """Swapping in another key and signature makes a valid file of another origin: the
    workspace shows its fingerprint, which then is not the lead's."""
    document = json.loads(extract_file.sign(PAYLOAD, new_signing_key()))
    other = new_signing_key()
    document["signed_by"]["public_key"] = public_hex(other)
    with pytest.raises(ExtractFileError, match="changed after"):
        extract_file.read(json.dumps(document).encode())


def test_an_unsigned_file_is_refused():
    document = json.loads(extract_file.sign(PAYLOAD, new_signing_key()))
    del document["signature"]
    with pytest.raises(ExtractFileError, match="not signed"):
        extract_file.read(json.dumps(document).encode(), "x.json")


def test_a_signature_made_for_something_else_is_refused():
    """The signature covers the extract's domain too: the same key signing the same bytes for
    another purpose (a certificate, a bundle) does not make an extract."""
    key = new_signing_key()
    document = json.loads(extract_file.sign(PAYLOAD, key))
    document["signature"] = key.sign(extract_file.canonical(PAYLOAD)).hex()
    with pytest.raises(ExtractFileError, match="changed after"):
        extract_file.read(json.dumps(document).encode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not json", "not JSON text"),
        (b'{"format": "something else"}', "not a thematic extract"),
        (b'{"format": "jtai-thematic-extract", "version": 9}', "version 9"),
        (b"[1, 2]", "not a thematic extract"),
    ],
)
def test_what_is_not_an_extract_is_refused_with_what_to_do(data, message):
    with pytest.raises(ExtractFileError, match=message):
        extract_file.read(data, "x.json")
