"""Benchmarks of jtai-desktop on the reference demo inspection, each beside its floor.

    python benchmarks/run.py [--data-dir DIR] [--repeat N] [--json]

Every figure is measured beside a *floor* (the same kind of work done the most direct way)
in the same run, interleaved A B A B ..., and reported as median, min-max and the ratio of
the medians. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_HERE = Path(__file__).resolve().parent
if str(_HERE) not in sys.path:
    sys.path.insert(0, str(_HERE))

import timing  # noqa: E402  (benchmarks/timing.py, found through the line above)

from jtai_desktop import paths  # noqa: E402
from jtai_desktop.app import AppContext, open_context  # noqa: E402
from jtai_desktop.domain.errors import JtaiError  # noqa: E402
from jtai_desktop.domain.records import ENTITIES  # noqa: E402
from jtai_desktop.services import dump, inspections, notes, search  # noqa: E402
from jtai_desktop.services.demo import SIZES, demo_inspection_id  # noqa: E402
from jtai_desktop.store import oplog  # noqa: E402
from jtai_desktop.store.search import ELLIPSIS, SNIPPET_CLOSE, SNIPPET_OPEN  # noqa: E402

SEED = 1
QUERIES = ("strategy discussion", "health visitor", "school", "management oversight")
DEFAULT_REPEATS = {"save": 200, "search": 50, "dump": 5}
SAVE_NOTES = 20  # saves go round this many notes, the least edited ones of the inspection
SAVE_MAX_RATIO = 2.0
SEARCH_MAX_RATIO, SEARCH_MAX_MS = 2.0, 50.0
SEARCH_LIMIT = 50

# Pragmas read from the application's connection and applied to every floor database, so a
# floor differs from the application only in the work it does, never in durability settings.
MIRRORED_PRAGMAS = (
    "journal_mode",
    "synchronous",
    "foreign_keys",
    "busy_timeout",
    "secure_delete",
    "cache_size",
)
DEFAULT_TOKENIZE = "porter unicode61 remove_diacritics 2"


class BenchmarkError(Exception):
    """The benchmark cannot run as asked (e.g. the folder holds another inspection)."""


# --- preparing the reference inspection ---------------------------------------------------
@dataclass
class Prepared:
    context: AppContext
    inspection_id: str
    folder: Path
    size: str
    built: bool  # False when the folder already held the demo
    build_seconds: float | None


_BUILD = """
import sys
sys.path.insert(0, sys.argv[4])
from run import open_folder
from jtai_desktop.services.demo import build_demo
context = open_folder(sys.argv[1])
try:
    print(build_demo(context.workspace, sys.argv[2], int(sys.argv[3])))
finally:
    context.close()
