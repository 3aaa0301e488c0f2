"""Zones: where their rules come from, and how a wall-clock time is placed in one.

Rules are read from the ``tzdata`` package, never from the machine's own
files, so a result depends only on the installed tzdata release. A wall-clock
time is *unique* in its zone, in a *gap* (skipped by a forward jump) or in an
*overlap* (repeated by a backward jump); ``place`` resolves the last two as
``java.time.ZonedDateTime.ofLocal`` does (docs/language.md §6).
"""

from __future__ import annotations

import enum
import sys
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache, lru_cache

from ._errors import BhtimeError, closest, error

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from zoneinfo import ZoneInfo

    from ._errors import ErrorCode

__all__ = [
    "MAX_ZONE_LENGTH",
    "MIDNIGHT",
    "POLICIES",
    "UTC",
    "Ambiguous",
    "Placement",
    "Policy",
    "TzdataZone",
    "adopt_zone",
    "checked_offset",
    "clear_times",
    "fixed_offset",
    "named_user_zone",
    "no_offset_error",
    "offset_of",
    "offset_text",
    "place",
    "settle",
    "shown_once",
    "tzdata_version",
    "tzdata_zone",
    "unique_wall_time",
    "user_zone",
    "wall_time",
    "zone_id",
    "zone_keys",
]

# Bound once: ``datetime.combine`` makes a bound method of the class on each
# call, which costs the call half again; wall times are combined on every step.
_combine = datetime.combine

UTC = timezone.utc
MAX_OFFSET = timedelta(hours=18)
# Longer than every IANA name (the longest has 32 characters) and every offset
# form: a longer name is refused before any look-up, so its cost stays bounded.
MAX_ZONE_LENGTH = 48
_QUOTED_PREFIX = 40


class Placement(enum.Enum):
    """Where a wall-clock time falls in its zone."""

    UNIQUE = "unique"
    GAP = "gap"
    OVERLAP = "overlap"


if TYPE_CHECKING:

    class TzdataZone(ZoneInfo):
        """A ``ZoneInfo`` read from the tzdata package; it pickles by its key."""


@cache
def _tzdata_zone_class() -> type[TzdataZone]:
    """``TzdataZone``, made on first use: importing zoneinfo costs a first call a
    fifth of a bare interpreter's start, and ``UTC`` or an offset needs no file.
    """
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    class TzdataZone(ZoneInfo):
        """A ``ZoneInfo`` read from the tzdata package; it pickles by its key."""

        def __reduce__(self) -> tuple[object, ...]:
            return (tzdata_zone, (self.key,))

    TzdataZone.__qualname__ = "TzdataZone"  # as if made at the module's top level
    _ZONEINFO_TYPES.add(TzdataZone)
    return TzdataZone  # type: ignore[return-value]  # the one TYPE_CHECKING declares


# TzdataZone, once made: every named user zone is one (adopt_zone maps a
# ZoneInfo to it too), so the check on each wall-clock step is one set look-up.
# It holds that one class only.
_ZONEINFO_TYPES: set[type] = set()


def _is_zoneinfo(zone: tzinfo) -> bool:
    """Whether ``zone`` is a ``ZoneInfo``; a zone can be one only once zoneinfo is imported."""
    if type(zone) in _ZONEINFO_TYPES:
        return True
    module = sys.modules.get("zoneinfo")
    return module is not None and isinstance(zone, module.ZoneInfo)


@lru_cache(maxsize=1)
def zone_keys() -> frozenset[str]:
    """Every IANA zone name that the tzdata package holds."""
    from importlib import resources  # noqa: PLC0415 - slow to import; "UTC" needs no file

    listing = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in listing.splitlines() if line.strip())


def tzdata_version() -> str:
    """The IANA release of the rules bhtime uses, such as ``2025b``."""
    import tzdata  # type: ignore[import-untyped]  # noqa: PLC0415 - only --version needs it

    return str(tzdata.IANA_VERSION)


# Bounded by the number of zone names (about 600).
@cache
def tzdata_zone(key: str) -> TzdataZone:
    """The zone ``key`` (which must be one of ``zone_keys()``), from tzdata."""
    from importlib import resources  # noqa: PLC0415 - slow to import; "UTC" needs no file

    path = resources.files("tzdata.zoneinfo").joinpath(*key.split("/"))
    with path.open("rb") as source:
        return _tzdata_zone_class().from_file(source, key=key)


