"""Compile the Designer forms in forms/*.ui into jtai_desktop/ui/forms/ui_*.py.

Run after editing a form: python packaging/compile_forms.py
A test fails when a compiled file no longer matches its form.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
OUTPUT = ROOT / "jtai_desktop" / "ui" / "forms"


def uic_command() -> list[str]:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return [str(exe)] if exe.exists() else ["pyside6-uic"]


def compile_form(form: Path) -> str:
    result = subprocess.run(
        [*uic_command(), "--from-imports", str(form)], check=True, capture_output=True, text=True
    )
    return result.stdout


def target_for(form: Path) -> Path:
    return OUTPUT / f"ui_{form.stem}.py"


def main() -> int:
    for form in sorted(FORMS.glob("*.ui")):
        target_for(form).write_text(compile_form(form), encoding="utf-8")
        print(f"{form.name} -> {target_for(form).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
