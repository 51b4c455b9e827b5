"""Schema migrations. A shipped migration is never edited: add a new one instead.

The schema is written out literally here rather than generated from the record specs, so a
later change to the specs cannot silently change what an old migration did.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .schema import MIGRATION_SET

MIGRATIONS = Migrations(MIGRATION_SET)

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


@MIGRATIONS(name="0001_initial")
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


@MIGRATIONS(name="0002_audit_log")
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


@MIGRATIONS(name="0003_ops_by_inspection_and_id")
def ops_by_inspection_and_id(db: Database) -> None:
    """The op digest in ``dump`` reads op ids in order: an index makes it an ordered scan."""
    db["ops"].create_index(["inspection_id", "op_id"])


@MIGRATIONS(name="0004_sync")
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


@MIGRATIONS(name="0005_report")
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


@MIGRATIONS(name="0006_reviews_by_inspection")
def reviews_by_inspection(db: Database) -> None:
    """Counting an inspection's reviews (the overview, ``list``) scanned the whole table: every
    other table of an inspection's records already has this index. Only creating a review
    writes it; editing one does not."""
    db["reviews"].create_index(["inspection_id"])


@MIGRATIONS(name="0007_field_heads")
def field_heads(db: Database) -> None:
    """Each field's current values (its heads: the ops no other op of that field names as a
    parent), kept as ops are written, so a save reads the heads instead of the record's whole
    history. Filled here from the change log."""
    db.execute(
        "CREATE TABLE field_heads (entity_id TEXT NOT NULL, field TEXT NOT NULL, "
        "op_id TEXT NOT NULL, inspection_id TEXT NOT NULL, "
        "PRIMARY KEY (entity_id, field, op_id)) WITHOUT ROWID"
    )
    db.execute(
        "INSERT INTO field_heads (entity_id, field, op_id, inspection_id) "
        "SELECT o.entity_id, o.field, o.op_id, o.inspection_id FROM ops o "
        "WHERE NOT EXISTS (SELECT 1 FROM ops c, json_each(c.parents) p "
        "WHERE c.entity_id = o.entity_id AND c.field = o.field AND p.value = o.op_id)"
    )


@MIGRATIONS(name="0007_ops_digest_by_op_id")
def ops_digest_by_op_id(db: Database) -> None:
    """The op digest reads op ids in order; the primary key's own index does that as well,
    and one index fewer is one page fewer for every op a save writes."""
    db.execute("DROP INDEX IF EXISTS idx_ops_inspection_id_op_id")


@MIGRATIONS(name="0007_search_pending")
def search_pending(db: Database) -> None:
    """Records whose search entry waits to be written again: a local edit names its record
    here instead of rewriting the full-text index in the same transaction (the index's pages
    were half of what a save wrote), and the next search brings the index up to date first."""
    db.execute(
        "CREATE TABLE search_pending (entity_id TEXT PRIMARY KEY, entity TEXT NOT NULL, "
        "inspection_id TEXT NOT NULL) WITHOUT ROWID"
    )


@MIGRATIONS(name="0008_sync_healing")
def sync_healing(db: Database) -> None:
    """What team sync needs to repair itself, all local to this data folder (never synced).

    ``inspection_keys`` gains this folder's installation id (two computers that joined with
    one invitation write under one device id; this tells them apart), the lead-signed
    certificate of the device, and, when another computer turned out to hold the same
    identity, what is known of it. Folders of 0.1 get an installation id now.
    ``sent_bundles``: each bundle this device wrote to each remote, with its size and hash,
    so a sync sees cheaply which of its own files went missing or were damaged.
    ``clock_marks``: ranges of other devices' changes stamped by a clock that was wrong."""
    for column in ("installation", "certificate", "clash"):
        db["inspection_keys"].add_column(column, str)
    db.execute("UPDATE inspection_keys SET installation = lower(hex(randomblob(16)))")
    db["sent_bundles"].create(
        {
            "inspection_id": str,
            "remote": str,
            "device_id": str,
            "name": str,
            "first_seq": int,
            "last_seq": int,
            "size": int,
            "sha256": str,
        },
        pk=("inspection_id", "remote", "device_id", "name"),
    )
    db["clock_marks"].create(
        {
            "inspection_id": str,
            "device_id": str,
            "first_seq": int,
            "last_seq": int,
            "offset_ms": int,
        },
        pk=("inspection_id", "device_id", "first_seq"),
    )


