"""Text as the gate reads it: one spelling for every dash, space and apostrophe, with a map
back to the text as written so each hit still shows exactly where it is.

Text typed into Word or pasted from the web carries characters that look the same as the
plain ones but are not: en and em dashes, non-breaking, thin and zero-width spaces, curly
apostrophes, full-width digits and letters. An NHS number written ``943–476–5919`` or a
school written ``St Aidan’s`` must be caught exactly like the plain spelling, so the finders
read the normalised text and never the original. Case is kept: finders that need it (names
matched only when capitalised) still see it; the others match without regard to case.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters that carry no letter: removed (zero-width spaces and joiners, the soft hyphen,
# the byte-order mark, word joiner, bidirectional marks).
INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff")
DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d")
APOSTROPHES = frozenset("\u2018\u2019\u201b\u2032\u02bc\u02b9\u0060\u00b4\uff07")
QUOTES = frozenset("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02")
KEPT = {"\n": "\n", "\x00": "\x00"}  # line breaks, and the gate's separator of pieces


@dataclass(frozen=True)
class Normalised:
    """``text`` as the finders read it; ``origin[i]`` is where its character i came from in
    the original (one past the end for the end itself)."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]`` (end exclusive)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def plain_char(ch: str) -> str:
    """What one character reads as (may be empty, or several characters)."""
    if ch in KEPT:
        return ch
    if ch in INVISIBLE:
        return ""
    if ch in DASHES:
        return "-"
    if ch in APOSTROPHES:
        return "'"
    if ch in QUOTES:
        return '"'
    if ch.isspace() or unicodedata.category(ch) == "Zs":
        return " "
    if ch.isascii():
        return ch
    return unicodedata.normalize("NFKC", ch)


def normalise(text: str) -> Normalised:
    parts: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        plain = ch if ch.isascii() and ch not in "\t\r\x0b\x0c`" else plain_char(ch)
        parts.append(plain)
        origin.extend([index] * len(plain))
    origin.append(len(text))
    return Normalised("".join(parts), tuple(origin))


def plain(text: str) -> str:
    """The normalised text alone (for recorded terms, which need no map)."""
    return normalise(text).text


def words(text: str) -> frozenset[str]:
    """A word list written as one block of text (one word per space)."""
    return frozenset(text.split())
