"""Where the letter speaks of an agency kind: organisations rolled up to their kind.

An inspection names organisations ("Northbridge ICB", "the maternity unit"), but a letter
addresses one leader per kind (the ICB's for health) and the team's annexes count by kind.
Each kind in scope becomes one group: with one organisation it is that organisation, named and
keyed as before (``agency:<id>``); with several it is the kind (``kind:<kind>``), its first
organisation the one the letter addresses (the agencies come in the letter's order).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .inputs import AgencyInfo, FindingInfo, agency_key

KIND_PREFIX = "kind:"

KIND_LABELS = {
    "children_social_care": "Children's social care",
    "police": "Police",
    "health": "Health",
    "education": "Education",
    "youth_justice": "Youth justice",
    "probation": "Probation",
    "voluntary": "Voluntary sector",
}


def kind_key(kind: str) -> str:
    return f"{KIND_PREFIX}{kind}"


@dataclass(frozen=True)
class KindGroup:
    key: str  # "agency:<id>" for a kind with one organisation in scope, else "kind:<kind>"
    heading: str
    kind: str
    organisations: tuple[AgencyInfo, ...]  # in the letter's order

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.organisations)

    def names(self, finding: FindingInfo) -> bool:
        return bool(self.ids & set(finding.agencies))


def groups(agencies: Iterable[AgencyInfo]) -> list[KindGroup]:
    """The kinds in scope, in the letter's order (the order of ``agencies``)."""
    by_kind: dict[str, list[AgencyInfo]] = {}
    for agency in (a for a in agencies if a.in_scope):
        by_kind.setdefault(agency.kind, []).append(agency)
    found = []
    for kind, organisations in by_kind.items():
        if len(organisations) == 1:
            (only,) = organisations
            found.append(KindGroup(agency_key(only.id), only.name, kind, (only,)))
        else:
            label = KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())
            found.append(KindGroup(kind_key(kind), label, kind, tuple(organisations)))
    return found


# The kinds whose letter is addressed to the area's body rather than to a service the team
# looked at: the Director of Children's Services leads the council's services, whichever
# (front door, early help) the inspection names.
ADDRESSED_AS_THE_AREA = ("children_social_care",)
# The service a kind's addressee leads, where the kind has several (see domain.organisations).
LEAD_SERVICE = {"health": "icb", "police": "force"}


def addressed_name(group: KindGroup) -> str | None:
    """The organisation the letter addresses for a kind, by its name in the inspection, or
    None for the format's usual name for the area (the council, "{area} Integrated Care
    Board"): the ICB for health, the force for police, a kind's one organisation otherwise."""
    if group.kind in ADDRESSED_AS_THE_AREA:
        return None
    lead = LEAD_SERVICE.get(group.kind)
    if lead:
        leading = [a for a in group.organisations if a.service_type == lead]
        if leading:
            return leading[0].name
    untyped = [a for a in group.organisations if not a.service_type]
    if len(group.organisations) == 1 and (not lead or untyped):
        return group.organisations[0].name
    return None
