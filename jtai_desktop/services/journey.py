"""A child's journey: everything the team holds about one case, per organisation, in date
order. The lead reads it to moderate the case reviews and to write practice studies.

It brings together the timeline of key events, the case reviews, the evaluations of the area's
own audits, the notes of meetings and interviews that discussed the child, and the evidence
linked to the child or to their reviews. Each entry sits under the organisation it is about,
or under "several or none" when it speaks of more than one (a strategy discussion note) or of
none. Nothing here holds a child's identifying details: only the pseudonym is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.organisations import organisation_order
from ..domain.record_types import AgencyRow
from ..domain.records import LinkTarget
from .children import involved_agencies
from .inspections import theme_pack
from .workspace import Workspace

# Order of kinds on the same day: what happened, then what the team made of it.
KINDS = ("event", "note", "review", "audit", "evidence")


@dataclass(frozen=True)
class JourneyEntry:
    day: date
    kind: str  # one of KINDS
    organisation_id: str | None  # None: several organisations, or none
    title: str
    text: str
    entity: str  # the record kind, to open it
    record_id: str
    flags: tuple[str, ...] = ()  # "strength", "concern", "moderated", a rating, an agreement


@dataclass(frozen=True)
class Journey:
    child_id: str
    pseudonym: str
    selection: str
    organisations: tuple[AgencyRow, ...]  # the organisations involved, in display order
    entries: tuple[JourneyEntry, ...]  # in date order

    def column_of(self, entry: JourneyEntry) -> int:
        """0 for "several or none", then 1.. for the organisations in order."""
        for number, organisation in enumerate(self.organisations, start=1):
            if organisation["id"] == entry.organisation_id:
                return number
        return 0


def journey(ws: Workspace, child_id: str) -> Journey:
    child = ws.require("child", child_id)
    inspection_id = child["inspection_id"]
    organisations = tuple(involved_agencies(ws, child))
    involved = {o["id"] for o in organisations}
    names = {a["id"]: a["name"] for a in ws.rows("agency", inspection_id)}
    reviews = ws.rows("review", inspection_id, "child_id = ?", (child_id,))
    entries = [
        *_events(ws, child_id, inspection_id, involved),
        *_reviews(ws, inspection_id, reviews),
        *_audits(ws, inspection_id, child_id, names),
        *_notes(ws, inspection_id, child_id, involved, names),
        *_evidence(ws, inspection_id, child_id, reviews, involved),
    ]
    order = {o["id"]: organisation_order(o) for o in organisations}
    entries.sort(
        key=lambda e: (
            e.day,
            KINDS.index(e.kind),
            order.get(e.organisation_id or "", (99,)),
            e.title,
            e.record_id,
        )
    )
    return Journey(child_id, child["pseudonym"], child["selection"], organisations, tuple(entries))


def _day(value: str | None) -> date:
    """A record's date: its own date field, or the day an ISO stamp falls on."""
    return date.fromisoformat((value or "1970-01-01")[:10])


def _events(ws, child_id, inspection_id, involved) -> list[JourneyEntry]:
    rows = ws.rows("event", inspection_id, "child_id = ?", (child_id,))
    return [
        JourneyEntry(
            _day(e["date"]),
            "event",
            e["agency_id"] if e["agency_id"] in involved else None,
            (e["kind"] or "").replace("_", " ").capitalize(),
            e["summary"] or "",
            "event",
            e["id"],
        )
        for e in rows
    ]


def _reviews(ws, inspection_id, reviews) -> list[JourneyEntry]:
    pack = theme_pack(ws, inspection_id)
    titles = {c.id: c.title for c in pack.criteria}
    found = []
    for r in reviews:
        flags = tuple(
            flag
            for flag, on in (
                ("strength", r["strength"]),
                ("concern", r["concern"]),
                ("moderated", r["moderated"]),
            )
            if on
        ) + ((r["rating"],) if r["rating"] else ())
        found.append(
            JourneyEntry(
                _day(r["created_at"]),  # when it was written: moderating it moves nothing
                "review",
                r["agency_id"],
                f"{r['criterion_id']} {titles.get(r['criterion_id'], '')}".strip(),
                r["observation"] or "",
                "review",
                r["id"],
                flags,
            )
        )
    return found


def _audits(ws, inspection_id, child_id, names) -> list[JourneyEntry]:
    rows = ws.rows("audit_eval", inspection_id, "child_id = ?", (child_id,))
    found = []
    for a in rows:
        whose = names.get(a["agency_id"] or "", "")
        text = "\n".join(
            part
            for part in (
                f"The audit: {a['area_summary']}" if a["area_summary"] else "",
                f"Our evaluation: {a['evaluation']}" if a["evaluation"] else "",
            )
            if part
        )
        found.append(
            JourneyEntry(
                _day(a["created_at"]),
                "audit",
                a["agency_id"],
                f"{whose}'s own audit" if whose else "The multi-agency audit",
                text,
                "audit_eval",
                a["id"],
                (a["agreement"],) if a["agreement"] else (),
            )
        )
    return found


