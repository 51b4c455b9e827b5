"""With no command the desktop opens from the global options alone; anything else (a command,
a file, help, the version, an unknown or incomplete option) goes to the whole parser."""

from __future__ import annotations

import pytest

from jtai_desktop.cli import build_parser, desktop_arguments


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "/tmp/x"],
        ["--data-dir=/tmp/x", "--passphrase-file", "p"],
        ["--demo"],
        ["--smoke-test", "--data-dir", "d"],
    ],
)
def test_the_desktop_takes_what_the_whole_parser_would(argv):
    fast = desktop_arguments(argv)
    assert fast is not None
    whole = build_parser().parse_args(argv)
    assert whole.command is None
    for name in ("data_dir", "passphrase_file", "demo", "smoke_test", "command"):
        assert getattr(fast, name) == getattr(whole, name), name


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--data-dir", "d", "list"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--bogus"],
        ["--data-dir"],
        ["invitation.jtai-invite"],
    ],
)
def test_anything_else_goes_to_the_whole_parser(argv):
    assert desktop_arguments(argv) is None


def test_a_missing_value_is_reported_once_by_the_whole_parser(capsys):
    from jtai_desktop.cli import main

    with pytest.raises(SystemExit):
        main(["--data-dir"])
    assert capsys.readouterr().err.count("expected one argument") == 1
