"""What the command modules share: a report command's parser and JSON output, progress on
standard error, and writing an output file whole."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_report_parser(commands, name: str, help_text: str, description: str):
    """A command that reports on one inspection, as text or (``--json``) as JSON."""
    parser = commands.add_parser(name, help=help_text, description=description)
    parser.add_argument("inspection", metavar="INSPECTION", help="id or unique prefix")
    parser.add_argument("--json", action="store_true")
    return parser


def print_report_json(inspection_id: str, report: dict, *, sort_keys: bool = True) -> int:
    """A report command's ``--json`` output: the inspection's id beside the report's fields."""
    document = {"inspection_id": inspection_id, **report}
    print(json.dumps(document, indent=2, sort_keys=sort_keys))
    return 0


def stderr_progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        print(
            f"\r{label}: {done}/{total}   ",
            end="" if done < total else "\n",
            file=sys.stderr,
            flush=True,
        )


def write_atomically(target: Path, data: bytes) -> None:
    from .files import write_atomically as write  # loaded when a command writes a file

    write(target, data)
