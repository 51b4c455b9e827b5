"""Where the time of one save goes, and what it writes: the anatomy behind run.py's save figure.

    python benchmarks/save_anatomy.py [--data-dir DIR] [--size small|reference] [--saves N]
                                      [--no-pages] [--json]

For the saves ``run.py`` times (``notes.update_note`` round the 20 least-edited notes of the
demo, a new text each time), in two ways of saving:

- **new op**: a workspace that keeps no drafts (the command line's, and run.py's figure): every
  save appends an op;
- **autosave**: a workspace that keeps drafts (the desktop's editors): a save writes over the
  note's last unsent save instead.

Reported, per save: the wall time (median) and its split into COMMIT (SQLCipher encrypting
and writing the pages, and the fsync), the other statements one by one, and Python (what is
left); the statements run; the write-ahead-log frames written (one per page, per commit); and
which b-tree each page belongs to. SQLCipher's build has no ``dbstat``, so that last part
repeats the same saves on a plaintext copy of the database opened with the standard
library's sqlite3 (same schema and rows; pages hold 80 bytes more, so counts differ a little).
Beside them, the raw cost of a commit that writes 1 and 8 pages with each driver, in a floor
file in the same folder, tells what the pages alone cost.
"""

from __future__ import annotations

import argparse
import json
import statistics
import struct
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import run  # noqa: E402  (benchmarks/run.py, found through the line above)
import timing  # noqa: E402

from jtai_desktop.services import notes  # noqa: E402
from jtai_desktop.services.workspace import Workspace, ordered_id  # noqa: E402
from jtai_desktop.store import settings  # noqa: E402
from jtai_desktop.store.database import open_database  # noqa: E402

NEW_OP, AUTOSAVE = "new op", "autosave"
WAL_HEADER, FRAME_HEADER = 32, 24


@dataclass
class Anatomy:
    mode: str
    saves: int
    median_ms: float  # of whole saves, the WAL never checkpointed meanwhile
    commit_ms: float  # medians over saves of each part (so they add up only roughly)
    other_sql_ms: float
    python_ms: float
    statements_per_save: float
    wal_frames_per_save: float
    statements: dict[str, dict[str, float]] = field(default_factory=dict)  # label -> figures
    pages: dict[str, float] | None = None  # b-tree -> pages per save (plaintext copy)


class TimedConnection:
    """The connection a workspace writes through, timing each statement it runs."""

    def __init__(self, conn):
        self._conn = conn
        self.seconds: dict[str, list[float]] = defaultdict(list)  # label -> each run's time
        self.total = 0.0

    def _timed(self, method, sql: str, *args):
        started = time.perf_counter()
        try:
            return method(sql, *args)
        finally:
            took = time.perf_counter() - started
            self.seconds[statement_label(sql)].append(took)
            self.total += took

    def execute(self, sql: str, *args):
        return self._timed(self._conn.execute, sql, *args)

    def executemany(self, sql: str, *args):
        return self._timed(self._conn.executemany, sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._conn, name)


def statement_label(sql: str) -> str:
    """A statement as one short line: what it does and to which table."""
    words = " ".join(sql.split())
    return words if len(words) <= 72 else words[:69] + "..."


# --- the saves -----------------------------------------------------------------------------
def note_saver(ws: Workspace, inspection_id: str) -> Callable[[int], None]:
    """run.py's save: round the 20 least-edited notes, a new text each time."""
    chosen = run.least_edited_notes(ws, inspection_id, run.SAVE_NOTES)
    if not chosen:
        raise run.BenchmarkError("the inspection has no notes to edit")
    tag = uuid.uuid4().hex[:8]

    def save(i: int) -> None:
        note_id, text = chosen[i % len(chosen)]
        notes.update_note(ws, note_id, text=f"{text or ''}\n\nRevised ({tag}, save {i}).")

    return save


def wal_pages(wal: Path, page_size: int) -> list[int]:
    """The page number of every frame in a write-ahead log, in the order written."""
    data = wal.read_bytes() if wal.exists() else b""
    found, offset = [], WAL_HEADER
    while offset + FRAME_HEADER <= len(data):
        found.append(struct.unpack(">I", data[offset : offset + 4])[0])
        offset += FRAME_HEADER + page_size
    return found


