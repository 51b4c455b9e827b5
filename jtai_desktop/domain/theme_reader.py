"""Reading a theme pack from its TOML text, strictly.

People edit these files by hand, and a user's own pack dropped in the data folder is checked
exactly like a shipped one, so every message names the file and the key at fault.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any, NoReturn

from jtai_desktop.domain.errors import ThemePackError
from jtai_desktop.domain.rules import loose
from jtai_desktop.domain.theme_model import (
    AGENCY_KINDS,
    AREA,
    DEFAULT_NOTICE_DAYS,
    FORMAT_VERSION,
    INSPECTED_BY,
    INSPECTORATES,
    JUDGED,
    KINDS,
    LEAD_INSPECTORATE,
    LEGACY_FORMAT,
    LEGACY_STRAND,
    PER_CHILD,
    SERVICE_TYPES,
    Criterion,
    RatingScale,
    Strand,
    ThemePack,
    criterion_key,
    pack_key,
)

# Wide enough for every notice period seen so far (9 or 10 days), narrow enough to catch typos.
NOTICE_DAYS_RANGE = range(1, 31)
RATING_LEVELS_RANGE = range(2, 8)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STRAND_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_CRITERION_ID = re.compile(r"[A-Z]{2,4}-\d{2}")
_VERSION = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_HEAD = {
    LEGACY_FORMAT: (
        ("format", "id", "title", "kind", "description", "inspectorates", "agencies", "criteria"),
        ("notice_days", "rating_scale"),
    ),
    FORMAT_VERSION: (
        (
            "format",
            "id",
            "version",
            "title",
            "kind",
            "guidance",
            "sources",
            "description",
            "inspectorates",
            "agencies",
            "strands",
            "criteria",
        ),
        ("notice_days", "rating_scale"),
    ),
}
_CRITERION_KEYS = {
    LEGACY_FORMAT: (("id", "title", "description", "agencies"), ()),
    FORMAT_VERSION: (
        ("id", "strand", "title", "description", "evidence", "agencies"),
        ("services",),
    ),
}
_STRAND_KEYS = ("id", "title", "judged", "description")
_SCALE_KEYS = ("name", "levels")
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

    def table_list(self, value: Any, where: str, what: str) -> list:
        items = self.typed(value, where, list)
        if not items:
            self.fail(where, f"no {what} (a pack needs at least one [[{where}]] block)")
        return items


def parse_pack(text: str, source: str) -> ThemePack:
    """Parse and validate one pack; `source` names it in every error message.

    Format 1 (release 0.1's packs, embedded in the inspections it created) is still read, so
    those inspections keep the criteria they were created with."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message carries "(at line L, column C)", which is what the editor needs.
        raise ThemePackError(f"{source}: not valid TOML: {exc}") from None
    return _build_pack(data, _Checker(source))


def _build_pack(data: dict, check: _Checker) -> ThemePack:
    version = _check_format(data, check)  # first: a newer file's other keys would only confuse
    check.keys(data, "", *_HEAD[version])
    pack_id = pack_key(check.text(data, "", "id"))
    if not _SLUG.fullmatch(pack_id):
        check.fail("id", f'"{pack_id}" is not a lowercase slug (like "domestic-abuse")')
    agencies = check.names(data, "", "agencies", AGENCY_KINDS, "an agency kind")
    inspectorates = _inspectorates(data, check)
    strands = _strands(data, check) if version == FORMAT_VERSION else None
    criteria = _criteria(data["criteria"], agencies, strands, version, check)
    extra: dict[str, Any] = {}
    if strands is not None:
        _check_inspected(agencies, inspectorates, check)
        _check_strands_used(strands, criteria, check)
        extra = {
            "version": _version(data, check),
            "guidance": check.text(data, "", "guidance"),
            "sources": _sources(data, check),
            "strands": strands,
        }
    return ThemePack(
        id=pack_id,
        title=check.text(data, "", "title"),
        kind=check.one_of(data["kind"], "kind", KINDS, "a theme kind"),
        description=check.text(data, "", "description"),
        notice_days=_notice_days(data, check),
        inspectorates=inspectorates,
        agencies=agencies,
        criteria=criteria,
        rating_scale=_rating_scale(data.get("rating_scale"), check),
        source=check.source,
        format=version,
        **extra,
    )


def _check_format(data: dict, check: _Checker) -> int:
    if "format" not in data:
        check.fail("", 'missing key "format"')
    version = check.typed(data["format"], "format", int)
    if version not in _HEAD:
        check.fail(
            "format",
            f"unsupported version {version} (this app reads {LEGACY_FORMAT} and {FORMAT_VERSION})",
        )
    return version


def _version(data: dict, check: _Checker) -> str:
    value = check.text(data, "", "version")
    found = _VERSION.fullmatch(value)
    month_ok = found and 1 <= int(found[2]) <= 12 and (found[3] is None or 1 <= int(found[3]) <= 31)
    if not month_ok:
        check.fail(
            "version",
            f'"{value}" is not the publication date of the guidance followed '
            '(like "2024-09-12", or "2016-08" when only the month is known)',
        )
    return value


def _sources(data: dict, check: _Checker) -> tuple[str, ...]:
    values = check.typed(data["sources"], "sources", list)
    if not values:
        check.fail("sources", "must list at least one address where the framework was read")
    found = []
    for number, value in enumerate(values, start=1):
        url = check.string(value, f"sources[{number}]")
        if not url.startswith(("https://", "http://")):
            check.fail(f"sources[{number}]", f'"{url}" is not a web address')
        found.append(url)
    return tuple(found)


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


def _check_inspected(agencies: tuple, inspectorates: tuple, check: _Checker) -> None:
    """Each agency kind in scope comes with the inspectorate that inspects it, and each
    inspectorate has an agency kind in scope to inspect."""
    for kind in agencies:
        needed = INSPECTED_BY.get(kind)
        if needed and needed not in inspectorates:
            check.fail(
                "inspectorates",
                f'"{kind}" is in scope, so "{needed}" (which inspects it) must take part',
            )
    for inspectorate in inspectorates:
        if inspectorate == LEAD_INSPECTORATE:
            continue  # Ofsted leads every JTAI, whatever else it inspects
        if not any(INSPECTED_BY.get(kind) == inspectorate for kind in agencies):
            inspected = [k for k, i in INSPECTED_BY.items() if i == inspectorate]
            check.fail(
                "inspectorates",
                f'"{inspectorate}" takes part but nothing it inspects is in scope '
                f"(add one of: {', '.join(inspected)} to agencies, or remove it)",
            )


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


def _strands(data: dict, check: _Checker) -> tuple[Strand, ...]:
    items = check.table_list(data["strands"], "strands", "strands")
    strands = []
    for number, item in enumerate(items, start=1):
        where = f"strands[{number}]"
        table = check.typed(item, where, dict)
        check.keys(table, where, _STRAND_KEYS)
        strand_id = check.text(table, where, "id")
        if not _STRAND_ID.fullmatch(strand_id):
            check.fail(f"{where}.id", f'"{strand_id}" is not a lowercase name (like "leadership")')
        strands.append(
            Strand(
                id=strand_id,
                title=check.text(table, where, "title"),
                judged=check.one_of(table["judged"], f"{where}.judged", JUDGED, "a way of judging"),
                description=check.text(table, where, "description"),
            )
        )
    check.unique([s.id for s in strands], "strands")
    judged = {s.judged for s in strands}
    for wanted, why in (
        (PER_CHILD, "children's cases are judged one by one"),
        (AREA, "every JTAI judges leadership and the safeguarding arrangements once for the area"),
    ):
        if wanted not in judged:
            check.fail("strands", f'needs a strand judged "{wanted}" ({why})')
    return tuple(strands)


def _check_strands_used(strands: tuple[Strand, ...], criteria: tuple, check: _Checker) -> None:
    used = {c.strand for c in criteria}
    for number, strand in enumerate(strands, start=1):
        if strand.id not in used:
            check.fail(f"strands[{number}]", f'no criterion is in strand "{strand.id}"')


def _criteria(value: Any, pack_agencies, strands, version: int, check: _Checker) -> tuple:
    items = check.table_list(value, "criteria", "criteria")
    # Numbered from 1, like counting [[criteria]] blocks down the file.
    criteria = tuple(
        _criterion(item, f"criteria[{number}]", pack_agencies, strands, version, check)
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


def _criterion(item, where: str, pack_agencies, strands, version: int, check) -> Criterion:
    table = check.typed(item, where, dict)
    check.keys(table, where, *_CRITERION_KEYS[version])
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
    extra = {}
    if strands is not None:
        extra = {
            "strand": _strand_of(table, where, strands, check),
            "evidence": check.text(table, where, "evidence"),
            "services": _services(table, where, agencies, check),
        }
    else:
        extra = {"strand": LEGACY_STRAND}
    return Criterion(
        id=criterion_id,
        title=check.text(table, where, "title"),
        description=check.text(table, where, "description"),
        agencies=agencies,
        **extra,
    )


def _strand_of(table: dict, where: str, strands, check: _Checker) -> str:
    strand_id = check.text(table, where, "strand")
    known = [s.id for s in strands]
    if strand_id not in known:
        check.fail(
            f"{where}.strand",
            f'"{strand_id}" is not a strand (expected one of: {", ".join(known)})',
        )
    return strand_id


def _services(table: dict, where: str, agencies: tuple, check: _Checker) -> tuple[str, ...]:
    if "services" not in table:
        return ()
    allowed = {key: label for kind in agencies for key, label in SERVICE_TYPES[kind].items()}
    if not allowed:
        check.fail(f"{where}.services", "none of the criterion's agencies has service types")
    return check.names(table, where, "services", allowed, "a service type of its agencies")
