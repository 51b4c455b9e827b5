"""Shell completion generated from the parser: the bash script is sourced and asked what
follows what a user typed; the zsh one is loaded by zsh where it is installed; the
PowerShell one names every command and option."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from jtai_desktop.cli import build_parser


def script(shell: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "jtai_desktop", "completion", shell],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,  # no passphrase is asked: it opens no data folder
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory):
    path = tmp_path_factory.mktemp("completion") / "jtai-desktop.bash"
    path.write_text(script("bash"))
    return path


def completed(bash_script, line: str) -> list[str]:
    """What bash offers after ``line`` (the last word is being typed; '' after a space)."""
    words = line.split(" ")
    program = (
        f"source {bash_script}\n"
        f"COMP_WORDS=({' '.join(repr(w) for w in words)}); COMP_CWORD={len(words) - 1}\n"
        "_jtai_desktop; printf '%s\\n' \"${COMPREPLY[@]}\""
    )
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return [w for w in done.stdout.splitlines() if w]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_bash_script_sources_without_error_and_registers(bash_script):
    done = subprocess.run(
        ["bash", "-c", f"source {bash_script} && complete -p jtai-desktop"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0 and done.stderr == ""
    assert "-F _jtai_desktop jtai-desktop" in done.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("jtai-desktop sy", ["sync"]),
        ("jtai-desktop --data-dir /tmp/x exp", ["export-report"]),
        ("jtai-desktop ext", ["extract"]),
        ("jtai-desktop thematic ", ["import", "summary", "confirm", "export"]),
        ("jtai-desktop demo --size ", ["small", "reference"]),
        ("jtai-desktop join team.jtai-invite --inv", ["--invitation-passphrase-file"]),
        ("jtai-desktop check --r", ["--repair"]),
        ("jtai-desktop passwd --ro", ["--rotate-key"]),
        ("jtai-desktop completion ", ["bash", "zsh", "powershell"]),
        ("jtai-desktop --pass", ["--passphrase-file"]),
    ],
)
def test_bash_offers_what_the_parser_takes(bash_script, line, offered):
    assert completed(bash_script, line) == offered


def test_the_old_invitation_flags_are_not_offered(bash_script):
    assert "--passphrase-file" not in completed(bash_script, "jtai-desktop join x --")


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_the_zsh_script_loads_in_zsh(tmp_path):
    path = tmp_path / "_jtai-desktop"
    path.write_text(script("zsh"))
    done = subprocess.run(
        [
            "zsh",
            "-f",
            "-c",
            f"autoload -U compinit && compinit -u -d {tmp_path}/dump && source {path} "
            "&& print -r -- $_comps[jtai-desktop]",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.strip() == "_jtai_desktop"


def test_the_powershell_script_names_every_command_and_option():
    text = script("powershell")
    assert "Register-ArgumentCompleter -Native -CommandName 'jtai-desktop'" in text
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, sub in commands.items():
        assert f"'{name}' = @(" in text
        for action in sub._actions:
            for flag in action.option_strings:
                if action.help != "==SUPPRESS==":
                    assert f"'{flag}'" in text
    assert "'demo --size' = @('small', 'reference')" in text
    assert "'completion' = @('bash', 'zsh', 'powershell')" in text
