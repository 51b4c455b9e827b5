"""Theme packs: the frameworks of JTAI themes, read from human-editable TOML files.

Criteria are data, never code: each theme has its own criteria and new themes keep coming,
so a lead can add or correct a pack without a new release, or drop a pack of their own into
the data folder's ``themes`` folder, where it is checked exactly like the shipped ones. The
pack's model is in ``theme_model``, its strict reader in ``theme_reader``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jtai_desktop.domain.errors import ThemePackError
from jtai_desktop.domain.theme_model import (  # noqa: F401  (the packs' public names)
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
    PER_CHILD,
    SERVICE_TYPES,
    Criterion,
    RatingScale,
    Strand,
    ThemePack,
    criterion_key,
    judged_label,
    pack_key,
)
from jtai_desktop.domain.theme_reader import (  # noqa: F401
    NOTICE_DAYS_RANGE,
    RATING_LEVELS_RANGE,
    parse_pack,
)
from jtai_desktop.resources import resources_dir

USER_THEMES_FOLDER = "themes"  # inside a data folder: the team's own packs


@lru_cache(maxsize=16)
def embedded_pack(text: str) -> ThemePack:
    """An inspection's own copy of its theme pack (the text it holds), parsed once however
    often it is asked for: checking a setting, opening the inspection and every review
    write read it."""
    return parse_pack(text, "the inspection's theme pack")


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


def user_themes_dir(data_folder: str | Path) -> Path:
    """Where a data folder keeps the team's own packs (it need not exist)."""
    return Path(data_folder) / USER_THEMES_FOLDER


@dataclass(frozen=True)
class Catalogue:
    """The packs a new inspection can be made from: the shipped ones and the team's own.

    A team's pack that fails the checks is left out and its problem kept (naming the file and
    the key), so one bad file never hides the others; a shipped pack that fails is an error."""

    packs: dict[str, ThemePack]  # by id, sorted
    problems: tuple[str, ...] = ()

    def pack(self, reference: str) -> ThemePack:
        wanted = pack_key(reference or "")
        if wanted in self.packs:
            return self.packs[wanted]
        for problem in self.problems:
            if problem.startswith(f"{wanted}.toml:"):
                raise ThemePackError(problem)
        raise ThemePackError(
            f'There is no theme pack "{reference}" (the packs are: {", ".join(self.packs)}). '
            "Run 'jtai-desktop themes' to see them."
        )


def load_catalogue(user_dir: str | Path | None = None) -> Catalogue:
    packs = load_packs(default_themes_dir())
    problems = []
    if user_dir is not None and Path(user_dir).is_dir():
        for path in _pack_files(Path(user_dir)):
            try:
                pack = load_pack(path)
            except ThemePackError as error:
                problems.append(error.message)
                continue
            if pack.format != FORMAT_VERSION:
                problems.append(
                    f"{path.name}: format: a new pack needs format {FORMAT_VERSION} "
                    "(strands, version and sources; see docs/method/pack-format.md)"
                )
            elif pack.id in packs:
                problems.append(
                    f'{path.name}: id: "{pack.id}" is already a shipped pack; give yours '
                    f'another id (like "{pack.id}-local") and rename the file to match'
                )
            else:
                packs[pack.id] = pack
    return Catalogue(dict(sorted(packs.items())), tuple(problems))
