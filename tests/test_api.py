"""The public surface: exported names, Expression's contract, zone and now inputs."""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
import zoneinfo
from dataclasses import FrozenInstanceError
from datetime import datetime, timedelta, timezone

import pytest
from dateutil import tz as dateutil_tz

import bhtime
from bhtime import BhtimeError, ConflictError, ParseError, RangeError, ZoneError

EXPECTED_EXPORTS = {
    "BhtimeError",
    "ERROR_CODES",
    "ErrorCode",
    "CalendarDate",
    "ConflictError",
    "DayWord",
    "Expression",
    "Item",
    "Modifier",
    "Now",
    "Placement",
    "Policy",
    "Step",
    "Timestamp",
    "Unit",
    "WallTime",
    "ParseError",
    "RangeError",
    "ZoneError",
    "__version__",
    "evaluate",
    "explain",
    "Explanation",
    "format_instant",
    "parse",
    "resolve",
}


def test_all_is_the_public_surface() -> None:
    assert set(bhtime.__all__) == EXPECTED_EXPORTS
    for name in bhtime.__all__:
        assert getattr(bhtime, name) is not None


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert bhtime.__version__ == version("bhtime")


def test_import_loads_no_parser_and_no_extras() -> None:
    code = (
        "import sys, bhtime; "
        "print(sorted(m for m in ('lark', 'hypothesis', 'pydantic', 'dateutil') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_errors_are_value_errors_with_a_tree() -> None:
    for error_type in (ParseError, ConflictError, RangeError, ZoneError):
        assert issubclass(error_type, BhtimeError)
    assert issubclass(BhtimeError, ValueError)


# -- Expression ----------------------------------------------------------------


def test_expression_gives_back_its_text_and_compares_by_it() -> None:
    first, second = bhtime.parse("now -3h"), bhtime.parse("now -3h")
    assert str(first) == "now -3h"
    assert first == second
    assert hash(first) == hash(second)
    assert first != bhtime.parse("now  -3h")
    assert repr(first) == "Expression('now -3h')"


def test_expression_is_immutable() -> None:
    expression = bhtime.parse("tomorrow")
    with pytest.raises(FrozenInstanceError):
        expression.text = "today"  # type: ignore[misc]


def test_expression_pickles_as_its_text() -> None:
    expression = bhtime.parse("2011-12-03T10:15:30+01:00[Europe/Paris] +1 mon")
    restored = pickle.loads(pickle.dumps(expression))
    assert restored == expression
    assert restored.items == expression.items


def test_parse_needs_no_clock_but_rejects_what_it_can() -> None:
    with pytest.raises(ConflictError):
        bhtime.parse("today tomorrow")
    with pytest.raises(ParseError):
        bhtime.parse("2011-02-30")
    with pytest.raises(ZoneError) as caught:
        bhtime.parse("2011-12-03T10:15:30+05:00[Europe/Paris]")
    assert caught.value.pos == 19


def test_parse_rejects_a_non_string() -> None:
    with pytest.raises(TypeError):
        bhtime.parse(b"now")  # type: ignore[arg-type]


def test_errors_pickle_with_their_fields() -> None:
    with pytest.raises(BhtimeError) as caught:
        bhtime.parse("tomorow")
    restored = pickle.loads(pickle.dumps(caught.value))
    assert type(restored) is ParseError
    assert (restored.code, restored.pos, restored.hint, str(restored)) == (
        "unknown-word",
        0,
        "did you mean 'tomorrow'?",
        str(caught.value),
    )


# -- evaluate: zones and now ---------------------------------------------------------

ZONE_SPELLINGS = [
    "Europe/Moscow",
    zoneinfo.ZoneInfo("Europe/Moscow"),
    dateutil_tz.gettz("Europe/Moscow"),
]


@pytest.mark.parametrize("zone", ZONE_SPELLINGS, ids=["name", "zoneinfo", "dateutil"])
def test_every_kind_of_named_zone_gives_the_same_answer(zone: object, now: datetime) -> None:
    assert bhtime.resolve("2011-12-03 noon +1 mon", zone=zone, now=now) == (  # type: ignore[arg-type]
        "2012-01-03T12:00:00.000+0400"
    )


def test_pytz_zones_are_read_by_name(now: datetime) -> None:
    pytz = pytest.importorskip(
        "pytz",
        reason="pytz not installed: an optional input type, installed in the all-extras CI run",
    )
    assert bhtime.resolve("2011-10-30 02:30", zone=pytz.timezone("Europe/Paris"), now=now) == (
        "2011-10-30T02:30:00.000+0200"
    )
    assert bhtime.resolve("noon", zone=pytz.FixedOffset(330), now=now) == (
        "2017-04-25T12:00:00.000+0530"
    )


@pytest.mark.parametrize(
    "zone",
    [
        "+05:30",
        "+0530",
        timezone(timedelta(hours=5, minutes=30)),
        dateutil_tz.tzoffset(None, 19800),
    ],
)
def test_fixed_offsets_in_every_spelling(zone: object, now: datetime) -> None:
    assert bhtime.resolve("noon", zone=zone, now=now) == "2017-04-25T12:00:00.000+0530"  # type: ignore[arg-type]


@pytest.mark.parametrize("zone", ["UTC", "Z", "+00:00", "+00", timezone.utc, dateutil_tz.UTC])
def test_utc_in_every_spelling(zone: object, now: datetime) -> None:
    assert bhtime.resolve("now", zone=zone, now=now) == "2017-04-24T21:41:27.123+0000"  # type: ignore[arg-type]


def test_unknown_zone_is_a_zone_error_without_position(now: datetime) -> None:
    with pytest.raises(ZoneError) as caught:
        bhtime.resolve("now", zone="Europe/Moskow", now=now)
    assert (caught.value.pos, caught.value.code) == (None, "unknown-zone")
    assert str(caught.value) == "unknown zone 'Europe/Moskow'\ndid you mean 'Europe/Moscow'?"


def test_zone_names_are_case_sensitive_with_a_hint(now: datetime) -> None:
    with pytest.raises(ZoneError, match="did you mean 'Europe/Moscow'"):
        bhtime.resolve("now", zone="europe/moscow", now=now)


def test_naive_now_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="aware"):
        bhtime.evaluate("now", zone="UTC", now=datetime(2017, 1, 1))


