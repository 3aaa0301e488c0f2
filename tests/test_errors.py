"""Every error code, with its position and its exact message (tomli's test_error.py, for bhtime).

The messages are bhtime's own wording; each was read and judged to say where the
problem is and what was expected there (docs/language.md §8). Positions are 0-based.
"""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timezone, tzinfo
from pathlib import Path

import pytest

import bhtime
from bhtime import ConflictError, ParseError, RangeError, ZoneError

NOW = datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc)

# The stable codes (bhtime.ERROR_CODES); each must be pinned below at least once.
CODES = {
    "empty", "too-long", "unknown-word", "unknown-unit", "ambiguous-unit", "missing-unit",
    "missing-number", "missing-amount", "fraction", "glued-modifiers", "missing-space",
    "invalid-character", "unexpected", "invalid-format", "invalid-date", "invalid-time",
    "invalid-offset", "weekday-mismatch", "conflict", "offset-mismatch", "out-of-range",
    "unknown-zone", "offset-not-in-zone",
    "url-encoded", "invalid-tzinfo",
}  # fmt: skip

LONG = "x" * 1001

# (text, user zone, class, code, pos, lines of str(error))
PINNED = [
    ("", "UTC", ParseError, "empty", 0, [
        "the expression is empty (at end of text)",
        "  ",
        "  ^",
        "write a date, a time or a modifier, as in 'tomorrow 14:00'",
    ]),
    (LONG, "UTC", ParseError, "too-long", 1000, [
        "the expression is 1001 characters long; the limit is 1000 (at column 1001)",
        "  ..." + "x" * 72,
        "  " + " " * 74 + "^",
    ]),
    ("tomorow 14:00", "UTC", ParseError, "unknown-word", 0, [
        "unknown word 'tomorow' (at column 1)",
        "  tomorow 14:00",
        "  ^",
        "did you mean 'tomorrow'?",
    ]),
    ("3 hrs", "UTC", ParseError, "unknown-unit", 2, [
        "unknown unit 'hrs' (at column 3)",
        "  3 hrs",
        "    ^",
        "did you mean 'hours'?",
    ]),
    ("3 mins", "UTC", ParseError, "unknown-unit", 2, [
        "unknown unit 'mins' (at column 3)",
        "  3 mins",
        "    ^",
        "did you mean 'min'?",
    ]),
    ("now +3M", "UTC", ParseError, "ambiguous-unit", 6, [
        "'M' is ambiguous: minutes or months? (at column 7)",
        "  now +3M",
        "        ^",
        "write 'm' or 'min' for minutes, 'mon' for months",
    ]),
    ("now +1", "UTC", ParseError, "missing-unit", 5, [
        "the number '1' has no unit (at column 6)",
        "  now +1",
        "       ^",
        "add a unit, as in '1h' or '1d'",
    ]),
    ("h", "UTC", ParseError, "missing-number", 0, [
        "the unit 'h' has no number (at column 1)",
        "  h",
        "  ^",
        "write a number before it, as in '3h'",
    ]),
    ("now +", "UTC", ParseError, "missing-amount", 5, [
        "expected a number and a unit after the sign (at end of text)",
        "  now +",
        "       ^",
        "write the modifier whole, as in '+3h'",
    ]),
    ("1.5h", "UTC", ParseError, "fraction", 0, [
        "a modifier takes a whole number, not '1.5' (at column 1)",
        "  1.5h",
        "  ^",
        "write whole units: '1h 30min'",
    ]),
    ("1h30min", "UTC", ParseError, "glued-modifiers", 2, [
        "modifiers without a sign must be separated by whitespace (at column 3)",
        "  1h30min",
        "    ^",
        "write '1h 30min'",
    ]),
    ("2011-12-03T10:15:30+12h", "UTC", ParseError, "missing-space", 22, [
        "'+12' was read as the offset of '2011-12-03T10:15:30', and 'h' does not follow an offset"
        " (at column 23)",
        "  2011-12-03T10:15:30+12h",
        "                        ^",
        "for a modifier, write a space: '2011-12-03T10:15:30 +12h'",
    ]),
    ("now\u00a0+1h", "UTC", ParseError, "invalid-character", 3, [
        "the character U+00A0 (NO-BREAK SPACE) is not allowed (at column 4)",
        "  now?+1h",
        "     ^",
        "separate items with spaces, tabs or line breaks",
    ]),
    ("\u0661\u0660:00", "UTC", ParseError, "invalid-character", 0, [
        "the character U+0661 (ARABIC-INDIC DIGIT ONE) is not allowed (at column 1)",
        "  \u0661\u0660:00",
        "  ^",
        "write the digits as ASCII 0-9",
    ]),
    ("3\u212a", "UTC", ParseError, "invalid-character", 1, [
        "the character U+212A (KELVIN SIGN) is not allowed (at column 2)",
        "  3\u212a",
        "   ^",
        "write the expression in ASCII",
    ]),
    ("now; +1h", "UTC", ParseError, "unexpected", 3, [
        "unexpected ';': expected a timestamp, a date, a time, a word such as 'now', or a modifier"
        " such as '+3h' (at column 4)",
        "  now; +1h",
        "     ^",
    ]),
    ("Tue, 3 Jun 08 11:05:30 GMT", "UTC", ParseError, "invalid-format", 11, [
        "the year takes 4 digits, not 2 (at column 12)",
        "  Tue, 3 Jun 08 11:05:30 GMT",
        "             ^",
    ]),
    ("2011-12-03T10", "UTC", ParseError, "invalid-format", 11, [
        "expected a time HH:mm after 'T' (at column 12)",
        "  2011-12-03T10",
        "             ^",
        "write it as in 2011-12-03T10:15",
    ]),
    ("2011-02-30", "UTC", ParseError, "invalid-date", 8, [
        "February 2011 has no day 30 (at column 9)",
        "  2011-02-30",
        "          ^",
        "the last day of February 2011 is 28",
    ]),
    ("24:00", "UTC", ParseError, "invalid-time", 0, [
        "hour 24 is not allowed (at column 1)",
        "  24:00",
        "  ^",
        "write 00:00 of the next day",
    ]),
    ("10:15:60", "UTC", ParseError, "invalid-time", 6, [
        "there is no second 60 (00-59) (at column 7)",
        "  10:15:60",
        "        ^",
    ]),
    ("23:59:60", "UTC", ParseError, "invalid-time", 6, [
        "there is no second 60 (00-59) (at column 7)",
        "  23:59:60",
        "        ^",
        "a leap second, 23:59:60, is read only in a date-time with an offset Z or ±HH:MM and no [zone] (ISO_INSTANT)",
    ]),
    ("-1.5h", "UTC", ParseError, "fraction", 1, [
        "a modifier takes a whole number, not '1.5' (at column 2)",
        "  -1.5h",
        "   ^",
        "write whole units: '-1h -30min'",
    ]),
    ("now2011-12-03", "UTC", ParseError, "missing-space", 3, [
        "expected whitespace between 'now' and '2011-12-03' (at column 4)",
        "  now2011-12-03",
        "     ^",
    ]),
    ("9999-12-31T22:00Z -1h", "Europe/Moscow", RangeError, "out-of-range", 0, [
        "the result is outside the years 0001-9999 when shown in Europe/Moscow (at column 1)",
        "  9999-12-31T22:00Z -1h",
        "  ^",
    ]),
    ("2011-12-03T10:15:30+19:00", "UTC", ParseError, "invalid-offset", 19, [
        "offset '+19:00' is outside -18:00 to +18:00 (at column 20)",
        "  2011-12-03T10:15:30+19:00",
        "                     ^",
    ]),
    ("2011-12-03T10:15:30+01:60", "UTC", ParseError, "invalid-offset", 19, [
        "there is no minute 60 in the offset '+01:60' (at column 20)",
        "  2011-12-03T10:15:30+01:60",
        "                     ^",
    ]),
    ("Wed, 3 Jun 2008 11:05:30 GMT", "UTC", ParseError, "weekday-mismatch", 0, [
        "2008-06-03 is a Tuesday, not 'Wed' (at column 1)",
        "  Wed, 3 Jun 2008 11:05:30 GMT",
        "  ^",
        "write 'Tue', or leave the day of the week out",
    ]),
    ("today tomorrow", "UTC", ConflictError, "conflict", 6, [
        "'tomorrow' sets the date, which 'today' already sets (at column 7)",
        "  today tomorrow",
        "        ^",
        "keep one of them",
    ]),
    ("now 14:00", "UTC", ConflictError, "conflict", 4, [
        "'14:00' sets the time, which 'now' already sets (at column 5)",
        "  now 14:00",
        "      ^",
        "keep one of them",
    ]),
    ("2011-12-03+01:00 10:00+02:00", "UTC", ConflictError, "offset-mismatch", 17, [
        "the date '2011-12-03+01:00' and the time '10:00+02:00' carry different offsets"
        " (at column 18)",
        "  2011-12-03+01:00 10:00+02:00",
        "                   ^",
        "write the offset once, or the same offset on both",
    ]),
    ("now +10000 years", "UTC", RangeError, "out-of-range", 4, [
        "'+10000 years' takes the date outside the years 0001-9999 (at column 5)",
        "  now +10000 years",
        "      ^",
    ]),
    ("0000-01-01", "UTC", RangeError, "out-of-range", 0, [
        "year 0000 is outside 0001-9999 (at column 1)",
        "  0000-01-01",
        "  ^",
    ]),
    ("0001-01-01T00:30:00+01:00", "UTC", RangeError, "out-of-range", 0, [
        "the instant falls outside the years 0001-9999 in UTC (at column 1)",
        "  0001-01-01T00:30:00+01:00",
        "  ^",
    ]),
    ("now", "Mars/Olympus", ZoneError, "unknown-zone", None, [
        "unknown zone 'Mars/Olympus'",
    ]),
    ("now", "europe/paris", ZoneError, "unknown-zone", None, [
        "unknown zone 'europe/paris'",
        "did you mean 'Europe/Paris'?",
    ]),
    ("2011-12-03T10:15:30Z[Europe/Pariss]", "UTC", ZoneError, "unknown-zone", 21, [
        "unknown zone 'Europe/Pariss' (at column 22)",
        "  2011-12-03T10:15:30Z[Europe/Pariss]",
        "                       ^",
        "did you mean 'Europe/Paris'?",
    ]),
    ("2011-12-03T10:15:30+05:00[Europe/Paris]", "UTC", ZoneError, "offset-not-in-zone", 19, [
        "Europe/Paris does not use the offset +05:00 at 2011-12-03T10:15:30 (at column 20)",
        "  2011-12-03T10:15:30+05:00[Europe/Paris]",
        "                     ^",
        "Europe/Paris is at +01:00 then",
    ]),
    ("2013-01-20+17%3A50%3A03", "UTC", ParseError, "url-encoded", 10, [
        "the text looks URL-encoded (at column 11)",
        "  2013-01-20+17%3A50%3A03",
        "            ^",
        "decode it first: '2013-01-20 17:50:03'",
    ]),
    ("now", tzinfo(), ZoneError, "invalid-tzinfo", None, [
        "zone: the tzinfo tzinfo gives no UTC offset",
        "pass an aware zone: a zoneinfo.ZoneInfo, a datetime.timezone, or a zone name",
    ]),
]  # fmt: skip


