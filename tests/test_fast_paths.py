"""Each fast path against the general path it shortens: the same result, or it gives way.

A fast path is only allowed where it cannot change an answer; these
properties hold it to the general path on valid texts, near-valid mutants
and arbitrary text in the language's alphabet.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime, timedelta, timezone, tzinfo

import pytest
from dateutil import tz as dateutil_tz
from hypothesis import event, example, given
from hypothesis import strategies as st

import bhtime
from bhtime import BhtimeError, Expression, _items, _parse, _syntax, cli
from bhtime._evaluate import Step, run
from bhtime._items import UNIT_SPELLINGS
from bhtime._tz import MIDNIGHT, UTC, Placement, place, tzdata_zone, unique_wall_time, zone_keys
from bhtime.strategies import expressions, invalid_expressions, timestamps

# One-token texts of every kind (most take the fast path), then faulty ones
# and anything in the alphabet (most do not).
_ONE_TOKEN = timestamps() | st.sampled_from(
    ["now", "today", "noon", "3h", "+1min", "20111203", "10:15", "1.5h", "M", "2011-12-03Z"]
)
_ANY = (
    expressions()
    | invalid_expressions()
    | st.text(alphabet="0123456789+-:.,[]/ TZtzGMnowdayhminsec", min_size=1, max_size=30)
)


def _general(text: str) -> object:
    """What the table-driven path gives: the expression, or the error's code and position."""
    try:
        return _parse._combine(text, _parse._read_items(text, _syntax.first_token(text)))
    except Exception as error:
        return (type(error), getattr(error, "code", None), getattr(error, "pos", None))


@pytest.mark.parametrize("texts", [_ONE_TOKEN, _ANY], ids=["one token", "any"])
@given(data=st.data())
def test_a_lone_item_is_read_as_the_table_reads_it(
    texts: st.SearchStrategy[str], data: st.DataObject
) -> None:
    text = data.draw(texts)
    alone = _parse._lone_item(text, _syntax.first_token(text)) if text else None
    event("lone item" if alone is not None else "general path")
    if alone is not None:
        general = _general(text)
        assert alone == general
        assert isinstance(general, Expression)
        assert _fields(alone) == _fields(general)


def _fields(expression: Expression) -> tuple[object, ...]:
    """Everything an expression holds (two are equal when their texts are)."""
    parts = (expression.items, expression.timestamp, expression.date, expression.time)
    return (*parts, expression.now, expression.modifiers)


def _evaluated(text: str, zone: str, now: datetime, steps: list[Step] | None) -> tuple[object, ...]:
    """The instant (with its zone's name and offset), or the error's code and position."""
    try:
        moment = run(text, zone=zone, now=now, disambiguate="compatible", steps=steps)
    except BhtimeError as error:
        return (error.code, error.pos, error.end)
    return (moment, moment.utcoffset(), str(moment.tzinfo))


_NOWS = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
)
_ZONES = st.sampled_from(
    ["UTC", "Europe/Moscow", "America/New_York", "+05:30", "Australia/Lord_Howe"]
)
# Clock runs, near the edges of the range too, and lone timestamps.
_EVALUATED = (
    expressions()
    | timestamps()
    | st.lists(
        st.builds(
            "{}{} {}".format,
            st.sampled_from("+-"),
            st.integers(0, 10**7),
            st.sampled_from(["h", "min", "s", "d", "mon"]),
        ),
        min_size=1,
        max_size=4,
    ).map(" ".join)
    | st.builds(
        "now {} {}".format, st.integers(-(10**7), 10**7), st.sampled_from(["h", "min", "s"])
    )
    | st.sampled_from(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T05:00:00+05:00"])
)


@given(_EVALUATED, _ZONES, _NOWS)
def test_the_fast_evaluation_gives_what_the_recorded_steps_give(
    text: str, zone: str, now: datetime
) -> None:
    # Recording steps (for explain) takes the general path, step by step.
    fast = _evaluated(text, zone, now, None)
    event("an error" if len(fast) == 3 and isinstance(fast[0], str) else "an instant")
    assert fast == _evaluated(text, zone, now, [])


@given((_ANY | st.text(min_size=1, max_size=12)).filter(bool))  # first_token takes no ""
def test_the_first_token_is_cut_as_the_whole_lexer_cuts_it(text: str) -> None:
    # The first token is cut by its first character's branch alone.
    first = _syntax.first_token(text)
    whole = _syntax._LEXER.match(text)
    assert whole is not None
    assert (first.lastgroup, first.end()) == (whole.lastgroup, whole.end())


@given(
    st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["", "+", "-", "+ "]),
        st.integers(0, 10**6),
        st.sampled_from(["", " ", "  "]),
        st.sampled_from([*sorted(UNIT_SPELLINGS), "MIN", "Hours"]),
    )
)
def test_a_modifier_looked_up_means_what_it_read(token: str) -> None:
    # The first read keeps the meaning, the second looks it up: both as read afresh.
    kind = "AMOUNT" if token[0].isdigit() else "SIGNED_AMOUNT"
    fresh = _items._modifier_meaning(token, 0, len(token))
    assert _items.read_token(token, kind, 0, len(token)) == (0, len(token), *fresh)
    assert _items.read_token(token, kind, 0, len(token)) == (0, len(token), *fresh)


