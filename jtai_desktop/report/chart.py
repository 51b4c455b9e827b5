"""The chart of findings by agency and kind: a PNG drawn with Pillow, and its alt text.

Horizontal grouped bars, one group per agency, so long agency names stay readable. Colours
are from the Okabe-Ito palette (distinguishable with colour-blindness) and every bar carries
its number, so the colour is never the only way to read it. The font is Pillow's bundled
one, so the chart looks the same on every machine.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from .counts_shown import DEFAULT_BELOW, is_small, shown_count
from .inputs import AREA_FOR_IMPROVEMENT, PRIORITY_ACTION, STRENGTH

KINDS = (PRIORITY_ACTION, AREA_FOR_IMPROVEMENT, STRENGTH)
LABELS = {
    PRIORITY_ACTION: ("area for priority action", "areas for priority action"),
    AREA_FOR_IMPROVEMENT: ("area for improvement", "areas for improvement"),
    STRENGTH: ("strength", "strengths"),
}
COLOURS = {
    PRIORITY_ACTION: (213, 94, 0),
    AREA_FOR_IMPROVEMENT: (0, 114, 178),
    STRENGTH: (0, 158, 115),
}
INK, GRID, PAPER = (11, 12, 12), (200, 200, 200), (255, 255, 255)

WIDTH = 1600  # pixels; placed 16 cm wide, about 250 dots per inch
MARGIN, LABEL_WIDTH, LEGEND_HEIGHT = 24, 520, 100
BAR, BAR_GAP, GROUP_GAP = 30, 6, 34
FONT_SIZE = 36


@dataclass(frozen=True)
class ChartRow:
    label: str
    counts: dict[str, int]  # finding kind -> number of findings


def draw(rows: list[ChartRow], below: int = DEFAULT_BELOW) -> bytes:
    """Counts from 1 to ``below`` - 1 get no bar (its length would give the number away),
    only the words "fewer than N"."""
    font = ImageFont.load_default(size=FONT_SIZE)
    group = len(KINDS) * (BAR + BAR_GAP) + GROUP_GAP
    height = MARGIN * 2 + LEGEND_HEIGHT + max(len(rows), 1) * group + 50
    image = Image.new("RGB", (WIDTH, height), PAPER)
    canvas = ImageDraw.Draw(image)
    top = MARGIN + LEGEND_HEIGHT
    plot_left, plot_right = MARGIN + LABEL_WIDTH, WIDTH - MARGIN - 60
    scale = _scale(rows, below)
    _legend(canvas, font)
    _grid(canvas, font, plot_left, plot_right, top, top + len(rows) * group, scale)
    for index, row in enumerate(rows):
        _group(canvas, font, row, top + index * group, plot_left, plot_right, scale, below)
    out = io.BytesIO()
    # Light compression: "optimize" (or a palette) takes several times longer to save a few
    # kilobytes of a file that is zipped into the .docx anyway.
    image.save(out, "PNG", compress_level=1, dpi=(254, 254))
    return out.getvalue()


def alt_text(rows: list[ChartRow], below: int = DEFAULT_BELOW) -> str:
    if not rows:
        return "Bar chart of findings by agency and kind: there are no findings yet."
    parts = [f"{row.label}: {_counts_in_words(row.counts, below)}." for row in rows]
    return "Bar chart of the number of findings for each agency, by kind. " + " ".join(parts)


def _counts_in_words(counts: dict[str, int], below: int) -> str:
    words = []
    for kind in KINDS:
        n = counts.get(kind, 0)
        one = n == 1 and not is_small(n, below)
        words.append(f"{shown_count(n, below)} {LABELS[kind][0 if one else 1]}")
    return ", ".join(words)


def _scale(rows: list[ChartRow], below: int) -> int:
    """The axis maximum: the largest count shown (at least 2), rounded up to a whole tick."""
    biggest = max(
        (n for row in rows for n in row.counts.values() if not is_small(n, below)), default=0
    )
    step = _step(max(biggest, 2))
    return -(-max(biggest, 2) // step) * step


def _step(top: int) -> int:
    """Ticks 1 apart for small counts, then 2, 5, 10 ... so there are at most 6 of them."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if top / step <= 6:
            return step
    return 1000


def _legend(canvas: ImageDraw.ImageDraw, font) -> None:
    """One line of keys, centred; the bars below are in the same order (top to bottom)."""
    labels = [LABELS[kind][1].capitalize() for kind in KINDS]
    widths = [46 + int(canvas.textlength(label, font=font)) for label in labels]
    x = max(MARGIN, (WIDTH - sum(widths) - 50 * (len(widths) - 1)) // 2)
    for kind, label, width in zip(KINDS, labels, widths):
        canvas.rectangle((x, MARGIN + 8, x + 34, MARGIN + 42), fill=COLOURS[kind])
        canvas.text((x + 46, MARGIN + 25), label, fill=INK, font=font, anchor="lm")
        x += width + 50


def _grid(canvas, font, left, right, top, bottom, scale) -> None:
    for tick in range(0, scale + 1, _step(scale)):
        x = left + (right - left) * tick // scale
        canvas.line((x, top - 6, x, bottom), fill=GRID, width=2)
        text = str(tick)
        canvas.text(
            (x - canvas.textlength(text, font=font) / 2, bottom + 8), text, fill=INK, font=font
        )
    canvas.line((left, top - 6, left, bottom), fill=INK, width=3)


def _group(canvas, font, row: ChartRow, y, left, right, scale, below) -> None:
    block = len(KINDS) * (BAR + BAR_GAP)
    _label(canvas, font, row.label, y + block / 2, left - 20)
    for n, kind in enumerate(KINDS):
        count = row.counts.get(kind, 0)
        y0 = y + n * (BAR + BAR_GAP)
        small = is_small(count, below)
        x1 = left if small else left + (right - left) * count // scale
        if count and not small:
            canvas.rectangle((left, y0, x1, y0 + BAR), fill=COLOURS[kind])
        text = shown_count(count, below)
        canvas.text((x1 + 10, y0 + BAR / 2), text, fill=INK, font=font, anchor="lm")


def _label(canvas, font, text: str, middle: float, right: float) -> None:
    """The agency's name right-aligned beside its bars, over two lines if it is long."""
    lines = _wrap(canvas, font, text, LABEL_WIDTH - 30)
    line_height = FONT_SIZE + 6
    first = middle - line_height * len(lines) / 2 + line_height / 2
    for i, line in enumerate(lines):
        canvas.text((right, first + i * line_height), line, fill=INK, font=font, anchor="rm")


def _wrap(canvas, font, text: str, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and canvas.textlength(trial, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines
