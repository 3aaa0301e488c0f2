"""The floor: the least pure-Python code that does what ``bhtime.resolve`` does for one form.

Each entry reads one input form (docs/language.md §3-§4, and the relative
``now -12 hours +1min``) with one compiled regex, builds the datetime, moves it
to the user zone with zoneinfo and formats it as ``yyyy-MM-dd'T'HH:mm:ss.SSSZ``.
It handles what its benchmark inputs need and nothing more: no error messages,
no positions, no other forms. That is what makes it a floor: bhtime does this
work and more, so a ratio to the floor measures bhtime's overhead, and it
cancels the machine's drift when both are timed in the same run.

A floor is only honest if it gives bhtime's answer: ``disagreements`` checks
that, and both the benchmark and ``tests/test_benchmark_floor.py`` call it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta, timezone
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

ZONE = "Europe/Moscow"
USER = ZoneInfo(ZONE)
# docs/language.md §10: now = 2017-04-25T00:41:27.123+0300.
NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))
NOW_TEXT = "2017-04-25T00:41:27.123+0300"

_DATE = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
_TIME = r"([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{0,9}))?)?"
_ISO_OFFSET = r"(Z|z|[+-][0-9]{2}(?::[0-9]{2}(?::[0-9]{2})?)?)"


def show(moment: datetime) -> str:
    """``yyyy-MM-dd'T'HH:mm:ss.SSSZ``: isoformat, with the offset's colon dropped."""
    text = moment.isoformat(timespec="milliseconds")
    return text[:-3] + text[-2:]


def _offset(text: str) -> timezone:
    """``Z``, ``+HH``, ``+HH:MM``, ``+HH:MM:ss``, ``+HHMM`` or ``GMT`` as a fixed zone."""
    if text in ("Z", "z", "GMT"):
        return timezone.utc
    digits = text[1:].replace(":", "")
    seconds = int(digits[0:2]) * 3600 + int(digits[2:4] or 0) * 60 + int(digits[4:6] or 0)
    return timezone(timedelta(seconds=-seconds if text[0] == "-" else seconds))


def _micro(fraction: str | None) -> int:
    return int((fraction + "000000")[:6]) if fraction else 0


def _local(groups: tuple[Any, ...], zone: timezone | ZoneInfo) -> datetime:
    """A datetime from the date and time groups of ``_DATE`` and ``_TIME``."""
    year, month, day, hour, minute, second, fraction = groups[:7]
    return datetime(
        int(year),
        int(month),
        int(day),
        int(hour),
        int(minute),
        int(second or 0),
        _micro(fraction),
        zone,
    )


def _matched(pattern: re.Pattern[str], text: str) -> tuple[Any, ...]:
    """The groups of ``pattern`` matched on all of ``text`` (None where an optional one is not)."""
    match = pattern.fullmatch(text)
    if match is None:
        raise ValueError(f"the floor does not read {text!r}")
    return match.groups()


_RECOMMENDED = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})"
    r"([+-])([0-9]{2})([0-9]{2})"
)


def recommended(text: str) -> str:
    """``2017-04-25T00:41:27.000+0300``."""
    year, month, day, hour, minute, second, milli, sign, off_h, off_m = _matched(_RECOMMENDED, text)
    offset = timedelta(hours=int(off_h), minutes=int(off_m))
    zone = timezone(-offset if sign == "-" else offset)
    moment = datetime(
        int(year),
        int(month),
        int(day),
        int(hour),
        int(minute),
        int(second),
        int(milli) * 1000,
        zone,
    )
    return show(moment.astimezone(USER))


_OFFSET_DATE_TIME = re.compile(_DATE + "T" + _TIME + _ISO_OFFSET)


def iso_offset_date_time(text: str) -> str:
    """``2011-12-03T10:15:30+01:00``."""
    groups = _matched(_OFFSET_DATE_TIME, text)
    return show(_local(groups, _offset(groups[7])).astimezone(USER))


_ZONED_DATE_TIME = re.compile(_DATE + "T" + _TIME + _ISO_OFFSET + r"\[([^\]]+)\]")


def iso_zoned_date_time(text: str) -> str:
    """``2011-12-03T10:15:30+01:00[Europe/Paris]``: the offset must be one the zone uses."""
    groups = _matched(_ZONED_DATE_TIME, text)
    offset = _offset(groups[7])
    moment = _local(groups, offset)
    if moment.astimezone(ZoneInfo(groups[8])).utcoffset() != offset.utcoffset(None):
        raise ValueError(f"{groups[8]} does not use offset {groups[7]} then")
    return show(moment.astimezone(USER))


_INSTANT = re.compile(
    _DATE + r"T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{0,9}))?"
    r"(Z|z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)"
)


def iso_instant(text: str) -> str:
    """``2011-12-03T10:15:30Z``."""
    groups = _matched(_INSTANT, text)
    return show(_local(groups, _offset(groups[7])).astimezone(USER))


_LOCAL_DATE_TIME = re.compile(_DATE + "[Tt]" + _TIME)


def iso_local_date_time(text: str) -> str:
    """``2011-12-03T10:15:30``: a wall time in the user zone."""
    return show(_local(_matched(_LOCAL_DATE_TIME, text), USER))


_ISO_DATE = re.compile(_DATE + _ISO_OFFSET + "?")


def iso_date(text: str) -> str:
    """``2011-12-03``: midnight in the user zone (or at the written offset)."""
    year, month, day, offset = _matched(_ISO_DATE, text)
    moment = datetime(int(year), int(month), int(day), tzinfo=_offset(offset) if offset else USER)
    return show(moment.astimezone(USER))


