"""The gate's evaluation corpus: loading it, and scoring the gate on it.

Shared by the tests (tests/unit/test_gate_corpus.py) and the benchmark
(benchmarks/gate_corpus.py). See README.md beside this file for what is in it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jtai_desktop.report.details import SensitiveDetails
from jtai_desktop.report.known import ChildDetails

HERE = Path(__file__).parent
INVISIBLE = {"{NBSP}": "\u00a0", "{NNBSP}": "\u202f", "{ZWSP}": "\u200b", "{SHY}": "\u00ad"}


@dataclass(frozen=True)
class Positive:
    kind: str
    match: str
    text: str
    line: int
    source: str = ""  # the file it comes from


@dataclass(frozen=True)
class LookAlike:
    family: str
    text: str
    line: int
    source: str = ""


def _decode(text: str) -> str:
    for mark, char in INVISIBLE.items():
        text = text.replace(mark, char)
    return text


def _rows(name: str) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, [_decode(c) for c in line.split("\t")]))
    return rows


def positives() -> list[Positive]:
    found = [
        Positive(k, m, t, n, name)
        for name in (
            "positives.tsv",
            "heldout_positives.tsv",
            "heldout2_positives.tsv",
            "heldout3_positives.tsv",
        )
        for n, (k, m, t) in _rows(name)
    ]
    found += [
        Positive(k, m, t, n, "paragraphs.tsv")
        for n, (k, m, t) in _rows("paragraphs.tsv")
        if k != "none"
    ]
    return found


def look_alikes() -> list[LookAlike]:
    found = [
        LookAlike(f, t, n, name)
        for name in (
            "lookalikes.tsv",
            "heldout_lookalikes.tsv",
            "adversarial_lookalikes.tsv",
            "heldout2_lookalikes.tsv",
            "heldout3_lookalikes.tsv",
        )
        for n, (f, t) in _rows(name)
    ]
    found += [
        LookAlike("paragraph", t, n, "paragraphs.tsv")
        for n, (k, _m, t) in _rows("paragraphs.tsv")
        if k == "none"
    ]
    return found


def details() -> SensitiveDetails:
    held = json.loads((HERE / "held.json").read_text(encoding="utf-8"))
    kids = [
        ChildDetails(
            c["name"], c["case_ref"], date.fromisoformat(c["dob"]), c["address"], c["school"]
        )
        for c in held["children"]
    ]
    return SensitiveDetails(kids, held["area"], [*held["pseudonyms"], *held["agencies"]])


def caught(gate: SensitiveDetails, positive: Positive) -> bool:
    """A hit of the expected kind over the expected words (or part of them)."""
    at = positive.text.find(positive.match)
    assert at >= 0, f"line {positive.line}: {positive.match!r} is not in its sentence"
    end = at + len(positive.match)
    (found,) = gate.locate([positive.text])
    return any(f.kind == positive.kind and f.start < end and at < f.end for f in found)


@dataclass(frozen=True)
class Score:
    recall: dict[str, tuple[int, int]]  # kind: (caught, total)
    false_alarms: dict[str, tuple[int, int]]  # family: (flagged, total)
    missed: list[Positive]
    flagged: list[tuple[LookAlike, list]]

    @property
    def overall_recall(self) -> float:
        return sum(c for c, _ in self.recall.values()) / sum(t for _, t in self.recall.values())

    @property
    def false_alarms_per_100(self) -> float:
        flagged = sum(f for f, _ in self.false_alarms.values())
        return 100 * flagged / sum(t for _, t in self.false_alarms.values())


def score(gate: SensitiveDetails | None = None) -> Score:
    gate = gate or details()
    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed = []
    for p in positives():
        ok = caught(gate, p)
        recall[p.kind][0] += ok
        recall[p.kind][1] += 1
        if not ok:
            missed.append(p)
    alarms: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    flagged = []
    for la in look_alikes():
        (found,) = gate.locate([la.text])
        alarms[la.family][0] += bool(found)
        alarms[la.family][1] += 1
        if found:
            flagged.append((la, found))
    return Score(
        {k: tuple(v) for k, v in recall.items()},
        {k: tuple(v) for k, v in alarms.items()},
        missed,
        flagged,
    )
