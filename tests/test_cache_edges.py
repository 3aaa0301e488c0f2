"""The cache of parsed texts: str subclasses not kept, the oldest forgotten first, clear.

tests/test_memory.py measures its budget; these pin the order and the reset.
"""

from __future__ import annotations

import bhtime
from bhtime._parse import _Cache


class _Text(str):
    """A str subclass, which may compare equal to a text it is not."""


def _small_cache(entries: int, length: int) -> _Cache:
    """A cache whose budget holds exactly ``entries`` texts of ``length`` characters."""
    cache = _Cache()
    cache.BUDGET = entries * (length + _Cache.ENTRY_COST)  # type: ignore[misc]
    return cache


def test_an_expression_of_a_str_subclass_is_not_kept() -> None:
    cache = _Cache()
    expression = bhtime.parse(_Text("now +2h"))
    assert type(expression.text) is _Text
    assert cache.keep(expression) is expression
    assert cache.get("now +2h") is None


def test_when_full_the_oldest_text_goes_first() -> None:
    cache = _small_cache(entries=2, length=3)
    first, second, third = (bhtime.parse(text) for text in ("+1h", "+2h", "+3h"))
    for expression in (first, second, third):
        cache.keep(expression)
    assert cache.get("+1h") is None
    assert cache.get("+2h") is second
    assert cache.get("+3h") is third


def test_clear_forgets_every_text_and_frees_the_whole_budget() -> None:
    cache = _small_cache(entries=2, length=3)
    cache.keep(bhtime.parse("+1h"))
    cache.keep(bhtime.parse("+2h"))
    cache.clear()
    assert cache.get("+1h") is None
    assert cache.get("+2h") is None
    third, fourth = bhtime.parse("+3h"), bhtime.parse("+4h")
    cache.keep(third)
    cache.keep(fourth)  # the budget is whole again: both fit
    assert cache.get("+3h") is third
    assert cache.get("+4h") is fourth
