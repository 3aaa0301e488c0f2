"""The parsed expression: immutable items that each know where they stand.

Every item carries ``pos`` and ``end``, the slice of the text it was cut from,
so that any later error (a conflict, a range error while evaluating) can point
at it. Items are named tuples, as the stdlib's ``tokenize.TokenInfo`` is: as
immutable as a frozen dataclass, and made in C, which matters when a parse
makes several of them.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import NamedTuple
else:
    from ._records import NamedTuple

__all__ = [
    "CalendarDate",
    "DayWord",
    "Expression",
    "Item",
    "Modifier",
    "Now",
    "Timestamp",
    "Unit",
    "WallTime",
]


class Unit(enum.Enum):
    """A modifier's unit; the value is the canonical plural spelling."""

    YEARS = "years"
    MONTHS = "months"
    WEEKS = "weeks"
    DAYS = "days"
    HOURS = "hours"
    MINUTES = "minutes"
    SECONDS = "seconds"

    # Members are singletons: hash them by identity, in C, not by name in Python;
    # the evaluator looks units up in dicts on its hot path.
    __hash__ = object.__hash__

    @property
    def is_calendar(self) -> bool:
        """Calendar units move the wall clock, the others the timeline (docs/language.md §6)."""
        return self in _CALENDAR_UNITS


_CALENDAR_UNITS = frozenset({Unit.YEARS, Unit.MONTHS, Unit.WEEKS, Unit.DAYS})


class Timestamp(NamedTuple):
    """A date, a time and (unless ISO_LOCAL_DATE_TIME) an offset, as written."""

    pos: int
    end: int
    format: str
    local: datetime
    """Naive wall-clock date-time; a leap second already read as :59."""
    offset: timedelta | None
    zone: str | None
    """The ``[zone]`` of ISO_ZONED_DATE_TIME, verbatim."""
    instant: datetime | None
    """``local`` minus ``offset``, in UTC, when the offset is written."""


class CalendarDate(NamedTuple):
    """A written date: ISO_DATE or BASIC_ISO_DATE."""

    pos: int
    end: int
    format: str
    value: date
    offset: timedelta | None


class DayWord(NamedTuple):
    """``today``, ``yesterday`` or ``tomorrow``: today in the user zone plus ``days``."""

    pos: int
    end: int
    word: str
    days: int


class WallTime(NamedTuple):
    """A time of day: ISO_TIME, ``noon`` or ``midnight``."""

    pos: int
    end: int
    format: str
    value: time
    offset: timedelta | None


class Now(NamedTuple):
    """The word ``now``: the current instant."""

    pos: int
    end: int


class Modifier(NamedTuple):
    """A signed amount of one unit, such as ``-12 hours``."""

    pos: int
    end: int
    amount: int
    unit: Unit


Item = Timestamp | CalendarDate | DayWord | WallTime | Now | Modifier


class Expression:
    """A parsed expression: its text, its items, and the parts of its anchor.

    Immutable, so that parses of one text may share one expression (a text
    read again is kept, and its later parses return the kept one). Two
    expressions are equal when their texts are; an expression pickles as its
    text and is parsed again when unpickled (``bhtime._parse`` registers how).

    >>> import bhtime
    >>> expr = bhtime.parse("tomorrow 14:00")
    >>> str(expr), [type(item).__name__ for item in expr.items]
    ('tomorrow 14:00', ['DayWord', 'WallTime'])
    """

    __slots__ = ("date", "items", "modifiers", "now", "text", "time", "timestamp")

    if TYPE_CHECKING:
        text: str
        items: tuple[Item, ...]
        timestamp: Timestamp | None
        date: CalendarDate | DayWord | None
        time: WallTime | None
        now: Now | None
        modifiers: tuple[Modifier, ...]

    def __init__(
        self,
        text: str,
        items: tuple[Item, ...],
        timestamp: Timestamp | None,
        date: CalendarDate | DayWord | None,
        time: WallTime | None,
        now: Now | None,
        modifiers: tuple[Modifier, ...],
    ) -> None:
        _TEXT(self, text)
        _ITEMS(self, items)
        _TIMESTAMP(self, timestamp)
        _DATE(self, date)
        _TIME(self, time)
        _NOW(self, now)
        _MODIFIERS(self, modifiers)

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError  # noqa: PLC0415 - only on misuse

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError  # noqa: PLC0415 - only on misuse

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Expression({self.text!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Expression):
            return self.text == other.text
        return NotImplemented

    def __hash__(self) -> int:
        return hash((Expression, self.text))


# Each slot's own setter: Expression.__setattr__ refuses every assignment.
_TEXT: Callable[[Expression, str], None] = Expression.__dict__["text"].__set__
_ITEMS: Callable[[Expression, tuple[Item, ...]], None] = Expression.__dict__["items"].__set__
_TIMESTAMP: Callable[[Expression, Timestamp | None], None] = Expression.__dict__[
    "timestamp"
].__set__
_DATE: Callable[[Expression, CalendarDate | DayWord | None], None] = Expression.__dict__[
    "date"
].__set__
_TIME: Callable[[Expression, WallTime | None], None] = Expression.__dict__["time"].__set__
_NOW: Callable[[Expression, Now | None], None] = Expression.__dict__["now"].__set__
_MODIFIERS: Callable[[Expression, tuple[Modifier, ...]], None] = Expression.__dict__[
    "modifiers"
].__set__
