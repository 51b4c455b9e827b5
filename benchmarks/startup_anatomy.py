"""What a cold start spends on making classes: the anatomy behind startup.py's ratio.

    python benchmarks/startup_anatomy.py [--data-dir DIR] [--repeat N]

Runs startup.py's two starts (the app on the reference demo, and the bare Qt window) with
Python's class factories timed: ``dataclasses`` building a dataclass (it compiles each
generated method: __init__, __repr__, __eq__ and, frozen, __setattr__ and __delattr__) and
``enum`` building an enum class (PySide6 makes every Qt enum a Python enum the first time its
class or namespace is named: naming ``Qt`` builds 94 at once). Prints, per start, the medians
over ``--repeat`` runs of the time to "ready" and of the time and number of each kind of class
made before it. The hooks add a little time of their own, so the times to ready here are
a little above startup.py's.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import startup  # noqa: E402

# Run before the start's own code: times every dataclass and enum class made until "ready".
HOOKS = r"""
import dataclasses, enum, json, sys, time
_made = {"dataclass": [0, 0.0], "enum": [0, 0.0]}

def _timed(kind, make):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return make(*args, **kwargs)
        finally:
            _made[kind][0] += 1
            _made[kind][1] += time.perf_counter() - started
    return timed

dataclasses._process_class = _timed("dataclass", dataclasses._process_class)
enum.EnumType.__new__ = _timed("enum", enum.EnumType.__new__)
_print = print

def print(*args, **kwargs):  # the start's "ready" line: report what was made before it
    if args == ("ready",):
        sys.stderr.write("made " + json.dumps(_made) + "\n")
    _print(*args, **kwargs)
"""


def run_once(code: str, *args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-P", "-c", HOOKS + code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        line = child.stdout.readline()
        ready = time.perf_counter() - started
        child.stdout.read()
        errors = child.stderr.read()
    made = [text for text in errors.splitlines() if text.startswith("made ")]
    if child.returncode != 0 or line.strip() != "ready" or not made:
        raise RuntimeError(f"the start failed (exit {child.returncode})")
    counts = json.loads(made[0][len("made ") :])
    return {
        "ready_ms": ready * 1000,
        **{f"{kind}_count": n for kind, (n, _) in counts.items()},
        **{f"{kind}_ms": seconds * 1000 for kind, (_, seconds) in counts.items()},
    }


def measure(folder: Path, repeat: int) -> dict[str, dict[str, float]]:
    startup.prepare(folder)
    starts = {"app": (startup.APP, str(folder)), "bare": (startup.BARE,)}
    runs: dict[str, list[dict]] = {name: [] for name in starts}
    for code, *args in starts.values():  # untimed warm-up: bytecode, disk cache
        run_once(code, *args)
    for _ in range(repeat):
        for name, (code, *args) in starts.items():
            runs[name].append(run_once(code, *args))
    return {
        name: {key: statistics.median(run[key] for run in found) for key in found[0]}
        for name, found in runs.items()
    }


def format_report(result: dict[str, dict[str, float]]) -> str:
    app, bare = result["app"], result["bare"]
    out = ["median per start    ready ms   dataclasses (ms)   enum classes (ms)"]
    for name, figures in result.items():
        out.append(
            f"{name:<18}{figures['ready_ms']:9.0f}   {figures['dataclass_count']:5.0f} "
            f"({figures['dataclass_ms']:5.1f})     {figures['enum_count']:5.0f} "
            f"({figures['enum_ms']:5.1f})"
        )
    above = app["ready_ms"] - bare["ready_ms"]
    classes = (app["dataclass_ms"] + app["enum_ms"]) - (bare["dataclass_ms"] + bare["enum_ms"])
    out.append(
        f"the app's start is {above:.0f} ms above the bare one; making classes is {classes:.0f} "
        f"ms of that ({classes / above:.0%}), {classes / bare['ready_ms']:.2f} of a bare start"
    )
    return "\n".join(out)


def main(argv=None) -> int:
    folder, repeat = startup.arguments(argv, __doc__.splitlines()[0])
    print(format_report(measure(folder, repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