_ARGUMENTS = st.lists(
    st.sampled_from(
        ["now", "-12", "hours", "+1min", "2017-04-25T00:41:27.000+0300", "-", "--", "", "x y",
         "-z", "--zone", "UTC", "Europe/Moscow", "-05:00", "--now", "--json", "-u", "--explain",
         "--zone=UTC", "-h", "--style", "smsc", "-f", "--disambiguate", "later"]
    ),
    max_size=6,
)  # fmt: skip


@given(_ARGUMENTS)
def test_the_quick_arguments_are_what_argparse_reads(argv: list[str]) -> None:
    # The quick path reads only what argparse reads the same way; the rest is argparse's.
    quick = cli._quick_arguments(argv)
    event("quick" if quick is not None else "argparse")
    if quick is not None:
        assert vars(quick) == vars(cli._parser().parse_args(cli._options_first(argv)))


@pytest.mark.parametrize(
    "argv",
    [
        ["now", "-z", "UTC", "--now", "2017-04-25T00:41:27.123+0300"],
        ["tomorrow", "14:00", "--zone", "Europe/Moscow", "--now", "2017-04-25T00:41:27.123+0300"],
        ["2017-04-25T00:41:27.000+0300", "-z", "Asia/Kathmandu"],
        ["tomorow", "-z", "UTC"],  # an invalid expression: status 1, the error on stderr
        ["now", "-z", "Mars/Olympus"],  # an unknown zone: argparse's usage error, status 2
        ["now", "-z", "UTC", "--now", "tomorrow"],  # --now needs a timestamp: status 2
        ["2011-03-27T02:30:00", "-z", "Europe/Moscow", "--now", "2011-03-26T01:30:00Z"],
    ],
)
def test_the_quick_path_prints_what_argparse_s_path_prints(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli._quick_arguments(argv) is not None

    def outcome() -> tuple[object, str, str]:
        try:
            status: object = cli.main(argv)
        except SystemExit as exit:
            status = ("exit", exit.code)
        printed = capsys.readouterr()
        return status, printed.out, printed.err

    quick = outcome()
    monkeypatch.setattr(cli, "_quick_arguments", lambda argv: None)
    assert outcome() == quick


@given((_ANY | st.text(min_size=1, max_size=12)).filter(bool))
def test_reading_on_from_the_first_token_cuts_the_text_as_one_pass(text: str) -> None:
    # _parse reads on from first_token; one pass of the whole lexer is the reference.
    def cut(read: tuple[list[re.Match[str]], list[_syntax.Item], Exception | None]) -> object:
        tokens, items, failure = read
        spans = [(token.lastgroup, token.span()) for token in tokens]
        return spans, [(kind, a.span(), b.span()) for kind, a, b in items], repr(failure)

    assert cut(_syntax.read(text, _syntax.first_token(text))) == cut(_syntax.read(text))


# Texts of words, modifiers and times, spaced (mostly) or glued in every way
# the grammar knows, and pieces that make them something else.
_RUN_MODIFIERS = st.builds(
    "{}{}{}{}".format,
    st.sampled_from(["", "+", "-", "+", "-", "+ ", "-\t"]),
    st.integers(0, 10**12),
    st.sampled_from(["", " ", " ", "  ", "\n"]),
    st.sampled_from([*sorted(UNIT_SPELLINGS), "MIN", "Hours"]),
)
_RUN_PIECES = st.one_of(
    st.sampled_from(["now", "NOW", "Today", "tomorrow", "yesterday", "noon", "Midnight", "nowx"]),
    _RUN_MODIFIERS,
    _RUN_MODIFIERS,
    st.builds(
        "{}{}{}{}{}".format,
        st.sampled_from(["", "", "+", "-", "+ ", "-\t"]),
        st.integers(0, 10**12),
        st.sampled_from(["", "", " ", "\n"]),
        st.sampled_from([*sorted(UNIT_SPELLINGS), "M", "MIN", "Hours", "mins", "x", ""]),
        st.sampled_from(["s", "1", ".5", ""]),
    ),
    st.builds(
        "{:02d}:{:02d}{}".format,
        st.integers(0, 25),
        st.integers(0, 61),
        st.sampled_from(["", "", "", "", ":00", ":60", ":5", ".5", "Z", "+01:00", "-1h"]),
    ),
    st.sampled_from(
        [
            "2011-12-03",
            "20111203",
            "Tue,",
            "3 Jun 2008 11:05 GMT",
            "12",
            "-",
            "+",
            "ſ",
            "\x0b",
            "1:5",
        ]
    ),
)
_RUNS = st.builds(
    lambda lead, pieces, gaps, tail: (
        lead
        + "".join(piece + gap for piece, gap in zip(pieces[:-1], gaps, strict=False))
        + pieces[-1]
        + tail
    ),
    st.sampled_from(["", "", "", " ", "  ", "\t"]),
    st.lists(_RUN_PIECES, min_size=1, max_size=5),
    st.lists(st.sampled_from([" ", " ", " ", " ", "", "  ", "\t"]), min_size=5, max_size=5),
    st.sampled_from(["", "", "", " ", "\n"]),
)


@pytest.mark.parametrize("texts", [_RUNS, _ANY], ids=["runs", "any"])
@given(data=st.data())
def test_a_run_is_read_as_the_table_reads_it(
    texts: st.SearchStrategy[str], data: st.DataObject
) -> None:
    text = data.draw(texts)
    run = _items.read_run(text)
    event("run" if run is not None else "general path")
    if run is None:
        return
    fast = _parse.from_run(text, run)
    general = _general(text)
    assert fast == general
    assert isinstance(general, Expression)
    assert _fields(fast) == _fields(general)
    assert [type(item) for item in fast.items] == [type(item) for item in general.items]


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("+1d", datetime(2, 1, 1, 1, tzinfo=UTC)),  # now in New York is in the year 1
        ("+9000 years", datetime(2017, 4, 25, tzinfo=UTC)),  # the step leaves the range
        ("-1 hour", datetime(9999, 12, 31, tzinfo=UTC)),  # now itself at the end
        ("2011-03-13T02:30:00", datetime(2017, 4, 25, tzinfo=UTC)),  # in New York's gap
        ("2011-11-06 01:30", datetime(2017, 4, 25, tzinfo=UTC)),  # in its overlap
        ("tomorrow", datetime(2017, 4, 25, tzinfo=UTC)),  # keeps now's time: the general path
        ("tomorrow 10:00", datetime(9999, 12, 31, 12, tzinfo=UTC)),  # now there is in 9999
        ("10:00", datetime(2, 1, 1, 1, tzinfo=UTC)),  # now in New York is in the year 1
        ("0001-01-01", datetime(2017, 4, 25, tzinfo=UTC)),  # the anchor is in the year 1
    ],
)
def test_the_quick_evaluation_gives_way_near_the_ends_of_the_range(
    text: str, now: datetime
) -> None:
    from bhtime._evaluate import _quick
    from bhtime._tz import user_zone

    zone = "America/New_York"
    assert _quick(bhtime.parse(text), user_zone(zone), now) is None
    assert _evaluated(text, zone, now, None) == _evaluated(text, zone, now, [])


