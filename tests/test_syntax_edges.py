"""The table runner of bhtime._syntax: what a lone token is, what its errors carry,
and that a step is worked out once and then kept.

The caches are emptied first in each test (``_ALONE`` replaced, the steps
cleared), so that the answer comes from the table, not from an earlier test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bhtime import _syntax
from bhtime._syntax import BadCharacter, BadToken, clear_steps, first_token, lone_kind, read


@pytest.fixture(autouse=True)
def _fresh_caches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(_syntax, "_ALONE", {})
    clear_steps()
    yield
    clear_steps()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "NOW"),  # a whole expression of one token
        ("+", None),  # the table shifts a sign but does not accept it alone
        ("!", None),  # no terminal starts here: the table takes no step
        ("now ", None),  # the token is not all of the text
    ],
)
def test_lone_kind(text: str, expected: str | None) -> None:
    assert lone_kind(text, first_token(text)) == expected


def test_lone_kind_is_the_same_from_the_cache() -> None:
    token = first_token("now")
    assert lone_kind("now", token) == lone_kind("now", token) == "NOW"


def test_bad_character_carries_its_arguments() -> None:
    failure = read("now !")[2]
    assert isinstance(failure, BadCharacter)
    assert (failure.pos, failure.previous) == (4, 0)
    assert failure.args == (4, 0)


def test_bad_token_carries_its_arguments() -> None:
    failure = read("now +")[2]
    assert isinstance(failure, BadToken)
    assert (failure.pos, failure.previous, failure.kind, failure.value) == (5, 4, "$END", "")
    assert failure.args == (5, 4, "$END", "")


def test_each_step_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second read of a text runs no table step: every step was kept by the first."""
    text = "2017-04-25 12:00 +1h -5min"
    first = read(text)
    calls: list[str] = []
    original = _syntax._step

    def counted(configuration: tuple[int, ...], group: str) -> object:
        calls.append(group)
        return original(configuration, group)

    monkeypatch.setattr(_syntax, "_step", counted)
    second = read(text)
    assert calls == []
    assert [(kind, a.span(), b.span()) for kind, a, b in second[1]] == [
        (kind, a.span(), b.span()) for kind, a, b in first[1]
    ]
    assert second[2] is None
