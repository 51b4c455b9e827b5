"""Unlock dialog (placeholder until built): asks for the data folder's passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit


def ask_to_unlock(folder: Path, creating: bool, open_with):
    """Ask until ``open_with(passphrase)`` succeeds or the user cancels (returns None)."""
    text, ok = QInputDialog.getText(None, "Unlock", "Passphrase:", QLineEdit.EchoMode.Password)
    return open_with(text) if ok else None
