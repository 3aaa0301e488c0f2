"""Hypothesis strategies for bhtime: valid and invalid expressions, zones, instants.

This is the ``hypothesis`` extra (``pip install bhtime[hypothesis]``); it
imports hypothesis, and ``import bhtime`` does not import it::

    from hypothesis import given, strategies as st
    import bhtime
    from bhtime import strategies as bst

    @given(bst.expressions(), bst.zones().flatmap(lambda z: st.tuples(st.just(z), bst.instants(z))))
    def test_schedules(text, zone_and_now):
        zone, now = zone_and_now
        bhtime.evaluate(text, zone=zone, now=now)

Every strategy draws text that bhtime itself defines as valid or invalid
(docs/language.md); none of them reads the clock. ``expressions(kind=...)``
also draws what people type into a form (``"realistic"``, ``"day-and-time"``,
``"relative"``, ``"timestamps"``), and ``st.from_type(bhtime.Expression)``
draws parsed expressions once bhtime is installed (hypothesis' entry point).

``expressions()`` is ``hypothesis.extra.lark.from_lark`` over bhtime's own
grammar file: the grammar's terminals (one per item shape) are kept, and a
start rule written here arranges them as docs/language.md §5 allows (at most one item
that sets the date and one that sets the time). Each terminal is drawn from
an explicit strategy of valid item text only, because the grammar's shapes
are deliberately wider than the formats and ``BAD_AMOUNT`` and ``WORD`` exist
only to be rejected.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Literal

try:
    from hypothesis import assume
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ModuleNotFoundError as missing:  # the extra is not installed: say how to install it
    raise ImportError(
        "bhtime.strategies needs hypothesis: pip install 'bhtime[hypothesis]'"
    ) from missing

from ._items import UNIT_SPELLINGS
from ._tz import UTC, tzdata_zone, user_zone, zone_keys

if TYPE_CHECKING:
    from lark import Lark

__all__ = [
    "EXPRESSION_KINDS",
    "TIMESTAMP_FORMATS",
    "ExpressionKind",
    "expressions",
    "instants",
    "invalid_cases",
    "invalid_expressions",
    "timestamps",
    "zones",
]

TIMESTAMP_FORMATS = (
    "recommended",
    "ISO_ZONED_DATE_TIME",
    "ISO_OFFSET_DATE_TIME",
    "ISO_INSTANT",
    "ISO_LOCAL_DATE_TIME",
    "RFC_1123_DATE_TIME",
)
"""The timestamp formats of docs/language.md §3, by the names ``timestamps(format=...)`` takes."""

# Zones whose rules make edge cases: DST, odd offsets (+05:45, +12:45, a
# 30-minute DST), skipped days (Pacific/Apia lost 2011-12-30, Kwajalein a day
# in 1993), DST at midnight (Sao_Paulo, Havana), negative or 2-hour DST
# (Dublin, Troll) and DST that starts and stops twice a year (Casablanca).
_FAVOURITE_ZONES = (
    "Europe/Moscow",
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Apia",
    "America/Sao_Paulo",
    "Pacific/Chatham",
    "America/St_Johns",
    "Asia/Tehran",
    "Africa/Casablanca",
    "Europe/Dublin",
    "Antarctica/Troll",
    "America/Havana",
    "Pacific/Kwajalein",
    "Pacific/Kiritimati",
    "America/Santiago",
    "Australia/Adelaide",
    "Asia/Gaza",
    "America/Nuuk",
)

_FIXED_USER_ZONES = ("UTC", "Z", "+05:30", "+0530", "+05", "-03:30", "+05:45", "+14:00", "-12:00")

# Generated dates stay this far from 0001 and 9999, and a modifier moves by at
# most ten years, so that no drawn expression leaves docs/language.md §8's range.
_MIN_DATE = date(1000, 1, 1)
_MAX_DATE = date(8999, 12, 31)
_UNIT_CAPS = {
    "years": 10,
    "months": 120,
    "weeks": 520,
    "days": 3650,
    "hours": 87_600,
    "minutes": 5_256_000,
    "seconds": 315_360_000,
}
_MAX_OFFSET = timedelta(hours=18)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_WORDS = ("today", "yesterday", "tomorrow")
_TIME_WORDS = ("midnight", "noon")
_SHARED_OFFSET_KEY = "bhtime.strategies.offset"


# -- small pieces ---------------------------------------------------------------


_CASES = st.sampled_from(("lower", "upper", "title", "mixed"))
_FLIP = st.booleans()


def _cased(draw: st.DrawFn, word: str) -> str:
    """``word`` in any mix of ASCII case (docs/language.md §2); shrinks to lower case."""
    case = draw(_CASES)
    if case == "lower":
        return word
    if case == "upper":
        return word.upper()
    if case == "title":
        return word.title()
    return "".join(char.upper() if draw(_FLIP) else char for char in word)


@st.composite
def _any_case(draw: st.DrawFn, word: str) -> str:
    return _cased(draw, word)


def _whitespace(max_size: int = 3) -> st.SearchStrategy[str]:
    """One or more of space, tab, line feed, carriage return; shrinks to one space."""
    return st.just(" ") | st.text(st.sampled_from(" \t\n\r"), min_size=1, max_size=max_size)


def _whole_minute_offsets() -> st.SearchStrategy[timedelta]:
    return st.one_of(
        st.just(timedelta(0)),
        st.integers(-18, 18).map(lambda hours: timedelta(hours=hours)),
        st.integers(-72, 72).map(lambda quarters: timedelta(minutes=15 * quarters)),
        st.integers(-1080, 1080).map(lambda minutes: timedelta(minutes=minutes)),
    )


def _offsets() -> st.SearchStrategy[timedelta]:
    """Offsets within ±18:00, weighted to whole hours and quarters; shrinks to zero."""
    seconds = st.integers(-64800, 64800).map(lambda total: timedelta(seconds=total))
    return st.one_of(_whole_minute_offsets(), seconds)


def _offset_parts(offset: timedelta) -> tuple[str, int, int, int]:
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    return sign, hours, minutes, seconds


def _render_offset(offset: timedelta, shape: str) -> str:
    sign, hours, minutes, seconds = _offset_parts(offset)
    return {
        "+HH": f"{sign}{hours:02d}",
        "+HH:MM": f"{sign}{hours:02d}:{minutes:02d}",
        "+HH:MM:ss": f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}",
        "+HHMM": f"{sign}{hours:02d}{minutes:02d}",
        "+HHMMss": f"{sign}{hours:02d}{minutes:02d}{seconds:02d}",
    }[shape]


def _fits(offset: timedelta, shape: str) -> bool:
    _, _, minutes, seconds = _offset_parts(offset)
    if shape == "Z":
        return not offset
    if shape == "+HH":
        return not minutes and not seconds
    if shape in ("+HH:MM", "+HHMM"):
        return not seconds
    return True


def _offset_text(draw: st.DrawFn, offset: timedelta, shapes: Sequence[str]) -> str:
    """``offset`` written in one of ``shapes`` that can hold it (Z in either case)."""
    shape = draw(st.sampled_from(tuple(shape for shape in shapes if _fits(offset, shape))))
    if shape == "Z":
        return draw(st.sampled_from("Zz"))
    return _render_offset(offset, shape)


def _dates() -> st.SearchStrategy[date]:
    return st.dates(_MIN_DATE, _MAX_DATE)


@st.composite
def _local_time(draw: st.DrawFn, *, seconds_required: bool = False) -> tuple[str, time]:
    """ISO_LOCAL_TIME text (HH:mm, :ss, a dot, 0-9 fraction digits) and its value."""
    value = draw(st.times())
    shapes = ["HH:mm:ss", "HH:mm:ss.fff", "HH:mm:ss.", "HH:mm:ss.f*"]
    if not seconds_required:
        shapes.insert(1, "HH:mm")
    shape = draw(st.sampled_from(shapes))
    if shape == "HH:mm":
        value = value.replace(second=0, microsecond=0)
        return value.strftime("%H:%M"), value
    text = value.strftime("%H:%M:%S")
    if shape == "HH:mm:ss":
        return text, value.replace(microsecond=0)
    if shape == "HH:mm:ss.":
        digits = 0
    elif shape == "HH:mm:ss.fff":
        digits = 3
    else:
        digits = draw(st.integers(1, 9))
    fraction = f"{value.microsecond:06d}"[:digits]
    if digits > 6:
        fraction += draw(st.text(st.sampled_from("0123456789"), min_size=digits - 6, max_size=9))
        fraction = fraction[:digits]
    micro = int(fraction[:6].ljust(6, "0"))
    return f"{text}.{fraction}", value.replace(microsecond=micro)


# -- timestamps (docs/language.md §3) -----------------------------------------------------------


def timestamps(format: str | None = None) -> st.SearchStrategy[str]:
    """Valid timestamps in the named format of docs/language.md §3, or in any of them.

    ``format`` is one of ``TIMESTAMP_FORMATS``: ``"recommended"``
    (``2017-04-25T00:41:27.000+0300``), ``"ISO_ZONED_DATE_TIME"``,
    ``"ISO_OFFSET_DATE_TIME"``, ``"ISO_INSTANT"`` (leap seconds included),
    ``"ISO_LOCAL_DATE_TIME"`` or ``"RFC_1123_DATE_TIME"``. Draws dates in
    the years 1000-8999, every time shape the format takes (fraction digits
    from none to nine), offsets within ±18:00 in every shape the format takes,
    either case where the format ignores case, and for the zoned format an
    offset that its ``[zone]`` really uses then (an IANA name or a
    ``ZoneId.of`` form such as ``UTC+01:00``).

    Shrinks towards 2000-01-01 at midnight with a zero offset in the format's
    simplest shape (``2000-01-01T00:00:00.000+0000`` for the recommended one),
    and with no format named towards the recommended format; the zoned
    format shrinks less far, as its offset depends on the zone and date.
    """
    if format is None:
        return st.one_of([_TIMESTAMP_BUILDERS[name]() for name in TIMESTAMP_FORMATS])
    if format not in _TIMESTAMP_BUILDERS:
        raise InvalidArgument(f"format must be one of {TIMESTAMP_FORMATS}, not {format!r}")
    return _TIMESTAMP_BUILDERS[format]()


@st.composite
def _recommended(draw: st.DrawFn) -> str:
    value = draw(st.datetimes(datetime.combine(_MIN_DATE, time()), datetime(8999, 12, 31)))
    offset = draw(_whole_minute_offsets())
    return f"{value.strftime('%Y-%m-%dT%H:%M:%S')}.{value.microsecond // 1000:03d}" + (
        _render_offset(offset, "+HHMM")
    )


@st.composite
def _iso_local(draw: st.DrawFn) -> str:
    day = draw(_dates())
    clock, _ = draw(_local_time())
    return f"{day.isoformat()}{draw(st.sampled_from('Tt'))}{clock}"


@st.composite
def _iso_offset(draw: st.DrawFn) -> str:
    offset = draw(_offsets())
    shapes = ("Z", "+HH", "+HH:MM", "+HH:MM:ss")
    return draw(_iso_local()) + _offset_text(draw, offset, shapes)


@st.composite
def _iso_instant(draw: st.DrawFn) -> str:
    day = draw(_dates())
    if draw(st.integers(0, 4)) == 4:
        # docs/language.md §3: ISO_INSTANT alone reads 23:59:60 (read as 23:59:59).
        fraction = draw(st.sampled_from(("", ".", ".5", ".123456789")))
        clock = "23:59:60" + fraction
    else:
        clock, _ = draw(_local_time(seconds_required=True))
    offset = draw(_offsets())
    written = _offset_text(draw, offset, ("Z", "+HH:MM", "+HH:MM:ss"))
    return f"{day.isoformat()}{draw(st.sampled_from('Tt'))}{clock}{written}"


def _jdk_offset_names(offset: timedelta) -> list[str]:
    """What ``ZoneId.of`` reads as this fixed offset (docs/language.md §3 ``[zone]``)."""
    sign, hours, minutes, seconds = _offset_parts(offset)
    bare = [
        f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}",
        f"{sign}{hours:02d}{minutes:02d}{seconds:02d}",
    ]
    if not seconds:
        bare += [f"{sign}{hours:02d}:{minutes:02d}", f"{sign}{hours:02d}{minutes:02d}"]
        if not minutes:
            bare += [f"{sign}{hours:02d}", f"{sign}{hours}"]
    names = [prefix + name for prefix in ("", "UTC", "GMT", "UT") for name in bare]
    if not offset:
        names += ["Z", "UTC", "GMT", "UT"]
    return sorted(names, key=len)


def _valid_offsets(local: datetime, zone: tzinfo) -> list[timedelta]:
    """The offsets ``zone`` uses at the wall-clock ``local``: one, two (overlap) or none (gap)."""
    found: list[timedelta] = []
    for fold in (0, 1):
        offset = local.replace(tzinfo=zone, fold=fold).utcoffset()
        assert offset is not None
        back = (local - offset).replace(tzinfo=UTC).astimezone(zone).utcoffset()
        if back == offset and offset not in found:
            found.append(offset)
    return found


@st.composite
def _iso_zoned(draw: st.DrawFn) -> str:
    day = draw(_dates())
    clock, value = draw(_local_time())
    local = datetime.combine(day, value)
    if draw(st.booleans()):
        name = draw(_iana_zones())
        offsets = _valid_offsets(local, tzdata_zone(name))
        assume(offsets)  # a wall-clock time in a gap has no offset to write
        offset = draw(st.sampled_from(offsets))
    else:
        offset = draw(_offsets())
        name = draw(st.sampled_from(_jdk_offset_names(offset)))
    written = _offset_text(draw, offset, ("Z", "+HH", "+HH:MM", "+HH:MM:ss"))
    return f"{day.isoformat()}{draw(st.sampled_from('Tt'))}{clock}{written}[{name}]"


@st.composite
def _rfc_1123(draw: st.DrawFn) -> str:
    day = draw(_dates())
    parts = []
    if draw(st.booleans()):
        parts.append(_cased(draw, _WEEKDAYS[day.weekday()].lower()) + ",")
    day_text = str(day.day)
    if day.day < 10 and draw(st.booleans()):
        day_text = "0" + day_text
    parts += [day_text, _cased(draw, _MONTHS[day.month - 1].lower()), f"{day.year:04d}"]
    clock = draw(st.times())
    parts.append(clock.strftime("%H:%M:%S" if draw(st.booleans()) else "%H:%M"))
    offset = draw(_whole_minute_offsets())
    if not offset and draw(st.booleans()):
        parts.append(_cased(draw, "gmt"))
    else:
        parts.append(_render_offset(offset, "+HHMM"))
    return " ".join(parts)


_TIMESTAMP_BUILDERS: dict[str, Callable[[], st.SearchStrategy[str]]] = {
    "recommended": _recommended,
    "ISO_ZONED_DATE_TIME": _iso_zoned,
    "ISO_OFFSET_DATE_TIME": _iso_offset,
    "ISO_INSTANT": _iso_instant,
    "ISO_LOCAL_DATE_TIME": _iso_local,
    "RFC_1123_DATE_TIME": _rfc_1123,
}


# -- dates, times, words, modifiers (docs/language.md §4) ------------------------------------------


def _shared_offset() -> st.SearchStrategy[timedelta | None]:
    """No offset, or the one offset all dated items of this example share (docs/language.md §5)."""
    return st.none() | st.shared(_offsets(), key=_SHARED_OFFSET_KEY)


@st.composite
def _iso_dates(draw: st.DrawFn, offsets: st.SearchStrategy[timedelta | None]) -> str:
    offset = draw(offsets)
    text = draw(_dates()).isoformat()
    if offset is None:
        return text
    return text + _offset_text(draw, offset, ("Z", "+HH:MM", "+HH:MM:ss"))


@st.composite
def _basic_dates(draw: st.DrawFn, offsets: st.SearchStrategy[timedelta | None]) -> str:
    offset = draw(offsets)
    text = draw(_dates()).strftime("%Y%m%d")
    if offset is None:
        return text
    return text + _offset_text(draw, offset, ("Z", "+HH", "+HHMM", "+HHMMss"))


@st.composite
def _iso_times(draw: st.DrawFn, offsets: st.SearchStrategy[timedelta | None]) -> str:
    offset = draw(offsets)
    text, _ = draw(_local_time())
    if offset is None:
        return text
    return text + _offset_text(draw, offset, ("Z", "+HH:MM", "+HH:MM:ss"))


@st.composite
def _words(draw: st.DrawFn, words: Sequence[str]) -> str:
    return _cased(draw, draw(st.sampled_from(tuple(words))))


_SPELLINGS = st.sampled_from(tuple(sorted(UNIT_SPELLINGS, key=lambda word: (len(word), word))))


@st.composite
def _unit_spellings(draw: st.DrawFn) -> str:
    """Every unit spelling in any case, but ``m`` lower case only (docs/language.md §8)."""
    word = draw(_SPELLINGS)
    return word if word == "m" else _cased(draw, word)


@st.composite
def _amounts(draw: st.DrawFn, *, small: bool = True) -> str:
    """A number and a unit, glued or apart, at most ten years' worth (docs/language.md §4)."""
    unit = draw(_unit_spellings())
    cap = _UNIT_CAPS[UNIT_SPELLINGS[unit.lower()].value] if small else 10**9
    number = str(draw(st.integers(0, cap)))
    number = "0" * draw(st.integers(0, 2)) + number  # leading zeros are allowed
    space = draw(st.just("") | _whitespace())
    return number + space + unit


