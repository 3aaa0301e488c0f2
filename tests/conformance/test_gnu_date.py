"""GNU ``date -d`` against bhtime on the subset both languages share (issue 3).

The subset: the words ``now today yesterday tomorrow``; modifiers with full unit
names (``3 hours``, ``-2 days``, ``+1 month``); ISO dates, times and date-times;
RFC 1123. ``now`` is fixed without faking the clock: the GNU side is anchored on
an absolute date-time that is bhtime's ``now`` written in the zone with its
offset (``2017-04-25 00:41:27.123 +0300 -12 hours``), so GNU's words and units,
which are all relative to the date-time they follow, count from that ``now``.
Zones are ones without DST or offset changes in the years used, so GNU's zone
files (the machine's) and bhtime's tzdata agree.

Where GNU differs by design (not tested, or tested as a difference):

- Month and year overflow: GNU's ``2011-01-31 +1 month`` is 2011-03-03 (the 31st
  of February, normalised); bhtime clamps to 2011-02-28, as the JDK does (docs/language.md §6).
  So month and year steps start here from a day up to the 28th.
- Military zone letters: GNU reads a single letter after a time as a military
  zone (``10:00 a`` is 10:00+01:00); bhtime has no such letters (a stray word is
  an error), only ``Z``/``z`` in ISO offsets.
- A signed number right after a time is a zone offset in GNU (``10:15:30 -3 days``
  is 10:15:30-03:00 plus one day, ``days`` counting as 1); in bhtime it is a
  modifier. The GNU side therefore writes modifiers after an explicit offset or
  after a date alone.
- GNU sums relative items by unit (years, months and days together, then the
  clock units); bhtime applies them left to right (docs/language.md §6). They agree when at
  most one calendar unit kind is used and it comes first, as here.
- GNU has no ``noon``, ``midnight``, short units (``3h``, ``mon``), or glued
  modifiers (``now-1d``); bhtime has no ``ago``, ``next``, ``last``, weekday
  names, ``fortnight`` or ``@epoch``.
- GNU rejects ``10:15:30.`` (a point and no digits), which the JDK's ISO_LOCAL_TIME
  and bhtime accept; it also takes ``+HH`` offsets and 2-digit years that bhtime's
  formats reject.
- Calendar steps across DST: GNU calls mktime with ``tm_isdst = -1``, whose gap
  and overlap handling is the C library's, not ``ZonedDateTime``'s (docs/language.md §6);
  hence zones without DST.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import bhtime
from bhtime._tz import tzdata_zone

GNU_FORMAT = "+%Y-%m-%dT%H:%M:%S.%3N%z"  # docs/language.md §7's format: milliseconds truncated
ZONES = ("UTC", "Europe/Moscow", "Asia/Kolkata", "Asia/Tokyo", "Asia/Kathmandu")
YEARS = (2015, 2024)  # no offset changes in ZONES in these years
# Zones whose offset has not changed since 1986: calendar steps of up to 3 years
# or 30 months from YEARS stay clear of any change (Moscow's was in 2014).
STEADY_ZONES = ("UTC", "Asia/Kolkata", "Asia/Tokyo", "Asia/Kathmandu")
SEED = 20080603
UNITS = ("year", "month", "week", "day", "hour", "minute", "second")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _gnu_date() -> str | None:
    date = shutil.which("date")
    if date is None:
        return None
    version = subprocess.run([date, "--version"], capture_output=True, text=True, check=False)
    return date if "GNU coreutils" in version.stdout else None


DATE = _gnu_date()
pytestmark = [
    pytest.mark.skipif(DATE is None, reason="no GNU date on this machine"),
    pytest.mark.skipif(
        not all(Path("/usr/share/zoneinfo", zone).exists() for zone in ZONES),
        reason="the machine has no tz database for GNU date (/usr/share/zoneinfo)",
    ),
]

Case = tuple[str, str, str, datetime]
"""(bhtime's text, GNU's text, zone, now)."""


def gnu(text: str, zone: str) -> str:
    assert DATE is not None
    done = subprocess.run(
        [DATE, "-d", text, GNU_FORMAT],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": zone, "LC_ALL": "C"},
        check=False,
    )
    return done.stdout.strip() if done.returncode == 0 else f"error: {done.stderr.strip()}"


class _Cases:
    """The shared subset, generated from one seed."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)

    def zone(self, steady: bool = False) -> str:
        return self.rng.choice(STEADY_ZONES if steady else ZONES)

    def now(self, zone: str, early_day: bool = False) -> datetime:
        low = datetime(YEARS[0], 1, 1, tzinfo=timezone.utc)
        span = datetime(YEARS[1], 12, 1, tzinfo=timezone.utc) - low
        moment = low + timedelta(milliseconds=self.rng.randrange(span // timedelta(milliseconds=1)))
        local = moment.astimezone(tzdata_zone(zone) if zone != "UTC" else timezone.utc)
        if early_day and local.day > 28:
            local -= timedelta(days=5)
        return local.astimezone(timezone.utc)

    @staticmethod
    def local(now: datetime, zone: str) -> datetime:
        return now.astimezone(tzdata_zone(zone) if zone != "UTC" else timezone.utc)

    def anchor(self, now: datetime, zone: str) -> str:
        """``now`` as GNU reads it: local date-time and its offset."""
        local = self.local(now, zone)
        return (
            local.strftime("%Y-%m-%d %H:%M:%S.")
            + f"{local.microsecond // 1000:03d} "
            + (local.strftime("%z"))
        )

    def modifiers(self, calendar: bool) -> str:
        """One calendar unit kind first (if any), then clock units, full names."""
        units = []
        if calendar:
            units.append(self.rng.choice(("year", "month", "week", "day")))
        units += self.rng.sample(
            ("hour", "minute", "second"), self.rng.randrange(0 if units else 1, 3)
        )
        parts = []
        for unit in units:
            amount = self.rng.choice((0, 1, 2, 3) if unit == "year" else (0, 1, 2, 3, 7, 12, 30))
            if unit in ("hour", "minute", "second"):
                amount = self.rng.choice((amount, 45, 90, 1440))
            sign = self.rng.choice(("+", "-", ""))
            plural = "s" if amount != 1 or self.rng.random() < 0.3 else ""
            parts.append(f"{sign}{amount} {unit}{plural}")
        return " ".join(parts)

    def words(self) -> list[Case]:
        cases = []
        for word in ("now", "today", "yesterday", "tomorrow") * 6:
            zone = self.zone()
            now = self.now(zone)
            cases.append((word, f"{self.anchor(now, zone)} {word}", zone, now))
        return cases

    def relative(self) -> list[Case]:
        cases = []
        for index in range(80):
            zone = self.zone(steady=index % 2 == 0)
            now = self.now(zone, early_day=True)
            mods = self.modifiers(calendar=index % 2 == 0)
            text = mods if index % 3 else f"now {mods}"
            cases.append((text, f"{self.anchor(now, zone)} {mods}", zone, now))
        return cases

    def day_and_time(self) -> list[Case]:
        cases = []
        for index in range(40):
            zone = self.zone()
            now = self.now(zone)
            clock = f"{self.rng.randrange(24):02d}:{self.rng.randrange(60):02d}"
            if index % 2:
                clock += f":{self.rng.randrange(60):02d}"
            if index % 4 == 1:
                clock += "." + str(self.rng.randrange(1000)).zfill(3)[: self.rng.randrange(1, 4)]
            day = self.local(now, zone).date().isoformat()
            word = ("", "today", "yesterday", "tomorrow")[index % 4]
            text = f"{word} {clock}".strip()
            cases.append((text, f"{day} {word} {clock}", zone, now))
        return cases

    def absolute(self) -> list[Case]:
        cases = []
        for index in range(90):
            zone = self.zone()
            now = self.now(zone)
            moment = self.local(self.now(zone), zone)
            day = moment.date()
            clock = moment.strftime("%H:%M:%S")
            fraction = str(moment.microsecond * 1000).zfill(9)[: self.rng.randrange(1, 10)]
            offset = self.rng.choice(("Z", "z", "+01:00", "-05:30", "+14:00", "+00:00"))
            style = index % 9
            if style == 0:
                text = day.isoformat()
            elif style == 1:
                text = day.strftime("%Y%m%d")
            elif style == 2:
                text = f"{day.isoformat()} {clock}"
            elif style == 3:
                text = f"{day.isoformat()}{self.rng.choice('Tt')}{clock[:5]}"
            elif style == 4:
                text = f"{day.isoformat()}T{clock}.{fraction}"
            elif style == 5:
                text = f"{day.isoformat()}T{clock}{offset}"
            elif style == 6:
                text = f"{day.isoformat()}T{clock}.{fraction}{offset}"
            elif style == 7:
                text = f"{day.isoformat()}T{clock}.{fraction[:3].ljust(3, '0')}"
                text += self.rng.choice(("+0300", "-0845", "+0000", "+0530"))
            else:
                text = self._rfc_1123(moment)
            cases.append((text, text, zone, now))
        return cases

    def _rfc_1123(self, moment: datetime) -> str:
        def any_case(word: str) -> str:
            return self.rng.choice((word, word.upper(), word.lower()))

        clock = moment.strftime("%H:%M:%S" if self.rng.random() < 0.7 else "%H:%M")
        text = f"{moment.day} {any_case(MONTHS[moment.month - 1])} {moment.year} {clock} "
        text += self.rng.choice(("GMT", "+0200", "-0700", "+0000"))
        if self.rng.random() < 0.6:
            text = f"{any_case(WEEKDAYS[moment.weekday()])}, {text}"
        return text

    def absolute_relative(self) -> list[Case]:
        cases = []
        for index in range(50):
            zone = self.zone(steady=True)
            now = self.now(zone)
            moment = self.local(self.now(zone, early_day=True), zone)
            if index % 2:
                # A date alone: GNU reads signed numbers after it as relative.
                text = moment.date().isoformat()
                mods = self.modifiers(calendar=True)
                cases.append((f"{text} {mods}", f"{text} {mods}", zone, now))
            else:
                # A timestamp in the zone's own offset: calendar units agree too.
                offset = moment.strftime("%z")
                text = moment.strftime("%Y-%m-%dT%H:%M:%S") + f"{offset[:3]}:{offset[3:]}"
                mods = self.modifiers(calendar=index % 4 == 0)
                cases.append((f"{text} {mods}", f"{text} {mods}", zone, now))
        return cases


_GROUPS = ("words", "relative", "day_and_time", "absolute", "absolute_relative")


@pytest.mark.parametrize("group", _GROUPS)
def test_gnu_date_agrees_on_the_common_subset(group: str) -> None:
    cases: list[Case] = getattr(_Cases(), group)()
    differ = []
    for text, gnu_text, zone, now in cases:
        ours = bhtime.resolve(text, zone=zone, now=now)
        theirs = gnu(gnu_text, zone)
        if ours != theirs:
            differ.append(
                f"{text!r} zone={zone} now={now.isoformat()}: GNU {gnu_text!r} -> {theirs}, bhtime -> {ours}"
            )
    assert not differ, f"{len(differ)} of {len(cases)} differ:\n" + "\n".join(differ[:20])
    assert len(cases) >= 24


@pytest.mark.parametrize(
    ("text", "gnu_text", "spec_result"),
    [
        # docs/language.md §10: bhtime clamps; GNU overflows into March.
        (
            "2011-01-31T10:00:00 +1 month",
            "2011-01-31 10:00:00 +0300 +1 month",
            "2011-02-28T10:00:00.000+0300",
        ),
        # GNU's military letter 'a' is +01:00; bhtime has no such zone letter.
        ("2011-12-03 10:00 a", "2011-12-03 10:00 a", None),
    ],
)
def test_gnu_date_differs_by_design(text: str, gnu_text: str, spec_result: str | None) -> None:
    """The differences listed above are real, and bhtime's side is the language reference's."""
    zone = "Europe/Moscow"
    now = datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc)
    theirs = gnu(gnu_text, zone)
    assert not theirs.startswith("error")
    if spec_result is None:
        with pytest.raises(bhtime.BhtimeError):
            bhtime.resolve(text, zone=zone, now=now)
    else:
        assert bhtime.resolve(text, zone=zone, now=now) == spec_result != theirs
