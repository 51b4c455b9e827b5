"""The organisations an inspection looks at: adding, editing, listing, and rolling their work
up to agency kinds where the letter speaks of a kind.

An organisation is stored as the ``agency`` record kind (its kind, name, whether it is in scope
and, new in this release, its service type), so every agency an earlier release recorded is an
organisation as it stands.
"""

from __future__ import annotations

from ..domain.errors import ValidationError
from ..domain.organisations import KindRollUp, organisation_order, roll_up
from ..domain.record_types import AgencyRow
from ..domain.records import PARTNERSHIP
from ..domain.rules import require_known, require_text
from ..domain.theme_model import AGENCY_KINDS, SERVICE_TYPES
from .changes import ChangeSet
from .workspace import Workspace


def add_organisation(
    ws: Workspace,
    inspection_id: str,
    kind: str,
    name: str | None = None,
    *,
    service_type: str | None = None,
    in_scope: bool = True,
) -> ChangeSet:
    """A named organisation of one agency kind ("St Mary's maternity unit", health,
    maternity). With no name it is called after its kind, as release 0.1 named agencies."""
    kind = require_known(kind, AGENCY_KINDS, "The kind of organisation")
    values = {
        "kind": kind,
        "name": require_text(name or AGENCY_KINDS[kind], "The organisation's name"),
        "service_type": _service(kind, service_type),
        "in_scope": in_scope,
    }
    _check_unique_name(ws, inspection_id, str(values["name"]))
    return ws.create("agency", inspection_id, values, label=f"Add {values['name']}")


def update_organisation(ws: Workspace, organisation_id: str, **values) -> ChangeSet:
    """Rename an organisation, change its service type or whether it is in scope (its kind
    stays: reviews of it were made against that kind's criteria)."""
    row = ws.require("agency", organisation_id)
    unknown = set(values) - {"name", "service_type", "in_scope"}
    if unknown:
        raise ValidationError(f"An organisation has no {', '.join(sorted(unknown))} to change.")
    if "name" in values:
        values["name"] = require_text(values["name"], "The organisation's name")
        _check_unique_name(ws, row["inspection_id"], values["name"], organisation_id)
    if "service_type" in values:
        values["service_type"] = _service(row["kind"], values["service_type"])
    return ws.update("agency", organisation_id, values, label=f"Edit {row['name']}")


def _service(kind: str, service_type: str | None) -> str | None:
    if not service_type:
        return None
    types = SERVICE_TYPES.get(kind, {})
    if not types:
        raise ValidationError(
            f"{AGENCY_KINDS[kind]} has no service types: leave the service type empty."
        )
    return require_known(service_type, types, f"The service type of {AGENCY_KINDS[kind].lower()}")


def _check_unique_name(ws: Workspace, inspection_id: str, name: str, own_id: str = "") -> None:
    for other in ws.rows("agency", inspection_id):
        if other["id"] != own_id and other["name"].casefold() == name.casefold():
            raise ValidationError(
                f"This inspection already has an organisation called {other['name']!r}; "
                "give this one a name that tells them apart."
            )


def organisations(
    ws: Workspace, inspection_id: str, *, in_scope_only: bool = False
) -> list[AgencyRow]:
    """Organisations in display order: by kind (the front door and the statutory partners
    first), the organisation the letter addresses for its kind first (the ICB for health),
    then by service type and name."""
    rows = ws.rows("agency", inspection_id)
    if in_scope_only:
        rows = [r for r in rows if r["in_scope"]]
    return sorted(rows, key=organisation_order)


def findings_by_kind(ws: Workspace, inspection_id: str) -> tuple[list[KindRollUp], int]:
    """How many findings name each agency kind's organisations (a finding naming two
    organisations of one kind counts for both), and how many speak of the partnership."""
    named: list[str] = []
    partnership = 0
    for finding in ws.rows("finding", inspection_id):
        ids = finding["agencies"] or []
        partnership += PARTNERSHIP in ids
        named += [a for a in ids if a != PARTNERSHIP]
    return roll_up(organisations(ws, inspection_id, in_scope_only=True), named), partnership