# -- expressions (docs/language.md §2-5) -----------------------------------------------------------

# The arrangement of items that docs/language.md §5 allows, over the grammar's terminals.
# A signed modifier may be glued to the item before it, except right after a
# date-time or a basic date: there a sign and two digits would be that item's
# offset (docs/language.md §2), so whitespace comes first.
_ARRANGEMENT = r"""
fuzz: _WS? _fz_body _WS?
_fz_body: _fz_mods
        | _fz_pre DATE_TIME _fz_spaced
        | _fz_pre RFC_1123 _fz_glued
        | _fz_pre NOW _fz_glued
        | _fz_pre _fz_date
        | _fz_pre _fz_time
        | _fz_pre _fz_date _WS _fz_time
        | _fz_pre _fz_time _WS _fz_date
_fz_pre: (_fz_mods _WS)?
_fz_mods: _fz_mod _fz_more~0..3
_fz_mod: AMOUNT | _fz_signed
_fz_signed: SIGN _WS? AMOUNT
_fz_more: _WS _fz_mod | _fz_signed
_fz_glued: _fz_more~0..3
_fz_spaced: (_WS _fz_mods)?
_fz_date: (ISO_DATE | DAY_WORD) _fz_glued | BASIC_DATE _fz_spaced
_fz_time: (ISO_TIME | TIME_WORD) _fz_glued
"""


