"""The letter's commands: exporting the draft through the identifying-details gate, its
versions, the factual-accuracy round trip and publication. ``cli`` adds these parsers and
commands to its own."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date
from pathlib import Path

from .cli_common import stderr_progress
from .cli_examples import with_examples
from .domain.errors import ValidationError


def add_export_parser(commands) -> None:
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
        progress=stderr_progress,
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


def add_parsers(commands) -> None:
    versions = commands.add_parser(
        "versions", help="versions of the letter kept on each export, and what changed"
    )
    versions.add_argument("inspection", metavar="INSPECTION")
    versions.add_argument("--json", action="store_true")
    versions.add_argument(
        "--diff",
        nargs=2,
        metavar=("OLDER", "NEWER"),
        help="compare two versions (numbers, or 'current' for the letter now)",
    )
    accuracy = commands.add_parser(
        "accuracy", help="the area's factual-accuracy comments and the lead's responses"
    )
    steps = accuracy.add_subparsers(dest="accuracy_command", metavar="STEP", required=True)
    imported = steps.add_parser("import", help="read the comments of a file the area returned")
    imported.add_argument("inspection", metavar="INSPECTION")
    imported.add_argument("file", metavar="FILE.docx")
    listing = steps.add_parser("list", help="every comment and tracked change, with its status")
    listing.add_argument("inspection", metavar="INSPECTION")
    listing.add_argument("--json", action="store_true")
    decide = steps.add_parser("decide", help="accept, reject (with a reason) or query an item")
    decide.add_argument("inspection", metavar="INSPECTION")
    decide.add_argument("item", metavar="ITEM_ID")
    decide.add_argument("decision", choices=("accept", "reject", "query"))
    decide.add_argument("--reason", default="", help="why it is rejected, or the question")
    responses = steps.add_parser("responses", help="the responses as a Word table for the area")
    responses.add_argument("inspection", metavar="INSPECTION")
    responses.add_argument("--out", metavar="FILE.docx", required=True)
    settings = commands.add_parser(
        "letter", help="the letter's settings: format, date, principal authority, small counts"
    )
    settings.add_argument("inspection", metavar="INSPECTION")
    settings.add_argument("--format", choices=("2022", "2016"), help="the format (era) to follow")
    settings.add_argument("--date", metavar="YYYY-MM-DD", help="the date on the letter")
    settings.add_argument("--principal", metavar="NAME", help="the principal authority")
    settings.add_argument("--sender", metavar="NAME", help="who sends the statement of action")
    settings.add_argument(
        "--small-counts-below", type=int, metavar="N", help="hide counts from 1 to N-1 (6)"
    )
    settings.add_argument("--json", action="store_true")
    publish = commands.add_parser(
        "publish", help="mark the letter published: final version, statement of action due"
    )
    publish.add_argument("inspection", metavar="INSPECTION")
    publish.add_argument("--version", metavar="N", help="the version published (default: latest)")
    publish.add_argument("--date", metavar="YYYY-MM-DD", help="the date of publication (today)")


def cmd_versions(context, args) -> int:
    from .services import versions
    from .services.inspections import resolve_inspection

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    if args.diff:
        return _print_diff(versions.compare(ws, inspection_id, *args.diff), args.json)
    rows = versions.versions(ws, inspection_id)
    if args.json:
        keep = ("id", "number", "purpose", "file_name", "sha256", "size", "letter_date", "by")
        shown = [{k: r[k] for k in keep} | {"at": r["created_at"]} for r in rows]
        print(json.dumps({"versions": shown}, indent=2))
        return 0
    if not rows:
        print("No version of the letter has been exported yet.")
    for r in rows:
        print(
            f"{r['number']:>3}  {r['created_at'][:16].replace('T', ' ')}  {r['by'] or '?':<20} "
            f"{versions.PURPOSES.get(r['purpose'], r['purpose'])}: {r['file_name']} "
            f"(sha256 {r['sha256'][:12]})"
        )
    return 0


def _print_diff(comparison, as_json: bool) -> int:
    if as_json:
        print(
            json.dumps(
                {
                    "older": comparison.older,
                    "newer": comparison.newer,
                    "sections": [
                        {"key": s.key, "heading": s.heading, "status": s.status, "lines": s.lines}
                        for s in comparison.changed_sections
                    ],
                    "findings": [vars(f) for f in comparison.findings],
                },
                indent=2,
            )
        )
        return 0
    print(f"From {comparison.older} to {comparison.newer}:")
    for section in comparison.changed_sections:
        print(f"\n{section.heading or section.key} ({section.status})")
        for line in section.lines:
            if not line.startswith("  "):
                print(f"  {line}")
    for finding in comparison.findings:
        print(f"\nFinding {finding.status}: {finding.title}")
    if not comparison.changed_sections and not comparison.findings:
        print("Nothing changed.")
    return 0


def cmd_accuracy(context, args) -> int:
    from .services import accuracy
    from .services.inspections import resolve_inspection

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    step = args.accuracy_command
    if step == "import":
        imported = accuracy.import_returned(ws, inspection_id, args.file)
        print(
            f"Imported {imported.added} item(s) for version {imported.version_number}"
            + (f"; {imported.already} were already imported." if imported.already else ".")
        )
        return 0
    if step == "list":
        return _print_items(accuracy.items(ws, inspection_id), args.json)
    if step == "decide":
        item = accuracy.find_item(ws, inspection_id, args.item)
        status = {"accept": "accepted", "reject": "rejected", "query": "queried"}[args.decision]
        accuracy.decide(ws, item.id, status, args.reason)
        print(f"{item.id[:8]}: {accuracy.STATUSES[status].lower()}.")
        return 0
    outcome = accuracy.export_responses(ws, inspection_id, Path(args.out))
    if not outcome.written:
        for hit in outcome.result.hits:
            print(f"{hit.kind} at {hit.location}: \u201c{hit.match}\u201d", file=sys.stderr)
        print("jtai-desktop: not exported: identifying details found.", file=sys.stderr)
        return 3
    print(f"Exported {outcome.path}.")
    return 0


def _print_items(found, as_json: bool) -> int:
    if as_json:
        keep = ("id", "kind", "section", "heading", "paragraph", "quoted", "comment", "author")
        rows = [
            {k: getattr(i, k) for k in keep}
            | {"status": i.status, "response": i.response, "decided_by": i.decided_by}
            for i in found
        ]
        print(json.dumps({"items": rows}, indent=2))
        return 0
    if not found:
        print("No factual-accuracy comments imported.")
    for i in found:
        where = f"{i.heading or i.section}, paragraph {i.paragraph}"
        quoted = f" on \u201c{i.quoted}\u201d" if i.quoted else ""
        print(f"{i.id[:8]}  [{i.status}]  {where}: {i.kind}{quoted}")
        print(f"          {i.author or 'unknown'}: {i.comment}")
        if i.response:
            print(f"          response ({i.decided_by}): {i.response}")
    return 0


def cmd_publish(context, args) -> int:
    from .services import letter
    from .services.inspections import resolve_inspection

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    on = _date(args.date) if args.date else None
    published, _changes = letter.publish(ws, inspection_id, args.version, on)
    print(
        f"Published version {published.version_number} on {published.published_on.isoformat()}."
        f"\nThe written statement of action is due on {published.wsoa_due.isoformat()}."
        f"\nProposed retention date: {published.retention_proposed.isoformat()} (set it with "
        f"'retention {args.inspection} {published.retention_proposed.isoformat()}')."
    )
    return 0


def cmd_letter(context, args) -> int:
    from .report.compose import wsoa_deadline
    from .services import letter
    from .services.inspections import resolve_inspection
    from .services.report import letter_inputs

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    changes = {
        "format": args.format,
        "letter_date": _date(args.date) if args.date else None,
        "principal_authority": args.principal,
        "sender": args.sender,
        "small_count_below": args.small_counts_below,
    }
    changes = {k: v for k, v in changes.items() if v is not None}
    if changes:
        letter.set_settings(ws, inspection_id, **changes)
    inputs = letter_inputs(ws, inspection_id, annexes=False)
    settings, row = inputs.settings, letter.letter_row(ws, inspection_id)
    shown = {
        "format": settings.format or "2022",
        "letter_date": inputs.letter_date.isoformat(),
        "principal_authority": settings.principal_authority or f"{inputs.area} Council",
        "sender": settings.sender or settings.principal_authority or f"{inputs.area} Council",
        "small_count_below": settings.small_count_below or 6,
        "statement_of_action_due": wsoa_deadline(inputs).isoformat(),
        "published_on": row.get("published_on"),
    }
    if args.json:
        print(json.dumps(shown, indent=2))
    else:
        for key, value in shown.items():
            print(f"{key.replace('_', ' ')}: {value if value is not None else '-'}")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{text!r} is not a date like 2027-01-15.") from None


COMMANDS = {
    "export-report": cmd_export_report,
    "versions": cmd_versions,
    "accuracy": cmd_accuracy,
    "letter": cmd_letter,
    "publish": cmd_publish,
}
