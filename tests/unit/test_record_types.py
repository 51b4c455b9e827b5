"""Rows travel as typed records: a TypedDict per kind, generated from the record specs, and
reads typed per kind, so a misspelt field is a type error rather than a silent None."""

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

from jtai_desktop.domain import record_types
from jtai_desktop.domain.records import ENTITIES, META_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "make_record_types", ROOT / "packaging" / "make_record_types.py"
)
make_record_types = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_record_types)


def test_the_generated_modules_are_up_to_date():
    for path, text in make_record_types.generate().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"domain/{path.name} is stale: run python packaging/make_record_types.py"
        )


def test_every_kind_has_a_row_type_with_its_fields():
    tree = ast.parse(make_record_types.ROWS_TARGET.read_text(encoding="utf-8"))
    fields = {
        node.name: {item.target.id for item in node.body if isinstance(item, ast.AnnAssign)}
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name.endswith("Row")
    }
    for entity, entity_spec in ENTITIES.items():
        row_type = make_record_types.class_name(entity)
        assert fields[row_type] == {*META_COLUMNS, *entity_spec.field_names}
        assert getattr(record_types, row_type) is dict  # a plain dict at run time


def test_the_workspace_reads_are_the_typed_ones():
    from jtai_desktop.services.workspace import Workspace

    assert issubclass(Workspace, record_types.RecordReads)
    for read in ("get", "require", "rows"):
        assert read not in Workspace.__dict__  # the typed overloads are the ones used


def mypy(tmp_path, code: str) -> subprocess.CompletedProcess:
    source = tmp_path / "use_rows.py"
    source.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--follow-imports=silent", str(source)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_a_misspelt_field_is_a_type_error(tmp_path):
    checked = mypy(
        tmp_path,
        "from jtai_desktop.domain.record_types import RecordReads\n"
        "def text(reads: RecordReads) -> str:\n"
        '    return reads.require("note", "n1")["txt"]\n',
    )
    assert checked.returncode == 1
    assert 'TypedDict "NoteRow" has no key "txt"' in checked.stdout


def test_a_field_that_may_be_empty_must_be_handled(tmp_path):
    checked = mypy(
        tmp_path,
        "from jtai_desktop.domain.record_types import RecordReads\n"
        "def band(reads: RecordReads) -> str:\n"
        '    row = reads.get("child", "c1")\n'
        '    return row["age_band"] if row else ""\n',
    )
    assert checked.returncode == 1 and "str | None" in checked.stdout
    fine = mypy(
        tmp_path,
        "from jtai_desktop.domain.record_types import RecordReads\n"
        "def pseudonym(reads: RecordReads) -> str:\n"
        '    return reads.require("child", "c1")["pseudonym"]\n',
    )
    assert fine.returncode == 0, fine.stdout