# -- whole texts: read by shape, before the lexer -------------------------------------


def _with_offset(moment: datetime, offset: str) -> str:
    return f"{moment:%Y-%m-%dT%H:%M:%S}{offset}"


_SHAPE_OFFSETS = st.sampled_from(
    ["Z", "z", "+01:00", "-05:30", "+00:00", "+18:00", "+19:00", "+05:60"]
)
_ZONE_NAMES = st.sampled_from(
    ["Europe/Paris", "America/New_York", "UTC", "Z", "UTC+01:00", "GMT-05:30", "+01:00", "Mars/Base",
     "a]b", "europe/paris", " Europe/Paris", "x" * 60]
)  # fmt: skip
_DAYS = st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59))
# Each shape read whole, written with values that do and do not exist.
_SHAPED = st.one_of(
    timestamps(),
    st.dates().map("{:%Y-%m-%d}".format),
    st.dates().map(lambda day: f"{day.year:04d}{day.month:02d}{day.day:02d}"),
    st.builds(
        "{:%H:%M:%S}{}".format, st.times(), st.sampled_from(["", "Z", "z", "x"]) | _SHAPE_OFFSETS
    ),
    st.builds(_with_offset, _DAYS, st.just("") | _SHAPE_OFFSETS),
    st.builds(
        "{:%Y-%m-%dT%H:%M:%S}.{:03d}{}".format,
        _DAYS,
        st.integers(0, 999),
        st.sampled_from(["+0300", "-0530", "+1900", "+0560"]),
    ),
    st.builds("{}[{}]".format, st.builds(_with_offset, _DAYS, _SHAPE_OFFSETS), _ZONE_NAMES),
)
# One character changed anywhere, the length kept: the same shape with
# another letter or separator, or the shape of no reader.
_MUTANTS = st.builds(
    lambda text, index, char: text[: index % len(text)] + char + text[index % len(text) + 1 :],
    _SHAPED,
    st.integers(0, 80),
    st.sampled_from([*"09-:+TtZz []aA/.,"]),
)


