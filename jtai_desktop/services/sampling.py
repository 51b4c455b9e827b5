"""Sampled children: the criteria the inspector looked at in the case.

A sampled child gets a lighter look at particular points in their experience, so the case is
complete when the criteria looked at are written, not the whole grid. The list is kept on the
child (``looked_at``); marking a criterion on a tracked child is allowed (it changes nothing:
a tracked child is reviewed against every criterion) so a child moved between tracked and
sampled keeps what was marked.
"""

from __future__ import annotations

from ..domain.errors import ValidationError
from ..domain.theme_model import AREA
from .changes import ChangeSet
from .inspections import theme_pack
from .workspace import Workspace


def mark_looked_at(ws: Workspace, child_id: str, criterion_id: str, looked: bool) -> ChangeSet:
    """Mark (or unmark) one criterion as looked at in a child's case."""
    child = ws.require("child", child_id)
    pack = theme_pack(ws, child["inspection_id"])
    criterion = pack.criterion(criterion_id)
    if pack.judged(criterion.id) == AREA:
        raise ValidationError(f"{criterion.id} is judged once for the area, not in a child's case.")
    current = list(child["looked_at"] or [])
    if looked and criterion.id not in current:
        current.append(criterion.id)
    elif not looked and criterion.id in current:
        current.remove(criterion.id)
    order = {c.id: n for n, c in enumerate(pack.criteria)}
    current.sort(key=lambda c: order.get(c, len(order)))
    label = f"{'Mark' if looked else 'Unmark'} {criterion.id} as looked at"
    return ws.update("child", child_id, {"looked_at": current}, label=label)


def looked_at(ws: Workspace, child_id: str) -> tuple[str, ...]:
    return tuple(ws.require("child", child_id)["looked_at"] or ())
