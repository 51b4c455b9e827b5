"""Peak memory of a sync that carries a large evidence file, beside the same sync without it.

Two teams of two (a lead and a member who joined by invitation) are set up the same way,
except that in one the lead has logged a 200 MB evidence file and in the other a 1 KB one.
Then, each in a fresh process so its peak resident set size (``ru_maxrss``) is its own:

* **sender**: the lead's first sync, which sends its changes and the evidence file;
* **receiver**: the member's next sync, which receives both.

The floor of each figure is the same sync without the large file, in the same run. Target:
the large file adds at most 100 MB to either peak (memory stays flat whatever the file's
size; before streaming it added about 560 MB to the sender and 660 MB to the receiver).

    python benchmarks/sync_memory.py [--size-mb 200] [--json] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

PASSPHRASE = "benchmark passphrase 1"
INVITE = "invitation passphrase 1"
TARGET_MB = 100


def set_up(root: Path, size: int) -> str:
    """Lead and member folders and an empty share; the lead logs a ``size``-byte file."""
    from jtai_desktop.app import open_context
    from jtai_desktop.crypto.kdf import fast_params_for_tests
    from jtai_desktop.domain.themes import default_themes_dir, load_pack
    from jtai_desktop.services import evidence, team
    from jtai_desktop.services.inspections import MemberInput, create_inspection

    fast = fast_params_for_tests()
    lead = open_context(root / "lead", PASSPHRASE, kdf_params=fast)
    member = open_context(root / "member", PASSPHRASE, kdf_params=fast)
    try:
        inspection_id = create_inspection(
            lead.workspace,
            load_pack(default_themes_dir() / "domestic-abuse.toml"),
            area="Benchshire",
            notification=date(2026, 10, 5),
            lead=MemberInput("Alex Lead", "ofsted"),
        ).entity_id
        invitation = team.create_invitation(
            lead.workspace, inspection_id, INVITE, "Sam", params=fast
        )
        team.join(member.workspace, invitation, INVITE, "Sam Patel", "cqc")
        source = _text_file(root / "extract.txt", size)
        evidence.add_evidence(
            lead.workspace,
            inspection_id,
            title="A long case file",
            source="case_file",
            date=date(2026, 10, 7),
            path=source,
        )
        source.unlink()
    finally:
        lead.close()
        member.close()
    (root / "share").mkdir()
    return inspection_id


def _text_file(path: Path, size: int) -> Path:
    line = b"Case file extract, page %08d: the strategy discussion was held on time.\n"
    block = b"".join(line % n for n in range(1000))
    with open(path, "wb") as out:
        while out.tell() < size:
            out.write(block[: size - out.tell()])
    return path


def sync_once(folder: Path, inspection_id: str, share: Path) -> dict:
    """One sync in this process; its figures and this process's peak RSS in MB."""
    from jtai_desktop.app import open_context
    from jtai_desktop.services.sync import sync
    from jtai_desktop.sync.transport import FolderTransport

    context = open_context(folder, PASSPHRASE)
    try:
        report = sync(context.workspace, inspection_id, FolderTransport(share))
    finally:
        context.close()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "peak_mb": round(peak_kib / 1024, 1),
        "files_sent": report.files_sent,
        "files_received": report.files_received,
    }


def in_child(*argv: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *argv], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(root: Path, size_mb: int) -> dict:
    cases = {"floor (1 KB file)": 1024, f"with a {size_mb} MB file": size_mb * 1024 * 1024}
    ids = {
        case: in_child("setup", str(root / str(n)), str(size))["inspection_id"]
        for n, (case, size) in enumerate(cases.items())
    }
    results: dict = {"sender": {}, "receiver": {}}
    for n, case in enumerate(cases):
        folder = root / str(n)
        for role, who in (("sender", "lead"), ("receiver", "member")):
            figures = in_child("sync", str(folder / who), ids[case], str(folder / "share"))
            moved = figures["files_sent"] if role == "sender" else figures["files_received"]
            if moved != 1:
                raise SystemExit(f"{role} moved {moved} files, not 1")
            results[role][case] = figures["peak_mb"]
    for peaks in results.values():
        floor, large = peaks.values()
        peaks["added_mb"] = round(large - floor, 1)
        peaks["within_target"] = large - floor <= TARGET_MB
    return results


def report(results: dict, size_mb: int) -> None:
    print(f"Peak resident memory of one sync carrying a {size_mb} MB evidence file")
    print(f"(target: at most {TARGET_MB} MB above the same sync with a 1 KB file)\n")
    print(f"{'':10} {'floor':>10} {'with file':>12} {'added':>10}   target")
    for role, peaks in results.items():
        floor, large = list(peaks.values())[:2]
        mark = "met" if peaks["within_target"] else "MISSED"
        print(f"{role:10} {floor:>8.1f} MB {large:>9.1f} MB {peaks['added_mb']:>7.1f} MB   {mark}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it afterwards")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jtai-sync-memory-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        results = measure(root, args.size_mb)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        report(results, args.size_mb)
    return 0 if all(r["within_target"] for r in results.values()) else 1


def _child(argv: list[str]) -> int:
    step, *rest = argv
    if step == "setup":
        folder, size = Path(rest[0]), int(rest[1])
        folder.mkdir(parents=True, exist_ok=True)
        print(json.dumps({"inspection_id": set_up(folder, size)}))
    else:
        folder, inspection_id, share = rest
        print(json.dumps(sync_once(Path(folder), inspection_id, Path(share))))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
