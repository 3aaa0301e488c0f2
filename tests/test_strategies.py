"""bhtime.strategies: what it generates is what docs/language.md says it is."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import bhtime
from bhtime import strategies as bst
from bhtime._ast import CalendarDate, Timestamp, WallTime
from bhtime._tz import user_zone

# These check the strategies and the types, not bhtime's laws: the CI profile's
# 2,000 examples are for tests/test_properties.py; 400 are plenty here.
BOUNDED = settings(max_examples=min(settings.default.max_examples, 400))


@pytest.fixture(scope="module")
def lexer():  # type: ignore[no-untyped-def]
    """bhtime's own grammar, to cut text into terminals as bhtime does."""
    from lark import Lark

    from bhtime._grammar import grammar_text

    return Lark(grammar_text(), parser="lalr", lexer="basic")


def instant_and_offset(moment: datetime) -> tuple[datetime, timedelta | None]:
    """What a result means and how it is shown.

    Two datetimes in one zone compare equal by wall clock alone, ``fold``
    ignored, so ``==`` would call the two 02:30s of a fold the same.
    """
    return moment.astimezone(timezone.utc), moment.utcoffset()


def test_instant_and_offset_tells_the_two_sides_of_a_fold_apart() -> None:
    paris = user_zone("Europe/Paris")
    first = datetime(2011, 10, 30, 2, 30, tzinfo=paris)
    second = first.replace(fold=1)
    assert first == second  # why the helper exists
    assert instant_and_offset(first) != instant_and_offset(second)


@st.composite
def zone_and_now(draw: st.DrawFn) -> tuple[str, datetime]:
    zone = draw(bst.zones())
    return zone, draw(bst.instants(zone))


@BOUNDED
@given(bst.expressions(), zone_and_now())
def test_every_expression_parses_and_evaluates(text: str, zone_now: tuple[str, datetime]) -> None:
    zone, now = zone_now
    expression = bhtime.parse(text)
    result = bhtime.evaluate(expression, zone=zone, now=now)
    assert expression.text == text
    # docs/language.md §6 step 3: the result is shown in the user zone.
    assert result.utcoffset() == result.astimezone(user_zone(zone)).utcoffset()
    assert 1 <= result.year <= 9999