def wall_time(local: datetime, zone: tzinfo | None, fold: int = 0) -> datetime:
    """``local.replace(tzinfo=zone, fold=fold)``, in about a third of the time.

    ``replace`` parses keyword arguments, which makes it several times slower
    than a positional constructor call; it sits on every step of evaluation.
    """
    if fold or local.fold:
        return datetime(
            local.year, local.month, local.day, local.hour, local.minute, local.second,
            local.microsecond, zone, fold=fold,
        )  # fmt: skip
    # combine reads the date from a datetime as it would from a date, and
    # takes the fold (0 here) from the time.
    return _combine(local, local.time(), zone)


# Offsets in use are few, and a timezone costs more to make than to look up.
@lru_cache(maxsize=256)
def fixed_offset(offset: timedelta) -> tzinfo:
    """A zone of one fixed offset; UTC itself for zero."""
    return UTC if not offset else timezone(offset)


# Patterns, not compiled regexes: re compiles each on its first use (and
# keeps it), and a first call with "UTC" uses neither. Their users are cached.
_USER_OFFSET = r"(?P<sign>[+-])(?P<hours>[0-9]{2})(?::?(?P<minutes>[0-9]{2}))?\Z"
# ZoneOffset.of: +h, +hh, +hh:mm, +hhmm, +hh:mm:ss, +hhmmss.
_JDK_OFFSET = (
    r"(?P<sign>[+-])(?:(?P<hour>[0-9])|(?P<hours>[0-9]{2})"
    r"(?:(?P<colon>:?)(?P<minutes>[0-9]{2})(?:(?P=colon)(?P<seconds>[0-9]{2}))?)?)\Z"
)
_JDK_PREFIXES = ("UTC", "GMT", "UT")


def checked_offset(
    written: str,
    sign: str,
    hours: int,
    minutes: int = 0,
    seconds: int = 0,
    *,
    code: ErrorCode = "invalid-offset",
) -> timedelta:
    """The offset, or an error ``code`` saying which part is impossible (all are within ±18:00)."""
    if minutes > 59:
        raise error(code, "invalid-offset.minute", offset=written, minute=minutes)
    if seconds > 59:
        raise error(code, "invalid-offset.second", offset=written, second=seconds)
    offset = timedelta(hours=hours, minutes=minutes, seconds=seconds)
    if offset > MAX_OFFSET:
        raise error(code, "invalid-offset.range", offset=written)
    return -offset if sign == "-" else offset


def user_zone(zone: str | tzinfo) -> tzinfo:
    """The user zone: an IANA name, ``UTC``, ``Z``, ``+05:30``/``+0530``/``+05``, or a tzinfo."""
    if isinstance(zone, str):
        if len(zone) > MAX_ZONE_LENGTH:
            _check_length(zone)
        return named_user_zone(zone)
    if isinstance(zone, tzinfo):
        return adopt_zone(zone)
    raise TypeError(f"zone must be a str or a tzinfo, not {type(zone).__name__}")


@lru_cache(maxsize=1024)
def named_user_zone(name: str) -> tzinfo:
    """``user_zone`` of a name (of at most MAX_ZONE_LENGTH characters), kept per name."""
    if name in ("UTC", "Z"):
        return UTC
    # Imported here: UTC, the commonest zone, needs no regex (nor a first call re).
    import re  # noqa: PLC0415

    match = re.match(_USER_OFFSET, name)
    if match:
        return fixed_offset(_offset_of(name, match))
    if name in zone_keys():
        return tzdata_zone(name)
    raise _unknown_zone(name)


@lru_cache(maxsize=256)
def zone_id(name: str) -> tzinfo:
    """A ``[zone]`` of ISO_ZONED_DATE_TIME, read as ``java.time.ZoneId.of`` reads it."""
    _check_length(name)
    if name in ("Z", *_JDK_PREFIXES):
        return UTC
    offset = name
    for prefix in _JDK_PREFIXES:
        if name.startswith(prefix) and name[len(prefix) : len(prefix) + 1] in ("+", "-"):
            offset = name[len(prefix) :]
            break
    import re  # noqa: PLC0415  (as in named_user_zone)

    match = re.match(_JDK_OFFSET, offset)
    if match:
        return fixed_offset(_offset_of(name, match))
    if name in zone_keys():
        return tzdata_zone(name)
    raise _unknown_zone(name)


def _offset_of(name: str, match: re.Match[str]) -> timedelta:
    parts = match.groupdict()
    return checked_offset(
        name,
        parts["sign"],
        int(parts.get("hour") or parts["hours"]),
        int(parts["minutes"] or 0),
        int(parts.get("seconds") or 0),
        code="unknown-zone",
    )


def _check_length(name: str) -> None:
    if len(name) > MAX_ZONE_LENGTH:
        raise error(
            "unknown-zone",
            "unknown-zone.too-long",
            prefix=name[:_QUOTED_PREFIX] + "…",
            length=len(name),
            limit=MAX_ZONE_LENGTH,
        )


