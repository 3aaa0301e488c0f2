"""Month lengths, proleptic Gregorian, against the standard library's calendar."""

from __future__ import annotations

import calendar

import pytest

import bhtime
from bhtime._calendar import days_in_month


def test_every_month_of_years_1_to_9999_has_the_stdlib_length() -> None:
    differ = [
        (year, month)
        for year in range(1, 10000)
        for month in range(1, 13)
        if days_in_month(year, month) != calendar.monthrange(year, month)[1]
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("text", "result"),
    [
        # A century is a leap year only when it divides by 400; a month step clamps
        # the day to the month's last (docs/language.md §6).
        ("2000-01-31 +1 month", "2000-02-29T00:00:00.000+0000"),
        ("1900-01-31 +1 month", "1900-02-28T00:00:00.000+0000"),
        ("2100-01-31 +1 month", "2100-02-28T00:00:00.000+0000"),
        ("2400-02-29", "2400-02-29T00:00:00.000+0000"),
        ("2004-02-29 +1 year", "2005-02-28T00:00:00.000+0000"),
    ],
)
def test_leap_years_in_expressions(text: str, result: str) -> None:
    assert bhtime.resolve(text, zone="UTC") == result


@pytest.mark.parametrize("text", ["1900-02-29", "2100-02-29", "2001-02-29"])
def test_february_29_of_a_common_year_is_rejected(text: str) -> None:
    with pytest.raises(bhtime.BhtimeError):
        bhtime.resolve(text, zone="UTC")