_BASIC_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})(Z|[+-][0-9]{2}(?:[0-9]{2}){0,2})?")


def basic_iso_date(text: str) -> str:
    """``20111203``: midnight in the user zone (or at the written offset)."""
    year, month, day, offset = _matched(_BASIC_DATE, text)
    moment = datetime(int(year), int(month), int(day), tzinfo=_offset(offset) if offset else USER)
    return show(moment.astimezone(USER))


_ISO_TIME = re.compile(_TIME + _ISO_OFFSET + "?")


def iso_time(text: str) -> str:
    """``10:15:30+01:00``: today's date in the user zone, at that time and offset."""
    hour, minute, second, fraction, offset = _matched(_ISO_TIME, text)
    wall = time(int(hour), int(minute), int(second or 0), _micro(fraction))
    today = NOW.astimezone(USER).date()
    moment = datetime.combine(today, wall, _offset(offset) if offset else USER)
    return show(moment.astimezone(USER))


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_RFC_1123 = re.compile(
    rf"(?:({'|'.join(_DAYS)}), )?([0-9]{{1,2}}) ({'|'.join(_MONTH_NAMES)}) ([0-9]{{4}}) "
    r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))? (GMT|[+-][0-9]{4})"
)


def rfc_1123(text: str) -> str:
    """``Tue, 3 Jun 2008 11:05:30 GMT``: the day of week, when given, must match."""
    weekday, day, month, year, hour, minute, second, offset = _matched(_RFC_1123, text)
    moment = datetime(
        int(year),
        _MONTHS[month],
        int(day),
        int(hour),
        int(minute),
        int(second or 0),
        0,
        _offset(offset),
    )
    if weekday and _DAYS[moment.weekday()] != weekday:
        raise ValueError(f"{text!r}: {weekday} is not that date's day")
    return show(moment.astimezone(USER))


_SECONDS = {
    **dict.fromkeys(("hours", "hour", "h"), 3600),
    **dict.fromkeys(("minutes", "minute", "min", "m"), 60),
    **dict.fromkeys(("seconds", "second", "sec", "s"), 1),
}
_RELATIVE_TOKEN = re.compile(
    r" *(?:(now)|([+-]?) *([0-9]+) *(hours|hour|h|minutes|minute|min|m|seconds|second|sec|s))"
    r"(?= |[+-]|$)"
)


def relative(text: str) -> str:
    """``now -12 hours +1min``: exact durations (docs/language.md §6) added to ``now``."""
    total, pos = 0, 0
    while pos < len(text):
        match = _RELATIVE_TOKEN.match(text, pos)
        if match is None:
            raise ValueError(f"the floor does not read {text[pos:]!r}")
        _, sign, number, unit = match.groups()
        if number and unit:
            amount = int(number) * _SECONDS[unit]
            total += -amount if sign == "-" else amount
        pos = match.end()
    return show((NOW + timedelta(seconds=total)).astimezone(USER))


# --- the forms, each with distinct benchmark inputs ------------------------------


def _clock(n: int) -> str:
    """The ``n``-th second of a day, as ``HH:mm:ss``: distinct for n below 86,400."""
    return f"{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}"


def _day(n: int) -> tuple[str, str, str]:
    """The ``n``-th date from 2000: distinct for n below 33,600 (days 1-28 only)."""
    return f"{2000 + n // 336 % 100}", f"{n // 28 % 12 + 1:02d}", f"{n % 28 + 1:02d}"


class Form(NamedTuple):
    """One input form: its name, how to write its ``n``-th distinct text, and its floor."""

    name: str
    text: Callable[[int], str]
    floor: Callable[[str], str]

    def texts(self, count: int, start: int = 0) -> list[str]:
        return [self.text(n) for n in range(start, start + count)]


FORMS = (
    Form("recommended", lambda n: f"2017-04-25T{_clock(n)}.{n % 1000:03d}+0300", recommended),
    Form("ISO_OFFSET_DATE_TIME", lambda n: f"2011-12-03T{_clock(n)}+01:00", iso_offset_date_time),
    Form(
        "ISO_ZONED_DATE_TIME",
        lambda n: f"2011-12-03T{_clock(n)}+01:00[Europe/Paris]",
        iso_zoned_date_time,
    ),
    Form("ISO_INSTANT", lambda n: f"2011-12-03T{_clock(n)}Z", iso_instant),
    Form("ISO_LOCAL_DATE_TIME", lambda n: f"2011-12-03T{_clock(n)}", iso_local_date_time),
    Form("ISO_DATE", lambda n: "-".join(_day(n)), iso_date),
    Form("BASIC_ISO_DATE", lambda n: "".join(_day(n)), basic_iso_date),
    Form("ISO_TIME", lambda n: f"{_clock(n)}+01:00", iso_time),
    Form("RFC_1123", lambda n: f"Tue, 3 Jun 2008 {_clock(n)} GMT", rfc_1123),
    Form("now -12 hours +1min", lambda n: f"now -{1 + n // 60} hours +{n % 60}min", relative),
)


def disagreements(
    form: Form, texts: list[str], resolve: Callable[[str], str]
) -> list[tuple[str, str, str]]:
    """``(text, floor's answer, bhtime's answer)`` wherever the two differ."""
    out = []
    for text in texts:
        ours, theirs = form.floor(text), resolve(text)
        if ours != theirs:
            out.append((text, ours, theirs))
    return out
