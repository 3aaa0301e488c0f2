"""Each fast path against the general path it shortens: the same result, or it gives way.

A fast path is only allowed where it cannot change an answer; these
properties hold it to the general path on valid texts, near-valid mutants
and arbitrary text in the language's alphabet.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import bhtime
from bhtime import BhtimeError, Expression, _items, _parse, _syntax, cli
from bhtime._evaluate import Step, run
from bhtime._items import UNIT_SPELLINGS
from bhtime._tz import UTC
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
        assert alone.items == general.items
        assert (alone.timestamp, alone.date, alone.time, alone.now, alone.modifiers) == (
            general.timestamp,
            general.date,
            general.time,
            general.now,
            general.modifiers,
        )


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
    items = _items.read_run(text)
    event("run" if items is not None else "general path")
    if items is None:
        return
    try:
        fast: object = _parse._combine(text, items)
    except BhtimeError as error:
        fast = (type(error), error.code, error.pos)
    general = _general(text)
    assert fast == general
    if isinstance(general, Expression):
        assert isinstance(fast, Expression)
        assert (fast.items, fast.date, fast.time, fast.now, fast.modifiers) == (
            general.items,
            general.date,
            general.time,
            general.now,
            general.modifiers,
        )
        assert [type(item) for item in fast.items] == [type(item) for item in general.items]


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("+1d", datetime(2, 1, 1, 1, tzinfo=UTC)),  # now in New York is in the year 1
        ("+9000 years", datetime(2017, 4, 25, tzinfo=UTC)),  # the step leaves the range
        ("-1 hour", datetime(9999, 12, 31, tzinfo=UTC)),  # now itself at the end
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