def _read_alike(text: str) -> bool:
    """Whether ``read_plain_text`` read ``text`` (asserting it read it as the table does)."""
    plain = _items.read_plain_text(text)
    if plain is None:
        return False
    # _parse tries the reader only on these texts.
    assert "0" <= text[:1] <= "9" or text[3:4] == ","
    general = _general(text)
    assert isinstance(general, Expression)
    assert general.items == (plain,)
    assert _fields(_parse._one_item(text, plain)) == _fields(general)
    return True


def test_the_digits_of_a_shape_are_the_grammar_s() -> None:
    # A shape's 0 is a digit the grammar takes (0-9 only): what _ascii_digits
    # says of each ASCII character; any other text is refused before its shape.
    for code in range(128):
        assert (_items._CLASSES[code] == ord("0")) == _items._ascii_digits(chr(code))
    assert not _items._ascii_digits("٣")
    assert _items.read_plain_text("2011-12-0٣") is None


@given(_SHAPED | _MUTANTS)
def test_a_whole_text_is_read_as_the_table_reads_it(text: str) -> None:
    event("read whole" if _read_alike(text) else "general path")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2011-12-03", True),
        ("2011-02-30", False),  # date refuses it: the general path says why
        ("20111203", True),
        ("2011-12-03T10:15:30", True),
        ("2011-12-03x10:15:30", False),
        ("2011-12-03T10:15:30Z", True),
        ("2011-12-03t10:15:30z", True),
        ("2011-12-03T10:15:30x", False),
        ("2011-12-03x10:15:30Z", False),
        ("2011-12-03T10:15:30-05:30", True),
        ("0001-01-01T00:00:00+01:00", False),  # before the year 1 in UTC
        ("2017-04-25T00:41:27.000+0300", True),
        ("2017-04-25t00:41:27.000+0300", False),
        ("2011-12-03T10:15:30+01:00[Europe/Paris]", True),
        ("2011-12-03t10:15:30-05:00[America/New_York]", True),
        ("2011-12-03x10:15:30+01:00[Europe/Paris]", False),
        ("2011-12-03T10:15:30+02:00[Europe/Paris]", False),  # not Paris's offset then
        ("2011-12-03T10:15:30+01:00[Mars/Base]", False),
        ("2011-12-03T10:15:30+01:00[a]b]", False),
        ("2011-12-03T10:15:30+01:00[Europe/Paris", False),
        ("2011-12-03T10:15:30+01:00 [Europe/Paris]", False),
        ("10:15:30", True),
        ("10:15:30Z", True),
        ("10:15:30+01:00", True),
        ("10:15:30x", False),
        ("24:00:00", False),
        ("Tue, 3 Jun 2008 11:05:30 GMT", True),
        ("tue, 03 jun 2008 11:05 gmt", True),
        ("3 Jun 2008 11:05 +0300", True),
        ("Wed, 3 Jun 2008 11:05:30 GMT", False),  # not that date's weekday
        ("3 Foo 2008 11:05 GMT", False),
        ("3 Jun 2008 11:05 EST", False),
        ("3 Jun 2008 11:05 +1900", False),
        ("now -12 hours +1min", False),
        ("now", False),
        ("2011-12-03T10:15:30+01:00[" + "x" * 60 + "]", False),
        ("2011-12-03\N{NO-BREAK SPACE}", False),
    ],
)
def test_each_whole_text_shape_reads_or_gives_way(text: str, read: bool) -> None:
    assert _read_alike(text) is read


