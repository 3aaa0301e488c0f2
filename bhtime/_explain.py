"""What an expression means, step by step: the anchor, each modifier, the result."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any, NamedTuple

from ._ast import CalendarDate, DayWord, Expression, Item, Modifier, Now, Timestamp, WallTime
from ._evaluate import Step, read_now, run
from ._format import format_instant
from ._parse import parse
from ._tz import Placement, Policy, offset_text, tzdata_version, user_zone

__all__ = ["Explanation", "explain"]


# A named tuple, not a dataclass: dataclasses imports inspect, which costs the
# command line's start more than all of bhtime's own modules.
class Explanation(NamedTuple):
    """The steps of one evaluation; ``str()`` gives them as a small table."""

    expression: Expression
    zone: str
    now: datetime
    steps: tuple[Step, ...]
    notes: tuple[str, ...]
    """One sentence for each step, in words."""
    tz_release: str
    """The IANA tz database release the zone rules came from, such as ``2026f``:
    the installed ``tzdata`` package's, so a result can be traced to its rules."""

    @property
    def result(self) -> datetime:
        return self.steps[-1].after

    def __str__(self) -> str:
        rows = [("step", "item", "value", "how")]
        for step, note in zip(self.steps, self.notes, strict=True):
            text = " ".join(self.expression.text[item.pos : item.end] for item in step.items)
            rows.append((step.kind, text, format_instant(step.after), note))
        kind_width, item_width, value_width = (
            max(len(row[column]) for row in rows) for column in range(3)
        )
        return "\n".join(
            f"{kind:<{kind_width}}  {item:<{item_width}}  {value:<{value_width}}  {how}".rstrip()
            for kind, item, value, how in rows
        )

    def as_dict(self) -> dict[str, Any]:
        """The explanation as JSON-ready data."""
        return {
            "expression": self.expression.text,
            "zone": self.zone,
            "now": format_instant(self.now),
            "steps": [
                {
                    "step": step.kind,
                    "items": [self.expression.text[item.pos : item.end] for item in step.items],
                    "value": format_instant(step.after),
                    "placement": step.placement.value,
                    "how": note,
                }
                for step, note in zip(self.steps, self.notes, strict=True)
            ],
            "result": format_instant(self.result),
            "tz_release": self.tz_release,
        }


def explain(
    text: str | Expression,
    /,
    *,
    zone: str | tzinfo,
    now: datetime | None = None,
    disambiguate: Policy = "compatible",
) -> Explanation:
    """Evaluate ``text`` as ``evaluate`` does, and say how each step was done.

    >>> from datetime import datetime, timezone
    >>> now = datetime(2011, 3, 26, 1, 30, tzinfo=timezone.utc)
    >>> steps = explain("tomorrow", zone="Europe/Paris", now=now)
    >>> print(steps.notes[0].split("; ")[1])
    2011-03-27 02:30 is skipped in Europe/Paris (gap): moved forward to 03:30 (+02:00)
    >>> import tzdata
    >>> steps.tz_release == tzdata.IANA_VERSION
    True
    """
    expression = text if isinstance(text, Expression) else parse(text)
    current = read_now(now)
    steps: list[Step] = []
    run(expression, zone=zone, now=current, disambiguate=disambiguate, steps=steps)
    user = user_zone(zone)
    notes = tuple(_note(step, user) for step in steps)
    return Explanation(expression, str(user), current, tuple(steps), notes, tzdata_version())


def _note(step: Step, user: tzinfo) -> str:
    if step.kind == "result":
        return f"shown in {user}"
    if step.kind == "modifier":
        return _modifier_note(step)
    return _anchor_note(step, user)


def _anchor_note(step: Step, user: tzinfo) -> str:
    timed = any(isinstance(item, WallTime) for item in step.items)
    parts = [_item_note(item, user, timed) for item in step.items] or ["no date or time: now"]
    sentence = "; ".join(parts)
    placed = _placement_note(step)
    return f"{sentence}; {placed}" if placed else sentence


def _item_note(item: Item, user: tzinfo, timed: bool) -> str:
    if isinstance(item, Timestamp):
        where = item.zone or (offset_text(item.offset) if item.offset is not None else str(user))
        return f"{item.format} timestamp, computed in {where}"
    if isinstance(item, CalendarDate):
        written = "" if item.offset is None else f" at offset {offset_text(item.offset)}"
        return f"{item.format} date {item.value.isoformat()}{written}"
    if isinstance(item, DayWord):
        shift = {0: "", 1: " + 1 day", -1: " - 1 day"}[item.days]
        return f"today in {user}{shift}" + ("" if timed else ", at now's time of day")
    if isinstance(item, WallTime):
        written = "" if item.offset is None else f" at offset {offset_text(item.offset)}"
        return f"time of day {item.value.isoformat(timespec='milliseconds')}{written}"
    assert isinstance(item, Now)
    return "the current instant"


def _modifier_note(step: Step) -> str:
    (modifier,) = step.items
    assert isinstance(modifier, Modifier)
    size = abs(modifier.amount)
    unit = modifier.unit.value if size != 1 else modifier.unit.value[:-1]
    sign = "minus" if modifier.amount < 0 else "plus"
    if not modifier.unit.is_calendar:
        return f"{sign} {size} {unit} on the timeline"
    sentence = f"{sign} {size} {unit} on the wall clock"
    placed = _placement_note(step)
    return f"{sentence}; {placed}" if placed else sentence


def _placement_note(step: Step) -> str:
    if step.placement is Placement.UNIQUE or step.local is None:
        return ""
    local = step.local.isoformat(sep=" ", timespec="minutes")
    zone = step.after.tzinfo
    landed = step.after.time().isoformat(timespec="minutes")
    offset = offset_text(step.after.utcoffset())
    if step.placement is Placement.GAP:
        direction = "forward" if step.after.replace(tzinfo=None) > step.local else "back"
        return f"{local} is skipped in {zone} (gap): moved {direction} to {landed} ({offset})"
    return f"{local} happens twice in {zone} (overlap): took offset {offset}"
