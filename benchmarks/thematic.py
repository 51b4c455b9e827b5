"""Building the thematic summary from six reference-size extracts, beside its floor.

Six reference demos (200 children, 2,000 notes, 1,000 evidence items each), every one in its
own fictional area and seed, are published and extracted as a lead does it (four keep the
demo's coded passages, so their extracts carry the coded measures too), and imported into
a thematic workspace; then the summary the overview and ``thematic summary`` show (findings
grouped, what recurs, the matrix summed and per area, timeliness side by side, the texts for
search) is timed beside its floor: reading the six stored extracts and parsing their JSON,
the least any summary needs. Target: under 1 s. Tests assert behaviour, not speed.

    python benchmarks/thematic.py [--data-dir DIR] [--repeat N] [--size small|reference] [--json]

Building six reference demos takes a few minutes; with --data-dir the folder is kept and a
second run reuses it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import timing  # noqa: E402

from jtai_desktop.app import open_context  # noqa: E402
from jtai_desktop.services import thematic  # noqa: E402
from jtai_desktop.store import thematic as store  # noqa: E402

TARGET_MS = 1000
WORKSPACE_PASSPHRASE = "benchmark workspace passphrase"  # fictional data only


def prepare(folder: Path, size: str, log=print, count: int = 6) -> Path:
    """The thematic workspace of ``count`` extracts in ``folder``, made once."""
    from tests.thematic_extracts import AREAS, make_extracts

    workspace = folder / "workspace"
    if (workspace / "key.json").exists():
        return workspace
    log(f"building {count} {size} demo inspections, publishing and extracting them...")
    _inspections, _ids, files = make_extracts(folder, AREAS[:count], size=size, first_seed=21)
    from jtai_desktop.crypto.kdf import fast_params_for_tests

    context = open_context(workspace, WORKSPACE_PASSPHRASE, kdf_params=fast_params_for_tests())
    try:
        thematic.import_extracts(context.workspace, thematic.read_files(files))
    finally:
        context.close()
    return workspace


def run(folder: Path, repeat: int, size: str = "reference", log=print, count: int = 6) -> dict:
    workspace = prepare(folder, size, log, count)
    context = open_context(workspace, WORKSPACE_PASSPHRASE)
    try:
        ws = context.workspace
        app, raw = timing.interleaved(
            [lambda i: thematic.summary(ws), lambda i: store.extracts(ws.db)], repeat
        )
        found = thematic.summary(ws)
        sizes = [len(json.dumps(r["payload"])) for r in store.extracts(ws.db)]
    finally:
        context.close()
    summary_ms, floor_ms = timing.Stats.of(app), timing.Stats.of(raw)
    return {
        "areas": len(found.areas),
        "extract_bytes": sizes,
        "findings": len(found.findings),
        "matrix_cells": len(found.matrix.keys()),
        "coded_areas": found.matrix.coded_areas,
        "summary": summary_ms.as_dict(),
        "floor": floor_ms.as_dict(),
        "ratio": summary_ms.median_ms / floor_ms.median_ms if floor_ms.median_ms else None,
        "target_ms": TARGET_MS,
        "met": summary_ms.max_ms < TARGET_MS,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--size", choices=("small", "reference"), default="reference")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    if args.data_dir:
        result = run(args.data_dir, args.repeat, args.size, log)
    else:
        with tempfile.TemporaryDirectory() as folder:
            result = run(Path(folder), args.repeat, args.size, log)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    s, f = result["summary"], result["floor"]
    print(
        f"thematic summary of {result['areas']} {args.size}-size extracts "
        f"({min(result['extract_bytes']) // 1024}-{max(result['extract_bytes']) // 1024} KB each; "
        f"{result['findings']} findings, {result['matrix_cells']} matrix cells, "
        f"{result['coded_areas']} areas with coded passages): "
        f"median {s['median_ms']:.1f} ms, max {s['max_ms']:.1f} ms; floor (read and parse the "
        f"six extracts) median {f['median_ms']:.2f} ms; ratio {result['ratio']:.1f}; "
        f"target < {TARGET_MS} ms: {'met' if result['met'] else 'NOT MET'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
