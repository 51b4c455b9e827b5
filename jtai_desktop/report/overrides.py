"""Override files for the command line: JSON or TOML lists of {kind, match, location, reason}.

    [[override]]
    kind = "child_name"
    match = "Riverside"
    location = "headline/2"
    reason = "The Riverside estate is named in the area's published strategy; no child lives there."

JSON is either a list of such objects or {"override": [...]} (or "overrides").
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from ..domain.errors import ValidationError
from .gate import KINDS, Override

FIELDS = ("kind", "match", "location", "reason")


def load(path: Path | str, by: str = "", at: str = "") -> list[Override]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ValidationError(
            f"Cannot read the override file {path}: {error.strerror or error}."
        ) from error
    entries = _parse(text, path)
    return [_override(entry, n, path, by, at) for n, entry in enumerate(entries, 1)]


def _parse(text: str, path: Path) -> list:
    data: object
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        else:
            data = json.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise ValidationError(
            f"The override file {path.name} is not valid "
            f"{'TOML' if path.suffix.lower() == '.toml' else 'JSON'}: "
            f"{error}."
        ) from error
    if isinstance(data, dict):
        data = data.get("override", data.get("overrides"))
    if not isinstance(data, list):
        raise ValidationError(
            f"The override file {path.name} must hold a list of overrides "
            "(each with kind, match, location and reason)."
        )
    return data


def _override(entry, n: int, path: Path, by: str, at: str) -> Override:
    if not isinstance(entry, dict):
        raise ValidationError(f"{path.name}: override {n} must be a table/object.")
    missing = [f for f in FIELDS if not str(entry.get(f, "")).strip()]
    if missing:
        raise ValidationError(
            f"{path.name}: override {n} has no {', '.join(missing)}. "
            "Every override needs a kind, the match, its location and a "
            "reason."
        )
    if entry["kind"] not in KINDS:
        raise ValidationError(
            f"{path.name}: override {n} has an unknown kind "
            f"{entry['kind']!r} (one of: {', '.join(KINDS)})."
        )
    return Override(
        entry["kind"],
        str(entry["match"]),
        str(entry["location"]),
        str(entry["reason"]).strip(),
        by,
        at,
    )
