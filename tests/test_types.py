"""The types bhtime's values are made of: records without typing, and an immutable Expression."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

import bhtime
from bhtime._records import NamedTuple


class Point(NamedTuple):
    """A point."""

    x: int
    y: int = 0

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


class Bare(NamedTuple):
    value: str


def test_a_record_is_a_named_tuple_with_its_fields_defaults_and_methods() -> None:
    point = Point(3, -4)
    assert point == (3, -4)
    assert Point(1) == Point(1, 0)
    assert Point._fields == ("x", "y")
    assert point.norm() == 7
    assert repr(point) == "Point(x=3, y=-4)"
    assert Point.__doc__ == "A point."
    assert Point.__qualname__ == "Point"
    assert Point.__module__ == __name__
    assert Point.__annotations__ == {"x": "int", "y": "int"}
    with pytest.raises(AttributeError):
        point.x = 1  # type: ignore[misc]


def test_a_record_without_a_docstring_keeps_namedtuples() -> None:
    assert Bare("a").value == "a"
    assert Bare.__doc__ == "Bare(value,)"


def test_records_pickle_by_their_class() -> None:
    assert pickle.loads(pickle.dumps(Point(1, 2))) == Point(1, 2)
    step = bhtime.explain("now +1d", zone="UTC").steps[0]
    assert pickle.loads(pickle.dumps(step)) == step


def test_an_expression_refuses_assignment_and_deletion() -> None:
    expression = bhtime.parse("now +1d")
    with pytest.raises(FrozenInstanceError):
        expression.items = ()  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del expression.text  # type: ignore[misc]
    assert expression.text == "now +1d"
