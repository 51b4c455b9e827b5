"""Command-line front end over the services. With no command it opens the desktop."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__, paths
from .cli_secrets import passphrase_from, prompt_new, read_secret_file
from .domain.errors import JtaiError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jtai-desktop", description="Offline workspace for joint targeted area inspections.")
    parser.add_argument("--version", action="version", version=f"jtai-desktop {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=(
        f"data folder (default: ${paths.DATA_DIR_ENV}, else the per-user data folder)"))
    parser.add_argument("--passphrase-file", metavar="F", help=(
        "read the data folder's passphrase from the first line of F "
        "(or $JTAI_PASSPHRASE_FILE; otherwise you are asked)"))
    parser.add_argument("--demo", action="store_true",
                        help="open the demo inspection (created in a demo folder if needed)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the main window, make one edit, exit 0 (for installers)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="create a deterministic demo inspection")
    demo.add_argument("--size", choices=("small", "reference"), default="small")
    demo.add_argument("--seed", type=int, default=1)
    listing = commands.add_parser("list", help="inspections in the data folder, with counts")
    listing.add_argument("--json", action="store_true")
    dump = commands.add_parser("dump", help="canonical JSON of an inspection's whole state")
    dump.add_argument("inspection", metavar="INSPECTION", help="id or unique prefix")
    dump.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    sim = commands.add_parser("simulate", help="random realistic edits as the local inspector")
    sim.add_argument("inspection", metavar="INSPECTION")
    sim.add_argument("--edits", type=int, required=True)
    sim.add_argument("--seed", type=int, default=1)
    commands.add_parser("check", help="integrity of the database and the evidence store")
    commands.add_parser("rebuild", help="derive the tables again from the change log")
    retention = commands.add_parser("retention", help="set the date an inspection is purged")
    retention.add_argument("inspection", metavar="INSPECTION")
    retention.add_argument("date", metavar="YYYY-MM-DD")
    purge = commands.add_parser("purge", help="destroy an inspection's data (after publication)")
    purge.add_argument("inspection", metavar="INSPECTION")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    passwd = commands.add_parser("passwd", help="change the data folder's passphrase")
    passwd.add_argument("--new-passphrase-file", metavar="F",
                        help="read the new passphrase from F (otherwise you are asked)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args)
    except JtaiError as error:
        print(f"jtai-desktop: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("jtai-desktop: interrupted; everything saved before this point is kept.",
              file=sys.stderr)
        return 130


def run(args: argparse.Namespace) -> int:
    if args.command is None:
        return open_desktop(args)
    if args.command == "passwd":
        return cmd_passwd(args)
    context = open_for_command(args)
    try:
        return COMMANDS[args.command](context, args)
    finally:
        context.close()


def open_for_command(args: argparse.Namespace):
    """Unlock the data folder. ``demo`` into a new folder makes a demo folder, no passphrase."""
    from .app import open_context
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
    try:
        from .ui.launch import launch
    except ImportError as error:
        if "PySide6" in str(error) or "launch" in str(error):
            print("jtai-desktop: the desktop window is not part of this build yet; "
                  "use the commands in 'jtai-desktop --help'.", file=sys.stderr)
            return 1
        raise
    return launch(args)


def cmd_demo(context, args) -> int:
    from .services.demo import build_demo

    inspection_id = build_demo(context.workspace, args.size, args.seed, progress=_stderr_progress)
    print(inspection_id)
    return 0


def cmd_list(context, args) -> int:
    from .services.inspections import list_inspections

    found = list_inspections(context.workspace)
    if args.json:
        print(json.dumps(found, indent=2, sort_keys=True))
        return 0
    if not found:
        print("No inspections in this data folder. Try 'jtai-desktop demo'.")
    for item in found:
        counts = ", ".join(f"{v} {k}" for k, v in item["counts"].items())
        print(f"{item['id'][:8]}  {item['title']}  ({counts})")
    return 0


def cmd_dump(context, args) -> int:
    from .services.dump import dump_json
    from .services.inspections import resolve_inspection

    text = dump_json(context.workspace, resolve_inspection(context.workspace, args.inspection))
    if args.out:
        _write_atomically(Path(args.out), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_simulate(context, args) -> int:
    from .services.inspections import resolve_inspection
    from .services.simulate import simulate

    if args.edits < 0:
        raise JtaiError("--edits must be zero or more.")
    inspection_id = resolve_inspection(context.workspace, args.inspection)
    counts = simulate(context.workspace, inspection_id, args.edits, args.seed)
    print(json.dumps(counts, sort_keys=True))
    return 0


def cmd_check(context, args) -> int:
    from .services.check import check_workspace

    report = check_workspace(context.workspace)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    checked = ", ".join(f"{v} {k}" for k, v in report.checked.items())
    print(f"{'OK' if report.ok else 'PROBLEMS FOUND'}: checked {checked}")
    return 0 if report.ok else 1


def cmd_rebuild(context, args) -> int:
    from .store.projection import rebuild

    rebuild(context.workspace.db)
    print("Rebuilt the tables from the change log.")
    return 0


def cmd_retention(context, args) -> int:
    from datetime import date

    from .services.inspections import resolve_inspection
    from .services.retention import set_retention_date

    try:
        when = date.fromisoformat(args.date)
    except ValueError:
        raise JtaiError(f"{args.date!r} is not a date like 2027-06-30.") from None
    set_retention_date(context.workspace, resolve_inspection(context.workspace, args.inspection), when)
    print(f"Retention date set to {when.isoformat()}.")
    return 0


def cmd_purge(context, args) -> int:
    from .services.inspections import resolve_inspection
    from .services.retention import purge_inspection, purge_plan

    plan = purge_plan(context.workspace, resolve_inspection(context.workspace, args.inspection))
    print("This will permanently destroy:\n  " + "\n  ".join(plan.describe()))
    if not args.yes and not _confirmed("Type PURGE to confirm: ", "PURGE"):
        print("Nothing was purged.")
        return 1
    purge_inspection(context.workspace, plan)
    print("Purged, and the database compacted. The purge is recorded in the audit log.")
    return 0


def _confirmed(prompt: str, word: str) -> bool:
    if not sys.stdin.isatty():
        raise JtaiError("Purging needs confirmation: run it in a terminal or add --yes.")
    return input(prompt).strip() == word


def cmd_passwd(args) -> int:
    from .crypto.keyfile import change_passphrase, read_keyfile

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
    change_passphrase(folder, old, new)
    print("Passphrase changed. The data itself did not need re-encrypting.")
    return 0


COMMANDS = {"demo": cmd_demo, "list": cmd_list, "dump": cmd_dump, "simulate": cmd_simulate,
            "check": cmd_check, "rebuild": cmd_rebuild, "retention": cmd_retention,
            "purge": cmd_purge}


def _stderr_progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{label}: {done}/{total}   ", end="" if done < total else "\n",
              file=sys.stderr, flush=True)


def _write_atomically(target: Path, data: bytes) -> None:
    from .store.files import write_atomically

    write_atomically(target, data)
