"""The front door as the inspectors sample it: one contact or referral per sample, its steps
(contact, MASH decision, strategy discussion, section 47 enquiry, child seen), who made each
decision (by role, never by name) and whether the inspector agrees with it.

The steps and the intervals timed between them are data here, so the form, the timings and
the command line all read one list.
"""

from __future__ import annotations

from dataclasses import dataclass

from .records import AuditAgreement

# Who the contact came from: an organisation kind, or someone who is not an organisation.
SOURCE_KINDS: dict[str, str] = {
    "police": "Police",
    "health": "Health",
    "education": "School or college",
    "early_years": "Early years setting",
    "children_social_care": "Children's social care",
    "youth_justice": "Youth justice service",
    "probation": "Probation",
    "housing": "Housing",
    "voluntary": "Voluntary sector",
    "family": "Parent, carer or relative",
    "child": "The child or young person",
    "public": "Member of the public",
    "anonymous": "Anonymous",
    "other": "Other",
}

# The MASH (or front door) decision on the level of need.
THRESHOLD_DECISIONS: dict[str, str] = {
    "no_further_action": "No further action",
    "information_advice": "Advice or signposting",
    "early_help": "Early help",
    "child_in_need": "Child in need assessment (s17)",
    "child_protection": "Strategy discussion (s47 considered)",
    "already_open": "Already open to social care",
}

SEEN_CHOICES: dict[str, str] = {"yes": "Seen", "no": "Not seen"}

AGREEMENT_CHOICES: dict[str, str] = {
    AuditAgreement.AGREES.value: "Agrees",
    AuditAgreement.PARTLY.value: "Partly agrees",
    AuditAgreement.DISAGREES.value: "Disagrees",
}


@dataclass(frozen=True)
class Step:
    key: str  # the sample's fields are {key}_date and {key}_time
    label: str
    agreement: str | None  # the field holding the inspector's agreement with this decision


STEPS: tuple[Step, ...] = (
    Step("contact", "Contact received", None),
    Step("decision", "MASH decision", "decision_agreement"),
    Step("strategy", "Strategy discussion", "strategy_agreement"),
    Step("section47", "Section 47 enquiry started", "section47_agreement"),
    Step("seen", "Child seen", None),
)
STEP_LABELS = {step.key: step.label for step in STEPS}


@dataclass(frozen=True)
class Interval:
    """A time the front door is judged on: from one step to a later one."""

    key: str
    label: str
    start: str
    end: str
    default_target_hours: int


# Default targets, in working hours, until the team sets its own (local procedures differ).
# Working Together asks for a decision on a referral within one working day; a strategy
# discussion and the enquiry it starts should follow without delay, and the child be seen
# within a few working days of the contact.
INTERVALS: tuple[Interval, ...] = (
    Interval("decision", "Contact to MASH decision", "contact", "decision", 8),
    Interval("strategy", "MASH decision to strategy discussion", "decision", "strategy", 8),
    Interval("section47", "Strategy discussion to section 47 start", "strategy", "section47", 8),
    Interval("seen", "Contact to child seen", "contact", "seen", 24),
)
INTERVAL_KEYS = tuple(interval.key for interval in INTERVALS)


def interval(key: str) -> Interval:
    for candidate in INTERVALS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)