"""


def build_demo_in_subprocess(folder: Path, size: str, seed: int = SEED) -> str:
    """Build the demo in a child process: this process's peak RSS is then what opening costs."""
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(folder), size, str(seed), str(_HERE)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchmarkError(f"building the {size} demo in {folder} failed:\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


def open_folder(folder: Path) -> AppContext:
    """Open a data folder as the demo does: a demo folder needs no passphrase.

    (``open_context`` gained passphrases and ``create_demo`` with encryption at rest; older
    versions took the folder alone.)
    """
    if "create_demo" in inspect.signature(open_context).parameters:
        return open_context(folder, create_demo=True)
    return open_context(folder)


def prepare(
    folder: Path, size: str = "reference", seed: int = SEED, log=lambda message: None
) -> Prepared:
    """Open the demo inspection in ``folder``, building it first if the folder lacks it."""
    folder = Path(folder).resolve()
    present = _holds_demo(folder, size, seed)
    started = time.perf_counter()
    if present:
        log(f"Reusing the demo inspection in {folder}")
    else:
        log(f"Building the {size} demo in {folder} (the reference one takes 15-20 s) ...")
        build_demo_in_subprocess(folder, size, seed)
    build_seconds = None if present else time.perf_counter() - started
    context = open_folder(folder)
    inspection_id = demo_inspection_id(size, seed)
    try:
        context.workspace.require("inspection", inspection_id)
        _check_size(context, inspection_id, size)
    except BaseException:
        context.close()
        raise
    return Prepared(context, inspection_id, folder, size, not present, build_seconds)


def _holds_demo(folder: Path, size: str, seed: int) -> bool:
    database = paths.database_path(folder)
    if not database.exists():
        return False
    context = open_folder(folder)
    try:
        return context.workspace.get("inspection", demo_inspection_id(size, seed)) is not None
    finally:
        context.close()


def _check_size(context: AppContext, inspection_id: str, size: str) -> None:
    # build_demo finds an existing demo by seed alone, so a small demo would pass for the
    # reference one: check the counts instead of trusting the id.
    expected = SIZES[size]
    counts = inspections.inspection_counts(context.workspace, inspection_id)
    if counts["notes"] < expected.notes or counts["children"] < expected.children:
        raise BenchmarkError(
            f"{context.data_dir} holds a demo inspection with {counts['notes']} notes and "
            f"{counts['children']} children, smaller than the {size} demo ({expected.notes} "
            f"notes, {expected.children} children). Use another --data-dir."
        )


def open_inspection(ws, inspection_id: str) -> dict:
    """What opening an inspection in the desktop reads: summary, theme and the main lists."""
    summary = [s for s in inspections.list_inspections(ws) if s["id"] == inspection_id]
    inspections.theme_pack(ws, inspection_id)
    lists = {
        entity: len(ws.rows(entity, inspection_id))
        for entity in ("child", "note", "evidence", "finding")
    }
    return {"counts": summary[0]["counts"] if summary else {}, "listed": lists}


# --- floors: the same work the most direct way ---------------------------------------------
PLAIN, CIPHER = "sqlite3", "sqlcipher"


def app_pragmas(ws) -> dict:
    return {name: ws.db.execute(f"PRAGMA {name}").fetchone()[0] for name in MIRRORED_PRAGMAS}


def app_cipher_version(ws) -> str | None:
    """SQLCipher's version when the application's database is encrypted, else None."""
    row = ws.db.execute("PRAGMA cipher_version").fetchone()
    return row[0] if row and row[0] else None


def floor_drivers(ws) -> tuple[str, ...]:
    """The floor is always raw stdlib sqlite3; an encrypted store adds a raw SQLCipher floor
    (same library and SQLite version as the app, encrypted with a throwaway key), which tells
    the cost of encryption apart from the cost of the application's own work."""
    return (PLAIN, CIPHER) if app_cipher_version(ws) else (PLAIN,)


def floor_connection(path: Path, pragmas: dict, driver: str = PLAIN):
    """A raw connection (autocommit: BEGIN/COMMIT are explicit) with the app's pragmas."""
    remove_database(path)
    if driver == CIPHER:
        import sqlcipher3

        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    for name, value in pragmas.items():
        conn.execute(f"PRAGMA {name} = {value}")
    return conn


def floor_path(folder: Path, purpose: str, driver: str) -> Path:
    return folder / f"bench-floor-{purpose}-{driver}.db"


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- 1. saving one edit --------------------------------------------------------------------
def least_edited_notes(ws, inspection_id: str, count: int) -> list[tuple[str, str]]:
    """(id, text) of the notes with the fewest ops, so reruns on one folder stay comparable."""
    return ws.db.execute(
        "SELECT n.id, n.text FROM notes n JOIN (SELECT entity_id, count(*) AS c FROM ops "
        "WHERE inspection_id = ? AND entity = 'note' GROUP BY entity_id) o ON o.entity_id = n.id "
        "WHERE n.inspection_id = ? ORDER BY o.c, n.id LIMIT ?",
        (inspection_id, inspection_id, count),
    ).fetchall()


def insert_floor(conn, new_text: Callable[[int], tuple[str, str]]) -> Callable[[int], None]:
    """The save's floor on a raw connection: one INSERT of a comparable row (a note's id and
    the new text) in its own BEGIN ... COMMIT."""
    conn.execute(
        "CREATE TABLE saves (id INTEGER PRIMARY KEY, note_id TEXT NOT NULL, "
        "text TEXT NOT NULL, saved_at TEXT NOT NULL)"
    )

    def floor(i: int) -> None:
        note_id, text = new_text(i)
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO saves (note_id, text, saved_at) VALUES (?, ?, ?)",
            (note_id, text, time.strftime("%Y-%m-%dT%H:%M:%S")),
        )
        conn.execute("COMMIT")

    return floor


