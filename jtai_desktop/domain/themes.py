"""Theme packs: the evaluation criteria of a JTAI theme, read from human-editable TOML files.

Criteria are data, never code: each theme has its own criteria and new themes keep coming,
so a lead can add or correct a pack without a new release. Because people edit these files
by hand, validation is strict and every message names the file and the key at fault.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from jtai_desktop.domain.errors import ThemePackError
from jtai_desktop.domain.rules import loose
from jtai_desktop.resources import resources_dir

FORMAT_VERSION = 1
DEFAULT_NOTICE_DAYS = 10
# Wide enough for every notice period seen so far (9 or 10 days), narrow enough to catch typos.
NOTICE_DAYS_RANGE = range(1, 31)
RATING_LEVELS_RANGE = range(2, 8)
LEAD_INSPECTORATE = "ofsted"  # Ofsted always leads a JTAI.

KINDS: dict[str, str] = {"front_door": "Front door", "thematic": "Thematic"}

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

_PACK_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CRITERION_ID = re.compile(r"[A-Z]{2,4}-\d{2}")
# A criterion id as people type it: "DA-01", "da-01", "DA 01", "da01".
_LOOSE_CRITERION_ID = re.compile(r"([A-Za-z]{2,4})[\s._-]*(\d{2})")
_PACK_REQUIRED = (
    "format",
    "id",
    "title",
    "kind",
    "description",
    "inspectorates",
    "agencies",
    "criteria",
)
_PACK_OPTIONAL = ("notice_days", "rating_scale")
_CRITERION_KEYS = ("id", "title", "description", "agencies")
_SCALE_KEYS = ("name", "levels")


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    description: str
    agencies: tuple[str, ...]


@dataclass(frozen=True)
class RatingScale:
    """An optional internal practice-quality scale; it never reaches the letter."""

    name: str
    levels: tuple[str, ...]  # best first


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

    def criteria_for(self, agency_kind: str) -> tuple[Criterion, ...]:
        """The criteria that apply to one agency kind; empty if the kind is out of scope."""
        if agency_kind not in AGENCY_KINDS:
            # A misspelt kind would otherwise look like "no criteria" and hide the bug.
            raise ThemePackError(
                f'"{agency_kind}" is not an agency kind '
                f"(expected one of: {', '.join(AGENCY_KINDS)})"
            )
        return tuple(c for c in self.criteria if agency_kind in c.agencies)

    def to_toml(self) -> str:
        """The pack in its file format, so it can travel inside an inspection or invite file."""
        head = {
            "format": FORMAT_VERSION,
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "description": self.description,
            "notice_days": self.notice_days,
            "inspectorates": self.inspectorates,
            "agencies": self.agencies,
        }
        parts = [_toml_pairs(head)]
        # The dataclass fields of RatingScale and Criterion are, in order, the file's keys.
        if self.rating_scale is not None:
            parts.append("[rating_scale]\n" + _toml_pairs(vars(self.rating_scale)))
        parts += ["[[criteria]]\n" + _toml_pairs(vars(c)) for c in self.criteria]
        return "\n\n".join(parts) + "\n"


# --- writing ---------------------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


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


def _toml_pairs(pairs: dict[str, Any]) -> str:
    return "\n".join(f"{key} = {_toml_value(value)}" for key, value in pairs.items())


# --- reading ---------------------------------------------------------------------------

_TYPE_NAMES = {
    str: "string",
    int: "integer",
    float: "float",
    bool: "boolean",
    list: "array",
    dict: "table",
}


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


class _Checker:
    """Validation helpers that know the source, so every message names the file."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, problem: str) -> NoReturn:
        prefix = f"{self.source}: {where}: " if where else f"{self.source}: "
        raise ThemePackError(prefix + problem)

    def keys(self, table: dict, where: str, required: tuple, optional: tuple = ()) -> None:
        allowed = required + optional
        for key in table:  # unknown first: a typo explains the "missing" key that follows
            if key not in allowed:
                self.fail(where, f'unknown key "{key}" (allowed keys: {", ".join(allowed)})')
        for key in required:
            if key not in table:
                self.fail(where, f'missing key "{key}"')

    def typed(self, value: Any, where: str, kind: type) -> Any:
        # bool is a subclass of int in Python but not in TOML: `notice_days = true` is wrong.
        if type(value) is not kind:
            got = _TYPE_NAMES.get(type(value), "date/time")
            self.fail(where, f"expected {_TYPE_NAMES[kind]}, got {got}")
        return value

    def string(self, value: Any, where: str) -> str:
        value = self.typed(value, where, str).strip()
        if not value:
            self.fail(where, "must not be empty")
        return value

    def text(self, table: dict, where: str, key: str) -> str:
        return self.string(table[key], _at(where, key))

    def one_of(self, value: Any, where: str, allowed: dict, what: str) -> str:
        """The key of `allowed` that `value` names by key or label, in any case and
        punctuation ("CQC", "HMI Probation", "Children's social care"). `what` carries its
        article ("an agency kind") so the message reads naturally."""
        wanted = loose(self.typed(value, where, str))
        for key, label in allowed.items():
            if wanted and wanted in (loose(key), loose(label)):
                return key
        self.fail(where, f'"{value}" is not {what} (expected one of: {", ".join(allowed)})')

    def names(self, table: dict, where: str, key: str, allowed: dict, what: str) -> tuple:
        """A non-empty list of unique names, each one of `allowed` (as its key)."""
        path = _at(where, key)
        values = self.typed(table[key], path, list)
        if not values:
            self.fail(path, f"must list at least one {what.split(' ', 1)[1]}")
        keys = [self.one_of(value, path, allowed, what) for value in values]
        self.unique(keys, path)
        return tuple(keys)

    def unique(self, values: list, where: str) -> None:
        seen = set()
        for value in values:
            if value in seen:
                self.fail(where, f'"{value}" is listed twice')
            seen.add(value)


