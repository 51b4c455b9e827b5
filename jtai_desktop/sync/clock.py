"""Hybrid logical clock: causally ordered, roughly wall-clock stamps that sort as strings.

A stamp is ``"{millis:013d}.{counter:04d}.{device}"``. Millis follows the wall clock when it
moves forward; the counter orders events within one millisecond or while the wall clock is
a little behind a stamp already seen from another device.

Causal order comes from the ops' parents, never from stamps: a stamp only orders what is
shown. So a device never stamps its own changes more than ``MAX_AHEAD_MS`` ahead of its own
wall clock, whatever it has received and whatever it stamped before: one laptop whose clock
runs days fast cannot drag the team's stamps along, and a laptop whose clock is put back
(or jumps between two wrong dates) stamps by its own clock again at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

MAX_COUNTER = 9999
# The documented bound: stamps run at most ten minutes ahead of the device's own clock.
# Clocks that disagree by more than this are named as wrong (see services/clock_check).
MAX_AHEAD_MS = 10 * 60 * 1000


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
    """Issues stamps for one device: strictly increasing while its wall clock runs forward
    (or is put back by less than the bound), never more than the bound ahead of it."""

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
            last = self._within_bound(self._last, wall)
            if wall > last.millis:
                self._last = Stamp(wall, 0, self.device)
            else:
                self._last = self._bump(last.millis, last.counter)
            return str(self._last)

    def observe(self, remote: str, limit: int | None = None) -> None:
        """Move past a stamp received from another device, so later local edits follow it
        (never further than the bound ahead of this device's wall clock; ``limit``, in
        wall-clock millis, caps it lower still)."""
        other = Stamp.parse(remote)
        if limit is not None and other.millis > limit:
            other = Stamp(limit, 0, other.device)
        with self._lock:
            if (other.millis, other.counter) > (self._last.millis, self._last.counter):
                self._last = Stamp(other.millis, other.counter, self.device)

    def _within_bound(self, last: Stamp, wall: int) -> Stamp:
        """The stamp to continue from: the last one, unless it is further ahead of the wall
        clock than the bound (received from a fast laptop, or stamped while this clock was
        wrong), in which case the bound itself."""
        ceiling = wall + MAX_AHEAD_MS
        return last if last.millis <= ceiling else Stamp(ceiling, 0, self.device)

    def _bump(self, millis: int, counter: int) -> Stamp:
        # A full counter borrows the next millisecond rather than overflowing the format.
        if counter >= MAX_COUNTER:
            return Stamp(millis + 1, 0, self.device)
        return Stamp(millis, counter + 1, self.device)