def saves_on_a_fresh_log(ws: Workspace, save, saves: int, first: int) -> tuple[list[float], list]:
    """Run ``saves`` saves with the log emptied first and never checkpointed meanwhile, so
    every frame they write is still in it. Returns the seconds of each and the pages written."""
    database = Path(ws.db.execute("PRAGMA database_list").fetchone()[2])
    wal = Path(f"{database}-wal")
    page_size = int(ws.db.execute("PRAGMA page_size").fetchone()[0])
    ws.db.execute("PRAGMA wal_autocheckpoint = 0")
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        seconds = []
        for i in range(first, first + saves):
            started = time.perf_counter()
            save(i)
            seconds.append(time.perf_counter() - started)
        return seconds, wal_pages(wal, page_size)
    finally:
        ws.db.execute("PRAGMA wal_autocheckpoint = 1000")  # SQLite's default, as the app has
        ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def anatomy(ws: Workspace, save, mode: str, saves: int) -> Anatomy:
    for i in range(-run.SAVE_NOTES - 5, 0):  # warm up: caches, and a draft for every note
        save(i)
    seconds, pages = saves_on_a_fresh_log(ws, save, saves, 0)
    timed = TimedConnection(ws.db.conn)
    ws.db.conn = timed  # type: ignore[assignment]
    parts = []  # per save: (COMMIT, other statements, Python)
    try:
        for i in range(saves, 2 * saves):
            sql_before, commits_before = timed.total, sum(timed.seconds["COMMIT"])
            started = time.perf_counter()
            save(i)
            wall = time.perf_counter() - started
            sql, commit = timed.total - sql_before, sum(timed.seconds["COMMIT"]) - commits_before
            parts.append((commit, sql - commit, wall - sql))
    finally:
        ws.db.conn = timed._conn
    commit, other, python = (statistics.median(column) * 1000 for column in zip(*parts))
    return Anatomy(
        mode=mode,
        saves=saves,
        median_ms=statistics.median(seconds) * 1000,
        commit_ms=commit,
        other_sql_ms=other,
        python_ms=python,
        statements_per_save=sum(len(runs) for runs in timed.seconds.values()) / saves,
        wal_frames_per_save=len(pages) / saves,
        statements={
            label: {"per_save": len(runs) / saves, "median_us": statistics.median(runs) * 1e6}
            for label, runs in sorted(timed.seconds.items(), key=lambda item: -sum(item[1]))
        },
    )


def both_modes(ws: Workspace, inspection_id: str, saves: int) -> list[Anatomy]:
    save = note_saver(ws, inspection_id)
    found = [anatomy(ws, save, NEW_OP, saves)]
    ws.keep_drafts()
    try:
        found.append(anatomy(ws, note_saver(ws, inspection_id), AUTOSAVE, saves))
    finally:
        ws.drafts = None
    return found


# --- pages by b-tree, on a plaintext copy ------------------------------------------------
def plaintext_copy(ws: Workspace, target: Path) -> None:
    """The database, decrypted, in ``target`` (sqlcipher_export: same schema and rows)."""
    ws.db.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(target),))
    try:
        ws.db.execute("SELECT sqlcipher_export('plaintext')")
    finally:
        ws.db.execute("DETACH DATABASE plaintext")


def pages_by_btree(ws: Workspace, inspection_id: str, saves: int, mode: str) -> dict[str, float]:
    """Pages per save of each b-tree, for the same saves on a plaintext copy."""
    with tempfile.TemporaryDirectory(prefix="jtai-anatomy-") as folder:
        path = Path(folder) / "plaintext.db"
        plaintext_copy(ws, path)
        db = open_database(path)
        try:
            copy = Workspace(db, settings.get(db, "device_id") or ws.device_id)
            if mode == AUTOSAVE:
                copy.keep_drafts()
            save = note_saver(copy, inspection_id)
            for i in range(-run.SAVE_NOTES - 5, 0):
                save(i)
            _, pages = saves_on_a_fresh_log(copy, save, saves, 0)
            owners = page_owners(db)
        finally:
            db.close()
    counted = Counter(owners.get(page, "(page 1: the file grew)") for page in pages)
    return {name: n / saves for name, n in counted.most_common()}


def page_owners(db) -> dict[int, str]:
    try:
        rows = db.execute("SELECT name, pageno FROM dbstat").fetchall()
    except Exception as error:  # the standard library's SQLite built without dbstat
        raise run.BenchmarkError(f"no dbstat in this sqlite3 ({error}); use --no-pages") from error
    return {page: name for name, page in rows if page != 1}


