"""The merge review's reads: the work other inspectors' devices sent (per inspector, per
child; since the lead last marked the review done, or in the last N days), the common
ancestor of competing values for a three-way diff, held bundles and the sync status, all from
the change log. (Settling a conflict, and undoing that, are the workspace's ``resolve`` and
``reopen``.)
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from ..domain.record_types import Row
from ..store import incoming as store_incoming
from ..store import oplog, settings, sync_state
from ..sync.clock import Stamp
from ..sync.merge import resolve_entity
from ..sync.ops import DELETED, Op
from .conflicts import TITLE_FIELDS, member_names
from .team import is_shared
from .workspace import Workspace

DAY_MS = 24 * 3600 * 1000
KIND_LABELS = {
    "audit_eval": "audit evaluation",
    "area_review": "evaluation for the area",
    "review": "case review",
    "report_entry": "letter entry",
}
NO_CHILD = ""


@dataclass(frozen=True)
class Received:
    """One record another inspector changed (per author when grouped by inspector)."""

    entity: str
    entity_id: str
    label: str
    authors: tuple[str, ...]
    changes: int
    latest: str  # ISO 8601 UTC of the newest change
    child_ids: tuple[str, ...] = ()
    moderated: bool | None = None  # None: not a case review or finding
    deleted: bool = False


@dataclass(frozen=True)
class WorkGroup:
    key: str  # member id or child id ("" for no child)
    label: str
    items: tuple[Received, ...] = field(default_factory=tuple)

    @property
    def changes(self) -> int:
        return sum(item.changes for item in self.items)

    @property
    def latest(self) -> str:
        return max((item.latest for item in self.items), default="")


# --- incoming work ------------------------------------------------------------------------
def received_work(
    ws: Workspace,
    inspection_id: str,
    days: int | None = None,
    since_review: bool = False,
    now_ms: int | None = None,
) -> list[tuple[str, Received]]:
    """(author member id, record) for every record other devices changed in the window;
    none while the inspection is not shared."""
    if not is_shared(ws, inspection_id):
        return []  # nothing can have come from colleagues
    since = None
    if days is not None:
        now_ms = int(time.time() * 1000) if now_ms is None else now_ms
        since = f"{now_ms - days * DAY_MS:013d}"
    after = review_mark(ws, inspection_id)["seqs"] if since_review else None
    rows = store_incoming.received(
        ws.db, inspection_id, ws.device_for(inspection_id), since, after or None
    )
    names = member_names(ws, inspection_id)
    facts = _RecordFacts(ws, inspection_id, {(entity, eid) for _, entity, eid, _, _ in rows})
    return [
        (author, facts.received(entity, entity_id, names.get(author, author[:8]), count, hlc))
        for author, entity, entity_id, count, hlc in rows
    ]


def by_inspector(
    ws: Workspace, inspection_id: str, work: list[tuple[str, Received]]
) -> list[WorkGroup]:
    names = member_names(ws, inspection_id)
    groups: dict[str, list[Received]] = {}
    for author, item in work:
        groups.setdefault(author, []).append(item)
    found = [
        WorkGroup(author, names.get(author, author[:8]), tuple(items))
        for author, items in groups.items()
    ]
    return sorted(found, key=lambda g: g.label.casefold())


def by_child(
    ws: Workspace, inspection_id: str, work: list[tuple[str, Received]]
) -> list[WorkGroup]:
    """Each record once per child it is about (a note may be about several)."""
    merged: dict[str, Received] = {}
    for _, item in work:
        seen = merged.get(item.entity_id)
        merged[item.entity_id] = (
            item
            if seen is None
            else replace(
                seen,
                authors=tuple(sorted({*seen.authors, *item.authors})),
                changes=seen.changes + item.changes,
                latest=max(seen.latest, item.latest),
            )
        )
    groups: dict[str, list[Received]] = {}
    for item in merged.values():
        for child_id in item.child_ids or (NO_CHILD,):
            groups.setdefault(child_id, []).append(item)
    children = {c["id"]: c["pseudonym"] for c in ws.rows("child", inspection_id)}
    found = [
        WorkGroup(key, children.get(key, "") if key else "", tuple(items))
        for key, items in groups.items()
    ]
    return sorted(found, key=lambda g: (g.key == NO_CHILD, g.label.casefold()))


class _RecordFacts:
    """Labels, children and moderation of the records in one batch of received work, read
    kind by kind rather than record by record."""

    def __init__(self, ws: Workspace, inspection_id: str, records: set[tuple[str, str]]):
        self.rows: dict[str, Row] = {}
        for kind in sorted({entity for entity, _ in records}):
            wanted = {eid for entity, eid in records if entity == kind}
            self.rows.update(
                (r["id"], r) for r in ws.rows(kind, inspection_id) if r["id"] in wanted
            )
        self.children = {c["id"]: c["pseudonym"] for c in ws.rows("child", inspection_id)}
        self.ws = ws

    def received(self, entity, entity_id, author, count, hlc) -> Received:
        stored = self.rows.get(entity_id)
        deleted = stored is None
        row: Row = stored if stored is not None else self._as_it_was(entity_id)
        child_ids = _child_ids(entity, row)
        moderated = bool(row.get("moderated")) if entity in ("review", "finding") else None
        return Received(
            entity,
            entity_id,
            self.label(entity, row, child_ids),
            (author,),
            count,
            Stamp.parse(hlc).iso(),
            child_ids,
            moderated,
            deleted,
        )

    def _as_it_was(self, entity_id: str) -> Row:
        """A deleted record's values, from its ops."""
        ops = oplog.ops_for_entity(self.ws.db, entity_id)
        return {"id": entity_id, **resolve_entity(ops).values()} if ops else {"id": entity_id}

    def label(self, entity: str, row: Row, child_ids: tuple[str, ...]) -> str:
        if entity == "link":
            return self._link_label(row)
        kind = KIND_LABELS.get(entity, entity.replace("_", " "))
        title = next((str(row[f]) for f in TITLE_FIELDS if row.get(f)), row["id"][:8])
        text = f"{kind} {title}" if entity != "child" else title
        if entity != "child" and len(child_ids) == 1 and child_ids[0] in self.children:
            text += f" ({self.children[child_ids[0]]})"
        return text

    def _link_label(self, row: Row) -> str:
        """A citation, named by the evidence it cites (a link has no title of its own)."""
        evidence = (
            self.rows.get(row.get("evidence_id") or "")
            or self.ws.get("evidence", row.get("evidence_id") or "")
            or {}
        )
        name = evidence.get("ref") or evidence.get("title") or (row.get("evidence_id") or "")[:8]
        target = KIND_LABELS.get(row.get("target_kind") or "", row.get("target_kind") or "record")
        return f"evidence {name} cited in a {target.replace('_', ' ')}"


