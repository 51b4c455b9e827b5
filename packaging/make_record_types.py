"""Generate jtai_desktop/domain/record_rows.py and record_types.py from the record specs in
domain/records.py.

Run after changing a record kind or its fields: python packaging/make_record_types.py
A test fails when the generated module no longer matches the specs.

Each kind of record gets a TypedDict of its row as the store gives it (JSON fields decoded,
yes/no fields as 0 or 1, the columns every row carries; a field the kind does not require
may be None), in record_rows.py; ``RecordReads`` in record_types.py gives ``get``/``require``/
``rows`` an overload per kind, so ``ws.get("note", id)["txt"]`` is a type error, not a silent
None, and names the row types again for those who import them from there. Two modules, each
of a size a reader can take in. The output is formatted with ruff, as the rest of the code.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jtai_desktop.domain.records import (  # noqa: E402
    BOOL,
    DATE,
    ENTITIES,
    INT,
    JSON,
    META_COLUMNS,
    TEXT,
)

TARGET = ROOT / "jtai_desktop" / "domain" / "record_types.py"
ROWS_TARGET = ROOT / "jtai_desktop" / "domain" / "record_rows.py"
COLUMN_TYPES = {
    TEXT: "str",
    DATE: "str",  # ISO 8601
    INT: "int",
    BOOL: "int",  # 0 or 1 as stored
    JSON: "list[Any]",
}

ROWS_HEADER = """\
\"\"\"Typed rows of every kind of record. GENERATED from domain/records.py by
packaging/make_record_types.py: do not edit by hand (a test fails when it is stale).

A row is a dict at run time; for the type checker it is a TypedDict of its kind, so a
misspelt field is a type error. (The types exist only for the checker: importing this
module at start-up costs nothing.)
\"\"\"

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypedDict
"""

HEADER = """\
\"\"\"Reads of records typed by kind (``RecordReads``), and the row types of record_rows.py
named again here. GENERATED from domain/records.py by packaging/make_record_types.py: do
not edit by hand (a test fails when it is stale).
\"\"\"

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload
"""

READS = (
    ("get", ["entity_id: str"], "return self._row(entity, entity_id)", "{row} | None"),
    (
        "require",
        ["entity_id: str"],
        "row = self._row(entity, entity_id)\n"
        "if row is None:\n"
        "    raise self._missing(entity, entity_id)\n"
        "return row",
        "{row}",
    ),
    (
        "rows",
        [
            "inspection_id: str",
            'where: str = ""',
            "params: tuple = ()",
            'order_by: str = "created_at, id"',
        ],
        "return self._rows(entity, inspection_id, where, params, order_by)",
        "list[{row}]",
    ),
)


def class_name(entity: str) -> str:
    return "".join(part.capitalize() for part in entity.split("_")) + "Row"


def typed_dict(entity: str) -> list[str]:
    spec = ENTITIES[entity]
    words = entity.replace("_", " ")
    lines = [f"class {class_name(entity)}(TypedDict):", f'    """One {words} as stored."""', ""]
    lines += [f"    {name}: str" for name in META_COLUMNS]
    lines += [
        f"    {f.name}: {COLUMN_TYPES[f.kind]}{'' if f.name in spec.required else ' | None'}"
        for f in spec.fields
    ]
    return lines + [""]


def typed_reads() -> list[str]:
    """Per read, an overload per kind and one for a kind given as a variable."""
    lines = []
    for method, params, _body, returns in READS:
        tail = ", ".join(params)
        for entity in ENTITIES:
            row = returns.format(row=class_name(entity))
            lines += [
                "@overload",
                f'def {method}(self, entity: Literal["{entity}"], {tail}) -> {row}: ...',
            ]
        generic = returns.format(row="Mapping[str, Any]")
        lines += ["@overload", f"def {method}(self, entity: str, {tail}) -> {generic}: ..."]
        lines += [f"def {method}(self, entity: str, {tail}) -> Any: ...", ""]
    return lines


def plain_reads() -> list[str]:
    lines = []
    for method, params, body, _returns in READS:
        lines.append(f"def {method}(self, entity: str, {', '.join(params)}) -> Any:")
        lines += [f"    {line}" for line in body.splitlines()]
        lines.append("")
    return lines


def indent(lines: list[str], levels: int) -> list[str]:
    return [("    " * levels + line) if line else "" for line in lines]


def rows_unformatted() -> str:
    rows = [class_name(entity) for entity in ENTITIES]
    lines = [ROWS_HEADER, "if TYPE_CHECKING:"]
    for entity in ENTITIES:
        lines += indent(typed_dict(entity), 1)
    lines += ["else:  # at run time a row is a plain dict", f"    {' = '.join(rows)} = dict", ""]
    lines += ["Row = Mapping[str, Any]  # a row of a kind named at run time", ""]
    lines += [f"RecordKind = Literal[{', '.join(repr(e) for e in ENTITIES)}]", ""]
    return "\n".join(lines) + "\n"


def reads_unformatted() -> str:
    names = sorted([class_name(entity) for entity in ENTITIES] + ["RecordKind", "Row"])
    lines = [HEADER, f"from .record_rows import {', '.join(names)}", ""]
    lines += [f"__all__ = [{', '.join(repr(n) for n in sorted(['RecordReads', *names]))}]", ""]
    lines += [
        "class RecordReads:",
        '    """Reads of projected records, typed by kind: ``get``, ``require`` and ``rows``',
        "    return the kind's row type. A class implementing ``_row``, ``_rows`` and",
        '    ``_missing`` gets them."""',
        "",
        "    def _row(self, entity: str, entity_id: str) -> dict[str, Any] | None:",
        "        raise NotImplementedError",
        "",
        "    def _rows(self, entity: str, inspection_id: str, where: str, params: tuple,"
        " order_by: str) -> list[dict[str, Any]]:",
        "        raise NotImplementedError",
        "",
        "    def _missing(self, entity: str, entity_id: str) -> Exception:",
        "        raise NotImplementedError",
        "",
        "    if TYPE_CHECKING:",
    ]
    lines += indent(typed_reads(), 2)
    lines += ["    else:"]
    lines += indent(plain_reads(), 2)
    return "\n".join(lines) + "\n"


def ruff_format(code: str, target: Path) -> str:
    ruff = Path(sys.executable).with_name("ruff")
    command = [str(ruff) if ruff.exists() else "ruff", "format", "--stdin-filename", str(target)]
    done = subprocess.run(command, input=code, capture_output=True, text=True, check=True)
    return done.stdout


def generate() -> dict[Path, str]:
    """Each generated module's path and text."""
    return {
        ROWS_TARGET: ruff_format(rows_unformatted(), ROWS_TARGET),
        TARGET: ruff_format(reads_unformatted(), TARGET),
    }


if __name__ == "__main__":
    for path, text in generate().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
