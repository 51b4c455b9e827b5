"""The team's plan for the inspection: who looks at which child, organisation and session,
and the timetable of the on-site week with its clashes (one person, or one room, in two
places at once).

Pure Python: the services give rows, this module says what is missing and what collides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from itertools import combinations

from .records import StrEnum


class TimetableKind(StrEnum):
    MEETING = "meeting"
    INTERVIEW = "interview"
    FOCUS_GROUP = "focus_group"
    CASE_TRACKING = "case_tracking"
    OBSERVATION = "observation"
    TEAM = "team"  # the team's own meetings: moderation, the daily catch-up
    FEEDBACK = "feedback"  # to the area's leaders at the end of fieldwork


TIMETABLE_KINDS: dict[str, str] = {
    TimetableKind.MEETING: "Meeting",
    TimetableKind.INTERVIEW: "Interview",
    TimetableKind.FOCUS_GROUP: "Focus group",
    TimetableKind.CASE_TRACKING: "Case tracking",
    TimetableKind.OBSERVATION: "Observation of practice",
    TimetableKind.TEAM: "Team meeting",
    TimetableKind.FEEDBACK: "Feedback to leaders",
}

# What can be allocated to an inspector, by record kind.
ALLOCATABLE: dict[str, str] = {
    "child": "Child",
    "agency": "Organisation",
    "timetable_entry": "Session",
}

# Specialisms offered per inspectorate (a team may type another).
SPECIALISMS: dict[str, tuple[str, ...]] = {
    "ofsted": ("Social care", "Schools", "Early years"),
    "cqc": ("Children's health", "Adult health", "Mental health"),
    "hmicfrs": ("Police", "Public protection"),
    "hmi_probation": ("Youth justice", "Probation"),
}


@dataclass(frozen=True)
class Slot:
    """A timetable entry as the clash check sees it. ``people`` holds who attends: member ids
    of inspectors, and a key per other attendee (their role and organisation)."""

    entry_id: str
    day: date
    start: time
    end: time
    room: str | None
    people: frozenset[str]

    def overlaps(self, other: Slot) -> bool:
        return self.day == other.day and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Clash:
    """Two entries at overlapping times that share a person (``who``) or a room."""

    first: str
    second: str
    kind: str  # "person" or "room"
    who: str  # the shared member id / attendee key, or the room as written


def clashes(slots: Iterable[Slot]) -> list[Clash]:
    """Every clash between two entries, in the order of the entries given."""
    found: list[Clash] = []
    for a, b in combinations(list(slots), 2):
        if not a.overlaps(b):
            continue
        for person in sorted(a.people & b.people):
            found.append(Clash(a.entry_id, b.entry_id, "person", person))
        if a.room and b.room and room_key(a.room) == room_key(b.room):
            found.append(Clash(a.entry_id, b.entry_id, "room", a.room))
    return found


def room_key(room: str) -> str:
    """Rooms as people write them: "Room 2", "room  2" and "ROOM 2" are one room."""
    return " ".join(room.casefold().split())


def attendee_key(role: str, agency_id: str | None) -> str:
    """One other attendee, by role and organisation: staff are recorded by job title, so the
    same title in the same organisation is taken to be the same person."""
    return f"{' '.join(role.casefold().split())}|{agency_id or ''}"


def allocation_gaps(
    items: Iterable[tuple[str, str]], allocated: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The (kind, id) items that nobody is allocated to, in the order given."""
    covered = set(allocated)
    return [item for item in items if item not in covered]