@functools.lru_cache(maxsize=1)
def _arrangement_grammar() -> Lark:
    from lark import Lark  # noqa: PLC0415 - lark is bhtime's dependency, loaded on use

    from ._grammar import grammar_text  # noqa: PLC0415

    return Lark(grammar_text() + _ARRANGEMENT, start="fuzz")


def _item_strategies() -> dict[str, st.SearchStrategy[str]]:
    """The explicit strategy for each grammar terminal that ``expressions()`` uses.

    Each draws text that the grammar cuts as that one terminal and that bhtime
    accepts as an item; the date and time items of one example share one offset.
    """
    offsets = _shared_offset()
    date_time_formats = [name for name in TIMESTAMP_FORMATS if name != "RFC_1123_DATE_TIME"]
    return {
        "_WS": _whitespace(),
        "SIGN": st.sampled_from("+-"),
        "AMOUNT": _amounts(),
        "NOW": _any_case("now"),
        "DAY_WORD": _words(_DAY_WORDS),
        "TIME_WORD": _words(_TIME_WORDS),
        "ISO_DATE": _iso_dates(offsets),
        "BASIC_DATE": _basic_dates(offsets),
        "ISO_TIME": _iso_times(offsets),
        "DATE_TIME": st.one_of([timestamps(name) for name in date_time_formats]),
        "RFC_1123": timestamps("RFC_1123_DATE_TIME"),
    }


