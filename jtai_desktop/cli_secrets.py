"""Getting passphrases for the command line: from a file, or typed at a prompt, never argv;
and ``passwd``, which changes the data folder's passphrase (and key)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from . import paths
from .cli_common import stderr_progress
from .domain.errors import JtaiError

PASSPHRASE_FILE_ENV = "JTAI_PASSPHRASE_FILE"
INVITATION_PASSPHRASE_FILE_ENV = "JTAI_INVITATION_PASSPHRASE_FILE"
# Spellings of the invitation's passphrase file that still work for one release (0.2), with
# a warning: "--passphrase-file" after "invite"/"join" read as the data folder's own option.
DEPRECATED_INVITATION_FLAGS = ("--passphrase-file", "--invite-passphrase-file")


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


def add_invitation_passphrase(command, help_text: str) -> None:
    """--invitation-passphrase-file for ``invite`` and ``join``, and the old spellings."""
    command.add_argument(
        "--invitation-passphrase-file",
        dest="invitation_passphrase_file",
        metavar="F",
        help=f"{help_text} (or ${INVITATION_PASSPHRASE_FILE_ENV})",
    )
    command.add_argument(
        *DEPRECATED_INVITATION_FLAGS,
        dest="deprecated_invitation_passphrase_file",
        metavar="F",
        help=argparse.SUPPRESS,
    )


def invitation_passphrase_path(args) -> str | None:
    """The invitation's passphrase file: the option, the old spelling (with a warning on
    standard error), then $JTAI_INVITATION_PASSPHRASE_FILE."""
    old = getattr(args, "deprecated_invitation_passphrase_file", None)
    if old and not args.invitation_passphrase_file:
        print(
            f"jtai-desktop: warning: '{args.command}' now takes the invitation's passphrase "
            "as --invitation-passphrase-file; the old spelling stops working in the next "
            "release (the data folder's own --passphrase-file goes before the command).",
            file=sys.stderr,
        )
        return old
    return args.invitation_passphrase_file or os.environ.get(INVITATION_PASSPHRASE_FILE_ENV)


def add_passwd_parser(commands) -> None:
    passwd = commands.add_parser(
        "passwd", help="change the data folder's passphrase (and, with --rotate-key, its key)"
    )
    passwd.add_argument(
        "--new-passphrase-file",
        metavar="F",
        help="read the new passphrase from F (otherwise you are asked)",
    )
    passwd.add_argument(
        "--rotate-key",
        action="store_true",
        help=(
            "also encrypt the database and evidence again under a new key, so an old copy of "
            "key.json opens nothing (give the same passphrase to keep it)"
        ),
    )


def cmd_passwd(args) -> int:
    from .crypto.keyfile import read_keyfile
    from .services.key_rotation import change_passphrase

    folder = paths.data_dir(args.data_dir)
    read_keyfile(folder)  # a clear message for a missing or damaged key file first
    old = passphrase_from(args, creating=False)
    if old is None:
        raise JtaiError("Give the current passphrase (--passphrase-file F, or in a terminal).")
    if args.new_passphrase_file:
        new = read_secret_file(args.new_passphrase_file)
    elif sys.stdin.isatty():
        new = prompt_new("New passphrase")
    else:
        raise JtaiError("Give the new passphrase with --new-passphrase-file F.")
    if args.rotate_key:
        return _rotate_key(folder, old, new)
    change_passphrase(folder, old, new)
    print(
        "Passphrase changed. The data itself did not need re-encrypting (an old copy of "
        "key.json still opens it with the old passphrase; 'passwd --rotate-key' prevents that)."
    )
    return 0


def _rotate_key(folder: Path, old: str, new: str) -> int:
    from .crypto.keyfile import unlock
    from .services.key_rotation import rotate_key

    rotate_key(folder, unlock(folder, old), new, progress=stderr_progress)
    print(
        "Passphrase changed, and the database and evidence encrypted again under a new key: "
        "an old copy of key.json opens nothing here. Make a new backup of key.json."
    )
    return 0
