"""Schedule times in the forms other SMS gateways take, beside Bytehand's own.

Each function writes one instant (or, for SMPP's relative form, one
expression) exactly, or raises: a form that cannot express the instant is an
error, never a silently shifted time. The formats, their sources and the
choices made where the sources leave one open are in ``docs/gateways.md``; each
function's docstring repeats the rules it applies.

- ``bytehand``: ``bhtime.format_instant``, ``2017-04-25T00:41:27.123+0300``;
- ``smpp``: ``smpp_absolute``, ``170425004127112+``;
- ``smpp-relative``: ``smpp_relative``, ``000001020000000R``;
- ``smsc``: ``smsc_time``, ``time=25.04.17 00:41 tz=0``; its ``0ts`` form,
  ``01493070087``, is ``smsc_unix`` (a function only, no style).

Errors: ``RangeError`` with code ``unrepresentable`` when the instant (or the
relative amount) cannot be written in the form (an instant's fault has no
position in the text, docs/language.md §8); ``ParseError`` with code
``not-relative`` when an SMPP relative time is asked of an expression with an
item other than a modifier. Both are ``bhtime.BhtimeError``.

>>> import bhtime
>>> from datetime import datetime, timezone
>>> now = datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc)
>>> moment = bhtime.evaluate("now", zone="Europe/Moscow", now=now)
>>> smpp_absolute(moment)
'170425004127112+'
>>> smpp_relative("1d 2h")
'000001020000000R'
>>> smsc_time(moment)
SmscTime(time='25.04.17 00:41', tz='0')
>>> smsc_unix(moment)
'01493070087'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from ._ast import Expression, Modifier, Unit
from ._errors import error
from ._format import format_instant
from ._parse import parse
from ._tz import offset_text, tzdata_zone

__all__ = [
    "STYLES",
    "SmscTime",
    "render",
    "smpp_absolute",
    "smpp_relative",
    "smsc_time",
    "smsc_unix",
]

STYLES = ("bytehand", "smpp", "smpp-relative", "smsc")
"""The output styles ``render`` knows, the canonical one first."""

_QUARTER_HOUR = timedelta(minutes=15)
_HOUR = timedelta(hours=1)
_SECOND = timedelta(seconds=1)
# SMPP 3.4 §7.1.1: nn is 00-48.
_MAX_QUARTERS = 48
# Both gateways write a two-digit year; we read it as 20YY (docs/gateways.md).
_FIRST_YEAR, _LAST_YEAR = 2000, 2099
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MOSCOW = "Europe/Moscow"


class SmscTime(NamedTuple):
    """smsc.ru's ``time`` and ``tz`` parameters, as they are sent."""

    time: str
    """``DD.MM.YY hh:mm``."""
    tz: str
    """Hours from Moscow time: ``0``, ``+2``, ``-7`` (URL-encode ``+`` as ``%2B``)."""


def smpp_absolute(moment: datetime) -> str:
    """SMPP 3.4 §7.1.1 absolute time ``YYMMDDhhmmsstnnp``, in ``moment``'s own offset.

    ``t`` is the tenth of a second, truncated; ``nn`` the offset's size in
    quarter hours (00-48); ``p`` is ``+`` ahead of UTC, ``-`` behind, and
    ``+`` for UTC itself (the spec names no sign for a zero offset; ``+`` is
    what SMPP libraries write). An offset that is not a whole number of
    quarter hours or beyond 48 of them, or a year outside 2000-2099, is a
    ``RangeError`` (code ``unrepresentable``).

    >>> from datetime import datetime, timedelta, timezone
    >>> msk = timezone(timedelta(hours=3))
    >>> smpp_absolute(datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=msk))
    '170425004127112+'
    """
    offset = _offset_of(moment)
    if offset % _QUARTER_HOUR:
        raise error(
            "unrepresentable",
            "unrepresentable.quarter-hours",
            hint="hint.in-utc",
            offset=offset_text(offset),
        )
    quarters = abs(offset) // _QUARTER_HOUR
    if quarters > _MAX_QUARTERS:
        raise error(
            "unrepresentable",
            "unrepresentable.quarters",
            hint="hint.in-utc",
            offset=offset_text(offset),
            quarters=quarters,
            limit=_MAX_QUARTERS,
        )
    _check_year(moment, "SMPP absolute time")
    sign = "-" if offset < timedelta(0) else "+"
    return (
        f"{moment.year % 100:02d}{moment.month:02d}{moment.day:02d}"
        f"{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"
        f"{moment.microsecond // 100_000}{quarters:02d}{sign}"
    )


