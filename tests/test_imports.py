"""bhtime's modules import down the data flow, never in a circle, and run without lark."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bhtime

PACKAGE = Path(bhtime.__file__).parent

# text -> tokens -> items -> Expression -> instant -> string: each module may
# import only modules before it. Modules not listed (the adapters: pydantic,
# strategies, ...) sit on top, and no listed module may import them.
FLOW = [
    "_records",
    "_catalogue",
    "_locales",
    "_errors",
    "_urlencoded",
    "_calendar",
    "_tz",
    "_localzone",
    "_table",
    "_syntax",
    "_ast",
    "_items",
    "_parse",
    "_format",
    "_evaluate",
    "_explain",
    "__init__",
    "_grammar",
    "gateways",
    "cli",
    "__main__",
]


def imports_of(path: Path) -> set[str]:
    """The bhtime modules ``path`` imports anywhere: at the top, in functions, for type checking."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:  # from . import name
                found.update(
                    alias.name if (PACKAGE / f"{alias.name}.py").exists() else "__init__"
                    for alias in node.names
                )
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bhtime"):
            found.add(node.module.split(".")[1] if "." in node.module else "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("bhtime."):
                    found.add(alias.name.split(".")[1])
    return found - {path.stem}


def graph() -> dict[str, set[str]]:
    return {path.stem: imports_of(path) for path in sorted(PACKAGE.glob("*.py"))}


def test_every_import_points_down_the_flow() -> None:
    order = {name: index for index, name in enumerate(FLOW)}
    wrong = [
        f"{module} imports {imported}"
        for module, imported_set in graph().items()
        for imported in imported_set
        if module in order and (imported not in order or order[imported] >= order[module])
    ]
    assert wrong == []


def test_the_module_graph_has_no_cycle() -> None:
    edges = graph()
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        if state.get(module) == "done":
            return
        assert state.get(module) != "open", f"import cycle: {' -> '.join([*path, module])}"
        state[module] = "open"
        for imported in sorted(edges.get(module, ())):
            visit(imported, [*path, module])
        state[module] = "done"

    for module in edges:
        visit(module, [])


def test_the_cycle_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "_ast.py"
    module.write_text("def f():\n    from ._parse import parse\n", encoding="utf-8")
    assert imports_of(module) == {"_parse"}


_FIRST_CALL = (
    "import sys, bhtime; bhtime.resolve('now -12 hours +1min', zone='UTC'); "
    "print(sorted(m for m in sys.modules if m.split('.')[0] in "
    "('lark', 'importlib.resources', 'difflib', 'unicodedata', 'calendar', 'inspect') "
    "or m.startswith('importlib.resources')))"
)


def test_the_first_call_imports_no_lark_and_no_slow_module() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_CALL], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_lone_word_first_call_compiles_no_regex() -> None:
    # A lone word is read with a dict: importing re would cost a first call a
    # fifth of a bare interpreter's start.
    code = "import sys, bhtime; bhtime.resolve(' Now', zone='UTC'); print('re' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_copy_of_the_bhtime_folder_alone_works(tmp_path: Path) -> None:
    # Only the copied package and tzdata on the path: no site-packages, no
    # checkout, no lark. -I ignores PYTHON* variables and the user site; -S
    # skips site-packages; the path is set by hand.
    tzdata = pytest.importorskip("tzdata", reason="tzdata is a dependency of bhtime")
    shutil.copytree(PACKAGE, tmp_path / "bhtime", ignore=shutil.ignore_patterns("__pycache__"))
    code = (
        "import sys; "
        f"sys.path[:] = [{str(tmp_path)!r}, {str(Path(tzdata.__file__).parent.parent)!r}] "
        "+ [p for p in sys.path if 'site-packages' not in p and 'dist-packages' not in p]; "
        "import bhtime; "
        "print(bhtime.resolve('2017-04-25T00:41:27.000+0300 -12 hours', zone='Europe/Moscow')); "
        "print(bhtime.__file__.startswith(sys.path[0]), 'lark' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert out.stdout.split() == ["2017-04-24T12:41:27.000+0300", "True", "False"]