def bench_save(
    prepared: Prepared, repeat: int = DEFAULT_REPEATS["save"], note_count: int = SAVE_NOTES
) -> timing.Comparison:
    ws = prepared.context.workspace
    chosen = least_edited_notes(ws, prepared.inspection_id, note_count)
    if not chosen:
        raise BenchmarkError("the inspection has no notes to edit")
    run_tag = uuid.uuid4().hex[:8]

    def new_text(i: int) -> tuple[str, str]:
        note_id, text = chosen[i % len(chosen)]
        return note_id, f"{text or ''}\n\nRevised ({run_tag}, save {i})."

    def save(i: int) -> None:
        note_id, text = new_text(i)
        notes.update_note(ws, note_id, text=text)

    pragmas, opened = app_pragmas(ws), {}
    try:
        for driver in floor_drivers(ws):
            path = floor_path(prepared.folder, "save", driver)
            opened[path] = floor_connection(path, pragmas, driver)
        floors = [insert_floor(conn, new_text) for conn in opened.values()]
        return timing.compare(
            "save one edit (note text)",
            save,
            floors[0],
            repeat,
            warmup=2,
            max_ratio=SAVE_MAX_RATIO,
            other_floors=dict(zip(floor_drivers(ws)[1:], floors[1:])),
            detail=f"notes.update_note over {len(chosen)} notes vs one INSERT + COMMIT, raw "
            "connection, same pragmas, separate file in the same folder",
        )
    finally:
        for path, conn in opened.items():
            conn.close()
            remove_database(path)


# --- 2. search -----------------------------------------------------------------------------
def _tokenize_option(ws) -> str:
    row = ws.db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()
    found = re.search(r"tokenize\s*=\s*'([^']*)'", row[0] if row else "")
    return found.group(1) if found else DEFAULT_TOKENIZE


def build_search_floor(ws, path: Path, driver: str = PLAIN):
    """A bare FTS5 table (title, body) in its own file, holding the search index's rows."""
    conn = floor_connection(path, app_pragmas(ws), driver)
    tokenize = _tokenize_option(ws).replace("'", "''")
    conn.execute(f"CREATE VIRTUAL TABLE bare USING fts5(title, body, tokenize = '{tokenize}')")
    rows = ws.db.execute("SELECT rowid, title, body FROM search_index ORDER BY rowid").fetchall()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO bare (rowid, title, body) VALUES (?, ?, ?)", rows)
    conn.execute("COMMIT")
    return conn


_FLOOR_SEARCH = f"""
SELECT title,
       snippet(bare, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '{ELLIPSIS}', 12) AS snippet,
       bm25(bare, 4.0, 1.0) AS rank
FROM bare WHERE bare MATCH ? ORDER BY rank LIMIT ?
"""


def bench_search(
    prepared: Prepared, repeat: int = DEFAULT_REPEATS["search"], queries: tuple[str, ...] = QUERIES
) -> list[timing.Comparison]:
    ws, inspection_id = prepared.context.workspace, prepared.inspection_id
    drivers = floor_drivers(ws)
    opened = {}
    results = []
    try:
        for driver in drivers:
            path = floor_path(prepared.folder, "search", driver)
            opened[path] = build_search_floor(ws, path, driver)
        conns = list(opened.values())
        indexed = conns[0].execute("SELECT count(*) FROM bare").fetchone()[0]
        for text in queries:
            fts = search.fts_query(text)
            hits = search.search(ws, inspection_id, text, SEARCH_LIMIT)
            floor_hits = conns[0].execute(_FLOOR_SEARCH, (fts, SEARCH_LIMIT)).fetchall()
            matches = (
                conns[0]
                .execute("SELECT count(*) FROM bare WHERE bare MATCH ?", (fts,))
                .fetchone()[0]
            )
            floors = [
                lambda i, conn=conn, fts=fts: conn.execute(
                    _FLOOR_SEARCH, (fts, SEARCH_LIMIT)
                ).fetchall()
                for conn in conns
            ]
            results.append(
                timing.compare(
                    f"search {text!r}",
                    lambda i, text=text: search.search(ws, inspection_id, text, SEARCH_LIMIT),
                    floors[0],
                    repeat,
                    warmup=2,
                    max_ratio=SEARCH_MAX_RATIO,
                    max_median_ms=SEARCH_MAX_MS,
                    other_floors=dict(zip(drivers[1:], floors[1:])),
                    detail=f"{len(hits)} hits shown ({len(floor_hits)} from the floor) of "
                    f"{matches} matching rows in {indexed}; FTS query {fts}",
                )
            )
    finally:
        for path, conn in opened.items():
            conn.close()
            remove_database(path)
    return results


