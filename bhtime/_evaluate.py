"""``Expression`` + zone + now -> an aware datetime: the anchor, then the modifiers.

docs/language.md §6: the anchor is built from the date, time and timestamp items and gets
its zone (the *step zone*); each modifier then moves it in that zone, calendar
units on the wall clock and clock units on the timeline; the result is shown
in the user zone. When asked, every step is recorded for ``explain``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

from ._ast import CalendarDate, Expression, Item, Modifier, Unit, WallTime
from ._calendar import days_in_month
from ._errors import BhtimeError, error
from ._format import format_instant
from ._parse import parse
from ._tz import (
    MAX_ZONE_LENGTH,
    MIDNIGHT,
    POLICIES,
    UTC,
    Ambiguous,
    Placement,
    fixed_offset,
    named_user_zone,
    offset_of,
    offset_text,
    place,
    settle,
    shown_once,
    unique_wall_time,
    user_zone,
    wall_time,
    zone_id,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple

    from ._tz import Policy
else:  # typing is slow to import: see _records
    from ._records import NamedTuple

__all__ = ["Step", "evaluate", "read_now", "resolve", "run"]

_SECONDS = {Unit.HOURS: 3600, Unit.MINUTES: 60, Unit.SECONDS: 1}
# yesterday, today and tomorrow: the days a day word moves now's date by.
_DAY_STEPS = {days: timedelta(days) for days in (-1, 0, 1)}
_DAYS = {Unit.WEEKS: 7, Unit.DAYS: 1}
_MONTHS = {Unit.YEARS: 12, Unit.MONTHS: 1}


# A named tuple, not a dataclass: dataclasses imports inspect, which costs a
# first call more than all of bhtime's own modules.
class Step(NamedTuple):
    """One step of an evaluation: which items, what they gave, how it was placed."""

    kind: str
    """``anchor``, ``modifier`` or ``result``."""
    items: tuple[Item, ...]
    before: datetime | None
    after: datetime
    placement: Placement
    """Where the step's wall-clock time fell; UNIQUE for steps on the timeline."""
    local: datetime | None = None
    """The wall-clock time that was placed, for anchors and calendar modifiers."""


def evaluate(
    expr: Expression | str,
    /,
    *,
    zone: str | tzinfo,
    now: datetime | None = None,
    disambiguate: Policy = "compatible",
) -> datetime:
    """The instant ``expr`` means, as an aware datetime in ``zone``.

    ``disambiguate`` says how the anchor's wall-clock time is placed in a gap or
    an overlap: ``compatible`` (docs/language.md §6, the default), ``earlier``, ``later``,
    or ``raise``. Modifiers always follow docs/language.md §6 step 2.

    >>> import bhtime
    >>> from datetime import datetime, timezone
    >>> now = datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)
    >>> bhtime.evaluate("tomorrow 14:00", zone="Europe/Moscow", now=now).isoformat()
    '2017-04-26T14:00:00+03:00'
    """
    return run(expr, zone=zone, now=now, disambiguate=disambiguate, steps=None)


def resolve(
    text: str | Expression,
    /,
    *,
    zone: str | tzinfo,
    now: datetime | None = None,
    disambiguate: Policy = "compatible",
) -> str:
    """Parse, evaluate and format in one call.

    >>> from datetime import datetime, timezone
    >>> now = datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)
    >>> resolve("tomorrow 14:00", zone="Europe/Moscow", now=now)
    '2017-04-26T14:00:00.000+0300'
    """
    return format_instant(run(text, zone=zone, now=now, disambiguate=disambiguate, steps=None))


