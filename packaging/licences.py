"""Write THIRD_PARTY_LICENSES.md: the licences of the components the app bundles.

    python packaging/licences.py [OUT.md]       (default: packaging/THIRD_PARTY_LICENSES.md)

Everything comes from the installed distributions' metadata (name, version, licence
expression, and the licence files each wheel ships), plus notes for what a wheel carries
inside itself (Qt in PySide6, SQLCipher and OpenSSL in sqlcipher3, OpenSSL in cryptography,
the image libraries in Pillow), the Python runtime and PyInstaller's bootloader.

Two ways to choose the distributions:
- run as a script: jtai-desktop's runtime requirements and theirs, less what the bundle
  leaves out (pip, the PySide6 add-on modules); this writes the committed copy that the
  About dialog shows when the app runs from source;
- from the PyInstaller spec: ``write(path, modules=...)`` with the top-level modules the
  build actually collected, so the bundle's copy lists exactly what is in it.

The GNU LGPL and GPL texts (Qt is used under the LGPLv3, which builds on the GPLv3) are
appended from the system's copies (/usr/share/common-licenses on Debian and Ubuntu) or, where
there are none, carried over from the committed file.
"""

from __future__ import annotations

import re
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "THIRD_PARTY_LICENSES.md"
APP = "jtai-desktop"
NOT_BUNDLED = {"pip", "setuptools", "pyside6-addons", APP}
LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice)", re.IGNORECASE)
APPENDIX_MARK = "<!-- appendix: full licence texts -->"
COMMON_LICENSES = Path("/usr/share/common-licenses")
APPENDIX_TEXTS = (
    ("GNU Lesser General Public License, version 3", "LGPL-3"),
    ("GNU General Public License, version 3", "GPL-3"),
)

EMBEDDED = {
    # distribution -> what its wheel carries inside itself, with those components' licences
    "pyside6-essentials": (
        "Qt {version} (QtCore, QtGui, QtWidgets, QtDBus and the platform plugins), used under "
        "the **GNU LGPL v3** (text at the end). The Qt libraries are separate shared "
        "libraries in the bundle's `PySide6/Qt/lib` folder (`.dll` files on Windows, "
        "frameworks on macOS): you may replace them with your own build of the same Qt "
        "version. Qt's source code is published by the Qt Project (qt.io). Qt includes "
        "ICU (Unicode licence), HarfBuzz (MIT), FreeType (FTL), libpng (libpng licence), "
        "PCRE2 (BSD-3-Clause), zlib (zlib licence), md4c (MIT) and double-conversion "
        '(BSD-3-Clause); see "Licenses Used in Qt" in Qt\'s documentation.'
    ),
    "sqlcipher3": (
        "SQLCipher 4 (BSD-3-Clause, Copyright (c) Zetetic LLC), which includes SQLite "
        "(public domain), compiled into the module together with OpenSSL's libcrypto "
        "(Apache-2.0)."
    ),
    "cryptography": "OpenSSL (Apache-2.0), compiled into the module.",
    "pillow": (
        "libjpeg-turbo, libpng, zlib, libtiff, libwebp, OpenJPEG, Little CMS, FreeType, "
        "HarfBuzz, Brotli, XZ and others; their licences are part of Pillow's licence text "
        "below."
    ),
    "lxml": "libxml2 and libxslt (MIT), compiled into the module.",
}

# Files the app ships in resources/ that come from other projects: (name, version, licence,
# what they are, their licence file under resources/).
ASSETS = (
    (
        "Feather icons",
        "4.29.2",
        "MIT",
        "the navigator's icons (`resources/icons/*.svg`), by Cole Bemis",
        "icons/LICENSE-feather.txt",
    ),
)
RESOURCES = HERE.parent / "resources"

SQLCIPHER_LICENCE = """\
Copyright (c) 2008-2025, ZETETIC LLC
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
    * Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in the
      documentation and/or other materials provided with the distribution.
    * Neither the name of the ZETETIC LLC nor the
      names of its contributors may be used to endorse or promote products
      derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY ZETETIC LLC ''AS IS'' AND ANY
EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL ZETETIC LLC BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = APP) -> dict[str, metadata.Distribution]:
    """The app's runtime requirements, recursively (no extras; markers for this machine)."""
    from packaging.requirements import Requirement

    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if key(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key(name)] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return found


def bundled_distributions(modules: set[str] | None = None) -> list[metadata.Distribution]:
    """The distributions to list: those providing ``modules`` (top-level import names), or
    the runtime closure when no modules are given."""
    if modules is None:
        chosen = runtime_closure()
    else:
        providers = metadata.packages_distributions()
        chosen = {}
        for module in modules:
            for name in providers.get(module, []):
                chosen.setdefault(key(name), metadata.distribution(name))
    return sorted(
        (d for k, d in chosen.items() if k not in NOT_BUNDLED),
        key=lambda d: key(d.metadata["Name"]),
    )


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 80:
        return text
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return "; ".join(classifiers)
    if key(meta["Name"]) == "sqlcipher3":
        return "Zlib (pysqlite's licence)"
    return "see the licence text below"


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if not parts or not parts[0].endswith(".dist-info") or not LICENCE_FILE.search(file.name):
            continue
        if len(parts) > 3:  # vendored copies of other projects (pip's), not this one's
            continue
        try:
            raw = Path(file.locate()).read_bytes()
        except OSError:
            continue
        texts.append((file.name, raw.decode("utf-8", errors="replace")))
    return texts


