"""Shared fixtures. Qt runs offscreen for the whole suite (set before Qt is imported)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from jtai_desktop.app import open_context  # noqa: E402
from jtai_desktop.crypto.kdf import fast_params_for_tests  # noqa: E402

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def passphrase():
    return PASSPHRASE


@pytest.fixture
def open_folder():
    """Open (creating if new) a data folder with a cheap KDF so tests stay fast."""
    opened = []

    def opener(folder, passphrase=PASSPHRASE):
        ctx = open_context(folder, passphrase, kdf_params=fast_params_for_tests())
        opened.append(ctx)
        return ctx

    yield opener
    for ctx in opened:
        ctx.close()


@pytest.fixture
def context(tmp_path, open_folder):
    return open_folder(tmp_path / "data")


@pytest.fixture
def ws(context):
    return context.workspace


@pytest.fixture(scope="session")
def six_extracts(tmp_path_factory):
    """Six published demo inspections of one theme, each in its own area, and their extracts
    (tests/thematic_extracts.py): built once, never changed (copy before writing)."""
    from .thematic_extracts import make_extracts

    return make_extracts(tmp_path_factory.mktemp("thematic"))