def _unknown_zone(name: str) -> BhtimeError:
    keys = zone_keys()
    by_case = {key.lower(): key for key in keys}
    suggestion = by_case.get(name.lower()) or closest(name, keys)
    if suggestion is None:
        return error("unknown-zone", zone=name)
    return error("unknown-zone", zone=name, hint="hint.did-you-mean", suggestion=suggestion)


def adopt_zone(zone: tzinfo) -> tzinfo:
    """Any tzinfo, with named zones mapped to bhtime's tzdata rules.

    zoneinfo and pytz zones are looked up again by name so that their rules are
    tzdata's (pytz's are not PEP 495 zones and cannot be used as they are);
    fixed offsets of any library become ``datetime.timezone``; any other tzinfo
    (dateutil's, say) is used as it is, through PEP 495.
    """
    if isinstance(zone, timezone):
        return zone
    key = getattr(zone, "key", None) or getattr(zone, "zone", None)
    if isinstance(key, str) and key in zone_keys():
        return tzdata_zone(key)
    if isinstance(key, str) and key in ("UTC", "Z"):
        return UTC
    try:
        fixed = zone.utcoffset(None)
    except NotImplementedError:
        raise no_offset_error(zone, "zone") from None
    if fixed is not None:
        return fixed_offset(fixed)
    named = _dateutil_key(zone)
    if named:
        return tzdata_zone(named)
    offset_of(wall_time(_PROBE, zone), "zone")
    return zone


# Any time a working tzinfo has an offset for; a zone with none there has none at all.
_PROBE = datetime(2000, 1, 1)


def offset_of(moment: datetime, argument: str) -> timedelta:
    """``moment.utcoffset()``, or a ZoneError naming ``argument`` when its tzinfo gives none."""
    try:
        offset = moment.utcoffset()
    except (NotImplementedError, TypeError, ValueError) as failure:
        # The tzinfo is the caller's code: a form that catches ValueError
        # should see that the argument is at fault, not tzinfo's insides.
        raise no_offset_error(moment.tzinfo, argument) from failure
    if offset is None:
        raise no_offset_error(moment.tzinfo, argument)
    return offset


def no_offset_error(zone: tzinfo | None, argument: str) -> BhtimeError:
    """The error for ``argument`` (``now`` or ``zone``) whose tzinfo gives no UTC offset."""
    return error(
        "invalid-tzinfo",
        argument=argument,
        tzinfo=type(zone).__name__,
        hint="hint.aware-zone",
    )


def _dateutil_key(zone: tzinfo) -> str | None:
    """The IANA name behind a dateutil ``tzfile`` read from a zoneinfo folder."""
    filename = getattr(zone, "_filename", None)
    if not isinstance(filename, str):
        return None
    parts = filename.split("/")
    for start in range(len(parts)):
        candidate = "/".join(parts[start:])
        if candidate in zone_keys():
            return candidate
    return None


TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    Policy = Literal["compatible", "earlier", "later", "raise"]
POLICIES: tuple[Policy, ...] = ("compatible", "earlier", "later", "raise")

if not TYPE_CHECKING:  # pragma: no branch - type checkers read Policy above

    def __getattr__(name: str) -> object:
        # Policy is a typing.Literal; typing, slow to import, is imported only when it is asked for.
        if name == "Policy":
            from typing import Literal  # noqa: PLC0415

            return Literal[POLICIES]
        if name == "TzdataZone":
            return _tzdata_zone_class()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def place(
    local: datetime,
    zone: tzinfo,
    prefer: timedelta | None = None,
    policy: Policy = "compatible",
) -> tuple[datetime, Placement]:
    """Give the naive ``local`` its offset in ``zone``.

    ``compatible`` is ``ZonedDateTime.ofLocal`` (docs/language.md §6): in a gap the time
    moves forward by the gap's length; in an overlap it takes ``prefer`` when
    that is one of the two offsets, else the earlier one. ``earlier`` and
    ``later`` take that offset in an overlap and move back or forward in a gap;
    ``raise`` refuses both (the caller turns ``Ambiguous`` into an error).
    """
    first = wall_time(local, zone)
    if isinstance(zone, timezone) or shown_once(first):
        return first, Placement.UNIQUE
    return settle(first, prefer, policy)


MIDNIGHT = time(0)
_MIDNIGHT_LATER = time(0, fold=1)


