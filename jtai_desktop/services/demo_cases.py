"""The demo's casework, written so that it holds together as a real inspection's would.

Each review's marks follow its rating and its words (a "Strong" practice is a strength, "Weak"
or "Unsafe" a concern, "Adequate" neither), and both follow how good practice is in the child's
case and in the organisation's work. Each organisation's review is written by an inspector of
the inspectorate that inspects it; findings speak of the organisation they name and cite
evidence about it; the area's own audits are evaluated per organisation that audited.
"""

from __future__ import annotations

from datetime import timedelta

from ..domain.calendar import add_working_days
from ..domain.record_types import AgencyRow, Row
from ..domain.records import EventKind, EvidenceSource, NoteKind
from ..domain.review_scope import criteria_offered
from ..domain.theme_model import AREA
from . import area_reviews as area
from . import children, evidence, notes, sampling
from . import demo_organisations as banks
from . import demo_text as text
from . import findings as findings_service
from . import reviews as case_reviews

EVENT_ACTORS = (  # (kind of event, who usually acts on it)
    (EventKind.CONTACT, ("police", "maternity", "health_visiting", "emergency_department")),
    (EventKind.REFERRAL, ("police", "health_visiting", "school", "early_years")),
    (EventKind.STRATEGY_DISCUSSION, ("front_door", "social_work")),
    (EventKind.SECTION_47, ("social_work",)),
    (EventKind.CONFERENCE, ("social_work",)),
    (EventKind.PLAN, ("social_work",)),
)


def _good(builder, child_id: str | None, organisation: Row) -> bool:
    """Whether one piece of this organisation's practice (in this child's case) was good."""
    tendency = builder.tendency.get(organisation["id"], 0.6)
    quality = builder.quality.get(child_id, tendency) if child_id else tendency
    return builder.rng.random() < (tendency + quality) / 2


def _level(builder, good: bool) -> str:
    if good:
        return "Strong" if builder.rng.random() < 0.6 else "Adequate"
    return "Unsafe" if builder.rng.random() < 0.15 else "Weak"


def _said(builder, organisation: Row, good: bool, unlike: set[str] | None = None) -> str:
    """A case review's words about an organisation's practice, good or not; unlike any of
    ``unlike`` (what was already said in the case about it) while the words allow."""
    rng = builder.rng
    practice = rng.choice(banks.PRACTICE[banks.key_of(organisation)][0 if good else 1])
    effect = rng.choice(text.GOOD_EFFECT if good else text.WEAK_EFFECT)
    seen = rng.choice(text.SEEN)
    # Another opening rather than another draw: the demo's later records stay as they were.
    openings = text.SEEN[text.SEEN.index(seen) :] + text.SEEN[: text.SEEN.index(seen)]
    said = [f"{opening} {practice}. {effect}" for opening in openings]
    return next((s for s in said if s not in (unlike or ())), said[0])


# --- a child's case ------------------------------------------------------------------------
def timeline(builder, ws, child_id: str, involved: list[AgencyRow]) -> None:
    """Key events in the look-back, each by an organisation involved that would act on it."""
    rng = builder.rng
    day = builder.notification - timedelta(days=175)
    keys = {banks.key_of(o): o for o in involved}
    steps = EVENT_ACTORS[: rng.randint(3, len(EVENT_ACTORS))]
    for kind, actors in steps:
        day = add_working_days(day, rng.randint(1, 15))
        actor = next((keys[k] for k in actors if k in keys), involved[0])
        children.add_event(
            ws,
            child_id,
            date=day,
            kind=kind.value,
            agency_id=actor["id"],
            summary=f"{kind.value.replace('_', ' ').capitalize()} recorded by {actor['name']}.",
        )


def reviews(builder, child_id: str, involved: list[AgencyRow], tracked: bool) -> None:
    """A tracked child's case reviewed against every criterion that applies to each
    organisation; a sampled child's at a few points, marked as looked at."""
    pack, rng = builder.pack, builder.rng
    offered = {o["id"]: criteria_offered(pack, o) for o in involved}
    if tracked:
        chosen = offered
    else:
        points = sorted({c.id for found in offered.values() for c in found})
        looked = rng.sample(points, min(3, len(points)))
        lead_ws = builder.inspector_for(involved[0])
        for criterion_id in looked:
            sampling.mark_looked_at(lead_ws, child_id, criterion_id, True)
        chosen = {o: tuple(c for c in cs if c.id in looked) for o, cs in offered.items()}
        if rng.random() < 0.3:  # one point not yet written up
            last = max(chosen, key=lambda o: len(chosen[o]))
            chosen[last] = chosen[last][:-1]
    for organisation in involved:
        ws = builder.inspector_for(organisation)
        written: set[str] = set()  # a case review never says the same twice of one organisation
        for criterion in chosen[organisation["id"]]:
            good = _good(builder, child_id, organisation)
            level = _level(builder, good)
            observation = _said(builder, organisation, good, written)
            written.add(observation)
            review = case_reviews.ReviewInput(
                observation=observation,
                strength=level == "Strong",
                concern=level in ("Weak", "Unsafe"),
                rating=level if tracked else None,
            )
            case_reviews.set_review(ws, child_id, criterion.id, organisation["id"], review)


def audits(builder, child_id: str, involved: list[AgencyRow]) -> None:
    """Each organisation audited its own part of the case (the area tends to see its work
    more kindly than inspectors do), and the partnership audited the case together."""
    rng = builder.rng
    for organisation in (o for o in involved if o["in_scope"]):
        ws = builder.inspector_for(organisation)
        ours_good = _good(builder, child_id, organisation)
        case_reviews.set_audit_evaluation(
            ws,
            child_id,
            agency_id=organisation["id"],
            area_summary=_said(builder, organisation, True),
            agreement="agrees" if ours_good else rng.choice(("partly", "disagrees")),
            evaluation=_said(builder, organisation, ours_good),
        )
    case_reviews.set_audit_evaluation(
        builder.team[0],
        child_id,
        area_summary=text.observation(rng, weak=False),
        agreement=rng.choice(("agrees", "partly")),
        evaluation=text.observation(rng),
    )