@MIGRATIONS(name="0009_safe")
def unfinished_work(db: Database) -> None:
    """Work that must finish even if the app is killed half way: files a purge still has to
    delete, a compaction it still owes, a letter's temporary file still to remove. Each row is
    written in the same transaction as the change that calls for it and removed once done;
    the next start finishes whatever is left."""
    db["unfinished_work"].create(
        {
            "id": int,
            "kind": str,
            "target": str,
            "inspection_id": str,
            "process_id": int,
            "created_at": str,
        },
        pk="id",
        not_null={"kind", "target", "created_at"},
    )


@MIGRATIONS(name="0011_method")
def method(db: Database) -> None:
    """The JTAI method as the frameworks have it. Agencies become organisations (a service type
    beside their kind and name); the published version of the theme pack an inspection follows;
    the criteria looked at in a sampled child's case; the area's own audit per organisation
    that audited; and criteria judged once for the area, per organisation. Every column is
    new and empty, so what an earlier release wrote reads as before: its agencies are
    organisations with no service type, its audit evaluations the multi-agency audit."""
    for table, column in (
        ("inspections", "theme_version"),
        ("agencies", "service_type"),
        ("children", "looked_at"),
        ("audit_evaluations", "agency_id"),
    ):
        db[table].add_column(column, str)
    db["area_reviews"].create(
        {
            **META,
            "criterion_id": str,
            "agency_id": str,
            "observation": str,
            "rating": str,
            "strength": int,
            "concern": int,
            "moderated": int,
        },
        pk="id",
    )
    db["area_reviews"].create_index(["inspection_id"])


@MIGRATIONS(name="0012_fieldwork")
def fieldwork(db: Database) -> None:
    """The front door's sampled contacts and the team's timeliness targets, inspectors'
    allocations and specialisms, the on-site timetable, and a time of day (and a reason for
    older history) on timeline events."""
    db["events"].add_column("time", str)
    db["events"].add_column("lookback_reason", str)
    db["members"].add_column("specialism", str)
    db["front_door_samples"].create(
        {
            **META,
            "label": str,
            "child_id": str,
            "source_kind": str,
            "source_agency_id": str,
            "source_role": str,
            "threshold_decision": str,
            "decision_by": str,
            "decision_agreement": str,
            "strategy_agreement": str,
            "section47_agreement": str,
            "child_seen": str,
            "quality": str,
            "notes": str,
            "lookback_reason": str,
            "contact_time": str,
            "decision_time": str,
            "strategy_time": str,
            "section47_time": str,
            "seen_time": str,
            "contact_date": str,
            "decision_date": str,
            "strategy_date": str,
            "section47_date": str,
            "seen_date": str,
            "strategy_agencies": str,
        },
        pk="id",
    )
    db["front_door_settings"].create(
        {
            **META,
            "day_start": str,
            "day_end": str,
            "decision_target": int,
            "strategy_target": int,
            "section47_target": int,
            "seen_target": int,
        },
        pk="id",
    )
    db["allocations"].create(
        {**META, "member_id": str, "target_kind": str, "target_id": str}, pk="id"
    )
    db["timetable_entries"].create(
        {
            **META,
            "kind": str,
            "title": str,
            "start_time": str,
            "end_time": str,
            "room": str,
            "date": str,
            "attendees": str,
            "children": str,
        },
        pk="id",
    )
    for table in ("front_door_samples", "front_door_settings", "allocations", "timetable_entries"):
        db[table].create_index(["inspection_id"])


