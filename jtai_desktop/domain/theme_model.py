"""What a theme pack holds: a framework's strands and criteria, as plain values.

A pack follows one published version of one JTAI framework. Its criteria are grouped in the
framework's strands, and each strand is judged either in each child's case or once for the
area (leadership and management, the effectiveness of the safeguarding arrangements). Packs
written for release 0.1 (format 1) have no strands: all their criteria are judged per child.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jtai_desktop.domain.errors import ThemePackError

LEGACY_FORMAT = 1  # release 0.1's packs, still embedded in the inspections it created
FORMAT_VERSION = 2
DEFAULT_NOTICE_DAYS = 10
LEAD_INSPECTORATE = "ofsted"  # Ofsted always leads a JTAI.

KINDS: dict[str, str] = {
    "front_door": "Front door",
    "thematic": "Thematic",
    # 2016 to 2020: every JTAI evaluated the front door as well as its deep dive.
    "combined": "Front door and deep dive",
}

PER_CHILD, AREA = "per_child", "area"
JUDGED: dict[str, str] = {PER_CHILD: "In each child's case", AREA: "Once for the area"}

# Display order: the front door and the three statutory partners first, then the rest.
AGENCY_KINDS: dict[str, str] = {
    "children_social_care": "Children's social care",
    "police": "Police",
    "health": "Health",
    "education": "Education",
    "youth_justice": "Youth justice service",
    "probation": "Probation",
    "voluntary": "Voluntary sector",
}

INSPECTORATES: dict[str, str] = {
    "ofsted": "Ofsted",
    "cqc": "CQC",
    "hmicfrs": "HMICFRS",
    "hmi_probation": "HMI Probation",
}

# Service types under each kind, in the order lists show them. A kind with none listed is one
# organisation of its own (a police force, a youth justice service).
SERVICE_TYPES: dict[str, dict[str, str]] = {
    "children_social_care": {
        "front_door": "Front door / MASH",
        "early_help": "Early help",
        "social_work": "Social work teams",
        "children_in_care": "Children in care",
    },
    "police": {
        "force": "Police force",
        "public_protection": "Public protection unit",
    },
    "health": {
        "icb": "Integrated care board (ICB)",
        "maternity": "Maternity",
        "health_visiting": "Health visiting",
        "school_nursing": "School nursing",
        "emergency_department": "Emergency department",
        "camhs": "Children's mental health (CAMHS)",
        "adult_mental_health": "Adult mental health",
        "gp": "GP practices",
        "substance_misuse": "Substance misuse",
        "sexual_health": "Sexual health",
        "paediatrics": "Paediatrics",
    },
    "education": {
        "school": "School",
        "early_years": "Early years",
        "alternative_provision": "Alternative provision",
        "further_education": "Further education",
        "local_authority_education": "Local authority education services",
    },
    "youth_justice": {},
    "probation": {},
    "voluntary": {
        "domestic_abuse_service": "Domestic abuse service",
        "youth_service": "Youth service",
        "family_support": "Family support",
    },
}

# Which inspectorate inspects each kind of organisation. A pack whose agencies include a kind
# must bring its inspectorate, and every inspectorate it names must have something to inspect
# (HMI Probation with no youth justice or probation in scope is a mistake). The voluntary
# sector is seen through the work of the others.
INSPECTED_BY: dict[str, str] = {
    "children_social_care": "ofsted",
    "education": "ofsted",
    "police": "hmicfrs",
    "health": "cqc",
    "youth_justice": "hmi_probation",
    "probation": "hmi_probation",
}

# The legacy strand a format-1 pack's criteria belong to.
LEGACY_STRAND = "criteria"


@dataclass(frozen=True)
class Strand:
    id: str
    title: str
    judged: str  # PER_CHILD or AREA
    description: str = ""

    @property
    def per_child(self) -> bool:
        return self.judged == PER_CHILD


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    description: str
    agencies: tuple[str, ...]
    strand: str = LEGACY_STRAND
    evidence: str = ""  # what evidence the criterion expects (format 2)
    # Narrows a criterion within its agency kinds to organisations of these service types
    # (e.g. maternity); organisations with no service type recorded are always included.
    services: tuple[str, ...] = ()


@dataclass(frozen=True)
class RatingScale:
    """An optional internal practice-quality scale; it never reaches the letter."""

    name: str
    levels: tuple[str, ...]  # best first


LEGACY_STRANDS = (Strand(LEGACY_STRAND, "Criteria", PER_CHILD),)


@dataclass(frozen=True)
class ThemePack:
    id: str
    title: str
    kind: str
    description: str
    notice_days: int
    inspectorates: tuple[str, ...]
    agencies: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    rating_scale: RatingScale | None
    # Where the pack came from, for messages only: two packs with the same content are equal.
    source: str = field(default="", compare=False)
    format: int = LEGACY_FORMAT
    version: str = ""  # the published version followed: "2024-09-12" or "2016-08"
    guidance: str = ""  # the title of the published guidance
    sources: tuple[str, ...] = ()  # where it was read
    strands: tuple[Strand, ...] = LEGACY_STRANDS

    @property
    def label(self) -> str:
        """Title and version, as lists show a pack ("Neglect (2017-04)")."""
        return f"{self.title} ({self.version})" if self.version else self.title

    def criterion(self, criterion_id: str) -> Criterion:
        wanted = criterion_key(criterion_id)
        for criterion in self.criteria:
            if criterion.id == wanted:
                return criterion
        known = ", ".join(c.id for c in self.criteria)
        raise ThemePackError(
            f'{self.source or self.id}: no criterion "{criterion_id}" in theme "{self.id}"'
            f" (it has: {known})"
        )

    def strand(self, strand_id: str) -> Strand:
        for strand in self.strands:
            if strand.id == strand_id:
                return strand
        raise ThemePackError(f'{self.source or self.id}: no strand "{strand_id}"')

    def judged(self, criterion_id: str) -> str:
        """PER_CHILD or AREA: how the criterion is evaluated."""
        return self.strand(self.criterion(criterion_id).strand).judged

    def criteria_in(self, judged: str) -> tuple[Criterion, ...]:
        wanted = {s.id for s in self.strands if s.judged == judged}
        return tuple(c for c in self.criteria if c.strand in wanted)

    def criteria_for(
        self, agency_kind: str, service_type: str | None = None, judged: str = PER_CHILD
    ) -> tuple[Criterion, ...]:
        """The criteria that apply to an organisation of this kind (and service type), judged
        per child unless asked otherwise; empty if the kind is out of scope."""
        if agency_kind not in AGENCY_KINDS:
            # A misspelt kind would otherwise look like "no criteria" and hide the bug.
            raise ThemePackError(
                f'"{agency_kind}" is not an agency kind '
                f"(expected one of: {', '.join(AGENCY_KINDS)})"
            )
        return tuple(
            c
            for c in self.criteria_in(judged)
            if agency_kind in c.agencies and _serves(c, agency_kind, service_type)
        )

    def to_toml(self) -> str:
        """The pack in its file format, so it can travel inside an inspection or invite file
        (a format-1 pack stays in format 1: it is what an older inspection was created with)."""
        legacy = self.format == LEGACY_FORMAT
        keys = _LEGACY_HEAD if legacy else _HEAD
        parts = [_toml_pairs({key: getattr(self, key) for key in keys})]
        if self.rating_scale is not None:
            parts.append("[rating_scale]\n" + _toml_pairs(vars(self.rating_scale)))
        if not legacy:
            parts += ["[[strands]]\n" + _toml_pairs(vars(s)) for s in self.strands]
        parts += [
            "[[criteria]]\n" + _toml_pairs(_criterion_pairs(c, legacy)) for c in self.criteria
        ]
        return "\n\n".join(parts) + "\n"


def _serves(criterion: Criterion, kind: str, service_type: str | None) -> bool:
    """A criterion's services narrow only the kinds they belong to: "maternity" keeps the
    criterion from a school nursing service, not from the police. An organisation with no
    service type recorded (every release 0.1 agency) is always asked."""
    own = [s for s in criterion.services if s in SERVICE_TYPES.get(kind, {})]
    return not own or not service_type or service_type in own


def judged_label(judged: str) -> str:
    return JUDGED.get(judged, judged)


# A criterion id as people type it: "DA-01", "da-01", "DA 01", "da01".
_LOOSE_CRITERION_ID = re.compile(r"([A-Za-z]{2,4})[\s._-]*(\d{2})")


def pack_key(text: str) -> str:
    """A theme id as people type it ("Domestic abuse", "domestic_abuse") as its slug
    ("domestic-abuse"); text with no letter or digit is left for the check to refuse."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words) if words else text