ExpressionKind = Literal["any", "realistic", "day-and-time", "relative", "timestamps"]
EXPRESSION_KINDS: tuple[ExpressionKind, ...] = (
    "any",
    "realistic",
    "day-and-time",
    "relative",
    "timestamps",
)
"""The kinds of text ``expressions(kind=...)`` draws."""


def expressions(kind: ExpressionKind = "any") -> st.SearchStrategy[str]:
    """Valid expressions of one ``kind``; by default every kind, spelling and combination.

    ``kind="any"`` (the default) draws, by ``from_lark`` over bhtime's grammar,
    up to four modifiers, then none or one item that sets both date and time
    (a timestamp of any docs/language.md §3 format, or ``now``), or a date
    item, a time item, or both in either order, each followed by up to four
    modifiers. Modifiers use every unit spelling, signed or not, glued to
    their unit or not, glued to the item before them or not; items are
    separated by runs of spaces, tabs and line breaks, with optional
    whitespace around the whole; words are in any case. A date and a time
    that both carry an offset carry the same one (docs/language.md §5). Dates
    lie in the years 1000-8999 and each modifier moves by at most ten years,
    so that every expression evaluates without a range error for any ``now``
    in 1971-2037 and any zone. Not drawn: a signed modifier glued straight
    after a date-time or a basic date that carries an offset (``...Z+1h``),
    which is valid but is cut differently when the offset is missing.
    Shrinks towards ``now``, then a single modifier such as ``0d``.

    The other kinds draw what a person types into a scheduling form: lower
    case (a first capital at times, as phones write it), single spaces,
    amounts from 1 to 90 in the usual spellings, dates in 2000-2037:

    - ``"day-and-time"``: a day (``today``, ``tomorrow``, ``yesterday``,
      ``2017-04-25``) and a time (``14:00``, ``09:30:15``, ``noon``,
      ``midnight``), either alone or both, day first or last
      (``tomorrow 14:00``, ``14:00 tomorrow``, ``today noon``). Shrinks to
      ``today``.
    - ``"relative"``: modifiers only, one to three, after ``now`` or not
      (``now +3h``, ``+1d -2h``, ``now -12 hours +1min``, ``30 min``). Shrinks
      to ``1min``.
    - ``"timestamps"``: any timestamp of ``timestamps()``, every format, and
      shrinks as it does.
    - ``"realistic"``: a mix of the three, the timestamps in the recommended
      format or ISO 8601 with an offset and a whole or half hour offset
      (``2017-04-25T10:00:00.000+0300``, ``2017-04-25T10:00:00Z``), plus
      ``now`` alone and a day and time followed by a modifier
      (``tomorrow 14:00 +15min``). Shrinks to ``now``.

    ``st.from_type(bhtime.Expression)`` (and so ``st.builds`` of anything
    whose parameters take an ``Expression``) draws ``expressions()`` parsed,
    through hypothesis' entry point.
    """
    if kind not in EXPRESSION_KINDS:
        raise InvalidArgument(f"kind must be one of {', '.join(EXPRESSION_KINDS)}, not {kind!r}")
    if kind == "any":
        return _expressions()
    if kind == "timestamps":
        return timestamps()
    return _TYPED[kind]()


