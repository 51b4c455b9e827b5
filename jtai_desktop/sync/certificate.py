"""Device certificates: the lead's signature on a member device's identity.

The lead issues one with each invitation; the member's device puts it in the header of every
bundle it writes. A colleague whose copy of the team's roster does not list that device yet
(the lead has not synced since inviting) can still check the work: the certificate names the
device's public key and is signed by the lead's key, which every member holds. The roster
still has the last word: a device the lead removed stays refused, certificate or not.
"""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .keys import verify

FIELDS = ("inspection_id", "device_id", "public_key", "evidence_block")


def issue(
    lead_key: Ed25519PrivateKey,
    inspection_id: str,
    device_id: str,
    public_key: str,
    evidence_block: int,
) -> dict:
    body = {
        "inspection_id": inspection_id,
        "device_id": device_id,
        "public_key": public_key,
        "evidence_block": evidence_block,
    }
    return {**body, "signature": lead_key.sign(_canonical(body)).hex()}


def verified_public_key(
    certificate: dict | None, inspection_id: str, device_id: str, lead_public_key: str
) -> str | None:
    """The device's public key if the certificate is the lead's, for this device in this
    inspection; None otherwise (absent, forged, or for another device)."""
    if not isinstance(certificate, dict):
        return None
    body = {name: certificate.get(name) for name in FIELDS}
    if (body["inspection_id"], body["device_id"]) != (inspection_id, device_id):
        return None
    try:
        signature = bytes.fromhex(str(certificate.get("signature", "")))
    except ValueError:
        return None
    if not isinstance(body["public_key"], str) or not verify(
        lead_public_key, signature, _canonical(body)
    ):
        return None
    return body["public_key"]


def _canonical(body: dict) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
