"""Putting an exported letter in place so that no plaintext copy outlives a kill and no letter
exists without its audit entry.

The letter is written to a temporary file beside the target and renamed (report/output). That
temporary file is the whole letter in plaintext, outside the encrypted data folder, so it is
first recorded as owed work: a kill before the rename leaves it for the next start or export
to remove (services/unfinished). The audit entry is written once the bytes are on disk and
before the rename, so a kill after the rename cannot leave a letter the log does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..domain.errors import JtaiError
from ..report import output
from ..store import audit, unfinished
from ..store.database import write_transaction
from .unfinished import finish_unfinished
from .workspace import Workspace


def write_letter(
    ws: Workspace,
    inspection_id: str | None,
    target: Path,
    data: bytes,
    is_cancelled: Callable[[], bool],
    record: Callable[[], None],
) -> None:
    """Write ``data`` to ``target``; ``record()`` writes the audit entry."""
    finish_unfinished(ws, kinds=(unfinished.PARTIAL_LETTER,))  # what an earlier kill left
    target = Path(target).absolute()
    with write_transaction(ws.db):
        owed = unfinished.owe(ws.db, unfinished.PARTIAL_LETTER, str(target), inspection_id)
    recorded = []

    def record_before_rename() -> None:
        with write_transaction(ws.db):
            record()
        recorded.append(True)

    try:
        output.write_document(target, data, is_cancelled, before_rename=record_before_rename)
    except JtaiError:
        if recorded:  # the entry said "exported"; the rename then failed
            _record_failure(ws, inspection_id, target)
        raise
    finally:
        with write_transaction(ws.db):
            unfinished.done(ws.db, owed)


def _record_failure(ws: Workspace, inspection_id: str | None, target: Path) -> None:
    with write_transaction(ws.db):
        audit.record(
            ws.db,
            "export failed",
            inspection_id,
            "",
            ws.device_id,
            {"file": target.name, "reason": "the letter could not replace the target file"},
        )
