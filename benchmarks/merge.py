"""Merging a team's work: nine members' bundles of the reference demo into a fresh replica,
beside its floor, a raw ``sqlite3`` insert of the same op rows in one transaction.

The reference demo is the work of ten inspectors, each writing on a device of their own. The
lead's device shares the inspection; the nine members' devices get keys and certificates,
and their changes are sealed into bundles (as each laptop's sync would write them) on a
shared folder, beside the evidence files. A fresh replica (a member who joined when only the
lead's work was in) then syncs, and takes in everything: reading each bundle, checking its
signature, decrypting it, checking every change (roster, authors, values), appending to the
change log, projecting the tables and the search index, and fetching the evidence files.

Each repeat works on a fresh copy of the replica, interleaved with the floor. Prints the
median of each, their ratio (target at most 10, aim 5) and where the time goes.

    python benchmarks/merge.py [--data-dir DIR] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import timing  # noqa: E402
from run import app_pragmas, open_folder, prepare  # noqa: E402

from jtai_desktop.app import open_context  # noqa: E402
from jtai_desktop.crypto.kdf import fast_params_for_tests  # noqa: E402
from jtai_desktop.services import team  # noqa: E402
from jtai_desktop.store import oplog  # noqa: E402
from jtai_desktop.store.migrations import known_names  # noqa: E402
from jtai_desktop.sync import keys as sync_keys  # noqa: E402
from jtai_desktop.sync.bundle import BundleHeader, seal  # noqa: E402
from jtai_desktop.sync.certificate import issue  # noqa: E402
from jtai_desktop.sync.invite import write_invite  # noqa: E402
from jtai_desktop.sync.transport import BUNDLES, FolderTransport  # noqa: E402

PASSPHRASE = "benchmark passphrase 1"
INVITE = "invitation passphrase 1"
MAX_RATIO, AIM_RATIO = 10.0, 5.0
BUNDLE_OPS = 2000  # as services.sync.BUNDLE_MAX_OPS
PHASES = ("read", "signature", "decrypt", "decode", "checks", "apply", "project", "files")


@dataclass
class Team:
    root: Path
    inspection_id: str
    member_ops: list  # the members' ops, as the floor inserts them
    members: int

    @property
    def share(self) -> Path:
        return self.root / "share"

    @property
    def replica(self) -> Path:
        return self.root / "replica"


def set_up(demo: Path, inspection_id: str, root: Path) -> Team:
    shutil.copytree(demo, root / "lead")
    context = open_folder(root / "lead")
    try:
        ws = context.workspace
        lead_member = ws.author_for(inspection_id)
        authors = dict(
            ws.db.execute(
                "SELECT device_id, author FROM ops WHERE inspection_id = ? GROUP BY device_id",
                (inspection_id,),
            ).fetchall()
        )
        members = {d: a for d, a in authors.items() if a != lead_member}
        keys = team.ensure_team_keys(ws, inspection_id)
        signing = {device: sync_keys.new_signing_key() for device in members}
        certificates = {}
        for device, member_id in members.items():
            public = sync_keys.public_hex(signing[device])
            block = ws.require("member", member_id)["evidence_block"]
            ws.create(
                "device",
                inspection_id,
                {"public_key": public, "status": "active", "is_lead": False, "label": device[:8]},
                entity_id=device,
            )
            ws.update("member", member_id, {"device_id": device})
            certificates[device] = issue(keys.signing_key, inspection_id, device, public, block)
        (root / "share").mkdir()
        share = FolderTransport(root / "share")
        member_ops = _seal_bundles(ws, inspection_id, share, signing, certificates, keys.data_key)
        lead_part = [
            op
            for op in oplog.ops_of_inspection(ws.db, inspection_id)
            if op.device_id not in members
        ]
        invitation = _invitation(ws, inspection_id, keys, lead_part)
        from jtai_desktop.services.sync import SyncRun

        SyncRun(ws, inspection_id, share).push_files()  # the demo's evidence files
    finally:
        context.close()
    replica = open_context(root / "replica", PASSPHRASE, kdf_params=fast_params_for_tests())
    try:
        team.join(replica.workspace, invitation, INVITE, "Fresh Replica", "cqc")
    finally:
        replica.close()
    return Team(root, inspection_id, member_ops, len(members))


def _seal_bundles(ws, inspection_id, share, signing, certificates, data_key) -> list:
    everything = []
    for device, key in signing.items():
        ops = oplog.ops_in_range(ws.db, inspection_id, device, 1, 2**62)
        everything += ops
        for start in range(0, len(ops), BUNDLE_OPS):
            part = ops[start : start + BUNDLE_OPS]
            header = BundleHeader(
                inspection_id,
                device,
                part[0].seq,
                part[-1].seq,
                tuple(sorted(known_names())),
                sealed_at=int(time.time() * 1000),
                certificate=certificates[device],
            )
            share.put(
                inspection_id, device, BUNDLES, header.name, seal(header, part, data_key, key)
            )
    return everything


def _invitation(ws, inspection_id, keys, snapshot) -> bytes:
    signing = sync_keys.new_signing_key()
    device_id = ws.new_id()
    secret = {
        "inspection_id": inspection_id,
        "data_key": keys.data_key.hex(),
        "device_id": device_id,
        "signing_key": sync_keys.private_bytes(signing).hex(),
        "evidence_block": 90,
        "lead_device_id": keys.lead_device_id,
        "lead_public_key": keys.lead_public_key,
        "certificate": issue(
            keys.signing_key, inspection_id, device_id, sync_keys.public_hex(signing), 90
        ),
    }
    title = ws.require("inspection", inspection_id)["title"]
    return write_invite(
        secret, snapshot, INVITE, keys.signing_key, title, params=fast_params_for_tests()
    )


# --- where the time goes --------------------------------------------------------------------
class Phases:
    """Exclusive time per phase: a wrapped call's time minus that of wrapped calls inside it."""

    def __init__(self):
        self.spent: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []

    def wrap(self, label: str, function):
        def timed(*args, **kwargs):
            self._stack.append([0.0])
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                inner = self._stack.pop()[0]
                self.spent[label] += elapsed - inner
                if self._stack:
                    self._stack[-1][0] += elapsed

        return timed


