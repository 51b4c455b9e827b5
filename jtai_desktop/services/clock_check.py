"""Which computer's clock is wrong, from what a sync sees, and how to say it.

Every bundle and status notice carries the writer's clock at the time it wrote it. A reader
compares that with its own clock: a file can only be written before it is read, so a file
stamped more than the bound (``MAX_AHEAD_MS``) after the reader's "now" proves that the two
clocks disagree. (One stamped well before "now" proves nothing: it may simply be old.)

Whose clock is wrong? The clocks seen (this computer's included) fall into groups that
agree within the bound; the largest group keeps the team's time. When groups are equal, the
one holding the lead's clock wins, then the one holding this computer's. Clocks ahead of the
team's time are fast; if the team's time is ahead of this computer's, this one is slow.
Each computer shares its conclusions in its status notice, so a fast laptop learns of itself
from the others, and everyone learns of a slow laptop from its own notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from ..sync.clock import MAX_AHEAD_MS

HOUR_MS = 3600 * 1000
DAY_MS = 24 * HOUR_MS


@dataclass
class ClockWatch:
    """What one sync saw of other computers' clocks, relative to this one's."""

    now_ms: int
    me: str = ""
    lead: str = ""
    ahead_by: dict[str, int] = field(default_factory=dict)  # device -> max(stamp - now)

    def saw(self, device_id: str, written_at: int | None) -> None:
        if written_at is None:
            return
        lead = written_at - self.now_ms
        self.ahead_by[device_id] = max(lead, self.ahead_by.get(device_id, lead))

    def verdict(self) -> ClockVerdict:
        seen = {d: x for d, x in self.ahead_by.items() if x >= -MAX_AHEAD_MS and d != self.me}
        seen[self.me] = 0
        team = max(_groups(seen), key=self._weight)
        team_time = int(median(seen[d] for d in team))
        fast = {d: x - team_time for d, x in seen.items() if x - team_time > MAX_AHEAD_MS}
        behind = team_time if team_time > MAX_AHEAD_MS else 0
        return ClockVerdict(behind, {d: x for d, x in fast.items() if d != self.me})

    def _weight(self, group: list[str]) -> tuple[int, bool, bool]:
        return len(group), self.lead in group, self.me in group


def _groups(seen: dict[str, int]) -> list[list[str]]:
    """Devices whose clocks agree within the bound, chained in order of their readings."""
    ordered = sorted(seen, key=lambda device: seen[device])
    groups = [[ordered[0]]]
    for before, device in zip(ordered, ordered[1:]):
        if seen[device] - seen[before] <= MAX_AHEAD_MS:
            groups[-1].append(device)
        else:
            groups.append([device])
    return groups


@dataclass(frozen=True)
class ClockVerdict:
    self_behind_ms: int  # how far this computer's clock seems behind the team's (0: fine)
    fast: dict[str, int]  # other devices -> how far their clock seems ahead of the team's

    def to_json(self) -> dict:
        return {"self_behind_ms": self.self_behind_ms, "fast": dict(self.fast)}


def own_offset(verdict: ClockVerdict, said_about_me: list[int]) -> int:
    """This computer's best estimate of its clock's error (ms; negative: slow)."""
    if verdict.self_behind_ms > MAX_AHEAD_MS:
        return -verdict.self_behind_ms
    if said_about_me:
        return int(median(said_about_me))
    return 0


def amount(ms: int) -> str:
    """'about 4 days', 'about 3 hours', 'about 25 minutes'."""
    ms = abs(ms)
    if ms >= DAY_MS * 1.5:
        return f"about {round(ms / DAY_MS)} days"
    if ms >= HOUR_MS * 1.5:
        return f"about {round(ms / HOUR_MS)} hours"
    if ms >= HOUR_MS * 0.75:
        return "about an hour"
    return f"about {max(1, round(ms / 60000))} minutes"


def fast_message(owner: str, ms: int) -> str:
    return (
        f"{owner}'s computer's clock is {amount(ms)} fast. Their changes were applied, and "
        "their times are marked in the history; ask them to correct the date and time."
    )


def slow_message(owner: str, ms: int) -> str:
    return (
        f"{owner}'s computer's clock is {amount(ms)} slow (it says so itself). Their "
        "changes were applied, and their times are marked in the history; ask them to "
        "correct the date and time."
    )


def own_clock_message(offset_ms: int) -> str:
    direction = "fast" if offset_ms > 0 else "slow"
    return (
        f"This computer's clock seems to be {amount(offset_ms)} {direction}, compared with "
        "the rest of the team's. Your work still syncs, but its times are marked as "
        "doubtful: correct the computer's date and time."
    )