def run(
    expr: Expression | str,
    *,
    zone: str | tzinfo,
    now: datetime | None,
    disambiguate: Policy,
    steps: list[Step] | None,
) -> datetime:
    """``evaluate``, recording each step in ``steps`` when it is a list."""
    expression = expr if isinstance(expr, Expression) else parse(expr)
    if disambiguate not in POLICIES:
        raise ValueError(f"disambiguate must be one of {', '.join(POLICIES)}, not {disambiguate!r}")
    if type(zone) is str and len(zone) <= MAX_ZONE_LENGTH:
        user = named_user_zone(zone)  # what user_zone gives, one call sooner: kept per name
    else:
        user = user_zone(zone)
    if type(now) is datetime and type(now.tzinfo) is timezone and 1 < now.year < 9999:
        current = now  # what read_now gives such a now, one call sooner
    else:
        current = read_now(now)
    if steps is None:
        quick = _quick(expression, user, current)
        if quick is not None:
            return quick
    # One guard for every step: `culprit` is the item being applied when a
    # year leaves 0001-9999 or the `raise` policy meets a gap (docs/language.md §8).
    culprit: Item | None = None
    try:
        moment, local, placement = _anchor(expression, user, current, disambiguate)
        if steps is not None:
            anchor = Step("anchor", _anchor_items(expression), None, moment, placement, local)
            steps.append(anchor)
        modifiers = expression.modifiers
        if steps is None and len(modifiers) > 1:
            moment, modifiers = _clock_run(moment, modifiers)
        for culprit in modifiers:
            moment = _apply(moment, culprit, steps)
    except (Ambiguous, OverflowError) as failure:
        if culprit is None and isinstance(failure, OverflowError) and _dated_by_now(expression):
            raise _now_range_error(expression, current) from None
        blamed = culprit or (_anchor_items(expression) or expression.items)[0]
        raise _step_error(expression, blamed, failure) from None
    result = _shown_in(expression, moment, user)
    if steps is not None:
        steps.append(Step("result", (), moment, result, Placement.UNIQUE))
    return result


def _quick(expression: Expression, user: tzinfo, current: datetime) -> datetime | None:
    """The result of the commonest expressions, in fewer steps; None for the others.

    A timestamp with an offset and no modifier is shown in the user zone as it
    is: nothing moves it, so its step zone changes nothing. Any other anchor is
    read in the user zone (docs/language.md §6): ``now``; or a date and a time, or one of
    them (the other from now), when the zone shows that wall time once. Clock
    units that move now alone are added at once (they move the timeline);
    other modifiers are applied in turn. Not near the years 1 and 9999, and
    not when a step leaves the range: the general path says which step did.
    """
    stamp = expression.timestamp
    if stamp is not None:
        instant = stamp.instant
        if instant is None:  # ISO_LOCAL_DATE_TIME: a wall time in the user zone
            moment = unique_wall_time(stamp.local, stamp.local.time(), user)
            return None if moment is None else _moved(moment, expression.modifiers)
        if expression.modifiers or not 1 < instant.year < 9999:
            return None
        return _converted(instant, user, expression.text)
    if not 1 < current.year < 9999:
        # The general path shows now in the user zone first there, which may
        # leave the years (an error, even for a written date): as explain does.
        return None
    day, clock = expression.date, expression.time
    if day is None and clock is None:
        return _now_moved(expression, user, current)
    offset = None
    if type(day) is CalendarDate:
        offset = day.offset
        date_value: date = day.value
    elif clock is None:
        return None  # a day word alone keeps now's time and its offset: the general path
    else:
        local_now = current.astimezone(user)
        if not 1 < local_now.year < 9999:
            return None
        # combine reads a datetime's date as a date's: today's, or another day's.
        date_value = local_now if day is None else local_now + _DAY_STEPS[day.days]  # type: ignore[union-attr]
    if offset is None and clock is not None:
        offset = clock.offset  # Z is timedelta(0): falsy, yet written
    step_zone = user if offset is None else fixed_offset(offset)
    moment = unique_wall_time(date_value, MIDNIGHT if clock is None else clock.value, step_zone)
    if moment is None:
        return None
    modifiers = expression.modifiers
    moved = moment if not modifiers and 1 < moment.year < 9999 else _moved(moment, modifiers)
    if moved is None or step_zone is user:
        return moved
    return _converted(moved, user, expression.text)


