"""How long the front door took over the sample: the team's targets and office day (the
lead's to set), each sample's timings in working hours and working days, the distribution
per step, and keeping today's counts as evidence that findings cite."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from ..domain.errors import ValidationError
from ..domain.front_door import INTERVALS, Interval
from ..domain.record_types import Row
from ..domain.sensible_dates import parse_time
from ..domain.timeliness import (
    DAY_END,
    DAY_START,
    Distribution,
    Moment,
    OfficeDay,
    Timing,
    distribution,
    timing,
)
from .changes import ChangeSet
from .front_door import samples
from .ids import derived_id
from .team import is_lead
from .workspace import Workspace


@dataclass(frozen=True)
class Targets:
    office_day: OfficeDay
    hours: dict[str, int]  # interval key -> target in working hours


def settings_id(inspection_id: str) -> str:
    return derived_id("front_door_settings", inspection_id)


def targets(ws: Workspace, inspection_id: str) -> Targets:
    row: Row = ws.get("front_door_settings", settings_id(inspection_id)) or {}
    try:
        day = OfficeDay(
            _time_or(row.get("day_start"), DAY_START), _time_or(row.get("day_end"), DAY_END)
        )
    except ValidationError:  # a start and an end changed on two laptops at once
        day = OfficeDay()
    hours: dict[str, int] = {
        i.key: row.get(f"{i.key}_target") or i.default_target_hours for i in INTERVALS
    }
    return Targets(day, hours)


def _time_or(text: str | None, default: time) -> time:
    return time.fromisoformat(text) if text else default


def set_targets(
    ws: Workspace,
    inspection_id: str,
    *,
    day_start: str,
    day_end: str,
    hours: dict[str, int],
) -> ChangeSet:
    """The team's targets are the lead's to set, like the inspection's other settings."""
    if not is_lead(ws, inspection_id):
        raise ValidationError(
            "Only the lead inspector sets the front door's targets; ask your lead to change them."
        )
    start = parse_time(day_start, "The start of the office day")
    end = parse_time(day_end, "The end of the office day")
    if start is None or end is None:
        raise ValidationError("Give the office day's start and end, e.g. 09:00 and 17:00.")
    OfficeDay(time.fromisoformat(start), time.fromisoformat(end))  # refuses an empty day
    values: dict = {"day_start": start, "day_end": end}
    for key, target in hours.items():
        if key not in {i.key for i in INTERVALS}:
            raise ValidationError(f"There is no front door interval called {key!r}.")
        if isinstance(target, bool) or not isinstance(target, int) or not 1 <= target <= 400:
            raise ValidationError(
                "A timeliness target must be a whole number of working hours from 1 to 400."
            )
        values[f"{key}_target"] = target
    return ws.upsert(
        "front_door_settings",
        inspection_id,
        settings_id(inspection_id),
        values,
        label="Change the front door's targets",
    )


def moment(row: Row, step: str) -> Moment | None:
    day = row.get(f"{step}_date")
    if not day:
        return None
    at = row.get(f"{step}_time")
    return Moment(date.fromisoformat(day), time.fromisoformat(at) if at else None)


def sample_timings(row: Row, day: OfficeDay) -> dict[str, Timing | None]:
    """Each interval of one sample, or None where either of its steps is not dated."""
    result: dict[str, Timing | None] = {}
    for interval in INTERVALS:
        start, end = moment(row, interval.start), moment(row, interval.end)
        result[interval.key] = timing(start, end, day) if start and end else None
    return result


@dataclass(frozen=True)
class Timeliness:
    samples: int
    targets: Targets
    distributions: tuple[Distribution, ...]

    def as_json(self) -> dict:
        day = self.targets.office_day
        return {
            "samples": self.samples,
            "office_day": {"start": f"{day.start:%H:%M}", "end": f"{day.end:%H:%M}"},
            "steps": [_distribution_json(d) for d in self.distributions],
        }


def timeliness(ws: Workspace, inspection_id: str) -> Timeliness:
    chosen = targets(ws, inspection_id)
    rows = samples(ws, inspection_id)
    timings = [sample_timings(row, chosen.office_day) for row in rows]
    return Timeliness(
        samples=len(rows),
        targets=chosen,
        distributions=tuple(
            distribution(i, _present(timings, i), chosen.hours[i.key]) for i in INTERVALS
        ),
    )


def _present(timings: list[dict[str, Timing | None]], interval: Interval) -> list[Timing]:
    return [found for t in timings if (found := t[interval.key]) is not None]


def _distribution_json(d: Distribution) -> dict:
    return {
        "step": d.interval.key,
        "label": d.interval.label,
        "target_working_hours": d.target_hours,
        "count": d.count,
        "timed": d.timed,
        "median_working_hours": _rounded(d.median_hours),
        "p90_working_hours": _rounded(d.p90_hours),
        "over_target": d.over_target,
        "median_working_days": d.median_days,
        "p90_working_days": d.p90_days,
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


# --- citing the counts ------------------------------------------------------------------------
def cite_timeliness(
    ws: Workspace, inspection_id: str, finding_ids: list[str], *, on: date | None = None
) -> ChangeSet:
    """Keep today's timings as an evidence item (the team's data, a small text file of counts
    with no child in it) and cite it from each finding given: one edit, undone as one."""
    from . import evidence, findings

    on = on or date.today()
    report = timeliness(ws, inspection_id)
    if report.samples == 0:
        raise ValidationError("There are no front door samples to cite yet: add some first.")
    text = "\n".join(describe(report, heading=f"Front door timeliness on {on.isoformat()}"))
    with ws.transaction():
        changes = evidence.add_evidence(
            ws,
            inspection_id,
            title=f"Front door timeliness ({report.samples} samples)",
            source="data",
            date=on,
            data=(text + "\n").encode("utf-8"),
            file_name=f"front-door-timeliness-{on.isoformat()}.txt",
            media_type="text/plain",
            description=text,
        )
        for finding_id in finding_ids:
            changes += findings.cite(ws, finding_id, changes.entity_id)
    return ChangeSet("Cite the front door's timeliness", changes.changes)


def describe(report: Timeliness, heading: str = "Front door timeliness") -> list[str]:
    """The timings as lines of plain text (the command line and the cited evidence)."""
    day = report.targets.office_day
    lines = [
        f"{heading}: {report.samples} sampled contacts.",
        f"Working hours are {day.start:%H:%M} to {day.end:%H:%M} on working days (weekends "
        "and England-and-Wales bank holidays excluded).",
    ]
    for d in report.distributions:
        lines.append(describe_distribution(d))
    return lines


def describe_distribution(d: Distribution) -> str:
    if d.count == 0:
        return f"{d.interval.label}: no sample reached this step."
    parts = [f"{d.interval.label}: {d.count} samples"]
    if d.timed:
        parts.append(
            f"median {d.median_hours:.1f} working hours, 90th percentile {d.p90_hours:.1f}; "
            f"{d.over_target} of {d.timed} over the {d.target_hours}-hour target"
        )
    if d.untimed:
        parts.append(f"{d.untimed} without a time (counted in days only)")
    parts.append(f"median {_days(d.median_days)} working days, 90th percentile {_days(d.p90_days)}")
    return "; ".join(parts) + "."


def _days(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
