"""``Expression`` + zone + now -> an aware datetime: the anchor, then the modifiers.

SPEC §6: the anchor is built from the date, time and timestamp items and gets
its zone (the *step zone*); each modifier then moves it in that zone, calendar
units on the wall clock and clock units on the timeline; the result is shown
in the user zone.
"""

from __future__ import annotations

import calendar
from datetime import datetime, time, timedelta, tzinfo

from ._ast import CalendarDate, Expression, Item, Modifier, Unit
from ._errors import RangeError
from ._parse import parse
from ._tz import UTC, fixed_offset, place, shift_exact, user_zone, zone_id

__all__ = ["evaluate", "read_now"]

_SECONDS = {Unit.HOURS: 3600, Unit.MINUTES: 60, Unit.SECONDS: 1}
_DAYS = {Unit.WEEKS: 7, Unit.DAYS: 1}
_MONTHS = {Unit.YEARS: 12, Unit.MONTHS: 1}


def evaluate(
    expr: Expression | str, /, *, zone: str | tzinfo, now: datetime | None = None
) -> datetime:
    """The instant ``expr`` means, as an aware datetime in ``zone``.

    >>> import bhtime
    >>> from datetime import datetime, timezone
    >>> now = datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)
    >>> bhtime.evaluate("tomorrow 14:00", zone="Europe/Moscow", now=now).isoformat()
    '2017-04-26T14:00:00+03:00'
    """
    expression = expr if isinstance(expr, Expression) else parse(expr)
    user = user_zone(zone)
    current = read_now(now)
    moment = _guarded(expression, expression.items[0], _anchor, expression, user, current)
    for modifier in expression.modifiers:
        moment = _guarded(expression, modifier, _apply, moment, modifier)
    return _guarded(expression, expression.items[-1], _in_zone, moment, user)


def read_now(now: datetime | None) -> datetime:
    """The current instant: ``now`` if given (it must be aware), else the system clock."""
    if now is None:
        return datetime.now(UTC)
    if not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime, not {type(now).__name__}")
    if now.utcoffset() is None:
        raise TypeError("now must be an aware datetime; a naive one has no instant")
    return now


def _guarded(expression: Expression, item: Item, step, *args):  # type: ignore[no-untyped-def]
    """Run one step of the evaluation; a year leaving 0001-9999 becomes a RangeError."""
    try:
        return step(*args)
    except (OverflowError, ValueError) as error:
        if isinstance(error, RangeError):
            raise
        raise RangeError(
            f"{expression.text[item.pos : item.end]!r} takes the date outside the years 0001-9999",
            code="out-of-range",
            text=expression.text,
            pos=item.pos,
        ) from None


def _anchor(expression: Expression, user: tzinfo, current: datetime) -> datetime:
    """SPEC §6 step 1: the instant the modifiers start from, in its step zone."""
    stamp = expression.timestamp
    if stamp is not None:
        if stamp.instant is None:
            return _checked(place(stamp.local, user)[0])
        step_zone = zone_id(stamp.zone) if stamp.zone else fixed_offset(stamp.offset or timedelta(0))
        return stamp.instant.astimezone(step_zone)
    day, clock = expression.date, expression.time
    local_now = current.astimezone(user)
    if day is None and clock is None:
        return local_now
    offset = (day.offset if isinstance(day, CalendarDate) else None) or (
        clock.offset if clock is not None else None
    )
    step_zone = user if offset is None else fixed_offset(offset)
    if isinstance(day, CalendarDate):
        date_value = day.value
    else:
        date_value = local_now.date() + timedelta(days=day.days if day is not None else 0)
    if clock is not None:
        time_value = clock.value
    elif isinstance(day, CalendarDate):
        time_value = time(0)
    else:
        # A day word alone keeps now's time of day and, in an overlap, now's
        # offset, as now.plusDays(n) does (SPEC §6).
        local = datetime.combine(date_value, local_now.time())
        return _checked(place(local, step_zone, local_now.utcoffset())[0])
    return _checked(place(datetime.combine(date_value, time_value), step_zone)[0])


def _apply(moment: datetime, modifier: Modifier) -> datetime:
    """SPEC §6 step 2: one modifier, in the step zone the moment is held in."""
    unit, amount = modifier.unit, modifier.amount
    if unit in _SECONDS:
        return _checked(shift_exact(moment, timedelta(seconds=amount * _SECONDS[unit])))
    local = moment.replace(tzinfo=None)
    if unit in _MONTHS:
        local = _plus_months(local, amount * _MONTHS[unit])
    else:
        local = local + timedelta(days=amount * _DAYS[unit])
    assert moment.tzinfo is not None
    return _checked(place(local, moment.tzinfo, moment.utcoffset())[0])


def _plus_months(local: datetime, months: int) -> datetime:
    """As LocalDateTime.plusMonths: the day of month clamped to the month's last."""
    year, month_index = divmod(local.year * 12 + local.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    month = month_index + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


def _in_zone(moment: datetime, user: tzinfo) -> datetime:
    return moment if moment.tzinfo is user else _checked(moment.astimezone(user))


def _checked(moment: datetime) -> datetime:
    """``moment`` itself, once its UTC reading is known to fall in 0001-9999 (SPEC §8)."""
    offset = moment.utcoffset()
    assert offset is not None
    moment.replace(tzinfo=None) - offset  # raises OverflowError outside the range
    return moment