def _now_moved(expression: Expression, user: tzinfo, current: datetime) -> datetime | None:
    """``now`` (of a year in 2-9998) and its modifiers: clock units alone added at once,
    others applied in turn."""
    modifiers = expression.modifiers
    total = reach = 0
    for modifier in modifiers:
        seconds = _SECONDS.get(modifier.unit)
        if seconds is None:
            return _moved(current.astimezone(user), modifiers)
        moved = modifier.amount * seconds
        total += moved
        reach += abs(moved)
    if reach > _SAFE_RUN_SECONDS:
        return None
    # current is held at a fixed offset (read_now): aware arithmetic is on the timeline.
    return _converted(current + timedelta(0, total), user, expression.text)


def _moved(moment: datetime, modifiers: tuple[Modifier, ...]) -> datetime | None:
    """The anchor ``moment``, on the user zone's wall clock, moved by each modifier in turn."""
    if not 1 < moment.year < 9999:
        return None
    if not modifiers:
        return moment
    try:
        for modifier in modifiers:
            moment = _apply(moment, modifier, None)
    except OverflowError:
        return None
    return moment


# Far enough from the years 1 and 9999, a run of clock modifiers that moves
# no further than this cannot leave the range at any step.
_SAFE_RUN_SECONDS = 300 * 86400


def _clock_run(
    moment: datetime, modifiers: tuple[Modifier, ...]
) -> tuple[datetime, tuple[Modifier, ...]]:
    """The leading clock modifiers applied as one move, and the modifiers left.

    Clock units move the timeline (docs/language.md §6 step 2), so moving by their sum
    once is moving by each in turn: ``now -12 hours +1min`` is one timedelta.
    Only where no step could leave the range, so no error can differ.
    """
    total = reach = count = 0
    for modifier in modifiers:
        seconds = _SECONDS.get(modifier.unit)
        if seconds is None:
            break
        total += modifier.amount * seconds
        reach += abs(modifier.amount) * seconds
        count += 1
    if count < 2 or reach > _SAFE_RUN_SECONDS or not 1 < moment.year < 9999:
        return moment, modifiers
    zone = moment.tzinfo
    moved = (moment.astimezone(UTC) + timedelta(0, total)).astimezone(zone)
    return moved, modifiers[count:]


def _shown_in(expression: Expression, moment: datetime, user: tzinfo) -> datetime:
    """docs/language.md §6 step 3: the instant in the user zone, its year in 0001-9999 too."""
    if moment.tzinfo is user:
        return moment
    return _converted(moment, user, expression.text)


def _converted(moment: datetime, user: tzinfo, text: str | None) -> datetime:
    """``moment`` on the user zone's wall clock, which must show a year in 0001-9999.

    ``text`` is the expression whose result ``moment`` is, or None when it is
    ``now``: then the text is not at fault, and the error has no position.
    """
    try:
        shown = moment.astimezone(user)
        # Only the years 1 and 9999 need the check (see _checked).
        return shown if 1 < shown.year < 9999 else _checked(shown)
    except OverflowError:
        if text is None:
            raise error(
                "out-of-range",
                "out-of-range.now-shown-in",
                now=format_instant(moment),
                zone=str(user),
            ) from None
        raise error(
            "out-of-range",
            "out-of-range.shown-in",
            text=text,
            pos=0,
            end=len(text),
            zone=str(user),
        ) from None


