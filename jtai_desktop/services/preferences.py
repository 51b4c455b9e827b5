"""Preferences of this computer's copy of the data (never synced, never undone).

Kept in the data folder's local settings table: a lock timeout chosen on one laptop should
not follow the inspector to a colleague's.
"""

from __future__ import annotations

from ..domain.errors import ValidationError
from ..store import settings
from .workspace import Workspace

AUTO_LOCK_KEY = "auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 10
MAX_AUTO_LOCK_MINUTES = 240
YOUR_NAME_KEY = "your_name"


def auto_lock_minutes(ws: Workspace) -> int:
    """Minutes without input before the window locks itself; 0 means never."""
    stored = settings.get(ws.db, AUTO_LOCK_KEY)
    try:
        minutes = int(stored) if stored is not None else DEFAULT_AUTO_LOCK_MINUTES
    except ValueError:  # a damaged value must not leave the window unlocked for ever
        return DEFAULT_AUTO_LOCK_MINUTES
    return min(max(minutes, 0), MAX_AUTO_LOCK_MINUTES)


def set_auto_lock_minutes(ws: Workspace, minutes: int) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError("The auto-lock time must be a whole number of minutes.")
    if not 0 <= minutes <= MAX_AUTO_LOCK_MINUTES:
        raise ValidationError(
            f"Choose an auto-lock time between 0 (never) and {MAX_AUTO_LOCK_MINUTES} minutes."
        )
    settings.put(ws.db, AUTO_LOCK_KEY, str(minutes))
    return minutes


def your_name(ws: Workspace) -> str:
    """The name last given as lead of a new inspection on this computer (to fill it in)."""
    return settings.get(ws.db, YOUR_NAME_KEY, "") or ""


def set_your_name(ws: Workspace, name: str) -> None:
    settings.put(ws.db, YOUR_NAME_KEY, (name or "").strip())


EXPORT_FOLDER_KEY = "export_folder"


def export_folder(ws: Workspace) -> str:
    """The folder the letter was last exported to on this computer ("" before the first)."""
    return settings.get(ws.db, EXPORT_FOLDER_KEY, "") or ""


def set_export_folder(ws: Workspace, folder: str) -> None:
    settings.put(ws.db, EXPORT_FOLDER_KEY, str(folder))