def unique_wall_time(local: date, clock: time, zone: tzinfo) -> datetime | None:
    """``local`` (fold=0, at ``clock``) on ``zone``'s clock if it shows that time once, else None.

    ``place``'s commonest case for a written date or local date-time, in one
    call: None (a gap, an overlap, or a zone that only ``settle`` reads)
    sends the caller to ``place``. ``clock`` is ``local.time()``, which the
    caller has; its fold=1 twin is kept (``_LATER``).
    """
    first = _combine(local, clock, zone)
    if type(zone) not in _ZONEINFO_TYPES:  # TzdataZone, the commonest, first
        if isinstance(zone, timezone):
            return first
        if not _is_zoneinfo(zone):
            return None
    # As shown_once asks: the zone itself, at fold=0 and at fold=1 (PEP 495).
    # Midnight, a lone date's time, the commonest: its twin without a look-up.
    twin = _MIDNIGHT_LATER if clock is MIDNIGHT else _LATER.get(clock) or _later(clock)
    later = _combine(local, twin, zone)
    return first if zone.utcoffset(first) == zone.utcoffset(later) else None


# Each time of day's fold=1 twin (PEP 495), kept: a dict look-up and combine make
# the twin of a wall time in half the time of the constructor's nine arguments.
# At most 4,096 times; cleared with the parse caches (clear_times).
_LATER: dict[time, time] = {}


def _later(clock: time) -> time:
    # The constructor, not replace: replace reads its keyword arguments slowly.
    later = time(clock.hour, clock.minute, clock.second, clock.microsecond, fold=1)
    if len(_LATER) < 4096:
        _LATER[clock] = later
    return later


def clear_times() -> None:
    """Forget the times of day kept by ``unique_wall_time`` and ``shown_once``."""
    _LATER.clear()


def shown_once(first: datetime) -> bool:
    """Whether ``first`` (fold=0) is a wall time its ``ZoneInfo`` shows once: no gap, no overlap.

    False for any other zone, which ``settle`` reads the long way. The commonest
    case of every wall-clock step, so it is checked before ``settle`` (and what
    it takes) and asks the zone directly:
    ``zone.utcoffset(dt)`` skips the checks of ``dt.utcoffset()``, which cost
    eight times as much (a ZoneInfo's offset needs none).
    """
    zone = first.tzinfo
    # TzdataZone, the commonest, known without a call.
    if zone is None or (type(zone) not in _ZONEINFO_TYPES and not _is_zoneinfo(zone)):
        return False
    clock = first.time()
    second = _combine(first, _LATER.get(clock) or _later(clock), zone)
    return zone.utcoffset(first) == zone.utcoffset(second)


def settle(
    first: datetime, prefer: timedelta | None = None, policy: Policy = "compatible"
) -> tuple[datetime, Placement]:
    """``place`` for a wall-clock time already given its zone (``first``, with fold=0)."""
    zone = first.tzinfo
    assert zone is not None
    second = wall_time(first, zone, fold=1)
    first_offset = first.utcoffset()
    second_offset = second.utcoffset()
    assert first_offset is not None
    assert second_offset is not None
    if first_offset == second_offset:
        if _is_zoneinfo(zone):
            return first, Placement.UNIQUE
        # dateutil's tzlocal, tzstr and tzrange honour fold in overlaps only:
        # a gap shows as one offset, and only a round trip reveals it.
        back = first.astimezone(UTC).astimezone(zone)
        before = back.utcoffset()
        # One tzinfo on both sides: == compares the wall clocks.
        if back == first or before is None or before >= first_offset:
            return first, Placement.UNIQUE
        first_offset = before
    # PEP 495: fold=0 reads the time with the offset before the transition.
    # A smaller offset after it means the clocks went back: an overlap.
    kind = Placement.OVERLAP if first_offset > second_offset else Placement.GAP
    local = wall_time(first, None)
    if policy == "raise":
        raise Ambiguous(kind, local, zone, first_offset, second_offset)
    if kind is Placement.GAP:
        # Read with the old offset, a time in the gap lands after it (forward
        # by the gap's length); read with the new one, before it.
        offset = second_offset if policy == "earlier" else first_offset
        return wall_time(local - offset, UTC).astimezone(zone), kind
    later = policy == "later" or (policy == "compatible" and prefer == second_offset)
    return (second if later else first), kind


class Ambiguous(Exception):
    """A wall-clock time in a gap or an overlap, met under the ``raise`` policy."""

    def __init__(
        self, kind: Placement, local: datetime, zone: tzinfo, before: timedelta, after: timedelta
    ) -> None:
        super().__init__(kind, local, zone, before, after)
        self.kind = kind
        self.local = local
        self.zone = zone
        self.before = before
        self.after = after


def offset_text(offset: timedelta | None) -> str:
    """``+05:45``, ``-04:00``, ``+00:19:32``: an offset as ISO writes it."""
    total = int((offset or timedelta(0)).total_seconds())
    sign = "-" if total < 0 else "+"
    hours, rest = divmod(abs(total), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
