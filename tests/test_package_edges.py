"""The package's own surface: `python -m bhtime`, dir(bhtime), the grammar it reads, Expression."""

from __future__ import annotations

import importlib.util
import runpy
import shutil
import sys
from pathlib import Path

import pytest

import bhtime
from bhtime import _grammar


def test_python_m_bhtime_is_the_bhtime_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["bhtime", "2017-04-25T00:41:27.123+03:00", "-z", "UTC"])
    with pytest.raises(SystemExit) as exited:
        runpy.run_module("bhtime", run_name="__main__", alter_sys=False)
    assert exited.value.code == 0
    assert capsys.readouterr().out == "2017-04-24T21:41:27.123+0000\n"


def test_dir_lists_every_public_name_before_it_is_loaded() -> None:
    listed = dir(bhtime)
    assert set(bhtime.__all__) <= set(listed)
    assert listed == sorted(listed)


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'bhtime' has no attribute 'nothing'"):
        bhtime.nothing  # type: ignore[attr-defined]  # noqa: B018


def test_an_expression_equals_only_an_expression_of_the_same_text() -> None:
    expression = bhtime.parse("now +1h")
    assert expression == bhtime.parse("now +1h")
    assert expression != bhtime.parse("now +60min")
    # Not equal to its own text: __eq__ gives NotImplemented, and str's does not match either.
    assert expression != "now +1h"
    assert expression.__eq__("now +1h") is NotImplemented


def test_expressions_hash_by_their_text() -> None:
    texts = ["now", "now +1h", "tomorrow", "2011-12-03", "-12 hours"]
    hashes = {hash(bhtime.parse(text)) for text in texts}
    assert len(hashes) == len(texts)  # not one hash for all: sets and dicts stay fast
    assert hash(bhtime.parse("now +1h")) == hash(bhtime.parse("now +1h"))


def test_an_expression_cannot_lose_a_field() -> None:
    expression = bhtime.parse("now +1h")
    with pytest.raises(AttributeError, match="cannot delete field 'text'"):
        del expression.text  # type: ignore[misc]
    assert expression.text == "now +1h"


def test_the_grammar_shipped_in_the_package_is_read_before_the_checkouts(
    tmp_path: Path,
) -> None:
    # An installed wheel holds bhtime/bhtime.lark next to the module; a
    # checkout has only grammar/bhtime.lark. A copy of the module beside a
    # packaged grammar must read that one.
    package = tmp_path / "installed"
    package.mkdir()
    shutil.copy(_grammar.__file__, package / "_grammar.py")
    (package / "bhtime.lark").write_text('start: "packaged"\n', encoding="utf-8")
    spec = importlib.util.spec_from_file_location("installed_grammar", package / "_grammar.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.grammar_text() == 'start: "packaged"\n'
    assert _grammar.grammar_text() != module.grammar_text()  # this checkout reads grammar/


def test_an_expression_shows_its_word_now_and_where_it_stands() -> None:
    expression = bhtime.parse("+1h now")
    assert expression.now == bhtime.Now(4, 7)
    assert expression.items[1] is expression.now
    assert bhtime.parse("+1h").now is None
