"""An aware datetime -> ``yyyy-MM-dd'T'HH:mm:ss.SSSZ`` (docs/language.md §7)."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

__all__ = ["format_instant"]

# The digits of 0-99, each as two characters: the fields are looked up, not
# formatted. isoformat (and %02d) go through C's printf, which took a tenth
# of a whole cold resolve; this takes half the time of isoformat alone.
_TWO = [f"{number:02d}" for number in range(100)]
_ONE = "0123456789"


def format_instant(dt: datetime, /) -> str:
    """The canonical Bytehand form: milliseconds truncated, offset as ``+HHMM``.

    >>> from datetime import datetime, timedelta, timezone
    >>> format_instant(datetime(2017, 4, 25, 0, 41, 27, 999999, timezone(timedelta(hours=3))))
    '2017-04-25T00:41:27.999+0300'
    """
    if not isinstance(dt, datetime):
        raise TypeError("format_instant needs an aware datetime")
    offset = dt.utcoffset()
    if offset is None:  # naive, or a tzinfo that gives no offset
        raise TypeError("format_instant needs an aware datetime")
    two, year, micro = _TWO, dt.year, dt.microsecond
    # Milliseconds are the first three digits: truncated, as docs/language.md §7 wants.
    millis = f".{two[micro // 10000]}{_ONE[micro // 1000 % 10]}" if micro else ".000"
    return (
        f"{two[year // 100]}{two[year % 100]}-{two[dt.month]}-{two[dt.day]}"
        f"T{two[dt.hour]}:{two[dt.minute]}:{two[dt.second]}{millis}{_offset_text(offset)}"
    )


def _jdk_offset(offset: timedelta) -> str:
    """An offset as the JDK prints it with the pattern ``Z``: ``+HHMM``, seconds not shown."""
    total = int(offset.total_seconds())  # a fraction of a second is not shown
    hours, minutes = abs(total) // 3600, abs(total) // 60 % 60
    # An offset that shows as zero is +0000.
    sign = "-" if total < 0 and (hours or minutes) else "+"
    return f"{sign}{hours:02d}{minutes:02d}"


# Kept: a program meets few offsets, and a look-up costs a third of printing one.
# (Wrapped, not decorated, so that tools/mutation.py can mutate _jdk_offset.)
_offset_text = lru_cache(maxsize=256)(_jdk_offset)
