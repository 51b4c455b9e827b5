"""The bounds a date in a child's history is checked against, for one inspection: the first
day of its look-back, and now."""

from __future__ import annotations

from datetime import datetime

from ..domain.sensible_dates import DateBounds
from .inspections import inspection_dates
from .workspace import Workspace


def history_bounds(ws: Workspace, inspection_id: str, now: datetime | None = None) -> DateBounds:
    """``now`` defaults to this computer's local time: the times inspectors record are the
    area's local times, read off its records."""
    lookback_start = inspection_dates(ws, inspection_id).lookback_start
    return DateBounds(lookback_start, now or datetime.now())
