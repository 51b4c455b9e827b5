"""The team: inspection keys, invitations, joining, and the roster of devices.

The lead's device creates the inspection's data key and issues each member's device
identity inside an invitation, with a certificate the lead signs (so the member's work can be
checked before the lead's roster reaches everyone). Roster changes are "device" records, and
only ops from a lead device may change them, so bundles from revoked devices are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..crypto.kdf import KdfParams
from ..crypto.keyfile import MIN_PASSPHRASE
from ..domain.errors import ValidationError
from ..domain.record_types import DeviceRow
from ..domain.records import Role
from ..domain.rules import require_known, require_text
from ..domain.themes import INSPECTORATES
from ..store import oplog, projection, sync_records, sync_state
from ..store.database import write_transaction
from ..sync.clock import MAX_AHEAD_MS, wall_millis
from .changes import ChangeSet
from .identity import new_installation, take_fresh_identity
from .workspace import Workspace

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ACTIVE, REVOKED = "active", "revoked"


@dataclass(frozen=True)
class TeamKeys:
    data_key: bytes
    device_id: str
    signing_key: Ed25519PrivateKey
    lead_device_id: str
    lead_public_key: str


def is_shared(ws: Workspace, inspection_id: str) -> bool:
    """Whether the inspection has a team to sync with (the lead's first invitation made its
    keys). Until then nothing can have come from colleagues: the status bar says "not
    shared" and the merge review lists nothing received, whatever other computers' names the
    change log carries (the demo's made-up team, a copy of someone's folder)."""
    return sync_state.keys(ws.db, inspection_id) is not None


def team_keys(ws: Workspace, inspection_id: str) -> TeamKeys | None:
    row = sync_state.keys(ws.db, inspection_id)
    if row is None:
        return None
    from ..sync import keys as sync_keys  # the signing code loads once an inspection is shared

    return TeamKeys(
        bytes.fromhex(row["data_key"]),
        row["device_id"],
        sync_keys.private_from_bytes(bytes.fromhex(row["signing_key"])),
        row["lead_device_id"],
        row["lead_public_key"],
    )


def require_team_keys(ws: Workspace, inspection_id: str) -> TeamKeys:
    found = team_keys(ws, inspection_id)
    if found is None:
        raise ValidationError(
            "This inspection is not shared with a team yet: the lead "
            "inspector creates an invitation first."
        )
    return found


def is_lead(ws: Workspace, inspection_id: str) -> bool:
    member = ws.get("member", ws.author_for(inspection_id))
    return member is not None and member["role"] == Role.LEAD.value


def ensure_team_keys(ws: Workspace, inspection_id: str) -> TeamKeys:
    """The lead's first invitation creates the data key and registers the lead's device."""
    existing = team_keys(ws, inspection_id)
    if existing is not None:
        return existing
    _require_lead(ws, inspection_id)
    from ..sync import keys as sync_keys

    signing = sync_keys.new_signing_key()
    device_id = ws.device_for(inspection_id)
    sync_state.put_keys(
        ws.db,
        {
            "inspection_id": inspection_id,
            "data_key": sync_keys.new_data_key().hex(),
            "device_id": device_id,
            "signing_key": sync_keys.private_bytes(signing).hex(),
            "lead_device_id": device_id,
            "lead_public_key": sync_keys.public_hex(signing),
        },
    )
    sync_records.set_identity(ws.db, inspection_id, new_installation(), None)
    me = ws.require("member", ws.author_for(inspection_id))
    ws.upsert(
        "device",
        inspection_id,
        device_id,
        {
            "public_key": sync_keys.public_hex(signing),
            "status": ACTIVE,
            "member_id": me["id"],
            "label": me["name"],
            "is_lead": True,
            "evidence_block": me["evidence_block"],
        },
    )
    return require_team_keys(ws, inspection_id)


def _require_lead(ws: Workspace, inspection_id: str) -> None:
    if not is_lead(ws, inspection_id):
        raise ValidationError("Only the lead inspector can invite or remove team devices.")


def suggest_passphrase() -> str:
    """A passphrase for an invitation that is easy to read out: five groups of letters and
    digits without look-alikes (about 100 bits)."""
    import secrets

    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(5))


def next_evidence_block(ws: Workspace, inspection_id: str) -> int:
    blocks = [m["evidence_block"] or 0 for m in ws.rows("member", inspection_id)]
    blocks += [d["evidence_block"] or 0 for d in ws.rows("device", inspection_id)]
    return max(blocks, default=0) + 1


def create_invitation(
    ws: Workspace,
    inspection_id: str,
    passphrase: str,
    label: str = "",
    params: KdfParams | None = None,
) -> bytes:
    """An invitation file for one member's device; the passphrase travels separately."""
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError(
            f"Use an invitation passphrase of at least {MIN_PASSPHRASE} characters, and "
            "give it to the member separately from the file."
        )
    from ..sync import keys as sync_keys
    from ..sync.certificate import issue
    from ..sync.invite import write_invite

    with write_transaction(ws.db):
        keys = ensure_team_keys(ws, inspection_id)
        signing = sync_keys.new_signing_key()
        device_id, block = ws.new_id(), next_evidence_block(ws, inspection_id)
        ws.create(
            "device",
            inspection_id,
            {
                "public_key": sync_keys.public_hex(signing),
                "status": ACTIVE,
                "label": label or f"Invitation {block}",
                "is_lead": False,
                "evidence_block": block,
            },
            entity_id=device_id,
        )
        # The snapshot goes out with the invitation: sealed first, read in the same
        # transaction, so no autosave writes over an op it holds.
        oplog.seal(ws.db, inspection_id, ws.device_for(inspection_id))
        snapshot = oplog.ops_of_inspection(ws.db, inspection_id)
    secret = {
        "inspection_id": inspection_id,
        "data_key": keys.data_key.hex(),
        "device_id": device_id,
        "signing_key": sync_keys.private_bytes(signing).hex(),
        "evidence_block": block,
        "lead_device_id": keys.lead_device_id,
        "lead_public_key": keys.lead_public_key,
        "certificate": issue(
            keys.signing_key, inspection_id, device_id, sync_keys.public_hex(signing), block
        ),
    }
    title = ws.require("inspection", inspection_id)["title"]
    return write_invite(
        secret,
        snapshot,
        passphrase,
        keys.signing_key,
        title,
        params,
    )