def test_zone_of_the_wrong_type_is_a_type_error(now: datetime) -> None:
    with pytest.raises(TypeError):
        bhtime.evaluate("now", zone=3, now=now)  # type: ignore[arg-type]


def test_without_now_the_system_clock_is_read_once() -> None:
    before = datetime.now(timezone.utc)
    result = bhtime.evaluate("now", zone="UTC")
    after = datetime.now(timezone.utc)
    assert before <= result <= after


def test_evaluate_returns_an_aware_datetime_in_the_zone(now: datetime) -> None:
    result = bhtime.evaluate("tomorrow 14:00", zone="Europe/Paris", now=now)
    assert str(result.tzinfo) == "Europe/Paris"
    assert result.isoformat() == "2017-04-25T14:00:00+02:00"  # 23:41 on the 24th in Paris


def test_results_pickle_with_their_zone(now: datetime) -> None:
    result = bhtime.evaluate("tomorrow 14:00", zone="Europe/Paris", now=now)
    restored = pickle.loads(pickle.dumps(result))
    assert restored == result
    assert restored.utcoffset() == result.utcoffset()
    assert str(restored.tzinfo) == "Europe/Paris"


def test_format_instant_rejects_naive_datetimes() -> None:
    with pytest.raises(TypeError):
        bhtime.format_instant(datetime(2017, 1, 1))


@pytest.mark.parametrize(
    ("offset", "shown"),
    [
        (timedelta(hours=3), "+0300"),
        (timedelta(0), "+0000"),
        (-timedelta(hours=4, minutes=30), "-0430"),
        (timedelta(minutes=19, seconds=32), "+0019"),  # JDK: seconds are not shown
        (-timedelta(seconds=30), "+0000"),  # JDK: an offset shown as zero is +0000
        (-timedelta(minutes=1, seconds=15), "-0001"),
    ],
)
def test_format_instant_offsets_as_the_jdk(offset: timedelta, shown: str) -> None:
    moment = datetime(2017, 4, 25, 0, 41, 27, 999999, tzinfo=timezone(offset))
    assert bhtime.format_instant(moment) == "2017-04-25T00:41:27.999" + shown


# -- disambiguate (issue 4) -------------------------------------------------------

PARIS_GAP, PARIS_OVERLAP = "2011-03-27 02:30", "2011-10-30 02:30"


