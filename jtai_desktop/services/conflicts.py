"""Open conflicts and record history, read from the change log, with people's names."""

from __future__ import annotations

from ..domain.errors import AmbiguousError, NotFoundError, ValidationError
from ..domain.records import ENTITIES
from ..store import oplog, projection, records, sync_records
from ..sync.clock import Stamp
from ..sync.merge import resolve_entity
from .workspace import Workspace

TITLE_FIELDS = ("title", "pseudonym", "name", "ref", "label", "criterion_id")


def member_names(ws: Workspace, inspection_id: str) -> dict[str, str]:
    return {m["id"]: m["name"] for m in ws.rows("member", inspection_id)}


def record_label(ws: Workspace, entity: str, entity_id: str) -> str:
    """A short human label for a record (never a child's real details)."""
    row = ws.get(entity, entity_id)
    if row is None:
        ops = oplog.ops_for_entity(ws.db, entity_id)
        row = resolve_entity(ops).values() if ops else {}
    for field in TITLE_FIELDS:
        if row.get(field):
            return f"{entity.replace('_', ' ')} {row[field]}"
    return f"{entity.replace('_', ' ')} {entity_id[:8]}"


def list_conflicts(ws: Workspace, inspection_id: str) -> list[dict]:
    names = member_names(ws, inspection_id)
    found = []
    for entity_id in records.conflicted_ids(ws.db, inspection_id):
        for field, ops in projection.conflict_heads(ws.db, entity_id).items():
            entity = ops[0].entity
            found.append(
                {
                    "entity": entity,
                    "entity_id": entity_id,
                    "field": field,
                    "record": record_label(ws, entity, entity_id),
                    "values": [
                        {
                            "op_id": op.op_id,
                            "value": op.value,
                            "author": names.get(op.author, op.author[:8]),
                            "device": op.device_id,
                            "at": Stamp.parse(op.hlc).iso(),
                        }
                        for op in ops
                    ],
                }
            )
    return found


def resolve_record(ws: Workspace, inspection_id: str, reference: str) -> str:
    """A record id (of any kind, deleted ones too) from the id or a unique start of it."""
    wanted = (reference or "").strip().lower()
    if not wanted:
        raise ValidationError("Name a record by its id or the start of it.")
    found = (
        oplog.entity_ids_with_prefix(ws.db, inspection_id, wanted, 6)
        if all(c in "0123456789abcdef" for c in wanted)
        else []
    )
    if wanted in found or len(found) == 1:
        return wanted if wanted in found else found[0]
    if not found:
        raise NotFoundError(
            f"No record of this inspection has an id starting {wanted!r}. Ids are shown by "
            "'jtai-desktop conflicts' and 'jtai-desktop dump'."
        )
    shown = ", ".join(i[:12] for i in found[:5]) + (", …" if len(found) > 5 else "")
    raise AmbiguousError(
        f"{wanted!r} starts the ids of several records ({shown}); give more of it."
    )


def history(ws: Workspace, entity_id: str) -> list[dict]:
    """Who changed what and when, oldest first. ``clock_offset_ms`` is set on a change
    stamped by a computer whose clock was wrong (how far, negative if slow): its time is
    doubtful, though the order of the changes (who saw what) is not."""
    ops = sorted(oplog.ops_for_entity(ws.db, entity_id), key=lambda op: (op.hlc, op.op_id))
    if not ops:
        return []
    names = member_names(ws, ops[0].inspection_id)
    marks = sync_records.clock_marks(ws.db, ops[0].inspection_id)
    return [
        {
            "at": Stamp.parse(op.hlc).iso(),
            "author": names.get(op.author, op.author[:8]),
            "device": op.device_id,
            "field": op.field,
            "value": op.value,
            "op_id": op.op_id,
            "replaces": list(op.parents),
            "clock_offset_ms": _clock_offset(marks, op),
        }
        for op in ops
    ]


def _clock_offset(marks: list[tuple[str, int, int, int]], op) -> int | None:
    for device, first, last, offset in marks:
        if device == op.device_id and first <= op.seq <= last:
            return offset
    return None


def conflicted_entities(ws: Workspace, inspection_id: str) -> set[str]:
    return set(records.conflicted_ids(ws.db, inspection_id))


def is_judgement_field(entity: str, field: str) -> bool:
    """Fields whose competing values need a person to settle them (never the clock)."""
    return field in ENTITIES[entity].field_names or field == "_deleted"


GROUP_SECONDS = 600  # changes to one field by one person this close together are one row


def grouped_history(changes: list[dict]) -> list[dict]:
    """``history`` with quick successive changes to one field by one person (typing saved
    as it goes, undo and redo) as one entry, oldest first. Each entry is its last change
    with ``count`` (how many it stands for), ``first_at`` and ``before`` (the field's value
    before the first of them; ``changed_back`` when the last brought that value back).
    A change settling a conflict is never grouped: it names what it replaced."""
    grouped: list[dict] = []
    latest: dict[str, object] = {}  # field -> its value before the change being read
    for change in changes:
        previous = grouped[-1] if grouped else None
        if previous is not None and _same_run(previous, change):
            entry = {
                **change,
                "count": previous["count"] + 1,
                "first_at": previous["first_at"],
                "before": previous["before"],
            }
            grouped[-1] = entry
        else:
            entry = {
                **change,
                "count": 1,
                "first_at": change["at"],
                "before": latest.get(change["field"]),
            }
            grouped.append(entry)
        entry["changed_back"] = entry["count"] > 1 and entry["value"] == entry["before"]
        latest[change["field"]] = change["value"]
    return grouped


def _same_run(previous: dict, change: dict) -> bool:
    return (
        previous["field"] == change["field"]
        and previous["author"] == change["author"]
        and previous["device"] == change["device"]
        and len(change["replaces"]) <= 1
        and len(previous["replaces"]) <= 1
        and previous.get("clock_offset_ms") == change.get("clock_offset_ms")
        and _seconds_between(previous["at"], change["at"]) <= GROUP_SECONDS
    )


def _seconds_between(first: str, second: str) -> float:
    from datetime import datetime

    return abs(
        (
            datetime.fromisoformat(second.replace("Z", "+00:00"))
            - datetime.fromisoformat(first.replace("Z", "+00:00"))
        ).total_seconds()
    )
