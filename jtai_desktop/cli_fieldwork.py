"""``timeliness``: the front door's step timings on the command line."""

from __future__ import annotations

import argparse

from .cli_common import add_report_parser, print_report_json

TIMELINESS_HELP = "the front door's step timings (median, 90th percentile, count over target)"


def add_parsers(commands) -> None:
    add_report_parser(
        commands,
        "timeliness",
        TIMELINESS_HELP,
        (
            "Working hours (inside the team's office day, on working days: weekends and "
            "England-and-Wales bank holidays excluded) and working days between the front "
            "door's steps, over every sampled contact: median, 90th percentile and how many "
            "took longer than the team's target. A sample without the time of either step is "
            "counted in working days only."
        ),
    )


def cmd_timeliness(context, args: argparse.Namespace) -> int:
    from .services.inspections import resolve_inspection
    from .services.timeliness import timeliness

    inspection_id = resolve_inspection(context.workspace, args.inspection)
    report = timeliness(context.workspace, inspection_id)
    if args.json:
        return print_report_json(inspection_id, report.as_json(), sort_keys=False)
    if report.samples == 0:
        print("No front door samples yet: nothing to time.")
        return 0
    print("\n".join(timeliness_table(report)))
    return 0


HEADERS = (
    "step",
    "target h",
    "samples",
    "timed",
    "median h",
    "90th h",
    "over",
    "median d",
    "90th d",
)


def timeliness_table(report) -> list[str]:
    day = report.targets.office_day
    rows = [HEADERS]
    for d in report.distributions:
        rows.append(
            (
                d.interval.label,
                str(d.target_hours),
                str(d.count),
                str(d.timed),
                _figure(d.median_hours),
                _figure(d.p90_hours),
                str(d.over_target) if d.timed else "-",
                _figure(d.median_days, ".1f"),
                _figure(d.p90_days, ".0f"),
            )
        )
    widths = [max(len(row[n]) for row in rows) for n in range(len(HEADERS))]
    lines = [
        f"{report.samples} sampled contacts; working hours {day.start:%H:%M}-{day.end:%H:%M} "
        "on working days (h: working hours, d: working days; over: timed samples over target)."
    ]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    return lines


def _figure(value: float | None, spec: str = ".1f") -> str:
    return "-" if value is None else format(value, spec)


COMMANDS = {"timeliness": cmd_timeliness}
