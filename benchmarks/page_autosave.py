"""An autosave with its page open, on the reference load, beside the same save with the page
hidden: what keeping a long list up to date costs at every pause in the typing.

The window is built offscreen on the reference demo (2,000 notes, 1,000 evidence items, 14
organisations evaluated for the area). For each page, saves go through the session as the
editors' autosaves do (``session.edit``) and the window then handles what they announced
(``processEvents``), first with the page shown, then with the front door's page shown
instead (the page only marks itself out of date): the floor.
The two alternate in blocks. Prints the median of each and their ratio; tests assert
behaviour, not speed.

    python benchmarks/page_autosave.py [--data-dir DIR] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import prepare  # noqa: E402

from jtai_desktop.services.area_reviews import AreaReviewInput, set_area_review  # noqa: E402
from jtai_desktop.services.evidence import update_evidence  # noqa: E402
from jtai_desktop.services.notes import update_note  # noqa: E402

BLOCK = 10  # saves in a row on one side before switching
FLOOR_PAGE = "front_door"  # a page that shows none of the records saved


def savers(ws, inspection_id: str) -> dict:
    """Per page, an edit that it shows: a note's or an item's title, an organisation's
    evaluation for the area, new each time."""
    note = ws.rows("note", inspection_id)[0]["id"]
    item = ws.rows("evidence", inspection_id)[0]["id"]
    area = ws.rows("area_review", inspection_id)[0]
    return {
        "notes": lambda i: update_note(ws, note, title=f"Strategy meeting (save {i})"),
        "evidence": lambda i: update_evidence(ws, item, title=f"Minutes (save {i})"),
        "area": lambda i: set_area_review(
            ws,
            inspection_id,
            area["criterion_id"],
            area["agency_id"],
            AreaReviewInput(observation=f"Seen in the response teams (save {i})"),
        ),
    }


def timed_saves(app, window, page: str, save, first: int, count: int) -> list[float]:
    window.navigate(page)
    settle(app, window)
    seconds = []
    for i in range(first, first + count):
        started = time.perf_counter()
        window.session.edit(lambda _ws, i=i: save(i))
        app.processEvents()  # the pages hear the change and bring themselves up to date
        seconds.append(time.perf_counter() - started)
    return seconds


def settle(app, window) -> None:
    for _ in range(20):
        app.processEvents()
    window.session.tasks.wait()
    for _ in range(20):
        app.processEvents()


def measure(folder: Path, repeat: int, size: str = "reference") -> dict[str, dict[str, float]]:
    from PySide6.QtWidgets import QApplication

    from jtai_desktop.ui.assemble import build_main_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepared = prepare(folder, size)
    window = build_main_window(prepared.context)
    try:
        window.resize(1366, 738)
        window.show()
        settle(app, window)
        ws = window.session.ws
        results = {}
        for page, save in savers(ws, prepared.inspection_id).items():
            timed_saves(app, window, page, save, -1, 1)  # untimed: caches, the clock resumed
            shown, hidden, i = [], [], 0
            while len(shown) < repeat:
                shown += timed_saves(app, window, page, save, i, BLOCK)
                hidden += timed_saves(app, window, FLOOR_PAGE, save, i + BLOCK, BLOCK)
                i += 2 * BLOCK
            shown_ms, hidden_ms = (statistics.median(s) * 1000 for s in (shown, hidden))
            results[page] = {
                "list_shown_ms": shown_ms,
                "list_hidden_ms": hidden_ms,
                "ratio": shown_ms / hidden_ms,
                "saves": len(shown),
            }
        return results
    finally:
        window.session.tasks.wait()
        window.close()
        prepared.context.close()


def format_report(results: dict[str, dict[str, float]]) -> str:
    out = ["autosave with its page shown vs hidden (median ms, reference demo)"]
    for page, figures in results.items():
        out.append(
            f"  {page:<9} {figures['list_shown_ms']:7.2f} vs {figures['list_hidden_ms']:6.2f}"
            f"  ratio {figures['ratio']:.2f}  ({figures['saves']:.0f} saves each)"
        )
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/tmp/jtai-ref", type=Path, help="as for journey.py")
    parser.add_argument("--repeat", type=int, default=40, help="saves each side, per page")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = measure(args.data_dir, args.repeat)
    print(json.dumps(results, indent=2) if args.json else format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
