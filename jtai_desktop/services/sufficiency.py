"""Sufficiency during fieldwork: where the evidence is thin, for the lead's evening meeting.

Drawn from the evidence matrix: the cells (a criterion and an organisation it applies to)
with no source or only one, the criteria no child or family has been heard on, and the
organisations in scope that no coded passage of a meeting, interview, focus group or
observation has named yet. Internal to the team: it never goes into the letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.coding import CHILD_OR_FAMILY
from ..domain.themes import AREA, PER_CHILD
from .evidence_matrix import Matrix, MatrixFilter, evidence_matrix
from .inspections import theme_pack
from .workspace import Workspace

THIN = 1  # a cell with this many sources or fewer is thin


@dataclass(frozen=True)
class ThinCell:
    criterion_id: str
    criterion_title: str
    organisation_id: str
    organisation: str
    sources: int


@dataclass(frozen=True)
class Sufficiency:
    thin_cells: tuple[ThinCell, ...]
    criteria_without_child_or_family: tuple[dict, ...]  # {"id", "title"}
    organisations_not_heard: tuple[dict, ...]  # {"id", "name", "kind"}
    cells_considered: int

    def by_criterion(self) -> list[tuple[str, list[str], list[str]]]:
        """(criterion id, organisations with no source, organisations with one), per criterion
        with a thin cell: the compact form the one-page table takes."""
        rows: dict[str, tuple[list[str], list[str]]] = {}
        for cell in self.thin_cells:
            none, one = rows.setdefault(cell.criterion_id, ([], []))
            (none if cell.sources == 0 else one).append(cell.organisation)
        return [(criterion, none, one) for criterion, (none, one) in rows.items()]

    def as_json(self) -> dict:
        return {
            "thin_cells": [c.__dict__ for c in self.thin_cells],
            "criteria_without_child_or_family": list(self.criteria_without_child_or_family),
            "organisations_not_heard": list(self.organisations_not_heard),
            "cells_considered": self.cells_considered,
        }


def sufficiency(ws: Workspace, inspection_id: str, matrix: Matrix | None = None) -> Sufficiency:
    matrix = matrix or evidence_matrix(ws, inspection_id, MatrixFilter())
    pack = theme_pack(ws, inspection_id)
    in_scope = [o for o in matrix.organisations if o["in_scope"] not in (0, False)]
    thin, considered = [], 0
    order = {c.id: n for n, c in enumerate(pack.criteria)}
    for organisation in in_scope:
        if organisation["kind"] not in pack.agencies:
            continue
        for criterion in sorted(_applicable(pack, organisation), key=lambda c: order[c.id]):
            considered += 1
            n = matrix.by_organisation.total(criterion.id, organisation["id"])
            if n <= THIN:
                thin.append(
                    ThinCell(
                        criterion.id, criterion.title, organisation["id"], organisation["name"], n
                    )
                )
    thin.sort(key=lambda c: order[c.criterion_id])  # stable: organisations in display order
    unheard_criteria = tuple(
        {"id": c["id"], "title": c["title"]}
        for c in matrix.criteria
        if not matrix.criterion_voices(c["id"]) & CHILD_OR_FAMILY
    )
    heard = {
        column
        for (_, column), cells in matrix.by_organisation.cells.items()
        if any(cell.source_kind == "note" for cell in cells)
    }
    not_heard = tuple(
        {"id": o["id"], "name": o["name"], "kind": o["kind"]}
        for o in in_scope
        if o["id"] not in heard
    )
    return Sufficiency(tuple(thin), unheard_criteria, not_heard, considered)


def _applicable(pack, organisation: dict):
    """The criteria, judged per child or once for the area, that apply to an organisation."""
    seen = []
    for judged in (PER_CHILD, AREA):
        for criterion in pack.criteria_for(
            organisation["kind"], organisation.get("service_type"), judged
        ):
            if criterion not in seen:
                seen.append(criterion)
    return seen
