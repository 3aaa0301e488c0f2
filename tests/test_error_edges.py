"""BhtimeError in detail: its args, relocation into a longer text, English without catalogues."""

from __future__ import annotations

import pytest

import bhtime
from bhtime import _locales


def _failure(text: str) -> bhtime.BhtimeError:
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.parse(text)
    return caught.value


def test_the_exceptions_args_are_its_english_message() -> None:
    failure = _failure("now +1X")
    assert failure.args == ("unknown unit 'X'",)
    assert failure.args == (failure.message,)


def test_a_letter_x_is_shown_as_it_is_under_the_caret() -> None:
    assert str(_failure("now +1X")).splitlines()[1:3] == ["  now +1X", "        ^"]


def test_a_relocated_error_keeps_its_hint_and_shifts_its_span() -> None:
    failure = _failure("+1X")
    moved = failure.relocated("now +1X", 4)
    assert (moved.pos, moved.end, moved.text) == (6, 7, "now +1X")
    assert moved.hint == failure.hint is not None
    assert (moved.code, moved.message, moved.params) == (
        failure.code,
        failure.message,
        failure.params,
    )


def test_a_relocated_error_without_a_position_stays_without_one() -> None:
    failure = _failure("+1X")
    failure.pos = None
    assert failure.relocated("now +1X", 4).pos is None


@pytest.mark.parametrize("locale", ["en", "en_US", "en-GB", "en_US.UTF-8", "EN", ""])
def test_english_in_any_spelling_reads_no_catalogue(
    monkeypatch: pytest.MonkeyPatch, locale: str
) -> None:
    def no_catalogue(*args: object) -> None:
        raise AssertionError(f"a catalogue was read for {locale!r}")

    monkeypatch.setattr(_locales, "available", no_catalogue)
    monkeypatch.setattr(_locales, "render", no_catalogue)
    failure = _failure("now +1X")
    assert failure.message_in(locale) == failure.message
    assert failure.hint_in(locale) == failure.hint
    assert failure.explain(locale) == str(failure)


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("+1.5h", "fraction", (1, 4)),  # the whole number 1.5
        ("now +12", "missing-unit", (5, 7)),  # both digits
        ("now [UTC]]", "unexpected", (4, 9)),  # the [zone] up to its first ], not the last
        ("now [UTC", "unexpected", (4, 5)),  # the [ never closed
        ("x" * 1001, "too-long", (1000, 1001)),  # what is past the limit
        ("12:00 13:00", "conflict", (6, 11)),  # the second item that sets the time
        ("now +12 ?", "missing-unit", (5, 7)),
        ("now + now", "missing-amount", (6, 9)),  # what follows the sign
        ("+10000-01-01", "out-of-range", (0, 6)),  # the wide year
    ],
)
def test_an_error_spans_the_whole_offending_text(
    text: str, code: str, span: tuple[int, int]
) -> None:
    failure = _failure(text)
    assert (failure.code, (failure.pos, failure.end)) == (code, span)


def test_a_minus_sign_with_no_amount_after_it_is_named() -> None:
    failure = _failure("- now")
    assert failure.code == "missing-amount"
    assert failure.message == "expected a number and a unit after '-', not 'now'"


def test_a_text_of_one_word_is_parsed_into_its_item() -> None:
    expression = bhtime.parse("noon")
    assert expression.items == (expression.time,)
    assert expression.time is not None
    assert (expression.time.pos, expression.time.end, expression.time.format) == (0, 4, "noon")