# -- a written wall time placed in one step ------------------------------------------

_ZONEINFOS = st.sampled_from(sorted(zone_keys())).map(tzdata_zone)
_PLACE_ZONES = st.one_of(
    _ZONEINFOS,
    st.sampled_from(["Europe/Paris", "America/Sao_Paulo"]).map(zoneinfo.ZoneInfo),
    st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30))]),
    st.sampled_from(["Europe/Paris", "America/Sao_Paulo"]).map(dateutil_tz.gettz),
)
# Near the transitions at midnight and at night, and anywhere.
_WRITTEN = st.one_of(
    st.datetimes(datetime(2018, 11, 3, 22), datetime(2018, 11, 4, 2)),  # Sao Paulo's midnight gap
    st.datetimes(datetime(2019, 2, 16, 22), datetime(2019, 2, 17, 1)),
    st.datetimes(datetime(2011, 3, 27, 1), datetime(2011, 3, 27, 4)),  # Paris
    st.datetimes(datetime(2011, 10, 30, 1), datetime(2011, 10, 30, 4)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
)


@given(
    # Written: fold=0, as every parsed date and time.
    _WRITTEN.map(lambda local: local.replace(fold=0))
    | _WRITTEN.map(lambda local: datetime.combine(local, MIDNIGHT)),
    _PLACE_ZONES,
)
@example(datetime(2018, 11, 4), tzdata_zone("America/Sao_Paulo"))
def test_a_written_wall_time_is_placed_as_place_places_it(local: datetime, zone: tzinfo) -> None:
    # Once or not at all: a time the zone shows once is the one place finds;
    # anything else (or any zone but ZoneInfo and fixed offsets) is left to it.
    clock = MIDNIGHT if local.time() == MIDNIGHT else local.time()
    once = unique_wall_time(local, clock, zone)
    placed, placement = place(local, zone)
    event("once" if once is not None else "left to place")
    if once is not None:
        assert (once, once.fold, once.tzinfo) == (placed, placed.fold, placed.tzinfo)
        assert placement is Placement.UNIQUE
    elif isinstance(zone, (timezone, zoneinfo.ZoneInfo)):
        assert placement is not Placement.UNIQUE


@pytest.mark.parametrize(
    "text",
    ["now now", "today tomorrow", "noon 10:00", "now today", "today now", "noon now",
     "now noon", "hours", "+5", "5 6h", "now +"],
)  # fmt: skip
def test_a_run_that_sets_a_field_twice_or_ends_short_goes_the_general_way(text: str) -> None:
    assert _items.read_run(text) is None
    with pytest.raises(BhtimeError):
        bhtime.parse(text)


def test_a_written_date_with_now_at_the_end_of_the_years_fails_as_explain_does() -> None:
    # A fuzz finding: now, 9999-12-31T12:00Z, is in the year 10000 in Chatham (+13:45).
    # The general path shows now in the user zone first, so a written date fails too.
    now = datetime(9999, 12, 31, 12, tzinfo=UTC)
    zone = "Pacific/Chatham"
    with pytest.raises(BhtimeError) as evaluated:
        bhtime.evaluate("20111203", zone=zone, now=now)
    with pytest.raises(BhtimeError) as explained:
        bhtime.explain("20111203", zone=zone, now=now)
    assert (evaluated.value.code, evaluated.value.pos) == ("out-of-range", None)
    assert (explained.value.code, explained.value.pos) == (
        evaluated.value.code,
        evaluated.value.pos,
    )
