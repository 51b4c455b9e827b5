"""What encryption at rest costs: the store's operations on SQLCipher beside plain SQLite.

Both stores hold the same reference demo (the plain one is exported from the encrypted one
with ``sqlcipher_export``), and each operation is timed on both, interleaved, in one run.
Target: every operation at most 1.3 times its plain-SQLite time. Also reports the unlock
time (Argon2id tuned to this machine) and opening the folder.

    python benchmarks/encryption.py [--data-dir DIR] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402
from run import SEED, prepare  # noqa: E402

from jtai_desktop import paths  # noqa: E402
from jtai_desktop.crypto.kdf import tuned_params  # noqa: E402
from jtai_desktop.crypto.keyfile import create_keyfile, unlock  # noqa: E402
from jtai_desktop.services import children, inspections, notes, reviews, search  # noqa: E402
from jtai_desktop.services.dump import dump_json  # noqa: E402
from jtai_desktop.services.workspace import Workspace  # noqa: E402
from jtai_desktop.store.database import open_database  # noqa: E402

MAX_RATIO = 1.3
QUERIES = ("strategy discussion", "health visitor", "school", "management oversight")


def plain_copy(encrypted: Workspace, folder: Path) -> Workspace:
    """The same database, decrypted into a plain SQLite file, opened the same way."""
    target = folder / "plain-copy.db"
    target.unlink(missing_ok=True)
    encrypted.db.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
    encrypted.db.execute("SELECT sqlcipher_export('plaintext')")
    encrypted.db.execute("DETACH DATABASE plaintext")
    db = open_database(target)
    plain = Workspace(db, encrypted.device_id, encrypted.blobs)
    return plain


def operations(ws: Workspace, inspection_id: str) -> dict:
    note_ids = [n["id"] for n in ws.rows("note", inspection_id)][:20]
    child_ids = [c["id"] for c in ws.rows("child", inspection_id)]
    return {
        "save one edit": lambda i: notes.update_note(
            ws, note_ids[i % 20], text=f"edit {i} {time.time()}"
        ),
        "search (4 queries, top 50)": lambda i: [
            search.search(ws, inspection_id, q) for q in QUERIES
        ],
        "open a child (reviews, timeline, completeness)": lambda i: (
            reviews.reviews_for(ws, child_ids[i % len(child_ids)]),
            children.timeline(ws, child_ids[i % len(child_ids)]),
            reviews.review_completeness(ws, child_ids[i % len(child_ids)]),
        ),
        "list with counts": lambda i: inspections.list_inspections(ws),
        "dump": lambda i: dump_json(ws, inspection_id),
    }


REPEATS = {
    "save one edit": 200,
    "search (4 queries, top 50)": 40,
    "open a child (reviews, timeline, completeness)": 100,
    "list with counts": 40,
    "dump": 5,
}


def bench_store(encrypted: Workspace, plain: Workspace, inspection_id: str, scale: float):
    enc_ops, plain_ops = operations(encrypted, inspection_id), operations(plain, inspection_id)
    return [
        timing.compare(
            name,
            enc_ops[name],
            plain_ops[name],
            max(2, int(REPEATS[name] * scale)),
            max_ratio=MAX_RATIO,
            detail="SQLCipher vs plain SQLite, same content",
        )
        for name in enc_ops
    ]


def bench_unlock(repeat: int = 5) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        params = tuned_params()
        create_keyfile(Path(folder), "benchmark passphrase", params=params)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            unlock(Path(folder), "benchmark passphrase")
            times.append(time.perf_counter() - started)
    return {
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "median_s": timing.median(times),
        "min_s": min(times),
        "max_s": max(times),
    }


def bench_open(folder: Path, repeat: int = 5) -> float:
    from jtai_desktop.app import open_context

    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        open_context(folder, create_demo=True).close()
        times.append(time.perf_counter() - started)
    return timing.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--repeat-scale", type=float, default=1.0)
    parser.add_argument("--size", default="reference", choices=("small", "reference"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="jtai-bench-"))
    prepared = prepare(folder, args.size, SEED, log=lambda m: print(m, file=sys.stderr))
    encrypted = prepared.context.workspace
    plain = plain_copy(encrypted, folder)
    results = bench_store(encrypted, plain, prepared.inspection_id, args.repeat_scale)
    unlock_figures = bench_unlock()
    open_seconds = bench_open(folder)
    report = {
        "store": [r.as_dict() for r in results],
        "unlock": unlock_figures,
        "open_demo_folder_s": open_seconds,
        "database_mb": paths.database_path(folder).stat().st_size / 1e6,
    }
    print(json.dumps(report, indent=1) if args.json else format_report(results, report))
    plain.db.close()
    prepared.context.close()
    return 0


def format_report(results, report) -> str:
    lines = [f"{'operation':48} {'sqlcipher ms':>12} {'plain ms':>9} {'ratio':>6}  target"]
    for r in results:
        lines.append(
            f"{r.name:48} {r.subject.median_ms:12.3f} {r.floor.median_ms:9.3f} "
            f"{r.ratio:6.2f}  <= {MAX_RATIO} {'met' if r.met else 'NOT MET'}"
        )
    u = report["unlock"]
    lines.append(
        f"unlock (Argon2id, {u['memory_kib'] // 1024} MiB, {u['iterations']} passes): "
        f"median {u['median_s']:.3f} s (min {u['min_s']:.3f}, max {u['max_s']:.3f})"
    )
    lines.append(
        "open the demo folder (no KDF stretch): "
        f"median {report['open_demo_folder_s'] * 1000:.1f} ms"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
