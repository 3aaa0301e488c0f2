"""Tokens to items: each terminal the grammar cut is read and checked here.

The grammar decides where an item starts and ends (docs/language.md §2); this module reads
the values inside it and rejects the impossible ones with the position of the
faulty part: a 30th of February, hour 24, an offset its format does not take.
Errors are raised without the text; ``_parse`` adds it.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from ._ast import CalendarDate, DayWord, Item, Modifier, Now, Timestamp, Unit, WallTime
from ._calendar import days_in_month
from ._errors import BhtimeError, closest, error
from ._tz import UTC, checked_offset, clear_times, offset_text, wall_time, zone_id

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable
    from typing import NoReturn

    from ._errors import HintId

__all__ = ["LONE_WORDS", "UNIT_SPELLINGS", "WORDS", "Run", "read_item", "read_run", "read_token"]

UNIT_SPELLINGS: dict[str, Unit] = {
    "years": Unit.YEARS, "year": Unit.YEARS, "y": Unit.YEARS,
    "months": Unit.MONTHS, "month": Unit.MONTHS, "mon": Unit.MONTHS,
    "weeks": Unit.WEEKS, "week": Unit.WEEKS, "w": Unit.WEEKS,
    "days": Unit.DAYS, "day": Unit.DAYS, "d": Unit.DAYS,
    "hours": Unit.HOURS, "hour": Unit.HOURS, "h": Unit.HOURS,
    "minutes": Unit.MINUTES, "minute": Unit.MINUTES, "min": Unit.MINUTES, "m": Unit.MINUTES,
    "seconds": Unit.SECONDS, "second": Unit.SECONDS, "sec": Unit.SECONDS, "s": Unit.SECONDS,
}  # fmt: skip
# Spellings other date-math languages use, and what ours are (docs/language.md §4).
_UNIT_ALIASES = {
    "hr": "hour", "hrs": "hours", "mins": "min", "secs": "sec", "mo": "mon",
    "mos": "months", "mth": "month", "mths": "months", "wk": "week", "wks": "weeks",
    "yr": "year", "yrs": "years", "ms": "s", "sek": "sec",
}  # fmt: skip
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_TIME_WORDS = {"midnight": time(0), "noon": time(12)}
WORDS = ("now", *_DAY_WORDS, *_TIME_WORDS)
# Each word's terminal: a text of one word alone is read by this, without the lexer.
LONE_WORDS = {
    "now": "NOW",
    **dict.fromkeys(_DAY_WORDS, "DAY_WORD"),
    **dict.fromkeys(_TIME_WORDS, "TIME_WORD"),
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# English whatever the locale (the calendar module's names follow it).
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_LOCAL_DATE = r"(?P<year>[0-9]{4})-(?P<month>[0-9]+)-(?P<day>[0-9]+)"
_LOCAL_TIME = (
    r"(?P<hour>[0-9]+):(?P<minute>[0-9]+)"
    r"(?::(?P<second>[0-9]+)(?:\.(?P<fraction>[0-9]*))?)?"
)
_OFFSET = r"(?P<offset>[Zz]|[+-][0-9:]+)?"


class _Shape:
    """A regex compiled on its first use: a first call needs only those its tokens use.

    Compiling all of them when the module loads would cost a first call
    about 1.5 ms, a sixth of a bare interpreter's start.
    """

    __slots__ = ("match", "pattern")

    match: Callable[[str, int, int], re.Match[str] | None]

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.match = self._compile_and_match

    def _compile_and_match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        import re  # noqa: PLC0415  (not with the module: a lone word needs no regex)

        self.match = re.compile(self.pattern).match
        return self.match(text, pos, endpos)


# These split a token the grammar already cut; they decide nothing about where it ends.
_DATE_TIME = _Shape(
    _LOCAL_DATE + r"(?P<t>[Tt])" + _LOCAL_TIME + _OFFSET + r"(?:\[(?P<zone>[^\]]*)\])?\Z"
)
_ISO_DATE = _Shape(_LOCAL_DATE + _OFFSET + r"\Z")
_ISO_TIME = _Shape(_LOCAL_TIME + _OFFSET + r"\Z")
_BASIC_DATE = _Shape(r"(?P<year>[0-9]{4})(?P<month>[0-9]{2})(?P<day>[0-9]{2})" + _OFFSET + r"\Z")
_RFC_1123 = _Shape(
    r"(?:(?P<weekday>[A-Za-z]+),(?P<space0>[ ]*))?(?P<day>[+-]?[0-9]+)(?P<space1>[ ]+)"
    r"(?P<month>[A-Za-z]+)(?P<space2>[ ]+)(?P<year>[0-9]+)(?P<space3>[ ]+)"
    r"(?P<hour>[0-9]+):(?P<minute>[0-9]+)(?::(?P<second>[0-9]+))?(?P<space4>[ ]+)"
    r"(?P<offset>[A-Za-z]+|[+-][0-9]+)\Z"
)
_AMOUNT = _Shape(r"(?P<sign>[+-]?)[ \t\r\n]*(?P<number>[0-9]+)[ \t\r\n]*(?P<unit>[A-Za-z]+)\Z")
_BAD_AMOUNT = _Shape(r"(?P<number>[0-9]+)(?P<fraction>\.[0-9]*)?[ \t\r\n]*(?P<word>[A-Za-z]*)\Z")

# Offset shapes, and the formats that take them (docs/language.md §3-4).
_ISO_OFFSETS = frozenset({"Z", "+HH:MM", "+HH:MM:ss"})
_OFFSET_DATE_TIME_OFFSETS = _ISO_OFFSETS | {"+HH"}
_BASIC_OFFSETS = frozenset({"Z", "+HH", "+HHMM", "+HHMMss"})
_OFFSET_SHAPES = {
    1: "Z", 3: "+HH", 6: "+HH:MM", 9: "+HH:MM:ss", 5: "+HHMM", 7: "+HHMMss",
}  # fmt: skip


class _Cut:
    """A token, ``text[start:end]``, split into named parts, each with its position in the text."""

    __slots__ = ("match", "parts", "start")

    def __init__(self, pattern: _Shape, text: str, start: int, end: int) -> None:
        match = pattern.match(text, start, end)
        assert match is not None, (
            f"the grammar cut {text[start:end]!r} in a shape {pattern.pattern!r} does not read"
        )
        self.match = match
        self.parts = match.groupdict()
        self.start = start

    def __getitem__(self, name: str) -> str | None:
        return self.parts.get(name)

    def pos(self, name: str) -> int:
        return self.match.start(name)

    def end(self) -> int:
        return self.match.end()

    def stop(self, name: str) -> int:
        """Where the part ends: the ``end`` of an error about it."""
        return self.match.end(name)

    def number(self, name: str, what: str, digits: tuple[int, ...] = (2,)) -> int:
        """The part as a number, rejected when it has a count of digits the format forbids."""
        text = self.parts[name]
        if not text.isdigit():
            raise error(
                "invalid-format",
                "invalid-format.not-digits",
                pos=self.pos(name),
                end=self.stop(name),
                field=what,
                written=text,
            )
        if len(text) not in digits:
            example = text.zfill(max(digits))[-max(digits) :]
            fix = example if len(text) == 1 and what != "year" else None
            hint: HintId | None = "hint.write" if fix else None
            single = len(digits) == 1
            raise error(
                "invalid-format",
                "invalid-format.digits" if single else "invalid-format.digits-either",
                pos=self.pos(name),
                end=self.stop(name),
                hint=hint,
                field=what,
                count=len(text),
                fix=fix,
                expected=digits[0] if single else None,
                fewest=None if single else digits[0],
                most=None if single else digits[-1],
            )
        return int(text)


# -- dates and times ----------------------------------------------------------


def _read_date(cut: _Cut, year_digits: tuple[int, ...] = (4,)) -> date:
    year = cut.number("year", "year", year_digits)
    month = cut.number("month", "month")
    if not 1 <= month <= 12:
        raise error(
            "invalid-date",
            "invalid-date.month",
            pos=cut.pos("month"),
            end=cut.stop("month"),
            month=month,
        )
    return _read_date_parts(cut, year, month, cut.number("day", "day"))


def _read_time(cut: _Cut, *, leap_second: bool = False) -> tuple[time, bool]:
    """The time of day, and whether it was a leap second read as :59 (ISO_INSTANT)."""
    hour = cut.number("hour", "hour")
    minute = cut.number("minute", "minute")
    second = 0 if cut["second"] is None else cut.number("second", "second")
    if hour == 24:
        raise error(
            "invalid-time",
            "invalid-time.hour-24",
            pos=cut.pos("hour"),
            end=cut.stop("hour"),
            hint="hint.next-day",
        )
    if hour > 23:
        raise error(
            "invalid-time",
            "invalid-time.hour",
            pos=cut.pos("hour"),
            end=cut.stop("hour"),
            hour=hour,
        )
    if minute > 59:
        raise error(
            "invalid-time",
            "invalid-time.minute",
            pos=cut.pos("minute"),
            end=cut.stop("minute"),
            minute=minute,
        )
    is_leap = second == 60 and leap_second and (hour, minute) == (23, 59)
    if second > 59 and not is_leap:
        leap: HintId | None = "hint.leap-second" if (hour, minute, second) == (23, 59, 60) else None
        raise error(
            "invalid-time",
            "invalid-time.second",
            pos=cut.pos("second"),
            end=cut.stop("second"),
            hint=leap,
            second=second,
        )
    return time(hour, minute, 59 if is_leap else second, _microseconds(cut)), is_leap


def _read_date_time(cut: _Cut, *, leap_second: bool = False) -> tuple[datetime, bool]:
    """The local date-time of an ISO date-time, and whether it was a leap second read as :59."""
    plain = _plain_date_time(cut)
    if plain is not None:
        return plain, False
    # The date first: of two faults, the leftmost is the one reported.
    local_date = _read_date(cut)
    local_time, is_leap = _read_time(cut, leap_second=leap_second)
    return datetime.combine(local_date, local_time), is_leap


def _plain_date_time(cut: _Cut) -> datetime | None:
    """The date-time as most are written: two digits a field, values in range; else None.

    One datetime() call checks every value at once; whatever it refuses (and
    every unusual count of digits) goes to the readers that say what is wrong.
    """
    year, month, day, hour, minute = cut.match.group("year", "month", "day", "hour", "minute")
    second, fraction = cut["second"] or "00", cut["fraction"] or ""
    if len(month) != 2 or len(day) != 2 or len(hour) != 2 or len(minute) != 2:
        return None
    if len(second) != 2 or len(fraction) > 9:
        return None
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second),
            int(fraction[:6].ljust(6, "0")),
        )  # fmt: skip
    except ValueError:  # day 31 of a 30-day month, hour 24, a leap second, year 0000
        return None


def _microseconds(cut: _Cut) -> int:
    fraction = cut["fraction"] or ""
    if len(fraction) > 9:
        raise error(
            "invalid-time",
            "invalid-time.fraction",
            pos=cut.pos("fraction") + 9,
            end=cut.stop("fraction"),
            count=len(fraction),
        )
    # docs/language.md §9: kept to the microsecond, the rest truncated.
    return int(fraction[:6].ljust(6, "0"))


def _offset_shape(raw: str) -> str:
    return "Z" if raw in ("Z", "z") else _OFFSET_SHAPES[len(raw)]


def _read_offset(cut: _Cut, allowed: frozenset[str], where: str) -> timedelta | None:
    raw = cut["offset"]
    if raw is None:
        return None
    shape = _offset_shape(raw)
    if shape not in allowed:
        raise error(
            "invalid-format",
            "invalid-format.offset-shape",
            pos=cut.pos("offset"),
            end=cut.stop("offset"),
            hint="hint.write",
            format=where,
            shapes=", ".join(sorted(allowed, key=len)),
            shape=shape,
            fix=_with_colons(raw),
        )
    return offset_value(raw, cut.pos("offset"))


def _with_colons(raw: str) -> str:
    """``+0100`` -> ``+01:00``, ``+010000`` -> ``+01:00:00``."""
    digits = raw[1:].replace(":", "")
    pairs = [digits[index : index + 2] for index in range(0, len(digits), 2)]
    return raw[0] + ":".join(pairs)


def offset_value(raw: str, pos: int) -> timedelta:
    """``Z``, ``+HH``, ``+HH:MM``, ``+HHMM``, ``+HH:MM:ss`` or ``+HHMMss`` as a duration."""
    try:
        return _offset_duration(raw)
    except BhtimeError as failure:
        failure.pos, failure.end = pos, pos + len(raw)
        raise


# Texts of offsets are few (a zone's offsets, written a handful of ways), and
# making a timedelta from parts costs more than reading the rest of a timestamp.
@lru_cache(maxsize=256)
def _offset_duration(raw: str) -> timedelta:
    if raw in ("Z", "z"):
        return timedelta(0)
    digits = raw[1:].replace(":", "")
    hours, minutes, seconds = int(digits[0:2]), int(digits[2:4] or 0), int(digits[4:6] or 0)
    return checked_offset(raw, raw[0], hours, minutes, seconds)


# -- timestamps -------------------------------------------------------------


def _date_time(text: str, start: int, end: int) -> Timestamp:
    cut = _Cut(_DATE_TIME, text, start, end)
    raw_offset = cut["offset"]
    shape = _offset_shape(raw_offset) if raw_offset else None
    if shape == "+HHMM":
        return _recommended(cut)
    zone = cut["zone"]
    if zone is not None and raw_offset is None:
        raise error(
            "invalid-format",
            "invalid-format.zone-needs-offset",
            pos=cut.pos("zone") - 1,
            end=cut.stop("zone") + 1,
            hint="hint.zone-example",
        )
    # ISO_INSTANT takes what ISO_OFFSET_DATE_TIME does but +HH, needs the
    # seconds, and alone reads a leap second (docs/language.md §3).
    instant_shape = shape in _ISO_OFFSETS and cut["second"] is not None and zone is None
    local, is_leap = _read_date_time(cut, leap_second=instant_shape)
    offset = _read_offset(cut, _OFFSET_DATE_TIME_OFFSETS, "an ISO date-time")
    if zone is not None:
        name = "ISO_ZONED_DATE_TIME"
    elif is_leap:
        name = "ISO_INSTANT"
    elif offset is not None:
        name = "ISO_OFFSET_DATE_TIME"
    else:
        name = "ISO_LOCAL_DATE_TIME"
    return _timestamp(cut, name, local, offset, zone)


def _recommended(cut: _Cut) -> Timestamp:
    fraction = cut["fraction"]
    if fraction is None or len(fraction) != 3:
        raise error(
            "invalid-format",
            "invalid-format.recommended-fraction",
            pos=cut.pos("offset"),
            end=cut.stop("offset"),
            hint="hint.write",
            fix=_with_colons(cut["offset"] or ""),
        )
    if cut["t"] != "T":
        raise error(
            "invalid-format",
            "invalid-format.recommended-t",
            pos=cut.pos("t"),
            end=cut.stop("t"),
            hint="hint.write",
            fix="T",
        )
    if cut["zone"] is not None:
        raise error(
            "invalid-format",
            "invalid-format.recommended-zone",
            pos=cut.pos("zone") - 1,
            end=cut.stop("zone") + 1,
        )
    local, _ = _read_date_time(cut)
    offset = offset_value(cut["offset"] or "", cut.pos("offset"))
    return _timestamp(cut, "recommended", local, offset, None)


def _rfc_1123(text: str, start: int, end: int) -> Timestamp:
    cut = _Cut(_RFC_1123, text, start, end)
    weekday = cut["weekday"]
    if weekday is not None:
        _name_index(cut, "weekday", _WEEKDAYS, "day of the week")
    for space in ("space0", "space1", "space2", "space3", "space4"):
        if cut[space] is not None and cut[space] != " ":
            raise error(
                "invalid-format",
                "invalid-format.rfc-space",
                pos=cut.pos(space),
                end=cut.stop(space),
            )
    day = cut.number("day", "day", (1, 2))
    month = _name_index(cut, "month", _MONTHS, "month") + 1
    year = cut.number("year", "year", (4,))
    moment_date = _read_date_parts(cut, year, month, day)
    moment_time, _ = _read_time(cut)
    offset = _rfc_offset(cut)
    if weekday is not None and _WEEKDAYS.index(weekday.lower()) != moment_date.weekday():
        actual = _DAY_NAMES[moment_date.weekday()]
        raise error(
            "weekday-mismatch",
            pos=cut.pos("weekday"),
            end=cut.stop("weekday"),
            hint="hint.weekday",
            date=moment_date.isoformat(),
            weekday=actual,
            written=weekday,
            fix=actual[:3],
        )
    return _timestamp(
        cut, "RFC_1123_DATE_TIME", datetime.combine(moment_date, moment_time), offset, None
    )


def _read_date_parts(cut: _Cut, year: int, month: int, day: int) -> date:
    if year == 0:
        raise error(
            "out-of-range",
            "out-of-range.year",
            pos=cut.pos("year"),
            end=cut.stop("year"),
            year="0000",
        )
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        raise error(
            "invalid-date",
            "invalid-date.day",
            pos=cut.pos("day"),
            end=cut.stop("day"),
            hint="hint.last-day",
            month_name=_MONTH_NAMES[month - 1],
            year=year,
            day=day,
            last=last,
        )
    return date(year, month, day)


def _rfc_offset(cut: _Cut) -> timedelta:
    raw = cut["offset"] or ""
    if raw.upper() == "GMT":
        return timedelta(0)
    if raw[0] in "+-" and len(raw) == 5:
        return offset_value(raw, cut.pos("offset"))
    raise error(
        "invalid-format",
        "invalid-format.rfc-offset",
        pos=cut.pos("offset"),
        end=cut.stop("offset"),
        offset=raw,
    )


def _name_index(cut: _Cut, part: str, names: tuple[str, ...], what: str) -> int:
    written = cut[part] or ""
    if written.lower() in names:
        return names.index(written.lower())
    suggestion = closest(written, names)
    raise error(
        "invalid-format",
        "invalid-format.unknown-name",
        pos=cut.pos(part),
        end=cut.stop(part),
        hint="hint.did-you-mean" if suggestion else None,
        part=what,
        written=written,
        suggestion=suggestion and suggestion.title(),
    )


def _timestamp(
    cut: _Cut, name: str, local: datetime, offset: timedelta | None, zone: str | None
) -> Timestamp:
    instant = None
    if offset is not None:
        instant = _utc(local, offset, cut)
        if zone is not None:
            _check_zone_offset(cut, zone, instant, offset)
    return Timestamp(cut.start, cut.end(), name, local, offset, zone, instant)


def _utc(local: datetime, offset: timedelta, cut: _Cut) -> datetime:
    try:
        return wall_time(local, UTC) - offset
    except OverflowError:
        raise error("out-of-range", "out-of-range.utc", pos=cut.start, end=cut.end()) from None


def _check_zone_offset(cut: _Cut, name: str, instant: datetime, offset: timedelta) -> None:
    try:
        zone = zone_id(name)
    except BhtimeError as failure:  # an unknown zone: in the text, at its name
        failure.pos, failure.end = cut.pos("zone"), cut.stop("zone")
        raise
    try:
        used = instant.astimezone(zone).utcoffset()
    except OverflowError:
        raise error("out-of-range", "out-of-range.zone", pos=cut.start, end=cut.end()) from None
    if used != offset:
        raise error(
            "offset-not-in-zone",
            pos=cut.pos("offset"),
            end=cut.stop("offset"),
            hint="hint.zone-offset",
            zone=name,
            offset=cut["offset"],
            local=cut.match.group(0)[:19],
            used=offset_text(used),
        )


# -- dates, times and words ---------------------------------------------------


def _iso_date(text: str, start: int, end: int) -> CalendarDate:
    cut = _Cut(_ISO_DATE, text, start, end)
    value = _read_date(cut)
    offset = _read_offset(cut, _ISO_OFFSETS, "ISO_DATE")
    return CalendarDate(cut.start, cut.end(), "ISO_DATE", value, offset)


def _basic_date(text: str, start: int, end: int) -> CalendarDate:
    cut = _Cut(_BASIC_DATE, text, start, end)
    value = _read_date(cut)
    offset = _read_offset(cut, _BASIC_OFFSETS, "BASIC_ISO_DATE")
    return CalendarDate(cut.start, cut.end(), "BASIC_ISO_DATE", value, offset)


def _iso_time(text: str, start: int, end: int) -> WallTime:
    cut = _Cut(_ISO_TIME, text, start, end)
    value, _ = _read_time(cut)
    offset = _read_offset(cut, _ISO_OFFSETS, "ISO_TIME")
    return WallTime(cut.start, cut.end(), "ISO_TIME", value, offset)


def _modifier(text: str, start: int, end: int) -> Modifier:
    # Modifiers are written a few ways again and again (`+1min`, `-12 hours`):
    # what one means is looked up, not read again, once it has been read.
    token = text[start:end]
    meaning = _MEANINGS.get(token)
    if meaning is None:
        meaning = _modifier_meaning(text, start, end)
        if len(token) <= _MEANING_LONGEST and len(_MEANINGS) < _MEANING_COUNT:
            _MEANINGS[token] = meaning
    return Modifier(start, end, *meaning)


# Bounded by count and by length: at most 4,096 tokens of 24 characters.
_MEANINGS: dict[str, tuple[int, Unit]] = {}
_MEANING_LONGEST = 24
_MEANING_COUNT = 4096


def _modifier_meaning(text: str, start: int, end: int) -> tuple[int, Unit]:
    """The amount and unit of the modifier ``text[start:end]``, read and checked."""
    match = _AMOUNT.match(text, start, end)
    assert match is not None, (
        f"the grammar cut {text[start:end]!r} in a shape {_AMOUNT.pattern!r} does not read"
    )
    sign, number, unit = match.groups()
    if unit == "M":
        raise error(
            "ambiguous-unit", pos=match.start("unit"), end=match.end("unit"), hint="hint.m-or-mon"
        )
    amount = -int(number) if sign == "-" else int(number)
    return amount, UNIT_SPELLINGS[unit.lower()]


def _bad_amount(text: str, start: int, end: int, sign: str = "") -> NoReturn:
    cut = _Cut(_BAD_AMOUNT, text, start, end)
    number, fraction, word = cut["number"] or "", cut["fraction"], cut["word"] or ""
    if fraction is not None:
        whole = _whole_units(number, fraction, word, sign)
        raise error(
            "fraction",
            pos=cut.start,
            end=cut.stop("fraction"),
            hint="hint.whole-units" if whole else "hint.smaller-units",
            number=number + fraction,
            fix=whole,
        )
    if not word or word.lower() in WORDS:
        raise error(
            "missing-unit",
            pos=cut.start,
            end=cut.stop("number"),
            hint="hint.add-unit",
            number=number,
        )
    suggestion = _nearest_unit(word)
    raise error(
        "unknown-unit",
        pos=cut.pos("word"),
        end=cut.stop("word"),
        hint="hint.did-you-mean" if suggestion else "hint.units",
        word=word,
        suggestion=suggestion,
    )


# Each unit in the next smaller one it divides into exactly.
_SMALLER = {
    Unit.YEARS: (12, Unit.MONTHS), Unit.WEEKS: (7, Unit.DAYS), Unit.DAYS: (24, Unit.HOURS),
    Unit.HOURS: (60, Unit.MINUTES), Unit.MINUTES: (60, Unit.SECONDS),
}  # fmt: skip
_SHORT = {
    Unit.YEARS: "y", Unit.MONTHS: "mon", Unit.WEEKS: "w", Unit.DAYS: "d", Unit.HOURS: "h",
    Unit.MINUTES: "min", Unit.SECONDS: "s",
}  # fmt: skip


def _whole_units(number: str, fraction: str, word: str, sign: str) -> str | None:
    """``-1.5h`` -> ``-1h -30min``: the same span in whole units, or None if there is none.

    Every part carries the sign, since each modifier has its own (docs/language.md §4).
    """
    unit = UNIT_SPELLINGS.get(word.lower())
    digits = fraction[1:]
    numerator, scale = int(number + digits), 10 ** len(digits)
    parts = []
    while unit is not None:
        count, numerator = divmod(numerator, scale)
        if count:
            parts.append(f"{sign}{count}{_SHORT[unit]}")
        if not numerator:
            return " ".join(parts) or f"{sign}0{_SHORT[unit]}"
        factor, unit = _SMALLER.get(unit, (0, None))
        numerator *= factor
    return None


def _nearest_unit(word: str) -> str | None:
    lowered = word.lower()
    return _UNIT_ALIASES.get(lowered) or closest(lowered, UNIT_SPELLINGS)


def _word(text: str, start: int, end: int) -> NoReturn:
    token = text[start:end]
    lowered = token.lower()
    if token == "M":
        raise error("ambiguous-unit", pos=start, end=end, hint="hint.m-or-mon-number")
    if lowered == "t":
        raise error("unknown-word", pos=start, end=end, hint="hint.t-joins", word=token)
    if lowered in UNIT_SPELLINGS:
        raise error("missing-number", pos=start, end=end, hint="hint.number-first", unit=token)
    suggestion = closest(lowered, WORDS) or _nearest_unit(lowered)
    raise error(
        "unknown-word",
        pos=start,
        end=end,
        hint="hint.did-you-mean" if suggestion else None,
        word=token,
        suggestion=suggestion,
    )


def _wide_year(text: str, start: int, end: int) -> NoReturn:
    year_end = text.index("-", start + 1)
    raise error(
        "out-of-range", "out-of-range.year", pos=start, end=year_end, year=text[start:year_end]
    )


def _day_word(text: str, start: int, end: int) -> DayWord:
    word = text[start:end].lower()
    return DayWord(start, end, word, _DAY_WORDS[word])


def _time_word(text: str, start: int, end: int) -> WallTime:
    word = text[start:end].lower()
    return WallTime(start, end, word, _TIME_WORDS[word], None)


def _now(text: str, start: int, end: int) -> Now:
    return Now(start, end)


# -- fast paths ----------------------------------------------------------------
#
# Most timestamps, dates and times are written plainly: two digits a field,
# values in range, an offset of a shape the format takes. Each reader below
# reads such a token with one match and one constructor call, and gives any
# other token (or any value the constructor refuses) to the full reader,
# which reads it the same way or says what is wrong with it; the property
# tests in tests/test_properties.py hold the two to the same outcome.

_DATE = r"([0-9]{4})-([0-9]{2})-([0-9]{2})"
_TIME = r"([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{0,9}))?)?"
# The offsets an ISO date-time, date or time takes (+HHMM is the recommended format's).
_COLON_OFFSET = r"(Z|z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?"
_RECOMMENDED = _Shape(_DATE + r"T([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{3})([+-][0-9]{4})\Z")
_PLAIN_DATE_TIME = _Shape(
    _DATE + "[Tt]" + _TIME + r"(Z|z|[+-][0-9]{2}(?::[0-9]{2}(?::[0-9]{2})?)?)?\Z"
)
_PLAIN_DATE = _Shape(_DATE + _COLON_OFFSET + r"\Z")
_PLAIN_BASIC_DATE = _Shape(
    r"([0-9]{4})([0-9]{2})([0-9]{2})(Z|z|[+-][0-9]{2}(?:[0-9]{2}(?:[0-9]{2})?)?)?\Z"
)
_PLAIN_TIME = _Shape(_TIME + _COLON_OFFSET + r"\Z")


def _date_time_fast(text: str, start: int, end: int) -> Timestamp:
    """``_date_time`` for a plain recommended, offset or local date-time."""
    try:
        # The recommended format has 28 characters: others skip its regex.
        match = _RECOMMENDED.match(text, start, end) if end - start == 28 else None
        if match is not None:
            year, month, day, hour, minute, second, millis, raw = match.groups()
            local = datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second),
                int(millis) * 1000,
            )  # fmt: skip
            name = "recommended"
        else:
            match = _PLAIN_DATE_TIME.match(text, start, end)
            if match is None:
                return _date_time(text, start, end)
            year, month, day, hour, minute, second, fraction, raw = match.groups()
            local = datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
                int((fraction or "")[:6].ljust(6, "0")),
            )  # fmt: skip
            name = "ISO_LOCAL_DATE_TIME" if raw is None else "ISO_OFFSET_DATE_TIME"
        if raw is None:
            return Timestamp(start, end, name, local, None, None, None)
        offset = _offset_duration(raw)
        instant = wall_time(local, UTC) - offset
    except (ValueError, OverflowError):  # day 31 of a 30-day month, hour 24, :60, year 0000
        return _date_time(text, start, end)
    return Timestamp(start, end, name, local, offset, None, instant)


def _plain_date(pattern: _Shape, name: str, text: str, start: int, end: int) -> CalendarDate | None:
    match = pattern.match(text, start, end)
    if match is None:
        return None
    year, month, day, raw = match.groups()
    try:
        value = date(int(year), int(month), int(day))
        offset = None if raw is None else _offset_duration(raw)
    except ValueError:
        return None
    return CalendarDate(start, end, name, value, offset)


def _iso_date_fast(text: str, start: int, end: int) -> CalendarDate:
    return _plain_date(_PLAIN_DATE, "ISO_DATE", text, start, end) or _iso_date(text, start, end)


def _basic_date_fast(text: str, start: int, end: int) -> CalendarDate:
    plain = _plain_date(_PLAIN_BASIC_DATE, "BASIC_ISO_DATE", text, start, end)
    return plain or _basic_date(text, start, end)


def _iso_time_fast(text: str, start: int, end: int) -> WallTime:
    match = _PLAIN_TIME.match(text, start, end)
    if match is not None:
        hour, minute, second, fraction, raw = match.groups()
        try:
            value = time(
                int(hour), int(minute), int(second or 0), int((fraction or "")[:6].ljust(6, "0"))
            )
            offset = None if raw is None else _offset_duration(raw)
        except ValueError:
            pass
        else:
            return WallTime(start, end, "ISO_TIME", value, offset)
    return _iso_time(text, start, end)


# An RFC 1123 date-time as written: the weekday (if any), day, month, year,
# time and offset in one match; names are looked up, not searched.
_PLAIN_RFC_1123 = _Shape(
    r"(?:([A-Za-z]{3}), )?([0-9]{1,2}) ([A-Za-z]{3}) ([0-9]{4}) "
    r"([0-9]{2}):([0-9]{2})(?::([0-9]{2}))? ([A-Za-z]{3}|[+-][0-9]{4})\Z"
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS, 1)}
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(_WEEKDAYS)}


def _rfc_1123_fast(text: str, start: int, end: int) -> Timestamp:
    """``_rfc_1123`` for a plain RFC 1123 date-time whose names, values and weekday agree."""
    match = _PLAIN_RFC_1123.match(text, start, end)
    if match is None:
        return _rfc_1123(text, start, end)
    weekday, day, month, year, hour, minute, second, raw = match.groups()
    number = _MONTH_NUMBERS.get(month.lower())
    try:
        if number is None:
            raise ValueError(month)
        local = datetime(int(year), number, int(day), int(hour), int(minute), int(second or 0))
        if weekday is not None and _WEEKDAY_NUMBERS.get(weekday.lower()) != local.weekday():
            raise ValueError(weekday)
        # Another name than GMT, an offset out of range: the full reader says which.
        offset = timedelta(0) if raw.upper() == "GMT" else _offset_duration(raw)
        instant = wall_time(local, UTC) - offset
    except (ValueError, OverflowError):  # a BhtimeError is a ValueError too
        return _rfc_1123(text, start, end)
    return Timestamp(start, end, "RFC_1123_DATE_TIME", local, offset, None, instant)


def _ascii_digits(text: str) -> bool:
    # str.isdigit alone takes any Unicode digit (``²``, ``٣``): the grammar takes 0-9 only.
    return text.isascii() and text.isdigit()


# -- whole texts ---------------------------------------------------------------
#
# A text that is one timestamp written plainly (two digits a field, a date's
# four-digit year, an offset a format takes) is read whole, before the lexer:
# its shape, each character's class, names its one reader. For such a text
# the grammar cuts one token, which the fast readers above read as the reader
# of its shape does (tests/test_fast_paths.py holds the two to one item). A
# value a constructor refuses, or any doubt, gives None: the general path
# reads the text again and says what is wrong with it.

# Each ASCII character's class in a shape: digits are 0, letters a, the rest themselves.
_CLASSES = bytes(
    ord("0") if chr(code).isdigit() else ord("a") if chr(code).isalpha() else code
    for code in range(128)
).ljust(256, b"?")
# Longer than every shape below: the longest is a zoned date-time with a
# 48-character zone name (MAX_ZONE_LENGTH), which no IANA name reaches.
_LONGEST_PLAIN = 80
_ZONED_PREFIXES = (b"0000-00-00a00:00:00+00:00[", b"0000-00-00a00:00:00-00:00[")
_MONTH_DIGITS = {name: f"{number:02d}" for number, name in enumerate(_MONTHS, 1)}
_NO_OFFSET = timedelta(0)
# Made in C, as each item class's own __new__ makes it once its arguments are
# bound: the whole-text readers give every field, in order.
_record = tuple.__new__


def read_plain_text(text: str) -> Item | None:
    """The item of a whole ``text`` that is one timestamp written plainly, or None.

    An ISO date (``2011-12-03``), basic date (``20111203``), ISO local,
    offset or zoned date-time or instant (``2011-12-03T10:15:30``, ``…Z``,
    ``…+01:00``, ``…+01:00[Europe/Paris]``), the recommended format, an ISO
    time (``10:15:30+01:00``) or an RFC 1123 date-time. Checked by shape,
    without the lexer; once the shape is checked, ``fromisoformat`` reads
    exactly these fields (on every Python from 3.10) in a fifth of the time
    of ``int`` on slices.
    """
    if not 8 <= len(text) <= _LONGEST_PLAIN or not text.isascii():
        return None
    shape = text.encode().translate(_CLASSES)
    reader = _SHAPES.get(shape)
    if reader is None:
        if not (shape.startswith(_ZONED_PREFIXES) and text[-1] == "]"):
            return None
        reader = _plain_zoned
    try:
        return reader(text)
    except (ValueError, OverflowError):  # day 31 of a 30-day month, year 0000, hour 24, :60
        return None


# The readers bound once: ``date.fromisoformat`` makes a bound method of the
# class on each call, which costs the call half again.
_date_from_iso = date.fromisoformat
_datetime_from_iso = datetime.fromisoformat
_time_from_iso = time.fromisoformat


def _plain_iso_date(text: str) -> Item | None:
    return _record(CalendarDate, (0, 10, "ISO_DATE", _date_from_iso(text), None))


def _plain_basic_date(text: str) -> Item | None:
    return _record(CalendarDate, (0, 8, "BASIC_ISO_DATE", _basic_date_value(text), None))


if sys.version_info >= (3, 11):
    # Reads YYYYMMDD itself, as it reads YYYY-MM-DD: in a quarter of the time
    # of the extended text built from slices.
    _basic_date_value = _date_from_iso
else:  # pragma: no cover - coverage runs on one Python from 3.11; nox runs 3.10

    def _basic_date_value(text: str) -> date:
        # Python 3.10 reads only the extended form.
        return date.fromisoformat(f"{text[:4]}-{text[4:6]}-{text[6:]}")


def _plain_local(text: str) -> Item | None:
    if text[10] not in "Tt":
        return None
    local = _datetime_from_iso(text)
    return _record(Timestamp, (0, 19, "ISO_LOCAL_DATE_TIME", local, None, None, None))


def _plain_offset(text: str) -> Item | None:
    """An ISO instant or offset date-time whose offset is ``Z`` or ``+HH:MM``."""
    if text[10] not in "Tt" or text[19] not in "Zz+-":
        return None
    local = _datetime_from_iso(text[:19])
    offset = _offset_duration(text[19:])
    instant = wall_time(local, UTC) - offset
    item = (0, len(text), "ISO_OFFSET_DATE_TIME", local, offset, None, instant)
    return _record(Timestamp, item)


def _plain_recommended(text: str) -> Item | None:
    if text[10] != "T":
        return None
    local = _datetime_from_iso(text[:23])
    offset = _offset_duration(text[23:])
    instant = wall_time(local, UTC) - offset
    return _record(Timestamp, (0, 28, "recommended", local, offset, None, instant))


def _plain_zoned(text: str) -> Item | None:
    """An ISO zoned date-time whose offset is ``+HH:MM`` and one its zone uses then."""
    name = text[26:-1]
    if text[10] not in "Tt" or "]" in name:
        return None
    local = _datetime_from_iso(text[:19])
    offset = _offset_duration(text[19:25])
    instant = wall_time(local, UTC) - offset
    zone = zone_id(name)
    # The zone asked directly, as _tz.shown_once does: its offset needs no check.
    if zone.utcoffset(instant.astimezone(zone)) != offset:
        return None
    item = (0, len(text), "ISO_ZONED_DATE_TIME", local, offset, name, instant)
    return _record(Timestamp, item)


def _plain_iso_time(text: str) -> Item | None:
    """An ISO time with seconds, and perhaps ``Z`` or ``+HH:MM``."""
    raw = text[8:]
    if raw not in ("", "Z", "z") and raw[0] not in "+-":
        return None
    value = _time_from_iso(text[:8])
    offset = _offset_duration(raw) if raw else None
    return _record(WallTime, (0, len(text), "ISO_TIME", value, offset))


def _plain_rfc_1123(text: str) -> Item | None:
    """An RFC 1123 date-time whose names, values and weekday agree, at ``GMT`` or ``+HHMM``."""
    parts = text.split(" ")
    weekday = parts.pop(0)[:3].lower() if len(parts) == 6 else None
    day, month, year, clock, raw = parts
    digits = _MONTH_DIGITS.get(month.lower())
    named = raw[0] not in "+-"
    if digits is None or (named and raw.upper() != "GMT"):
        return None
    local = datetime.fromisoformat(f"{year}-{digits}-{day.zfill(2)}T{clock}")
    if weekday is not None and _WEEKDAY_NUMBERS.get(weekday) != local.weekday():
        return None
    if named:  # GMT: the wall time is UTC's
        offset, instant = _NO_OFFSET, datetime.combine(local, local.time(), UTC)
    else:
        offset = _offset_duration(raw)
        instant = wall_time(local, UTC) - offset
    item = (0, len(text), "RFC_1123_DATE_TIME", local, offset, None, instant)
    return _record(Timestamp, item)


def _rfc_1123_shapes() -> list[str]:
    """Every shape ``_plain_rfc_1123`` reads: weekday or not, a day of one or two
    digits, seconds or not, a name (``GMT``) or a signed offset."""
    return [
        f"{weekday}{day} aaa 0000 00:00{seconds} {offset}"
        for weekday in ("", "aaa, ")
        for day in ("0", "00")
        for seconds in ("", ":00")
        for offset in ("aaa", "+0000", "-0000")
    ]


_SHAPES: dict[bytes, Callable[[str], Item | None]] = {
    b"0000-00-00": _plain_iso_date,
    b"00000000": _plain_basic_date,
    b"0000-00-00a00:00:00": _plain_local,
    b"0000-00-00a00:00:00a": _plain_offset,
    b"0000-00-00a00:00:00+00:00": _plain_offset,
    b"0000-00-00a00:00:00-00:00": _plain_offset,
    b"0000-00-00a00:00:00.000+0000": _plain_recommended,
    b"0000-00-00a00:00:00.000-0000": _plain_recommended,
    b"00:00:00": _plain_iso_time,
    b"00:00:00a": _plain_iso_time,
    b"00:00:00+00:00": _plain_iso_time,
    b"00:00:00-00:00": _plain_iso_time,
    **dict.fromkeys((shape.encode() for shape in _rfc_1123_shapes()), _plain_rfc_1123),
}


def clear_offsets() -> None:
    """Forget the offsets, modifiers and pieces read so far (see ``_parse.clear_caches``)."""
    _offset_duration.cache_clear()
    _MEANINGS.clear()
    _PIECES.clear()
    clear_times()


# Each terminal that is an item on its own, and its reader: `(text, start, end)`
# of the token to the item, or a ParseError (docs/language.md §2-4).
_READERS: dict[str | None, Callable[[str, int, int], Item]] = {
    "DATE_TIME": _date_time_fast,
    "RFC_1123": _rfc_1123_fast,
    "ISO_DATE": _iso_date_fast,
    "BASIC_DATE": _basic_date_fast,
    "WIDE_YEAR": _wide_year,
    "DAY_WORD": _day_word,
    "ISO_TIME": _iso_time_fast,
    "TIME_WORD": _time_word,
    "NOW": _now,
    "AMOUNT": _modifier,
    "SIGNED_AMOUNT": _modifier,
    "BAD_AMOUNT": _bad_amount,
    "WORD": _word,
}


def read_token(text: str, kind: str, start: int, end: int) -> Item:
    """The item of one ``kind`` token, ``text[start:end]``."""
    return _READERS[kind](text, start, end)


def read_item(text: str, kind: str, first: re.Match[str], last: re.Match[str]) -> Item:
    """The item the grammar made of ``first`` (a ``kind`` token) to ``last``: one token, or a
    sign and its amount.

    The only item of two tokens is a sign with a bad amount after it
    (``- 1.5h``): always an error, whose hint keeps the sign.
    """
    if first is not last:
        _bad_amount(text, last.start(), last.end(), first.group())
    return _READERS[kind](text, first.start(), first.end())


# -- runs of words and modifiers ---------------------------------------------
#
# Relative texts (``now -12 hours +1min``, ``tomorrow 14:00``, ``+3 days``) are
# the commonest after timestamps, and are mostly written with spaces between
# their items. Such a text is read piece by piece, each piece (what lies
# between spaces) looked up: a word, a modifier (``+1min``, ``12h``), a number
# and then its unit (``-12 hours``), or a plain HH:mm(:ss) time. For these
# texts the lexer cuts the same tokens (docs/language.md §2): every other
# terminal needs a character they lack (a '-' or 'T' after four digits, a ',',
# or a time right after a number and a three-letter word, which is not read
# here), and a space ends each token. Anything else, a tab, a sign glued to
# the item before it, goes to the general path, which also reports every error
# (tests/test_fast_paths.py holds the two to one outcome).

# What a piece is: the record it makes and the fields after its position
# (``(Modifier, (amount, unit))``, ``(DayWord, ("tomorrow", 1))``); a number
# waiting for its unit is ``(None, amount)``, a unit ``(Unit, unit)``.
_Piece = tuple[type | None, object]
_RUN_WORDS: dict[str, _Piece] = {
    "now": (Now, ()),
    **{word: (DayWord, (word, days)) for word, days in _DAY_WORDS.items()},
    **{word: (WallTime, (word, value, None)) for word, value in _TIME_WORDS.items()},
}
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Pieces read so far: at most 4,096 of at most 24 characters.
_PIECES: dict[str, _Piece] = {}
_kept_piece = _PIECES.get  # bound once (the dict is cleared in place, never replaced)
_new_tuple = tuple.__new__  # a record made in C: Modifier(...) runs Python code


# A run's items in order, and how they sort (docs/language.md §5): ``now``, the
# day word, the time of day (each at most once) and the modifiers.
Run = tuple[list[Item], Item | None, Item | None, Item | None, list[Modifier]]


def read_run(text: str) -> Run | None:
    """The items of ``text`` when it is a run of words, modifiers and plain times, or None.

    None also for an item the grammar would not take there, a fault in one,
    or two that set the same field: the general path reports it, by its
    rules of which error comes first.
    """
    items: list[Item] = []
    modifiers: list[Modifier] = []
    now: Item | None = None
    day: Item | None = None
    clock: Item | None = None
    pos = start = 0
    number = None  # a number waiting for its unit, which began at start
    for piece in text.split(" "):
        if not piece:  # between two spaces
            pos += 1
            continue
        found = _kept_piece(piece) or _read_piece(piece)
        if found is None:
            return None
        end = pos + len(piece)
        record, fields = found
        if number is not None:
            if record is not Unit:
                return None
            item = _new_tuple(Modifier, (start, end, number, fields))
            number = None
            modifiers.append(item)
        elif record is None:
            start, number = pos, fields
        elif record is Modifier:
            item = _new_tuple(Modifier, (pos, end, *fields))  # type: ignore[misc]
            modifiers.append(item)
        elif record is Unit:  # a unit with no number before it
            return None
        else:  # a word or a time; each field is set once (else: the general path's conflict)
            item = _new_tuple(record, (pos, end, *fields))  # type: ignore[misc]
            if record is DayWord:
                if day or now:
                    return None
                day = item
            elif record is WallTime:
                if clock or now:
                    return None
                clock = item
            else:
                if day or clock or now:
                    return None
                now = item
        if number is None:
            items.append(item)
        pos = end + 1
    if not items or number is not None:
        return None
    return items, now, day, clock, modifiers


def _read_piece(piece: str) -> _Piece | None:
    """What ``piece`` is (kept, when short and while there is room), or None."""
    found = _piece_meaning(piece)
    if found is not None and len(piece) <= _MEANING_LONGEST and len(_PIECES) < _MEANING_COUNT:
        _PIECES[piece] = found
    return found


def _piece_meaning(piece: str) -> _Piece | None:
    # Amounts first: words and units are few, and kept once met.
    signed = piece[0] in "+-"
    body = piece[1:] if signed else piece
    digits = body.rstrip(_ASCII_LETTERS)
    if digits.isascii() and digits.isdigit():  # _ascii_digits, one call sooner
        amount = -int(digits) if piece[0] == "-" else int(digits)
        letters = body[len(digits) :]
        if not letters:
            return (None, amount)
        unit = _unit(letters)
        return None if unit is None else (Modifier, (amount, unit))
    if digits:
        return _clock_piece(piece) if piece[2:3] == ":" else None
    word = _RUN_WORDS.get(piece.lower())
    if word is not None:
        return word
    unit = None if signed else _unit(piece)
    return None if unit is None else (Unit, unit)


def _unit(letters: str) -> Unit | None:
    """The unit ``letters`` spell in any case; None for ``M``: minutes or months? an error says."""
    unit = UNIT_SPELLINGS.get(letters)
    if unit is None and letters != "M":
        unit = UNIT_SPELLINGS.get(letters.lower())
    return unit


def _clock_piece(piece: str) -> _Piece | None:
    """A plain HH:mm or HH:mm:ss, as ISO_TIME reads it; None for any other shape or value."""
    if len(piece) not in (5, 8) or (len(piece) == 8 and piece[5] != ":"):
        return None
    if not _ascii_digits(piece[:2] + piece[3:5] + piece[6:]):
        return None
    try:  # the shape is checked: fromisoformat reads just these fields
        value = _time_from_iso(piece)
    except ValueError:  # hour 24, minute 60, a leap second: the full reader says which
        return None
    return (WallTime, ("ISO_TIME", value, None))
