"""Draw the app icon: a navy shield with a white "J" and an amber magnifier.

    python packaging/make_icon.py

Writes packaging/icons/jtai-desktop-<N>.png (16 to 512 px), jtai-desktop.png (256 px, for the
window), jtai-desktop.ico (Windows) and jtai-desktop.icns (macOS). Everything is drawn with
shapes, not a font, so the result is the same on every machine. Each size is drawn at four
times its size and scaled down, which gives smooth edges. The small sizes leave the
magnifier out: up to 32 px only the shield and the letter stay legible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent / "icons"
NAME = "jtai-desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
NAVY = (31, 56, 100, 255)  # the report's heading colour
EDGE = (14, 30, 58, 255)
WHITE = (255, 255, 255, 255)
AMBER = (245, 166, 35, 255)
SCALE = 4


def shield(size: float) -> list[tuple[float, float]]:
    """A shield's outline on a size x size canvas: flat top, straight sides, pointed base."""
    left, right, top = 0.12 * size, 0.88 * size, 0.06 * size
    shoulder, tip = 0.50 * size, 0.96 * size
    centre = size / 2
    points = [(left, top), (right, top), (right, shoulder)]
    steps = 24  # the lower sides curve in to the tip
    for i in range(1, steps + 1):
        t = i / steps
        points.append((right - (right - centre) * t**1.6, shoulder + (tip - shoulder) * t))
    for i in range(steps - 1, -1, -1):
        t = i / steps
        points.append((left + (centre - left) * t**1.6, shoulder + (tip - shoulder) * t))
    return points


def draw_letter(draw: ImageDraw.ImageDraw, size: float, small: bool) -> None:
    """A bold "J": a top bar, a stem, and a hook curving left at the bottom."""
    stroke = size * (0.13 if small else 0.11)
    stem_x = size * (0.58 if small else 0.50)
    top, bottom = size * 0.22, size * (0.62 if small else 0.58)
    draw.rectangle(
        [stem_x - size * (0.24 if small else 0.20), top, stem_x + stroke, top + stroke], fill=WHITE
    )
    draw.rectangle([stem_x, top, stem_x + stroke, bottom], fill=WHITE)
    radius = size * 0.17
    box = [stem_x + stroke - 2 * radius, bottom - radius, stem_x + stroke, bottom + radius]
    draw.arc(box, start=0, end=180, fill=WHITE, width=round(stroke))
    hook_left = box[0]
    draw.rectangle([hook_left, bottom - size * 0.05, hook_left + stroke, bottom], fill=WHITE)


def draw_magnifier(draw: ImageDraw.ImageDraw, size: float) -> None:
    """A magnifying glass over the shield's lower right: the inspection."""
    cx, cy, r = size * 0.72, size * 0.72, size * 0.125
    width = round(size * 0.045)
    handle = size * 0.09
    draw.line(
        [(cx + r * 0.7, cy + r * 0.7), (cx + r * 0.7 + handle, cy + r * 0.7 + handle)],
        fill=EDGE,
        width=round(width * 2.2),
    )
    draw.line(
        [(cx + r * 0.7, cy + r * 0.7), (cx + r * 0.7 + handle, cy + r * 0.7 + handle)],
        fill=AMBER,
        width=round(width * 1.5),
    )
    draw.ellipse([cx - r - width, cy - r - width, cx + r + width, cy + r + width], fill=EDGE)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=AMBER)
    inner = r - width
    draw.ellipse([cx - inner, cy - inner, cx + inner, cy + inner], fill=(220, 232, 246, 255))


def render(size: int) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    outline = shield(big)
    draw.polygon(outline, fill=EDGE)
    inset = big * 0.035
    inner = [
        (x + (big / 2 - x) * inset / (big / 2), y + (big / 2 - y) * inset / (big / 2))
        for x, y in outline
    ]
    draw.polygon(inner, fill=NAVY)
    small = size <= 32
    draw_letter(draw, big, small)
    if not small:
        draw_magnifier(draw, big)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main(out: Path = OUT) -> int:
    out.mkdir(parents=True, exist_ok=True)
    images = {size: render(size) for size in SIZES}
    for size, image in images.items():
        image.save(out / f"{NAME}-{size}.png", optimize=True)
    images[256].save(out / f"{NAME}.png", optimize=True)
    images[256].save(
        out / f"{NAME}.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    images[512].save(out / f"{NAME}.icns")
    print(f"Wrote {len(SIZES)} PNG sizes, {NAME}.ico and {NAME}.icns to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
