"""Command-line front end over the services. With no command it opens the desktop."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import NoReturn

from . import __version__, paths
from .domain.errors import JtaiError
from .sync.file_kinds import file_kind


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """The options that come before any command (and alone open the desktop)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=(f"data folder (default: ${paths.DATA_DIR_ENV}, else the per-user data folder)"),
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="F",
        help=(
            "read the data folder's passphrase from the first line of F "
            "(or $JTAI_PASSPHRASE_FILE; otherwise you are asked)"
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo inspection (created in a demo folder if needed)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window, make one edit, exit 0 (for installers)",
    )


class _NotForTheDesktop(Exception):
    pass


class _SilentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotForTheDesktop(message)  # instead of printing and exiting


def desktop_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they name no command, no file and ask for no help: the desktop
    opens without the commands' parsers (or their modules) being built, which would be a
    twentieth of its cold start. None otherwise: the whole parser decides."""
    options = _SilentParser(prog="jtai-desktop", add_help=False)
    add_global_options(options)
    try:
        args, rest = options.parse_known_args(argv)
    except _NotForTheDesktop:  # an option without its value: the whole parser says so
        return None
    if rest:
        return None
    args.command = None
    return args


@functools.cache  # one parser per run: reading a double-clicked file's path asks for it too
def build_parser() -> argparse.ArgumentParser:
    from . import (
        cli_completion,
        cli_data,
        cli_evidence,
        cli_fieldwork,
        cli_letter,
        cli_method,
        cli_secrets,
        cli_team,
        cli_thematic,
    )

    parser = argparse.ArgumentParser(
        prog="jtai-desktop", description="Offline workspace for joint targeted area inspections."
    )
    parser.add_argument("--version", action="version", version=f"jtai-desktop {__version__}")
    add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    cli_data.add_parsers(commands)
    cli_team.add_parsers(commands)
    cli_letter.add_export_parser(commands)
    cli_letter.add_parsers(commands)
    cli_evidence.add_parsers(commands)
    cli_thematic.add_parsers(commands)
    cli_fieldwork.add_parsers(commands)
    cli_completion.add_parser(commands)
    cli_method.add_commands(commands)
    cli_secrets.add_passwd_parser(commands)
    return parser


def split_file_argument(
    argv: list[str], parser: argparse.ArgumentParser | None = None
) -> tuple[list[str], Path | None]:
    """(the other arguments, the file) when the first positional argument is one of the app's
    files rather than a command: ``jtai-desktop [--data-dir D] FILE`` (an invitation or a
    bundle double-clicked in a file manager). A command's arguments (``join FILE``) are never
    taken."""
    actions = (parser or build_parser())._actions
    takes_value = {o for a in actions if a.nargs != 0 for o in a.option_strings}
    commands = {name for a in actions if isinstance(a.choices, dict) for name in a.choices}
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--":
            return argv, None
        if token.startswith("-"):
            index += 2 if token in takes_value else 1
            continue
        if file_kind(Path(token)) is None or token in commands:
            return argv, None
        return argv[:index] + argv[index + 1 :], Path(token).expanduser().resolve()
    return argv, None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = desktop_arguments(argv)
    if args is None:
        parser = build_parser()
        rest, opened_file = split_file_argument(argv, parser)
        if opened_file is not None:
            from .ui.file_open import open_when_ready

            open_when_ready(opened_file)
        args = parser.parse_args(rest)
    try:
        code = run(args)
        sys.stdout.flush()  # a closed pipe is heard here, not as Python exits
        return code
    except JtaiError as error:
        print(f"jtai-desktop: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(
            "jtai-desktop: interrupted; everything saved before this point is kept.",
            file=sys.stderr,
        )
        return 130
    except BrokenPipeError:
        return _reader_went_away()


def _reader_went_away() -> int:
    """The output's reader stopped reading (``jtai-desktop history … | head``): what it read
    was right, and there is nobody to tell. Exit as tools killed by SIGPIPE do, without
    Python's complaint about flushing to the closed pipe at exit."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141


def run(args: argparse.Namespace) -> int:
    if args.command is None:
        return open_desktop(args)
    from . import cli_completion, cli_method, cli_secrets, cli_thematic

    if args.command == "passwd":
        return cli_secrets.cmd_passwd(args)
    if args.command == "thematic":  # opens the workspace folder it is given
        return cli_thematic.run_thematic(args)
    if args.command == "completion":  # needs no data folder, so no passphrase
        sys.stdout.write(cli_completion.script(build_parser(), args.shell))
        return 0
    if args.command == "themes":  # plain files beside the data: no passphrase either
        return cli_method.cmd_themes(args)
    context = open_for_command(args)
    try:
        cli_thematic.refuse_inspections_in_a_workspace(context, args.command)
        return commands()[args.command](context, args)
    finally:
        context.close()


def open_for_command(args: argparse.Namespace):
    """Unlock the data folder. ``demo`` into a new folder makes a demo folder, no passphrase."""
    from .app import open_context
    from .cli_secrets import passphrase_from
    from .crypto.keyfile import is_demo_folder
    from .services.vault import needs_new_passphrase

    folder = paths.data_dir(args.data_dir)
    creating = needs_new_passphrase(folder)
    making_demo = args.command == "demo" and creating
    passphrase = None
    if not is_demo_folder(folder):
        passphrase = passphrase_from(args, creating=creating, allow_prompt=not making_demo)
    return open_context(folder, passphrase, create_demo=making_demo)


def open_desktop(args: argparse.Namespace) -> int:
    _load_core_before_qt(reads_a_passphrase_file=bool(args.passphrase_file))
    from .app import launch_desktop

    return launch_desktop(args)


def _load_core_before_qt(reads_a_passphrase_file: bool) -> None:
    """Set up the log file and import what the window needs from the store and the services
    before Qt for Python.

    Once PySide6 is loaded it reads the source of every module imported after it (to look for
    its ``__feature__`` switches); loading the Qt-free core first takes that work, about a
    tenth of the start-up time, off every start."""
    from . import app  # noqa: F401  (the store, the services' workspace, the key file)
    from .logs import configure_logging
    from .services import incoming, inspections, organisations, preferences, repair, team  # noqa: F401
    from .store import thematic  # noqa: F401  (is the folder a thematic workspace?)

    if reads_a_passphrase_file:  # otherwise the terminal's modules are not needed at all
        from . import cli_secrets  # noqa: F401

    configure_logging()


@functools.cache
def commands() -> dict:
    """Each command that runs on the unlocked data folder, and the function that runs it."""
    from . import (
        cli_data,
        cli_evidence,
        cli_fieldwork,
        cli_letter,
        cli_method,
        cli_team,
        cli_thematic,
    )

    return {
        **cli_data.COMMANDS,
        **cli_team.COMMANDS,
        "create": cli_method.cmd_create,
        **cli_letter.COMMANDS,
        **cli_evidence.COMMANDS,
        **cli_thematic.COMMANDS,
        **cli_fieldwork.COMMANDS,
    }