# --- 3. dump -------------------------------------------------------------------------------
def projected_rows(ws, inspection_id: str) -> dict[str, list[dict]]:
    """SELECT * of every projected table (the inspection's rows, by id), as dicts."""
    tables = {}
    for spec in ENTITIES.values():
        cursor = ws.db.conn.execute(
            f"SELECT * FROM {spec.table} WHERE inspection_id = ? ORDER BY id", (inspection_id,)
        )
        names = [c[0] for c in cursor.description]
        tables[spec.table] = [dict(zip(names, row)) for row in cursor]
    return tables


def dump_floor(ws, inspection_id: str) -> str:
    """The floor: SELECT * per projected table + json.dumps(sort_keys=True) (C encoder)."""
    return json.dumps(projected_rows(ws, inspection_id), sort_keys=True)


def dump_floor_same_format(ws, inspection_id: str) -> str:
    """The same rows serialised with dump_json's own options (indent=1 is the pure-Python
    encoder: the json module uses its C encoder only without indent)."""
    return (
        json.dumps(projected_rows(ws, inspection_id), sort_keys=True, indent=1, ensure_ascii=False)
        + "\n"
    )


def bench_dump(prepared: Prepared, repeat: int = DEFAULT_REPEATS["dump"]) -> timing.Comparison:
    ws, inspection_id = prepared.context.workspace, prepared.inspection_id
    size = len(dump.dump_json(ws, inspection_id).encode())
    return timing.compare(
        "dump inspection (dump_json)",
        lambda i: dump.dump_json(ws, inspection_id),
        lambda i: dump_floor(ws, inspection_id),
        repeat,
        warmup=1,
        other_floors={"indent=1": lambda i: dump_floor_same_format(ws, inspection_id)},
        detail=f"dump_json ({size / 1e6:.1f} MB of JSON) vs SELECT * per projected table + "
        "json.dumps(sort_keys=True); second floor: same rows, dump_json's json options",
    )


# --- 4. memory and size --------------------------------------------------------------------
def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes / KiB


