"""What a thematic workspace reads of an extract's matrix: the earlier shape (four measures),
and cells carrying coded measures; a coded cell it cannot read is refused, not shown wrong."""

import copy
import json
from pathlib import Path

import pytest

from jtai_desktop.services.thematic import check_payload
from jtai_desktop.sync.extract_file import ExtractFileError

EARLIER = Path(__file__).parent.parent / "fixtures" / "extract_earlier" / "extract-lowbridge.json"
CODED = {
    "sources": 12,
    "notes": None,
    "case_reviews": 9,
    "front_door": 0,
    "evidence": None,
    "strengths": 7,
    "concerns": None,
    "voices": ["child", "practitioner"],
}


def earlier_payload() -> dict:
    return json.loads(EARLIER.read_text(encoding="utf-8"))["payload"]


def with_coding(coding) -> dict:
    payload = copy.deepcopy(earlier_payload())
    payload["matrix"]["source"] = "coding"
    payload["matrix"]["cells"][0]["coding"] = coding
    return payload


def test_the_earlier_shape_and_a_coded_cell_are_read():
    check_payload(earlier_payload(), "earlier.json")
    check_payload(with_coding(CODED), "coded.json")


@pytest.mark.parametrize(
    "coding",
    [
        {**CODED, "sources": -1},
        {**CODED, "notes": "12"},
        {**CODED, "strengths": True},
        {**CODED, "voices": "child"},
        {**CODED, "voices": [3]},
        [12, 9],
        {m: v for m, v in CODED.items() if m != "notes"},  # would read as "fewer than 6"
    ],
)
def test_a_coded_cell_this_release_cannot_read_is_refused(coding):
    with pytest.raises(ExtractFileError, match="evidence matrix cannot be read"):
        check_payload(with_coding(coding), "odd.json")
