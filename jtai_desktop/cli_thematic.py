"""The thematic extract and the thematic workspace's commands. ``cli`` adds these parsers and
commands to its own: ``extract`` works in the data folder like any inspection command;
``thematic`` opens the workspace folder DIR it is given (with the same passphrase options)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .domain.errors import JtaiError


def add_parsers(commands) -> None:
    extract = commands.add_parser(
        "extract",
        help="(lead) an anonymised, signed extract of a published inspection for the "
        "national thematic report",
    )
    extract.add_argument("inspection", metavar="INSPECTION")
    extract.add_argument("--out", metavar="FILE", required=True)
    extract.add_argument("--region", default="", help="the area's region, if it may be named")
    thematic = commands.add_parser(
        "thematic", help="a thematic workspace: the areas' extracts of one theme, drawn together"
    )
    steps = thematic.add_subparsers(dest="thematic_command", metavar="STEP", required=True)
    imported = steps.add_parser(
        "import", help="add extracts (one theme; each inspection once; signed and unchanged)"
    )
    imported.add_argument("folder", metavar="DIR", help="the workspace's data folder")
    imported.add_argument("files", metavar="FILE", nargs="+")
    summary = steps.add_parser("summary", help="findings, recurring themes, counts and timings")
    summary.add_argument("folder", metavar="DIR")
    summary.add_argument("--json", action="store_true")
    summary.add_argument("--search", metavar="WORDS", help="only the texts holding these words")
    confirm = steps.add_parser(
        "confirm", help="trust a lead's key once its fingerprint, read out by the lead, matches"
    )
    confirm.add_argument("folder", metavar="DIR")
    confirm.add_argument("fingerprint", metavar="FINGERPRINT", help="in any case, spaces or not")
    export = steps.add_parser("export", help="the thematic report's draft in Word")
    export.add_argument("folder", metavar="DIR")
    export.add_argument("--out", metavar="FILE.docx", required=True)


def cmd_extract(context, args) -> int:
    from .services.extract import ExtractBlocked, write_extract
    from .services.inspections import resolve_inspection

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    try:
        outcome = write_extract(ws, inspection_id, Path(args.out), region=args.region)
    except ExtractBlocked as blocked:
        _print_hits(blocked)
        raise
    print(
        f"Wrote the thematic extract to {outcome.path} ({outcome.size // 1024 or 1} KB), "
        f"signed with the lead's key {outcome.fingerprint}. Give this fingerprint to whoever "
        "imports it, separately from the file, so they can check it came from you."
    )
    return 0


def _print_hits(blocked) -> None:
    for hit in blocked.hits:
        print(
            f"{hit.kind} at {hit.location}: \u201c{hit.match}\u201d ({hit.describe()})"
            f"\n    {hit.explain()}",
            file=sys.stderr,
        )


def run_thematic(args) -> int:
    from .services import thematic

    folder = Path(args.folder)
    if args.thematic_command == "import":
        incoming = thematic.read_files(args.files)  # nothing is opened until all are good
        with _opened(args, folder, creating=True) as ws:
            imported = thematic.import_extracts(ws, incoming)
        for item in imported:
            trust = "confirmed earlier" if item["confirmed"] else "not confirmed yet"
            print(f"Imported {item['area']} (signed with key {item['fingerprint']}, {trust}).")
        if not all(item["confirmed"] for item in imported):
            print(
                "Check each key's fingerprint with the lead who sent the extract, then "
                "'jtai-desktop thematic confirm DIR FINGERPRINT'."
            )
        return 0
    with _opened(args, folder, creating=False) as ws:
        if args.thematic_command == "summary":
            return _summary(ws, args)
        if args.thematic_command == "confirm":
            areas = thematic.confirm_key(ws, args.fingerprint)
            print(f"Confirmed the key that signed the extract of {', '.join(areas)}.")
            return 0
        return _export(ws, args)


class _opened:
    """The workspace folder, unlocked; refused when it holds inspections, or (unless
    importing) when it is not a workspace yet. A missing folder is not created to say so."""

    def __init__(self, args, folder: Path, creating: bool):
        self.args, self.folder, self.creating = args, folder, creating

    def __enter__(self):
        from .app import open_context
        from .cli_secrets import passphrase_from
        from .crypto.keyfile import keyfile_exists
        from .services.thematic import ThematicRefused, require_workspace
        from .services.vault import needs_new_passphrase

        if not self.creating and not keyfile_exists(self.folder):
            raise ThematicRefused(
                f"{self.folder} is not a thematic workspace: import extracts into it first "
                "('jtai-desktop thematic import DIR FILE...')."
            )
        new = needs_new_passphrase(self.folder)
        passphrase = passphrase_from(self.args, creating=new)
        self.context = open_context(self.folder, passphrase)
        try:
            require_workspace(self.context.workspace, self.folder, creating=self.creating)
        except BaseException:
            self.context.close()
            raise
        return self.context.workspace

    def __exit__(self, *_exc) -> None:
        self.context.close()


def _summary(ws, args) -> int:
    from .domain.thematic import summary_json
    from .services.thematic import summary

    found = summary(ws)
    if args.search:
        hits = found.search(args.search)
        if args.json:
            print(json.dumps([h.__dict__ for h in hits], indent=1, ensure_ascii=False))
        for hit in [] if args.json else hits:
            print(f"{hit.area} — {hit.place}: {hit.snippet}")
        return 0
    if args.json:
        print(json.dumps(summary_json(found), indent=1, sort_keys=True, ensure_ascii=False))
        return 0
    for line in describe(found):
        print(line)
    return 0


def describe(found) -> list[str]:
    from .domain.theme_model import AGENCY_KINDS

    kinds = {**AGENCY_KINDS, "partnership": "the partnership"}
    theme = found.theme
    lines = [
        f"{theme.get('title', '')} ({theme.get('id', '')} {theme.get('version', '')}): "
        f"{len(found.areas)} areas"
    ]
    for area in found.areas:
        lines.append(
            f"  {area.label}: fieldwork {area.fieldwork_start} to {area.fieldwork_end}, "
            f"published {area.published_on or 'unknown'}; key {area.fingerprint} "
            f"({'confirmed' if area.confirmed else 'not confirmed'})"
        )
    lines.append("Recurring in most areas:")
    for r in found.recurring:
        lines.append(f"  {r.describe(found.criteria, kinds)} ({', '.join(r.areas)})")
    if not found.recurring:
        lines.append("  nothing")
    lines.append("Evidence matrix, all areas (case reviews / strengths / concerns / findings):")
    for (criterion, kind), m in sorted(found.matrix.items()):
        shown = " / ".join(m[x].shown() for x in ("reviews", "strengths", "concerns", "findings"))
        lines.append(f"  {criterion} {kinds.get(kind, kind)}: {shown}")
    return lines


def _export(ws, args) -> int:
    from .services.thematic_export import export_report

    outcome = export_report(ws, Path(args.out))
    if outcome.status == "blocked":
        print(
            f"jtai-desktop: not exported: {len(outcome.hits)} identifying detail(s) found in "
            "the report's text.",
            file=sys.stderr,
        )
        for hit in outcome.hits:
            print(f"{hit.kind} at {hit.location}: \u201c{hit.match}\u201d", file=sys.stderr)
        return 3
    print(f"Exported the thematic report's draft to {outcome.path} ({outcome.size // 1024} KB).")
    return 0


# --- before a purge ---------------------------------------------------------------------------
def add_purge_option(purge) -> None:
    purge.add_argument(
        "--extract",
        metavar="FILE",
        help="first write the inspection's thematic extract to FILE (nothing is purged if it "
        "cannot be written)",
    )


def extract_before_purge(context, args, inspection_id: str) -> None:
    """Keep a thematic extract first? Asked in a terminal (the letter must be published);
    ``--extract FILE`` answers yes beforehand. A purge never follows a failed extract."""
    from .services.extract import is_published

    target = getattr(args, "extract", None)
    if not target:
        if args.yes or not sys.stdin.isatty():
            return
        if not is_published(context.workspace, inspection_id):
            print("The letter was never published, so no thematic extract can be kept.")
            return
        answer = input("Keep a thematic extract first, for the national report? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            return
        target = input("Save the extract as: ").strip()
        if not target:
            raise JtaiError("No file name given: nothing was extracted or purged.")
    args.out, args.inspection, args.region = target, inspection_id, ""
    try:
        cmd_extract(context, args)
    except JtaiError:
        print("The thematic extract was not written, so nothing was purged.", file=sys.stderr)
        raise


NEW_INSPECTION_COMMANDS = ("demo", "create", "join")


def refuse_inspections_in_a_workspace(context, command: str) -> None:
    """A thematic workspace holds extracts only: no inspection is made or joined in it."""
    from .services.thematic import ThematicRefused

    if command in NEW_INSPECTION_COMMANDS and context.is_thematic_workspace():
        raise ThematicRefused(
            f"{context.data_dir} is a thematic workspace: inspections live in a data folder "
            "of their own (choose another --data-dir)."
        )


COMMANDS = {"extract": cmd_extract}
