"""How a published JTAI letter is laid out, read from ``resources/letter_formats.toml``.

Two formats are built in, as the published letters show them (docs/method/letters.md): the
current one (since 2022: the title names the area only and the theme moves to the first
sentence) and the earlier one (2016 to 2020: the theme in the title, key strengths first, a
grid of signatures). A format lists its sections in order, each with what it is for and its
usual length; the file also holds the theme's phrase and standard context, who the letter is
addressed to by kind of agency, and who signs for each inspectorate.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..domain.errors import JtaiError
from ..resources import resources_dir

ROLES = ("context", "narrative", "priority", "improve", "strengths", "study", "next_steps")


class LetterFormatError(JtaiError):
    """The letter formats file cannot be used; the message says where and what is wrong."""


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str
    role: str
    purpose: str
    usual: str
    thematic_only: bool = False


@dataclass(frozen=True)
class LetterFormat:
    id: str
    name: str
    title: str
    salutation: str
    opening: tuple[str, ...]
    next_steps: tuple[str, ...]
    sign_off: str
    signatures: str  # "stacked" (since 2022) or "grid" (2016 to 2020)
    sections: tuple[SectionSpec, ...]

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class ThemeWords:
    phrase: str = ""
    context: tuple[str, ...] = ()
    addressees_first: tuple[str, ...] = ()


@dataclass(frozen=True)
class AddresseeRoles:
    organisation: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Inspectorate:
    in_opening: str
    sign: tuple[str, ...]
    sign_2016: tuple[str, ...]


@dataclass(frozen=True)
class LetterFormats:
    default: str
    mailbox: str
    wsoa_working_days: int
    small_count_below: int
    formats: dict[str, LetterFormat]
    themes: dict[str, ThemeWords]
    addressees: dict[str, AddresseeRoles]
    addressees_last: tuple[str, ...]
    inspectorates: dict[str, Inspectorate]

    def format(self, format_id: str | None) -> LetterFormat:
        return self.formats.get(format_id or self.default) or self.formats[self.default]

    def theme(self, theme_id: str) -> ThemeWords:
        return self.themes.get(theme_id, ThemeWords())


def formats_file() -> Path:
    return resources_dir() / "letter_formats.toml"


@lru_cache(maxsize=4)
def load_formats(path: Path | None = None) -> LetterFormats:
    path = path or formats_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LetterFormatError(
            f"The letter formats file {path.name} cannot be read: {error}"
        ) from None
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError) as error:
        raise LetterFormatError(
            f"The letter formats file {path.name} is not as expected ({error}). Restore the "
            "file from the installation."
        ) from None


def _build(data: dict) -> LetterFormats:
    formats = {key: _format(key, value) for key, value in data["formats"].items()}
    if data["default"] not in formats:
        raise ValueError(f"default format {data['default']!r} is not defined")
    return LetterFormats(
        default=data["default"],
        mailbox=data["mailbox"],
        wsoa_working_days=int(data["wsoa_working_days"]),
        small_count_below=int(data["small_count_below"]),
        formats=formats,
        themes={
            key: ThemeWords(
                value.get("phrase", ""),
                tuple(value.get("context", ())),
                tuple(value.get("addressees_first", ())),
            )
            for key, value in data.get("themes", {}).items()
        },
        addressees={
            kind: AddresseeRoles(value["organisation"], tuple(value["roles"]))
            for kind, value in data["addressees"].items()
        },
        addressees_last=tuple(data["addressees_last"]["roles"]),
        inspectorates={
            key: Inspectorate(value["in_opening"], tuple(value["sign"]), tuple(value["sign_2016"]))
            for key, value in data["inspectorates"].items()
        },
    )


def _format(key: str, value: dict) -> LetterFormat:
    sections = tuple(_section(s) for s in value["sections"])
    return LetterFormat(
        id=key,
        name=value["name"],
        title=value["title"],
        salutation=value["salutation"],
        opening=tuple(value["opening"]),
        next_steps=tuple(value["next_steps"]),
        sign_off=value["sign_off"],
        signatures=value["signatures"],
        sections=sections,
    )


def _section(value: dict) -> SectionSpec:
    if value["role"] not in ROLES:
        raise ValueError(f"section {value['key']!r} has an unknown role {value['role']!r}")
    return SectionSpec(
        value["key"],
        value["heading"],
        value["role"],
        value["purpose"],
        value["usual"],
        bool(value.get("thematic_only", False)),
    )
