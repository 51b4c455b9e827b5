"""Phrase banks for the demo inspection: realistic, fictional, and free of real people."""

from __future__ import annotations

import random

AREA = "Northbridge"
FIRST_NAMES = (
    "Jordan",
    "Casey",
    "Riley",
    "Morgan",
    "Taylor",
    "Alex",
    "Sam",
    "Jamie",
    "Charlie",
    "Frankie",
    "Robin",
    "Ellis",
    "Harley",
    "Rowan",
    "Skyler",
    "Reece",
    "Kai",
    "Drew",
)
SURNAMES = (
    "Blake",
    "Hartley",
    "Pryce",
    "Okafor",
    "Nowak",
    "Whitfield",
    "Ashby",
    "Maddox",
    "Kettering",
    "Lowe",
    "Fairbairn",
    "Osei",
    "Marsh",
    "Quinlan",
    "Rudd",
    "Sefton",
)
STREETS = (
    "Canal Row",
    "Mill Lane",
    "Ropewalk Close",
    "Foundry Street",
    "Orchard Way",
    "Weaver's Court",
    "Station Parade",
    "Beacon Road",
)
SCHOOLS = (
    "Northbridge Primary School",
    "St Aidan's C of E Primary",
    "Riverside Academy",
    "Hollins Park Nursery",
    "Northbridge High School",
    "Castlegate Pupil Referral Unit",
)
INSPECTORS = (
    ("Helen Marsh", "ofsted"),
    ("David Achebe", "ofsted"),
    ("Priya Natarajan", "ofsted"),
    ("Gareth Lloyd", "cqc"),
    ("Fiona McBride", "cqc"),
    ("Tom Ridley", "hmicfrs"),
    ("Aisha Rahman", "hmicfrs"),
    ("Mark Ellison", "hmi_probation"),
    ("Sophie Clarke", "cqc"),
    ("Ben Okoro", "hmicfrs"),
)
ROLES = {
    "children_social_care": (
        "social worker",
        "team manager",
        "MASH manager",
        "service manager",
        "independent reviewing officer",
        "principal social worker",
    ),
    "police": (
        "detective sergeant",
        "MASH police officer",
        "neighbourhood inspector",
        "public protection unit detective",
        "domestic abuse officer",
    ),
    "health": (
        "health visitor",
        "school nurse",
        "named nurse for safeguarding",
        "GP",
        "midwife",
        "emergency department liaison nurse",
        "CAMHS clinician",
    ),
    "education": (
        "designated safeguarding lead",
        "headteacher",
        "early years practitioner",
        "education welfare officer",
    ),
    "youth_justice": ("youth justice case manager", "youth justice team manager"),
    "probation": ("probation practitioner", "senior probation officer"),
    "voluntary": (
        "independent domestic violence adviser",
        "children's support worker",
        "family support worker",
    ),
}
SEEN = (
    "The case file shows",
    "Records show",
    "The chronology shows",
    "Case notes record",
    "The inspector found that",
    "Discussion with the allocated worker confirmed that",
)
GOOD = (
    "the referral was acted on within one working day",
    "a strategy discussion was held promptly with police, health and education present",
    "the child's own words were recorded and shaped the plan",
    "information was shared with the school before the next school day",
    "the manager's oversight was clear and recorded its reasons",
    "risk was reassessed after each new incident",
    "the non-abusing parent was offered specialist support that she took up",
    "the plan named who would do what and by when",
)
WEAK = (
    "the strategy discussion did not include health",
    "there was a delay of eight working days before the assessment started",
    "the child was not seen alone",
    "the history of previous incidents was not considered",
    "the school was not told about the incident",
    "management oversight restated the facts without direction",
    "the risk assessment was not repeated after the second call-out",
    "the father's history of violence was not explored",
    "the plan focused on the mother's actions rather than the risk from the perpetrator",
    "agencies did not share what they knew until the conference",
)
EFFECT = (
    "As a result, the child is safer.",
    "The child's circumstances improved.",
    "This left the child exposed to continuing risk.",
    "This delayed help for the child.",
    "The impact on the child was not understood.",
    "Support reached the family sooner.",
)
NOTE_TOPICS = (
    "MASH triage of domestic abuse notifications",
    "Strategy discussion practice",
    "Operation Encompass notifications to schools",
    "Health visiting and routine enquiry",
    "Management oversight in the assessment teams",
    "Working with fathers and perpetrators",
    "Risk meetings for high-risk victims",
    "Children's voice in assessments",
    "Step-down to early help",
    "Thresholds and the front door",
    "Information sharing between GP practices and children's social care",
    "Specialist support for children who have lived with abuse",
)
NOTE_POINTS = (
    "Practitioners described a clear route for urgent concerns.",
    "Staff said caseloads had risen since the summer and visits were sometimes delayed.",
    "Managers described the new triage tool and how it is audited.",
    "Police colleagues attend the daily meeting in person.",
    "Health practitioners are not always invited to strategy discussions out of hours.",
    "Schools receive notifications by 9am on most days.",
    "Partners described a shared understanding of thresholds.",
    "Some practitioners were unsure how to escalate disagreements.",
    "Supervision is regular and reflective.",
    "Leaders know where practice is weaker and have plans to improve it.",
    "The children we spoke to said they knew who to talk to.",
    "Families said they were not always told what would happen next.",
)
EVIDENCE_TITLES = (
    "Case file extract: strategy discussion record",
    "Chronology extract",
    "MASH decision log extract",
    "Audit tool returned by the area",
    "Supervision record extract",
    "Child protection plan",
    "Multi-agency risk assessment",
    "School safeguarding log extract",
    "Health visitor records extract",
    "Police incident log summary",
    "Performance data: timeliness of assessments",
    "Partnership training record",
    "Practice observation notes",
    "Photograph: information board in the MASH",
)
FINDINGS = {
    "priority_action": (
        "Strategy discussions in domestic abuse cases do not always include "
        "health and education, so decisions are made without what they know.",
    ),
    "area_for_improvement": (
        "The timeliness of assessments after a second domestic abuse incident varies.",
        "Work with the person who causes harm is not consistently part of the child's plan.",
        "Children's views are not always recorded in a way that shapes the plan.",
        "Management oversight does not always give clear direction.",
        "Information about incidents does not always reach health visitors promptly.",
    ),
    "strength": (
        "Schools are told about incidents before the next school day, so they can support the "
        "child in the morning.",
        "The MASH makes timely, well-reasoned decisions.",
        "Specialist advisers give practical, persistent support to adult victims.",
        "Leaders have an accurate understanding of practice and act on audit findings.",
        "Practitioners know the children well and speak about them with care.",
    ),
}


GOOD_EFFECT = EFFECT[:2] + EFFECT[5:]
WEAK_EFFECT = EFFECT[2:5]


def observation(rng: random.Random, weak: bool | None = None) -> str:
    """A case-review observation whose tone matches whether it records a concern."""
    weak = rng.random() >= 0.55 if weak is None else weak
    if not weak:
        return f"{rng.choice(SEEN)} {rng.choice(GOOD)}. {rng.choice(GOOD_EFFECT)}"
    first, second = rng.sample(WEAK, 2)
    extra = f" Also, {second}." if rng.random() < 0.4 else ""
    return f"{rng.choice(SEEN)} {first}.{extra} {rng.choice(WEAK_EFFECT)}"


def note_text(rng: random.Random, paragraphs: int) -> str:
    return "\n\n".join(" ".join(rng.sample(NOTE_POINTS, 3)) for _ in range(paragraphs))


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def address(rng: random.Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXY"
    postcode = (
        f"NB{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    )
    return f"{rng.randint(2, 140)} {rng.choice(STREETS)}, {AREA} {postcode}"


def short_title(statement: str, limit: int = 90) -> str:
    """A finding's title from its statement, cut at a word boundary."""
    first = statement.split(". ")[0].rstrip(".")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"