def smpp_relative(expression: Expression | str) -> str:
    """SMPP 3.4 §7.1.1 relative time ``YYMMDDhhmmss000R`` from an expression of modifiers.

    Only modifiers are allowed (not even ``now``): any other item is a
    ``ParseError`` (code ``not-relative``) at that item. The modifiers are
    summed in three groups, each exactly: months (a year is 12 months, written
    as ``YY`` and ``MM`` with ``MM`` 00-11), days (a week is 7 days, ``DD``),
    and seconds (an hour is 3600 seconds, a minute 60, written as ``hh``,
    ``mm`` 00-59 and ``ss`` 00-59). Days are never turned into hours, nor
    months into days: those are not fixed lengths. A group whose sum is
    negative (``-1d``, ``1d -1h``), or a ``YY``, ``DD`` or ``hh`` above 99, is
    a ``RangeError`` (code ``unrepresentable``) pointing at the group's first
    negative modifier, or its first modifier when the sum is too large.

    >>> smpp_relative("2h -30min")
    '000000013000000R'
    """
    expr = expression if isinstance(expression, Expression) else parse(expression)
    for item in expr.items:
        if not isinstance(item, Modifier):
            raise error(
                "not-relative",
                text=expr.text,
                pos=item.pos,
                end=item.end,
                hint="hint.modifiers-only",
                item=expr.text[item.pos : item.end],
            )
    months = _group(expr, (Unit.YEARS, Unit.MONTHS), "months")
    days = _group(expr, (Unit.WEEKS, Unit.DAYS), "days")
    seconds = _group(expr, (Unit.HOURS, Unit.MINUTES, Unit.SECONDS), "hours")
    years, months = divmod(months, 12)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{years:02d}{months:02d}{days:02d}{hours:02d}{minutes:02d}{seconds:02d}000R"


_SCALE = {
    Unit.YEARS: 12,
    Unit.MONTHS: 1,
    Unit.WEEKS: 7,
    Unit.DAYS: 1,
    Unit.HOURS: 3600,
    Unit.MINUTES: 60,
    Unit.SECONDS: 1,
}
# The largest sum each group may have, for its leading field to fit two digits.
_GROUP_MAX = {"months": 99 * 12 + 11, "days": 99, "hours": 99 * 3600 + 59 * 60 + 59}
_GROUP_FIELD = {"months": "years (YY)", "days": "days (DD)", "hours": "hours (hh)"}


def _group(expr: Expression, units: Iterable[Unit], name: str) -> int:
    """The exact sum of the modifiers in ``units``, in the group's smallest unit."""
    members = [m for m in expr.modifiers if m.unit in units]
    total = sum(m.amount * _SCALE[m.unit] for m in members)
    if total < 0:
        first = next(m for m in members if m.amount < 0)
        raise error(
            "unrepresentable",
            "unrepresentable.negative",
            text=expr.text,
            pos=first.pos,
            end=first.end,
            group=name,
        )
    if total > _GROUP_MAX[name]:
        raise error(
            "unrepresentable",
            "unrepresentable.too-large",
            text=expr.text,
            pos=members[0].pos,
            end=members[0].end,
            group=name,
            slot=_GROUP_FIELD[name],
        )
    return total


