"""Canonical JSON of an inspection's whole state: the same state gives the same bytes anywhere.

Rows are sorted by id and keys by name; local-only things (who acts on this device, sequence
caches) are left out. The op set is represented by its count and a digest of the sorted op
ids, so two replicas dump identically exactly when they hold the same ops and state.
"""

from __future__ import annotations

import json

from ..domain.records import ENTITIES
from ..store import oplog, projection, records
from .workspace import Workspace


def dump_state(ws: Workspace, inspection_id: str) -> dict:
    ws.require("inspection", inspection_id)
    tables = {
        spec.table: sorted(
            records.rows(ws.db, name, inspection_id, order_by="id"), key=lambda r: r["id"]
        )
        for name, spec in ENTITIES.items()
    }
    return {
        "format": 1,
        "inspection_id": inspection_id,
        "tables": tables,
        "conflicts": _conflicts(ws, inspection_id),
        "ops": {
            "count": oplog.count(ws.db, inspection_id),
            "digest": oplog.digest(ws.db, inspection_id),
        },
    }


def _conflicts(ws: Workspace, inspection_id: str) -> list[dict]:
    found = []
    for entity_id in records.conflicted_ids(ws.db, inspection_id):
        for field, ops in projection.conflict_heads(ws.db, entity_id).items():
            found.append(
                {
                    "entity_id": entity_id,
                    "entity": ops[0].entity,
                    "field": field,
                    "values": [
                        {"op_id": op.op_id, "value": op.value, "author": op.author, "hlc": op.hlc}
                        for op in ops
                    ],
                }
            )
    return found


def dump_json(ws: Workspace, inspection_id: str) -> str:
    return (
        json.dumps(dump_state(ws, inspection_id), sort_keys=True, indent=1, ensure_ascii=False)
        + "\n"
    )
