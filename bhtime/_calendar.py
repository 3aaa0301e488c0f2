"""The length of a month: the one calendar fact both parsing and evaluation need."""

from __future__ import annotations

__all__ = ["days_in_month"]

_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """Days in ``month`` (1-12) of ``year``, proleptic Gregorian as java.time and datetime."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]
