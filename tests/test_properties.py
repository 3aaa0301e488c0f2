"""Laws that hold for every input (hypothesis). CI runs them with the `ci` profile."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import assume, event, example, given
from hypothesis import strategies as st

import bhtime
from bhtime._items import UNIT_SPELLINGS, WORDS
from bhtime._tz import POLICIES, UTC, Ambiguous, zone_keys

ZONES = sorted(zone_keys())
SOME_ZONES = st.sampled_from(
    ["Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kathmandu",
     "America/Sao_Paulo", "UTC", "+05:30", "-0930"]
) | st.sampled_from(ZONES)  # fmt: skip
NOWS = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
INSTANTS = st.datetimes(
    min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31), timezones=st.just(UTC)
)
# The characters the language is made of, so that generated text reaches deep.
LANGUAGE = st.text(
    alphabet="0123456789+-:.,[]/ \tTZtzGMnowdayiesrkhuminecl_EPaJ",
    max_size=40,
)
VALID = [
    "now -12 hours +1min", "tomorrow 14:00", "2011-12-03 noon", "3h", "yesterday midnight",
    "2017-04-25T00:41:27.000+0300", "2011-12-03T10:15:30+01:00[Europe/Paris]",
    "2011-12-03T10:15:30Z", "Tue, 3 Jun 2008 11:05:30 GMT", "20111203+0100 +1 mon",
    "2011-01-31T10:00:00 +1 month", "10:15:30+01:00", "now-1d+2h", "- 12 hours", "+007d",
]  # fmt: skip


def outcome(text: str, zone: str, now: datetime) -> str:
    """The result, or the error code; anything else escapes and fails the test."""
    try:
        return bhtime.resolve(text, zone=zone, now=now)
    except bhtime.BhtimeError as error:
        assert error.code
        assert error.pos is None or 0 <= error.pos <= len(text)
        # lark's internal names never reach a user, unless the user wrote them.
        for internal in ("Token(", "$END"):
            assert internal in text or internal not in str(error)
        return error.code


@given(st.text(max_size=80), SOME_ZONES, NOWS)
def test_any_text_resolves_or_raises_a_bhtime_error(text: str, zone: str, now: datetime) -> None:
    outcome(text, zone, now)


@given(st.binary(max_size=80), SOME_ZONES, NOWS)
def test_any_bytes_decoded_resolve_or_raise_a_bhtime_error(
    data: bytes, zone: str, now: datetime
) -> None:
    outcome(data.decode("utf-8", errors="replace"), zone, now)
    outcome(data.decode("latin-1"), zone, now)


@given(LANGUAGE, SOME_ZONES, NOWS)
def test_text_in_the_languages_alphabet_resolves_or_raises(
    text: str, zone: str, now: datetime
) -> None:
    outcome(text, zone, now)


@st.composite
def mutants(draw: st.DrawFn) -> str:
    """A valid expression with one character inserted, deleted or swapped."""
    text = draw(st.sampled_from(VALID))
    index = draw(st.integers(0, len(text) - 1))
    kind = draw(st.sampled_from(["insert", "delete", "swap"]))
    char = draw(st.characters(codec="utf-8") | st.sampled_from("0123456789+-: .TZhmsd"))
    if kind == "insert":
        return text[:index] + char + text[index:]
    if kind == "delete":
        return text[:index] + text[index + 1 :]
    return text[:index] + char + text[index + 1 :]


@given(mutants(), SOME_ZONES, NOWS)
def test_near_valid_mutants_resolve_or_raise(text: str, zone: str, now: datetime) -> None:
    outcome(text, zone, now)


def _same_instant(first: datetime, second: datetime) -> bool:
    """Whether two aware datetimes denote one instant, whatever their zones.

    Not ``==``: between datetimes in different zones, PEP 495 makes ``==``
    false when either is in a fold or a gap (America/Nuuk at 1999-10-31T00:00Z,
    in its fall-back overlap, failed so), and within one zone ``==`` ignores
    ``fold``. In UTC there is neither, so the comparison is of instants.
    """
    return first.astimezone(timezone.utc) == second.astimezone(timezone.utc)


def _whole_minute_offset(moment: datetime) -> bool:
    offset = moment.utcoffset()
    return offset is not None and offset.total_seconds() % 60 == 0


@given(INSTANTS, st.sampled_from(ZONES), NOWS)
# In America/Nuuk's fall-back overlap: `==` across zones said these differ.
@example(datetime(1999, 10, 31, tzinfo=UTC), "America/Nuuk", datetime(2000, 1, 1, tzinfo=UTC))
def test_format_then_parse_gives_the_same_instant_to_the_millisecond(
    instant: datetime, zone: str, now: datetime
) -> None:
    shown = bhtime.evaluate(instant.isoformat(), zone=zone, now=now)
    assume(_whole_minute_offset(shown))  # docs/language.md §7: exact for whole-minute offsets
    text = bhtime.format_instant(shown)
    again = bhtime.evaluate(text, zone=zone, now=now)
    truncated = instant.replace(microsecond=instant.microsecond // 1000 * 1000)
    assert _same_instant(again, truncated)
    assert bhtime.format_instant(again) == text


@given(
    INSTANTS.filter(lambda moment: 1000 < moment.year < 9000),
    st.sampled_from(ZONES),
    st.integers(0, 10**6),
    st.sampled_from(["h", "min", "s"]),
)
def test_adding_then_subtracting_clock_units_returns_the_instant(
    instant: datetime, zone: str, amount: int, unit: str
) -> None:
    start = instant.isoformat()
    there_and_back = bhtime.evaluate(f"{start} +{amount}{unit} -{amount}{unit}", zone=zone)
    assert _same_instant(there_and_back, instant)


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str]:
    """Two spellings of one unit, each in any case, with a space or not."""
    canonical = draw(st.sampled_from(sorted({unit.value for unit in UNIT_SPELLINGS.values()})))
    names = sorted(name for name, unit in UNIT_SPELLINGS.items() if unit.value == canonical)
    chosen = []
    for _ in range(2):
        name = draw(st.sampled_from(names))
        cased = "".join(draw(st.sampled_from([c.lower(), c.upper()])) for c in name)
        assume(cased != "M")  # docs/language.md §8: the capital M alone is ambiguous
        chosen.append(draw(st.sampled_from(["", " ", "\t"])) + cased)
    return chosen[0], chosen[1]


@given(spellings(), st.integers(0, 500), st.sampled_from(["+", "-", ""]), NOWS, SOME_ZONES)
def test_every_spelling_of_a_unit_means_the_same(
    pair: tuple[str, str], amount: int, sign: str, now: datetime, zone: str
) -> None:
    first, second = pair
    assert outcome(f"now {sign}{amount}{first}", zone, now) == outcome(
        f"now {sign}{amount}{second}", zone, now
    )


# RFC 1123's single spaces belong to the format, not between items.
SPACED_ITEMS = [text for text in VALID if "," not in text]


@given(st.sampled_from(SPACED_ITEMS), st.sampled_from([" ", "  ", "\t", "\n", "\r\n"]), NOWS)
def test_spacing_never_changes_the_meaning(text: str, space: str, now: datetime) -> None:
    respaced = space + space.join(text.split(" ")) + space
    assert outcome(respaced, "Europe/Paris", now) == outcome(text, "Europe/Paris", now)


def test_fixed_offsets_round_trip_at_the_edges_of_the_range() -> None:
    edge = datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=timezone(timedelta(0)))
    text = bhtime.format_instant(edge)
    assert bhtime.evaluate(text, zone="UTC") == edge


# Fields of one to three digits, so that most draws are off the plain shape.
_FIELD = st.integers(0, 99).map(str) | st.integers(0, 99).map("{:02d}".format)
_ISO_DATE_TIMES = st.builds(
    "{}-{}-{}{}{}:{}{}".format,
    st.integers(0, 9999).map("{:04d}".format),
    _FIELD,
    _FIELD,
    st.sampled_from("Tt"),
    _FIELD,
    _FIELD,
    st.one_of(
        st.just(""),
        _FIELD.map(":{}".format),
        st.tuples(_FIELD, st.text("0123456789", max_size=11)).map(":{0[0]}.{0[1]}".format),
    ),
)


@given(_ISO_DATE_TIMES)
def test_the_plain_date_time_reader_agrees_with_the_one_that_explains(text: str) -> None:
    # The shortcut for plain ISO date-times must give what the field-by-field
    # reader gives, or leave the text to it.
    from bhtime._items import _DATE_TIME, _Cut, _plain_date_time, _read_date, _read_time

    cut = _Cut(_DATE_TIME, text, 0, len(text))
    plain = _plain_date_time(cut)
    try:
        explained = datetime.combine(_read_date(cut), _read_time(cut)[0])
    except bhtime.BhtimeError:
        assert plain is None
    else:
        assert plain in (None, explained)


# The offsets some format takes, then ones none takes or no zone has.
_OFFSETS = st.sampled_from(
    ["", "Z", "z", "+03", "-05", "+05:30", "-09:30", "+01:00:30", "+0300", "-0530", "+030015"]
) | st.sampled_from(["+19", "+18:01", "+05:60", "+05:30:60", "+1"])  # fmt: skip
_FRACTIONS = st.one_of(st.just(""), st.text("0123456789", max_size=11).map(".{}".format))


def _date_text(sep: str) -> st.SearchStrategy[str]:
    # Half real dates (the fast path's ground), half any digits (the errors').
    year = st.integers(0, 9999).map("{:04d}".format)
    real = st.dates().map(lambda day: f"{day.year:04d}{sep}{day.month:02d}{sep}{day.day:02d}")
    return real | st.builds(f"{{}}{sep}{{}}{sep}{{}}".format, year, _FIELD, _FIELD)


def _time_text() -> st.SearchStrategy[str]:
    seconds = st.one_of(st.just(""), st.tuples(_FIELD, _FRACTIONS).map(":{0[0]}{0[1]}".format))
    real = st.builds(
        "{}{}".format,
        st.times().map("{:%H:%M}".format),
        st.just("")
        | st.times().map(
            lambda moment: f":{moment:%S}" + f".{moment.microsecond:06d}"[: moment.second % 11]
        ),
    )
    return real | st.builds("{}:{}{}".format, _FIELD, _FIELD, seconds)


def _rfc_1123_text() -> st.SearchStrategy[str]:
    # Real date-times, most with their weekday (the fast path's ground), then any
    # name, day, field count, spacing and offset (the errors').
    offset = st.sampled_from(["GMT", "gmt", "UT", "EST", "+0300", "-0530", "+1900", "-0560", "+03"])
    real = st.builds(
        lambda moment, weekday, seconds, zone: (
            ("" if weekday is None else f"{weekday or format(moment, '%a')}, ")
            + f"{moment.day} {moment:%b} {moment:%Y} {moment:%H:%M}"
            + (f":{moment:%S}" if seconds else "")
            + f" {zone}"
        ),
        st.datetimes(datetime(1000, 1, 1)),  # %Y pads no year to 4 digits
        st.sampled_from([None, "", "", "Mon", "sun", "FRI"]),  # "": the right weekday
        st.booleans(),
        offset,
    )
    names = st.sampled_from(["Tue", "tue", "SUN", "Mon", "Tu", "Jun", "jun", "DEC", "Foo", "May"])
    anything = st.builds(
        "{}{} {} {} {}:{}:{} {}".format,
        st.sampled_from(["", "Tue, ", "mon,", "Wed,  ", "Xyz, "]),
        st.integers(0, 99).map(str) | st.sampled_from(["003", "+3", "-1"]),
        names,
        st.sampled_from(["2008", "0000", "9999", "08", "1", "2011"]),
        _FIELD,
        _FIELD,
        _FIELD,
        offset,
    )
    return real.map(lambda text: text.swapcase() if len(text) % 3 == 0 else text) | anything


_TOKENS = {
    "DATE_TIME": st.builds(
        "{}{}{}{}".format, _date_text("-"), st.sampled_from("Tt"), _time_text(), _OFFSETS
    ),
    "ISO_DATE": st.builds("{}{}".format, _date_text("-"), _OFFSETS),
    "BASIC_DATE": st.builds("{}{}".format, _date_text(""), _OFFSETS),
    "ISO_TIME": st.builds("{}{}".format, _time_text(), _OFFSETS),
    "RFC_1123": _rfc_1123_text(),
}


@pytest.mark.parametrize("kind", sorted(_TOKENS))
@given(data=st.data())
def test_each_fast_reader_agrees_with_the_one_that_explains(kind: str, data: st.DataObject) -> None:
    # Same item, or the same error: a fast path gives way on any doubt.
    from bhtime import _items, _syntax

    text = data.draw(_TOKENS[kind])
    tokens = _syntax.read(text)[0]
    assume(len(tokens) == 1 and _syntax.kind(tokens[0]) == kind)
    fast = _items._READERS[kind]
    full = {
        "DATE_TIME": _items._date_time,
        "ISO_DATE": _items._iso_date,
        "BASIC_DATE": _items._basic_date,
        "ISO_TIME": _items._iso_time,
        "RFC_1123": _items._rfc_1123,
    }[kind]
    assert fast is not full

    def outcome(reader: object) -> object:
        try:
            return reader(text, 0, len(text))  # type: ignore[operator]
        except bhtime.BhtimeError as error:
            return (type(error), error.code, error.pos, error.message, error.hint)

    read = outcome(fast)
    event(
        f"{kind}: {'an error' if isinstance(read, tuple) and isinstance(read[0], type) else 'an item'}"
    )
    assert read == outcome(full)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("2017-04-25T00:41:27.000+0300", "recommended"),
        ("2011-12-03T10:15:30+01:00", "ISO_OFFSET_DATE_TIME"),
        ("2011-12-03t10:15", "ISO_LOCAL_DATE_TIME"),
        ("2011-12-03T10:15:30+030015", "invalid-format"),
        ("2011-12-03T10:15:30.1234+0300", "invalid-format"),
    ],
)
def test_the_full_date_time_reader_reads_what_the_fast_one_does(text: str, outcome: str) -> None:
    # The fast path takes every plain timestamp first; the full reader must
    # still read them alike, for the texts that reach it and for the property
    # test above.
    from bhtime._items import _date_time, _date_time_fast

    for reader in (_date_time, _date_time_fast):
        try:
            assert reader(text, 0, len(text)).format == outcome
        except bhtime.BhtimeError as error:
            assert error.code == outcome


def _parts(expression: bhtime.Expression) -> tuple[object, ...]:
    # Two expressions are equal when their texts are: a fast path is held to
    # the general one by everything it made.
    return tuple(getattr(expression, name) for name in type(expression).__slots__)


def _general(text: str) -> object:
    """What the general path (the lexer and the table) makes of ``text``: its parts, or its error."""
    from bhtime import _parse, _syntax

    try:
        return _parts(_parse._combine(text, _parse._read_items(text, _syntax.first_token(text))))
    except bhtime.BhtimeError as error:
        return (error.code, error.pos)


# Words and their neighbours: a lone word, a word glued to more letters or to a
# character no item takes, two words; in any case, with whitespace around.
_WORDISH = st.builds(
    "{}{}{}".format,
    st.text(" \t\r\n", max_size=3),
    st.sampled_from([*WORDS, "nowx", "to day", "noon noon", "now\x00", "nów"]).flatmap(
        lambda word: st.tuples(*(st.sampled_from([c.lower(), c.upper()]) for c in word)).map(
            "".join
        )
    ),
    st.text(" \t\r\n\v", max_size=3),
)


@given(_WORDISH)
def test_a_lone_word_is_read_as_the_grammar_reads_it(text: str) -> None:
    # The dict look-up before the lexer, and the reader of runs after it, give
    # what the general path gives, or leave the text to it.
    from bhtime import _items, _parse

    kind = _parse.LONE_WORDS.get(text)
    fast = None if kind is None else _parse._lone_word(text, kind)
    run = _items.read_run(text)
    event("a lone word" if fast is not None else "a run" if run else "the general path")
    assert fast is None or _parts(fast) == _general(text)
    if run is not None:
        assert _parts(_parse.from_run(text, run)) == _general(text)
    if text in WORDS:
        assert fast is not None
    if text.strip(" ").lower() in WORDS:  # spaces around, any case: read without a regex
        assert run is not None


# Texts near a plain date, basic date or local date-time: each character a
# digit (maybe out of range, maybe not ASCII), a separator, or a letter.
_PLAIN_CHARACTER = st.sampled_from(
    [*"0123456789", *"0123", "-", ":", "T", "t", "Z", "z", " ", "٣", "²"]
)
_PLAINISH = st.one_of(
    st.sampled_from(["####-##-##", "########", "####-##-##T##:##:##", "####-##-##T##:##:##Z"]),
    st.text("#-:Tz", min_size=8, max_size=20),
).flatmap(
    lambda shape: st.tuples(
        *(_PLAIN_CHARACTER if c == "#" else st.sampled_from([c, c, c, "0", "-"]) for c in shape)
    ).map("".join)
)


@given(st.one_of(_PLAINISH, st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()[:19])))
def test_a_plain_text_is_read_as_the_grammar_reads_it(text: str) -> None:
    # The reader of a whole plain date or date-time gives what the general
    # path gives, or leaves the text to it.
    from bhtime import _items, _parse

    plain = _items.read_plain_text(text)
    event("a plain text" if plain is not None else "the general path")
    assert plain is None or _parts(_parse._one_item(text, plain)) == _general(text)


# Wall times around Paris's 2011 gap and overlap, and anywhere in any zone.
_WALL_TIMES = st.one_of(
    st.tuples(
        st.datetimes(datetime(2011, 3, 27, 1), datetime(2011, 3, 27, 4)), st.just("Europe/Paris")
    ),
    st.tuples(
        st.datetimes(datetime(2011, 10, 30, 1), datetime(2011, 10, 30, 4)), st.just("Europe/Paris")
    ),
    st.tuples(
        st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
        st.sampled_from(sorted(zone_keys())),
    ),
)


@given(_WALL_TIMES, st.sampled_from(POLICIES))
def test_a_wall_time_shown_once_is_what_settle_finds(
    wall: tuple[datetime, str], policy: str
) -> None:
    # The check before settle takes no case from it that it would read otherwise.
    from bhtime._tz import Placement, settle, shown_once, tzdata_zone, wall_time

    local, key = wall
    first = wall_time(local, tzdata_zone(key))
    once = shown_once(first)
    event("shown once" if once else "a gap or an overlap")
    try:
        settled = settle(first, None, policy)  # type: ignore[arg-type]
    except Ambiguous:
        assert not once
    else:
        assert once == (settled[1] is Placement.UNIQUE)
        assert not once or settled[0] is first


_ANY_DAY = st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30))


@given(
    _ANY_DAY | _ANY_DAY.map(lambda local: local.replace(microsecond=0)),
    st.integers(-18 * 60, 18 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes))),
)
def test_format_instant_prints_what_strftime_does(local: datetime, zone: timezone) -> None:
    # Each branch of format_instant (with or without a microsecond) against a
    # plain reference; %z is +HHMM for an offset of whole minutes.
    moment = local.replace(tzinfo=zone)
    event("no microsecond" if not moment.microsecond else "a microsecond")
    expected = (
        f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}{moment:%z}"
    )
    assert bhtime.format_instant(moment) == expected