def pack_key(text: str) -> str:
    """A theme id as people type it ("Domestic abuse", "domestic_abuse") as its slug
    ("domestic-abuse"); text with no letter or digit is left for the check to refuse."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words) if words else text


def criterion_key(text: str) -> str:
    """A criterion id in any case and punctuation ("da 01", "DA01") as "DA-01"."""
    found = _LOOSE_CRITERION_ID.fullmatch(text.strip())
    return f"{found[1].upper()}-{found[2]}" if found else text


def parse_pack(text: str, source: str) -> ThemePack:
    """Parse and validate one pack; `source` names it in every error message."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message carries "(at line L, column C)", which is what the editor needs.
        raise ThemePackError(f"{source}: not valid TOML: {exc}") from None
    return _build_pack(data, _Checker(source))


def _build_pack(data: dict, check: _Checker) -> ThemePack:
    _check_format(data, check)  # first: a newer file's other keys would only confuse
    check.keys(data, "", _PACK_REQUIRED, _PACK_OPTIONAL)
    pack_id = pack_key(check.text(data, "", "id"))
    if not _PACK_ID.fullmatch(pack_id):
        check.fail("id", f'"{pack_id}" is not a lowercase slug (like "domestic-abuse")')
    agencies = check.names(data, "", "agencies", AGENCY_KINDS, "an agency kind")
    return ThemePack(
        id=pack_id,
        title=check.text(data, "", "title"),
        kind=check.one_of(data["kind"], "kind", KINDS, "a theme kind"),
        description=check.text(data, "", "description"),
        notice_days=_notice_days(data, check),
        inspectorates=_inspectorates(data, check),
        agencies=agencies,
        criteria=_criteria(data["criteria"], agencies, check),
        rating_scale=_rating_scale(data.get("rating_scale"), check),
        source=check.source,
    )


def _check_format(data: dict, check: _Checker) -> None:
    if "format" not in data:
        check.fail("", 'missing key "format"')
    version = check.typed(data["format"], "format", int)
    if version != FORMAT_VERSION:
        check.fail("format", f"unsupported version {version} (this app reads {FORMAT_VERSION})")


def _notice_days(data: dict, check: _Checker) -> int:
    days = check.typed(data.get("notice_days", DEFAULT_NOTICE_DAYS), "notice_days", int)
    if days not in NOTICE_DAYS_RANGE:
        check.fail(
            "notice_days",
            f"{days} is outside {NOTICE_DAYS_RANGE.start}"
            f"..{NOTICE_DAYS_RANGE.stop - 1} working days",
        )
    return days


def _inspectorates(data: dict, check: _Checker) -> tuple[str, ...]:
    names = check.names(data, "", "inspectorates", INSPECTORATES, "an inspectorate")
    if LEAD_INSPECTORATE not in names:
        check.fail("inspectorates", f'must include "{LEAD_INSPECTORATE}" (Ofsted leads every JTAI)')
    return names


