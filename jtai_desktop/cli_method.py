"""The commands about the inspection method: the theme packs, and starting an inspection."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import paths
from .domain.errors import JtaiError


def add_commands(commands) -> None:
    themes = commands.add_parser(
        "themes",
        help="the theme packs a new inspection can follow (shipped and the team's own)",
        description=(
            "List the theme packs: the shipped ones and any in the data folder's themes "
            "folder, each checked. A pack of the team's that fails is named on standard error "
            "with what is wrong, and the exit code is 1."
        ),
    )
    themes.add_argument("--json", action="store_true")
    create = commands.add_parser(
        "create",
        help="start a real inspection from a theme pack (you are its lead)",
        description=(
            "Create an inspection of an area from a theme pack, with you as its lead. The "
            "notification date must be a working day. Example: jtai-desktop create --theme "
            "front-door --area Northbridge --notified 2026-11-23 --lead 'Helen Marsh'"
        ),
    )
    create.add_argument("--theme", required=True, metavar="ID", help="a pack id from 'themes'")
    create.add_argument("--area", required=True, metavar="NAME", help="the local authority area")
    create.add_argument(
        "--notified", required=True, metavar="YYYY-MM-DD", help="the notification day"
    )
    create.add_argument("--lead", metavar="NAME", help="your name (default: the name last used)")
    create.add_argument(
        "--inspectorate", default="ofsted", metavar="ORG", help="your inspectorate (Ofsted leads)"
    )


def cmd_themes(args: argparse.Namespace) -> int:
    """Needs no passphrase: the packs are plain files beside the encrypted data."""
    from .services.theme_catalogue import catalogue_for, describe, describe_lines

    catalogue = catalogue_for(paths.data_dir(args.data_dir))
    packs = list(catalogue.packs.values())
    if args.json:
        shown = {"themes": [describe(p) for p in packs], "problems": list(catalogue.problems)}
        print(json.dumps(shown, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        for pack in packs:
            print("\n".join(describe_lines(pack)))
    for problem in catalogue.problems:
        print(f"jtai-desktop: left out: {problem}", file=sys.stderr)
    return 1 if catalogue.problems else 0


def cmd_create(context, args: argparse.Namespace) -> int:
    from .crypto.keyfile import is_demo_folder
    from .services import inspections, preferences
    from .services.theme_catalogue import catalogue_for

    folder = paths.data_dir(args.data_dir)
    if is_demo_folder(folder):
        raise JtaiError(
            "This is the demo's data folder, which is not protected by a passphrase: create "
            "real inspections in your own data folder (--data-dir, or the default one)."
        )
    try:
        notified = date.fromisoformat(args.notified)
    except ValueError:
        raise JtaiError(f"--notified {args.notified!r} is not a date like 2026-11-23.") from None
    pack = catalogue_for(folder).pack(args.theme)
    ws = context.workspace
    lead_name = args.lead or preferences.your_name(ws)
    if not (lead_name or "").strip():
        raise JtaiError("Give your name as the lead inspector with --lead NAME.")
    created = inspections.create_inspection(
        ws,
        pack,
        area=args.area,
        notification=notified,
        lead=inspections.MemberInput(lead_name, args.inspectorate),
    )
    preferences.set_your_name(ws, lead_name.strip())
    print(created.entity_id)
    print(f"Created: {args.area.strip()}, {pack.label}.", file=sys.stderr)
    return 0