@functools.lru_cache(maxsize=1)
def _expressions() -> st.SearchStrategy[str]:
    # Built once: from_lark compiles the grammar, and strategies are immutable.
    from hypothesis.extra.lark import from_lark  # noqa: PLC0415

    return from_lark(_arrangement_grammar(), explicit=_item_strategies())


# -- what people type (expressions(kind=...)) ---------------------------------------------

_TYPED_UNITS = ("min", "minutes", "h", "hours", "hour", "d", "days", "day", "w", "weeks")
_TYPED_RARE_UNITS = ("s", "sec", "seconds", "mon", "months", "y", "year", "years")
_TYPED_AMOUNTS = st.integers(1, 90) | st.sampled_from((1, 2, 3, 5, 10, 15, 30, 45))


@st.composite
def _typed_word(draw: st.DrawFn, word: str) -> str:
    """A word as typed: lower case, or with the capital a phone's keyboard gives it."""
    return word.capitalize() if draw(st.integers(0, 5)) == 5 else word


@st.composite
def _typed_modifier(draw: st.DrawFn, *, signed: bool) -> str:
    """``+3h``, ``-15 min``, ``2 days``: a sign when asked, a small amount, a usual unit."""
    amount = draw(_TYPED_AMOUNTS)
    unit = draw(st.sampled_from(_TYPED_UNITS) | st.sampled_from(_TYPED_RARE_UNITS))
    space = draw(st.sampled_from(("", " ")))
    sign = draw(st.sampled_from("+-")) if signed else ""
    return f"{sign}{amount}{space}{unit}"


@st.composite
def _typed_relative(draw: st.DrawFn) -> str:
    """``now +3h``, ``+1d -2h``, ``30 min``: one to three modifiers, after ``now`` or not."""
    count = draw(st.integers(1, 3))
    after_now = draw(st.booleans())
    # People sign a modifier that follows something; a lone "30 min" often goes unsigned.
    first = draw(_typed_modifier(signed=after_now or count > 1 or draw(st.booleans())))
    rest = [draw(_typed_modifier(signed=True)) for _ in range(count - 1)]
    parts = [first, *rest]
    if after_now:
        parts.insert(0, draw(_typed_word("now")))
    return " ".join(parts)


@st.composite
def _typed_day(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 3)) == 3:
        return draw(st.dates(date(2000, 1, 1), date(2037, 12, 31))).isoformat()
    return draw(_typed_word(draw(st.sampled_from(_DAY_WORDS))))


@st.composite
def _typed_time(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(("HH:MM", "HH:MM", "HH:MM:SS", "word")))
    if shape == "word":
        return draw(_typed_word(draw(st.sampled_from(_TIME_WORDS))))
    hour = draw(st.integers(0, 23))
    minute = draw(st.sampled_from((0, 30, 15, 45)) | st.integers(0, 59))
    if shape == "HH:MM":
        return f"{hour:02d}:{minute:02d}"
    return f"{hour:02d}:{minute:02d}:{draw(st.integers(0, 59)):02d}"


@st.composite
def _typed_day_and_time(draw: st.DrawFn) -> str:
    """``tomorrow 14:00``, ``14:00 tomorrow``, ``today noon``, ``2017-04-25``, ``18:30``."""
    shape = draw(st.sampled_from(("day", "day time", "time", "time day")))
    parts = {"day": draw(_typed_day()), "time": draw(_typed_time())}
    return " ".join(parts[name] for name in shape.split())


@st.composite
def _typed_then_moved(draw: st.DrawFn) -> str:
    return f"{draw(_typed_day_and_time())} {draw(_typed_modifier(signed=True))}"


@st.composite
def _typed_timestamp(draw: st.DrawFn) -> str:
    """``2017-04-25T10:00:00.000+0300`` or ``2017-04-25T10:00:00+03:00``: what a program sends."""
    moment = draw(st.datetimes(datetime(2000, 1, 1), datetime(2037, 12, 31)))
    offset = timedelta(minutes=30 * draw(st.integers(-24, 28)))
    if draw(st.booleans()):
        return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}" + (
            _render_offset(offset, "+HHMM")
        )
    return f"{moment:%Y-%m-%dT%H:%M:%S}" + (_render_offset(offset, "+HH:MM") if offset else "Z")


def _typed_realistic() -> st.SearchStrategy[str]:
    return st.one_of(
        _typed_day_and_time(),
        _typed_relative(),
        _typed_timestamp(),
        _typed_word("now"),
        _typed_then_moved(),
    )


_TYPED: dict[str, Callable[[], st.SearchStrategy[str]]] = {
    "realistic": _typed_realistic,
    "day-and-time": _typed_day_and_time,
    "relative": _typed_relative,
}


# -- zones and instants ---------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _zone_lists() -> tuple[list[str], list[str], list[str]]:
    keys = sorted(zone_keys())
    favourites = [name for name in _FAVOURITE_ZONES if name in zone_keys()]
    probes = [datetime(year, month, 15, tzinfo=UTC) for year in (1990, 2024) for month in (1, 7)]
    with_dst = [
        name
        for name in keys
        if len({probe.astimezone(tzdata_zone(name)).utcoffset() for probe in probes}) > 1
    ]
    return favourites, with_dst, keys


@functools.lru_cache(maxsize=1)
def _iana_zones() -> st.SearchStrategy[str]:
    favourites, with_dst, keys = _zone_lists()
    return st.one_of(st.sampled_from(favourites), st.sampled_from(with_dst), st.sampled_from(keys))


@st.composite
def _offset_user_zones(draw: st.DrawFn) -> str:
    offset = draw(_whole_minute_offsets())
    shapes = [shape for shape in ("+HH:MM", "+HHMM", "+HH") if _fits(offset, shape)]
    return _render_offset(offset, draw(st.sampled_from(shapes)))


