"""What a type checker accepts from `bhtime` is what `from bhtime import X` gives at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import bhtime

INIT = Path(bhtime.__file__)


def _names_a_type_checker_sees() -> set[str]:
    """The public names `bhtime/__init__.py` binds at module level or under `if TYPE_CHECKING`."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    statements = list(tree.body)
    names: set[str] = set()
    for node in statements:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            statements.extend(node.body)
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return {name for name in names if not name.startswith("_") and name != "TYPE_CHECKING"}


def test_every_name_a_type_checker_accepts_is_exported() -> None:
    assert _names_a_type_checker_sees() == set(bhtime.__all__) - {"__version__"}


def test_the_module_getattr_is_hidden_from_type_checkers() -> None:
    # A module-level __getattr__ that mypy sees makes it accept any name
    # (`from bhtime import Policyy`); it must sit under `if not TYPE_CHECKING`.
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    top_level = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert "__getattr__" not in top_level
    hidden = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "not TYPE_CHECKING"
    ]
    assert any(
        isinstance(inner, ast.FunctionDef) and inner.name == "__getattr__"
        for node in hidden
        for inner in node.body
    )


def test_every_exported_name_imports_in_a_fresh_process() -> None:
    names = ", ".join(sorted(bhtime.__all__))
    code = f"from bhtime import {names}; from bhtime import *; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        bhtime.Policyy  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "Policyy" in str(error)
    else:
        raise AssertionError("bhtime.Policyy should not exist")


def test_the_exported_types_are_the_ones_the_api_returns() -> None:
    expression = bhtime.parse("2011-12-03T10:15:30Z +1d")
    assert isinstance(expression, bhtime.Expression)
    assert isinstance(expression.items[0], bhtime.Timestamp)
    explanation = bhtime.explain("now +1d", zone="UTC")
    assert all(isinstance(step, bhtime.Step) for step in explanation.steps)
    assert all(isinstance(step.placement, bhtime.Placement) for step in explanation.steps)
    assert bhtime.parse("+1d").modifiers[0].unit is bhtime.Unit.DAYS
