"""Operations: the unit of change. Every user-visible change is one op per field."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

ROW_COLUMNS = (
    "op_id",
    "inspection_id",
    "entity",
    "entity_id",
    "field",
    "value",
    "hlc",
    "device_id",
    "author",
    "parents",
    "seq",
)
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
        return dict(zip(ROW_COLUMNS, self.row_values()))

    def row_values(self) -> tuple:
        """The op as the change log stores it, column by column (``ROW_COLUMNS``)."""
        return (
            self.op_id,
            self.inspection_id,
            self.entity,
            self.entity_id,
            self.field,
            encode_value(self.value),
            self.hlc,
            self.device_id,
            self.author,
            json.dumps(sorted(self.parents)),
            self.seq,
        )

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


# Made once: json.dumps with options other than the defaults makes an encoder per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def encode_value(value: Any) -> str:
    """Canonical JSON so equal values compare equal as text on every device."""
    return _CANONICAL.encode(value)