def smsc_time(moment: datetime) -> SmscTime:
    """smsc.ru's absolute ``time`` (``DD.MM.YY hh:mm``) and its ``tz``, for ``moment``.

    Written in ``moment``'s own offset with ``tz`` = that offset minus
    Moscow's at the same instant, when that is a whole number of hours;
    otherwise in Moscow time with ``tz`` = ``0``. Moscow's offsets are
    bhtime's tzdata. Seconds are truncated (the form has minutes only). A
    year outside 2000-2099, or a Moscow wall-clock time that occurs twice (a
    backward clock change, such as 2014-10-26 01:00-02:00, which the server
    cannot tell apart), is a ``RangeError`` (code ``unrepresentable``);
    ``smsc_unix`` writes any instant since 1970.

    >>> from datetime import datetime, timedelta, timezone
    >>> yekt = timezone(timedelta(hours=5))
    >>> smsc_time(datetime(2017, 4, 25, 2, 41, 27, tzinfo=yekt))
    SmscTime(time='25.04.17 02:41', tz='+2')
    """
    offset = _offset_of(moment)
    moscow_zone = tzdata_zone(_MOSCOW)
    moscow = moment.astimezone(moscow_zone)
    difference = offset - _offset_of(moscow)
    if difference % _HOUR:
        written, tz = moscow, "0"
    else:
        written, tz = moment, f"{difference // _HOUR:+d}" if difference else "0"
    _check_year(written, "smsc.ru's time parameter")
    # The server reads time - tz as a Moscow wall-clock time. That of a real
    # instant (clock changes fall on whole minutes, so truncated too) is never
    # in a gap; two different offsets for it therefore mean an overlap.
    wall = moscow.replace(tzinfo=None, second=0, microsecond=0)
    earlier, later = (wall.replace(tzinfo=moscow_zone, fold=fold).utcoffset() for fold in (0, 1))
    if earlier != later:
        raise error(
            "unrepresentable",
            "unrepresentable.moscow-twice",
            hint="hint.smsc-unix",
            local=f"{wall:%Y-%m-%d %H:%M}",
        )
    text = (
        f"{written.day:02d}.{written.month:02d}.{written.year % 100:02d} "
        f"{written.hour:02d}:{written.minute:02d}"
    )
    return SmscTime(text, tz)


def smsc_unix(moment: datetime) -> str:
    """smsc.ru's ``0ts`` form of ``time``: ``0`` then the Unix seconds, truncated.

    It needs no ``tz``. An instant before 1970 is a ``RangeError`` (code
    ``unrepresentable``).

    >>> from datetime import datetime, timezone
    >>> smsc_unix(datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc))
    '01493070087'
    """
    _offset_of(moment)
    seconds = (moment - _EPOCH) // _SECOND
    if seconds < 0:
        raise error("unrepresentable", "unrepresentable.before-1970")
    return f"0{seconds}"


def render(style: str, *, moment: datetime | None, expression: Expression | str) -> str:
    """One line for ``style`` (one of ``STYLES``), as the CLI prints it.

    ``moment`` is the expression's result in the user zone (``bhtime.evaluate``);
    ``smpp-relative`` reads ``expression`` alone and ignores ``moment``. The
    ``smsc`` line is ``time=DD.MM.YY hh:mm tz=N``: both parameters, unencoded.

    >>> from datetime import datetime, timedelta, timezone
    >>> moment = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))
    >>> render("smsc", moment=moment, expression="now")
    'time=25.04.17 00:41 tz=0'
    """
    if style == "smpp-relative":
        return smpp_relative(expression)
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; expected one of {', '.join(STYLES)}")
    if moment is None:
        raise TypeError(f"style {style!r} needs the evaluated moment")
    if style == "bytehand":
        return format_instant(moment)
    if style == "smpp":
        return smpp_absolute(moment)
    written = smsc_time(moment)
    return f"time={written.time} tz={written.tz}"


def _offset_of(moment: datetime) -> timedelta:
    offset = moment.utcoffset() if isinstance(moment, datetime) else None
    if offset is None:
        raise TypeError("an aware datetime is needed; a naive one has no instant")
    return offset


def _check_year(written: datetime, form: str) -> None:
    if not _FIRST_YEAR <= written.year <= _LAST_YEAR:
        raise error("unrepresentable", "unrepresentable.year", year=written.year, form=form)
