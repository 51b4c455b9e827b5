"""Getting passphrases for the command line: from a file, or typed at a prompt. Never argv."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from .domain.errors import JtaiError

PASSPHRASE_FILE_ENV = "JTAI_PASSPHRASE_FILE"


def read_secret_file(path: str) -> str:
    """The first line of a file (a trailing newline is not part of the passphrase)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise JtaiError(f"Cannot read the passphrase file {path}: {error.strerror}.") from None
    secret = text.splitlines()[0] if text else ""
    if not secret:
        raise JtaiError(f"The passphrase file {path} is empty.")
    return secret


def passphrase_from(args, *, creating: bool, allow_prompt: bool = True) -> str | None:
    """--passphrase-file, then $JTAI_PASSPHRASE_FILE, then a prompt when a person is there."""
    path = getattr(args, "passphrase_file", None) or os.environ.get(PASSPHRASE_FILE_ENV)
    if path:
        return read_secret_file(path)
    if allow_prompt and sys.stdin.isatty():
        return prompt_new() if creating else getpass.getpass("Passphrase: ")
    return None


def prompt_new(label: str = "Choose a passphrase for this data folder") -> str:
    first = getpass.getpass(f"{label}: ")
    if getpass.getpass("Type it again: ") != first:
        raise JtaiError("The two passphrases differ; nothing was changed.")
    return first