def _apply(moment: datetime, modifier: Modifier, steps: list[Step] | None) -> datetime:
    """docs/language.md §6 step 2: one modifier, in the step zone ``moment`` is held in."""
    zone = moment.tzinfo
    assert zone is not None
    seconds = _SECONDS.get(modifier.unit)
    if seconds is not None:
        # On the timeline: through UTC, which also range-checks both readings.
        moved = (moment.astimezone(UTC) + timedelta(0, modifier.amount * seconds)).astimezone(zone)
        local, placement = None, Placement.UNIQUE
    else:
        # On the wall clock: aware arithmetic in one zone is wall-clock arithmetic.
        days = _DAYS.get(modifier.unit)
        if days is not None:
            first = moment + timedelta(modifier.amount * days)
        else:
            first = _plus_months(moment, modifier.amount * _MONTHS[modifier.unit])
        if isinstance(zone, timezone) or shown_once(first):
            # Before settle: the offset it would prefer costs a tenth of the step.
            moved, placement = first, Placement.UNIQUE
        else:
            moved, placement = settle(first, moment.utcoffset())
        if moved.year in (1, 9999):  # only these can leave the range (_checked)
            _checked(moved)
        local = wall_time(first, None) if steps is not None else None
    if steps is not None:
        steps.append(Step("modifier", (modifier,), moment, moved, placement, local))
    return moved


def read_now(now: datetime | None) -> datetime:
    """The current instant: ``now`` if given (it must be aware), else the system clock.

    The result is a plain ``datetime``: a subclass (pandas' ``Timestamp``) may
    do arithmetic on the timeline, where bhtime's steps need the wall clock.
    """
    if now is None:
        return datetime.now(UTC)
    if type(now) is datetime and type(now.tzinfo) is timezone and 1 < now.year < 9999:
        return now  # aware, and a fixed offset has no wall time that no clock shows
    if not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime, not {type(now).__name__}")
    if now.tzinfo is None:
        raise TypeError("now must be an aware datetime; a naive one has no instant")
    plain = wall_time(now, now.tzinfo, now.fold)
    offset = offset_of(plain, "now")
    # Through UTC, so that a `now` held in a wall time no clock shows (a gap
    # time in the user zone's own tzinfo) is normalised when shown.
    try:
        return wall_time(wall_time(plain, None) - offset, UTC)
    except OverflowError:
        raise error("out-of-range", "out-of-range.now-utc", now=format_instant(plain)) from None


def _anchor_items(expression: Expression) -> tuple[Item, ...]:
    return tuple(item for item in expression.items if not isinstance(item, Modifier))


def _dated_by_now(expression: Expression) -> bool:
    """Whether the anchor's date is ``now``'s: no timestamp and no calendar date."""
    return expression.timestamp is None and not isinstance(expression.date, CalendarDate)


def _now_range_error(expression: Expression, current: datetime) -> BhtimeError:
    """An anchor out of range because of the date ``now`` gave it: no text can fix it."""
    written = " ".join(expression.text[item.pos : item.end] for item in _anchor_items(expression))
    return error(
        "out-of-range",
        "out-of-range.from-now",
        text=expression.text,
        item=written,
        now=format_instant(current),
    )


def _step_error(expression: Expression, item: Item, failure: Exception) -> BhtimeError:
    if isinstance(failure, Ambiguous):
        return _ambiguous_error(expression, item, failure)
    return error(
        "out-of-range",
        "out-of-range.step",
        text=expression.text,
        pos=item.pos,
        end=item.end,
        item=expression.text[item.pos : item.end],
    )


def _ambiguous_error(expression: Expression, item: Item, ambiguous: Ambiguous) -> BhtimeError:
    return error(
        "skipped-time" if ambiguous.kind is Placement.GAP else "repeated-time",
        text=expression.text,
        pos=item.pos,
        end=item.end,
        hint="hint.disambiguate",
        local=ambiguous.local.isoformat(sep=" ", timespec="minutes"),
        zone=str(ambiguous.zone),
        before=offset_text(ambiguous.before),
        after=offset_text(ambiguous.after),
    )


_Placed = tuple[datetime, datetime | None, Placement]


