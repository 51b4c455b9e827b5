"""Working as a team: invitations, joining, sync, the conflicts and history of edits, the
lead's repair of unusable settings and the bundles held for the lead to confirm."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .cli_common import stderr_progress, write_atomically
from .cli_examples import with_examples
from .cli_secrets import (
    INVITATION_PASSPHRASE_FILE_ENV,
    add_invitation_passphrase,
    invitation_passphrase_path,
    prompt_new,
    read_secret_file,
)
from .domain.errors import JtaiError


def add_parsers(commands) -> None:
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
    write_atomically(Path(args.out), data)
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
        report = sync(ws, inspection_id, transport, progress=stderr_progress)
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


COMMANDS = {
    "invite": cmd_invite,
    "join": cmd_join,
    "sync": cmd_sync,
    "conflicts": cmd_conflicts,
    "history": cmd_history,
    "held": cmd_held,
    "repair": cmd_repair,
}
