"""Repairing an inspection whose settings a colleague's device made unusable.

Since 0.2 a synced change must pass the same rules as a local edit, and only the lead may
change the inspection's settings. A folder that took such a change from an earlier version
(a theme pack that is not valid TOML, say) may hold one already. The lead repairs it: each
setting whose current value breaks its rules gets back its newest earlier value that keeps
them (for the theme pack, failing that, the shipped pack of the same theme), written as a new
change that names every current value as seen, so it reaches and settles every replica.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import JtaiError, ValidationError
from ..domain.records import normalise
from ..domain.themes import default_themes_dir, load_packs
from ..store import heads, oplog
from ..sync.clock import Stamp
from ..sync.merge import op_order
from .workspace import Workspace


@dataclass(frozen=True)
class BrokenSetting:
    field: str
    problem: str  # the rule it breaks, in words


def broken_settings(ws: Workspace, inspection_id: str) -> list[BrokenSetting]:
    """The inspection's settings whose current value (any of them, in a conflict) breaks
    the rules a local edit must keep."""
    found = []
    current = heads.of_entity(ws.db, inspection_id)  # read at every opening: not the history
    by_id = {op.op_id: op for op in oplog.ops_by_ids(ws.db, set().union(*current.values()))}
    for field, op_ids in sorted(current.items()):
        for head in sorted((by_id[op_id] for op_id in op_ids), key=op_order):
            problem = _problem(field, head.value)
            if problem:
                found.append(BrokenSetting(field, problem))
                break
    return found


def _problem(field: str, value) -> str | None:
    if field.startswith("_"):
        return None
    try:
        if normalise("inspection", {field: value}) != {field: value}:
            return f"the {field.replace('_', ' ')} is not stored as this version stores it"
    except ValidationError as error:
        return error.message
    return None


def repair_settings(ws: Workspace, inspection_id: str) -> list[str]:
    """Put back a usable value of each broken setting; returns what was done, in words.
    Only the lead may: the settings are the lead's."""
    from .team import is_lead

    broken = broken_settings(ws, inspection_id)
    if broken and not is_lead(ws, inspection_id):
        raise JtaiError(
            "The inspection's settings can only be repaired by the lead inspector; once "
            "the lead has repaired them, the repair reaches you with the next sync."
        )
    done = []
    for setting in broken:
        value, source = _usable_value(ws, inspection_id, setting.field)
        if source is None:
            done.append(f"The {_words(setting.field)} could not be repaired: no usable value.")
            continue
        ws.resolve(inspection_id, setting.field, value, label="Repair the inspection's settings")
        done.append(f"The {_words(setting.field)} was put back to {source}.")
    return done


def _usable_value(ws: Workspace, inspection_id: str, field: str):
    ops = sorted(oplog.ops_for_field(ws.db, inspection_id, field), key=op_order, reverse=True)
    for op in ops:
        if _problem(field, op.value) is None:
            when = Stamp.parse(op.hlc).iso()[:10]
            return op.value, f"the value it had on {when} (the newest one that works)"
    if field == "theme_pack":
        theme = ws.require("inspection", inspection_id)["theme_id"]
        shipped = load_packs(default_themes_dir()).get(theme)
        if shipped is not None:
            return shipped.to_toml(), "the theme pack shipped with this version"
    return None, None


def _words(field: str) -> str:
    return field.replace("_", " ")
