"""Shared fixtures. Qt runs offscreen for the whole suite (set before Qt is imported)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from jtai_desktop.app import open_context  # noqa: E402


@pytest.fixture
def context(tmp_path):
    ctx = open_context(tmp_path / "data")
    yield ctx
    ctx.close()


@pytest.fixture
def ws(context):
    return context.workspace