@BOUNDED
@given(bst.expressions(), zone_and_now())
def test_output_read_back_is_the_same_instant(text: str, zone_now: tuple[str, datetime]) -> None:
    zone, now = zone_now
    result = bhtime.evaluate(text, zone=zone, now=now)
    offset = result.utcoffset()
    assert offset is not None
    # docs/language.md §7: exact whenever the zone's offset is a whole number of minutes.
    if offset % timedelta(minutes=1):
        return
    again = bhtime.evaluate(bhtime.format_instant(result), zone=zone, now=now)
    assert instant_and_offset(again) == instant_and_offset(
        result.replace(microsecond=result.microsecond // 1000 * 1000)
    )


@BOUNDED
@given(st.data())
def test_items_share_one_offset_when_both_carry_one(data: st.DataObject) -> None:
    """docs/language.md §5: a date and a time with offsets carry the same one, so never offset-mismatch."""
    expression = bhtime.parse(data.draw(bst.expressions()))
    dated = [item for item in expression.items if isinstance(item, (CalendarDate, WallTime))]
    offsets = {item.offset for item in dated if item.offset is not None}
    assert len(offsets) <= 1


@pytest.mark.parametrize("terminal", sorted(bst._item_strategies()))
@BOUNDED
@given(data=st.data())
def test_each_item_strategy_draws_one_token_of_its_terminal(
    lexer,  # type: ignore[no-untyped-def]
    terminal: str,
    data: st.DataObject,
) -> None:
    text = data.draw(bst._item_strategies()[terminal])
    tokens = list(lexer.lex(text))
    assert [(token.type, str(token)) for token in tokens] == [(terminal, text)]


@pytest.mark.parametrize("name", bst.TIMESTAMP_FORMATS)
@BOUNDED
@given(data=st.data())
def test_timestamps_in_a_named_format(name: str, data: st.DataObject) -> None:
    text = data.draw(bst.timestamps(name))
    (item,) = bhtime.parse(text).items
    assert isinstance(item, Timestamp)
    # ISO_INSTANT's text is also ISO_OFFSET_DATE_TIME's; bhtime names it ISO_INSTANT
    # only where it reads a leap second (docs/language.md §3).
    expected = {name, "ISO_OFFSET_DATE_TIME"} if name == "ISO_INSTANT" else {name}
    assert item.format in expected
    if name == "recommended":
        assert len(text) == 28
        assert text[10] == "T"


@BOUNDED
@given(bst.timestamps(), zone_and_now())
def test_any_timestamp_evaluates(text: str, zone_now: tuple[str, datetime]) -> None:
    zone, now = zone_now
    result = bhtime.evaluate(text, zone=zone, now=now)
    stamp = bhtime.parse(text).timestamp
    assert stamp is not None
    if stamp.instant is not None:
        # A timestamp with an offset is its own instant, whatever the zone and now (docs/language.md §6).
        assert result.astimezone(timezone.utc) == stamp.instant


def test_unknown_timestamp_format() -> None:
    with pytest.raises(InvalidArgument, match="ISO_INSTANT"):
        bst.timestamps("ISO_DATE")


@BOUNDED
@given(bst.zones())
def test_zones_are_user_zones(zone: str) -> None:
    moment = datetime(2020, 6, 1, tzinfo=timezone.utc)
    result = bhtime.evaluate("now", zone=zone, now=moment)
    assert result.astimezone(timezone.utc) == moment
    assert result.utcoffset() == user_zone(zone).utcoffset(result.replace(tzinfo=None))


def test_zones_include_the_edge_cases() -> None:
    favourites, with_dst, keys = bst._zone_lists()
    for name in ("Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia", "America/Sao_Paulo"):
        assert name in favourites
    assert "Europe/Paris" in with_dst
    assert "Asia/Kathmandu" not in with_dst
    assert set(with_dst) <= set(keys)


@BOUNDED
@given(st.data())
def test_instants_are_aware_and_in_range(data: st.DataObject) -> None:
    zone = data.draw(bst.zones())
    moment = data.draw(bst.instants(zone))
    assert moment.utcoffset() is not None
    assert datetime(1971, 1, 1, tzinfo=timezone.utc) <= moment
    assert moment < datetime(2038, 1, 1, tzinfo=timezone.utc)


def test_transitions_are_found_to_the_second() -> None:
    found = bst._transitions(user_zone("Europe/Paris"))
    # EU rule: the last Sundays of March and October at 01:00 UTC (docs/language.md §10's 2011 examples).
    assert datetime(2011, 3, 27, 1, tzinfo=timezone.utc) in found
    assert datetime(2011, 10, 30, 1, tzinfo=timezone.utc) in found
    zone = user_zone("Europe/Paris")
    for moment in found:
        before = (moment - timedelta(seconds=1)).astimezone(zone).utcoffset()
        assert before != moment.astimezone(zone).utcoffset()
    # Apia skipped 2011-12-30: its offset went from -10:00 to +14:00.
    apia = bst._transitions(user_zone("Pacific/Apia"))
    assert datetime(2011, 12, 30, 10, tzinfo=timezone.utc) in apia
    assert bst._transitions(user_zone("+05:30")) == ()


def test_most_instants_are_near_a_transition() -> None:
    moments: list[datetime] = []

    @given(bst.instants("Europe/Paris"))
    def collect(moment: datetime) -> None:
        moments.append(moment)

    collect()
    found = bst._transitions(user_zone("Europe/Paris"))
    near = [
        moment
        for moment in moments
        if any(
            abs(moment - edge - timedelta(days=days)) <= timedelta(minutes=91)
            for edge in found
            for days in (0, -1, 1, -7, 7)
        )
    ]
    assert len(near) >= len(moments) // 3


@BOUNDED
@given(bst.invalid_expressions(), zone_and_now())
def test_every_invalid_expression_is_rejected(text: str, zone_now: tuple[str, datetime]) -> None:
    zone, now = zone_now
    with pytest.raises(bhtime.BhtimeError):
        bhtime.evaluate(text, zone=zone, now=now)


@BOUNDED
@given(bst.invalid_cases(), zone_and_now())
def test_every_invalid_expression_has_its_code(
    case: tuple[str, str], zone_now: tuple[str, datetime]
) -> None:
    text, code = case
    zone, now = zone_now
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.evaluate(text, zone=zone, now=now)
    assert caught.value.code == code, (text, caught.value)


@pytest.mark.parametrize(
    ("code", "family"), bst._INVALID_FAMILIES, ids=[code for code, _ in bst._INVALID_FAMILIES]
)
def test_each_invalid_family_raises_its_code(
    code: str, family: Callable[[], st.SearchStrategy[str]]
) -> None:
    """Each family on its own, from a fixed seed: every shape it draws is reached on every run."""

    @settings(max_examples=60, derandomize=True, database=None)
    @given(family())
    def raises_its_code(text: str) -> None:
        with pytest.raises(bhtime.BhtimeError) as caught:
            bhtime.evaluate(
                text, zone="Europe/Moscow", now=datetime(2017, 4, 24, tzinfo=timezone.utc)
            )
        assert caught.value.code == code, (text, caught.value)

    raises_its_code()


def test_glued_modifiers_with_a_spaced_unit() -> None:
    """docs/language.md §2: two unsigned modifiers glued are `glued-modifiers`, however the first is spaced."""
    with pytest.raises(bhtime.ParseError) as caught:
        bhtime.parse("1 s2h")
    assert (caught.value.code, caught.value.pos) == ("glued-modifiers", 3)


def test_importing_bhtime_does_not_import_hypothesis() -> None:
    code = "import sys, bhtime; print('hypothesis' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_public_names() -> None:
    assert set(bst.__all__) == {
        "EXPRESSION_KINDS",
        "ExpressionKind",
        "TIMESTAMP_FORMATS",
        "expressions",
        "instants",
        "invalid_cases",
        "invalid_expressions",
        "timestamps",
        "zones",
    }
    for name in bst.__all__:
        if callable(getattr(bst, name)) and name != "ExpressionKind":
            assert "hrinks" in getattr(bst, name).__doc__ or name == "invalid_cases"


# -- expressions(kind=...): what people type --------------------------------------------------


@pytest.mark.parametrize("kind", bst.EXPRESSION_KINDS)
@BOUNDED
@given(data=st.data())
def test_every_kind_parses_and_evaluates(kind: bst.ExpressionKind, data: st.DataObject) -> None:
    text = data.draw(bst.expressions(kind))
    zone, now = data.draw(zone_and_now())
    result = bhtime.evaluate(text, zone=zone, now=now)
    assert 1 <= result.year <= 9999


def typed_like_a_person(text: str) -> bool:
    """Lower case but for a first capital, single spaces, nothing around."""
    words = text.split(" ")
    return all(words) and all(word[1:] == word[1:].lower() or "T" in word for word in words)


@BOUNDED
@given(bst.expressions("day-and-time"))
def test_day_and_time_is_a_day_or_a_time_or_both(text: str) -> None:
    expression = bhtime.parse(text)
    assert expression.date is not None or expression.time is not None
    assert (expression.timestamp, expression.now, expression.modifiers) == (None, None, ())
    assert typed_like_a_person(text), text
    assert len(text.split()) <= 2


@BOUNDED
@given(bst.expressions("relative"))
def test_relative_is_modifiers_after_now_or_alone(text: str) -> None:
    expression = bhtime.parse(text)
    assert 1 <= len(expression.modifiers) <= 3
    assert (expression.timestamp, expression.date, expression.time) == (None, None, None)
    assert all(1 <= abs(modifier.amount) <= 90 for modifier in expression.modifiers)
    assert typed_like_a_person(text), text


@BOUNDED
@given(bst.expressions("timestamps"))
def test_timestamps_kind_is_one_timestamp(text: str) -> None:
    (item,) = bhtime.parse(text).items
    assert isinstance(item, Timestamp)


@BOUNDED
@given(bst.expressions("realistic"))
def test_realistic_is_what_a_form_receives(text: str) -> None:
    expression = bhtime.parse(text)
    assert typed_like_a_person(text), text
    assert len(text) <= 40
    stamp = expression.timestamp
    if stamp is not None:
        assert stamp.format in {"recommended", "ISO_OFFSET_DATE_TIME"}
        assert 2000 <= stamp.local.year <= 2037


def test_realistic_covers_each_shape() -> None:
    seen: set[str] = set()

    @settings(max_examples=300, database=None)
    @given(bst.expressions("realistic"))
    def collect(text: str) -> None:
        expression = bhtime.parse(text)
        if expression.timestamp is not None:
            seen.add("timestamp")
        elif expression.now is not None and not expression.modifiers:
            seen.add("now")
        elif expression.modifiers and (expression.date or expression.time):
            seen.add("moved day or time")
        elif expression.modifiers:
            seen.add("relative")
        else:
            seen.add("day and time")

    collect()
    assert seen == {"timestamp", "now", "moved day or time", "relative", "day and time"}


def test_unknown_kind() -> None:
    with pytest.raises(InvalidArgument, match="realistic"):
        bst.expressions("typical")  # type: ignore[arg-type]


# -- st.from_type(bhtime.Expression), through hypothesis' entry point ----------------------------


@BOUNDED
@given(st.from_type(bhtime.Expression), zone_and_now())
def test_from_type_draws_valid_expressions(
    expression: bhtime.Expression, zone_now: tuple[str, datetime]
) -> None:
    zone, now = zone_now
    assert isinstance(expression, bhtime.Expression)
    assert bhtime.parse(expression.text) == expression
    result = bhtime.evaluate(expression, zone=zone, now=now)
    again = bhtime.evaluate(expression.text, zone=zone, now=now)
    assert instant_and_offset(result) == instant_and_offset(again)


@dataclass(frozen=True)
class Reminder:
    """What an application holds: a parsed expression and the user's zone."""

    when: bhtime.Expression
    zone: str


@BOUNDED
@given(st.builds(Reminder, zone=bst.zones()))
def test_builds_infers_expressions(reminder: Reminder) -> None:
    assert isinstance(reminder.when, bhtime.Expression)
    bhtime.evaluate(
        reminder.when, zone=reminder.zone, now=datetime(2017, 4, 24, tzinfo=timezone.utc)
    )


def test_the_entry_point_is_installed_and_cheap() -> None:
    """Registered by pyproject's entry point: a fresh `import hypothesis` suffices.

    Hypothesis runs the hook in every project where bhtime is installed, so it
    loads neither the strategies nor lark until ``from_type`` asks.
    """
    code = (
        "import sys, hypothesis\n"
        "from hypothesis import strategies as st\n"
        "loaded = {name for name in sys.modules if name.startswith(('bhtime', 'lark'))}\n"
        "print('bhtime._hypothesis_hook' in loaded, 'bhtime.strategies' in loaded,\n"
        "      any(name.startswith('lark') for name in loaded))\n"
        "import bhtime\n"
        "expression = st.from_type(bhtime.Expression).example()\n"
        "print(type(expression).__name__, bhtime.parse(expression.text) == expression)\n"
    )
    out = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split("\n")[:2] == ["True False False", "Expression True"]