@contextmanager
def instrumented(phases: Phases):
    from jtai_desktop.services import sync as sync_service
    from jtai_desktop.services import sync_checks, sync_files
    from jtai_desktop.store import projection
    from jtai_desktop.sync import bundle

    class TimedAESGCM:
        def __init__(self, key):
            self._inner = bundle_aesgcm(key)
            self.decrypt = phases.wrap("decrypt", self._inner.decrypt)
            self.encrypt = self._inner.encrypt

    bundle_aesgcm = bundle.AESGCM
    patches = [
        (FolderTransport, "get", phases.wrap("read", FolderTransport.get)),
        (bundle, "verify", phases.wrap("signature", bundle.verify)),
        (bundle, "AESGCM", TimedAESGCM),
        (bundle, "open_sealed", phases.wrap("decode", bundle.open_sealed)),
        (sync_checks, "open_sealed", phases.wrap("decode", sync_checks.open_sealed)),
        (
            sync_service.SyncRun,
            "verified_ops",
            phases.wrap("checks", sync_service.SyncRun.verified_ops),
        ),
        (sync_checks, "check_authors", phases.wrap("checks", sync_checks.check_authors)),
        (sync_service.SyncRun, "apply", phases.wrap("apply", sync_service.SyncRun.apply)),
        (projection, "project_entities", phases.wrap("project", projection.project_entities)),
        (projection, "project_new", phases.wrap("project", projection.project_new)),
        (sync_files, "pull_files", phases.wrap("files", sync_files.pull_files)),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, replacement in patches:
        setattr(owner, name, replacement)
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def merge_once(setup: Team, target: Path) -> tuple[float, dict[str, float], dict]:
    from jtai_desktop.services.sync import SyncRun

    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(setup.replica, target)
    context = open_context(target, PASSPHRASE)
    try:
        phases = Phases()
        with instrumented(phases):
            started = time.perf_counter()
            report = SyncRun(
                context.workspace, setup.inspection_id, FolderTransport(setup.share)
            ).run()
            total = time.perf_counter() - started
        counts = {
            "applied_ops": report.applied_ops,
            "bundles": report.applied_bundles,
            "files": report.files_received,
        }
        if report.refused or report.waiting:
            raise SystemExit(f"the merge did not go through: {report.refused or report.waiting}")
        pragmas = app_pragmas(context.workspace)
    finally:
        context.close()
    shutil.rmtree(target, ignore_errors=True)
    return total, dict(phases.spent), {**counts, "pragmas": pragmas}


def floor_once(setup: Team, target: Path, pragmas: dict) -> float:
    """The same op rows into a fresh sqlite3 file (the change log's table and indexes, the
    app's pragmas), one executemany in one transaction."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(str(target), isolation_level=None)
    try:
        for name, value in pragmas.items():
            conn.execute(f"PRAGMA {name} = {value}")
        conn.execute(
            "CREATE TABLE ops (op_id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, "
            "entity TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL, "
            "value TEXT NOT NULL, hlc TEXT NOT NULL, device_id TEXT NOT NULL, "
            "author TEXT NOT NULL, parents TEXT NOT NULL, seq INTEGER NOT NULL)"
        )
        for columns, unique in (
            ("entity_id, field", ""),
            ("inspection_id, entity, field", ""),
            ("inspection_id, device_id, seq", "UNIQUE"),
            ("inspection_id, op_id", ""),
        ):
            name = "idx_" + columns.replace(", ", "_")
            conn.execute(f"CREATE {unique} INDEX {name} ON ops ({columns})")
        rows = [tuple(op.to_row()[c] for c in oplog.OP_COLUMNS) for op in setup.member_ops]
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(
            f"INSERT INTO ops VALUES ({', '.join('?' for _ in oplog.OP_COLUMNS)})", rows
        )
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)


def run(demo: Path, inspection_id: str, repeat: int, log=print) -> dict:
    with tempfile.TemporaryDirectory(prefix="jtai-merge-", dir=demo.parent) as work:
        root = Path(work)
        log("Setting up the team: keys, bundles and evidence files on a shared folder ...")
        setup = set_up(demo, inspection_id, root)
        merges, floors, spent = [], [], defaultdict(list)
        counts = {}
        for n in range(repeat):
            total, phases, counts = merge_once(setup, root / f"merge-{n}")
            floors.append(floor_once(setup, root / "bench-floor-merge.db", counts["pragmas"]))
            merges.append(total)
            for label in PHASES:
                spent[label].append(phases.get(label, 0.0))
            spent["other"].append(total - sum(phases.values()))
            log(f"  run {n + 1}: merge {total:.2f} s, floor {floors[-1]:.3f} s")
    merge_s, floor_s = timing.median(merges), timing.median(floors)
    return {
        "members": setup.members,
        "ops": len(setup.member_ops),
        "bundles": counts["bundles"],
        "files": counts["files"],
        "merge_s": round(merge_s, 3),
        "floor_s": round(floor_s, 4),
        "ratio": round(merge_s / floor_s, 1),
        "target": MAX_RATIO,
        "aim": AIM_RATIO,
        "phases_s": {label: round(timing.median(v), 3) for label, v in spent.items()},
        "repeat": repeat,
    }


def format_result(result: dict) -> str:
    lines = [
        f"Merging {result['members']} members' work ({result['ops']:,} ops in "
        f"{result['bundles']} bundles, "
        f"{result['files']} evidence files) into a fresh replica, median of {result['repeat']}:",
        f"  merge (sync)            {result['merge_s']:8.2f} s",
        f"  floor (sqlite3 insert)  {result['floor_s']:8.3f} s",
        f"  ratio                   {result['ratio']:8.1f}   (target <= {result['target']:g}, "
        f"aim {result['aim']:g}: {'met' if result['ratio'] <= result['target'] else 'MISSED'})",
        "Where the time goes:",
    ]
    total = result["merge_s"] or 1
    for label, seconds in sorted(result["phases_s"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {label:10} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", metavar="DIR", help="a folder holding (or to hold) the demo")
    parser.add_argument("--size", choices=("small", "reference"), default="reference")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    log = (lambda message: print(message, file=sys.stderr)) if args.json else print
    with tempfile.TemporaryDirectory(prefix="jtai-merge-demo-") as scratch:
        folder = Path(args.data_dir) if args.data_dir else Path(scratch) / "data"
        prepared = prepare(folder, args.size, log=log)
        prepared.context.close()
        result = run(prepared.folder, prepared.inspection_id, args.repeat, log)
    print(json.dumps(result, indent=2) if args.json else format_result(result))
    return 0 if result["ratio"] <= MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
