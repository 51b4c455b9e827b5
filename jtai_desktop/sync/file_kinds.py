"""The app's own files that people handle: invitations and sync bundles, known by their names."""

from __future__ import annotations

from pathlib import Path

INVITE_SUFFIX = ".jtai-invite"
BUNDLE_SUFFIX = ".bundle"


def file_kind(path: Path) -> str | None:
    """The kind of one of the app's files ("invite" or "bundle") from its name, else None."""
    name = path.name.lower()
    if name.endswith(INVITE_SUFFIX):
        return "invite"
    if name.endswith(BUNDLE_SUFFIX):
        return "bundle"
    return None
