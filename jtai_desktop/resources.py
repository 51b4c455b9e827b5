"""Where the app's shipped data files (theme packs, templates) live on this machine."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources` folder: an override, the frozen bundle, or the source checkout."""
    # An override lets tests, installers and support staff point at another copy.
    override = os.environ.get("JTAI_RESOURCES")
    if override:
        return Path(override)
    if getattr(sys, "frozen", False):
        # PyInstaller unpacks data under sys._MEIPASS; other freezers put it next to the exe.
        bundle = getattr(sys, "_MEIPASS", None) or Path(sys.executable).parent
        return Path(bundle) / "resources"
    return SOURCE_RESOURCES


# Running from source: this file is <repo>/jtai_desktop/resources.py (resolved once: the
# navigator's icons alone ask for the folder a dozen times at every start).
SOURCE_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
