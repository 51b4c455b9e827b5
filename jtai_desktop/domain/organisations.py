"""Organisations: the named bodies an inspection looks at, each of one agency kind.

CQC reports on the integrated care board and on each health provider (a maternity unit, the
health visiting service, an emergency department...), Ofsted on schools and early years
settings as well as children's social care. So an inspection holds named organisations under
each kind ("Northbridge ICB", "St Mary's maternity unit"), in or out of scope, with a service
type where the kind has several. Reviews, findings and evidence name an organisation; where
the letter speaks of a kind ("health partners"), an organisation's work rolls up to its kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .record_types import Row
from .theme_model import AGENCY_KINDS, SERVICE_TYPES

# The organisations of a kind that the letter addresses for it (the statutory partner, where
# the kind has one).
LEAD_SERVICE: dict[str, str] = {"health": "icb", "police": "force"}


def service_label(kind: str, service_type: str | None) -> str:
    return SERVICE_TYPES.get(kind, {}).get(service_type or "", "")


def all_service_types() -> set[str]:
    return {key for types in SERVICE_TYPES.values() for key in types}


def kind_of_service(service_type: str) -> str | None:
    for kind, types in SERVICE_TYPES.items():
        if service_type in types:
            return kind
    return None


@dataclass(frozen=True)
class KindRollUp:
    """One agency kind as the letter speaks of it: its organisations, and how many of the
    items counted name any of them."""

    kind: str
    label: str
    organisations: tuple[str, ...]  # ids, in display order
    names: tuple[str, ...]
    count: int


def roll_up(organisations: Iterable[Row], named: Iterable[str]) -> list[KindRollUp]:
    """Per agency kind (in display order), the organisations of that kind and how many of the
    ``named`` organisation ids (one per finding, review or evidence link) belong to it.

    Every kind with an organisation is listed, even with a count of 0, so a kind that nothing
    speaks of shows up as such."""
    by_kind: dict[str, list[Row]] = {}
    for organisation in organisations:
        by_kind.setdefault(organisation["kind"], []).append(organisation)
    counted: dict[str, int] = {}
    kind_of = {o["id"]: o["kind"] for orgs in by_kind.values() for o in orgs}
    for organisation_id in named:
        kind = kind_of.get(organisation_id)
        if kind is not None:
            counted[kind] = counted.get(kind, 0) + 1
    result = []
    for kind in sorted(by_kind, key=kind_order):
        orgs = sorted(by_kind[kind], key=organisation_order)
        result.append(
            KindRollUp(
                kind,
                AGENCY_KINDS.get(kind, kind),
                tuple(o["id"] for o in orgs),
                tuple(o["name"] for o in orgs),
                counted.get(kind, 0),
            )
        )
    return result


def kind_order(kind: str) -> int:
    order = list(AGENCY_KINDS)
    return order.index(kind) if kind in order else len(order)


def organisation_order(organisation: Row) -> tuple:
    """Kind first (the front door and the statutory partners lead), then the organisation a
    letter addresses for its kind (the ICB for health), then by service type and name."""
    kind = organisation["kind"]
    service = organisation.get("service_type") or ""
    types = list(SERVICE_TYPES.get(kind, {}))
    lead = LEAD_SERVICE.get(kind)
    return (
        kind_order(kind),
        0 if service and service == lead else 1,
        types.index(service) if service in types else len(types),
        (organisation.get("name") or "").casefold(),
    )
