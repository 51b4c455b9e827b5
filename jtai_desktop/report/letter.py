"""The letter as plain data: sections of paragraphs, tables and figures, in reading order.

The same ``Letter`` is scanned by the gate, shown in the preview and written to Word, so what
the lead checked is exactly what is exported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # a short bold lead-in, e.g. the agencies a finding concerns
    bullet: bool = False
    finding_id: str | None = None  # the finding the words come from, for the gate's messages


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths_cm: tuple[float, ...]
    caption: str = ""
    small_columns: tuple[int, ...] = ()  # columns set in a smaller monospaced font (hashes)
    number_columns: tuple[int, ...] = ()  # right-aligned, so figures line up


@dataclass(frozen=True)
class Figure:
    png: bytes = field(repr=False)
    alt_text: str
    caption: str
    width_cm: float


Block = Paragraph | Table | Figure


@dataclass(frozen=True)
class Section:
    key: str  # stable name: "headline", "main" ... (overrides, settings and versions use it)
    heading: str  # "" for a section without one (the address block, the signatures)
    level: int = 1  # 0: the letter's title
    blocks: tuple[Block, ...] = ()
    page_break_before: bool = False


@dataclass(frozen=True)
class TextPiece:
    """One piece of text that goes into the document, and where."""

    section: str
    heading: str
    paragraph: int  # index of the block in its section; -1 for the heading itself
    part: str  # "", "lead", "caption", "alt text", "row 3, column 2" ...
    text: str
    finding_id: str | None = None


# Control characters cannot be stored in a Word document. They are removed when the letter
# is made, before the gate reads it, so the gate checks exactly the text that is written.
_UNWRITABLE = {
    c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
}


def writable(text: str) -> str:
    return text.translate(_UNWRITABLE) if text else text


@dataclass(frozen=True)
class Letter:
    title: str
    sections: tuple[Section, ...]
    internal: bool = False
    subject: str = ""  # document property: what the letter is about (no child details)

    def __post_init__(self):
        object.__setattr__(self, "title", writable(self.title))
        object.__setattr__(self, "subject", writable(self.subject))
        object.__setattr__(self, "sections", tuple(_writable_section(s) for s in self.sections))

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def pieces(self) -> Iterator[TextPiece]:
        """Every piece of text the document will contain, the title first."""
        yield TextPiece("title", self.title, -1, "", self.title)
        yield TextPiece("title", self.title, -1, "document subject", self.subject)
        for section in self.sections:
            yield TextPiece(section.key, section.heading, -1, "", section.heading)
            for index, block in enumerate(section.blocks):
                yield from _block_pieces(section, index, block)

    def preview(self) -> list[tuple[str, list[str]]]:
        """(heading, paragraphs) in reading order, for the report screen: the n-th paragraph
        of a section is its block n, as the gate's hits number them."""
        return [(s.heading, [_preview_text(b) for b in s.blocks]) for s in self.sections]


def _writable_section(section: Section) -> Section:
    return replace(
        section,
        heading=writable(section.heading),
        blocks=tuple(_writable_block(b) for b in section.blocks),
    )


def _writable_block(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return replace(block, text=writable(block.text), lead=writable(block.lead))
    if isinstance(block, Table):
        return replace(
            block,
            header=tuple(map(writable, block.header)),
            caption=writable(block.caption),
            rows=tuple(tuple(map(writable, row)) for row in block.rows),
        )
    return replace(block, alt_text=writable(block.alt_text), caption=writable(block.caption))


def _block_pieces(section: Section, index: int, block: Block) -> Iterator[TextPiece]:
    def piece(part: str, text: str, finding_id: str | None = None) -> TextPiece:
        return TextPiece(section.key, section.heading, index, part, text, finding_id)

    if isinstance(block, Paragraph):
        if block.lead:
            yield piece("lead", block.lead, block.finding_id)
        yield piece("", block.text, block.finding_id)
    elif isinstance(block, Table):
        for col, text in enumerate(block.header, 1):
            yield piece(f"header, column {col}", text)
        for row_no, row in enumerate(block.rows, 1):
            for col, text in enumerate(row, 1):
                yield piece(f"row {row_no}, column {col}", text)
        yield piece("caption", block.caption)
    else:
        yield piece("alt text", block.alt_text)
        yield piece("caption", block.caption)


def _preview_text(block: Block) -> str:
    if isinstance(block, Paragraph):
        text = f"{block.lead} {block.text}".strip()
        return f"• {text}" if block.bullet else text
    if isinstance(block, Table):
        return f"[Table: {block.caption or ', '.join(block.header)}; {len(block.rows)} rows]"
    return f"[Figure: {block.caption}. {block.alt_text}]"
