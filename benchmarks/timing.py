"""Timing helpers shared by the benchmarks: interleaved runs, median and percentiles.

A figure is only meaningful beside its *floor*: the same kind of work done the most direct
way (raw sqlite3, a bare FTS5 table, plain ``json.dumps``), measured in the same run. The two
are run interleaved (A B A B ..., see ``interleaved``) so that drift during the run (CPU
frequency, page cache, other processes, a WAL growing towards its checkpoint) lands on both
sides equally.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

Work = Callable[[int], object]  # called with the iteration number, 0 .. repeat - 1


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


@dataclass(frozen=True)
class Stats:
    """Summary of one series of timings, in milliseconds."""

    n: int
    median_ms: float
    min_ms: float
    max_ms: float
    p10_ms: float
    p90_ms: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Stats:
        ms = [s * 1000 for s in seconds]
        return cls(len(ms), median(ms), min(ms), max(ms), percentile(ms, 10), percentile(ms, 90))

    def as_dict(self) -> dict:
        return asdict(self)


def time_once(work: Work, i: int = 0) -> float:
    """Seconds taken by one call of ``work(i)``."""
    start = time.perf_counter()
    work(i)
    return time.perf_counter() - start


def interleaved(works: Sequence[Work], repeat: int, warmup: int = 1) -> list[list[float]]:
    """Time each of ``works`` in turn, round after round (A B A B ..., or A B C A B C ...).

    Returns, per work, the seconds of each of its ``repeat`` calls. ``warmup`` untimed rounds
    come first (statement caches, page cache, lazy imports); they get negative iteration
    numbers, so work that must differ each time (a new text for every save) stays unique.
    """
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    for i in range(-warmup, 0):
        for work in works:
            work(i)
    gc.collect()
    times: list[list[float]] = [[] for _ in works]
    for i in range(repeat):
        for series, work in zip(times, works):
            series.append(time_once(work, i))
    return times


@dataclass(frozen=True)
class Comparison:
    """One measured figure beside its floor, with the targets it is held to."""

    name: str
    subject: Stats
    floor: Stats
    max_ratio: float | None = None  # target: median / floor median at most this
    max_median_ms: float | None = None  # target: absolute median below this
    detail: str = ""
    other_floors: tuple[tuple[str, Stats], ...] = ()  # informative, not held to targets

    @property
    def ratio(self) -> float:
        return self.ratio_to(self.floor)

    def ratio_to(self, floor: Stats) -> float:
        return self.subject.median_ms / floor.median_ms if floor.median_ms > 0 else math.inf

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"ratio <= {self.max_ratio:g}")
        if self.max_median_ms is not None:
            parts.append(f"median < {self.max_median_ms:g} ms")
        return ", ".join(parts)

    @property
    def met(self) -> bool | None:
        """True/False against the targets; None when the figure has no target."""
        if self.max_ratio is None and self.max_median_ms is None:
            return None
        ok = True
        if self.max_ratio is not None:
            ok = ok and self.ratio <= self.max_ratio
        if self.max_median_ms is not None:
            ok = ok and self.subject.median_ms < self.max_median_ms
        return ok

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "detail": self.detail,
            "subject": self.subject.as_dict(),
            "floor": self.floor.as_dict(),
            "ratio": self.ratio,
            "target": self.target,
            "max_ratio": self.max_ratio,
            "max_median_ms": self.max_median_ms,
            "met": self.met,
            "other_floors": {
                label: {**stats.as_dict(), "ratio": self.ratio_to(stats)}
                for label, stats in self.other_floors
            },
        }


def compare(
    name: str,
    subject: Work,
    floor: Work,
    repeat: int,
    *,
    warmup: int = 1,
    max_ratio: float | None = None,
    max_median_ms: float | None = None,
    detail: str = "",
    other_floors: dict[str, Work] | None = None,
) -> Comparison:
    """Measure ``subject`` beside ``floor`` (and any ``other_floors``), interleaved."""
    others = dict(other_floors or {})
    times = interleaved([subject, floor, *others.values()], repeat, warmup)
    return Comparison(
        name,
        Stats.of(times[0]),
        Stats.of(times[1]),
        max_ratio,
        max_median_ms,
        detail,
        tuple(zip(others, map(Stats.of, times[2:]))),
    )