def zones() -> st.SearchStrategy[str]:
    """User zones as a user writes them (docs/language.md §6): IANA names and fixed offsets.

    Two draws in five are a fixed offset (``UTC``, ``Z``, ``+05:30``,
    ``+0530``, ``+05``, any whole minute within ±18:00); one in five each is
    a zone with odd rules (Lord_Howe's 30-minute DST, Kathmandu's +05:45,
    Apia's skipped day, Sao_Paulo's midnight DST, ...), a zone that had DST
    in 1990 or has it now, or any zone of bhtime's tzdata.

    Shrinks to ``"UTC"``.
    """
    fixed = st.one_of(st.sampled_from(_FIXED_USER_ZONES), _offset_user_zones())
    return st.one_of(fixed, _iana_zones())


_SCAN_START = datetime(1971, 1, 1, tzinfo=UTC)
_SCAN_END = datetime(2038, 1, 1, tzinfo=UTC)
_SCAN_STEP = 3 * 86400


@functools.lru_cache(maxsize=256)
def _transitions(zone: tzinfo) -> tuple[datetime, ...]:
    """The instants in 1971-2037 at which ``zone``'s offset changes, to the second.

    Found by reading the offset every three days and bisecting each change, so
    two changes less than three days apart may be missed.
    """
    if isinstance(zone, timezone):
        return ()

    def offset_at(seconds: int) -> timedelta | None:
        return datetime.fromtimestamp(seconds, zone).utcoffset()

    found = []
    start, end = int(_SCAN_START.timestamp()), int(_SCAN_END.timestamp())
    previous = offset_at(start)
    for seconds in range(start + _SCAN_STEP, end, _SCAN_STEP):
        current = offset_at(seconds)
        if current == previous:
            continue
        low, high = seconds - _SCAN_STEP, seconds  # offset_at(low) differs from offset_at(high)
        while high - low > 1:
            middle = (low + high) // 2
            if offset_at(middle) == previous:
                low = middle
            else:
                high = middle
        found.append(datetime.fromtimestamp(high, UTC))
        previous = current
    return tuple(found)


@st.composite
def _near(draw: st.DrawFn, moments: Sequence[datetime]) -> datetime:
    moment = draw(st.sampled_from(moments))
    days = draw(st.sampled_from((0, -1, 1, -7, 7)))
    seconds = draw(st.integers(-5400, 5400))
    micro = draw(st.integers(0, 999_999))
    moment = moment + timedelta(days=days, seconds=seconds, microseconds=micro)
    return min(max(moment, _SCAN_START), _SCAN_END - timedelta(microseconds=1))


def instants(zone: str | tzinfo) -> st.SearchStrategy[datetime]:
    """Values for ``now``: aware datetimes in 1971-2037, most near ``zone``'s transitions.

    ``zone`` is a user zone as ``evaluate`` takes it. Two draws in three fall
    within 90 minutes of an instant where the zone's offset changes, or of one
    day or one week before or after it (so that ``tomorrow`` or ``+1w`` lands
    in the gap or overlap); the rest are anywhere in the years 1971-2037 (all
    of them for a fixed offset). Each is expressed in UTC, in the zone itself
    (with the right ``fold``) or in some fixed offset.

    Shrinks to the zone's first transition after 1971 in UTC, or for a zone
    without one to 2000-01-01T00:00:00+00:00.
    """
    tz = user_zone(zone)
    moments = _transitions(tz)
    anywhere = st.datetimes(
        _SCAN_START.replace(tzinfo=None),
        _SCAN_END.replace(tzinfo=None) - timedelta(microseconds=1),
        timezones=st.just(UTC),
    )
    base = (
        st.sampled_from((True, True, False)).flatmap(
            lambda near: _near(moments) if near else anywhere
        )
        if moments
        else anywhere
    )
    shown_in = st.one_of(
        st.just(UTC),
        st.just(tz),
        st.integers(-1080, 1080).map(lambda minutes: timezone(timedelta(minutes=minutes))),
    )
    return st.tuples(base, shown_in).map(lambda pair: pair[0].astimezone(pair[1]))


# -- invalid expressions --------------------------------------------------------------

_TYPOS = (
    "tomorow", "tommorow", "tomorrw", "yesterdy", "yestreday", "tody", "todya", "nwo", "noww",
    "midnigth", "midnite", "nooon", "todays", "nowt",
)  # fmt: skip
_BAD_UNITS = (
    "mins", "secs", "hr", "hrs", "mo", "mos", "ms", "yr", "yrs", "wk", "wks", "sek", "mons",
    "minuts", "dayz", "hourz", "sc",
)  # fmt: skip
_STRAY = "#,;/!@()'\"=*&%$?|~`^<>{}.:]"
_BAD_CHARACTERS = ("\u00a0", "\u2003", "\u3000", "\u2028", "\x0b", "\x0c", "\x00", "\x7f")
_UNICODE_DIGITS = ("\u0663", "\u0969", "\uff13", "\u09e9")  # 3 in Arabic, Devanagari, ...


def _placed(bad: st.SearchStrategy[str], places: str = "alone start end") -> st.SearchStrategy[str]:
    """``bad`` alone, before a valid expression, or after one, whitespace between."""

    contexts = expressions()

    @st.composite
    def build(draw: st.DrawFn) -> str:
        text = draw(bad)
        place = draw(st.sampled_from(places.split()))
        if place == "alone":
            return text
        context = draw(contexts)
        if place == "start":
            return text + draw(_whitespace()) + context
        return context + draw(_whitespace()) + text

    return build()


def _sign() -> st.SearchStrategy[str]:
    return st.sampled_from(("", "+", "-", "+ ", "- "))


@st.composite
def _bad_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(1000, 8999))
    kind = draw(st.sampled_from(("day", "month", "zero")))
    if kind == "month":
        month, day = draw(st.integers(13, 99)), draw(st.integers(1, 28))
    else:
        month = draw(st.integers(1, 12))
        last = calendar.monthrange(year, month)[1]
        day = 0 if kind == "zero" else draw(st.integers(last + 1, 99))
    shape = draw(st.sampled_from(("iso", "basic", "date_time")))
    if shape == "basic":
        return f"{year:04d}{month:02d}{day:02d}"
    text = f"{year:04d}-{month:02d}-{day:02d}"
    return text + ("T10:15:30" if shape == "date_time" else "")


