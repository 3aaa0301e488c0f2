"""Errors of glued items and of conflicts, pinned exactly (code, position, end, message).

Each case is a text a user may send; the message and the span a caller
underlines are part of the answer, so a change to either is a defect.
"""

from __future__ import annotations

import pytest

import bhtime
from bhtime._parse import MAX_LENGTH

CASES = [
    # Two modifiers glued: the second one's span, with the spaced text as the fix.
    (
        "now +1h5m",
        "glued-modifiers",
        7,
        9,
        "modifiers without a sign must be separated by whitespace (at column 8)",
        "write '+1h 5m'",
    ),
    # A lowercase 't' after a date starts the time, as an uppercase one does.
    (
        "2017-04-25today",
        "invalid-format",
        11,
        15,
        "expected a time HH:mm after 'T' (at column 12)",
        "write it as in 2011-12-03T10:15",
    ),
    (
        "2017-04-25Today",
        "invalid-format",
        11,
        15,
        "expected a time HH:mm after 'T' (at column 12)",
        "write it as in 2011-12-03T10:15",
    ),
    (
        "12:00today",
        "missing-space",
        5,
        10,
        "expected whitespace between '12:00' and 'today' (at column 6)",
        "write '12:00 today'",
    ),
    # A sign with nothing after it: an empty span at the end of the text, and
    # the same when the parser found it from the character after the sign.
    (
        "now +",
        "missing-amount",
        5,
        5,
        "expected a number and a unit after the sign (at end of text)",
        "write the modifier whole, as in '+3h'",
    ),
    (
        "now +!",
        "missing-amount",
        5,
        5,
        "expected a number and a unit after the sign (at column 6)",
        "write the modifier whole, as in '+3h'",
    ),
    # Two shared fields are named together, joined by " and ".
    (
        "now 2017-04-25T00:41:27",
        "conflict",
        4,
        23,
        "'2017-04-25T00:41:27' sets the date and time, which 'now' already sets (at column 5)",
        "keep one of them",
    ),
    (
        "now today",
        "conflict",
        4,
        9,
        "'today' sets the date, which 'now' already sets (at column 5)",
        "keep one of them",
    ),
]


@pytest.mark.parametrize(("text", "code", "pos", "end", "message", "hint"), CASES)
def test_error_is_pinned(text: str, code: str, pos: int, end: int, message: str, hint: str) -> None:
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.parse(text)
    error = caught.value
    assert (error.code, error.pos, error.end) == (code, pos, end)
    assert str(error).split("\n")[0] == message
    assert error.hint == hint


def test_too_long_spans_what_is_past_the_limit() -> None:
    text = "1" * (MAX_LENGTH + 7)
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.parse(text)
    error = caught.value
    assert (error.code, error.pos, error.end) == ("too-long", MAX_LENGTH, MAX_LENGTH + 7)
    assert str(error).split("\n")[0] == (
        f"the expression is {MAX_LENGTH + 7} characters long; "
        f"the limit is {MAX_LENGTH} (at column {MAX_LENGTH + 1})"
    )
