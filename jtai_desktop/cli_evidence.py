"""``coverage`` and ``triangulation``: the evidence matrix and each finding's spread."""

from __future__ import annotations

import argparse

from .cli_common import add_report_parser, print_report_json
from .domain.coding import MATRIX_MARKS, SOURCE_KINDS

COVERAGE_HELP = "the evidence matrix: sources per criterion and organisation, by kind and mark"
TRIANGULATION_HELP = "each finding's sources, their spread and whether it meets the lead's rule"
MARK_LETTERS = {"strength": "S", "concern": "C", "noted": "N"}


def add_parsers(commands) -> None:
    add_report_parser(
        commands,
        "coverage",
        COVERAGE_HELP,
        (
            "For each criterion and organisation with any source: how many distinct sources "
            "speak to it, by kind (coded passages of notes, case reviews, front door samples, "
            "evidence items) and mark (S strength, C concern, N neither), and the voices "
            "heard. A coded passage counts as the record it is in."
        ),
    )
    add_report_parser(
        commands,
        "triangulation",
        TRIANGULATION_HELP,
        (
            "Each finding (priority actions first): how many sources it rests on (cited "
            "evidence, linked coded passages, reviews and front door samples), of how many "
            "kinds, from how many organisations and voices, and whether it meets the lead's "
            "rule (by default at least 3 sources of 2 kinds)."
        ),
    )


def cmd_coverage(context, args: argparse.Namespace) -> int:
    from .services.evidence_matrix import evidence_matrix
    from .services.inspections import resolve_inspection

    inspection_id = resolve_inspection(context.workspace, args.inspection)
    matrix = evidence_matrix(context.workspace, inspection_id)
    data = matrix.as_json()
    if args.json:
        return print_report_json(inspection_id, data)
    if not data["cells"]:
        print("Nothing is coded or linked to a criterion and an organisation yet.")
        return 0
    print("\n".join(coverage_lines(data)))
    return 0


def coverage_lines(data: dict) -> list[str]:
    kinds = list(SOURCE_KINDS)
    header = ["criterion", "organisation", "sources", *kinds, "voices"]
    rows = [header]
    for cell in data["cells"]:
        rows.append(
            [
                cell["criterion_id"],
                cell["organisation"] or cell["organisation_id"],
                str(cell["sources"]),
                *(_marks(cell["counts"].get(kind, {})) for kind in kinds),
                ", ".join(cell["voices"]) or "-",
            ]
        )
    widths = [max(len(row[n]) for row in rows) for n in range(len(header))]
    legend = "Marks: " + ", ".join(
        f"{MARK_LETTERS[m]} {label.lower()}" for m, label in MATRIX_MARKS.items()
    )
    return [legend] + ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]


def _marks(counts: dict[str, int]) -> str:
    return " ".join(f"{MARK_LETTERS[m]}{counts[m]}" for m in MATRIX_MARKS if counts.get(m)) or "-"


def cmd_triangulation(context, args: argparse.Namespace) -> int:
    from .services.inspections import resolve_inspection
    from .services.triangulation import evidence_rule, findings_spread

    ws = context.workspace
    inspection_id = resolve_inspection(ws, args.inspection)
    rule = evidence_rule(ws, inspection_id)
    spreads = findings_spread(ws, inspection_id)
    if args.json:
        rule_json = {"min_sources": rule.min_sources, "min_kinds": rule.min_kinds}
        findings = [s.as_json() for s in spreads]
        return print_report_json(inspection_id, {"rule": rule_json, "findings": findings})
    if not spreads:
        print("No findings yet.")
        return 0
    print(f"Rule: {rule.describe()}.")
    for spread in spreads:
        s = spread.spread
        verdict = "meets the rule" if spread.meets_rule else f"BELOW: needs {s.shortfall(rule)}"
        print(
            f"{spread.finding['title']}: {s.sources} sources, {len(s.kinds)} kinds, "
            f"{len(s.organisations)} organisations, {len(s.voices)} voices; {verdict}"
        )
    return 0


COMMANDS = {"coverage": cmd_coverage, "triangulation": cmd_triangulation}
