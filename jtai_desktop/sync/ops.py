"""Operations: the unit of change. Every user-visible change is one op per field."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

DELETED = "_deleted"  # the tombstone field: value True deletes the entity, False restores it


@dataclass(frozen=True)
class Op:
    op_id: str
    inspection_id: str
    entity: str
    entity_id: str
    field: str
    value: Any
    hlc: str
    device_id: str
    author: str
    parents: tuple[str, ...] = dataclasses.field(default=())
    seq: int = 0

    def to_row(self) -> dict:
        return {
            "op_id": self.op_id,
            "inspection_id": self.inspection_id,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "field": self.field,
            "value": encode_value(self.value),
            "hlc": self.hlc,
            "device_id": self.device_id,
            "author": self.author,
            "parents": json.dumps(sorted(self.parents)),
            "seq": self.seq,
        }

    @classmethod
    def from_row(cls, row: dict) -> Op:
        return cls(
            op_id=row["op_id"],
            inspection_id=row["inspection_id"],
            entity=row["entity"],
            entity_id=row["entity_id"],
            field=row["field"],
            value=json.loads(row["value"]),
            hlc=row["hlc"],
            device_id=row["device_id"],
            author=row["author"],
            parents=tuple(json.loads(row["parents"])),
            seq=row["seq"],
        )


def encode_value(value: Any) -> str:
    """Canonical JSON so equal values compare equal as text on every device."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
