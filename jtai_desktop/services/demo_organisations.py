"""The demo's organisations, and what inspectors write about each kind of them.

Fictional, and chosen so that nothing here can be taken for a child's details: no school,
street or person a child's record holds is the name of an organisation (education is spoken
of as the area's schools and early years settings, as letters do).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.record_types import Row


@dataclass(frozen=True)
class DemoOrganisation:
    kind: str
    service: str | None
    name: str
    in_scope: bool = True
    tendency: float = 0.6  # how likely its practice in a case is good (0 to 1)


ORGANISATIONS = (
    DemoOrganisation("children_social_care", "social_work", "Northbridge children's social care"),
    DemoOrganisation("children_social_care", "front_door", "Northbridge MASH", tendency=0.75),
    DemoOrganisation("children_social_care", "early_help", "Northbridge early help service"),
    DemoOrganisation("police", "force", "Northbridge Police", tendency=0.55),
    DemoOrganisation("health", "icb", "Northbridge ICB"),
    DemoOrganisation(
        "health", "maternity", "Northbridge General Hospital maternity unit", tendency=0.7
    ),
    DemoOrganisation(
        "health", "health_visiting", "Northbridge health visiting service", tendency=0.45
    ),
    DemoOrganisation(
        "health", "emergency_department", "Northbridge General Hospital emergency department"
    ),
    DemoOrganisation(
        "health", "adult_mental_health", "Weir Bank adult mental health service", tendency=0.4
    ),
    DemoOrganisation("health", "gp", "Millbrook Medical Practice"),
    DemoOrganisation("education", "early_years", "Northbridge early years settings", tendency=0.7),
    DemoOrganisation("education", "school", "Northbridge schools", tendency=0.7),
    DemoOrganisation("probation", None, "Probation Service, Northbridge", tendency=0.35),
    DemoOrganisation(
        "voluntary", "domestic_abuse_service", "Harbour domestic abuse service", tendency=0.8
    ),
    # Youth justice is not in scope for this theme; a child may still be known to it.
    DemoOrganisation("youth_justice", None, "Northbridge youth justice service", in_scope=False),
)

# Who works where, by kind and, where it matters, by service type.
ROLES = {
    "social_work": ("social worker", "team manager", "service manager", "principal social worker"),
    "front_door": ("MASH manager", "MASH social worker"),
    "early_help": ("family support worker", "early help coordinator"),
    "police": ("detective sergeant", "MASH police officer", "domestic abuse officer"),
    "icb": ("designated nurse for safeguarding", "named GP for safeguarding"),
    "maternity": ("safeguarding midwife", "community midwife"),
    "health_visiting": ("health visitor", "health visiting team leader"),
    "emergency_department": ("emergency department liaison nurse", "paediatric nurse"),
    "adult_mental_health": ("community psychiatric nurse", "mental health social worker"),
    "gp": ("GP", "practice safeguarding lead"),
    "early_years": ("nursery manager", "early years practitioner"),
    "school": ("designated safeguarding lead", "headteacher"),
    "probation": ("probation practitioner", "senior probation officer"),
    "voluntary": ("independent domestic violence adviser", "children's support worker"),
    "youth_justice": ("youth justice case manager",),
}

# What a case review says about an organisation's work, good and less so, by service type
# (or kind where it has none).
PRACTICE = {
    "social_work": (
        (
            "the assessment described the child's daily life and the risk from the father",
            "the plan named who would do what and by when",
            "the social worker saw the child alone and recorded what she said",
        ),
        (
            "the plan focused on the mother's actions rather than the risk from the perpetrator",
            "the assessment did not consider the history of previous incidents",
            "visits were delayed while the case waited for allocation",
        ),
    ),
    "front_door": (
        (
            "the notification was screened the same day with the history taken into account",
            "the decision to hold a strategy discussion was made within two hours",
        ),
        (
            "the decision recorded no reasons for taking no further action",
            "checks with health were not made before the decision",
        ),
    ),
    "early_help": (
        (
            "the family support worker kept the mother engaged and the home calmer",
            "the early help plan was stepped up promptly when abuse was disclosed",
        ),
        (
            "early help continued after a second incident that needed a social work assessment",
            "the plan had no actions about the abuse",
        ),
    ),
    "police": (
        (
            "officers recorded the baby as a victim and saw every child in the home",
            "a risk assessment was completed at the incident and repeated after the second call",
        ),
        (
            "the children were not seen at the second call-out",
            "the risk assessment was not repeated after the second call-out",
        ),
    ),
    "icb": (
        (
            "the designated nurse gave clear advice to the GP practice",
            "health information reached the strategy discussion through the named nurse",
        ),
        (
            "health was not represented at the strategy discussion",
            "advice to practitioners was not recorded",
        ),
    ),
    "maternity": (
        (
            "the midwife asked about domestic abuse at booking and acted on the disclosure",
            "a pre-birth plan was in place by 28 weeks",
        ),
        (
            "routine enquiry was not repeated after the partner attended appointments",
            "the pre-birth assessment started too late to plan for the birth",
        ),
    ),
    "health_visiting": (
        (
            "the health visitor saw the mother alone and shared the disclosure the same day",
            "the new birth visit picked up the risk and linked with the MASH",
        ),
        (
            "notifications of incidents reached the health visitor weeks later",
            "the health visitor did not know the family was known to children's social care",
        ),
    ),
    "emergency_department": (
        (
            "the liaison nurse shared the attendance with the health visitor the next day",
            "staff asked how the injury happened and who else lived at home",
        ),
        (
            "the child's attendance was not shared with community health services",
            "the adult's injury was treated without asking about the children at home",
        ),
    ),
    "adult_mental_health": (
        (
            "the care plan considered the mother's capacity to keep the baby safe",
            "the mental health worker joined the core group and shared changes in risk",
        ),
        (
            "the father's care plan did not mention that he lives with a baby",
            "concerns about the children were not referred to the MASH",
        ),
    ),
    "gp": (
        (
            "the practice flagged the family record and shared it with the health visitor",
            "the GP sent a report to the conference",
        ),
        (
            "the GP record did not link the mother's injuries to the abuse",
            "no report was sent to the conference",
        ),
    ),
    "early_years": (
        (
            "the nursery knew about the incident the next morning and watched over the child",
            "the key person recorded changes in the child's behaviour and shared them",
        ),
        (
            "the nursery was not told about the incident",
            "concerns about the child's behaviour were not shared",
        ),
    ),
    "school": (
        (
            "the designated safeguarding lead was told before the next school day",
            "the school contributed to the plan and checked in with the child each morning",
        ),
        (
            "the school heard about the incident a week later",
            "the school was not invited to the strategy discussion",
        ),
    ),
    "probation": (
        (
            "the probation practitioner checked with children's social care before planning",
            "licence conditions kept the father away from the family home",
        ),
        (
            "the probation practitioner did not know there was a baby in the household",
            "the risk to the children was not reassessed after the father's release",
        ),
    ),
    "voluntary": (
        (
            "the adviser helped the mother make a safety plan that included the children",
            "the children's worker helped the child talk about what she had seen",
        ),
        (
            "support for the mother ended before the risk reduced",
            "the adviser's risk information did not reach children's social care",
        ),
    ),
    "youth_justice": (
        ("the youth justice worker shared what the older sibling said",),
        ("the older sibling's worker was not told about the incident",),
    ),
}

# What the team finds once for the area, per criterion of the theme judged there (good, weak).
AREA_PRACTICE = {
    "DA-15": (
        "Its leaders' plans treat babies and young children as victims in their own right.",
        "Its plans still speak of children as witnesses to the abuse of an adult.",
    ),
    "DA-16": (
        "Leaders know from audit and data how well young children are protected, and act on it.",
        "Leaders' data does not show how long young children wait for help.",
    ),
    "DA-17": (
        "Training on the harm to babies and young children has reached its practitioners.",
        "Training on the harm to babies has not reached every team.",
    ),
    "DA-18": (
        "It plays a full part in the safeguarding arrangements and the domestic abuse board.",
        "Its part in scrutinising the response to young children is not yet clear.",
    ),
}
AREA_FALLBACK = (
    "Leaders know the quality of practice and act on what they find.",
    "Leaders do not yet know how well this part of the work is done.",
)

# Findings as a letter would put them, each about the organisation it names.
FINDINGS = {
    ("front_door", "strength"): "The MASH makes timely, well-reasoned decisions on domestic abuse "
    "notifications, using the family's history.",
    ("social_work", "area_for_improvement"): "Children's plans do not consistently address the "
    "risk from the person who causes harm.",
    ("early_help", "strength"): "Early help workers keep families engaged and step cases up "
    "promptly when abuse is disclosed.",
    ("police", "strength"): "Officers attending incidents record babies and young children as "
    "victims in their own right.",
    ("police", "area_for_improvement"): "Risk assessments are not always repeated after a "
    "further call-out to the same household.",
    ("icb", "strength"): "Designated safeguarding professionals give clear advice and bring "
    "health information to strategy discussions.",
    ("maternity", "strength"): "Midwives ask about domestic abuse at booking and act on what "
    "they hear, so pre-birth planning starts early.",
    ("health_visiting", "area_for_improvement"): "Information about incidents reaches health "
    "visitors too late for them to offer timely support.",
    ("adult_mental_health", "area_for_improvement"): "Adult mental health care plans do not "
    "consider the babies and young children who live with the adult.",
    ("early_years", "strength"): "Early years settings hear of incidents the next morning and "
    "watch over the child that day.",
    ("school", "strength"): "Schools are told of incidents before the next school day and "
    "support the child in the morning.",
    ("probation", "area_for_improvement"): "Probation practitioners do not routinely check "
    "whether the adults they supervise live with young children.",
    ("voluntary", "strength"): "Specialist advisers give practical, persistent support to adult "
    "victims that includes the children's safety.",
}
PARTNERSHIP_FINDINGS = {
    "priority_action": "Strategy discussions for babies and young children do not always "
    "include health, so decisions are made without what midwives and health visitors know.",
    "strength": "Leaders of the partnership know their services well and act on what their "
    "audits find.",
}

# Evidence an inspector logs about each kind of organisation.
EVIDENCE = {
    "social_work": ("Child protection plan", "Assessment extract", "Supervision record extract"),
    "front_door": ("MASH decision log extract", "Performance data: timeliness of decisions"),
    "early_help": ("Early help plan",),
    "police": ("Police incident log summary", "Risk assessment at the incident"),
    "icb": ("Safeguarding advice log extract",),
    "maternity": ("Maternity booking record extract",),
    "health_visiting": ("Health visitor records extract",),
    "emergency_department": ("Emergency department attendance record",),
    "adult_mental_health": ("Care plan extract",),
    "gp": ("GP record summary",),
    "early_years": ("Nursery safeguarding log extract",),
    "school": ("School safeguarding log extract",),
    "probation": ("Probation case record extract",),
    "voluntary": ("Adviser's safety plan",),
    "youth_justice": ("Youth justice assessment extract",),
}


def key_of(organisation: Row) -> str:
    """The bank an organisation's phrases come from: its service type, else its kind."""
    service = organisation.get("service_type")
    return service if service in PRACTICE else organisation["kind"]
