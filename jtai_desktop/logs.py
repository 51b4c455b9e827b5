"""The app's log file: refusals and defects, never the content of records (see ui/errors).

Kept free of Qt so that the desktop can set it up before Qt for Python loads (see
``cli._load_core_before_qt``).
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from . import paths

log = logging.getLogger("jtai_desktop")


def configure_logging() -> None:
    """Log to a rotating file in the per-user log folder (once per process)."""
    if any(isinstance(handler, RotatingFileHandler) for handler in log.handlers):
        return
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / "jtai-desktop.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return  # a read-only home folder must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