def _notes(ws, inspection_id, child_id, involved, names) -> list[JourneyEntry]:
    found = []
    # Ids are hex: a note naming the child holds its id in its JSON list of children.
    for note in ws.rows("note", inspection_id, "children LIKE ?", (f'%"{child_id}"%',)):
        if child_id not in (note["children"] or []):
            continue
        attending = {a.get("agency") for a in note["attendees"] or [] if a.get("agency")}
        ours = attending & involved
        who = ", ".join(sorted(names.get(a, "") for a in attending if a in names))
        found.append(
            JourneyEntry(
                _day(note["date"] or note["created_at"]),
                "note",
                next(iter(ours)) if len(ours) == 1 else None,
                f"{(note['kind'] or '').replace('_', ' ').capitalize()}: {note['title'] or ''}",
                f"With {who}." if who else "",
                "note",
                note["id"],
            )
        )
    return found


def _evidence(ws, inspection_id, child_id, reviews, involved) -> list[JourneyEntry]:
    """Evidence linked to the child or to one of their reviews, under the organisation it is
    linked to (or its review's organisation)."""
    review_org = {r["id"]: r["agency_id"] for r in reviews}
    items: dict[str, set[str]] = {}
    for link in _links_to(ws, inspection_id, LinkTarget.CHILD.value, [child_id]):
        items.setdefault(link["evidence_id"], set())
    for link in _links_to(ws, inspection_id, LinkTarget.REVIEW.value, list(review_org)):
        items.setdefault(link["evidence_id"], set()).add(review_org[link["target_id"]])
    marks = ", ".join("?" for _ in items)
    agency_links = (
        ws.rows(
            "link",
            inspection_id,
            f"target_kind = ? AND evidence_id IN ({marks})",
            (LinkTarget.AGENCY.value, *items),
        )
        if items
        else []
    )
    for link in agency_links:  # an item about the child linked to one organisation sits under it
        if link["target_id"] in involved:
            items[link["evidence_id"]].add(link["target_id"])
    found = []
    for evidence_id, orgs in items.items():
        item = ws.get("evidence", evidence_id)
        if item is None:
            continue
        found.append(
            JourneyEntry(
                _day(item["date"] or item["created_at"]),
                "evidence",
                next(iter(orgs)) if len(orgs) == 1 else None,
                f"{item['ref']} {item['title'] or ''}".strip(),
                item["description"] or "",
                "evidence",
                item["id"],
                (item["source"],) if item["source"] else (),
            )
        )
    return found


def _links_to(ws, inspection_id: str, kind: str, targets: list[str]) -> list[dict]:
    if not targets:
        return []
    marks = ", ".join("?" for _ in targets)
    return ws.rows(
        "link",
        inspection_id,
        f"target_kind = ? AND target_id IN ({marks})",
        (kind, *targets),
    )


# --- beside a practice study ----------------------------------------------------------------
EVENT_WORDS = {
    "contact": "Contact",
    "referral": "Referral",
    "strategy_discussion": "Strategy discussion",
    "section_47": "Section 47 enquiry",
    "conference": "Conference",
    "plan": "Plan",
    "early_help": "Early help",
    "other": "Event",
}


def practice_study_lines(ws: Workspace, inspection_id: str, child_id: str) -> list[str]:
    """A tracked child's journey as the lead reads it beside a practice study: the timeline's
    key events, then what each organisation's review saw, in the team's words. It stays on
    screen: the study written from it tells the practice, not the child's details."""
    del inspection_id  # the child's record says which inspection it belongs to
    found = journey(ws, child_id)
    names = {o["id"]: o["name"] for o in found.organisations}
    events = [
        f"{EVENT_WORDS.get(_event_kind(e), 'Event')} "
        f"({names.get(e.organisation_id or '', 'an agency')}): {e.text}".strip()
        for e in found.entries
        if e.kind == "event"
    ]
    reviews = sorted(
        (e for e in found.entries if e.kind == "review" and e.text.strip()),
        key=lambda e: (e.title, names.get(e.organisation_id or "", "")),
    )
    return events + [
        f"{e.title.split()[0]}, {names.get(e.organisation_id or '', 'an agency')}"
        f"{_mark(e)}: {e.text}"
        for e in reviews
    ]


def _mark(entry: JourneyEntry) -> str:
    if "concern" in entry.flags:
        return " (concern)"
    return " (strength)" if "strength" in entry.flags else ""


def _event_kind(entry: JourneyEntry) -> str:
    return entry.title.lower().replace(" ", "_") if entry.title else "other"
