"""A tracked child's journey, offered to the lead beside a practice study: the timeline's key
events and what each agency's review saw, in the team's words. It stays on screen: the study
the lead writes from it tells the practice, not the child's details."""

from __future__ import annotations

from ..domain.records import EventKind
from .workspace import Workspace

EVENT_WORDS = {
    EventKind.CONTACT.value: "Contact",
    EventKind.REFERRAL.value: "Referral",
    EventKind.STRATEGY_DISCUSSION.value: "Strategy discussion",
    EventKind.SECTION_47.value: "Section 47 enquiry",
    EventKind.CONFERENCE.value: "Conference",
    EventKind.PLAN.value: "Plan",
    EventKind.EARLY_HELP.value: "Early help",
    EventKind.OTHER.value: "Event",
}


def journey(ws: Workspace, inspection_id: str, child_id: str) -> list[str]:
    agencies = {a["id"]: a["name"] for a in ws.rows("agency", inspection_id)}
    events = ws.rows("event", inspection_id, "child_id = ?", (child_id,), order_by="date, id")
    lines = [
        f"{EVENT_WORDS.get(e['kind'], 'Event')} ({agencies.get(e['agency_id'], 'an agency')}): "
        f"{e['summary'] or ''}".strip()
        for e in events
    ]
    reviews = ws.rows(
        "review",
        inspection_id,
        "child_id = ? AND observation != ''",
        (child_id,),
        order_by="criterion_id, agency_id",
    )
    lines += [
        f"{r['criterion_id']}, {agencies.get(r['agency_id'], 'an agency')}"
        f"{' (concern)' if r['concern'] else ' (strength)' if r['strength'] else ''}: "
        f"{r['observation']}"
        for r in reviews
    ]
    return lines
