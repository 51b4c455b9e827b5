"""Autosave and the change log: how much a long note typed with pauses leaves behind, and
what an autosave costs beside a raw insert.

    python benchmarks/autosave.py [--saves N] [--size CHARS] [--repeat N]

1. **Log growth.** A note is typed in ``--saves`` pauses until it is ``--size`` characters
   long, each pause saved as the desktop's note editor saves it (``notes.update_note`` on a
   workspace that keeps drafts, as ``InspectionSession`` makes it). Reported: the characters
   of the note's text the change log holds (every op), the ops added, and the growth of the
   database file (after a checkpoint, so the write-ahead log is in it), each beside the
   note's final size. Target: the values held at most 5 times the final size. Measured
   beside the same typing on a workspace that keeps no drafts (the command line's, and the
   desktop's before), which keeps a copy per save.
2. **An autosave, timed.** Saving the same note again (written over its last unsent save)
   beside one ``INSERT`` of the same text in its own transaction, raw connection, same
   pragmas, separate file in the same folder (the floor of ``run.py``'s save figure).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import timing  # noqa: E402
from run import app_pragmas, floor_connection, floor_path, remove_database  # noqa: E402

from jtai_desktop import paths  # noqa: E402
from jtai_desktop.app import open_context  # noqa: E402
from jtai_desktop.domain.themes import default_themes_dir, load_pack  # noqa: E402
from jtai_desktop.services import notes  # noqa: E402
from jtai_desktop.services.inspections import MemberInput, create_inspection  # noqa: E402
from jtai_desktop.store import oplog  # noqa: E402

MAX_GROWTH = 5.0
PROSE = (
    "the social worker visited again and saw the child alone at school; the health visitor "
    "shared what she knew with the police the same day and the plan named who would act"
)


def typed(saves: int, size: int) -> list[str]:
    """The note as it stands at each pause: it grows to ``size`` characters in ``saves``."""
    words, text = PROSE.split(), ""
    while len(text) < size:
        text += words[len(text) % len(words)] + " "
    text = text[:size]
    return [text[: size * (n + 1) // saves] for n in range(saves)]


def new_folder(folder: Path):
    context = open_context(folder, create_demo=True)  # no passphrase: the data is made up
    inspection_id = create_inspection(
        context.workspace,
        load_pack(default_themes_dir() / "domestic-abuse.toml"),
        area="Benchmarkshire",
        notification=date(2026, 10, 5),
        lead=MemberInput("Lead Inspector", "ofsted", "lead"),
    ).entity_id
    return context, inspection_id


def database_bytes(context) -> int:
    context.workspace.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return paths.database_path(context.data_dir).stat().st_size


def log_growth(folder: Path, saves: int, size: int, drafts: bool) -> dict:
    context, inspection_id = new_folder(folder)
    ws = context.workspace
    try:
        if drafts:
            ws.keep_drafts()
        note_id = notes.add_note(
            ws, inspection_id, kind="interview", date="2026-10-19", title="Interview"
        ).entity_id
        ops_before, file_before = oplog.count(ws.db, inspection_id), database_bytes(context)
        for text in typed(saves, size):
            notes.update_note(ws, note_id, text=text)
        held = sum(len(op.value or "") for op in oplog.ops_for_field(ws.db, note_id, "text"))
        return {
            "drafts": drafts,
            "final_chars": size,
            "text_chars_held": held,
            "held_over_final": held / size,
            "ops_added": oplog.count(ws.db, inspection_id) - ops_before,
            "file_growth_bytes": database_bytes(context) - file_before,
        }
    finally:
        context.close()


def time_autosave(folder: Path, repeat: int, size: int) -> timing.Comparison:
    context, inspection_id = new_folder(folder)
    ws = context.workspace
    ws.keep_drafts()
    note_id = notes.add_note(
        ws, inspection_id, kind="interview", date="2026-10-19", title="Interview"
    ).entity_id
    base = typed(1, size)[0]
    path = floor_path(folder, "autosave", "sqlite3")
    conn = floor_connection(path, app_pragmas(ws))
    conn.execute("CREATE TABLE saves (id INTEGER PRIMARY KEY, note_id TEXT, text TEXT)")

    def autosave(i: int) -> None:
        notes.update_note(ws, note_id, text=f"{base} {i}")

    def floor(i: int) -> None:
        conn.execute("BEGIN")
        conn.execute("INSERT INTO saves (note_id, text) VALUES (?, ?)", (note_id, f"{base} {i}"))
        conn.execute("COMMIT")

    try:
        return timing.compare(
            "autosave the same note again",
            autosave,
            floor,
            repeat,
            warmup=2,
            detail=f"notes.update_note of a {size}-character note written over its last "
            "unsent save, vs one INSERT + COMMIT of the same text, raw connection, same "
            "pragmas, separate file in the same folder",
        )
    finally:
        conn.close()
        remove_database(path)
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="jtai-autosave-"))
    try:
        growth = [
            log_growth(root / name, args.saves, args.size, drafts)
            for name, drafts in (("desktop", True), ("no-drafts", False))
        ]
        timed = time_autosave(root / "timed", args.repeat, 500)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if args.json:
        print(json.dumps({"growth": growth, "autosave": timed.as_dict()}, indent=1))
        return 0
    for row in growth:
        who = "the desktop (keeps drafts)" if row["drafts"] else "no drafts (a copy per save)"
        met = "met" if row["held_over_final"] <= MAX_GROWTH else "NOT MET"
        print(
            f"{args.saves} autosaves of a note growing to {args.size} characters, {who}: "
            f"{row['text_chars_held']} characters held ({row['held_over_final']:.2f} x the "
            f"final size; target <= {MAX_GROWTH:g} x: {met if row['drafts'] else 'n/a'}), "
            f"{row['ops_added']} ops added, database +{row['file_growth_bytes'] / 1024:.0f} KiB"
        )
    data = timed.as_dict()
    print(
        f"{data['name']}: median {data['subject']['median_ms']:.3f} ms beside a raw insert "
        f"{data['floor']['median_ms']:.3f} ms: ratio {data['ratio']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
