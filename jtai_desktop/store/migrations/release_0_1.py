"""The schema release 0.1.0 shipped: the change log and the records, the audit log, team
sync's devices and local state, the letter's choices, and the indexes its lookups wanted.

Shipped migrations: never edit one, add a new one instead."""

from __future__ import annotations

from sqlite_utils import Database

META = {
    "id": str,
    "inspection_id": str,
    "created_at": str,
    "created_by": str,
    "created_device": str,
    "updated_at": str,
    "updated_by": str,
}

INITIAL_TABLES = {
    "inspections": {
        "kind": str,
        "theme_id": str,
        "theme_pack": str,
        "area": str,
        "title": str,
        "partnership": str,
        "inspectorates": str,
        "notification_date": str,
        "retention_date": str,
        "notice_days": int,
        "lookback_months": int,
        "fieldwork_days": int,
        "notification_is_day_one": int,
    },
    "members": {
        "name": str,
        "inspectorate": str,
        "role": str,
        "device_id": str,
        "evidence_block": int,
    },
    "agencies": {"kind": str, "name": str, "in_scope": int},
    "children": {
        "pseudonym": str,
        "case_ref": str,
        "age_band": str,
        "selection": str,
        "summary": str,
        "agencies": str,
        "private_name": str,
        "private_address": str,
        "private_school": str,
        "private_dob": str,
    },
    "events": {"child_id": str, "kind": str, "summary": str, "agency_id": str, "date": str},
    "reviews": {
        "child_id": str,
        "criterion_id": str,
        "agency_id": str,
        "observation": str,
        "rating": str,
        "strength": int,
        "concern": int,
        "moderated": int,
    },
    "audit_evaluations": {
        "child_id": str,
        "area_summary": str,
        "agreement": str,
        "evaluation": str,
    },
    "notes": {
        "kind": str,
        "title": str,
        "text": str,
        "date": str,
        "attendees": str,
        "children": str,
        "criteria": str,
        "children_or_families_present": int,
        "consent_recorded": int,
    },
    "evidence": {
        "ref": str,
        "title": str,
        "source": str,
        "sha256": str,
        "file_name": str,
        "media_type": str,
        "description": str,
        "size": int,
        "date": str,
    },
    "findings": {"kind": str, "title": str, "text": str, "agencies": str, "moderated": int},
    "links": {"evidence_id": str, "target_kind": str, "target_id": str},
}

# Lookups the services make often enough to deserve an index.
INITIAL_INDEXES = {
    "members": ["inspection_id"],
    "agencies": ["inspection_id"],
    "children": ["inspection_id"],
    "events": ["child_id"],
    "reviews": ["child_id"],
    "audit_evaluations": ["child_id"],
    "notes": ["inspection_id"],
    "evidence": ["inspection_id"],
    "findings": ["inspection_id"],
    "links": ["evidence_id"],
}


def initial(db: Database) -> None:
    db["ops"].create(
        {
            "op_id": str,
            "inspection_id": str,
            "entity": str,
            "entity_id": str,
            "field": str,
            "value": str,
            "hlc": str,
            "device_id": str,
            "author": str,
            "parents": str,
            "seq": int,
        },
        pk="op_id",
        not_null={
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
        },
    )
    db["ops"].create_index(["entity_id", "field"])
    db["ops"].create_index(["inspection_id", "entity", "field"])
    db["ops"].create_index(["inspection_id", "device_id", "seq"], unique=True)
    db["conflicts"].create(
        {"entity_id": str, "field": str, "entity": str, "inspection_id": str, "op_ids": str},
        pk=("entity_id", "field"),
    )
    db["identity"].create({"inspection_id": str, "member_id": str}, pk="inspection_id")
    db["settings"].create({"key": str, "value": str}, pk="key")
    for table, columns in INITIAL_TABLES.items():
        db[table].create({**META, **columns}, pk="id")
        db[table].create_index(INITIAL_INDEXES.get(table, ["inspection_id"]))
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, entity UNINDEXED, entity_id UNINDEXED, inspection_id UNINDEXED, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )


def audit_log(db: Database) -> None:
    """Local record of what left the app (exports) and what was destroyed (purges)."""
    db["audit_log"].create(
        {
            "id": int,
            "at": str,
            "action": str,
            "inspection_id": str,
            "actor": str,
            "device_id": str,
            "details": str,
        },
        pk="id",
    )
    db["audit_log"].create_index(["inspection_id"])


def ops_by_inspection_and_id(db: Database) -> None:
    """The op digest in ``dump`` reads op ids in order: an index makes it an ordered scan."""
    db["ops"].create_index(["inspection_id", "op_id"])


def team_sync(db: Database) -> None:
    """The team's devices (a projected record kind) and this device's local sync state."""
    db["devices"].create(
        {
            **META,
            "public_key": str,
            "status": str,
            "member_id": str,
            "label": str,
            "is_lead": int,
            "evidence_block": int,
        },
        pk="id",
    )
    db["devices"].create_index(["inspection_id"])
    # Local only, never synced: the keys of the inspections this data folder belongs to, and
    # the device identity it uses in each (a joined inspection's was issued by the lead).
    db["inspection_keys"].create(
        {
            "inspection_id": str,
            "data_key": str,
            "device_id": str,
            "signing_key": str,
            "lead_device_id": str,
            "lead_public_key": str,
        },
        pk="inspection_id",
    )
    # How far each device's ops have been received from, and pushed to, each remote.
    db["sync_state"].create(
        {
            "inspection_id": str,
            "remote": str,
            "device_id": str,
            "received_upto": int,
            "pushed_upto": int,
        },
        pk=("inspection_id", "remote", "device_id"),
    )
    db["sync_log"].create(
        {"id": int, "inspection_id": str, "remote": str, "at": str, "outcome": str, "details": str},
        pk="id",
    )
    # Bundles verified but not applied: too many deletions, or stamps too far ahead.
    db["held_bundles"].create(
        {
            "id": int,
            "inspection_id": str,
            "device_id": str,
            "first_seq": int,
            "last_seq": int,
            "reason": str,
            "bundle": bytes,
            "received_at": str,
        },
        pk="id",
    )


def report(db: Database) -> None:
    """The lead's choices for the letter and overrides of the identifying-details gate."""
    db["report_entries"].create(
        {
            **META,
            "entry": str,
            "section": str,
            "heading": str,
            "text": str,
            "hit_kind": str,
            "hit_location": str,
            "reason": str,
            "hit_match": str,
            "items": str,
        },
        pk="id",
    )
    db["report_entries"].create_index(["inspection_id"])


def reviews_by_inspection(db: Database) -> None:
    """Counting an inspection's reviews (the overview, ``list``) scanned the whole table: every
    other table of an inspection's records already has this index. Only creating a review
    writes it; editing one does not."""
    db["reviews"].create_index(["inspection_id"])