def _child_ids(entity: str, row: Row) -> tuple[str, ...]:
    if entity == "child":
        return (row["id"],)
    if row.get("child_id"):
        return (row["child_id"],)
    if entity == "note":
        return tuple(row.get("children") or ())
    return ()


# --- "reviewed up to here" ----------------------------------------------------------------
def _mark_key(inspection_id: str) -> str:
    return f"merge_review_mark:{inspection_id}"


def review_mark(ws: Workspace, inspection_id: str) -> dict:
    """When the lead last marked the incoming work as reviewed, and what had arrived then."""
    stored = settings.get(ws.db, _mark_key(inspection_id))
    try:
        found = json.loads(stored) if stored else {}
    except ValueError:
        found = {}
    return {"at": found.get("at"), "seqs": found.get("seqs") or {}}


def mark_reviewed(ws: Workspace, inspection_id: str) -> dict:
    mark = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seqs": store_incoming.device_seqs(ws.db, inspection_id),
    }
    settings.put(ws.db, _mark_key(inspection_id), json.dumps(mark, sort_keys=True))
    return mark


# --- conflicts ----------------------------------------------------------------------------
def common_ancestor(
    ws: Workspace, entity_id: str, field_name: str, head_ids: list[str]
) -> dict | None:
    """The newest value every competing value descends from: the text both sides edited."""
    if field_name == DELETED or len(head_ids) < 2:
        return None
    ops = {op.op_id: op for op in oplog.ops_for_field(ws.db, entity_id, field_name)}
    common = set.intersection(*(_ancestors(ops, head) for head in head_ids))
    if not common:
        return None
    found = max((ops[op_id] for op_id in common), key=lambda op: (op.hlc, op.op_id))
    names = member_names(ws, found.inspection_id)
    return {
        "op_id": found.op_id,
        "value": found.value,
        "at": Stamp.parse(found.hlc).iso(),
        "author": names.get(found.author, found.author[:8]),
    }


def _ancestors(ops: dict[str, Op], head: str) -> set[str]:
    seen: set[str] = set()
    waiting = list(ops[head].parents) if head in ops else []
    while waiting:
        op_id = waiting.pop()
        if op_id in seen or op_id not in ops:
            continue
        seen.add(op_id)
        waiting.extend(ops[op_id].parents)
    return seen


def op_fields(ws: Workspace, op_ids: list[str]) -> dict[str, str]:
    """Which field each op wrote (a deletion conflict sets a tombstone against edits)."""
    return {op.op_id: op.field for op in oplog.ops_by_ids(ws.db, op_ids)}


# --- sync status --------------------------------------------------------------------------
def held_bundles(ws: Workspace, inspection_id: str) -> list[dict]:
    return sync_state.held(ws.db, inspection_id)


def sync_status(ws: Workspace, inspection_id: str) -> dict:
    """The last sync attempt and the last one that went through (or None for each), and
    what that one had to say: whose changes it waits for, clocks, identity, files healed."""
    last_ok = store_incoming.last_sync_with(ws.db, inspection_id, "ok")
    details = (last_ok or {}).get("details") or {}
    return {
        "last": sync_state.last_sync(ws.db, inspection_id),
        "last_ok": last_ok,
        "notes": {key: list(details.get(key) or []) for key in SYNC_NOTES},
        "healed_ops": int(details.get("healed_ops") or 0),
    }


SYNC_NOTES = ("identity", "waiting", "clock", "healed")
