"""An aware datetime -> ``yyyy-MM-dd'T'HH:mm:ss.SSSZ`` (SPEC §7)."""

from __future__ import annotations

from datetime import datetime

__all__ = ["format_instant"]


def format_instant(dt: datetime, /) -> str:
    """The canonical Bytehand form: milliseconds truncated, offset as ``+HHMM``.

    >>> from datetime import datetime, timedelta, timezone
    >>> format_instant(datetime(2017, 4, 25, 0, 41, 27, 999999, timezone(timedelta(hours=3))))
    '2017-04-25T00:41:27.999+0300'
    """
    offset = dt.utcoffset() if isinstance(dt, datetime) else None
    if offset is None:
        raise TypeError("format_instant needs an aware datetime")
    total = int(offset.total_seconds())
    hours, minutes = abs(total) // 3600, abs(total) // 60 % 60
    # As the JDK: seconds of an offset are not shown, and an offset that shows
    # as zero is written +0000 whatever its sign.
    sign = "-" if total < 0 and (hours or minutes) else "+"
    return (
        f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:"
        f"{dt.second:02d}.{dt.microsecond // 1000:03d}{sign}{hours:02d}{minutes:02d}"
    )
