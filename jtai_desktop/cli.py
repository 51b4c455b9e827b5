"""Command-line front end over the services. With no command it opens the desktop."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__, paths
from .domain.errors import JtaiError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jtai-desktop", description="Offline workspace for joint targeted area inspections.")
    parser.add_argument("--version", action="version", version=f"jtai-desktop {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=(
        f"data folder (default: ${paths.DATA_DIR_ENV}, else the per-user data folder)"))
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
    from .app import open_context

    context = open_context(args.data_dir)
    try:
        return COMMANDS[args.command](context, args)
    finally:
        context.close()


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


COMMANDS = {"demo": cmd_demo, "list": cmd_list, "dump": cmd_dump, "simulate": cmd_simulate,
            "check": cmd_check, "rebuild": cmd_rebuild}


def _stderr_progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{label}: {done}/{total}   ", end="" if done < total else "\n",
              file=sys.stderr, flush=True)


def _write_atomically(target: Path, data: bytes) -> None:
    from .store.files import write_atomically

    write_atomically(target, data)
