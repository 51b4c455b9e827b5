"""Opening evidence in another program through a temporary decrypted copy.

Copies go in the data folder's private ``open-copies`` folder (never the system temp folder),
named by the evidence reference rather than the original file name, which may name a child.
They are removed when the app locks or exits, and at the next start after a crash.
"""

from __future__ import annotations

import mimetypes
import os
import secrets
import shutil
from pathlib import Path

from .. import paths
from ..domain.errors import ValidationError
from ..domain.record_types import EvidenceRow
from .workspace import Workspace


def open_copy(ws: Workspace, data_dir: Path, evidence_id: str) -> Path:
    item = ws.require("evidence", evidence_id)
    if not item["sha256"]:
        raise ValidationError(f"Evidence {item['ref']} has no file attached.")
    folder = paths.make_private(paths.open_copies_path(data_dir) / secrets.token_hex(8))
    target = folder / f"{item['ref']}{_extension(item)}"
    with open(target, "wb") as out:
        for chunk in ws.blobs.chunks(item["sha256"]):
            out.write(chunk)
    if os.name == "posix":
        os.chmod(target, 0o400)  # read-only: edits belong in a new evidence item
    return target


def _extension(item: EvidenceRow) -> str:
    suffix = Path(item.get("file_name") or "").suffix.lower()
    if suffix and len(suffix) <= 6 and suffix[1:].isalnum():
        return suffix
    return mimetypes.guess_extension(item.get("media_type") or "") or ".bin"


def remove_all(data_dir: Path) -> None:
    shutil.rmtree(paths.open_copies_path(data_dir), ignore_errors=True)
