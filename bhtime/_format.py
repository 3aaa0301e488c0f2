"""An aware datetime -> ``yyyy-MM-dd'T'HH:mm:ss.SSSZ`` (docs/language.md §7)."""

from __future__ import annotations

from datetime import datetime

__all__ = ["format_instant"]


def format_instant(dt: datetime, /) -> str:
    """The canonical Bytehand form: milliseconds truncated, offset as ``+HHMM``.

    >>> from datetime import datetime, timedelta, timezone
    >>> format_instant(datetime(2017, 4, 25, 0, 41, 27, 999999, timezone(timedelta(hours=3))))
    '2017-04-25T00:41:27.999+0300'
    """
    if not isinstance(dt, datetime):
        raise TypeError("format_instant needs an aware datetime")
    # isoformat is the fastest way to the digits (without timespec, whose
    # keyword costs a third of the call): YYYY-MM-DDTHH:MM:SS, then .ffffff
    # unless the microsecond is 0, then the offset. Milliseconds are the
    # first three digits: truncated, as docs/language.md §7 wants. A naive datetime (or
    # a tzinfo that gives no offset) shows no offset at all.
    text = dt.isoformat()
    size = len(text)
    # f-strings: one string built from the slices, not one for each +.
    if size == 25:  # no microsecond, an offset of whole minutes: the commonest
        return f"{text[:19]}.000{text[19:22]}{text[23:]}"
    if size == 32:  # a microsecond, an offset of whole minutes: now and what it moved
        return f"{text[:23]}{text[26:29]}{text[30:]}"
    # What is left: no offset, or one with seconds (or a fraction of one).
    if dt.microsecond:
        head, offset = text[:23], text[26:]
    else:
        head, offset = text[:19] + ".000", text[19:]
    if not offset:
        raise TypeError("format_instant needs an aware datetime")
    return head + _jdk_offset(dt)


def _jdk_offset(dt: datetime) -> str:
    """An offset with seconds, as the JDK prints it with the pattern ``Z``."""
    offset = dt.utcoffset()
    assert offset is not None
    total = int(offset.total_seconds())
    hours, minutes = abs(total) // 3600, abs(total) // 60 % 60
    # Seconds are not shown, and an offset that shows as zero is +0000.
    sign = "-" if total < 0 and (hours or minutes) else "+"
    return f"{sign}{hours:02d}{minutes:02d}"
