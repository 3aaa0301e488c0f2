"""The package's own surface: `python -m bhtime`, dir(bhtime), and Expression equality."""

from __future__ import annotations

import runpy
import sys

import pytest

import bhtime


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
