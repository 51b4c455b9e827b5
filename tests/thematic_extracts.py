"""Extracts of published demo inspections, as the thematic tests use them: each demo (its own
seed and fictional area) has its letter exported for the area, published, and extracted by
its lead, exactly as a lead does it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from jtai_desktop.app import open_context
from jtai_desktop.services.coding import remove_code
from jtai_desktop.services.demo import build_demo
from jtai_desktop.services.extract import write_extract
from jtai_desktop.services.letter import publish, set_settings
from jtai_desktop.services.report import export_letter

AREAS = ("Eastmoor", "Westhaven", "Southdale", "Northfield", "Riverton", "Highcliff")
# The demo codes passages; in these areas the lead removes every code before the extract, so
# the six mix extracts whose matrix comes from coding with ones from reviews and findings.
UNCODED = ("Southdale", "Highcliff")
# The date on the letter and of publication. The demo's unborn children are due up to early
# February 2027, and a letter dated on a child's date of birth is (rightly) stopped by the
# identifying-details check: the letters are dated after that, not today.
PUBLISHED = date(2027, 2, 15)


def publish_demo(ws, inspection_id: str, folder: Path) -> None:
    set_settings(ws, inspection_id, letter_date=PUBLISHED)
    outcome = export_letter(ws, inspection_id, folder / f"{inspection_id[:8]}.docx", for_area=True)
    assert outcome.written, outcome.result.hits
    publish(ws, inspection_id, on=PUBLISHED)


def remove_codes(ws, inspection_id: str) -> None:
    """Every coded passage of the inspection removed, through the service a person uses."""
    for code in ws.rows("code", inspection_id):
        remove_code(ws, code["id"])


def make_extracts(
    root: Path, areas=AREAS, size: str = "small", first_seed: int = 11, uncoded=UNCODED
) -> tuple[Path, list[str], list[Path]]:
    """A demo data folder holding one published inspection per area, and their extracts (the
    areas in ``uncoded`` with their codes removed first). Returns (the folder, the inspection
    ids, the extract files)."""
    folder = root / "inspections"
    context = open_context(folder, create_demo=True)
    ids, files = [], []
    try:
        for n, area in enumerate(areas):
            ws = context.workspace
            inspection_id = build_demo(ws, size, first_seed + n, area=area)
            if area in uncoded:
                remove_codes(ws, inspection_id)
            publish_demo(ws, inspection_id, root)
            target = root / f"extract-{area.lower()}.json"
            write_extract(ws, inspection_id, target)
            ids.append(inspection_id)
            files.append(target)
    finally:
        context.close()
    return folder, ids, files


def published_demo_folder(root: Path, seed: int, area: str) -> tuple[Path, str]:
    """A demo data folder holding one published demo inspection: (folder, inspection id)."""
    folder = root / "data"
    context = open_context(folder, create_demo=True)
    try:
        inspection_id = build_demo(context.workspace, "small", seed, area=area)
        publish_demo(context.workspace, inspection_id, root)
    finally:
        context.close()
    return folder, inspection_id
