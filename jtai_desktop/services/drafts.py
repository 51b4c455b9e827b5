"""The edits an autosaving editor may write over (see ``op_writer``): apart from the write
path, so a session can keep them from its start without loading that path before its first
edit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..sync.ops import Op


class Drafts:
    """Op ids this workspace wrote as plain edits in this session: the ops an autosave may
    write over while they have not left the device. (A new session starts with none, so a
    folder restored from a backup never writes over an op it may have sent since.)"""

    def __init__(self) -> None:
        self._ids: set[str] = set()

    def add(self, ops: Iterable[Op]) -> None:
        for op in ops:
            self._ids.difference_update(op.parents)  # written over: never a head again
            self._ids.add(op.op_id)

    def __contains__(self, op_id: str) -> bool:
        return op_id in self._ids

    def clear(self) -> None:
        self._ids.clear()