def current_rss_mb() -> float | None:
    """Resident memory now (Linux only), to tell what is kept from what only peaked."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def store_figures(prepared: Prepared) -> dict:
    database = paths.database_path(prepared.folder)
    wal = Path(f"{database}-wal")
    ws = prepared.context.workspace
    return {
        "database_mb": database.stat().st_size / 1e6,
        "wal_mb": wal.stat().st_size / 1e6 if wal.exists() else 0.0,
        "ops": oplog.count(ws.db, prepared.inspection_id),
    }


# --- running everything --------------------------------------------------------------------
def run(
    data_dir: Path | None = None,
    repeat: int | None = None,
    size: str = "reference",
    queries: tuple[str, ...] = QUERIES,
    log=lambda message: None,
) -> dict:
    temporary = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="jtai-bench-")) if temporary else Path(data_dir)
    repeats = {name: repeat or default for name, default in DEFAULT_REPEATS.items()}
    rss_start = peak_rss_mb()
    try:
        prepared = prepare(folder, size, log=log)
        try:
            opened = open_inspection(prepared.context.workspace, prepared.inspection_id)
            memory = {"peak_rss_mb_before_open": rss_start, "peak_rss_mb_after_open": peak_rss_mb()}
            store_before = store_figures(prepared)
            started = time.perf_counter()
            log(f"Saving one edit x {repeats['save']} ...")
            comparisons = [bench_save(prepared, repeats["save"])]
            log(f"Searching {len(queries)} queries x {repeats['search']} ...")
            comparisons += bench_search(prepared, repeats["search"], queries)
            log(f"Dumping x {repeats['dump']} ...")
            comparisons.append(bench_dump(prepared, repeats["dump"]))
            memory["peak_rss_mb_after_runs"] = peak_rss_mb()
            memory["rss_mb_now"] = current_rss_mb()
            return {
                "data_dir": None if temporary else str(folder),
                "size": size,
                "inspection_id": prepared.inspection_id,
                "built": prepared.built,
                "build_seconds": prepared.build_seconds,
                "measure_seconds": time.perf_counter() - started,
                "repeats": repeats,
                "sqlite_version": {
                    "app": prepared.context.workspace.db.execute(
                        "SELECT sqlite_version()"
                    ).fetchone()[0],
                    "app_cipher": app_cipher_version(prepared.context.workspace),
                    "floor_sqlite3": sqlite3.sqlite_version,
                },
                "pragmas": app_pragmas(prepared.context.workspace),
                "opened": opened,
                "benchmarks": [c.as_dict() for c in comparisons],
                "memory": memory,
                "store_before": store_before,
                "store_after": store_figures(prepared),
            }
        finally:
            prepared.context.close()
    finally:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)


# --- output --------------------------------------------------------------------------------
def _ms(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def format_table(result: dict) -> str:
    benchmarks = result["benchmarks"]
    header = [
        "benchmark",
        "median ms",
        "min–max ms",
        "floor median ms",
        "floor min–max ms",
        "ratio",
        "target",
        "met",
        "other floors: median ms (ratio)",
    ]
    rows = []
    for b in benchmarks:
        s, f = b["subject"], b["floor"]
        met = {True: "met", False: "NOT MET", None: "n/a"}[b["met"]]
        others = ", ".join(
            f"{label} {_ms(o['median_ms'])} ({o['ratio']:.2f})"
            for label, o in b["other_floors"].items()
        )
        rows.append(
            [
                b["name"],
                _ms(s["median_ms"]),
                f"{_ms(s['min_ms'])}–{_ms(s['max_ms'])}",
                _ms(f["median_ms"]),
                f"{_ms(f['min_ms'])}–{_ms(f['max_ms'])}",
                f"{b['ratio']:.2f}",
                b["target"] or "—",
                met,
                others or "—",
            ]
        )
    widths = [max(len(str(r[i])) for r in (header, *rows)) for i in range(len(header))]
    left = {0, 6, 7, 8}

    def line(cells):
        return "  ".join(
            str(c).ljust(w) if i in left else str(c).rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths))
        ).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *map(line, rows), ""]
    for b in benchmarks:
        s, f = b["subject"], b["floor"]
        out.append(
            f"{b['name']}: n={s['n']}, p10–p90 {_ms(s['p10_ms'])}–{_ms(s['p90_ms'])} ms "
            f"(floor {_ms(f['p10_ms'])}–{_ms(f['p90_ms'])} ms); {b['detail']}"
        )
    m, before, after = result["memory"], result["store_before"], result["store_after"]
    build = (
        f"built in {result['build_seconds']:.1f} s in a separate process"
        if result["built"]
        else "reused"
    )
    versions = result["sqlite_version"]
    cipher = f" (SQLCipher {versions['app_cipher']})" if versions["app_cipher"] else ""
    out += [
        "",
        f"memory: peak RSS {m['peak_rss_mb_before_open']:.1f} MB before opening, "
        f"{m['peak_rss_mb_after_open']:.1f} MB after opening the inspection, "
        f"{m['peak_rss_mb_after_runs']:.1f} MB after the runs"
        + (f" (resident now {m['rss_mb_now']:.1f} MB)" if m.get("rss_mb_now") else ""),
        f"store: database {before['database_mb']:.1f} MB (+ WAL {before['wal_mb']:.1f} MB) "
        f"and {before['ops']} ops before the runs; {after['database_mb']:.1f} MB (+ WAL "
        f"{after['wal_mb']:.1f} MB) and {after['ops']} ops after",
        f"inspection {result['inspection_id']} ({result['size']} demo, {build}); opening "
        f"listed {result['opened']['listed']}",
        f"SQLite {versions['app']}{cipher} in the app, {versions['floor_sqlite3']} in the "
        f"stdlib floor; pragmas {result['pragmas']}",
        f"measured in {result['measure_seconds']:.1f} s; repeats {result['repeats']}",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help=(
            "folder holding (or to hold) the reference demo; reused when it holds one already. "
            "Default: a temporary folder, deleted afterwards (the demo takes ~15 s to build)"
        ),
    )
    parser.add_argument(
        "--repeat",
        metavar="N",
        type=int,
        help=("timed runs of every measurement (default: 200 saves, 50 per search query, 5 dumps)"),
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--size",
        choices=sorted(SIZES),
        default="reference",
        help=("demo size (default: reference, the benchmark load; small is for quick checks)"),
    )
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        result = run(
            args.data_dir,
            args.repeat,
            args.size,
            log=lambda message: print(message, file=sys.stderr, flush=True),
        )
    except (BenchmarkError, JtaiError) as error:
        print(f"benchmarks: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, sort_keys=True) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
