"""The data folder's own commands: the demo, listing, dumping and checking what it holds,
simulated edits, rebuilding the tables, and an inspection's retention date and purge."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import cli_thematic
from .cli_common import stderr_progress, write_atomically
from .cli_examples import with_examples
from .domain.errors import JtaiError


def add_parsers(commands) -> None:
    demo = commands.add_parser("demo", help="create a deterministic demo inspection")
    demo.add_argument("--size", choices=("small", "reference"), default="small")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--area", help="name the demo's fictional area (default Northbridge)")
    listing = commands.add_parser(
        "list", **with_examples("list"), help="inspections in the data folder, with counts"
    )
    listing.add_argument("--json", action="store_true")
    dump = commands.add_parser("dump", help="canonical JSON of an inspection's whole state")
    dump.add_argument("inspection", metavar="INSPECTION", help="id or unique prefix")
    dump.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    sim = commands.add_parser("simulate", help="random realistic edits as the local inspector")
    sim.add_argument("inspection", metavar="INSPECTION")
    sim.add_argument("--edits", type=int, required=True)
    sim.add_argument("--seed", type=int, default=1)
    check = commands.add_parser(
        "check", **with_examples("check"), help="integrity of the database and the evidence store"
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="remove evidence files that no record names (left by an interrupted import)",
    )
    commands.add_parser("rebuild", help="derive the tables again from the change log")
    retention = commands.add_parser("retention", help="set the date an inspection is purged")
    retention.add_argument("inspection", metavar="INSPECTION")
    retention.add_argument("date", metavar="YYYY-MM-DD")
    purge = commands.add_parser("purge", help="destroy an inspection's data (after publication)")
    purge.add_argument("inspection", metavar="INSPECTION")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    cli_thematic.add_purge_option(purge)


def cmd_demo(context, args) -> int:
    from .services.demo import build_demo, demo_inspection_id

    there = context.workspace.get("inspection", demo_inspection_id(args.size, args.seed))
    inspection_id = build_demo(
        context.workspace, args.size, args.seed, progress=stderr_progress, area=args.area
    )
    if there is not None:
        print("The demo inspection was already here; nothing changed.", file=sys.stderr)
    print(inspection_id)
    return 0


def cmd_list(context, args) -> int:
    from .services.inspections import list_inspections

    found = list_inspections(context.workspace)
    if args.json:
        print(json.dumps({"inspections": found}, indent=2, sort_keys=True))
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
        write_atomically(Path(args.out), text.encode("utf-8"))
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
    if counts["refused"] == args.edits:
        print("No edit was made; nothing changed.", file=sys.stderr)
    return 0


def cmd_check(context, args) -> int:
    from .services.check import check_workspace

    report = check_workspace(context.workspace)
    if args.repair:
        report = _repair(context.workspace, report)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.waiting:
        files = "1 file" if report.waiting == 1 else f"{report.waiting} files"
        print(f"Waiting for {files} from the team (they arrive with the next sync).")
    checked = ", ".join(f"{v} {k}" for k, v in report.checked.items())
    print(f"{'OK' if report.ok else 'PROBLEMS FOUND'}: checked {checked}")
    return 0 if report.ok else 1


def _repair(ws, report):
    from .services.check import check_workspace, repair_orphans

    if not report.orphans:
        print("Nothing to repair: every evidence file belongs to a record.")
        return report
    repair = repair_orphans(ws, report.orphans)
    if repair.removed:
        print(f"Removed {repair.removed} evidence file(s) that no record names.")
    if repair.too_recent:
        print(
            f"Left {repair.too_recent} file(s) alone: written in the last minute, an import "
            "may still be saving its record. Run 'jtai-desktop check --repair' again shortly."
        )
    return check_workspace(ws)


def cmd_rebuild(context, args) -> int:
    from .services.check import projection_differences
    from .store.projection import rebuild

    differing = projection_differences(context.workspace)
    rebuild(context.workspace.db)
    if differing:
        print(f"Rebuilt the tables from the change log: {differing} record(s) now match it.")
    else:
        print("The tables already matched the change log; nothing changed.")
    return 0


def cmd_retention(context, args) -> int:
    from datetime import date

    from .services.inspections import resolve_inspection
    from .services.retention import set_retention_date

    try:
        when = date.fromisoformat(args.date)
    except ValueError:
        raise JtaiError(f"{args.date!r} is not a date like 2027-06-30.") from None
    changes = set_retention_date(
        context.workspace, resolve_inspection(context.workspace, args.inspection), when
    )
    if changes.has_effect:
        print(f"Retention date set to {when.isoformat()}.")
    else:
        print(f"The retention date was already {when.isoformat()}; nothing changed.")
    return 0


def cmd_purge(context, args) -> int:
    from .services.inspections import resolve_inspection
    from .services.retention import purge_inspection, purge_plan

    inspection_id = resolve_inspection(context.workspace, args.inspection)
    cli_thematic.extract_before_purge(context, args, inspection_id)
    plan = purge_plan(context.workspace, inspection_id)
    print("This will permanently destroy:\n  " + "\n  ".join(plan.describe()))
    if not args.yes and not _confirmed("Type PURGE to confirm: ", "PURGE"):
        print("Nothing was purged.")
        return 1
    if purge_inspection(context.workspace, plan, context.connector()):
        print("Purged, and the database compacted. The purge is recorded in the audit log.")
    else:
        print(
            "Purged; the purge is recorded in the audit log. Another jtai-desktop has the "
            "database open, so the compaction that clears the freed space finishes at the "
            "next start."
        )
    return 0


def _confirmed(prompt: str, word: str) -> bool:
    if not sys.stdin.isatty():
        raise JtaiError("Purging needs confirmation: run it in a terminal or add --yes.")
    return input(prompt).strip() == word


COMMANDS = {
    "demo": cmd_demo,
    "list": cmd_list,
    "dump": cmd_dump,
    "simulate": cmd_simulate,
    "check": cmd_check,
    "rebuild": cmd_rebuild,
    "retention": cmd_retention,
    "purge": cmd_purge,
}