def python_licence() -> str:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for candidate in (stdlib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2 (PSF-2.0)."


def pyinstaller_licence() -> tuple[str, str]:
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return "", "GPL-2.0-or-later WITH Bootloader-exception"
    texts = licence_files(dist)
    return dist.version, texts[0][1] if texts else ""


def fenced(text: str) -> str:
    return "```text\n" + text.strip("\n").replace("```", "'''") + "\n```\n"


def summary_rows(dists) -> list[str]:
    rows = [
        "| Component | Version | Licence |",
        "| --- | --- | --- |",
        f"| Python | {sys.version.split()[0]} | PSF-2.0 |",
    ]
    for dist in dists:
        rows.append(f"| {dist.metadata['Name']} | {dist.version} | {licence_of(dist)} |")
        embedded = EMBEDDED.get(key(dist.metadata["Name"]))
        if embedded and key(dist.metadata["Name"]) == "pyside6-essentials":
            rows.append(f"| Qt | {dist.version} | LGPL-3.0-only |")
        if key(dist.metadata["Name"]) == "sqlcipher3":
            rows.append("| SQLCipher | 4 | BSD-3-Clause |")
    rows += [f"| {name} | {version} | {licence} |" for name, version, licence, *_ in ASSETS]
    version, _text = pyinstaller_licence()
    rows.append(
        f"| PyInstaller bootloader | {version or '-'} | "
        "GPL-2.0-or-later WITH Bootloader-exception |"
    )
    return rows


def appendix(previous: str | None) -> str:
    parts = []
    for title, name in APPENDIX_TEXTS:
        source = COMMON_LICENSES / name
        if source.is_file():
            parts.append(f"### {title}\n\n" + fenced(source.read_text(encoding="utf-8")))
    if len(parts) == len(APPENDIX_TEXTS):
        return "\n".join(parts)
    if previous and APPENDIX_MARK in previous:  # no system copies here: keep the last ones
        return previous.split(APPENDIX_MARK, 1)[1].split("\n", 2)[2].strip("\n") + "\n"
    return (
        "The texts are published by the Free Software Foundation (gnu.org/licenses); "
        "this build machine had no local copy.\n"
    )


def render(dists, previous: str | None = None) -> str:
    from_app = metadata.version(APP) if _installed(APP) else ""
    lines = [
        "# Third-party licences",
        "",
        f"jtai-desktop{(' ' + from_app) if from_app else ''} is MIT-licensed. The installed app "
        "bundles the components below, each under its own licence. This file is generated by "
        "`packaging/licences.py` from the installed distributions' metadata; do not edit it "
        "by hand.",
        "",
        "## Summary",
        "",
        *summary_rows(dists),
        "",
        "## Components inside the Python packages",
        "",
    ]
    for dist in dists:
        embedded = EMBEDDED.get(key(dist.metadata["Name"]))
        if embedded:
            lines.append(f"- **{dist.metadata['Name']}**: " + embedded.format(version=dist.version))
    lines += [
        "- **PyInstaller's bootloader** (the `jtai-desktop` program that starts the bundle): "
        "GPL-2.0-or-later with the bootloader exception, which allows it in any program.",
        *(
            f"- **{name}** {version} ({licence}): {what}."
            for name, version, licence, what, _ in ASSETS
        ),
        "- **System libraries** (Linux bundles only): shared libraries of the build machine's "
        "distribution that Qt and Python need (GLib, libdbus, libxcb, fontconfig, FreeType, "
        "OpenSSL, libstdc++ and others) sit beside the app in `_internal/`; each keeps its "
        "distribution's licence (LGPL-2.1-or-later for GLib, MIT for libxcb, GPL-3.0 with the "
        "GCC runtime exception for libstdc++, Apache-2.0 for OpenSSL 3).",
        "",
        "## Licence texts",
        "",
        f"### Python {sys.version.split()[0]}",
        "",
        fenced(python_licence()),
    ]
    for dist in dists:
        name = dist.metadata["Name"]
        lines += [f"### {name} {dist.version}", "", f"Licence: {licence_of(dist)}", ""]
        texts = licence_files(dist)
        for filename, text in texts:
            lines += [f"`{filename}`:", "", fenced(text)]
        if key(name) == "sqlcipher3":
            lines += ["SQLCipher:", "", fenced(SQLCIPHER_LICENCE)]
        if not texts and key(name) not in ("pyside6", "pyside6-essentials", "shiboken6"):
            lines += ["(The distribution ships no licence file.)", ""]
        if key(name) in ("pyside6", "pyside6-essentials", "shiboken6"):
            lines += ["Used under the GNU LGPL v3; the text is at the end of this file.", ""]
    for name, version, licence, _what, path in ASSETS:
        text = (RESOURCES / path).read_text(encoding="utf-8")
        lines += [f"### {name} {version}", "", f"Licence: {licence}", "", fenced(text)]
    version, text = pyinstaller_licence()
    if text:
        lines += [f"### PyInstaller {version} (bootloader)", "", fenced(text)]
    lines += ["## GNU licence texts", "", APPENDIX_MARK, "", appendix(previous)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def write(out: Path = DEFAULT_OUT, modules: set[str] | None = None) -> Path:
    out = Path(out)
    previous = None
    for candidate in (out, DEFAULT_OUT):
        if candidate.is_file():
            previous = candidate.read_text(encoding="utf-8")
            break
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(bundled_distributions(modules), previous), encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    out = write(Path(argv[0]) if argv else DEFAULT_OUT)
    print(f"Wrote {out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