@pytest.mark.parametrize(
    ("policy", "gap", "overlap"),
    [
        ("compatible", "2011-03-27T03:30:00.000+0200", "2011-10-30T02:30:00.000+0200"),
        ("earlier", "2011-03-27T01:30:00.000+0100", "2011-10-30T02:30:00.000+0200"),
        ("later", "2011-03-27T03:30:00.000+0200", "2011-10-30T02:30:00.000+0100"),
    ],
)
def test_disambiguate_places_the_anchor(policy: str, gap: str, overlap: str, now: datetime) -> None:
    def resolve(text: str) -> str:
        moment = bhtime.evaluate(text, zone="Europe/Paris", now=now, disambiguate=policy)  # type: ignore[arg-type]
        return bhtime.format_instant(moment)

    assert (resolve(PARIS_GAP), resolve(PARIS_OVERLAP)) == (gap, overlap)


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            PARIS_GAP,
            "skipped-time",
            "2011-03-27 02:30 does not exist in Europe/Paris: the clocks jump from +01:00 to +02:00",
        ),
        (
            PARIS_OVERLAP,
            "repeated-time",
            "2011-10-30 02:30 happens twice in Europe/Paris: the clocks go back from +02:00 to +01:00",
        ),
    ],
)
def test_disambiguate_raise_names_the_gap_or_overlap(
    text: str, code: str, message: str, now: datetime
) -> None:
    with pytest.raises(ZoneError) as caught:
        bhtime.evaluate(text, zone="Europe/Paris", now=now, disambiguate="raise")
    assert (caught.value.code, caught.value.pos, caught.value.message) == (code, 0, message)


def test_disambiguate_leaves_modifiers_to_spec(now: datetime) -> None:
    # The anchor is unambiguous; +1d lands in the overlap and keeps +02:00 (docs/language.md §6 step 2).
    moment = bhtime.evaluate(
        "2011-10-29 02:30 +1d", zone="Europe/Paris", now=now, disambiguate="raise"
    )
    assert bhtime.format_instant(moment) == "2011-10-30T02:30:00.000+0200"


def test_disambiguate_rejects_unknown_policies(now: datetime) -> None:
    with pytest.raises(ValueError, match="disambiguate"):
        bhtime.evaluate("now", zone="UTC", now=now, disambiguate="latest")  # type: ignore[arg-type]


# -- threads (issue 3) ---------------------------------------------------------------

_THREADS_SCRIPT = r"""
import threading, bhtime
from datetime import datetime, timedelta, timezone
cases = [
    (expr, zone, datetime(2011, month, 26, 1, 30, tzinfo=timezone.utc))
    for expr in ("tomorrow", "now +1d +1h", "yesterday 01:45", "2011-10-30 02:30 +1 mon", "3h")
    for zone in ("Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu")
    for month in (3, 10)
]
barrier = threading.Barrier(16)
results = {}
def work(index):
    barrier.wait()  # all 16 start together, while the parser is still unbuilt
    results[index] = [bhtime.resolve(e, zone=z, now=n) for e, z, n in cases[index::16]]
threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
for t in threads: t.start()
for t in threads: t.join()
serial = {i: [bhtime.resolve(e, zone=z, now=n) for e, z, n in cases[i::16]] for i in range(16)}
print(len(cases), results == serial)
"""


def test_sixteen_threads_agree_with_serial_evaluation_from_the_first_call() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _THREADS_SCRIPT], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["40", "True"]


def test_threads_that_work_out_the_table_steps_together_agree() -> None:
    # The driver keeps each step of the table it works out; threads that
    # work out the same steps at once must parse as one thread does.
    from bhtime import _parse, _syntax

    texts = ["now -12 hours +1min", " tomorrow 14:00 ", "now+1d-2h", "- 1.5h", "now +", "1h30min"]

    def outcome(text: str) -> str:
        try:
            return repr(_parse._parse(text).items)
        except bhtime.BhtimeError as error:
            return repr(error)

    serial = [outcome(text) for text in texts]
    seen: list[list[str]] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        seen.append([outcome(text) for text in texts])

    _syntax.clear_steps()
    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [serial] * 8


# dateutil's rule-based zones honour fold in overlaps only; a gap must still move forward.
PARIS_RULE = dateutil_tz.tzstr("CET-1CEST,M3.5.0,M10.5.0/3")


@pytest.mark.parametrize("text", ["2011-03-27 02:30", "tomorrow", "2011-10-30 02:30", "yesterday"])
@pytest.mark.parametrize("policy", ["compatible", "earlier", "later"])
def test_a_posix_rule_zone_agrees_with_its_iana_zone(text: str, policy: str) -> None:
    now = datetime(2011, 3, 26, 1, 30, tzinfo=timezone.utc)

    def shown(zone: object) -> str:
        moment = bhtime.evaluate(text, zone=zone, now=now, disambiguate=policy)  # type: ignore[arg-type]
        return bhtime.format_instant(moment)

    assert shown(PARIS_RULE) == shown("Europe/Paris")


def test_a_posix_rule_zone_raises_in_a_gap() -> None:
    with pytest.raises(ZoneError, match="does not exist"):
        bhtime.evaluate("2011-03-27 02:30", zone=PARIS_RULE, disambiguate="raise")
