"""The inspection method: organisations and the area's reviews, the fieldwork plan, the
letter as published, coded passages and the thematic workspace.

Shipped migrations: never edit one, add a new one instead."""

from __future__ import annotations

from sqlite_utils import Database

from .release_0_1 import META


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
