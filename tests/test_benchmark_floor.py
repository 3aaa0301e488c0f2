"""The benchmark's floor gives bhtime's answers, so its ratios compare the same work.

``benchmarks/run.py`` times each floor entry against ``bhtime.resolve``; a floor
that answered differently (a wrong offset, a dropped millisecond) would make
those ratios meaningless. This checks every entry on the inputs the benchmark
feeds it, without timing anything.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import bhtime

FLOOR_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "floor.py"


def _load_floor() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_floor", FLOOR_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # NamedTuple classes look their module up
    spec.loader.exec_module(module)
    return module


floor = _load_floor()
# The benchmark's full run uses texts 0 to 2,399 of each form; a few from
# further on check that the forms' digit patterns stay valid.
SAMPLE = [*range(0, 2400, 7), 5000, 20000, 33599]


def resolve(text: str) -> str:
    return bhtime.resolve(text, zone=floor.ZONE, now=floor.NOW)


@pytest.mark.parametrize("form", floor.FORMS, ids=lambda form: form.name)
def test_floor_agrees_with_bhtime(form: Any) -> None:
    texts = [form.text(n) for n in SAMPLE]
    assert floor.disagreements(form, texts, resolve) == []


@pytest.mark.parametrize("form", floor.FORMS, ids=lambda form: form.name)
def test_benchmark_texts_are_distinct(form: Any) -> None:
    # "Cold" means a text bhtime has not seen: a repeated text would be a cache hit.
    texts = form.texts(2400)
    assert len(set(texts)) == len(texts)
