"""The cache of parsed texts: str subclasses not kept, two generations, clear, threads.

tests/test_memory.py measures its budget; these pin which texts it keeps and drops.
"""

from __future__ import annotations

import threading

import bhtime
from bhtime import _parse
from bhtime._parse import _Cache


class _Text(str):
    """A str subclass, which may compare equal to a text it is not."""


def _small_cache(entries: int, length: int) -> _Cache:
    """A cache whose generations each hold exactly ``entries`` texts of ``length`` characters."""
    cache = _Cache()
    cache.BUDGET = entries * (length + _Cache.ENTRY_COST)  # type: ignore[misc]
    return cache


def test_an_expression_of_a_str_subclass_is_not_kept() -> None:
    cache = _Cache()
    expression = cache.fill(_Text("now +2h"))
    assert type(expression.text) is _Text
    assert cache.get("now +2h") is None
    assert cache._used == 0


def test_a_full_generation_grows_old_and_the_old_one_is_dropped() -> None:
    cache = _small_cache(entries=2, length=3)
    first, second = cache.fill("+1h"), cache.fill("+2h")
    assert cache.get("+1h") is first and cache.get("+2h") is second
    third = cache.fill("+3h")  # over the budget: these three are now the old generation
    assert cache.get("+3h") is None
    assert cache.fill("+3h") is third  # recalled from the old generation, young again
    assert cache.get("+3h") is third
    cache.fill("+4h")
    cache.fill("+5h")  # the young generation is full again: +1h and +2h, never recalled, go
    assert cache.fill("+3h") is third
    assert cache.fill("+1h") is not first


def test_a_text_in_use_stays_while_texts_seen_once_pass() -> None:
    cache = _small_cache(entries=4, length=3)
    kept = cache.fill("now")
    for number in range(100, 200):
        cache.fill(f"{number}h")
        assert cache.get("now") is kept or cache.fill("now") is kept


def test_clear_forgets_every_text_and_frees_the_whole_budget() -> None:
    cache = _small_cache(entries=2, length=3)
    first = cache.fill("+1h")
    cache.fill("+2h")
    cache.fill("+3h")  # retires the first two
    cache.clear()
    assert cache.get("+1h") is None
    assert cache.fill("+1h") is not first  # parsed again: not in either generation
    fourth = cache.fill("+4h")  # the budget is whole again: both fit young
    assert cache.get("+1h") is not None and cache.get("+4h") is fourth


def test_threads_parsing_at_once_get_right_answers_and_stay_within_the_budget() -> None:
    _parse._CACHE.clear()
    texts = [f"now +{number}h" for number in range(3000)]
    wrong: list[str] = []

    def work(offset: int) -> None:
        for index in range(len(texts)):
            text = texts[(index + offset) % len(texts)]
            if bhtime.parse(text).modifiers[0].amount != int(text[5:-1]):
                wrong.append(text)

    threads = [threading.Thread(target=work, args=(offset * 700,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []
    cache = _parse._CACHE
    for generation in (cache._young, cache._old):
        held = sum(len(text) + _Cache.ENTRY_COST for text in generation)
        assert held <= _Cache.BUDGET + _Cache.LONGEST + _Cache.ENTRY_COST
    _parse._CACHE.clear()


def test_a_plain_date_is_read_again_and_a_timestamp_with_an_offset_kept() -> None:
    _parse._CACHE.clear()
    for text in ("2011-12-03", "20111203", "2011-12-03T10:15:30"):
        assert bhtime.parse(text) == bhtime.parse(text)
        assert _parse._CACHE.get(text) is None  # re-read costs less than keeping it
    for text in ("2011-12-03T10:15:30+01:00", "10:15:30+01:00", "Tue, 3 Jun 2008 11:05:30 GMT"):
        assert bhtime.parse(text) is bhtime.parse(text)
    _parse._CACHE.clear()
