"""The cache of parsed texts: kept when read twice, str subclasses not kept, two
generations, clear, threads.

tests/test_memory.py measures its budget; these pin which texts it keeps and drops.
"""

from __future__ import annotations

import threading

import bhtime
from bhtime import _parse
from bhtime._parse import _Cache


class _Text(str):
    """A str subclass: it could compare equal to a text it is not (see _Greedy)."""


class _Greedy(str):
    """A str subclass that calls itself equal to every text, and hashes like its value."""

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


def _small_cache(entries: int, length: int) -> _Cache:
    """A cache whose generations each hold exactly ``entries`` texts of ``length`` characters."""
    cache = _Cache()
    cache.BUDGET = entries * (length + _Cache.ENTRY_COST)  # type: ignore[misc]
    return cache


def _read_twice(cache: _Cache, text: str) -> object:
    """The expression of ``text``, read a second time: the door lets it in."""
    cache.fill(text)
    return cache.get(text) or cache.fill(text)


def test_a_text_is_kept_the_second_time_it_is_read() -> None:
    cache = _Cache()
    first = cache.fill("now +2h")
    assert cache.get("now +2h") is None and cache._used == 0  # read once: at the door only
    second = cache.fill("now +2h")
    assert second == first and second is not first
    assert cache.get("now +2h") is second


def test_two_texts_that_share_a_slot_in_turn_are_read_each_time_and_read_right() -> None:
    cache = _Cache()
    mask = _Cache.DOOR_SLOTS - 1
    slots: dict[int, str] = {}
    number = 0
    while True:  # two texts whose hashes share a slot of the door
        text = f"now +{number}h"
        other = slots.setdefault(hash(text) & mask, text)
        if other != text:
            break
        number += 1
    for _ in range(3):
        for each in (other, text):
            assert cache.fill(each).modifiers[0].amount == int(each[5:-1])
    assert cache.get(other) is None and cache.get(text) is None


def test_a_long_text_is_not_held_at_the_door_and_clear_empties_it() -> None:
    cache = _Cache()
    long_text = "now" + " +1h" * 60
    cache.fill(long_text)
    cache.fill("now +3h")
    assert long_text not in cache._door
    assert "now +3h" in cache._door
    assert len(cache._door) == _Cache.DOOR_SLOTS
    cache.clear()
    assert set(cache._door) == {None}
    cache.fill("now +3h")
    assert cache.get("now +3h") is None  # the door forgot it: read once again


def test_a_str_subclass_is_not_held_at_the_door_so_its_eq_never_runs_for_another_text() -> None:
    cache = _Cache()
    greedy = _Greedy("now +5h")
    assert cache.fill(greedy).modifiers[0].amount == 5
    assert all(slot is None for slot in cache._door)  # `in` would ask greedy itself
    # Had it been held, a plain text in its slot would be let in on its first reading.
    cache.fill("now +5h")
    assert cache.get("now +5h") is None
    assert _read_twice(cache, "now +5h") is cache.get("now +5h")


def test_an_expression_of_a_str_subclass_is_not_kept() -> None:
    cache = _Cache()
    expression = _read_twice(cache, _Text("now +2h"))
    assert type(expression.text) is _Text
    assert cache.get("now +2h") is None
    assert cache._used == 0


def test_a_full_generation_grows_old_and_the_old_one_is_dropped() -> None:
    cache = _small_cache(entries=2, length=3)
    first, second = _read_twice(cache, "+1h"), _read_twice(cache, "+2h")
    assert cache.get("+1h") is first and cache.get("+2h") is second
    third = _read_twice(cache, "+3h")  # over the budget: these three are now the old generation
    assert cache.get("+3h") is None
    assert cache.fill("+3h") is third  # recalled from the old generation, young again
    assert cache.get("+3h") is third
    _read_twice(cache, "+4h")
    _read_twice(cache, "+5h")  # the young generation is full again: +1h and +2h, never recalled, go
    assert cache.fill("+3h") is third
    assert cache.fill("+1h") is not first


def test_a_text_in_use_stays_while_texts_read_twice_pass() -> None:
    cache = _small_cache(entries=4, length=3)
    kept = _read_twice(cache, "now")
    for number in range(100, 200):
        _read_twice(cache, f"{number}h")
        assert cache.get("now") is kept or cache.fill("now") is kept
    assert cache._old  # the texts read twice did fill generations


def test_clear_forgets_every_text_and_frees_the_whole_budget() -> None:
    cache = _small_cache(entries=2, length=3)
    first = _read_twice(cache, "+1h")
    _read_twice(cache, "+2h")
    _read_twice(cache, "+3h")  # retires the first two
    cache.clear()
    assert cache.get("+1h") is None
    assert _read_twice(cache, "+1h") is not first  # parsed again: not in either generation
    fourth = _read_twice(cache, "+4h")  # the budget is whole again: both fit young
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
        first, second = bhtime.parse(text), bhtime.parse(text)
        assert first is not second and first.items == second.items  # read again, alike
        assert _parse._CACHE.get(text) is None  # re-read costs less than keeping it
    for text in ("2011-12-03T10:15:30+01:00", "10:15:30+01:00", "Tue, 3 Jun 2008 11:05:30 GMT"):
        bhtime.parse(text)  # read once: at the door
        assert bhtime.parse(text) is bhtime.parse(text)
    _parse._CACHE.clear()
