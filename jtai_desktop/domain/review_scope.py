"""Which criteria a child's case is reviewed against, as the method treats tracked and
sampled children.

A tracked child's case is followed end to end: every criterion judged per child that applies
to each organisation involved. A sampled child gets a lighter look at particular points, so
only the criteria the inspector marks as looked at count for its completeness; the same holds
for a child chosen from the area's own audits. Criteria judged once for the area are never
asked in a child's case.
"""

from __future__ import annotations

from .errors import ValidationError
from .record_types import Row
from .records import Selection
from .theme_model import AREA, PER_CHILD, Criterion, ThemePack


def criteria_offered(pack: ThemePack, organisation: Row) -> tuple[Criterion, ...]:
    """The per-child criteria that apply to one organisation in scope (none out of scope)."""
    if organisation.get("in_scope") in (0, False) or organisation["kind"] not in pack.agencies:
        return ()
    return pack.criteria_for(organisation["kind"], organisation.get("service_type"), PER_CHILD)


def is_tracked(child: Row) -> bool:
    return child.get("selection") == Selection.TRACKED.value


def criteria_expected(pack: ThemePack, child: Row, organisation: Row) -> tuple[Criterion, ...]:
    """The criteria whose observations make this organisation's part of the case complete."""
    offered = criteria_offered(pack, organisation)
    if is_tracked(child):
        return offered
    looked = set(child.get("looked_at") or ())
    return tuple(c for c in offered if c.id in looked)


def check_reviewable(pack: ThemePack, criterion_id: str, organisation: Row) -> Criterion:
    """The criterion, if it may be reviewed in a child's case for this organisation."""
    criterion = pack.criterion(criterion_id)
    if pack.judged(criterion.id) == AREA:
        raise ValidationError(
            f"{criterion.id} is judged once for the area, not in a child's case: "
            "evaluate it on the page for the area."
        )
    if criterion not in criteria_offered(pack, organisation):
        out = organisation.get("in_scope") in (0, False)
        raise ValidationError(
            f"Criterion {criterion.id} does not apply to {organisation['name']}"
            + (" (it is out of scope)." if out else ".")
        )
    return criterion
