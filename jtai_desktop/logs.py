"""The app's log file: refusals and defects, never the content of records (see ui/errors).

Kept free of Qt so that the desktop can set it up before Qt for Python loads (see
``cli._load_core_before_qt``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from . import paths

log = logging.getLogger("jtai_desktop")

LOG_NAME = "jtai-desktop.log"
MAX_BYTES = 2_000_000
KEEP = 3  # older files: jtai-desktop.log.1 (newest) to .3


class AppLogHandler(logging.FileHandler):
    """The log file, turned over at start when it has grown past ``MAX_BYTES``.

    Turned over when opened rather than while writing (as logging.handlers' rotating
    handler does): a session writes a few lines of refusals and defects, and that module
    with the socket and pickle modules it loads is a fiftieth of every cold start."""


def rotate(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """jtai-desktop.log -> .1 -> .2 … (the oldest dropped) when the file is over ``max_bytes``."""
    if not path.exists() or path.stat().st_size <= max_bytes:
        return
    older = [path.with_name(f"{path.name}.{n}") for n in range(1, keep + 1)]
    older[-1].unlink(missing_ok=True)
    for newer, next_older in zip(reversed(older[:-1]), reversed(older[1:])):
        if newer.exists():
            newer.replace(next_older)
    path.replace(older[0])


def configure_logging() -> None:
    """Log to a file in the per-user log folder (once per process)."""
    if any(isinstance(handler, AppLogHandler) for handler in log.handlers):
        return
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        rotate(folder / LOG_NAME, MAX_BYTES, KEEP)
        handler = AppLogHandler(folder / LOG_NAME, encoding="utf-8")
    except OSError:
        return  # a read-only home folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