# --- what pages alone cost: a raw commit of k pages ----------------------------------------
def commit_floor(ws: Workspace, folder: Path, page_counts=(1, 8), repeat: int = 200) -> dict:
    """Median ms of one raw commit that rewrites k pages (k rows of ~3 KB, far apart), for
    each driver, with the application's pragmas, in a floor file in the same folder."""
    found: dict[str, dict[int, float]] = {}
    for driver in run.floor_drivers(ws):
        path = run.floor_path(folder, "anatomy", driver)
        conn = run.floor_connection(path, run.app_pragmas(ws), driver)
        try:
            conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO t VALUES (?, ?)", [(i, "x" * 3000) for i in range(800)])
            conn.execute("COMMIT")
            found[driver] = {k: _median_commit(conn, k, repeat) for k in page_counts}
        finally:
            conn.close()
            run.remove_database(path)
    return found


def _median_commit(conn, pages: int, repeat: int) -> float:
    seconds = []
    for r in range(repeat):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for k in range(pages):
            conn.execute(
                "UPDATE t SET v = ? WHERE id = ?", (f"{r}" + "y" * 2990, (r + k * 97) % 800)
            )
        conn.execute("COMMIT")
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds) * 1000


# --- the data model's own floor: a save's statements, straight ------------------------------
def write_set_saver(ws: Workspace, inspection_id: str) -> Callable[[int], None]:
    """What any code that keeps this data model must do for run.py's save, and nothing else:
    read the field's heads (the op's parents) and the device's last sequence number, append
    the op to the change log (its row and its three indexes), move the heads to it, write
    the note's row and queue it for the search index, in one transaction on the workspace's
    own connection. Ids, stamps and values are made in Python before the statements: what is
    left is SQL and the commit."""
    chosen = run.least_edited_notes(ws, inspection_id, run.SAVE_NOTES)
    conn = ws.db.conn
    device, author = ws.device_id, ws.author_for(inspection_id)
    tag = uuid.uuid4().hex[:8]

    def save(i: int) -> None:
        note_id, text = chosen[i % len(chosen)]
        text = f"{text or ''}\n\nRevised straight ({tag}, save {i})."
        op_id, now_ms = ordered_id(), time.time_ns() // 1_000_000
        stamp = f"{now_ms}.0000.{device}"
        conn.execute("BEGIN IMMEDIATE")
        (head,) = conn.execute(
            "SELECT op_id FROM field_heads WHERE entity_id = ? AND field = 'text'", (note_id,)
        ).fetchone()
        (seq,) = conn.execute(
            "SELECT max(seq) FROM ops WHERE inspection_id = ? AND device_id = ?",
            (inspection_id, device),
        ).fetchone()
        conn.execute(
            "INSERT INTO ops (op_id, inspection_id, entity, entity_id, field, value, hlc, "
            "device_id, author, parents, seq) VALUES (?, ?, 'note', ?, 'text', ?, ?, ?, ?, ?, ?)",
            (
                op_id,
                inspection_id,
                note_id,
                json.dumps(text),
                stamp,
                device,
                author,
                json.dumps([head]),
                seq + 1,
            ),
        )
        conn.execute(
            "UPDATE field_heads SET op_id = ? WHERE entity_id = ? AND field = 'text' AND op_id = ?",
            (op_id, note_id, head),
        )
        conn.execute(
            "UPDATE notes SET text = ?, updated_at = ?, updated_by = ? WHERE id = ?",
            (text, stamp, author, note_id),
        )
        conn.execute(
            "INSERT OR IGNORE INTO search_pending (entity_id, entity, inspection_id) "
            "VALUES (?, 'note', ?)",
            (note_id, inspection_id),
        )
        conn.execute("COMMIT")

    return save