@st.composite
def _bad_rfc_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(1000, 8999))
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    day = draw(st.integers(last + 1, 99) | st.just(0))
    return f"{day} {_MONTHS[month - 1]} {year} 10:15 GMT"


@st.composite
def _bad_times(draw: st.DrawFn) -> str:
    hour, minute, second = draw(st.integers(0, 23)), draw(st.integers(0, 59)), None
    which = draw(st.sampled_from(("hour", "minute", "second")))
    if which == "hour":
        hour = draw(st.integers(24, 99))
    elif which == "minute":
        minute = draw(st.integers(60, 99))
    else:
        second = draw(st.integers(61, 99))
    clock = f"{hour:02d}:{minute:02d}" + ("" if second is None else f":{second:02d}")
    shape = draw(st.sampled_from(("iso", "date_time", "rfc")))
    if shape == "date_time":
        return "2011-12-03T" + clock
    if shape == "rfc":
        return f"3 Dec 2011 {clock} GMT"
    return clock


@st.composite
def _bad_offsets(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from("+-"))
    wrong = draw(st.sampled_from(("hours", "past 18:00", "minutes")))
    if wrong == "hours":
        hours, minutes = draw(st.integers(19, 99)), draw(st.integers(0, 59))
    elif wrong == "past 18:00":
        hours, minutes = 18, draw(st.integers(1, 59))
    else:
        hours, minutes = draw(st.integers(0, 17)), draw(st.integers(60, 99))
    shape = draw(st.sampled_from(("time", "date", "date_time", "basic", "rfc")))
    colon = f"{sign}{hours:02d}:{minutes:02d}"
    plain = f"{sign}{hours:02d}{minutes:02d}"
    return {
        "time": "10:15" + colon,
        "date": "2011-12-03" + colon,
        "date_time": "2011-12-03T10:15:30" + colon,
        "basic": "20111203" + plain,
        "rfc": "3 Dec 2011 10:15 " + plain,
    }[shape]


@st.composite
def _bad_formats(draw: st.DrawFn) -> str:
    return draw(
        st.sampled_from(
            [
                "3 Dec 11 10:15 GMT",  # RFC 1123 with a 2-digit year
                "003 Dec 2011 10:15 GMT",  # a 3-digit day
                "3 Dec 2011 1:15 GMT",  # a 1-digit hour
                "Sat,3 Dec 2011 10:15 GMT",  # no space after the comma
                "3  Dec 2011 10:15 GMT",  # two spaces
                "3 Dec 2011 10:15 +05",  # RFC takes +HHMM only
                "3 Dex 2011 10:15 GMT",  # an unknown month
                "2011-12-03t10:15:30.000+0300",  # the recommended format's T is upper case
                "2011-12-03T10:15:30.00+0300",  # two fraction digits
                "2011-12-03T10:15:30+0300",  # +HHMM needs the recommended format
                "2011-12-03T10:15:30.000+0300[Europe/Moscow]",
                "2011-12-03T10:15:30[Europe/Paris]",  # a zone with no offset
                "2011-1-03",
                "2011-12-3",
                "1:15",
                "10:5",
                "10:15:3",
                "2011-12-03T10:15:30+030000",  # +HHMMss in a date-time
            ]
        )
    )


@st.composite
def _weekday_mismatches(draw: st.DrawFn) -> str:
    day = draw(_dates())
    wrong = draw(st.sampled_from([name for i, name in enumerate(_WEEKDAYS) if i != day.weekday()]))
    return f"{wrong}, {day.day} {_MONTHS[day.month - 1]} {day.year} 10:15 GMT"


@st.composite
def _conflicts(draw: st.DrawFn) -> str:
    no_offset = st.none()
    dates = st.one_of(_iso_dates(no_offset), _basic_dates(no_offset), _words(_DAY_WORDS))
    times = st.one_of(_iso_times(no_offset), _words(_TIME_WORDS))
    both = st.one_of(_any_case("now"), timestamps())
    first, second = draw(
        st.sampled_from(
            [(dates, dates), (times, times), (both, both), (both, dates), (both, times)]
        )
    )
    items = [draw(first), draw(second)]
    if draw(st.booleans()):
        items.reverse()
    items += draw(st.lists(_amounts(), max_size=2))
    return " ".join(draw(st.permutations(items)))


@st.composite
def _offset_mismatches(draw: st.DrawFn) -> str:
    first = draw(_offsets())
    second = draw(_offsets().filter(lambda offset: offset != first))
    day = draw(st.one_of(_iso_dates(st.just(first)), _basic_dates(st.just(first))))
    clock = draw(_iso_times(st.just(second)))
    return " ".join(draw(st.permutations([day, clock])))


@st.composite
def _offsets_not_in_zone(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(_FAVOURITE_ZONES))
    local = draw(st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1))).replace(microsecond=0)
    valid = _valid_offsets(local, tzdata_zone(name))
    offset = draw(_offsets().filter(lambda offset: offset not in valid))
    written = _offset_text(draw, offset, ("Z", "+HH:MM", "+HH:MM:ss"))
    return f"{local.isoformat()}{written}[{name}]"


@st.composite
def _unknown_zones(draw: st.DrawFn) -> str:
    known = draw(st.sampled_from(_FAVOURITE_ZONES))
    name = draw(st.sampled_from([known.lower(), known.upper(), known + "x", "Mars/Olympus", ""]))
    return f"2011-12-03T10:15:30+01:00[{name}]"


