"""The zones the JDK suite computes in, and where the JDK's rules and bhtime's agree.

The JDK carries its own tz database, older or newer than the ``tzdata`` release
installed beside bhtime (any release from bhtime's floor on), so a case is
compared only when every zone it touches has the same offsets and the same
transitions in both, in every year around every instant the JDK went through. bhtime's transitions are found by sampling its zones once a day and
bisecting each change to the second.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from bhtime._tz import tzdata_zone

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
RULE_YEARS = (1900, 2050)
"""The years whose rules are compared; IANA zones are used only inside them."""

# Zones with daylight-saving time or a jump, each for a reason (docs/language.md §6 edges).
EDGE_ZONES: dict[str, str] = {
    "Europe/Paris": "DST +01:00/+02:00",
    "America/New_York": "DST -05:00/-04:00",
    "Europe/Moscow": "DST until 2011, then +04:00, then +03:00",
    "America/Santiago": "DST in the southern summer",
    "America/Sao_Paulo": "DST at local midnight (until 2019)",
    "Europe/Dublin": "negative DST in the tz source",
    "Africa/Casablanca": "Ramadan suspensions of +01:00",
    "Australia/Lord_Howe": "a 30-minute DST shift, +10:30/+11:00",
    "America/St_Johns": "a 30-minute offset with DST, -03:30/-02:30",
    "Australia/Adelaide": "a 30-minute offset with DST, +09:30/+10:30",
    "Asia/Tehran": "a 30-minute offset, DST until 2022",
    "Pacific/Chatham": "a 45-minute offset with DST, +12:45/+13:45",
    "Asia/Kathmandu": "a 45-minute offset since 1986 (+05:30 -> +05:45)",
    "Australia/Eucla": "a 45-minute offset, DST 2006-2009",
    "Pacific/Apia": "a skipped day, 2011-12-30",
    "Pacific/Kiritimati": "a skipped day, 1994-12-31",
}
CALM_ZONES = ("Asia/Kolkata", "Asia/Tokyo")
IANA_ZONES = (*EDGE_ZONES, *CALM_ZONES)
FIXED_ZONES = ("UTC", "Z", "+05:30", "-09:30", "+0545", "+14", "-12:00")
HALF_AND_QUARTER = frozenset(
    {
        "Australia/Lord_Howe",
        "America/St_Johns",
        "Australia/Adelaide",
        "Asia/Tehran",
        "Pacific/Chatham",
        "Asia/Kathmandu",
        "Australia/Eucla",
    }
)

Transition = tuple[int, int, int]
"""(epoch second, offset before, offset after), offsets in seconds."""


def _epoch(year: int) -> int:
    return int((datetime(year, 1, 1, tzinfo=UTC) - EPOCH).total_seconds())


_FIRST, _LAST = -62135596800, 253402300799  # 0001-01-01T00:00:00Z, 9999-12-31T23:59:59Z


def year_of(epoch: int) -> int:
    """The UTC year of ``epoch``; 0 for any instant outside the years 0001-9999."""
    return (EPOCH + timedelta(seconds=epoch)).year if _FIRST <= epoch <= _LAST else 0


def bhtime_transitions(key: str) -> tuple[int, list[Transition]]:
    """bhtime's offset at the start of RULE_YEARS and its transitions inside them."""
    zone = tzdata_zone(key)

    def offset(epoch: int) -> int:
        value = datetime.fromtimestamp(epoch, zone).utcoffset()
        assert value is not None
        return int(value.total_seconds())

    start, last = _epoch(RULE_YEARS[0]), _epoch(RULE_YEARS[1] + 1) - 1
    initial = current = offset(start)
    found: list[Transition] = []
    moment = start
    while moment < last:
        step = min(moment + 86400, last)
        if offset(step) == current:
            moment = step
            continue
        low, high = moment, step  # offset(low) == current != offset(high)
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if offset(middle) == current else (low, middle)
        after = offset(high)
        found.append((high, current, after))
        moment, current = high, after
    return initial, found


def parse_jdk_transitions(answer: str) -> tuple[int, list[Transition]]:
    """The JDK's answer to a ``Z`` command: ``OK|initial|epoch:before:after,...``."""
    status, initial, listing = answer.split("|")
    if status != "OK":
        raise ValueError(answer)
    found = [
        (int(epoch), int(before), int(after))
        for epoch, before, after in (item.split(":") for item in listing.split(",") if item)
    ]
    return int(initial), found


def agreeing_years(
    jdk: tuple[int, list[Transition]], ours: tuple[int, list[Transition]]
) -> frozenset[int]:
    """The years of RULE_YEARS with the same offset on 1 January and the same transitions."""

    def by_year(rules: tuple[int, list[Transition]]) -> dict[int, tuple[int, list[Transition]]]:
        initial, transitions = rules
        years: dict[int, tuple[int, list[Transition]]] = {}
        offset = initial
        index = 0
        for year in range(RULE_YEARS[0], RULE_YEARS[1] + 1):
            end = _epoch(year + 1)
            inside = []
            while index < len(transitions) and transitions[index][0] < end:
                inside.append(transitions[index])
                index += 1
            years[year] = (offset, inside)
            if inside:
                offset = inside[-1][2]
        return years

    theirs, mine = by_year(jdk), by_year(ours)
    return frozenset(year for year in theirs if theirs[year] == mine[year])


def comparable(
    zones: Iterable[str], epochs: Iterable[int], agreed: dict[str, frozenset[int]]
) -> bool:
    """Whether the rules of the IANA ``zones`` agree around each of ``epochs`` (±2 days)."""
    zones = list(zones)
    if not zones:
        return True
    years = {year_of(epoch + shift) for epoch in epochs for shift in (-172800, 172800)}
    return all(years <= agreed.get(zone, frozenset()) for zone in zones)