def ids(row: tuple[object, ...]) -> str:
    text = str(row[0])
    return f"{row[3]}: {text[:40]!r}" + (f" [{row[1]}]" if row[1] != "UTC" else "")


@pytest.mark.parametrize("row", PINNED, ids=ids)
def test_message(
    row: tuple[str, str, type[bhtime.BhtimeError], str, int | None, list[str]],
) -> None:
    text, zone, cls, code, pos, lines = row
    with pytest.raises(cls) as info:
        bhtime.evaluate(text, zone=zone, now=NOW)
    error = info.value
    assert (error.code, error.pos) == (code, pos)
    assert str(error) == "\n".join(lines)
    assert isinstance(error, ValueError)


def test_every_code_is_pinned() -> None:
    assert {row[3] for row in PINNED} == CODES


def test_the_catalogue_has_these_codes_and_no_other() -> None:
    """The codes pinned here, and those of gateway forms and of disambiguate='raise'.

    Those four are pinned with their messages in tests/data/gateways/errors.json
    and tests/test_api.py.
    """
    elsewhere = {"not-relative", "unrepresentable", "skipped-time", "repeated-time"}
    assert set(bhtime.ERROR_CODES) == CODES | elsewhere


def test_data_uses_every_code() -> None:
    """The data files use only the known codes, and all of them but too-long (pinned above)."""
    data = Path(__file__).parent / "data" / "invalid"
    used = {
        case["code"]
        for path in data.glob("*.json")
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
    }
    # invalid-tzinfo needs a tzinfo object, which a data file cannot hold.
    assert used | {"too-long", "invalid-tzinfo"} == CODES


@pytest.mark.parametrize("row", PINNED, ids=ids)
def test_error_pickles(
    row: tuple[str, str, type[bhtime.BhtimeError], str, int | None, list[str]],
) -> None:
    text, zone, cls, *_ = row
    with pytest.raises(cls) as info:
        bhtime.evaluate(text, zone=zone, now=NOW)
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is cls
    assert (str(copy), copy.code, copy.pos, copy.text) == (
        str(info.value),
        info.value.code,
        info.value.pos,
        info.value.text,
    )
