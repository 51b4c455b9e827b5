"""The letter's own settings and its publication.

One ``letter`` record per inspection (its id derived from the inspection's), so two leads'
devices editing it offline edit one record: the format, the date on the letter, who the
principal authority is, the small-count threshold; and, once published, which version was
published, when, when the written statement of action is due and the retention date proposed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.calendar import add_months
from ..domain.errors import NotFoundError, ValidationError
from ..report import inputs as li
from ..report.compose import wsoa_deadline
from ..report.letter_format import load_formats
from .changes import ChangeSet
from .ids import derived_id
from .workspace import Workspace

RETENTION_MONTHS = 12  # proposed: a year after publication, for the lead to confirm
SETTING_FIELDS = (
    "format",
    "letter_date",
    "principal_authority",
    "sender",
    "wsoa_days",
    "small_count_below",
)


@dataclass(frozen=True)
class Publication:
    version_id: str
    version_number: int
    published_on: date
    wsoa_due: date
    retention_proposed: date


def letter_id(inspection_id: str) -> str:
    return derived_id("letter", inspection_id)


def letter_row(ws: Workspace, inspection_id: str) -> dict:
    return dict(ws.get("letter", letter_id(inspection_id)) or {})


def settings_of(ws: Workspace, inspection_id: str) -> li.LetterSettings:
    row = letter_row(ws, inspection_id)
    when = row.get("letter_date")
    return li.LetterSettings(
        format=row.get("format") or None,
        letter_date=date.fromisoformat(when) if when else None,
        principal_authority=row.get("principal_authority") or "",
        sender=row.get("sender") or "",
        wsoa_days=row.get("wsoa_days") or None,
        small_count_below=row.get("small_count_below") or None,
    )


def set_settings(ws: Workspace, inspection_id: str, **values) -> ChangeSet:
    """Change some of the letter's settings (None puts one back to the format's default)."""
    unknown = set(values) - set(SETTING_FIELDS)
    if unknown:
        raise ValidationError(f"The letter has no setting called {sorted(unknown)[0]!r}.")
    formats = load_formats()
    if values.get("format") and values["format"] not in formats.formats:
        raise ValidationError(
            f"There is no letter format {values['format']!r}: choose one of "
            f"{', '.join(formats.formats)}."
        )
    below = values.get("small_count_below")
    if below is not None and not 2 <= below <= 50:
        raise ValidationError(
            "Counts are hidden below a number from 2 to 50 (6 hides counts from 1 to 5)."
        )
    ws.require("inspection", inspection_id)
    return ws.upsert(
        "letter", inspection_id, letter_id(inspection_id), values, label="Change the letter"
    )


def publish(
    ws: Workspace, inspection_id: str, version_id: str | None = None, on: date | None = None
) -> tuple[Publication, ChangeSet]:
    """Mark the letter published: the final version, the statement of action's due date
    (70 working days from publication, or the setting) and a proposed retention date."""
    from .letter_inputs import letter_inputs
    from .versions import latest_version, versions

    chosen = _version(ws, inspection_id, version_id, versions, latest_version)
    on = on or date.today()
    inputs = letter_inputs(ws, inspection_id)
    settings = li.LetterSettings(**{**inputs.settings.__dict__, "letter_date": on})
    due = wsoa_deadline(li.LetterInputs(**{**inputs.__dict__, "settings": settings}))
    retention = add_months(due, RETENTION_MONTHS)
    changes = ws.upsert(
        "letter",
        inspection_id,
        letter_id(inspection_id),
        {
            "published_version": chosen["id"],
            "published_on": on,
            "wsoa_due": due,
            "retention_proposed": retention,
        },
        label="Mark the letter published",
    )
    return Publication(chosen["id"], chosen["number"], on, due, retention), changes


def _version(ws, inspection_id, version_id, versions, latest_version) -> dict:
    if version_id is None:
        found = latest_version(ws, inspection_id, purposes=("area", "qa"))
        if found is None:
            raise ValidationError(
                "No version of the letter has been exported yet: export it for the area "
                "(export-report --for-area) before marking it published."
            )
        return found
    for row in versions(ws, inspection_id):
        if row["id"] == version_id or str(row["number"]) == str(version_id):
            return row
    raise NotFoundError(f"The letter has no version {version_id}: see 'versions'.")
