"""What a bundle must pass before anything of it is written: who wrote it (roster, or the
lead's certificate for a device the roster does not list yet), that it is whole (signature,
format, schema), and that every change in it is one the app itself would have made: values
of their field's type and rules, records changed as the kind they are, work signed only in
the writer's own name, and the roster and the inspection's settings changed only by the lead.
"""

from __future__ import annotations

from typing import NamedTuple

from ..domain.errors import ValidationError
from ..domain.field_rules import LEAD_ONLY_ENTITIES, check_synced_value
from ..domain.records import ENTITIES
from ..store import oplog
from ..store.schema import known_names
from ..sync.bundle import BundleError, BundleHeader, open_sealed
from ..sync.certificate import verified_public_key
from ..sync.ops import DELETED, Op
from .team import ACTIVE, TeamKeys
from .workspace import Workspace


class Writer(NamedTuple):
    public_key: str
    is_lead: bool


def writer(ws: Workspace, keys: TeamKeys, header: BundleHeader, inspection_id: str) -> Writer:
    """The device that wrote a bundle: from the roster, or (not on it yet) from the lead's
    certificate in the bundle. Raises BundleError if it is neither, or was removed."""
    device = ws.get("device", header.device_id)
    if device is not None and device["inspection_id"] == inspection_id:
        if device["status"] != ACTIVE:
            raise BundleError(
                f"A bundle came from device {header.device_id[:8]}, which the "
                "lead has removed from the team. It was not applied."
            )
        return Writer(device["public_key"], bool(device["is_lead"]))
    public_key = verified_public_key(
        header.certificate, inspection_id, header.device_id, keys.lead_public_key
    )
    if public_key is None:
        raise BundleError(
            f"A bundle came from device {header.device_id[:8]}, which is not on this "
            "inspection's team and carries no invitation signed by the lead. It was not "
            "applied. If a colleague joined with an older version, ask the lead to sync."
        )
    return Writer(public_key, False)


def verified_ops(
    ws: Workspace, keys: TeamKeys, inspection_id: str, header: BundleHeader, data: bytes
) -> list[Op]:
    if header.inspection_id != inspection_id:
        raise BundleError("A bundle of another inspection was found in this one's folder.")
    device = writer(ws, keys, header, inspection_id)
    _, ops = open_sealed(data, device.public_key, keys.data_key)
    if set(header.schema) - known_names():
        raise BundleError(
            "A bundle was written by a newer version of jtai-desktop; "
            "install it to receive this colleague's work."
        )
    if not device.is_lead:
        _check_lead_only(header, ops)
    check_records(ws, inspection_id, header, ops)
    check_values(header, ops)
    return ops


def _check_lead_only(header: BundleHeader, ops: list[Op]) -> None:
    for op in ops:
        if op.entity == "device":
            raise BundleError(
                f"Device {header.device_id[:8]} tried to change the team's "
                "devices, which only the lead may do. The bundle was not applied."
            )
        if op.entity in LEAD_ONLY_ENTITIES:
            raise BundleError(
                f"Device {header.device_id[:8]} tried to change the inspection's settings "
                f"({op.field.replace('_', ' ')}), which only the lead may do. The bundle "
                "was not applied."
            )


def check_values(header: BundleHeader, ops: list[Op]) -> None:
    """Every value must pass what a local edit of the field must pass."""
    for op in ops:
        try:
            if op.field == DELETED:
                if not isinstance(op.value, bool):
                    raise ValidationError("A deletion must be yes or no.")
            else:
                check_synced_value(op.entity, op.field, op.value)
        except ValidationError as error:
            raise BundleError(
                f"A bundle from device {header.device_id[:8]} holds a value this version "
                f"cannot store ({error.message}) It is damaged or from a newer version, "
                "and was not applied."
            ) from None


def check_authors(ws: Workspace, inspection_id: str, header: BundleHeader, ops: list[Op]) -> None:
    """A member's device may only sign work as that member (or the member it creates
    when joining): nobody can attribute edits to a colleague."""
    device = header.device_id
    allowed = {m["id"] for m in ws.rows("member", inspection_id) if m["device_id"] == device}
    allowed |= {
        op.entity_id
        for op in ops
        if op.entity == "member" and op.field == "device_id" and op.value == device
    }
    if any(op.author not in allowed for op in ops):
        raise BundleError(
            f"A bundle from device {device[:8]} signs work in another "
            "inspector's name. It was not applied."
        )


def check_records(ws: Workspace, inspection_id: str, header: BundleHeader, ops: list[Op]) -> None:
    """Each op must change a record as the kind it is, in this inspection: an op calling
    a device "a note" would otherwise change the roster past the lead-only rule."""
    claimed = {op.entity_id: op.entity for op in ops}
    known = oplog.entity_kinds(ws.db, list(claimed))
    if any(op.entity not in ENTITIES or claimed[op.entity_id] != op.entity for op in ops) or any(
        kind != (claimed[entity_id], inspection_id) for entity_id, kind in known.items()
    ):
        raise BundleError(
            f"A bundle from device {header.device_id[:8]} changes records "
            "as something they are not; it is damaged or forged. It was "
            "not applied."
        )
