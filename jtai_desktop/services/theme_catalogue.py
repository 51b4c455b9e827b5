"""The theme packs a data folder can start an inspection from, as lists and JSON show them."""

from __future__ import annotations

from pathlib import Path

from ..domain.theme_model import AGENCY_KINDS, INSPECTORATES, JUDGED, KINDS, ThemePack
from ..domain.themes import Catalogue, load_catalogue, user_themes_dir


def catalogue_for(data_folder: str | Path | None) -> Catalogue:
    """The shipped packs and the team's own in the data folder's ``themes`` folder."""
    return load_catalogue(user_themes_dir(data_folder) if data_folder is not None else None)


def describe(pack: ThemePack) -> dict:
    """A pack as ``themes --json`` gives it (field names are stable)."""
    return {
        "id": pack.id,
        "title": pack.title,
        "version": pack.version,
        "kind": pack.kind,
        "guidance": pack.guidance,
        "sources": list(pack.sources),
        "notice_days": pack.notice_days,
        "inspectorates": list(pack.inspectorates),
        "agencies": list(pack.agencies),
        "strands": [
            {
                "id": strand.id,
                "title": strand.title,
                "judged": strand.judged,
                "criteria": [c.id for c in pack.criteria if c.strand == strand.id],
            }
            for strand in pack.strands
        ],
        "source": pack.source,
    }


def describe_lines(pack: ThemePack) -> list[str]:
    """A pack as ``themes`` prints it: a heading line, its scope and a line per strand."""
    inspectorates = ", ".join(INSPECTORATES.get(i, i) for i in pack.inspectorates)
    agencies = ", ".join(AGENCY_KINDS.get(a, a).lower() for a in pack.agencies)
    lines = [
        f"{pack.id}  {pack.version or '(no version)'}  {pack.title}",
        f"  {KINDS.get(pack.kind, pack.kind)}; {inspectorates}; {len(pack.criteria)} criteria",
        f"  agencies: {agencies}",
    ]
    for strand in pack.strands:
        ids = " ".join(c.id for c in pack.criteria if c.strand == strand.id)
        judged = JUDGED.get(strand.judged, strand.judged).lower()
        lines.append(f"  {strand.title} ({judged}): {ids}")
    return lines
