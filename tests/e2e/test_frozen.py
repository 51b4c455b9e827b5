"""The installed app: the PyInstaller bundle of packaging/build.py, run as a user would.

The frozen tests (marked slow) use the bundle in $JTAI_FROZEN_DIR when it is set; otherwise
they build dist/jtai-desktop/ once per session (about a minute on 2 cores) when it is missing
or older than the sources, and skip when PyInstaller is not installed. Every run of the
bundle is offscreen, in temporary data folders, with the user's folders (XDG) redirected and
no JTAI_RESOURCES or PYTHONPATH: whatever the bundle needs must be inside it.

The last tests check, in-process, the pieces of desktop integration the bundle relies on:
a file given on the command line (a double-clicked invitation or bundle) and the About
dialog.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jtai_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
NAME = "jtai-desktop"
DEMO_THEME = "domestic-abuse"  # services/demo.py
TEMPLATE_MARKING = "OFFICIAL-SENSITIVE"  # in every page header of resources/report_template.docx
SIZE_CEILING_MIB = 220  # 156 MiB on Linux x86-64 when this test was written
LEFT_OUT = (
    "Qt6WebEngine",
    "Qt6Quick",
    "Qt6Qml",
    "Qt6Pdf",
    "Qt6Multimedia",
    "Qt63D",
    "Qt6Charts",
    "Qt6Bluetooth",
    "Qt6Network",
    "Qt6VirtualKeyboard",
    "_tkinter",
    "libtk",
    "libtcl",
)
SOURCES = ("jtai_desktop", "resources", "packaging/jtai-desktop.spec", "packaging/launcher.py")

slow = pytest.mark.slow


def executable(bundle: Path) -> Path:
    return bundle / (f"{NAME}.exe" if os.name == "nt" else NAME)


def newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = path.rglob("*") if path.is_dir() else [path]
        newest = max(
            [
                newest,
                *(f.stat().st_mtime for f in files if f.is_file() and "__pycache__" not in f.parts),
            ]
        )
    return newest


@pytest.fixture(scope="session")
def bundle() -> Path:
    given = os.environ.get("JTAI_FROZEN_DIR")
    if given:
        folder = Path(given)
        assert executable(folder).is_file(), f"JTAI_FROZEN_DIR={given} holds no {NAME} program"
        return folder
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip(
            'PyInstaller is not installed (pip install -e ".[package]"), so the '
            "frozen app cannot be built here; set JTAI_FROZEN_DIR to test a built one"
        )
    folder = ROOT / "dist" / NAME
    program = executable(folder)
    if not program.is_file() or program.stat().st_mtime < newest_source():
        built = subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "build.py")],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=ROOT,
        )
        assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return folder


@pytest.fixture
def frozen(bundle, tmp_path):
    """Run the bundle like a user: offscreen, from a folder outside the checkout."""
    home = tmp_path / "home"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("JTAI_", "PYTHON", "XDG_")) and k != "VIRTUAL_ENV"
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        # A command that forgot --data-dir must not reach a real folder.
        JTAI_DATA_DIR=str(tmp_path / "default-folder"),
    )

    def run(*argv, timeout=180, default_folder=False) -> subprocess.CompletedProcess:
        chosen = {k: v for k, v in env.items() if not (default_folder and k == "JTAI_DATA_DIR")}
        return subprocess.run(
            [str(executable(bundle)), *map(str, argv)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=chosen,
            cwd=tmp_path,
        )

    run.home = home
    return run


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    return result


@slow
def test_the_bundle_reports_the_package_version(frozen):
    assert ok(frozen("--version")).stdout.strip() == f"{NAME} {__version__}"


@slow
def test_smoke_test_opens_the_window_on_the_demo_and_edits(frozen, tmp_path):
    result = ok(frozen("--data-dir", tmp_path / "data", "--demo", "--smoke-test"))
    assert "edit saved, undo restored" in result.stdout
    assert (tmp_path / "data" / "demo").is_dir()  # the demo folder, inside the given folder
    assert not (tmp_path / "default-folder").exists()


@slow
def test_without_data_dir_the_data_goes_to_the_per_user_folder_not_the_bundle(bundle, frozen):
    before = sorted(p.relative_to(bundle) for p in bundle.rglob("*"))
    inspection_id = ok(frozen("demo", default_folder=True)).stdout.strip()
    user_folder = frozen.home / "data" / NAME  # $XDG_DATA_HOME/jtai-desktop (platformdirs)
    assert (user_folder / "jtai.db").is_file()
    assert inspection_id[:8] in ok(frozen("list", default_folder=True)).stdout
    assert sorted(p.relative_to(bundle) for p in bundle.rglob("*")) == before


@slow
def test_demo_list_dump_and_export_report(frozen, tmp_path):
    data = tmp_path / "data"
    inspection_id = ok(frozen("--data-dir", data, "demo")).stdout.strip()
    listed = json.loads(ok(frozen("--data-dir", data, "list", "--json")).stdout)["inspections"]
    assert [item["id"] for item in listed] == [inspection_id]
    # The demo's theme pack came from the bundle: its criteria are in the inspection.
    assert listed[0]["theme"] == DEMO_THEME
    assert listed[0]["counts"]["reviews"] > 0
    dumped = json.loads(ok(frozen("--data-dir", data, "dump", inspection_id[:8])).stdout)
    assert dumped["inspection_id"] == inspection_id
    if "export-report" not in ok(frozen("--help")).stdout:
        pytest.skip("this version has no export-report command")
    letter = tmp_path / "letter.docx"
    ok(frozen("--data-dir", data, "export-report", inspection_id[:8], "--out", letter))
    from docx import Document

    document = Document(str(letter))
    assert any(p.text.strip() for p in document.paragraphs)
    headers = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert TEMPLATE_MARKING in headers  # the report template inside the bundle was used
    assert ok(frozen("--data-dir", data, "check")).stdout.startswith("OK")


@slow
def test_the_bundles_letter_check_blocks_a_name_the_inspection_does_not_hold(frozen, tmp_path):
    """The people's-names part of the check (its word lists included) works frozen: a
    letter naming someone no record holds is refused with exit 3 and nothing is written."""
    from jtai_desktop.app import open_context
    from jtai_desktop.services import report

    data = tmp_path / "data"
    inspection_id = ok(frozen("--data-dir", data, "demo")).stdout.strip()
    context = open_context(data)  # the bundle has no command that writes a letter's text
    try:
        report.set_section(
            context.workspace,
            inspection_id,
            "headline",
            text="The mother\u2019s partner, Darren Hughes, was not checked on police systems.",
        )
    finally:
        context.close()
    letter = tmp_path / "letter.docx"
    result = frozen("--data-dir", data, "export-report", inspection_id[:8], "--out", letter)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "person_name at headline/0: \u201cDarren Hughes\u201d" in result.stderr
    assert "A person's name" in result.stderr
    assert not letter.exists()


@slow
def test_theme_packs_and_template_are_inside_the_bundle(bundle, frozen, tmp_path):
    inside = bundle / "_internal" / "resources"
    shipped = sorted(p.name for p in (ROOT / "resources" / "themes").glob("*.toml"))
    assert sorted(p.name for p in (inside / "themes").glob("*.toml")) == shipped
    assert (inside / "report_template.docx").is_file()
    # And the bundle reads them from there: with the override pointing at an empty folder
    # the demo cannot find its theme, so without it the bundle's own copy was used.
    empty = tmp_path / "no-resources"
    empty.mkdir()
    env_run = subprocess.run(
        [str(executable(bundle)), "--data-dir", str(tmp_path / "d"), "demo"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        env={**os.environ, "JTAI_RESOURCES": str(empty), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert env_run.returncode != 0
    assert f"{DEMO_THEME}.toml" in env_run.stderr and str(empty) in env_run.stderr


@slow
def test_a_file_given_on_the_command_line_is_not_taken_for_a_command(frozen, tmp_path):
    # What a file manager runs for a double-clicked invitation: the path after the options.
    result = ok(
        frozen(
            "--data-dir",
            tmp_path / "data",
            "--demo",
            "--smoke-test",
            tmp_path / "missing.jtai-invite",
        )
    )
    assert "edit saved" in result.stdout


@slow
def test_unused_qt_modules_and_tk_are_left_out_and_size_is_bounded(bundle):
    files = [p for p in bundle.rglob("*") if p.is_file()]
    offenders = [
        str(p.relative_to(bundle)) for p in files if any(part in p.name for part in LEFT_OUT)
    ]
    assert offenders == []
    bindings = sorted(
        p.name.split(".")[0] for p in (bundle / "_internal" / "PySide6").glob("Qt*") if p.is_file()
    )
    assert bindings == ["QtCore", "QtGui", "QtWidgets"]
    assert not any(p.suffix == ".qm" for p in files)  # Qt's own translations
    size = sum(p.lstat().st_size for p in files if not p.is_symlink())
    assert size < SIZE_CEILING_MIB * 2**20, f"bundle is {size / 2**20:.0f} MiB"


@slow
def test_licences_of_the_bundled_components_are_inside(bundle):
    text = (bundle / "_internal" / "THIRD_PARTY_LICENSES.md").read_text(encoding="utf-8")
    for component in (
        "PySide6",
        "Qt",
        "SQLCipher",
        "sqlcipher3",
        "cryptography",
        "pillow",
        "python-docx",
        "sqlite-utils",
        "platformdirs",
        "keyring",
        "Python",
    ):
        assert f"| {component} |" in text, component
    assert "LGPL-3.0" in text
    assert "| pytest |" not in text and "| pip |" not in text  # not bundled, not listed
    assert (bundle / "_internal" / "icons" / "jtai-desktop.png").is_file()


# --- In-process: what the bundle's desktop integration relies on ----------------------------


def test_a_double_clicked_file_is_taken_off_the_command_line():
    from jtai_desktop.cli import split_file_argument

    here = Path.cwd()
    assert split_file_argument(["a.jtai-invite"]) == ([], here / "a.jtai-invite")
    assert split_file_argument(["--data-dir", "d", "t.bundle"]) == (
        ["--data-dir", "d"],
        here / "t.bundle",
    )
    for untouched in (
        ["join", "a.jtai-invite", "--name", "N"],
        ["--data-dir", "x.bundle"],
        ["demo"],
        ["notes.txt"],
        [],
    ):
        assert split_file_argument(untouched) == (untouched, None)


@pytest.fixture
def window(context, qtbot):
    from jtai_desktop.ui.assemble import build_main_window

    built = build_main_window(context)
    qtbot.addWidget(built)
    return built


def test_an_invitation_opens_the_join_dialog_once_the_window_shows(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from jtai_desktop.ui.file_open import file_opener

    invitation = tmp_path / "for-sam.jtai-invite"
    invitation.write_text(
        json.dumps(
            {"kind": "jtai-desktop invitation", "format": 1, "title": "Northbridge: domestic abuse"}
        )
    )
    opener = file_opener(QApplication.instance())
    try:
        opener.request(invitation)
        qtbot.wait(20)
        assert getattr(window, "join_dialog", None) is None  # not before there is a window
        opener.attach(window)
        assert getattr(window, "join_dialog", None) is None  # not before the window shows
        window.show()
        qtbot.waitUntil(lambda: getattr(window, "join_dialog", None) is not None)
    finally:
        opener.remove()
    dialog = window.join_dialog
    assert dialog.isVisible()
    assert dialog.ui.fileEdit.text() == str(invitation)
    assert "Northbridge: domestic abuse" in dialog.ui.titleLabel.text()
    dialog.reject()


def test_on_macos_a_file_open_event_is_opened_in_the_window(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from jtai_desktop.ui import file_open

    monkeypatch.setattr(file_open.sys, "platform", "darwin")  # the only system that sends it
    missing = tmp_path / "gone.jtai-invite"
    app = QApplication.instance()
    opener = file_open.file_opener(app)
    try:
        opener.attach(window)
        window.show()
        QApplication.sendEvent(app, QFileOpenEvent(str(missing)))
        qtbot.waitUntil(lambda: getattr(window, "file_open_message", None) is not None)
    finally:
        opener.remove()
    assert str(missing) in window.file_open_message.text()
    window.file_open_message.close()


def test_a_bundle_of_an_inspection_not_here_is_explained(window, tmp_path):
    from jtai_desktop.sync.bundle import MAGIC, BundleHeader
    from jtai_desktop.ui.file_open import open_file, sync_folder_of

    header = BundleHeader("insp", "dev", 1, 3, ("schema",))
    head = header.to_json()
    where = tmp_path / "share" / "insp" / "dev" / "bundles" / header.name
    where.parent.mkdir(parents=True)
    where.write_bytes(MAGIC + len(head).to_bytes(4, "big") + head + bytes(12 + 64))
    assert sync_folder_of(where, "insp", "dev") == tmp_path / "share"
    assert sync_folder_of(where, "other", "dev") is None
    open_file(window, where)
    assert "not on this computer" in window.file_open_message.text()
    window.file_open_message.close()


def test_about_shows_version_data_folder_and_licences(window, qtbot):
    from jtai_desktop.ui.dialogs.about import show_about

    dialog = show_about(window)
    assert __version__ in dialog.version_label.text()
    assert dialog.data_dir_edit.text() == str(window.session.context.data_dir)
    dialog.tabs.setCurrentIndex(1)
    licences = dialog.licences_view.toPlainText()
    assert "PySide6" in licences and "LGPL-3.0" in licences
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == str(window.session.context.data_dir)
    dialog.close()
