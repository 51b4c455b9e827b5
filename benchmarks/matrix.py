"""The evidence matrix on the reference load, beside its floor: the bare SQL aggregate of the
same counts (``evidence_matrix.counts_sql`` run on the app's own connection, rows fetched and
nothing else done with them).

Two figures, each the median of interleaved runs with the floor measured in the same run:
opening the matrix (the pack's criteria, the organisations and the counts, as the matrix page
and the command line read them; target < 200 ms) and recomputing it after an edit (a code's
mark changed, then the matrix read again; target < 50 ms). The target for both is at most 3
times the floor. Prints figures and ratios; tests assert behaviour, not speed.

    python benchmarks/matrix.py [--data-dir DIR] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402
from run import prepare  # noqa: E402

from jtai_desktop.services.coding import update_code  # noqa: E402
from jtai_desktop.services.evidence_matrix import counts_sql, evidence_matrix  # noqa: E402
from jtai_desktop.services.inspections import theme_pack  # noqa: E402

OPEN_TARGET_MS, RECOMPUTE_TARGET_MS, RATIO_TARGET = 200, 50, 3.0


def floor(db, inspection_id: str) -> int:
    """The same counts, by the bare SQL aggregate."""
    sql, params = counts_sql()
    return len(db.execute(sql, {**params, "inspection": inspection_id}).fetchall())


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def recompute_series(ws, inspection_id: str, repeat: int) -> tuple[list[float], list[float]]:
    """Change one code's mark (not timed), then time the matrix and the floor, in turn."""
    code = ws.db.execute(
        "SELECT id, mark FROM codes WHERE inspection_id = ? ORDER BY id LIMIT 1", (inspection_id,)
    ).fetchone()
    app, raw = [], []
    gc.collect()
    for i in range(repeat + 1):
        mark = ("strength", "concern")[i % 2]
        update_code(ws, code[0], mark=mark)
        times = (
            _timed(lambda: evidence_matrix(ws, inspection_id)),
            _timed(lambda: floor(ws.db, inspection_id)),
        )
        if i:  # the first round warms up
            app.append(times[0])
            raw.append(times[1])
    update_code(ws, code[0], mark=code[1])
    return app, raw


def run(folder: Path, repeat: int, log=print, size: str = "reference") -> dict:
    prepared = prepare(folder, size, log=log)
    try:
        ws, inspection_id = prepared.context.workspace, prepared.inspection_id
        theme_pack(ws, inspection_id)  # parsed once per inspection, as on the desktop
        opened, bare = timing.interleaved(
            [lambda i: evidence_matrix(ws, inspection_id), lambda i: floor(ws.db, inspection_id)],
            repeat,
        )
        again, bare_again = recompute_series(ws, inspection_id, repeat)
        matrix = evidence_matrix(ws, inspection_id)
        codes = ws.db.execute(
            "SELECT count(*) FROM codes WHERE inspection_id = ?", (inspection_id,)
        ).fetchone()[0]
    finally:
        prepared.context.close()
    result = {"codes": codes, "cells": len(matrix.by_organisation.totals)}
    for name, app, raw, target in (
        ("open", opened, bare, OPEN_TARGET_MS),
        ("recompute", again, bare_again, RECOMPUTE_TARGET_MS),
    ):
        app_ms, raw_ms = timing.Stats.of(app), timing.Stats.of(raw)
        result[name] = {
            "matrix": app_ms.as_dict(),
            "floor": raw_ms.as_dict(),
            "ratio": app_ms.median_ms / raw_ms.median_ms if raw_ms.median_ms else None,
            "target_ms": target,
            "ratio_target": RATIO_TARGET,
        }
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/tmp/jtai-ref", type=Path)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.data_dir, args.repeat, log=lambda m: print(m, file=sys.stderr))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"evidence matrix: {result['codes']} codes, {result['cells']} non-empty cells")
    for name in ("open", "recompute"):
        figures = result[name]
        print(
            f"{name}: median {figures['matrix']['median_ms']:.1f} ms "
            f"(p90 {figures['matrix']['p90_ms']:.1f}; target < {figures['target_ms']} ms); "
            f"bare SQL aggregate median {figures['floor']['median_ms']:.1f} ms; "
            f"ratio {figures['ratio']:.2f} (target <= {RATIO_TARGET:.0f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
