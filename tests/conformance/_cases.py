"""Generated cases for the JDK suite: bhtime text beside the same case for JdkReference.java.

Deterministic (one seeded ``random.Random``) plus edge values: every format
with fractions of 0-9 digits, offsets up to and past ±18:00, month ends, leap
days, lower-case ``t``/``z``, RFC names in any case, ``[zone]`` forms; and
modifiers across the gaps and overlaps of the edge zones (``_zones``).

A *parse* case is one format's text alone: the JDK tries every formatter on it
and answers what the text means (docs/language.md §6). A *modify* case is an anchor (docs/language.md §6
step 1) and modifiers; bhtime gets it as an expression text with the items in a
random order, random spellings and spacing, the JDK as structured parts.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bhtime._tz import tzdata_zone

from ._zones import EPOCH, FIXED_ZONES, IANA_ZONES, UTC, Transition

__all__ = ["Case", "Generator", "generate", "spec_examples"]

SEED = 20170425
PARSE_FAMILIES = (
    "RECOMMENDED",
    "ISO_ZONED_DATE_TIME",
    "ISO_OFFSET_DATE_TIME",
    "ISO_INSTANT",
    "ISO_LOCAL_DATE_TIME",
    "ISO_DATE",
    "BASIC_ISO_DATE",
    "ISO_TIME",
    "RFC_1123_DATE_TIME",
)
MODIFY_FAMILIES = (
    "dst-local",
    "dst-day-word",
    "dst-now",
    "dst-zoned",
    "skipped-day",
    "calendar",
    "offset-anchor",
)
PARSE_CASES_PER_FAMILY = 330
MODIFY_CASES_PER_FAMILY = 330

UNITS = {
    "YEARS": ("years", "year", "y"),
    "MONTHS": ("months", "month", "mon"),
    "WEEKS": ("weeks", "week", "w"),
    "DAYS": ("days", "day", "d"),
    "HOURS": ("hours", "hour", "h"),
    "MINUTES": ("minutes", "minute", "min", "m"),
    "SECONDS": ("seconds", "second", "sec", "s"),
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EDGE_YEARS = (1, 2, 100, 999, 1000, 1600, 1899, 9998, 9999, 0, 10000, -1)
LEAP_YEARS = (1900, 2000, 2023, 2024, 2100)
EDGE_OFFSETS = (
    "Z", "z", "+00:00", "-00:00", "+00", "+18:00", "-18:00", "+18:00:00", "+17:59:59",
    "-17:59", "+18:01", "-18:00:01", "+19:00", "+05:30", "+05:45", "-09:30", "+14:00",
    "-12:00", "+00:00:01", "+05:60", "+0530", "-0930", "+01",
)  # fmt: skip
ZONE_IDS = (
    "UTC", "Z", "GMT", "UT", "+01:00", "-05:00", "+05:30:15", "UTC+01:00", "GMT-05:00",
    "UT+03:00", "+1", "Etc/GMT-3", "Etc/UTC", "europe/paris", "Mars/Base", "UTC+19:00",
)  # fmt: skip


Made = tuple[str, int, str, list[str], list[tuple[str, int]], list[str]]
"""A modify case in parts: user zone, now, the JDK's anchor, bhtime's anchor items,
the modifiers (unit, amount) and the IANA zones other than the user zone."""


@dataclass(frozen=True)
class Case:
    """One case, as bhtime's text and as JdkReference.java's input line."""

    kind: str  # "parse" or "modify"
    family: str
    text: str
    zone: str
    now_ms: int
    jdk_args: tuple[str, ...]  # after the command, the zone and now
    zones: tuple[str, ...]  # the IANA zones whose rules the answer depends on

    @property
    def now(self) -> datetime:
        return EPOCH + timedelta(milliseconds=self.now_ms)

    def java_line(self) -> str:
        command = "P" if self.kind == "parse" else "M"
        return "\t".join((command, self.zone, str(self.now_ms), *self.jdk_args))

    def describe(self) -> str:
        return f"{self.text!r} zone={self.zone} now={self.now.isoformat()} [{self.family}]"


def _ms(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(milliseconds=1)


def _offset_text(seconds: int, style: str) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return {
        "HH": f"{sign}{hours:02d}",
        "HH:MM": f"{sign}{hours:02d}:{minutes:02d}",
        "HH:MM:ss": f"{sign}{hours:02d}:{minutes:02d}:{secs:02d}",
        "HHMM": f"{sign}{hours:02d}{minutes:02d}",
        "HHMMss": f"{sign}{hours:02d}{minutes:02d}{secs:02d}",
    }[style]


class Generator:
    """Makes the cases; ``transitions`` are bhtime's, per edge zone (``_zones``)."""

    def __init__(self, transitions: dict[str, list[Transition]], seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        # Transitions in the years every case stays well inside (1971-2037).
        low, high = _ms(datetime(1971, 1, 1, tzinfo=UTC)), _ms(datetime(2037, 1, 1, tzinfo=UTC))
        self.transitions = {
            zone: [t for t in found if low <= t[0] * 1000 < high]
            for zone, found in transitions.items()
        }
        self.transitions = {zone: found for zone, found in self.transitions.items() if found}

    # -- small random pieces ------------------------------------------------

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, items: Sequence[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def now_ms(self) -> int:
        low, high = _ms(datetime(1972, 1, 1, tzinfo=UTC)), _ms(datetime(2036, 1, 1, tzinfo=UTC))
        return self.rng.randrange(low, high)

    def any_case(self, word: str) -> str:
        """``word`` in random case; a lone ``m`` stays lower case (docs/language.md §8: ``M`` is an error)."""
        if word == "m":
            return word
        style = self.rng.randrange(4)
        if style == 0:
            return word.upper()
        if style == 1:
            return word.capitalize()
        if style == 2:
            return "".join(c.upper() if self.chance(0.5) else c for c in word)
        return word

    def fraction(self) -> str | None:
        """None (no fraction), or the digits after the point: 0 to 9 of them."""
        if self.chance(0.3):
            return None
        count = self.rng.randrange(10)
        if self.chance(0.1):
            return self.pick(("999999999", "000000000", "123456789", "9999999", "5", ""))
        return "".join(self.pick("0123456789") for _ in range(count))

    def year(self) -> int:
        if self.chance(0.15):
            return self.rng.choice(EDGE_YEARS)
        if self.chance(0.15):
            return self.rng.choice(LEAP_YEARS)
        return self.rng.randrange(1902, 2049)

    @staticmethod
    def year_text(year: int) -> str:
        if year < 0:
            return f"-{-year:04d}"
        return f"+{year}" if year > 9999 else f"{year:04d}"

    def date_parts(self) -> tuple[int, int, int]:
        year = self.year()
        month = self.rng.randrange(1, 13) if not self.chance(0.04) else self.rng.choice((0, 13))
        length = calendar.monthrange(min(max(year, 1), 9999), min(max(month, 1), 12))[1]
        if self.chance(0.2):
            month = 2
            length = calendar.monthrange(min(max(year, 1), 9999), 2)[1]
        if self.chance(0.45):
            day = self.rng.choice((1, 28, 29, 30, 31, length, length + 1, 0, 32))
        else:
            day = self.rng.randrange(1, length + 1)
        return year, month, day

    def time_parts(self, seconds: bool | None = None) -> tuple[int, int, int | None, str | None]:
        hour, minute = self.rng.randrange(24), self.rng.randrange(60)
        if self.chance(0.04):
            hour = self.rng.choice((24, 25))
        if self.chance(0.02):
            minute = 60
        with_seconds = self.chance(0.75) if seconds is None else seconds
        second = self.rng.randrange(60) if with_seconds else None
        if second is not None and self.chance(0.03):
            second = 60
        return hour, minute, second, self.fraction() if second is not None else None

    @staticmethod
    def time_text(hour: int, minute: int, second: int | None, fraction: str | None) -> str:
        text = f"{hour:02d}:{minute:02d}"
        if second is not None:
            text += f":{second:02d}"
            if fraction is not None:
                text += "." + fraction
        return text

    def iso_offset(self, styles: Sequence[str] = ("Z", "HH", "HH:MM", "HH:MM:ss")) -> str:
        if self.chance(0.25):
            return self.pick(EDGE_OFFSETS)
        style = self.pick(styles)
        if style == "Z":
            return self.pick(("Z", "z"))
        seconds = self.rng.randrange(-18 * 4, 18 * 4 + 1) * 900
        if style.endswith("ss") and self.chance(0.5):
            seconds += self.rng.randrange(-59, 60)
        return _offset_text(seconds, style)

    def local_date_time(self, seconds: bool | None = None) -> tuple[str, int]:
        year, month, day = self.date_parts()
        hour, minute, second, fraction = self.time_parts(seconds)
        t = self.pick(("T", "T", "T", "t"))
        date_text = f"{self.year_text(year)}-{month:02d}-{day:02d}"
        return date_text + t + self.time_text(hour, minute, second, fraction), year

    def zone_for(self, *years: int) -> str:
        """A user zone: an IANA one when every year is one whose rules are compared."""
        if all(1902 <= year <= 2048 for year in years) and self.chance(0.7):
            return self.pick(IANA_ZONES)
        return self.pick(FIXED_ZONES)

    # -- parse cases ---------------------------------------------------------

    def parse_case(self, family: str) -> Case:
        text, years, zones = getattr(self, "_" + family.lower())()
        zone = self.zone_for(*years)
        now = self.now_ms()
        named = tuple(z for z in (zone, *zones) if z in IANA_ZONES)
        return Case("parse", family, text, zone, now, (text,), named)

    def _recommended(self) -> tuple[str, list[int], list[str]]:
        year, month, day = self.date_parts()
        hour, minute, second, _ = self.time_parts(seconds=True)
        millis = f"{self.rng.randrange(1000):03d}"
        if self.chance(0.1):
            millis = self.pick(("", "1", "12", "1234"))
        if self.chance(0.05):
            hour, minute, second = 24, 0, 0
        offset = self.iso_offset(("HHMM",)) if self.chance(0.9) else self.iso_offset()
        t = "t" if self.chance(0.05) else "T"
        text = f"{self.year_text(year)}-{month:02d}-{day:02d}{t}{hour:02d}:{minute:02d}"
        return f"{text}:{second:02d}.{millis}{offset}", [year], []

    def _iso_offset_date_time(self) -> tuple[str, list[int], list[str]]:
        local, year = self.local_date_time()
        return local + self.iso_offset(), [year], []

    def _iso_zoned_date_time(self) -> tuple[str, list[int], list[str]]:
        if self.chance(0.5) and self.transitions:
            # A region and a local time near one of its transitions, with one
            # of the offsets around it (used there or not).
            zone = self.pick(sorted(self.transitions))
            epoch, before, after = self.rng.choice(self.transitions[zone])
            local = EPOCH + timedelta(seconds=epoch + before + self.rng.randrange(-7200, 7200, 900))
            offset = self.rng.choice((before, after, before + 3600))
            style = "HH:MM:ss" if offset % 60 else "HH:MM"
            text = local.strftime("%Y-%m-%dT%H:%M:%S") + _offset_text(offset, style)
            return f"{text}[{zone}]", [local.year], [zone]
        if self.chance(0.4):
            # A region with the offset it uses at that local time.
            zone = self.pick(IANA_ZONES)
            year = self.rng.randrange(1902, 2049)
            day = date(year, 1, 1) + timedelta(days=self.rng.randrange(365))
            hour, minute, second, fraction = self.time_parts(seconds=True)
            local = datetime.combine(day, time(hour % 24, minute % 60, (second or 0) % 60))
            used = local.replace(tzinfo=tzdata_zone(zone)).utcoffset()
            assert used is not None
            seconds = int(used.total_seconds())
            written = day.isoformat() + "T" + self.time_text(hour, minute, second, fraction)
            text = written + _offset_text(seconds, "HH:MM:ss" if seconds % 60 else "HH:MM")
            return f"{text}[{zone}]", [year], [zone]
        local_text, year = self.local_date_time()
        text = local_text + self.iso_offset()
        if self.chance(0.3):
            return text, [year], []
        if self.chance(0.3):
            zone = self.pick(IANA_ZONES)
            return f"{text}[{zone}]", [year], [zone]
        return f"{text}[{self.pick(ZONE_IDS)}]", [year], []

    def _iso_instant(self) -> tuple[str, list[int], list[str]]:
        local, year = self.local_date_time(seconds=True)
        if self.chance(0.1):
            local = local[:11] + "23:59:60" + local[19:]
        elif self.chance(0.05):
            local = local[:11] + "24:00:00" + local[19:]
        return local + self.iso_offset(("Z", "Z", "HH:MM", "HH:MM:ss")), [year], []

    def _iso_local_date_time(self) -> tuple[str, list[int], list[str]]:
        if self.chance(0.4) and self.transitions:
            zone = self.pick(sorted(self.transitions))
            epoch, before, after = self.rng.choice(self.transitions[zone])
            local = EPOCH + timedelta(seconds=epoch + min(before, after))
            local += timedelta(seconds=self.rng.randrange(-1800, abs(after - before) + 1800, 300))
            return local.strftime("%Y-%m-%dT%H:%M"), [local.year], [zone]
        text, year = self.local_date_time()
        return text, [year], []

    def _iso_date(self) -> tuple[str, list[int], list[str]]:
        year, month, day = self.date_parts()
        text = f"{self.year_text(year)}-{month:02d}-{day:02d}"
        if self.chance(0.5):
            text += self.iso_offset(("Z", "HH:MM", "HH:MM:ss", "HH", "HHMM"))
        return text, [year], []

    def _basic_iso_date(self) -> tuple[str, list[int], list[str]]:
        year, month, day = self.date_parts()
        text = f"{self.year_text(year)}{month:02d}{day:02d}"
        if self.chance(0.5):
            text += self.iso_offset(("Z", "HH", "HHMM", "HHMMss", "HHMM", "HH:MM"))
        return text, [year], []

    def _iso_time(self) -> tuple[str, list[int], list[str]]:
        text = self.time_text(*self.time_parts())
        if self.chance(0.5):
            text += self.iso_offset(("Z", "HH:MM", "HH:MM:ss", "HH"))
        return text, [], []

    def _rfc_1123_date_time(self) -> tuple[str, list[int], list[str]]:
        year, month, day = self.date_parts()
        year = year if 1 <= year <= 9999 or self.chance(0.3) else 2008
        month = min(max(month, 1), 12)
        hour, minute, second, _ = self.time_parts()
        day_text = str(day) if not self.chance(0.15) else self.pick((f"{day:02d}", f"{day:03d}"))
        if self.chance(0.03):
            day_text = f"+{day}"
        year_text = str(year) if 1000 <= year <= 9999 else self.year_text(year)
        if self.chance(0.06):
            year_text = f"{year % 100:02d}"
        hms = [f"{hour:02d}", f"{minute:02d}"] + ([f"{second:02d}"] if second is not None else [])
        if self.chance(0.06):
            index = self.rng.randrange(len(hms))
            hms[index] = self.pick((str(int(hms[index])), f"{int(hms[index]):03d}"))
        zone = self.pick(("GMT", "GMT", "gmt", "Gmt"))
        if self.chance(0.5):
            zone = (
                self.iso_offset(("HHMM",))
                if self.chance(0.9)
                else self.iso_offset(("HHMMss", "HH"))
            )
        text = f"{day_text} {self.any_case(MONTHS[month - 1])} {year_text} {':'.join(hms)} {zone}"
        if self.chance(0.7):
            try:
                weekday = date(year, month, day).weekday()
            except ValueError:
                weekday = 0
            if self.chance(0.1):
                weekday = (weekday + self.rng.randrange(1, 7)) % 7
            text = f"{self.any_case(WEEKDAYS[weekday])}, {text}"
        return text, [year], []

    # -- modify cases ----------------------------------------------------------

    def modifiers(self, count: int, units: Sequence[str] = tuple(UNITS)) -> list[tuple[str, int]]:
        found = []
        for _ in range(count):
            unit = self.pick(units)
            amount = self.rng.choice(
                (1, 1, 1, 2, 7, 12, 24, 30, 31, 0, 0, 3, 5, 48, 52, 60, 90, 364, 366)
            )
            found.append((unit, -amount if self.chance(0.45) else amount))
        return found

    def modifier_text(self, unit: str, amount: int) -> tuple[str, bool]:
        """One modifier as written, and whether it starts with a sign."""
        sign = "-" if amount < 0 else self.pick(("+", "+", ""))
        number = str(abs(amount))
        if self.chance(0.05):
            number = "00" + number
        spelled = self.any_case(self.pick(UNITS[unit]))
        body = number + self.pick(("", " ")) + spelled
        if sign and self.chance(0.1):
            sign += " "
        return sign + body, bool(sign)

    def expression(self, anchor: list[str], modifiers: list[tuple[str, int]]) -> str:
        """The items in a random order (modifiers keep theirs), randomly spaced."""
        pieces: list[tuple[str, str]] = [("item", item) for item in anchor]
        if len(pieces) == 2 and self.chance(0.3):
            pieces.reverse()
        for unit, amount in modifiers:
            text, signed = self.modifier_text(unit, amount)
            earliest = max((i + 1 for i, p in enumerate(pieces) if p[0] != "item"), default=0)
            place = self.rng.randrange(earliest, len(pieces) + 1)
            pieces.insert(place, ("signed" if signed else "unsigned", text))
        out = ""
        for index, (kind, text) in enumerate(pieces):
            if index:
                previous_kind, previous = pieces[index - 1]
                glue_after = previous_kind != "item" or previous.isalpha()
                if kind == "signed" and glue_after and self.chance(0.3):
                    out += text
                    continue
                out += self.pick((" ", " ", " ", "  ", "\t"))
            out += text
        return out

    def modify_case(self, family: str) -> Case:
        make: Callable[[], Made] = getattr(self, "_" + family.replace("-", "_"))
        zone, now, jdk_anchor, items, modifiers, zones = make()
        text = self.expression(items, modifiers)
        jdk_modifiers = ",".join(f"{unit}={amount}" for unit, amount in modifiers) or "-"
        named = tuple(z for z in (zone, *zones) if z in IANA_ZONES)
        return Case("modify", family, text, zone, now, (jdk_anchor, jdk_modifiers), named)

    def _edge(self, zones: Sequence[str] | None = None) -> tuple[str, Transition]:
        candidates = sorted(z for z in (zones or self.transitions) if z in self.transitions)
        zone = self.pick(candidates)
        return zone, self.rng.choice(self.transitions[zone])

    def _near(self, transition: Transition) -> datetime:
        """A naive wall-clock time in, at or around the gap or overlap of ``transition``."""
        epoch, before, after = transition
        start = EPOCH + timedelta(seconds=epoch + min(before, after))
        width = abs(after - before)
        step = self.rng.choice((60, 900, 1800, 1))
        shift = self.rng.randrange(-3600, width + 3600) // step * step
        return (start + timedelta(seconds=shift)).replace(tzinfo=None)

    def _place_now(self, local: datetime, zone: str) -> int:
        zone_info: tzinfo = tzdata_zone(zone)
        return _ms(local.replace(tzinfo=zone_info, fold=self.rng.randrange(2)).astimezone(UTC))

    def _written(self, local: datetime) -> tuple[list[str], str]:
        """A local date-time as bhtime items and as the JDK's anchor."""
        day, clock = local.date(), local.time()
        hms = clock.strftime("%H:%M") if not clock.second and self.chance(0.5) else None
        clock_text = hms or clock.strftime("%H:%M:%S")
        if clock == time(12) and self.chance(0.3):
            words = self.any_case("noon")
        elif clock == time(0) and self.chance(0.3):
            words = self.any_case("midnight")
        else:
            words = clock_text
        style = self.rng.randrange(3)
        if style == 0:
            return [day.isoformat() + self.pick("Tt") + clock_text], (
                f"ISO_LOCAL_DATE_TIME={day.isoformat()}T{clock_text}"
            )
        if style == 1:
            return [day.isoformat(), words], f"ISO_DATE={day.isoformat()};ISO_TIME={clock_text}"
        basic = day.strftime("%Y%m%d")
        return [basic, words], f"BASIC_ISO_DATE={basic};ISO_TIME={clock_text}"

    def _dst_local(self) -> Made:
        zone, transition = self._edge()
        local = self._near(transition)
        items, anchor = self._written(local)
        if self.chance(0.15):  # a written date alone: midnight
            items, anchor = [local.date().isoformat()], f"ISO_DATE={local.date().isoformat()};-"
        modifiers = self.modifiers(self.rng.randrange(4))
        return zone, self.now_ms(), anchor, items, modifiers, []

    def _dst_day_word(self) -> Made:
        zone, transition = self._edge()
        local = self._near(transition)
        days = self.rng.choice((-1, 0, 1))
        word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[days]
        now = self._place_now(local - timedelta(days=days), zone)
        if self.chance(0.5):
            items, anchor = [self.any_case(word)], f"WORD={days};-"
        else:
            clock = self._near(transition).time()
            clock_text = clock.strftime("%H:%M:%S")
            items, anchor = [self.any_case(word), clock_text], f"WORD={days};ISO_TIME={clock_text}"
        modifiers = self.modifiers(self.rng.randrange(3))
        return zone, now, anchor, items, modifiers, []

    def _dst_now(self) -> Made:
        zone, (epoch, _, _) = self._edge()
        # Around the transition, or inside the hours it moves (where +0d and
        # +52w keep the offset held before the step, docs/language.md §6).
        window = 2 * 86400 if self.chance(0.5) else 7200
        now = (epoch + self.rng.randrange(-window, window)) * 1000 + self.rng.randrange(1000)
        items = [self.any_case("now")] if self.chance(0.6) else []
        modifiers = self.modifiers(self.rng.randrange(1, 4))
        return zone, now, "NOW", items, modifiers, []

    def _dst_zoned(self) -> Made:
        zone, transition = self._edge()
        _, before, after = transition
        local = self._near(transition)
        offset = self.rng.choice((before, after))
        style = "HH:MM:ss" if offset % 60 else "HH:MM"
        text = local.strftime("%Y-%m-%dT%H:%M:%S") + _offset_text(offset, style) + f"[{zone}]"
        user = self.pick((zone, *FIXED_ZONES[:3], self.pick(IANA_ZONES)))
        modifiers = self.modifiers(self.rng.randrange(1, 4))
        return (user, self.now_ms(), f"ISO_ZONED_DATE_TIME={text}", [text], modifiers, [zone])

    def _skipped_day(self) -> Made:
        zone = self.pick(("Pacific/Apia", "Pacific/Kiritimati"))
        epoch, before, _ = max(self.transitions[zone], key=lambda t: t[2] - t[1])
        day = (EPOCH + timedelta(seconds=epoch + before)).replace(tzinfo=None)
        local = day + timedelta(
            days=self.rng.randrange(-1, 2), minutes=self.rng.randrange(0, 1440, 30)
        )
        modifiers = self.modifiers(self.rng.randrange(0, 3), ("DAYS", "HOURS", "WEEKS", "MONTHS"))
        if self.chance(0.4):
            days = self.rng.choice((-1, 0, 1))
            word = {-1: "yesterday", 0: "today", 1: "tomorrow"}[days]
            now = self._place_now(local - timedelta(days=days), zone)
            return zone, now, f"WORD={days};-", [word], modifiers, []
        if self.chance(0.3):
            now = self._place_now(local, zone)
            return zone, now, "NOW", ["now"], modifiers, []
        items, anchor = self._written(local)
        return zone, self.now_ms(), anchor, items, modifiers, []

    def _calendar(self) -> Made:
        year = self.rng.choice((*LEAP_YEARS, 2011, 2016, 1, 9999, self.rng.randrange(1, 10000)))
        month = self.rng.randrange(1, 13)
        last = calendar.monthrange(year, month)[1]
        day = self.rng.choice((last, last, last - 1, 28, 29, 1)) if last >= 29 else last
        day = min(day, last)
        local = datetime(year, month, day, self.rng.randrange(24), self.rng.choice((0, 30, 59)))
        items, anchor = self._written(local)
        units = ("YEARS", "MONTHS", "MONTHS", "DAYS", "WEEKS", "HOURS")
        modifiers = self.modifiers(self.rng.randrange(1, 4), units)
        if self.chance(0.15):
            unit = self.pick(tuple(UNITS))
            amount = self.rng.choice((10000, 120000, 4_000_000, 99_999_999_999, 20111203, 9998))
            modifiers.insert(
                self.rng.randrange(len(modifiers) + 1), (unit, self.rng.choice((amount, -amount)))
            )
        zone = self.zone_for(year) if self.chance(0.3) else self.pick(FIXED_ZONES)
        return zone, self.now_ms(), anchor, items, modifiers, []

    def _offset_anchor(self) -> Made:
        moment = EPOCH + timedelta(milliseconds=self.now_ms())
        local = moment.replace(tzinfo=None)
        if self.chance(0.3):
            last = calendar.monthrange(local.year, local.month)[1]
            local = local.replace(day=self.rng.choice((28, last - 1, last)))
        offset = self.rng.randrange(-18 * 4, 18 * 4 + 1) * 900
        kind = self.rng.randrange(6)
        if kind == 0:
            text = local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond // 1000:03d}"
            text += _offset_text(offset, "HHMM")
            anchor = f"RECOMMENDED={text}"
        elif kind == 1:
            text = local.strftime("%Y-%m-%dT%H:%M:%S") + self.iso_offset(("Z", "HH", "HH:MM"))
            anchor = f"ISO_OFFSET_DATE_TIME={text}"
        elif kind == 2:
            text = local.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"
            anchor = f"ISO_INSTANT={text}"
        elif kind == 3:
            weekday = WEEKDAYS[local.weekday()]
            text = f"{weekday}, {local.day} {MONTHS[local.month - 1]} {local.year} "
            text += local.strftime("%H:%M:%S ") + self.pick(("GMT", _offset_text(offset, "HHMM")))
            anchor = f"RFC_1123_DATE_TIME={text}"
        elif kind == 4:
            text = local.date().isoformat() + _offset_text(offset, "HH:MM")
            clock = local.strftime("%H:%M")
            modifiers = self.modifiers(self.rng.randrange(1, 4))
            zone = self.zone_for(local.year)
            anchor = f"ISO_DATE={text};ISO_TIME={clock}"
            return zone, self.now_ms(), anchor, [text, clock], modifiers, []
        else:
            text = local.strftime("%H:%M") + _offset_text(offset, "HH:MM")
            modifiers = self.modifiers(self.rng.randrange(1, 4))
            zone = self.zone_for(local.year)
            return zone, self.now_ms(), f"-;ISO_TIME={text}", [text], modifiers, []
        modifiers = self.modifiers(self.rng.randrange(1, 4))
        return self.zone_for(local.year), self.now_ms(), anchor, [text], modifiers, []


def generate(transitions: dict[str, list[Transition]]) -> list[Case]:
    """All the cases, the same ones on every run."""
    generator = Generator(transitions)
    cases = [
        generator.parse_case(family)
        for family in PARSE_FAMILIES
        for _ in range(PARSE_CASES_PER_FAMILY)
    ]
    cases += [
        generator.modify_case(family)
        for family in MODIFY_FAMILIES
        for _ in range(MODIFY_CASES_PER_FAMILY)
    ]
    return cases


# docs/language.md §10's worked examples, as given there: (expression, zone, now, the JDK's
# anchor, the JDK's modifiers, the result docs/language.md states). They check the reference
# program itself against docs/language.md, before it is trusted with generated cases.
_MOSCOW_NOW = "2017-04-25T00:41:27.123+03:00"
_SPEC_EXAMPLES = (
    ("now", "Europe/Moscow", _MOSCOW_NOW, "NOW", "-", "2017-04-25T00:41:27.123+0300"),
    ("today", "Europe/Moscow", _MOSCOW_NOW, "WORD=0;-", "-", "2017-04-25T00:41:27.123+0300"),
    ("tomorrow", "Europe/Moscow", _MOSCOW_NOW, "WORD=1;-", "-", "2017-04-26T00:41:27.123+0300"),
    (
        "yesterday noon", "Europe/Moscow", _MOSCOW_NOW, "WORD=-1;ISO_TIME=12:00", "-",
        "2017-04-24T12:00:00.000+0300",
    ),
    (
        "tomorrow 14:00", "Europe/Moscow", _MOSCOW_NOW, "WORD=1;ISO_TIME=14:00", "-",
        "2017-04-26T14:00:00.000+0300",
    ),
    ("midnight", "Europe/Moscow", _MOSCOW_NOW, "-;ISO_TIME=00:00", "-", "2017-04-25T00:00:00.000+0300"),
    (
        "2011-12-03 noon", "Europe/Moscow", _MOSCOW_NOW, "ISO_DATE=2011-12-03;ISO_TIME=12:00", "-",
        "2011-12-03T12:00:00.000+0400",
    ),
    (
        "2011-12-03", "Europe/Moscow", _MOSCOW_NOW, "ISO_DATE=2011-12-03;-", "-",
        "2011-12-03T00:00:00.000+0400",
    ),
    ("3h", "Europe/Moscow", _MOSCOW_NOW, "NOW", "HOURS=3", "2017-04-25T03:41:27.123+0300"),
    (
        "now -12 hours +1min", "Europe/Moscow", _MOSCOW_NOW, "NOW", "HOURS=-12,MINUTES=1",
        "2017-04-24T12:42:27.123+0300",
    ),
    (
        "2011-12-03T10:15:30+01:00[Europe/Paris]", "Europe/Moscow", _MOSCOW_NOW,
        "ISO_ZONED_DATE_TIME=2011-12-03T10:15:30+01:00[Europe/Paris]", "-",
        "2011-12-03T13:15:30.000+0400",
    ),
    (
        "Tue, 3 Jun 2008 11:05:30 GMT", "Europe/Moscow", _MOSCOW_NOW,
        "RFC_1123_DATE_TIME=Tue, 3 Jun 2008 11:05:30 GMT", "-", "2008-06-03T15:05:30.000+0400",
    ),
    (
        "20111203+0100 +1 mon", "Europe/Moscow", _MOSCOW_NOW, "BASIC_ISO_DATE=20111203+0100;-",
        "MONTHS=1", "2012-01-03T03:00:00.000+0400",
    ),
    (
        "2011-01-31T10:00:00 +1 month", "Europe/Moscow", _MOSCOW_NOW,
        "ISO_LOCAL_DATE_TIME=2011-01-31T10:00:00", "MONTHS=1", "2011-02-28T10:00:00.000+0300",
    ),
    (
        "10:00+14:00", "America/New_York", _MOSCOW_NOW, "-;ISO_TIME=10:00+14:00", "-",
        "2017-04-23T16:00:00.000-0400",
    ),
    (
        "tomorrow", "Europe/Paris", "2011-03-26T02:30:00.000+01:00", "WORD=1;-", "-",
        "2011-03-27T03:30:00.000+0200",
    ),
    (
        "now +24h", "Europe/Paris", "2011-03-26T02:30:00.000+01:00", "NOW", "HOURS=24",
        "2011-03-27T03:30:00.000+0200",
    ),
    (
        "now +1d +1h", "Europe/Paris", "2011-10-29T02:30:00.000+02:00", "NOW", "DAYS=1,HOURS=1",
        "2011-10-30T02:30:00.000+0100",
    ),
    (
        "2011-10-30 02:30", "Europe/Paris", "2011-10-31T02:30:00.000+01:00",
        "ISO_DATE=2011-10-30;ISO_TIME=02:30", "-", "2011-10-30T02:30:00.000+0200",
    ),
    (
        "yesterday", "Europe/Paris", "2011-10-31T02:30:00.000+01:00", "WORD=-1;-", "-",
        "2011-10-30T02:30:00.000+0100",
    ),
    (
        "now +1d", "Australia/Lord_Howe", "2011-04-02T12:00:00.000+11:00", "NOW", "DAYS=1",
        "2011-04-03T12:00:00.000+1030",
    ),
    (
        "yesterday 01:45", "Australia/Lord_Howe", "2011-04-04T01:45:00.000+10:30",
        "WORD=-1;ISO_TIME=01:45", "-", "2011-04-03T01:45:00.000+1100",
    ),
    (
        "2016-01-31 +1 month", "UTC", _MOSCOW_NOW, "ISO_DATE=2016-01-31;-", "MONTHS=1",
        "2016-02-29T00:00:00.000+0000",
    ),
    (
        "2016-03-31 -1 mon", "UTC", _MOSCOW_NOW, "ISO_DATE=2016-03-31;-", "MONTHS=-1",
        "2016-02-29T00:00:00.000+0000",
    ),
)  # fmt: skip


def spec_examples() -> list[tuple[Case, str]]:
    """docs/language.md §10's examples as cases, each with the result it gives."""
    examples = []
    for text, zone, now, anchor, modifiers, result in _SPEC_EXAMPLES:
        named: tuple[str, ...] = (zone,) if zone in IANA_ZONES else ()
        if anchor.endswith("[Europe/Paris]"):
            named += ("Europe/Paris",)
        case = Case(
            "modify",
            "docs/language.md §10",
            text,
            zone,
            _ms(datetime.fromisoformat(now)),
            (anchor, modifiers),
            named,
        )
        examples.append((case, result))
    return examples
