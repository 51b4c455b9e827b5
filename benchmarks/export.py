"""Export of the draft letter on the reference demo, beside its floor, in the same run.

    python benchmarks/export.py [--data-dir DIR] [--size small|reference] [--repeat N] [--json]

The application: ``services.report.export_letter`` as the report screen and the CLI run it:
read the inspection, compose the letter, scan every piece of text with the identifying-details
gate, write the .docx (styles, widths, marked header rows, alt text, section bookmarks), check
every text node of every part of the written file again (the final-file gate), put it in place
atomically (temporary file, fsync, rename), record the export in the audit log and keep it as
a version of the letter.

The floor: python-docx writing the same paragraphs, tables and chart straight into the same
template, the plain way (``add_paragraph``, ``add_table`` + ``add_row().cells``,
``add_picture``), saved straight to its file. The letter it writes is composed once,
outside the timing. Target: application / floor <= 1.5 (ratio of medians), for the internal
draft (its annexes and 1,000-row evidence index) and for the letter for quality assurance.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import run  # noqa: E402  (benchmarks/run.py: building and opening the demo)
import timing  # noqa: E402
from docx import Document  # noqa: E402
from docx.shared import Cm  # noqa: E402

from jtai_desktop.report import template as tpl  # noqa: E402
from jtai_desktop.report.letter import Figure, Letter, Paragraph, Table  # noqa: E402
from jtai_desktop.services import report  # noqa: E402

MAX_RATIO = 1.5
DEFAULT_REPEAT = 5


def floor_write(letter: Letter, target: Path) -> None:
    """The same content written with python-docx directly, nothing else."""
    document = Document(str(tpl.default_template()))
    for section in letter.sections:
        if section.heading:
            style = tpl.TITLE if section.level == 0 else tpl.HEADINGS[section.level - 1]
            document.add_paragraph(section.heading, style=style)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                paragraph = document.add_paragraph(style=tpl.BULLET if block.bullet else tpl.BODY)
                if block.lead:
                    paragraph.add_run(block.lead).bold = True
                paragraph.add_run(block.text)
            elif isinstance(block, Table):
                _floor_table(document, block)
            elif isinstance(block, Figure):
                document.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
                document.add_paragraph(block.caption, style=tpl.CAPTION)
    document.save(str(target))


def _floor_table(document, block: Table) -> None:
    document.add_paragraph(block.caption, style=tpl.CAPTION)
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = tpl.TABLE
    for cell, text in zip(table.rows[0].cells, block.header):
        cell.text = text
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def bench(prepared: run.Prepared, out: Path, internal: bool, repeat: int) -> timing.Comparison:
    ws, iid = prepared.context.workspace, prepared.inspection_id
    letter, _ = report.build_letter(ws, iid, internal=internal)
    kind = "internal" if internal else "qa"

    def application(i: int) -> None:
        outcome = report.export_letter(ws, iid, out / f"app-{kind}.docx", internal=internal)
        if not outcome.written:
            raise run.BenchmarkError(f"the export was {outcome.status}")

    def floor(i: int) -> None:
        floor_write(letter, out / f"floor-{kind}.docx")

    comparison = timing.compare(
        f"export {'internal draft' if internal else 'draft for QA'}",
        application,
        floor,
        repeat,
        max_ratio=MAX_RATIO,
    )
    rows = sum(len(b.rows) for s in letter.sections for b in s.blocks if isinstance(b, Table))
    paragraphs = sum(isinstance(b, Paragraph) for s in letter.sections for b in s.blocks)
    size = (out / f"app-{kind}.docx").stat().st_size // 1024
    return replace(
        comparison,
        detail=f"{len(letter.sections)} sections, {paragraphs} "
        f"paragraphs, {rows} table rows, {size} KB",
    )


def stages(prepared: run.Prepared, repeat: int) -> dict[str, float]:
    """Where the application's time goes (medians in ms), for reading the ratio."""
    ws, iid = prepared.context.workspace, prepared.inspection_id
    from jtai_desktop.report import docx_writer

    checks, renders = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        draft = report.check_letter(ws, iid, internal=True)
        checks.append(time.perf_counter() - started)
        started = time.perf_counter()
        docx_writer.render(draft.letter)
        renders.append(time.perf_counter() - started)
    return {
        "read, compose and gate": timing.median(checks) * 1000,
        "render .docx": timing.median(renders) * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, help="folder holding (or to hold) the demo")
    parser.add_argument("--size", choices=("small", "reference"), default="reference")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jtai-export-bench-") as scratch:
        folder = args.data_dir or Path(scratch) / "data"
        log = (lambda m: None) if args.json else (lambda m: print(m, file=sys.stderr))
        prepared = run.prepare(folder, args.size, log=log)
        out = Path(scratch) / "out"
        out.mkdir()
        try:
            results = [bench(prepared, out, internal, args.repeat) for internal in (True, False)]
            split = stages(prepared, max(1, args.repeat // 2))
        finally:
            prepared.context.close()
    if args.json:
        print(
            json.dumps(
                {
                    "size": args.size,
                    "repeat": args.repeat,
                    "stages_ms": split,
                    "benchmarks": [r.as_dict() for r in results],
                },
                indent=2,
            )
        )
    else:
        print(format_results(results, split, args.size, args.repeat))
    return 0


def format_results(results, split: dict[str, float], size: str, repeat: int) -> str:
    lines = [
        f"Export of the {size} demo letter, {repeat} runs each, interleaved (median, min-max, ms)",
        "",
    ]
    for r in results:
        verdict = {True: "met", False: "NOT MET", None: ""}[r.met]
        lines.append(
            f"{r.name:28} app {r.subject.median_ms:8.0f} ({r.subject.min_ms:.0f}-"
            f"{r.subject.max_ms:.0f})   python-docx floor {r.floor.median_ms:8.0f} "
            f"({r.floor.min_ms:.0f}-{r.floor.max_ms:.0f})   ratio {r.ratio:4.2f}  "
            f"[{r.target}: {verdict}]"
        )
        lines.append(f"{'':28} {r.detail}")
    lines.append("")
    lines.append(
        "Within the application (internal draft): "
        + ", ".join(f"{name} {ms:.0f} ms" for name, ms in split.items())
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
