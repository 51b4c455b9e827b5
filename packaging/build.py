"""Build the installable app: a PyInstaller one-folder bundle in dist/jtai-desktop/.

    pip install -e ".[package]"        (PyInstaller, once)
    python packaging/build.py          (about 1-2 minutes on 2 cores)

Then, per platform:
- Linux: run dist/jtai-desktop/jtai-desktop, or packaging/linux/install.sh for a menu entry,
  the icon and the file types;
- Windows: compile packaging/windows/jtai-desktop.iss with Inno Setup for an installer;
- macOS: see packaging/macos/README.md (the spec also makes dist/JTAI Desktop.app).

The build starts from nothing each time (build/ and dist/jtai-desktop/ are removed first),
so a clean clone and a developer's tree give the same bundle. It checks the bundle runs
(``--version``) and prints its size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "jtai-desktop.spec"
NAME = "jtai-desktop"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build dist/jtai-desktop/ with PyInstaller.")
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "pyinstaller",
        help="PyInstaller's working folder (default: build/pyinstaller)",
    )
    parser.add_argument(
        "--keep-cache",
        action="store_true",
        help="reuse PyInstaller's analysis from the last build (faster, for "
        "trying spec changes; a release build leaves it off)",
    )
    return parser.parse_args(argv)


def require_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit(
            "build.py: PyInstaller is not installed. Install it with:\n"
            '    pip install -e ".[package]"'
        )


def make_icons() -> None:
    """The icons are committed; draw them again only if they are missing."""
    if not (PACKAGING / "icons" / f"{NAME}.png").is_file():
        subprocess.run([sys.executable, str(PACKAGING / "make_icon.py")], check=True)


def run_pyinstaller(args: argparse.Namespace) -> Path:
    bundle = args.dist / NAME
    shutil.rmtree(bundle, ignore_errors=True)
    if not args.keep_cache:
        shutil.rmtree(args.work, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(args.dist),
        "--workpath",
        str(args.work),
        str(SPEC),
    ]
    if not args.keep_cache:
        command.insert(3, "--clean")
    env = {k: v for k, v in os.environ.items() if k not in ("JTAI_RESOURCES", "PYTHONPATH")}
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return bundle


def add_desktop_integration(bundle: Path) -> None:
    """Linux: install.sh and what it installs, beside the program, so an unpacked bundle
    installs itself (``sh dist/jtai-desktop/install.sh``)."""
    if not sys.platform.startswith("linux"):
        return
    share = bundle / "share"
    (share / "icons").mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / "install.sh", bundle / "install.sh")
    shutil.copy2(PACKAGING / f"{NAME}.desktop", share)
    shutil.copy2(PACKAGING / "mime" / f"{NAME}.xml", share)
    for png in (PACKAGING / "icons").glob(f"{NAME}-*.png"):
        shutil.copy2(png, share / "icons")


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if os.name == "nt" else NAME)


def check_runs(bundle: Path) -> str:
    result = subprocess.run(
        [str(executable(bundle)), "--version"], capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        sys.exit(f"build.py: the bundle does not start:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def folder_size(folder: Path) -> int:
    """Bytes on disk of the files (symbolic links counted once, as links)."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def largest_parts(bundle: Path, count: int = 6) -> list[tuple[int, str]]:
    inner = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    sizes = [
        (folder_size(p) if p.is_dir() else p.lstat().st_size, p.name)
        for p in inner.iterdir()
        if not p.is_symlink()
    ]
    return sorted(sizes, reverse=True)[:count]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    args.dist, args.work = args.dist.resolve(), args.work.resolve()
    require_pyinstaller()
    make_icons()
    started = time.monotonic()
    bundle = run_pyinstaller(args)
    add_desktop_integration(bundle)
    version = check_runs(bundle)
    size = folder_size(bundle)
    print(f"\nBuilt {version} in {time.monotonic() - started:.0f} s: {bundle}")
    print(
        f"Bundle size: {size / 2**20:.1f} MiB ({size:,} bytes) in "
        f"{sum(1 for p in bundle.rglob('*') if p.is_file()):,} files"
    )
    print(
        "Largest parts: "
        + ", ".join(f"{name} {bytes_ / 2**20:.1f} MiB" for bytes_, name in largest_parts(bundle))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
