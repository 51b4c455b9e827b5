"""The layers hold: no package imports another in a circle, each layer imports only the
layers below it, and the core (domain, store, sync, services, report, crypto) runs without Qt.

The import graph is read from the source (every ``import``, also those inside functions),
so a cycle made by a late import counts too: it is still a cycle in the design.
"""

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import jtai_desktop

PACKAGE = Path(jtai_desktop.__file__).parent
CORE = ("domain", "crypto", "sync", "store", "report", "services")

# What each part may import. Top-level modules (paths, files, logs ...) are parts too.
ALLOWED = {
    "domain": {"resources"},
    "files": {"domain"},
    "paths": set(),
    "logs": {"paths"},
    "resources": set(),
    "crypto": {"domain", "files", "paths"},
    "sync": {"domain", "crypto", "files"},
    "store": {"domain", "crypto", "sync", "files"},
    "report": {"domain", "resources", "files"},
    "services": {"domain", "crypto", "sync", "store", "report", "files", "paths", "resources"},
    "ui": {
        "domain",
        "crypto",
        "sync",
        "report",
        "services",
        "files",
        "paths",
        "logs",
        "resources",
        "__init__",
    },
}


def part_of(module: str) -> str:
    """``jtai_desktop.store.oplog`` -> ``store``; ``jtai_desktop.cli`` -> ``cli``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """The project's modules ``path`` imports (a name imported from a package counts as that
    package's submodule when there is one)."""
    name = module_name(path)
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("jtai_desktop")}
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            if not target.startswith("jtai_desktop"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                exists = (PACKAGE.parent / Path(*sub.split("."))).with_suffix(".py").exists()
                found.add(sub if exists else target)
    return found


def source_files() -> list[Path]:
    forms = PACKAGE / "ui" / "forms"
    return [p for p in PACKAGE.rglob("*.py") if forms not in p.parents]


def part_graph() -> dict[str, dict[str, list[str]]]:
    """part -> imported part -> the modules that make the edge."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in source_files():
        source = module_name(path)
        for target in imported(path):
            a, b = part_of(source), part_of(target)
            if a != b:
                graph[a][b].append(f"{source} -> {target}")
    return graph


def find_cycle(graph) -> list[str] | None:
    def visit(node, trail):
        for nxt in graph.get(node, {}):
            if nxt in trail:
                return trail[trail.index(nxt) :] + [nxt]
            found = visit(nxt, trail + [nxt])
            if found:
                return found
        return None

    for start in graph:
        found = visit(start, [start])
        if found:
            return found
    return None


def test_the_graph_reader_sees_late_imports_and_relative_ones(tmp_path):
    # The reader must see what a cycle is made of, or the tests below could never fail.
    edges = part_graph()
    assert "jtai_desktop.app -> jtai_desktop.ui.assemble" in edges["app"]["ui"]  # in a function
    assert "jtai_desktop.store.oplog -> jtai_desktop.sync.ops" in edges["store"]["sync"]
    assert find_cycle({"a": {"b": []}, "b": {"c": []}, "c": {"a": []}}) == ["a", "b", "c", "a"]


def test_no_package_imports_another_in_a_circle():
    graph = part_graph()
    cycle = find_cycle(graph)
    assert cycle is None, (
        "import cycle "
        + " -> ".join(cycle)
        + ":\n"
        + "\n".join(edge for a, b in zip(cycle, cycle[1:]) for edge in graph[a][b])
    )


def test_each_layer_imports_only_the_layers_below_it():
    graph = part_graph()
    wrong = [
        edge
        for part, allowed in ALLOWED.items()
        for target, edges in graph.get(part, {}).items()
        if target not in allowed
        for edge in edges
    ]
    assert not wrong, "\n".join(wrong)


def test_the_desktop_writes_no_sql():
    offenders = [
        module_name(path)
        for path in source_files()
        if part_of(module_name(path)) == "ui"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.Import, ast.ImportFrom))
        and any(
            (getattr(node, "module", None) or alias.name).split(".")[0]
            in ("sqlite3", "sqlite_utils", "sqlcipher3")
            for alias in node.names
        )
    ]
    assert not offenders


def test_the_core_needs_no_qt():
    modules = sorted(
        module_name(path)
        for path in source_files()
        if part_of(module_name(path)) in CORE and path.name != "__main__.py"
    )
    assert {part_of(m) for m in modules} == set(CORE)
    code = "import sys; sys.modules['PySide6'] = None\n" + "".join(
        f"import {module}\n" for module in modules
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_desktop_does_not_guess_what_exists():
    """The window declares what it has: no probing with getattr/hasattr, no menus found by
    position, and no attribute set on the window that its constructor does not name."""
    window_source = (PACKAGE / "ui" / "main_window.py").read_text(encoding="utf-8")
    constructor = next(
        node
        for node in ast.walk(ast.parse(window_source))
        if isinstance(node, ast.FunctionDef) and node.name == "__init__"
    )
    declared = {
        target.attr
        for node in ast.walk(constructor)
        for target in getattr(node, "targets", [getattr(node, "target", None)])
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
    }
    allowed_probes = {"shipped_files.py", "page_registry.py"}  # sys.frozen; a page by name
    problems = []
    for path in source_files():
        if part_of(module_name(path)) != "ui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr")
                and path.name not in allowed_probes
            ):
                problems.append(f"{path.name}:{node.lineno} {node.func.id}")
            if (
                isinstance(node, ast.Subscript)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Attribute)
                and node.value.func.attr == "actions"
            ):
                problems.append(f"{path.name}:{node.lineno} an action found by position")
            targets = getattr(node, "targets", [])
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "window"
                    and target.attr not in declared
                ):
                    problems.append(f"{path.name}:{node.lineno} window.{target.attr} set")
    assert not problems, "\n".join(problems)


def test_the_desktop_edits_only_through_the_services_and_undoes_one_way():
    """Every edit is a service call whose ChangeSet the session puts on the undo stack; the
    only undo command replays change sets, and only the session replays them."""
    writes = ("update", "create", "delete", "restore", "resolve", "reopen", "upsert", "apply")
    problems = []
    for path in source_files():
        if part_of(module_name(path)) != "ui":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in writes
                and "ws" in ast.unparse(node.func.value).split(".")
                and not (path.name == "session.py" and node.func.attr == "apply")
            ):
                problems.append(f"{path.name}:{node.lineno} {ast.unparse(node.func)}")
            if (
                isinstance(node, ast.ClassDef)
                and any(ast.unparse(base).endswith("QUndoCommand") for base in node.bases)
                and node.name != "ChangeSetCommand"
            ):
                problems.append(f"{path.name}:{node.lineno} undo command {node.name}")
    assert not problems, "\n".join(problems)


def test_one_autosave_and_one_way_to_report_a_refused_edit():
    """Editors save through widgets/autosave (its delay is named there only), and a refused
    edit is reported through ui/errors.try_edit, not a try/except of each editor's own."""
    editors = ("note_editor", "evidence_detail", "finding_editor", "section_editor")
    problems = []
    for path in source_files():
        if part_of(module_name(path)) != "ui" or path.name == "autosave.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "AUTOSAVE_MS" in text or "focusOutEvent" in text:
            problems.append(f"{path.name}: a timer or focus watch of its own")
        if path.stem in editors and "Autosave(" not in text:
            problems.append(f"{path.name}: saves without Autosave")
        if "session.edit(" in text and path.name not in ("session.py", "errors.py", "smoke.py"):
            problems.append(f"{path.name}: calls session.edit itself, not try_edit")
    assert not problems, "\n".join(problems)


def test_item_data_roles_are_named_once():
    """A role shared by many lists (a row's record id, its kind ...) has one name, in
    ui/models/roles.py; a model's own roles number from roles.MODEL_ROLES there. A second
    ``UserRole`` elsewhere is a role named twice, or two roles with one number."""
    problems = [
        path.relative_to(PACKAGE).as_posix()
        for path in source_files()
        if part_of(module_name(path)) == "ui"
        and path.name != "roles.py"
        and "ItemDataRole.UserRole" in path.read_text(encoding="utf-8")
    ]
    assert not problems, problems
