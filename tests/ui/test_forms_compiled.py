"""Every Designer form has a compiled module, and none is stale."""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "compile_forms", ROOT / "packaging" / "compile_forms.py"
)
compile_forms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_forms)

FORMS = sorted((ROOT / "forms").glob("*.ui"))


def without_header(text: str) -> str:
    # The generator stamps its own version in a comment; what matters is the code.
    return re.sub(r"(?m)^## .*\n", "", text)


def test_there_are_forms():
    assert FORMS, "the dialogs are Designer forms in forms/"


@pytest.mark.parametrize("form", FORMS, ids=lambda p: p.name)
def test_compiled_form_is_up_to_date(form):
    target = compile_forms.target_for(form)
    assert target.exists(), f"{target.name} missing: run python packaging/compile_forms.py"
    assert without_header(target.read_text()) == without_header(compile_forms.compile_form(form)), (
        f"{target.name} is stale: run python packaging/compile_forms.py"
    )
