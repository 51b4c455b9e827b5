"""The thematic workspace: a data folder of its own (encrypted like every folder) holding the
extracts of one theme's inspections, from which the national picture is drawn.

It is a kind of folder rather than a kind of inspection: it holds no children, notes or
evidence, has no team to sync with and nothing in it is ever purged with an inspection; the
people who write a national report are not the inspection teams. So it opens on its own screen
(the thematic overview) and the inspection commands see no inspection in it.

Importing checks every file first and writes nothing unless all of them can go in: a file that
is not an extract, is unsigned or was changed after signing, is of another theme (or another
version of the framework), or repeats an inspection already there, is refused with what to do,
and the folder is left as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain import thematic as th
from ..domain.errors import JtaiError
from ..store import audit
from ..store import thematic as store
from ..store.database import write_transaction
from ..sync.extract_file import ExtractFileError, SignedExtract, read
from .workspace import Workspace


class ThematicRefused(JtaiError):
    """Files a thematic workspace will not take, or a folder that is not one."""


@dataclass(frozen=True)
class Incoming:
    name: str
    extract: SignedExtract

    @property
    def payload(self) -> dict[str, Any]:
        return self.extract.payload

    @property
    def theme(self) -> tuple[str, str]:
        theme = self.payload["theme"]
        return theme["id"], theme["version"]

    @property
    def area(self) -> str:
        return self.payload["area"]["name"]


def read_files(paths: Iterable[Path | str]) -> list[Incoming]:
    """Every file read and checked on its own (format, signature, content) and against the
    others given with it; refused together, with a line per problem."""
    found, problems = [], []
    for path in map(Path, paths):
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(f"{path.name}: cannot be read ({error.strerror}).")
            continue
        try:
            extract = read(data, path.name)
            check_payload(extract.payload, path.name)
        except ExtractFileError as error:
            problems.append(error.message)
            continue
        found.append(Incoming(path.name, extract))
    problems += _clashes(found, [])
    if problems:
        raise ThematicRefused(_refusal(problems))
    return found


def require_workspace(ws: Workspace, folder: Path, creating: bool = False) -> None:
    """A folder holding inspections is never made a thematic workspace."""
    if store.is_thematic(ws.db):
        return
    if creating and store.inspection_count(ws.db) == 0:
        return
    if store.inspection_count(ws.db):
        raise ThematicRefused(
            f"{folder} holds inspections: a thematic workspace is a data folder of its own. "
            "Choose a new, empty folder for it."
        )
    raise ThematicRefused(
        f"{folder} is not a thematic workspace yet: import extracts into it first "
        "('jtai-desktop thematic import DIR FILE...')."
    )


def import_extracts(ws: Workspace, incoming: list[Incoming]) -> list[dict[str, Any]]:
    """Add the checked files in one transaction, or none of them."""
    problems = _clashes(incoming, store.extracts(ws.db))
    if problems:
        raise ThematicRefused(_refusal(problems))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with write_transaction(ws.db):
        store.mark_thematic(ws.db)
        for item in incoming:
            payload = item.payload
            store.add_extract(
                ws.db,
                {
                    "id": payload["extract_id"],
                    "source": payload["source"],
                    "theme_id": item.theme[0],
                    "theme_version": item.theme[1],
                    "area": item.area,
                    "fieldwork_start": payload["dates"].get("fieldwork_start") or "",
                    "public_key": item.extract.public_key,
                    "fingerprint": item.extract.fingerprint,
                    "sha256": item.extract.sha256,
                    "imported_at": now,
                    "payload": payload,
                },
            )
        audit.record(
            ws.db,
            "thematic import",
            None,
            "",
            ws.device_id,
            {"files": len(incoming), "sha256": [i.extract.sha256 for i in incoming]},
        )
    trusted = store.confirmed_keys(ws.db)
    return [
        {
            "area": i.area,
            "fingerprint": i.extract.fingerprint,
            "confirmed": i.extract.public_key in trusted,
        }
        for i in incoming
    ]


def summary(ws: Workspace) -> th.Summary:
    trusted = store.confirmed_keys(ws.db)
    return th.summarise(
        [
            {
                "payload": r["payload"],
                "fingerprint": r["fingerprint"],
                "extract_id": r["id"],
                "confirmed": r["public_key"] in trusted,
            }
            for r in store.extracts(ws.db)
        ]
    )


def confirm_key(ws: Workspace, fingerprint: str) -> list[str]:
    """A person confirmed a lead's key (the lead read out its fingerprint and it matched):
    trusted from now on. Returns the areas whose extracts it signed. The fingerprint is taken
    in any case, with or without spaces."""
    wanted = "".join(fingerprint.split()).upper()
    rows = [
        r
        for r in store.extracts(ws.db, with_payload=False)
        if r["fingerprint"].replace(" ", "") == wanted
    ]
    if not rows:
        known = ", ".join(sorted({r["fingerprint"] for r in store.extracts(ws.db, False)}))
        raise ThematicRefused(
            f"No extract here was signed with the key {fingerprint.strip()!r}; nothing was "
            f"confirmed. The keys here: {known or 'none'}."
        )
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with write_transaction(ws.db):
        store.confirm_key(ws.db, rows[0]["public_key"], rows[0]["fingerprint"], now)
        audit.record(
            ws.db,
            "thematic key confirmed",
            None,
            "",
            ws.device_id,
            {"fingerprint": rows[0]["fingerprint"]},
        )
    return [r["area"] for r in rows]


def _clashes(incoming: list[Incoming], stored: list[dict[str, Any]]) -> list[str]:
    problems = []
    theme = (stored[0]["theme_id"], stored[0]["theme_version"]) if stored else None
    seen = {r["source"]: r["area"] for r in stored}
    stored_sources = set(seen)
    for item in incoming:
        theme = theme or item.theme
        if item.theme != theme:
            problems.append(
                f"{item.name}: an extract of {_theme_words(item.theme)}, but this workspace "
                f"is for {_theme_words(theme)}. Import it into a workspace of its own theme."
            )
            continue
        source = item.payload["source"]
        if source in seen:
            earlier = "an earlier import" if source in stored_sources else "this import"
            problems.append(
                f"{item.name}: the inspection of {item.area} is already here (from {earlier}); "
                "each inspection is imported once."
            )
            continue
        seen[source] = item.area
    return problems


def _theme_words(theme: tuple[str, str]) -> str:
    return f"the theme {theme[0]!r}" + (f" (framework version {theme[1]})" if theme[1] else "")


def _refusal(problems: list[str]) -> str:
    return "Nothing was imported:\n  " + "\n  ".join(problems)


# --- the payload's shape ------------------------------------------------------------------
_TEXT, _OPT_TEXT, _LIST, _DICT = str, (str, type(None)), list, dict


def check_payload(payload: dict[str, Any], name: str) -> None:
    """A signed payload is the lead's, but this release reads only what it understands: a
    missing or mistyped part is refused rather than shown wrong."""

    def need(ok: bool, what: str) -> None:
        if not ok:
            raise ExtractFileError(
                f"{name} is signed but its {what} cannot be read by this release: ask the lead "
                "to export it again with an up-to-date jtai-desktop."
            )

    need(_is(payload, "extract_id", _TEXT) and _is(payload, "source", _TEXT), "identity")
    theme = payload.get("theme")
    need(
        isinstance(theme, dict)
        and _is(theme, "id", _TEXT)
        and _is(theme, "version", _TEXT)
        and _is(theme, "title", _TEXT),
        "theme",
    )
    area = payload.get("area")
    need(
        isinstance(area, dict) and _is(area, "name", _TEXT) and _is(area, "region", _OPT_TEXT),
        "area",
    )
    need(isinstance(payload.get("dates"), dict), "dates")
    need(_records(payload.get("criteria"), ("id", "title")), "criteria")
    need(_records(payload.get("findings"), ("kind", "title", "text")), "findings")
    matrix = payload.get("matrix")
    need(isinstance(matrix, dict) and _cells(matrix.get("cells")), "evidence matrix")
    timeliness = payload.get("timeliness")
    need(
        timeliness is None
        or (isinstance(timeliness, dict) and _records(timeliness.get("steps"), ("label",))),
        "timeliness",
    )
    letter = payload.get("letter")
    need(
        isinstance(letter, dict) and _records(letter.get("sections"), ("key", "heading")), "letter"
    )
    need(_records(payload.get("case_studies"), ("heading", "text")), "case studies")


def _is(record: dict, key: str, kind) -> bool:
    return isinstance(record.get(key), kind)


def _records(value, keys: tuple[str, ...]) -> bool:
    return isinstance(value, list) and all(
        isinstance(r, dict) and all(isinstance(r.get(k), str) for k in keys) for r in value
    )


def _cells(value) -> bool:
    return _records(value, ("criterion", "agency_kind")) and all(
        all(
            c.get(m) is None
            or (isinstance(c.get(m), int) and not isinstance(c.get(m), bool) and c.get(m) >= 0)
            for m in th.MEASURES
        )
        for c in value
    )