def _anchor(expression: Expression, user: tzinfo, current: datetime, policy: Policy) -> _Placed:
    """docs/language.md §6 step 1: the instant the modifiers start from, in its step zone."""
    stamp = expression.timestamp
    if stamp is not None:
        if stamp.instant is None:
            return _placed_written(stamp.local, stamp.local.time(), user, policy)
        step_zone = (
            zone_id(stamp.zone) if stamp.zone else fixed_offset(stamp.offset or timedelta(0))
        )
        return stamp.instant.astimezone(step_zone), None, Placement.UNIQUE
    day, clock = expression.date, expression.time
    if isinstance(day, CalendarDate) and 1 < current.year < 9999:
        # The date is written, so now's wall clock is not needed: nor can now
        # leave the years when shown in the user zone, the one error it gives.
        return _calendar_anchor(day, clock, user, policy)
    # Not the text's fault when this leaves the years: pos=None, naming now.
    local_now = _converted(current, user, None)
    if day is None and clock is None:
        return local_now, None, Placement.UNIQUE
    offset = day.offset if isinstance(day, CalendarDate) else None
    if offset is None and clock is not None:
        offset = clock.offset  # Z is timedelta(0): falsy, yet written
    step_zone = user if offset is None else fixed_offset(offset)
    if isinstance(day, CalendarDate):
        date_value: date = day.value
    elif day is None:
        date_value = local_now  # combine reads a datetime's date as a date's
    else:
        # timedelta(n), not timedelta(days=n): the keyword makes the call a third slower.
        date_value = local_now.date() + timedelta(day.days)
    if clock is not None:
        local = datetime.combine(date_value, clock.value)
        return _placed_written(local, clock.value, step_zone, policy)
    if isinstance(day, CalendarDate):
        return _placed(datetime.combine(date_value, MIDNIGHT), step_zone, None, policy)
    # A day word alone keeps now's time of day and, in an overlap, now's
    # offset, as now.plusDays(n) does (docs/language.md §6).
    local = datetime.combine(date_value, local_now.time())
    return _placed(local, step_zone, local_now.utcoffset(), policy)


def _calendar_anchor(
    day: CalendarDate, clock: WallTime | None, user: tzinfo, policy: Policy
) -> _Placed:
    """``_anchor`` for a written date, and perhaps a time: midnight unless the time is given."""
    offset = day.offset
    if offset is None and clock is not None:
        offset = clock.offset  # Z is timedelta(0): falsy, yet written
    step_zone = user if offset is None else fixed_offset(offset)
    value = MIDNIGHT if clock is None else clock.value
    return _placed_written(datetime.combine(day.value, value), value, step_zone, policy)


def _placed_written(local: datetime, clock: time, zone: tzinfo, policy: Policy) -> _Placed:
    """``_placed`` for a written date and time (``local``, fold=0, at ``clock``): its
    commonest case, a time the zone shows once, in one call."""
    moment = unique_wall_time(local, clock, zone)
    if moment is None:
        return _placed(local, zone, None, policy)
    # Only the years 1 and 9999 need the check (see _checked).
    return (moment if 1 < moment.year < 9999 else _checked(moment)), local, Placement.UNIQUE


def _placed(local: datetime, zone: tzinfo, prefer: timedelta | None, policy: Policy) -> _Placed:
    moment, placement = place(local, zone, prefer, policy)
    return _checked(moment), local, placement


def _plus_months(moment: datetime, months: int) -> datetime:
    """As LocalDateTime.plusMonths: the day of month clamped to the month's last."""
    year, month_index = divmod(moment.year * 12 + moment.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    month = month_index + 1
    day = moment.day
    if day > 28:  # every month has 28 days: only a later day may need clamping
        day = min(day, days_in_month(year, month))
    return datetime(
        year, month, day, moment.hour, moment.minute, moment.second, moment.microsecond,
        moment.tzinfo,
    )  # fmt: skip


def _checked(moment: datetime) -> datetime:
    """``moment`` itself, once its UTC reading is known to be in 0001-9999 (docs/language.md §8)."""
    # An offset is at most 18 hours: only the first and last years can overflow.
    if moment.year in (1, 9999):
        offset = moment.utcoffset()
        assert offset is not None
        _ = wall_time(moment, None) - offset  # raises OverflowError outside the range
    return moment
