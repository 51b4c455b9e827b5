"""Small counts are never shown in a table or chart: a count of one to five children can
identify a child, and a letter that gives no grades must not read as a league table."""

from __future__ import annotations

DEFAULT_BELOW = 6


def is_small(count: int, below: int = DEFAULT_BELOW) -> bool:
    return 0 < count < below


def shown_count(count: int, below: int = DEFAULT_BELOW) -> str:
    """The count as a table shows it: "fewer than 6" for 1 to 5 (with the default)."""
    return f"fewer than {below}" if is_small(count, below) else str(count)