def _rating_scale(value: Any, check: _Checker) -> RatingScale | None:
    if value is None:
        return None
    table = check.typed(value, "rating_scale", dict)
    check.keys(table, "rating_scale", _SCALE_KEYS)
    levels = check.typed(table["levels"], "rating_scale.levels", list)
    if len(levels) not in RATING_LEVELS_RANGE:
        check.fail(
            "rating_scale.levels",
            f"needs {RATING_LEVELS_RANGE.start} to "
            f"{RATING_LEVELS_RANGE.stop - 1} levels, found {len(levels)}",
        )
    cleaned = [
        check.string(level, f"rating_scale.levels[{number}]")
        for number, level in enumerate(levels, start=1)
    ]
    check.unique(cleaned, "rating_scale.levels")
    return RatingScale(name=check.text(table, "rating_scale", "name"), levels=tuple(cleaned))


def _criteria(value: Any, pack_agencies: tuple[str, ...], check: _Checker) -> tuple:
    items = check.typed(value, "criteria", list)
    if not items:
        check.fail("criteria", "no criteria (a pack needs at least one [[criteria]] block)")
    # Numbered from 1, like counting [[criteria]] blocks down the file.
    criteria = tuple(
        _criterion(item, f"criteria[{number}]", pack_agencies, check)
        for number, item in enumerate(items, start=1)
    )
    ids = [c.id for c in criteria]
    for number, criterion_id in enumerate(ids, start=1):
        first = ids.index(criterion_id) + 1
        if first != number:
            check.fail(
                f"criteria[{number}].id",
                f'duplicate criterion id "{criterion_id}" (also criteria[{first}])',
            )
    return criteria


def _criterion(item: Any, where: str, pack_agencies: tuple[str, ...], check: _Checker) -> Criterion:
    table = check.typed(item, where, dict)
    check.keys(table, where, _CRITERION_KEYS)
    criterion_id = criterion_key(check.text(table, where, "id"))
    if not _CRITERION_ID.fullmatch(criterion_id):
        check.fail(
            f"{where}.id",
            f'"{criterion_id}" does not look like "DA-01" '
            "(2 to 4 capital letters, a hyphen, 2 digits)",
        )
    agencies = check.names(table, where, "agencies", AGENCY_KINDS, "an agency kind")
    for agency in agencies:
        if agency not in pack_agencies:
            check.fail(
                f"{where}.agencies",
                f'"{agency}" is not among the pack\'s agencies ({", ".join(pack_agencies)})',
            )
    return Criterion(
        id=criterion_id,
        title=check.text(table, where, "title"),
        description=check.text(table, where, "description"),
        agencies=agencies,
    )


# --- files -----------------------------------------------------------------------------


def load_pack(path: str | Path) -> ThemePack:
    """Read one pack file; its `id` must equal the file name without `.toml`."""
    path = Path(path)
    pack = parse_pack(_read_text(path), path.name)
    if pack.id != path.stem:
        # The file name is how people find a pack; a mismatch means a copied-and-renamed file.
        raise ThemePackError(
            f'{path.name}: id: "{pack.id}" does not match the file name (expected "{path.stem}")'
        )
    return pack


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ThemePackError(f"{path.name}: file not found ({path})") from None
    except OSError as exc:
        raise ThemePackError(f"{path.name}: cannot read the file ({exc.strerror})") from None
    try:
        # utf-8-sig: Windows editors may add a byte-order mark, which TOML would reject.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ThemePackError(
            f"{path.name}: not UTF-8 text (bad byte at offset {exc.start}); save the file as UTF-8"
        ) from None


def load_packs(*directories: str | Path) -> dict[str, ThemePack]:
    """Every `*.toml` pack in the given folders, sorted by id.

    Several folders let the shipped packs sit beside a user's own. An id found twice is an
    error naming both files: silently preferring one would hide a stale copy."""
    if not directories:
        raise TypeError("load_packs() needs at least one directory")
    found: dict[str, tuple[ThemePack, Path]] = {}
    for directory in map(Path, directories):
        for path in _pack_files(directory):
            pack = load_pack(path)
            if pack.id in found:
                raise ThemePackError(
                    f'duplicate theme id "{pack.id}" in {found[pack.id][1]} and {path}'
                )
            found[pack.id] = (pack, path)
    return {pack_id: found[pack_id][0] for pack_id in sorted(found)}


def _pack_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise ThemePackError(f"{directory}: theme folder not found")
    return sorted(p for p in directory.glob("*.toml") if p.is_file())


def default_themes_dir() -> Path:
    """The shipped theme packs (see `jtai_desktop.resources` for how the folder is found)."""
    return resources_dir() / "themes"
