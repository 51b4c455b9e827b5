"""The demo's coding: passages of the notes, case reviews and evidence coded as inspectors
would, and the findings resting on some of them, so the evidence matrix, a finding's spread
and the sufficiency view show something real on the demo.

It runs after the rest of the demo (``demo.later_steps``) from the same seeded generator, so
a seed gives the same codes every time and the records before them are as they were.
"""

from __future__ import annotations

import re

from ..domain.coding import CONCERN, STRENGTH
from ..domain.review_scope import criteria_offered
from .coding import add_code
from .triangulation import link_source

SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
LEADERS = ("manager", "lead", "head", "designated", "principal", "named")


def code_demo(builder, inspection_id: str) -> None:
    organisations = {o["id"]: o for o in builder.ws.rows("agency", inspection_id)}
    codes: dict[str, list[str]] = {}  # organisation id -> codes naming it
    for note in builder.ws.rows("note", inspection_id, order_by="id"):
        for code_id, organisation_id in _code_note(builder, note, organisations):
            codes.setdefault(organisation_id, []).append(code_id)
    _code_reviews(builder, inspection_id, organisations)
    _rest_findings(builder, inspection_id, codes)


def _code_note(builder, note: dict, organisations: dict) -> list[tuple[str, str]]:
    rng = builder.rng
    sentences = list(SENTENCE.finditer(note["text"] or ""))
    attendees = [a for a in note["attendees"] or [] if a.get("agency") in organisations]
    if not sentences or not attendees:
        return []
    made = []
    for match in rng.sample(sentences, min(len(sentences), rng.randint(1, 2))):
        attendee = rng.choice(attendees)
        organisation = organisations[attendee["agency"]]
        criteria = [c.id for c in criteria_offered(builder.pack, organisation)]
        if not criteria:
            continue
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        ws = builder.inspector_for(organisation)
        changes = add_code(
            ws,
            "note",
            note["id"],
            start=start,
            end=match.end(),
            criterion_id=rng.choice(criteria),
            agencies=[organisation["id"]],
            mark=_mark(builder, organisation["id"]),
            voice=_voice(rng, note, attendee),
        )
        made.append((changes.entity_id, organisation["id"]))
    return made


def _code_reviews(builder, inspection_id: str, organisations: dict) -> None:
    """A quarter of the case reviews have a passage of their observation coded, with the
    child's voice where the observation speaks of what the child said."""
    rng = builder.rng
    for review in builder.ws.rows("review", inspection_id, order_by="id"):
        text = review["observation"] or ""
        sentences = list(SENTENCE.finditer(text))
        organisation = organisations.get(review["agency_id"])
        if not sentences or organisation is None or rng.random() >= 0.25:
            continue
        match = rng.choice(sentences)
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        add_code(
            builder.inspector_for(organisation),
            "review",
            review["id"],
            start=start,
            end=match.end(),
            criterion_id=review["criterion_id"],
            agencies=[organisation["id"]],
            mark=CONCERN if review["concern"] else STRENGTH,
            voice="child" if "child" in match.group().lower() and rng.random() < 0.5 else None,
        )


def _rest_findings(builder, inspection_id: str, codes: dict[str, list[str]]) -> None:
    """Each finding about an organisation rests on a few of its coded passages and reviews:
    most reach the default rule, some stay short of it for the lead to see."""
    rng = builder.rng
    lead = builder.team[0]
    for finding in builder.ws.rows("finding", inspection_id, order_by="id"):
        named = [a for a in finding["agencies"] or [] if a in codes]
        pool = sorted({c for a in named for c in codes[a]})
        for code_id in rng.sample(pool, min(len(pool), rng.randint(0, 3))):
            link_source(lead, finding["id"], "code", code_id)
        reviews = (
            [
                r["id"]
                for r in builder.ws.rows("review", inspection_id, "agency_id = ?", (named[0],))
            ]
            if named
            else []
        )
        for review_id in rng.sample(reviews, min(len(reviews), rng.randint(0, 2))):
            link_source(lead, finding["id"], "review", review_id)


def _mark(builder, organisation_id: str) -> str:
    tendency = builder.tendency.get(organisation_id, 0.5)
    return STRENGTH if builder.rng.random() < tendency else CONCERN


def _voice(rng, note: dict, attendee: dict) -> str | None:
    if note["kind"] == "observation":
        return "observation"
    if note["children_or_families_present"] and rng.random() < 0.5:
        return rng.choice(("child", "family"))
    role = (attendee.get("role") or "").lower()
    if any(word in role for word in LEADERS):
        return "manager" if "manager" in role else "leader"
    return "practitioner" if rng.random() < 0.8 else None
