"""Times and dates as the screens show them: one way for every page and dialog."""

from __future__ import annotations

from datetime import date, datetime


def local_time(iso: str | None, *, with_year: bool = False, now: datetime | None = None) -> str:
    """An ISO 8601 time (UTC "Z" or with an offset) as this computer's local time, short:
    "14:05" today, else "3 May 14:05", with the year when it is not this year (or always,
    ``with_year``). Text that is not a time is shown as it is."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    moment = moment.astimezone() if moment.tzinfo is not None else moment
    now = now or datetime.now().astimezone()
    if moment.date() == now.date() and not with_year:
        return f"{moment:%H:%M}"
    year = f" {moment.year}" if with_year or moment.year != now.year else ""
    return f"{moment.day} {moment:%b}{year} {moment:%H:%M}"


def local_date(iso: str | None) -> str:
    """An ISO date as "3 May 2026" (the text as it is if it is not a date)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%b %Y}"


def local_day(iso: str | None) -> str:
    """An ISO date with its weekday, "Mon 19 Oct 2026": a day of the fieldwork timetable."""
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return iso or ""
    return f"{day:%a} {local_date(iso)}"


def local_moment(iso: str | None, at: str | None) -> str:
    """An ISO date with its time of day when known: "5 Apr 2026 16:30"."""
    text = local_date(iso)
    return f"{text} {at}" if text and at else text


def clock_now(*, seconds: bool = True) -> str:
    """The time now, to the second ("Saved at 14:05:09") or the minute ("Exported at 14:05")."""
    return datetime.now().strftime("%H:%M:%S" if seconds else "%H:%M")
