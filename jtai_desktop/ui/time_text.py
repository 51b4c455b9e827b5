"""Dates and times as the screens show them: the one place that turns them into text, in
the UK's conventions (day before month, 24-hour clock, no leading zeros: "5 Oct 2026",
"Monday 5 October 2026", "14:05"), and the one place a date box reads and shows its date.

A test (tests/ui/test_date_text.py) fails if any other module of the desktop formats a
date itself (strftime, toString, isoformat for display), so the app keeps one date format.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt

if TYPE_CHECKING:  # a date box's class loads with the first date box
    from PySide6.QtWidgets import QDateEdit

DATE_EDIT_FORMAT = "d MMM yyyy"  # what a date box shows: "5 Oct 2026"


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


def _as_date(value: date | str | None) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def local_date(value: date | str | None) -> str:
    """A date (or an ISO date) as "3 May 2026"; text that is not a date is shown as it is."""
    day = _as_date(value)
    if day is None:
        return value if isinstance(value, str) else ""
    return f"{day.day} {day:%b %Y}"


def long_date(value: date | str | None) -> str:
    """A date written out, for headings and milestones: "Monday 5 October 2026"."""
    day = _as_date(value)
    if day is None:
        return value if isinstance(value, str) else ""
    return f"{day:%A} {day.day} {day:%B %Y}"


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


def clock_text(moment: time) -> str:
    """A time of day on the 24-hour clock: "09:00", "17:30"."""
    return f"{moment:%H:%M}"


def clock_now(*, seconds: bool = True) -> str:
    """The time now, to the second ("Saved at 14:05:09") or the minute ("Exported at 14:05")."""
    return datetime.now().strftime("%H:%M:%S" if seconds else "%H:%M")


# --- date boxes -----------------------------------------------------------------------------
def date_edit(parent=None) -> QDateEdit:
    """A date box showing "5 Oct 2026", with a calendar to pick from."""
    from PySide6.QtWidgets import QDateEdit

    edit = QDateEdit(parent)
    setup_date_edit(edit)
    return edit


def setup_date_edit(edit: QDateEdit) -> None:
    """Give a date box (one a Designer form made, too) the app's date format."""
    edit.setDisplayFormat(DATE_EDIT_FORMAT)
    edit.setCalendarPopup(True)


def qdate(value: date | str | None) -> QDate:
    """What a date box shows for a date (an invalid QDate for none)."""
    day = _as_date(value)
    return QDate(day.year, day.month, day.day) if day else QDate()


def iso_date(value: QDate) -> str:
    """A date box's date as stored: "2026-10-05" ("" when it has none)."""
    return value.toString(Qt.DateFormat.ISODate) if value.isValid() else ""


def to_date(value: QDate) -> date | None:
    return _as_date(iso_date(value))


def typed_date(text: str) -> str:
    """A date typed the UK way (02/08/2016, 2/8/2016) as stored (2016-08-02); other text
    is returned as it is, for the services to accept or explain."""
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date().isoformat()
    except ValueError:
        return text


UNKNOWN_DATE = QDate(1900, 1, 1)  # a date box's "not known": its minimum, shown as words


def allow_unknown_date(edit: QDateEdit, text: str) -> None:
    """Let a date box show and keep "not known" (``text``) as well as a date."""
    edit.setMinimumDate(UNKNOWN_DATE)
    edit.setSpecialValueText(text)


def show_date(edit: QDateEdit, value: date | str | None) -> None:
    """Show a stored date in a date box; none shows as "not known" where the box allows it."""
    edit.setDate(qdate(value) if _as_date(value) else edit.minimumDate())


def edited_date(edit: QDateEdit) -> str | None:
    """A date box's date as stored: None for "not known"."""
    day = edit.date()
    if edit.specialValueText() and day == edit.minimumDate():
        return None
    return iso_date(day)
