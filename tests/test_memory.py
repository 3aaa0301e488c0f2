"""No input can make bhtime's caches grow past a bound (a hostile caller, one process)."""

from __future__ import annotations

import contextlib
import gc
import random
import tracemalloc

import bhtime
from bhtime import _parse

UNITS = ("d", "h", "min", "s", "w", "mon", "y")
MIB = 1 << 20


def expression(seed: int, length: int) -> str:
    """A distinct valid expression of about ``length`` characters: now and many modifiers."""
    chance = random.Random(seed)
    parts = ["now"]
    while sum(map(len, parts)) + len(parts) < length - 8:
        parts.append(f"{chance.choice('+-')}{chance.randint(1, 99)}{chance.choice(UNITS)}")
    return " ".join(parts)


def held_after(texts: list[str], reads: int = 2) -> int:
    """Bytes held after parsing ``texts`` ``reads`` times, over what one call holds.

    Twice by default: the second reading keeps a short text (bhtime._parse._Cache).
    """
    _parse._CACHE.clear()
    tracemalloc.start()
    try:
        bhtime.parse("now -12 hours +1min")
        gc.collect()
        base = tracemalloc.get_traced_memory()[0]
        for _ in range(reads):
            for text in texts:
                with contextlib.suppress(bhtime.BhtimeError):
                    bhtime.parse(text)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
        _parse._CACHE.clear()


def test_distinct_long_texts_valid_and_invalid_hold_almost_nothing() -> None:
    texts = [expression(seed, 1000) for seed in range(150)]
    texts += [text[:-1] + "x?" for text in texts]  # invalid: an unknown unit, then '?'
    assert all(len(text) <= 1000 for text in texts)
    assert held_after(texts) < 1 * MIB


def test_the_cache_of_short_texts_stops_at_its_budget() -> None:
    # The densest texts the cache keeps (many modifiers), far more than fit:
    # what it holds is bounded by its budget of characters, not by entries.
    longest = _parse._Cache.LONGEST
    dense = [expression(seed, longest) for seed in range(2 * _parse._Cache.BUDGET // longest)]
    # Timestamps hold the most objects per character (datetimes, offsets, a zone name).
    stamps = [
        f"2011-12-03T10:{i % 60:02d}:{i // 60 % 60:02d}+01:00[Europe/Paris] +{i}d"
        for i in range(2 * _parse._Cache.BUDGET // 40)
    ]
    for texts in (dense, stamps):
        assert held_after(texts) < 4 * MIB


def test_texts_read_once_are_held_only_at_the_door_within_its_slots() -> None:
    # Distinct short texts, each read once, far more than the door has slots:
    # none is kept, and the door holds at most one text a slot.
    slots = _parse._Cache.DOOR_SLOTS
    texts = [expression(seed, _parse._Cache.LONGEST) for seed in range(3 * slots)]
    assert held_after(texts, reads=1) < 1 * MIB
    for text in texts:
        bhtime.parse(text)
    cache = _parse._CACHE
    assert cache._used == 0 and not cache._young and not cache._old
    at_door = [text for text in cache._door if text is not None]
    assert len(cache._door) == slots and len(at_door) > slots // 2
    # The texts themselves are the caller's (this list): the door makes no copies.
    mine = {id(text) for text in texts}
    assert all(id(held) in mine for held in at_door)
    _parse._CACHE.clear()


def test_the_cache_fills_to_its_budget_and_no_further() -> None:
    _parse._CACHE.clear()
    for seed in range(3 * _parse._Cache.BUDGET // 50):
        text = expression(seed, 50)
        bhtime.parse(text)
        bhtime.parse(text)  # kept on its second reading
    cache = _parse._CACHE
    assert 0 < cache._used <= _parse._Cache.BUDGET
    # The generation just retired was filled to its budget.
    retired = sum(len(text) + _parse._Cache.ENTRY_COST for text in cache._old)
    assert _parse._Cache.BUDGET - 100 < retired <= _parse._Cache.BUDGET + 100
    _parse._CACHE.clear()


def test_the_cache_keeps_short_texts_and_repeats_hit_it() -> None:
    _parse._CACHE.clear()
    bhtime.parse("now -12 hours +1min")  # read once: at the door
    kept = bhtime.parse("now -12 hours +1min")
    assert bhtime.parse("now -12 hours +1min") is kept
    long_text = expression(0, 900)
    assert bhtime.parse(long_text) is not bhtime.parse(long_text)  # too long to keep


def test_a_text_met_again_is_not_counted_again() -> None:
    _parse._CACHE.clear()
    bhtime.parse("now +1d")
    expression = bhtime.parse("now +1d")
    used = _parse._CACHE._used
    assert used > 0
    assert bhtime.parse("now +1d") is expression
    assert _parse._CACHE._used == used
    _parse._CACHE.clear()


def test_the_times_of_day_kept_for_placing_wall_times_are_bounded() -> None:
    from datetime import datetime, timezone

    from bhtime import _tz

    now = datetime(2017, 4, 25, tzinfo=timezone.utc)
    for second in range(0, 86400, 7):
        clock = f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        bhtime.resolve(f"tomorrow {clock}", zone="Europe/Moscow", now=now)
    assert 0 < len(_tz._LATER) <= 4096
    _parse.clear_caches()
    assert not _tz._LATER
