"""Files shipped with the app beside the code: the icon and the licences of its components.

Kept apart from the About dialog so that setting the window icon at start-up does not load
the dialog.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

from ..resources import resources_dir

LICENCES_NAME = "THIRD_PARTY_LICENSES.md"
ICON_NAME = "jtai-desktop.png"
SOURCE_PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def _bundle_dir() -> Path | None:
    """The frozen app's data folder (PyInstaller's _MEIPASS), or None from source."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", None) or Path(sys.executable).parent)
    return None


def licences_path() -> Path | None:
    bundle = _bundle_dir()
    candidates = [bundle / LICENCES_NAME] if bundle else []
    candidates += [resources_dir() / LICENCES_NAME, SOURCE_PACKAGING / LICENCES_NAME]
    return next((path for path in candidates if path.is_file()), None)


def icon_path() -> Path | None:
    bundle = _bundle_dir()
    candidates = [bundle / "icons" / ICON_NAME] if bundle else []
    candidates += [SOURCE_PACKAGING / "icons" / ICON_NAME]
    return next((path for path in candidates if path.is_file()), None)


def app_icon() -> QIcon:
    """The app's icon (empty if the file is missing); for QApplication.setWindowIcon."""
    path = icon_path()
    return QIcon(str(path)) if path else QIcon()