def write_set_beside_floors(prepared: run.Prepared, repeat: int) -> dict[str, dict]:
    """run.py's save, the same write set straight, and run.py's raw inserts, interleaved:
    the medians (ms) and each one's ratio to the raw sqlite3 insert."""
    ws = prepared.context.workspace
    chosen = run.least_edited_notes(ws, prepared.inspection_id, run.SAVE_NOTES)

    def new_text(i: int) -> tuple[str, str]:  # the floor's row: as big as the save's text
        note_id, text = chosen[i % len(chosen)]
        return note_id, f"{text or ''}\n\nRevised (save {i})."

    works = {
        "save (notes.update_note)": note_saver(ws, prepared.inspection_id),
        "its write set, straight": write_set_saver(ws, prepared.inspection_id),
    }
    opened = []
    try:
        for driver in run.floor_drivers(ws):
            path = run.floor_path(prepared.folder, "write-set", driver)
            opened.append((path, run.floor_connection(path, run.app_pragmas(ws), driver)))
            works[f"raw INSERT + COMMIT ({driver})"] = run.insert_floor(opened[-1][1], new_text)
        times = timing.interleaved(list(works.values()), repeat, warmup=2)
    finally:
        for path, conn in opened:
            conn.close()
            run.remove_database(path)
    medians = [statistics.median(runs) * 1000 for runs in times]
    floor = medians[2]
    return {
        label: {"median_ms": ms, "ratio_to_sqlite3_insert": ms / floor}
        for label, ms in zip(works, medians)
    }


# --- running and printing ------------------------------------------------------------------
def measure(folder: Path, size: str, saves: int, with_pages: bool, log=lambda m: None) -> dict:
    prepared = run.prepare(folder, size, log=log)
    try:
        ws = prepared.context.workspace
        log(f"Saving {saves} times in each mode ...")
        found = both_modes(ws, prepared.inspection_id, saves)
        if with_pages:
            log("Counting pages by b-tree on a plaintext copy ...")
            for item in found:
                item.pages = pages_by_btree(ws, prepared.inspection_id, saves, item.mode)
        log("Timing raw commits of 1 and 8 pages ...")
        floors = commit_floor(ws, prepared.folder)
        log(f"Timing the save beside its write set, straight, and the raw inserts x {saves} ...")
        write_set = write_set_beside_floors(prepared, saves)
        return {
            "folder": str(prepared.folder),
            "size": size,
            "modes": [asdict(item) for item in found],
            "raw_commit_ms": floors,
            "write_set": write_set,
        }
    finally:
        prepared.context.close()


def format_report(result: dict) -> str:
    out = [f"Anatomy of a save: {result['size']} demo in {result['folder']}"]
    for item in result["modes"]:
        out += [
            "",
            f"{item['mode']}: median {item['median_ms']:.3f} ms per save; medians of its "
            f"parts: COMMIT {item['commit_ms']:.3f}, other statements "
            f"{item['other_sql_ms']:.3f}, Python {item['python_ms']:.3f} ms",
            f"  {item['statements_per_save']:.1f} statements and "
            f"{item['wal_frames_per_save']:.2f} WAL frames (pages) per save",
        ]
        for label, figures in item["statements"].items():
            out.append(f"  {figures['median_us']:8.1f} us  x{figures['per_save']:.1f}  {label}")
        if item["pages"]:
            out.append("  pages per save by b-tree (plaintext copy):")
            out += [f"  {n:8.2f}  {name}" for name, n in item["pages"].items()]
    out.append("")
    for driver, by_pages in result["raw_commit_ms"].items():
        figures = ", ".join(f"{k} page{'s' * (k > 1)} {ms:.3f} ms" for k, ms in by_pages.items())
        out.append(f"raw {driver} commit: {figures}")
    out += ["", "interleaved, median ms (ratio to the raw sqlite3 insert):"]
    for label, figures in result["write_set"].items():
        out.append(
            f"  {figures['median_ms']:7.3f}  ({figures['ratio_to_sqlite3_insert']:.2f})  {label}"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="as for run.py")
    parser.add_argument("--size", choices=("small", "reference"), default="reference")
    parser.add_argument("--saves", type=int, default=200, help="saves per mode (default 200)")
    parser.add_argument("--no-pages", action="store_true", help="skip the pages by b-tree")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    temporary = args.data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="jtai-anatomy-")) if temporary else args.data_dir
    try:
        result = measure(
            folder,
            args.size,
            args.saves,
            not args.no_pages,
            log=lambda m: print(m, file=sys.stderr),
        )
    except run.BenchmarkError as error:
        print(f"save_anatomy: {error}", file=sys.stderr)
        return 2
    finally:
        if temporary:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, indent=2) if args.json else format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