@MIGRATIONS(name="0014_letter")
def letter(db: Database) -> None:
    """The letter as published: its settings (format, date, principal authority, publication),
    the versions exported for quality assurance and for the area, and the area's
    factual-accuracy comments with the lead's decisions. All are records of the change log."""
    db["letters"].create(
        {
            **META,
            "format": str,
            "letter_date": str,
            "principal_authority": str,
            "sender": str,
            "wsoa_days": int,
            "small_count_below": int,
            "published_version": str,
            "published_on": str,
            "wsoa_due": str,
            "retention_proposed": str,
        },
        pk="id",
    )
    db["letter_versions"].create(
        {
            **META,
            "number": int,
            "purpose": str,
            "file_name": str,
            "sha256": str,
            "size": int,
            "letter_date": str,
            "sections": str,
            "findings": str,
        },
        pk="id",
    )
    db["accuracy_items"].create(
        {
            **META,
            "version_id": str,
            "kind": str,
            "section": str,
            "heading": str,
            "paragraph": int,
            "quoted": str,
            "comment": str,
            "author": str,
            "status": str,
            "response": str,
        },
        pk="id",
    )
    for table in ("letters", "letter_versions", "accuracy_items"):
        db[table].create_index(["inspection_id"])


@MIGRATIONS(name="0015_coding")
def coding(db: Database) -> None:
    """Coded passages (a passage of a record's text by its offsets and quoted words, with its
    criterion, organisations, mark and voice), the sources a finding rests on besides the
    evidence it cites, and the lead's rule for a finding to stand."""
    db["codes"].create(
        {
            **META,
            "source_kind": str,
            "source_id": str,
            "quote": str,
            "criterion_id": str,
            "mark": str,
            "voice": str,
            "passage_start": int,
            "passage_end": int,
            "agencies": str,
        },
        pk="id",
    )
    db["codes"].create_index(["inspection_id", "criterion_id"])
    db["codes"].create_index(["source_id"])
    db["finding_sources"].create(
        {**META, "finding_id": str, "source_kind": str, "source_id": str}, pk="id"
    )
    db["finding_sources"].create_index(["inspection_id"])
    db["evidence_rules"].create({**META, "min_sources": int, "min_kinds": int}, pk="id")
    db["evidence_rules"].create_index(["inspection_id"])


@MIGRATIONS(name="0016_thematic")
def thematic(db: Database) -> None:
    """A thematic workspace: a data folder of its own kind holding the areas' signed extracts
    of one theme. Each extract is kept as it was signed (its payload, the signer's public key
    and fingerprint, the file's hash), with the columns the workspace looks things up by; the
    source (a hash of the inspection's id) is unique, so an inspection is imported once. The
    folder's kind is a local setting (``folder_kind``). ``thematic_keys`` holds the leads' keys
    a person has confirmed (the fingerprint read out by the lead matched). Local to the folder,
    never synced."""
    db["thematic_extracts"].create(
        {
            "id": str,
            "source": str,
            "theme_id": str,
            "theme_version": str,
            "area": str,
            "fieldwork_start": str,
            "public_key": str,
            "fingerprint": str,
            "sha256": str,
            "imported_at": str,
            "payload": str,
        },
        pk="id",
    )
    db["thematic_extracts"].create_index(["source"], unique=True)
    db["thematic_keys"].create(
        {"public_key": str, "fingerprint": str, "confirmed_at": str}, pk="public_key"
    )


@MIGRATIONS(name="0017_save_path")
def save_path(db: Database) -> None:
    """The ops index by inspection, kind of record and field served lookups over a few kinds
    (a child's identifying values, evidence refs and files, the gate's count) but every op
    wrote a page of it. It now holds only the ops of those kinds, so saving a note, a review
    or a finding writes one page fewer. (``oplog.LOOKED_UP`` repeats the condition: SQLite
    uses a partial index only for a query that states its condition.)"""
    db.execute("DROP INDEX IF EXISTS idx_ops_inspection_id_entity_field")
    db.execute(
        "CREATE INDEX idx_ops_looked_up ON ops (inspection_id, entity, field) "
        "WHERE entity IN ('agency', 'child', 'evidence', 'inspection')"
    )


def known_names() -> set[str]:
    return {m.name for m in MIGRATIONS._migrations}