_OUT_OF_RANGE = (
    "0000-01-01",
    "00000101",
    "0000-06-15T10:00:00Z",
    "0001-01-01T00:30:00+01:00",
    "9999-12-31T23:00:00-05:00",
    "9999-12-31 +1d",
    "0001-01-01 -1d",
    "now +10000 years",
    "now -3000 years -3000 years",
    "9999-12-31T23:59:59Z +1s",
    "+99999999999 years",
)


@st.composite
def _missing_spaces(draw: st.DrawFn) -> str:
    bare = draw(st.one_of(_iso_local(), _basic_dates(st.none())))
    glued = f"{draw(st.sampled_from('+-'))}{draw(st.integers(10, 18))}{draw(_unit_spellings())}"
    return bare + glued


_INVALID_FAMILIES: tuple[tuple[str, Callable[[], st.SearchStrategy[str]]], ...] = (
    ("unknown-word", lambda: _placed(_words(_TYPOS))),
    (
        "unknown-unit",
        lambda: _placed(
            st.tuples(
                _sign(), st.integers(0, 999), st.just("") | _whitespace(), _words(_BAD_UNITS)
            ).map(lambda parts: f"{parts[0]}{parts[1]}{parts[2]}{parts[3]}")
        ),
    ),
    (
        "missing-number",
        lambda: _placed(_unit_spellings(), "alone start"),
    ),
    (
        "missing-unit",
        lambda: _placed(
            st.tuples(_sign(), st.integers(0, 999_999)).map(lambda p: f"{p[0]}{p[1]}"),
            "alone end",
        ),
    ),
    (
        "fraction",
        lambda: _placed(
            st.tuples(
                _sign(),
                st.integers(0, 999),
                st.text(st.sampled_from("0123456789"), max_size=3),
                st.just("") | _whitespace(),
                _unit_spellings(),
            ).map(lambda p: f"{p[0]}{p[1]}.{p[2]}{p[3]}{p[4]}")
        ),
    ),
    (
        "glued-modifiers",
        lambda: _placed(
            st.tuples(_sign(), _amounts(), st.integers(0, 999), _unit_spellings()).map(
                lambda p: f"{p[0]}{p[1]}{p[2]}{p[3]}"
            )
        ),
    ),
    (
        "ambiguous-unit",
        lambda: _placed(
            st.tuples(_sign(), st.integers(0, 999), st.just("") | _whitespace()).map(
                lambda p: f"{p[0]}{p[1]}{p[2]}M"
            )
        ),
    ),
    (
        "missing-amount",
        lambda: _placed(
            st.one_of(
                st.sampled_from(("+", "-", "+ ", "-\t")),
                st.tuples(st.sampled_from(("+", "-", "+ ")), _words(("now", *_DAY_WORDS))).map(
                    "".join
                ),
                st.sampled_from(("+-3h", "-+1d", "++2 min")),
            ),
            "alone end",
        ),
    ),
    (
        "invalid-character",
        lambda: st.one_of(
            st.tuples(expressions(), st.sampled_from(_BAD_CHARACTERS), _amounts()).map("".join),
            _placed(
                st.tuples(st.sampled_from(_UNICODE_DIGITS), _unit_spellings()).map("".join),
                "alone end",
            ),
        ),
    ),
    (
        "unexpected",
        lambda: _placed(st.sampled_from(_STRAY), "alone end"),
    ),
    (
        "too-long",
        lambda: st.tuples(expressions(), st.integers(1001, 1100)).map(lambda p: p[0].ljust(p[1])),
    ),
    ("empty", lambda: st.text(st.sampled_from(" \t\n\r"), max_size=5)),
    ("invalid-date", lambda: _placed(st.one_of(_bad_dates(), _bad_rfc_dates()))),
    ("invalid-time", lambda: _placed(_bad_times())),
    ("invalid-offset", lambda: _placed(_bad_offsets())),
    ("invalid-format", lambda: _placed(_bad_formats())),
    ("weekday-mismatch", lambda: _placed(_weekday_mismatches())),
    ("conflict", _conflicts),
    ("offset-mismatch", _offset_mismatches),
    ("offset-not-in-zone", lambda: _placed(_offsets_not_in_zone())),
    ("unknown-zone", lambda: _placed(_unknown_zones())),
    ("out-of-range", lambda: st.sampled_from(_OUT_OF_RANGE)),
    ("missing-space", lambda: _placed(_missing_spaces(), "alone end")),
)


def invalid_cases() -> st.SearchStrategy[tuple[str, str]]:
    """Pairs of an invalid expression and the bhtime error code it must raise.

    See ``invalid_expressions()``; the code is the one docs/language.md §8 errors carry,
    such as ``unknown-word``. Codes whose error needs a clock or a zone
    (``out-of-range`` at a step) are raised by ``evaluate``, the rest already
    by ``parse``. Shrinks to ``("", "empty")``.
    """
    return st.one_of([build().map(_tagged(code)) for code, build in _INVALID_FAMILIES])


def _tagged(code: str) -> Callable[[str], tuple[str, str]]:
    return lambda text: (text, code)


def invalid_expressions() -> st.SearchStrategy[str]:
    """Near-valid expressions that bhtime rejects with a ``BhtimeError``.

    Each is a valid expression from ``expressions()`` with one mistake next to
    it, or one mistake alone: a misspelt word (``tomorow``) or unit (``3 hrs``),
    a unit with no number or a number with no unit, a fraction (``1.5h``),
    modifiers glued together (``1h30min``), a capital ``M``, a sign with
    nothing after it, a character outside the language (a non-breaking space,
    a non-ASCII digit, ``#``), more than 1,000 characters, only whitespace,
    an impossible date, time or offset, a format broken in one place, a wrong
    day of the week, two items that set the same field, a date and a time with
    different offsets, an offset its ``[zone]`` does not use, an unknown
    ``[zone]``, a year outside 0001-9999, or an offset-taking item glued to a
    modifier (``20111203+12h``). ``invalid_cases()`` gives each with its code.

    Shrinks to the empty expression ``""``.
    """
    return invalid_cases().map(lambda case: case[0])
