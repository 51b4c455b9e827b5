"""Opening a tracked child's journey on the reference load, beside its floor: one raw query
per record kind of the same child's rows (events, reviews, audits, notes, links) on the
app's own connection, with no ordering, labelling or organisation columns.

The reference demo has 200 children, 2,000 notes and 1,000 evidence items, so a journey that
read every note or link of the inspection would show here. Prints the median of each, their
ratio and the figures; tests assert behaviour, not speed.

    python benchmarks/journey.py [--data-dir DIR] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402
from run import prepare  # noqa: E402

from jtai_desktop.services.journey import journey  # noqa: E402

CHILDREN = 7  # the reference demo's tracked children


def floor(db, inspection_id: str, child_id: str) -> int:
    """The child's rows, read the most direct way."""
    found = 0
    for table in ("events", "reviews", "audit_evaluations"):
        found += len(
            db.execute(
                f"SELECT * FROM {table} WHERE inspection_id = ? AND child_id = ?",
                (inspection_id, child_id),
            ).fetchall()
        )
    found += len(
        db.execute(
            "SELECT * FROM notes WHERE inspection_id = ? AND children LIKE ?",
            (inspection_id, f'%"{child_id}"%'),
        ).fetchall()
    )
    found += len(
        db.execute(
            "SELECT * FROM links WHERE inspection_id = ? AND target_id = ?",
            (inspection_id, child_id),
        ).fetchall()
    )
    return found


def run(folder: Path, repeat: int, log=print, size: str = "reference") -> dict:
    prepared = prepare(folder, size, log=log)
    try:
        ws, inspection_id = prepared.context.workspace, prepared.inspection_id
        tracked = [
            r[0]
            for r in ws.db.execute(
                "SELECT id FROM children WHERE inspection_id = ? AND selection = 'tracked' "
                "ORDER BY id LIMIT ?",
                (inspection_id, CHILDREN),
            )
        ]
        app, raw = timing.interleaved(
            [
                lambda i: journey(ws, tracked[i % len(tracked)]),
                lambda i: floor(ws.db, inspection_id, tracked[i % len(tracked)]),
            ],
            repeat,
        )
        entries = len(journey(ws, tracked[0]).entries)
    finally:
        prepared.context.close()
    journey_ms, floor_ms = timing.Stats.of(app), timing.Stats.of(raw)
    return {
        "children": len(tracked),
        "entries_first_child": entries,
        "journey": journey_ms.as_dict(),
        "floor": floor_ms.as_dict(),
        "ratio": journey_ms.median_ms / floor_ms.median_ms if floor_ms.median_ms else None,
    }


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
    print(
        f"journey of a tracked child ({result['entries_first_child']} entries): "
        f"median {result['journey']['median_ms']:.1f} ms, "
        f"p90 {result['journey']['p90_ms']:.1f} ms; floor (raw queries of the same rows) "
        f"median {result['floor']['median_ms']:.2f} ms; ratio {result['ratio']:.1f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