# --- the area, once ------------------------------------------------------------------------
def area_reviews(builder, inspection_id: str) -> None:
    for organisation in (o for o in builder.organisations if o["in_scope"]):
        criteria = area.area_criteria(builder.pack, organisation)
        ws = builder.inspector_for(organisation)
        for criterion in criteria:
            good = _good(builder, None, organisation)
            said = banks.AREA_PRACTICE.get(criterion.id, banks.AREA_FALLBACK)[0 if good else 1]
            level = _level(builder, good)
            area.set_area_review(
                ws,
                inspection_id,
                criterion.id,
                organisation["id"],
                area.AreaReviewInput(
                    observation=said,
                    strength=level == "Strong",
                    concern=level in ("Weak", "Unsafe"),
                    rating=level,
                ),
            )


# --- notes, evidence and findings -----------------------------------------------------------
def note(builder, inspection_id: str, n: int) -> None:
    rng = builder.rng
    kind = rng.choice(NoteKind.values())
    families = kind in ("interview", "focus_group") and rng.random() < 0.3
    present = rng.sample(_in_scope(builder), rng.randint(1, 3))
    attendees = [
        {"role": rng.choice(banks.ROLES[banks.key_of(o)]), "agency": o["id"]} for o in present
    ]
    discussed = [c for c in builder.children if _involves(builder, c, present)]
    criteria = [c.id for c in builder.pack.criteria]
    notes.add_note(
        builder.inspector_for(present[0]),
        inspection_id,
        kind=kind,
        date=builder.fieldwork_day(),
        title=f"{rng.choice(text.NOTE_TOPICS)} ({kind.replace('_', ' ')} {n + 1})",
        text=text.note_text(rng, rng.randint(1, 3)),
        attendees=attendees,
        children=rng.sample(discussed, min(len(discussed), rng.randint(0, 2))),
        criteria=rng.sample(criteria, rng.randint(1, 3)),
        children_or_families_present=families,
        consent_recorded=families,
    )


def evidence_item(builder, inspection_id: str, n: int) -> None:
    rng = builder.rng
    organisation = rng.choice(_in_scope(builder))
    ws = builder.inspector_for(organisation)
    title = rng.choice(banks.EVIDENCE[banks.key_of(organisation)])  # linked to its organisation
    body = f"{title}\n\n{text.note_text(rng, 2)}\n\nItem {n + 1}.\n".encode()
    item = evidence.add_evidence(
        ws,
        inspection_id,
        title=title,
        source=rng.choice(
            (EvidenceSource.CASE_FILE.value, EvidenceSource.AREA_DOCUMENT.value)
            if "data" not in title.lower()
            else (EvidenceSource.DATA.value,)
        ),
        date=builder.fieldwork_day(),
        data=body,
        file_name=f"extract-{n + 1:04d}.txt",
        media_type="text/plain",
    ).entity_id
    evidence.link(ws, item, "agency", organisation["id"])
    children = [c for c in builder.children if _involves(builder, c, [organisation])]
    if children:
        evidence.link(ws, item, "child", rng.choice(children))
    criteria = criteria_offered(builder.pack, organisation) or builder.pack.criteria_in(AREA)
    evidence.link(ws, item, "criterion", rng.choice(criteria).id)


def findings(builder, inspection_id: str) -> None:
    """Each organisation's findings about its own work, citing evidence about it; then the
    partnership's."""
    lead = builder.team[0]
    about = _evidence_by_organisation(builder, inspection_id)
    everything = [e for items in about.values() for e in items]
    for organisation in _in_scope(builder):
        for kind in ("strength", "area_for_improvement"):
            statement = banks.FINDINGS.get((banks.key_of(organisation), kind))
            if statement is None:
                continue
            cited = about.get(organisation["id"]) or everything
            _add_finding(builder, lead, inspection_id, kind, statement, [organisation], cited)
    health = [o["id"] for o in builder.organisations if o["kind"] == "health"]
    health_evidence = [e for o in health for e in about.get(o, [])] or everything
    for kind, statement in banks.PARTNERSHIP_FINDINGS.items():
        cited = health_evidence if kind == "priority_action" else everything
        _add_finding(builder, lead, inspection_id, kind, statement, None, cited)


def _add_finding(builder, ws, inspection_id, kind, statement, organisations, cited) -> None:
    named = [o["id"] for o in organisations] if organisations else ["partnership"]
    who = organisations[0]["name"] if organisations else "The partnership"
    findings_service.add_finding(
        ws,
        inspection_id,
        kind=kind,
        title=f"{who}: {text.short_title(statement)}",
        text=statement,
        agencies=named,
        evidence_ids=builder.rng.sample(cited, min(len(cited), builder.rng.randint(1, 3))),
    )


def _evidence_by_organisation(builder, inspection_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for link in builder.ws.rows("link", inspection_id, "target_kind = 'agency'", order_by="id"):
        found.setdefault(link["target_id"], []).append(link["evidence_id"])
    return {k: sorted(v) for k, v in found.items()}


def _in_scope(builder) -> list[AgencyRow]:
    return [o for o in builder.organisations if o["in_scope"]]


def _involves(builder, child_id: str, organisations: list[AgencyRow]) -> bool:
    return any(o["id"] in builder.involvement[child_id] for o in organisations)