def join(ws: Workspace, invitation: bytes, passphrase: str, name: str, inspectorate: str) -> str:
    """Join with an invitation: the inspection arrives, and this folder's member is added."""
    name = require_text(name, "Your name")
    inspectorate = require_known(inspectorate, INSPECTORATES, "Your inspectorate")
    from ..sync.invite import InviteError, read_invite

    secret, ops = read_invite(invitation, passphrase)
    inspection_id = secret["inspection_id"]
    if team_keys(ws, inspection_id) is not None:
        if sync_records.clash(ws.db, inspection_id) is not None:
            return _join_again(ws, secret, ops)
        raise InviteError("This data folder has already joined that inspection.")
    with write_transaction(ws.db):
        oplog.append(ws.db, ops)
        projection.project_entities(ws.db, sorted({op.entity_id for op in ops}))
        sync_state.put_keys(ws.db, {k: secret[k] for k in sync_state.KEY_COLUMNS})
        sync_records.set_identity(
            ws.db, inspection_id, new_installation(), secret.get("certificate")
        )
        ws.forget_devices()
        member_id = ws.new_id()
        ws.set_author(inspection_id, member_id)
        ws.create(
            "member",
            inspection_id,
            {
                "name": name,
                "inspectorate": inspectorate,
                "role": Role.MEMBER.value,
                "device_id": secret["device_id"],
                "evidence_block": secret["evidence_block"],
            },
            entity_id=member_id,
            label="Join inspection",
        )
    if ops:
        ws.clock.observe(max(op.hlc for op in ops), limit=wall_millis() + MAX_AHEAD_MS)
    return inspection_id


def _join_again(ws: Workspace, secret: dict, ops: list) -> str:
    """A fresh invitation for a computer whose first one was also used on another."""
    from ..sync.invite import InviteError

    if secret["device_id"] == ws.device_for(secret["inspection_id"]):
        raise InviteError(
            "This is the invitation that was used on two computers. Ask your lead "
            "inspector for a fresh one."
        )
    inspection_id = take_fresh_identity(ws, secret, ops)
    if ops:
        ws.clock.observe(max(op.hlc for op in ops), limit=wall_millis() + MAX_AHEAD_MS)
    return inspection_id


def revoke_device(ws: Workspace, inspection_id: str, device_id: str) -> ChangeSet:
    _require_lead(ws, inspection_id)
    device = ws.require("device", device_id)
    if device["is_lead"]:
        raise ValidationError("The lead's own device cannot be revoked.")
    return ws.update("device", device_id, {"status": REVOKED}, label="Revoke device")


def roster(ws: Workspace, inspection_id: str) -> list[DeviceRow]:
    return ws.rows("device", inspection_id, order_by="evidence_block, id")
