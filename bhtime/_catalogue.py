"""The error catalogue's English: every message and hint template by its stable id.

Also the closed sets of English words (TERMS) that a translation puts in its
grammatical forms. This module sits below both ``_errors``, which builds each
error from these templates, and ``_locales``, which translates them, so that
neither of the two imports the other.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    Param = str | int

__all__ = ["TERMS", "Template"]


class Template:
    """An English message and the params it is made of (their names, space-separated).

    ``count`` names the param whose number picks a translation's plural form.
    """

    __slots__ = ("count", "english", "params")

    def __init__(self, english: str, params: str = "", *, count: str | None = None) -> None:
        self.english = english
        self.params = tuple(params.split())
        self.count = count

    def render(self, params: Mapping[str, Param]) -> str:
        return self.english.format_map(params)


_T = Template
_EXPECTED_ITEM = "a timestamp, a date, a time, a word such as 'now', or a modifier such as '+3h'"
# Keyed by MessageId; a test checks that the two list the same ids.
_MESSAGES: dict[str, Template] = {
    "empty": _T("the expression is empty"),
    "too-long": _T(
        "the expression is {length} characters long; the limit is {limit}",
        "length limit",
        count="length",
    ),
    "unknown-word": _T("unknown word {word!r}", "word"),
    "unknown-unit": _T("unknown unit {word!r}", "word"),
    "ambiguous-unit": _T("'M' is ambiguous: minutes or months?"),
    "missing-unit": _T("the number {number!r} has no unit", "number"),
    "missing-number": _T("the unit {unit!r} has no number", "unit"),
    "missing-amount": _T("expected a number and a unit after the sign"),
    "missing-amount.after-sign": _T(
        "expected a number and a unit after {sign!r}, not {token!r}",
        "sign token",
    ),
    "fraction": _T("a modifier takes a whole number, not {number!r}", "number"),
    "glued-modifiers": _T("modifiers without a sign must be separated by whitespace"),
    "missing-space": _T("expected whitespace between {previous!r} and {next!r}", "previous next"),
    "missing-space.offset": _T(
        "{offset!r} was read as the offset of {item!r}, and {word!r} does not follow an offset",
        "offset item word",
    ),
    "invalid-character": _T("the character {character} is not allowed", "character"),
    "unexpected": _T("unexpected {character!r}: expected " + _EXPECTED_ITEM, "character"),
    "unexpected.unclosed-zone": _T("the '[' of a zone name is never closed"),
    "unexpected.zone-without-offset": _T("a [zone] must follow a date-time with an offset"),
    "invalid-format.time-after-t": _T("expected a time HH:mm after 'T'"),
    "invalid-format.not-digits": _T(
        "the {field} takes digits only, not {written!r}",
        "field written",
    ),
    "invalid-format.digits": _T(
        "the {field} takes {expected} digits, not {count}",
        "field expected count",
        count="expected",
    ),
    "invalid-format.digits-either": _T(
        "the {field} takes {fewest} or {most} digits, not {count}",
        "field fewest most count",
        count="most",
    ),
    "invalid-format.offset-shape": _T(
        "{format} takes an offset {shapes}, not {shape}",
        "format shapes shape",
    ),
    "invalid-format.zone-needs-offset": _T("a [zone] must follow an offset"),
    "invalid-format.recommended-fraction": _T(
        "an offset without a colon needs the recommended format, yyyy-MM-dd'T'HH:mm:ss.SSSZ, with "
        "exactly 3 fraction digits",
    ),
    "invalid-format.recommended-t": _T("the recommended format takes an upper-case 'T'"),
    "invalid-format.recommended-zone": _T("a [zone] must follow an ISO offset such as +03:00"),
    "invalid-format.rfc-space": _T("RFC 1123 separates its fields with one space"),
    "invalid-format.rfc-offset": _T(
        "RFC 1123 takes GMT or an offset +HHMM, not {offset!r}",
        "offset",
    ),
    "invalid-format.unknown-name": _T("unknown {part} {written!r}", "part written"),
    "invalid-date.month": _T("there is no month {month:02d}", "month"),
    "invalid-date.day": _T("{month_name} {year:04d} has no day {day:02d}", "month_name year day"),
    "invalid-time.hour-24": _T("hour 24 is not allowed"),
    "invalid-time.hour": _T("there is no hour {hour:02d} (00-23)", "hour"),
    "invalid-time.minute": _T("there is no minute {minute:02d} (00-59)", "minute"),
    "invalid-time.second": _T("there is no second {second:02d} (00-59)", "second"),
    "invalid-time.fraction": _T("at most 9 fraction digits, not {count}", "count", count="count"),
    # Offsets, also for the code unknown-zone, of a user zone written as an offset.
    "invalid-offset.minute": _T(
        "there is no minute {minute:02d} in the offset {offset!r}",
        "minute offset",
    ),
    "invalid-offset.second": _T(
        "there is no second {second:02d} in the offset {offset!r}",
        "second offset",
    ),
    "invalid-offset.range": _T("offset {offset!r} is outside -18:00 to +18:00", "offset"),
    "weekday-mismatch": _T("{date} is a {weekday}, not {written!r}", "date weekday written"),
    "conflict": _T(
        "{second!r} sets the {fields}, which {first!r} already sets",
        "second fields first",
    ),
    "offset-mismatch": _T(
        "the date {date!r} and the time {time!r} carry different offsets",
        "date time",
    ),
    "out-of-range.year": _T("year {year} is outside 0001-9999", "year"),
    "out-of-range.utc": _T("the instant falls outside the years 0001-9999 in UTC"),
    "out-of-range.zone": _T("the instant falls outside the years 0001-9999 in its zone"),
    "out-of-range.shown-in": _T(
        "the result is outside the years 0001-9999 when shown in {zone}",
        "zone",
    ),
    "out-of-range.step": _T("{item!r} takes the date outside the years 0001-9999", "item"),
    "unknown-zone": _T("unknown zone {zone!r}", "zone"),
    "offset-not-in-zone": _T(
        "{zone} does not use the offset {offset} at {local}",
        "zone offset local",
    ),
    "skipped-time": _T(
        "{local} does not exist in {zone}: the clocks jump from {before} to {after}",
        "local zone before after",
    ),
    "repeated-time": _T(
        "{local} happens twice in {zone}: the clocks go back from {before} to {after}",
        "local zone before after",
    ),
    "not-relative": _T(
        "{item!r} is not a modifier; an SMPP relative time is made of modifiers only",
        "item",
    ),
    "unrepresentable.negative": _T(
        "the {group} add up to less than zero; SMPP relative time only counts forward",
        "group",
    ),
    "unrepresentable.too-large": _T(
        "the {group} add up to more than SMPP relative time's two-digit {slot} can hold",
        "group slot",
    ),
    "unrepresentable.quarter-hours": _T(
        "the offset {offset} is not a whole number of quarter hours, which SMPP absolute time "
        "needs",
        "offset",
    ),
    "unrepresentable.quarters": _T(
        "the offset {offset} is {quarters} quarter hours from UTC; SMPP absolute time allows at "
        "most {limit}",
        "offset quarters limit",
        count="quarters",
    ),
    "unrepresentable.year": _T(
        "the year {year:04d} is outside 2000-2099, and {form} writes the year in two digits",
        "year form",
    ),
    "unrepresentable.moscow-twice": _T(
        "Moscow time {local} occurs twice (the clocks went back), so smsc.ru's time and tz cannot "
        "tell which is meant",
        "local",
    ),
    "unrepresentable.before-1970": _T("smsc.ru's Unix-seconds time cannot be before 1970"),
    # The arguments now and zone, not the text, at fault: these have no position.
    "unknown-zone.too-long": _T(
        "unknown zone {prefix!r} ({length} characters; no zone name is longer than {limit})",
        "prefix length limit",
        count="length",
    ),
    "out-of-range.now-utc": _T("now ({now}) is outside the years 0001-9999 in UTC", "now"),
    "out-of-range.now-shown-in": _T(
        "now ({now}) is outside the years 0001-9999 when shown in {zone}",
        "now zone",
    ),
    "out-of-range.from-now": _T(
        "{item!r} takes the date outside the years 0001-9999 from now = {now}",
        "item now",
    ),
    "invalid-tzinfo": _T(
        "{argument}: the tzinfo {tzinfo} gives no UTC offset",
        "argument tzinfo",
    ),
    "url-encoded": _T("the text looks URL-encoded"),
}

_HINTS: dict[str, Template] = {
    "hint.empty": _T("write a date, a time or a modifier, as in 'tomorrow 14:00'"),
    "hint.did-you-mean": _T("did you mean {suggestion!r}?", "suggestion"),
    "hint.write": _T("write {fix!r}", "fix"),
    "hint.whole-modifier": _T("write the modifier whole, as in '+3h'"),
    "hint.time-example": _T("write it as in 2011-12-03T10:15"),
    "hint.space-for-modifier": _T("for a modifier, write a space: {fix!r}", "fix"),
    "hint.control-character": _T("control characters are not allowed"),
    "hint.separate-items": _T("separate items with spaces, tabs or line breaks"),
    "hint.ascii-digits": _T("write the digits as ASCII 0-9"),
    "hint.ascii": _T("write the expression in ASCII"),
    "hint.keep-one": _T("keep one of them"),
    "hint.same-offset": _T("write the offset once, or the same offset on both"),
    "hint.next-day": _T("write 00:00 of the next day"),
    "hint.leap-second": _T(
        "a leap second, 23:59:60, is read only in a date-time with an offset Z or ±HH:MM and no "
        "[zone] (ISO_INSTANT)",
    ),
    "hint.zone-example": _T(
        "write the offset first, as in 2011-12-03T10:15:30+01:00[Europe/Paris]",
    ),
    "hint.weekday": _T("write {fix!r}, or leave the day of the week out", "fix"),
    "hint.last-day": _T(
        "the last day of {month_name} {year:04d} is {last}",
        "month_name year last",
    ),
    "hint.zone-offset": _T("{zone} is at {used} then", "zone used"),
    "hint.m-or-mon": _T("write 'm' or 'min' for minutes, 'mon' for months"),
    "hint.m-or-mon-number": _T("write 'm' or 'min' for minutes, 'mon' for months, after a number"),
    "hint.whole-units": _T("write whole units: {fix!r}", "fix"),
    "hint.smaller-units": _T("write whole numbers of smaller units, as in '1h 30min' for 1.5h"),
    "hint.add-unit": _T("add a unit, as in '{number}h' or '{number}d'", "number"),
    "hint.units": _T("the units are years, months, weeks, days, hours, minutes and seconds"),
    "hint.t-joins": _T("a date and a time join with 'T' and no spaces, as in 2011-12-03T10:15"),
    "hint.number-first": _T("write a number before it, as in '3{unit}'", "unit"),
    "hint.disambiguate": _T("choose disambiguate='earlier', 'later' or 'compatible'"),
    "hint.modifiers-only": _T("write the amount from now alone, such as '1d 2h'"),
    "hint.in-utc": _T("the same instant can be written in UTC: evaluate it with zone 'UTC'"),
    "hint.smsc-unix": _T("smsc.ru's '0<unix seconds>' form names the instant exactly"),
    "hint.aware-zone": _T(
        "pass an aware zone: a zoneinfo.ZoneInfo, a datetime.timezone, or a zone name"
    ),
    "hint.url-decode": _T("decode it first: {decoded!r}", "decoded"),
    # The command line's words for hint.disambiguate and hint.in-utc.
    "hint.disambiguate-option": _T("choose --disambiguate earlier, later or compatible"),
    "hint.in-utc-option": _T("the same instant can be written in UTC: run it with -u"),
}

# Where the problem is, after the message.
_PHRASES: dict[str, Template] = {
    "where.column": _T("(at column {column})", "column"),
    "where.end": _T("(at end of text)"),
}

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Params whose value is an English word from a closed set: a translation
# names its grammatical form, as in "{month_name:in}", and the catalog has
# the word in that form under "month_name:February:in".
TERMS: dict[str, tuple[str, ...]] = {
    "field": ("year", "month", "day", "hour", "minute", "second"),
    "part": ("day of the week", "month"),
    "format": ("an ISO date-time", "ISO_DATE", "BASIC_ISO_DATE", "ISO_TIME"),
    "month_name": _MONTH_NAMES,
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fields": ("date", "time", "date and time"),
    "group": ("months", "days", "hours"),
    "slot": ("years (YY)", "days (DD)", "hours (hh)"),
    "form": ("smsc.ru's time parameter", "SMPP absolute time"),
}
