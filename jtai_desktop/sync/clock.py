"""Hybrid logical clock: causally ordered, roughly wall-clock stamps that sort as strings.

A stamp is ``"{millis:013d}.{counter:04d}.{device}"``. Millis follows the wall clock when it
moves forward; the counter orders events within one millisecond or while the wall clock is
behind a stamp already seen from another device, so causality holds across skewed laptops.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

MAX_COUNTER = 9999
MAX_AHEAD_MS = 3 * 24 * 3600 * 1000  # a laptop a day or two fast is fine; a week is not


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.millis:013d}.{self.counter:04d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        millis, counter, device = text.split(".", 2)
        return cls(int(millis), int(counter), device)

    def iso(self) -> str:
        """The wall-clock part as an ISO 8601 UTC time, for display and created_at columns."""
        seconds, millis = divmod(self.millis, 1000)
        return _iso_seconds(seconds) + f".{millis:03d}Z"


@lru_cache(maxsize=64)
def _iso_seconds(seconds: int) -> str:
    # Every save stamps its row: formatting a datetime cost more than the rest of the stamp.
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S")


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues strictly increasing stamps for one device."""

    def __init__(self, device: str, last: str | None = None, now: Callable[[], int] = wall_millis):
        self.device = device
        self._now = now
        self._last = Stamp.parse(last) if last else Stamp(0, 0, device)
        self._lock = threading.Lock()  # the UI and a background task may share one clock

    @property
    def last(self) -> Stamp:
        return self._last

    def tick(self) -> str:
        with self._lock:
            wall = self._now()
            if wall > self._last.millis:
                self._last = Stamp(wall, 0, self.device)
            else:
                self._last = self._bump(self._last.millis, self._last.counter)
            return str(self._last)

    def observe(self, remote: str, limit: int | None = None) -> None:
        """Move past a stamp received from another device, so later local edits follow it.

        ``limit`` (wall-clock millis) caps how far ahead one bad clock can drag this one.
        """
        other = Stamp.parse(remote)
        if limit is not None and other.millis > limit:
            other = Stamp(limit, 0, other.device)
        with self._lock:
            if (other.millis, other.counter) > (self._last.millis, self._last.counter):
                self._last = Stamp(other.millis, other.counter, self.device)

    def _bump(self, millis: int, counter: int) -> Stamp:
        # A full counter borrows the next millisecond rather than overflowing the format.
        if counter >= MAX_COUNTER:
            return Stamp(millis + 1, 0, self.device)
        return Stamp(millis, counter + 1, self.device)
