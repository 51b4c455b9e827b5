"""Command-line front end over the services. With no command it opens the desktop."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from datetime import UTC
from pathlib import Path

from . import __version__, cli_evidence, cli_letter, cli_method, cli_thematic, paths
from .cli_completion import SHELLS
from .cli_completion import script as completion_script
from .cli_examples import with_examples
from .cli_fieldwork import add_parsers as add_fieldwork_parsers
from .cli_fieldwork import cmd_timeliness
from .cli_secrets import (
    INVITATION_PASSPHRASE_FILE_ENV,
    add_invitation_passphrase,
    invitation_passphrase_path,
    passphrase_from,
    prompt_new,
    read_secret_file,
)
from .domain.errors import JtaiError
from .sync.file_kinds import file_kind


@functools.cache  # one parser per run: reading a double-clicked file's path asks for it too
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jtai-desktop", description="Offline workspace for joint targeted area inspections."
    )
    parser.add_argument("--version", action="version", version=f"jtai-desktop {__version__}")
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
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
    invite = commands.add_parser(
        "invite", **with_examples("invite"), help="(lead) an invitation file for a member's device"
    )
    invite.add_argument("inspection", metavar="INSPECTION")
    invite.add_argument("--out", required=True, metavar="FILE")
    add_invitation_passphrase(
        invite,
        "the invitation's passphrase (give it to the member separately; the data folder's own "
        "passphrase is --passphrase-file, before the command)",
    )
    invite.add_argument("--label", default="", help="who the invitation is for (shown to the lead)")
    join = commands.add_parser(
        "join", **with_examples("join"), help="join an inspection with an invitation file"
    )
    join.add_argument("file", metavar="FILE")
    add_invitation_passphrase(join, "the invitation's passphrase, from the lead")
    join.add_argument("--name", required=True)
    join.add_argument(
        "--inspectorate",
        required=True,
        help="Ofsted, CQC, HMICFRS or HMI Probation (in any case, with or without spaces)",
    )
    sync_cmd = commands.add_parser(
        "sync", **with_examples("sync"), help="exchange work with the team"
    )
    sync_cmd.add_argument("inspection", metavar="INSPECTION")
    where = sync_cmd.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--folder", metavar="PATH", help="a shared folder, synced folder or USB stick"
    )
    where.add_argument("--webdav", metavar="URL", help="a WebDAV server (SharePoint, Nextcloud)")
    sync_cmd.add_argument(
        "--credentials-file",
        metavar="F",
        help=(
            "WebDAV user name and password on two lines (or $JTAI_WEBDAV_USER and "
            "$JTAI_WEBDAV_PASSWORD)"
        ),
    )
    conflicts = commands.add_parser("conflicts", help="open conflicts between team members' edits")
    conflicts.add_argument("inspection", metavar="INSPECTION")
    conflicts.add_argument("--json", action="store_true")
    history = commands.add_parser("history", help="who changed a record, what and when")
    history.add_argument("inspection", metavar="INSPECTION")
    history.add_argument("record", metavar="RECORD_ID")
    repair = commands.add_parser(
        "repair", help="(lead) put back inspection settings a colleague's change made unusable"
    )
    repair.add_argument("inspection", metavar="INSPECTION")
    held = commands.add_parser("held", help="(lead) bundles kept aside, and confirming them")
    held.add_argument("inspection", metavar="INSPECTION")
    held.add_argument("--accept", type=int, metavar="ID", help="apply held bundle ID")
    export = commands.add_parser(
        "export-report",
        **with_examples("export-report"),
        help="export the draft letter to Word, checked for identifying details",
    )
    export.add_argument("inspection", metavar="INSPECTION")
    export.add_argument("--out", metavar="FILE.docx", required=True)
    export.add_argument("--template", metavar="T", help="a Word template with the same style names")
    export.add_argument(
        "--internal",
        action="store_true",
        help="internal draft: add the annexes of counts and the evidence index (team only)",
    )
    export.add_argument(
        "--for-area",
        action="store_true",
        help="the version for the area's factual-accuracy check (kept as a version)",
    )
    export.add_argument(
        "--override-file",
        metavar="F",
        help=("JSON or TOML list of {kind, match, location, reason}: hits the lead lets through"),
    )
    cli_letter.add_parsers(commands)
    cli_evidence.add_parsers(commands)
    cli_thematic.add_parsers(commands)
    add_fieldwork_parsers(commands)
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or powershell)",
        description=(
            "Print a completion script for your shell. bash: jtai-desktop completion bash > "
            "~/.local/share/bash-completion/completions/jtai-desktop; zsh: save it as "
            "_jtai-desktop in a folder on $fpath; PowerShell: add 'jtai-desktop completion "
            "powershell | Out-String | Invoke-Expression' to $PROFILE."
        ),
    )
    completion.add_argument("shell", choices=SHELLS)
    cli_method.add_commands(commands)
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
    parser = build_parser()  # once: building it is a few milliseconds of every start
    rest, opened_file = split_file_argument(sys.argv[1:] if argv is None else argv, parser)
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
    if args.command == "passwd":
        return cmd_passwd(args)
    if args.command == "thematic":  # opens the workspace folder it is given
        return cli_thematic.run_thematic(args)
    if args.command == "completion":  # needs no data folder, so no passphrase
        sys.stdout.write(completion_script(build_parser(), args.shell))
        return 0
    if args.command == "themes":  # plain files beside the data: no passphrase either
        return cli_method.cmd_themes(args)
    context = open_for_command(args)
    try:
        cli_thematic.refuse_inspections_in_a_workspace(context, args.command)
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
    _load_core_before_qt()
    from .app import launch_desktop

    return launch_desktop(args)


def _load_core_before_qt() -> None:
    """Set up the log file and import what the window needs from the store and the services
    before Qt for Python.

    Once PySide6 is loaded it reads the source of every module imported after it (to look for
    its ``__feature__`` switches); loading the Qt-free core first takes that work, about a
    tenth of the start-up time, off every start."""
    from . import app  # noqa: F401  (the store, the services' workspace, the key file)
    from .logs import configure_logging
    from .services import incoming, inspections, preferences, team  # noqa: F401

    configure_logging()


def cmd_demo(context, args) -> int:
    from .services.demo import build_demo, demo_inspection_id

    there = context.workspace.get("inspection", demo_inspection_id(args.size, args.seed))
    inspection_id = build_demo(
        context.workspace, args.size, args.seed, progress=_stderr_progress, area=args.area
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

    rotate_key(folder, unlock(folder, old), new, progress=_stderr_progress)
    print(
        "Passphrase changed, and the database and evidence encrypted again under a new key: "
        "an old copy of key.json opens nothing here. Make a new backup of key.json."
    )
    return 0


def _invite_passphrase(args, creating: bool) -> str:
    path = invitation_passphrase_path(args)
    if path:
        return read_secret_file(path)
    if sys.stdin.isatty():
        return (
            prompt_new("Invitation passphrase")
            if creating
            else __import__("getpass").getpass("Invitation passphrase: ")
        )
    raise JtaiError(
        "Give the invitation's passphrase with --invitation-passphrase-file F "
        f"(or ${INVITATION_PASSPHRASE_FILE_ENV})."
    )


def cmd_invite(context, args) -> int:
    from .services.inspections import resolve_inspection
    from .services.team import create_invitation

    ws = context.workspace
    data = create_invitation(
        ws,
        resolve_inspection(ws, args.inspection),
        _invite_passphrase(args, creating=True),
        args.label,
    )
    _write_atomically(Path(args.out), data)
    print(f"Wrote the invitation to {args.out}. Give its passphrase to the member separately.")
    return 0


def cmd_join(context, args) -> int:
    from .services.team import join

    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        raise JtaiError(f"Cannot read the invitation {args.file}: {error.strerror}.") from None
    inspection_id = join(
        context.workspace,
        data,
        _invite_passphrase(args, creating=False),
        args.name,
        args.inspectorate,
    )
    print(inspection_id)
    return 0


def cmd_sync(context, args) -> int:
    from .services.inspections import resolve_inspection
    from .services.sync import sync
    from .sync.transport import FolderTransport, OfflineError

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    transport = FolderTransport(Path(args.folder)) if args.folder else _webdav(args)
    try:
        report = sync(ws, inspection_id, transport, progress=_stderr_progress)
    except OfflineError as error:
        print(f"Offline: {error.message}", file=sys.stderr)
        return error.exit_code
    print(json.dumps({k: v for k, v in report.__dict__.items()}, sort_keys=True))
    for line in (
        report.identity + report.refused + report.waiting + report.held + report.clock
    ) + report.healed:
        print(line, file=sys.stderr)
    if not any(v for k, v in report.__dict__.items() if k not in ("offline", "cancelled")):
        print("Nothing to exchange: this computer and the team were in step.", file=sys.stderr)
    return report.exit_code


def _webdav(args):
    import os

    from .sync.webdav import WebDavTransport

    user, password = os.environ.get("JTAI_WEBDAV_USER"), os.environ.get("JTAI_WEBDAV_PASSWORD")
    if args.credentials_file:
        try:
            lines = Path(args.credentials_file).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise JtaiError(f"Cannot read the credentials file: {error.strerror}.") from None
        user, password = (lines + ["", ""])[:2]
    return WebDavTransport(args.webdav, user, password)


def cmd_conflicts(context, args) -> int:
    from .services.conflicts import list_conflicts
    from .services.inspections import resolve_inspection

    found = list_conflicts(
        context.workspace, resolve_inspection(context.workspace, args.inspection)
    )
    if args.json:
        print(json.dumps(found, indent=1, sort_keys=True, ensure_ascii=False))
        return 0
    if not found:
        print("No conflicts.")
    for conflict in found:
        print(f"{conflict['record']} / {conflict['field']}:")
        for value in conflict["values"]:
            shown = json.dumps(value["value"], ensure_ascii=False)[:120]
            print(f"  {value['author']} at {value['at']}: {shown}")
    return 0


def cmd_history(context, args) -> int:
    from .services.conflicts import history, resolve_record
    from .services.inspections import resolve_inspection

    ws = context.workspace
    record_id = resolve_record(ws, resolve_inspection(ws, args.inspection), args.record)
    for change in history(ws, record_id):
        print(
            f"{change['at']}  {change['author']}  {change['field']} = "
            f"{json.dumps(change['value'], ensure_ascii=False)[:100]}" + _clock_warning(change)
        )
    return 0


def _clock_warning(change: dict) -> str:
    """A change stamped by a wrong clock: its time is doubtful (the order is not)."""
    offset = change.get("clock_offset_ms")
    if offset is None:
        return ""
    from .services.clock_check import amount

    return f"  [time doubtful: clock {amount(offset)} {'fast' if offset > 0 else 'slow'}]"


def cmd_repair(context, args) -> int:
    from .services.inspections import resolve_inspection
    from .services.repair import repair_settings

    done = repair_settings(
        context.workspace, resolve_inspection(context.workspace, args.inspection)
    )
    for line in done or ["The inspection's settings are all usable: nothing to repair."]:
        print(line)
    return 0


def cmd_held(context, args) -> int:
    from .services.inspections import resolve_inspection
    from .services.sync import accept_held
    from .store import sync_state

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    if args.accept is not None:
        from .services.team import is_lead

        if not is_lead(ws, inspection_id):
            raise JtaiError("Only the lead inspector can confirm a held bundle.")
        applied = accept_held(ws, args.accept)
        print(
            f"Applied {applied} changes." if applied else "No change was applied; nothing changed."
        )
        return 0
    held = sync_state.held(ws.db, inspection_id)
    if not held:
        print("Nothing is held.")
    for item in held:
        print(f"{item['id']}: {item['reason']}")
    return 0


def cmd_export_report(context, args) -> int:
    """Exit 3 when the gate blocks: every hit is listed on stderr (kind, location and the
    matched text, so the lead can fix or override it). Nothing is logged."""
    from datetime import datetime

    from .report import overrides as override_file
    from .services.inspections import resolve_inspection
    from .services.report import export_letter

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    extra = []
    if args.override_file:
        member = ws.get("member", ws.author_for(inspection_id)) or {}
        extra = override_file.load(
            args.override_file,
            member.get("name", ""),
            datetime.now(UTC).isoformat(timespec="seconds"),
        )
    outcome = export_letter(
        ws,
        inspection_id,
        Path(args.out),
        internal=args.internal,
        for_area=args.for_area,
        template=args.template,
        extra_overrides=extra,
        progress=_stderr_progress,
    )
    for warning in outcome.result.warnings:
        print(f"warning: {warning.message}", file=sys.stderr)
    if outcome.status == "blocked":
        hits = outcome.result.hits
        print(
            f"jtai-desktop: not exported: {len(hits)} identifying detail(s) found. Fix each "
            "one, or let it through with a reason in --override-file.",
            file=sys.stderr,
        )
        for hit in hits:
            print(
                f"{hit.kind} at {hit.location}: \u201c{hit.match}\u201d ({hit.describe()})"
                f"\n    {hit.explain()}",
                file=sys.stderr,
            )
        return 3
    overridden = len(outcome.result.overridden)
    number = (context.workspace.get("letter_version", outcome.version_id) or {}).get("number")
    print(
        f"Exported {outcome.path} ({outcome.size // 1024} KB"
        f"{f', {overridden} override(s) recorded' if overridden else ''})"
        f"{f', kept as version {number}' if number else ''}."
    )
    return 0


COMMANDS = {
    "demo": cmd_demo,
    "list": cmd_list,
    "dump": cmd_dump,
    "simulate": cmd_simulate,
    "check": cmd_check,
    "rebuild": cmd_rebuild,
    "retention": cmd_retention,
    "purge": cmd_purge,
    "invite": cmd_invite,
    "join": cmd_join,
    "sync": cmd_sync,
    "conflicts": cmd_conflicts,
    "history": cmd_history,
    "held": cmd_held,
    "repair": cmd_repair,
    "export-report": cmd_export_report,
    "create": cli_method.cmd_create,
    **cli_letter.COMMANDS,
    **cli_evidence.COMMANDS,
    **cli_thematic.COMMANDS,
    "timeliness": cmd_timeliness,
}


def _stderr_progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        print(
            f"\r{label}: {done}/{total}   ",
            end="" if done < total else "\n",
            file=sys.stderr,
            flush=True,
        )


def _write_atomically(target: Path, data: bytes) -> None:
    from .files import write_atomically

    write_atomically(target, data)
