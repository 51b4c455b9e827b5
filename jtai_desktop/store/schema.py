"""What the schema of an up-to-date database is, known without loading the migrations (and
sqlite-utils with them): opening a file that has every migration reads one table and goes
on. A test keeps these in step with ``migrations.MIGRATIONS``."""

MIGRATION_SET = "jtai"
MIGRATION_NAMES = (
    "0001_initial",
    "0002_audit_log",
    "0003_ops_by_inspection_and_id",
    "0004_sync",
    "0005_report",
    "0006_reviews_by_inspection",
    "0007_field_heads",
    "0007_ops_digest_by_op_id",
    "0007_search_pending",
    "0008_sync_healing",
    "0009_safe",
    "0011_method",
    "0012_fieldwork",
    "0014_letter",
    "0015_coding",
    "0016_thematic",
    "0017_save_path",
)


def known_names() -> set[str]:
    """The schema changes this version knows (a file or bundle with others is newer)."""
    return set(MIGRATION_NAMES)
