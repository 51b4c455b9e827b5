"""Schema migrations. A shipped migration is never edited: add a new one instead.

The schema is written out literally in this package rather than generated from the record
specs, so a later change to the specs cannot silently change what an old migration did. Each
module holds one group of migrations; ``BODIES`` names the function of each migration, and
they are registered in the order of ``schema.MIGRATION_NAMES`` (the order they are applied).
To add one: its name at the end of ``MIGRATION_NAMES``, its function in a module here, and a
line in ``BODIES``.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from ..schema import MIGRATION_NAMES, MIGRATION_SET
from . import method, release_0_1, repair, save_path
from .release_0_1 import META

__all__ = ["BODIES", "META", "MIGRATIONS", "known_names"]

BODIES = {
    "0001_initial": release_0_1.initial,
    "0002_audit_log": release_0_1.audit_log,
    "0003_ops_by_inspection_and_id": release_0_1.ops_by_inspection_and_id,
    "0004_sync": release_0_1.team_sync,
    "0005_report": release_0_1.report,
    "0006_reviews_by_inspection": release_0_1.reviews_by_inspection,
    "0007_field_heads": save_path.field_heads,
    "0007_ops_digest_by_op_id": save_path.ops_digest_by_op_id,
    "0007_search_pending": save_path.search_pending,
    "0008_sync_healing": repair.sync_healing,
    "0009_safe": repair.unfinished_work,
    "0011_method": method.method,
    "0012_fieldwork": method.fieldwork,
    "0014_letter": method.letter,
    "0015_coding": method.coding,
    "0016_thematic": method.thematic,
    "0017_save_path": save_path.save_path,
}

MIGRATIONS = Migrations(MIGRATION_SET)
for _name in MIGRATION_NAMES:
    MIGRATIONS(name=_name)(BODIES[_name])


def known_names() -> set[str]:
    return {m.name for m in MIGRATIONS._migrations}