def criterion_key(text: str) -> str:
    """A criterion id in any case and punctuation ("da 01", "DA01") as "DA-01"."""
    found = _LOOSE_CRITERION_ID.fullmatch(text.strip())
    return f"{found[1].upper()}-{found[2]}" if found else text


# --- writing ---------------------------------------------------------------------------

# The file's keys in order (each a field of ThemePack or Criterion of the same name).
_HEAD = (
    "format",
    "id",
    "version",
    "title",
    "kind",
    "guidance",
    "sources",
    "description",
    "notice_days",
    "inspectorates",
    "agencies",
)
_LEGACY_HEAD = tuple(k for k in _HEAD if k not in ("version", "guidance", "sources"))
_CRITERION_KEYS = ("id", "strand", "title", "description", "evidence", "agencies")
_LEGACY_CRITERION_KEYS = ("id", "title", "description", "agencies")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _criterion_pairs(criterion: Criterion, legacy: bool = False) -> dict:
    keys = _LEGACY_CRITERION_KEYS if legacy else _CRITERION_KEYS
    pairs = {key: getattr(criterion, key) for key in keys}
    if criterion.services and not legacy:
        pairs["services"] = criterion.services
    return pairs


def _toml_str(text: str) -> str:
    # TOML basic strings forbid raw control characters and DEL; escape them so any text
    # an inspector typed survives the round trip.
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " " or ch == "\x7f":
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_value(value: int | str | tuple) -> str:
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(map(_toml_value, value)) + "]"
    return _toml_str(value)


def _toml_pairs(pairs: dict) -> str:
    return "\n".join(f"{key} = {_toml_value(value)}" for key, value in pairs.items())
