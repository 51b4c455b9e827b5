"""The final-file gate: after the .docx is rendered and before it is renamed into place, every
text node of every part of the package is checked for identifying details.

The composed letter was checked already (and the lead may have let some hits through with a
reason); the file adds what a template brings: headers and footers, content controls, nested
tables, footnotes, document properties, alt text. A text identical to one the composed-letter
check read gives the same hits, so it is not read twice. A hit the lead let through (same kind
and words) stays let through; any other hit blocks the export like any other.
"""

from __future__ import annotations

from collections.abc import Iterable

from .details import SensitiveDetails
from .gate import Hit, check_pieces
from .letter import TextPiece
from .package_text import PackageText, package_texts

FILE_PREFIX = "file:"


def check_package(
    data: bytes,
    details: SensitiveDetails,
    let_through: Iterable[tuple[str, str]] = (),
    already_checked: Iterable[str] = (),
) -> list[Hit]:
    """Hits in the written package ``data`` that block it: not let through by the lead."""
    seen = set(already_checked)

    def known(text: str) -> bool:
        # A line break the writer put in (a long hash over two lines) makes no new words.
        return text in seen or ("\n" in text and text.replace("\n", "") in seen)

    pieces = []
    for text in package_texts(data, known):
        if known(text.text):
            continue
        seen.add(text.text)
        pieces.append(_piece(text))
    allowed = set(let_through)
    return [h for h in check_pieces(pieces, details) if (h.kind, h.match) not in allowed]


def _piece(text: PackageText) -> TextPiece:
    return TextPiece(f"{FILE_PREFIX}{text.part}", text.place, text.number - 1, text.what, text.text)
