"""What the fuzzer (fuzz/fuzz_bhtime.py) and the benchmark's worst cases turned up, kept.

Each case checks the fuzz target's properties: only ``BhtimeError`` escapes
``parse`` and ``evaluate`` (docs/language.md §8), and a result formatted with
``format_instant`` reads back, in the same zone with the same ``now``, as the
same string (docs/language.md §7). The seeds the fuzzer starts from get the same check, with every ``disambiguate``
policy.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import pytest

import bhtime

Policy = Literal["compatible", "earlier", "later", "raise"]
POLICIES: list[Policy] = ["compatible", "earlier", "later", "raise"]
MOSCOW_NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))

# (text, zone, now): inputs that once broke a property. Each is a letter that
# Unicode case folding turns into an ASCII one (long s -> s, Kelvin sign -> k,
# dotless i and dotted capital I -> i): a case-insensitive regex matched it as
# part of a unit or word, and lark's own error escaped instead of a BhtimeError.
# They must be refused as `invalid-character` (docs/language.md §2: ASCII only,
# no look-alikes); fuzz/bhtime.dict holds them so the fuzzer keeps trying them.
FINDINGS: list[tuple[str, str, datetime]] = [
    ("3\u017f", "Europe/Moscow", MOSCOW_NOW),  # long s
    ("12 hour\u017f", "Europe/Moscow", MOSCOW_NOW),
    ("now +1\u212a", "UTC", MOSCOW_NOW),  # Kelvin sign
    ("3\u0131", "UTC", MOSCOW_NOW),  # dotless i
    ("2011-12-03\u0130", "Europe/Paris", MOSCOW_NOW),  # dotted capital I
]

SEEDS = sorted((Path(__file__).resolve().parent.parent / "fuzz" / "seeds").glob("seed_*"))
SEED_ZONES = ["UTC", "Europe/Paris", "Australia/Lord_Howe", "Asia/Kathmandu"]
SEED_NOWS = [
    MOSCOW_NOW,
    datetime(2011, 10, 30, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Paris")),  # in an overlap
    datetime(9999, 12, 31, 12, 0, tzinfo=timezone.utc),  # the range's edge
]


def assert_properties(text: str, zone: str, now: datetime, policy: Policy = "compatible") -> None:
    failure: bhtime.BhtimeError | None = None
    try:
        result = bhtime.evaluate(bhtime.parse(text), zone=zone, now=now, disambiguate=policy)
    except bhtime.BhtimeError as error:
        failure = error
    if failure is not None:
        assert failure.code
        assert str(failure)  # the message renders
        return
    offset = result.utcoffset()
    assert offset is not None
    shown = bhtime.format_instant(result)
    if offset % timedelta(minutes=1) == timedelta(0):  # docs/language.md §7: whole-minute offsets
        assert bhtime.resolve(shown, zone=zone, now=now) == shown


@pytest.mark.parametrize(("text", "zone", "now"), FINDINGS)
def test_finding(text: str, zone: str, now: datetime) -> None:
    assert_properties(text, zone, now)
    with pytest.raises(bhtime.ParseError) as caught:
        bhtime.parse(text)
    assert caught.value.code == "invalid-character"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_seed(seed: Path) -> None:
    text = seed.read_bytes()[2:].decode("utf-8", "replace")  # bytes 0-1 pick zone and now
    for zone in SEED_ZONES:
        for now in SEED_NOWS:
            for policy in POLICIES:
                assert_properties(text, zone, now, policy)


@pytest.mark.parametrize("text", ["123456789", "9" * 1000, "+12345678", "+123456789"])
def test_long_number_without_unit(text: str) -> None:
    """docs/language.md §2 (the longest item wins) and §4 (a number with no unit is an error).

    A run of nine or more digits is one number, not an 8-digit date and a number.
    """
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.parse(text)
    assert caught.value.code == "missing-unit"
    assert caught.value.pos == len(text) - len(
        text.lstrip("+")
    )  # where the number starts, as for '+1'
