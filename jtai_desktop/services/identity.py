"""One identity per computer: an invitation joined on two computers, found and undone.

Each data folder that joins (or shares) an inspection picks a random *installation* id, and
every bundle it writes says so. If a sync finds bundles of another installation under its
own device id, the invitation was used twice: this computer stops sending (so the two
people's work is never signed as one device), leaves a notice in the device's folder so the
other computer and the lead hear of it, and tells its user to ask for a fresh invitation.
Joining with that fresh invitation moves this computer's unsent work to the new identity:
a new device id, key and evidence-number block; the work keeps its author.
"""

from __future__ import annotations

import secrets

from ..domain.errors import JtaiError
from ..store import oplog, projection, sync_records, sync_state
from ..store.database import write_transaction
from ..sync.ops import Op
from .workspace import Workspace


class IdentityClashError(JtaiError):
    """This computer shares its identity with another one: nothing of it was sent."""

    exit_code = 6


def new_installation() -> str:
    return secrets.token_hex(16)


def member_named_in(ops: list[Op], device_id: str) -> tuple[str, str] | None:
    """(member id, name) of the member a device's ops create (its joining), if any."""
    members = {op.entity_id for op in ops if op.entity == "member" and op.value == device_id}
    for op in ops:
        if op.entity_id in members and op.field == "name":
            return op.entity_id, str(op.value)
    return None


def duplicate_message(other_name: str | None) -> str:
    who = other_name or "a colleague"
    return (
        f"This computer joined the inspection with an invitation that {who} had already "
        "used on another computer. Two computers cannot share one identity, so your "
        "changes have not been sent (they are kept here). Ask your lead inspector for a "
        "fresh invitation and join with it on this computer: your work is then sent as yours."
    )


def told_owner_message(other_name: str) -> str:
    return (
        f"Your invitation was also used on another computer, by {other_name}. Your own "
        "work is not affected and keeps syncing; the lead inspector will give "
        f"{other_name} a fresh invitation."
    )


def told_lead_message(device_label: str, first_name: str, second_name: str) -> str:
    return (
        f"The invitation {device_label} was joined on two computers: by {first_name} and "
        f"by {second_name}. {second_name}'s changes wait on their computer until you give "
        f"them a fresh invitation (Sync problems \u203a Issue a fresh invitation, or "
        f'jtai-desktop invite INSPECTION --label "{second_name}" --out FILE).'
    )


def take_fresh_identity(ws: Workspace, secret: dict, snapshot: list[Op]) -> str:
    """Join again with a fresh invitation after a clash: this folder's own work (never sent,
    so nobody else holds it) moves to the new device, in order, keeping its author; the
    member's device and evidence block follow; its evidence gets numbers in the new block."""
    inspection_id = secret["inspection_id"]
    old_device = ws.device_for(inspection_id)
    me = ws.author_for(inspection_id)
    new_device, block = secret["device_id"], int(secret["evidence_block"])
    with write_transaction(ws.db):
        mine = oplog.ops_in_range(ws.db, inspection_id, old_device, 1, 2**62)
        oplog.move_to_device(
            ws.db, {op.op_id: n for n, op in enumerate(mine, 1)}, inspection_id, new_device
        )
        oplog.rewrite_member_identity(ws.db, me, old_device, new_device, block)
        oplog.append(ws.db, snapshot)
        sync_state.put_keys(ws.db, {k: secret[k] for k in sync_state.KEY_COLUMNS})
        sync_records.set_identity(
            ws.db, inspection_id, new_installation(), secret.get("certificate")
        )
        sync_records.forget_sent(ws.db, inspection_id, old_device)
        ws.forget_devices()
        touched = {op.entity_id for op in mine} | {op.entity_id for op in snapshot}
        projection.project_entities(ws.db, sorted(touched))
    _renumber_evidence(ws, inspection_id, me, block)
    return inspection_id


def _renumber_evidence(ws: Workspace, inspection_id: str, me: str, block: int) -> None:
    """This member's evidence references were numbered in the shared block: they move to the
    new one (each a new change, so the history shows the old number)."""
    from .evidence import next_ref  # evidence loads the import checks: only when needed

    for row in ws.rows("evidence", inspection_id, "created_by = ?", (me,)):
        ws.update("evidence", row["id"], {"ref": next_ref(ws, inspection_id)})
