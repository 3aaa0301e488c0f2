"""The shipped table is the grammar's, and bhtime's driver parses as lark does.

`bhtime/_table.py` is generated from `grammar/bhtime.lark` by lark ahead of
time; `bhtime._syntax` runs it without lark. Here lark builds the table again
and must give the shipped file byte for byte, and lark's own lexer and parser
read the same texts as the driver: the same tokens, the same items, the same
place of failure. These tests need lark (`pip install 'bhtime[test]'`).
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from bhtime import _syntax, _table
from bhtime._grammar import _first_characters, lark_parser, table_source

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def reference() -> Lark:
    return lark_parser()


def test_the_shipped_table_is_the_one_lark_builds_from_the_grammar() -> None:
    shipped = Path(_table.__file__).read_text(encoding="utf-8")
    assert shipped == table_source(reference()), (
        "bhtime/_table.py is not the table of grammar/bhtime.lark: "
        "run `python tools/generate_table.py`"
    )


def test_the_generator_checks_the_shipped_table() -> None:
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_table.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "up to date" in check.stdout


def test_the_driver_reaches_few_configurations_of_the_table() -> None:
    # Every step the driver keeps, from every configuration on every kind: a
    # finite, small set, so the kept steps are bounded whatever the input.
    kinds = [name for name, _ in _table.TERMINALS] + [_syntax.NO_TERMINAL, _syntax.END_OF_TEXT]
    seen, queue = {(_table.START,)}, [(_table.START,)]
    while queue:
        configuration = queue.pop()
        for kind in kinds:
            step = _syntax._step(configuration, kind)
            if step is not None and step[0] is not None and step[0] not in seen:
                seen.add(step[0])
                queue.append(step[0])
    assert len(seen) < 200
    assert set(_syntax._STEPS) <= {*seen, None}
    assert sum(map(len, _syntax._STEPS.values())) <= len(seen) * len(kinds)


def lark_outcome(text: str) -> object:
    try:
        tree = reference().parse(text)
    except UnexpectedCharacters as error:
        return ("character", error.pos_in_stream)
    except UnexpectedToken as error:
        return ("token", len(text) if error.token.type == "$END" else error.token.start_pos)
    except UnexpectedInput as error:  # pragma: no cover - no other kind with this lexer
        return ("other", error)
    assert isinstance(tree, Tree)
    return [
        (item.data, tuple((token.type, str(token)) for token in item.children))
        for item in tree.children
    ]


_RULE_OF = {
    "DATE_TIME": "timestamp", "RFC_1123": "timestamp", "ISO_DATE": "date", "BASIC_DATE": "date",
    "DAY_WORD": "date", "WIDE_YEAR": "date", "ISO_TIME": "time", "TIME_WORD": "time",
    "NOW": "now", "AMOUNT": "modifier", "BAD_AMOUNT": "modifier",
    "SIGNED_AMOUNT": "signed_modifier", "SIGN": "signed_modifier", "WORD": "word",
}  # fmt: skip


def our_outcome(text: str) -> object:
    _, items_read, failure = _syntax.read(text)
    if isinstance(failure, _syntax.BadCharacter):
        return ("character", failure.pos)
    if isinstance(failure, _syntax.BadToken):
        return ("token", failure.pos)
    items = []
    for kind, first, last in items_read:
        kept = [first] if first is last else [first, last]  # a sign and its bad amount
        items.append(
            (_RULE_OF[kind], tuple((_syntax.kind(token), token.group()) for token in kept))
        )
    return items


def lark_tokens(text: str) -> list[tuple[str, str]]:
    """lark's tokens of ``text``, up to the first character no terminal starts."""
    tokens = []
    try:
        for token in reference().lex(text):
            tokens.append((token.type, str(token)))
    except UnexpectedCharacters:
        pass
    return tokens


def our_tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    for token in _syntax.read(text)[0]:
        if _syntax.kind(token) == _syntax.NO_TERMINAL:
            break
        tokens.append((_syntax.kind(token), token.group()))
    return tokens


TEXTS = st.text(alphabet="0123456789+-:.,[]/ \tTZtzGMnowdayiesrkhumecl_EPaJ", max_size=30)


@given(TEXTS)
def test_the_same_texts_are_accepted_and_fail_at_the_same_place(text: str) -> None:
    assert our_outcome(text) == lark_outcome(text)


@given(TEXTS)
def test_the_lexer_cuts_as_lark_basic_lexer_does(text: str) -> None:
    assert our_tokens(text) == lark_tokens(text)


@pytest.mark.parametrize(
    "text",
    [
        "now -12 hours +1min",
        " tomorrow 14:00 ",
        "2011-12-03T10:15:30+01:00[Europe/Paris] +1 mon",
        "Tue, 3 Jun 2008 11:05:30 GMT -1d",
        "now-1d+2h",
        "- 12 hours",
        "- 1.5h",
        "1h30min",
        "now +",
        "+h",
        "now\u00a0",
        "ſ1d",
    ],
)
def test_known_texts(text: str) -> None:
    assert our_outcome(text) == lark_outcome(text)
    assert our_tokens(text) == lark_tokens(text)


@given(st.lists(TEXTS, min_size=2, max_size=4))
def test_steps_kept_for_one_text_read_every_text(texts: list[str]) -> None:
    # Steps are kept by configuration and kind only: reusing those worked out
    # for earlier texts must give what working them out afresh gives.
    warm = [our_outcome(text) for text in texts]
    _syntax.clear_steps()
    cold = [our_outcome(text) for text in texts[::-1]][::-1]
    assert warm == cold


@pytest.mark.parametrize(
    ("regex", "first"),
    [
        ("ab", "a"),
        ("(?i:ab)", "Aa"),
        ("[0-9]x", "0123456789"),
        ("(?i:[a-b])", "ABab"),
        ("(?=x)y", "y"),
        ("(?:a|b)c", "ab"),
        ("a?b", "ab"),
        ("a*", "a"),  # may match empty: a superset is all the lexer needs
        ("(?:a|b?)c", "abc"),
        (".", None),
        ("[^a]", None),
        (r"\d", None),
        ("a|.", None),
        ("(?:.)b", None),
        ("(a)\\1", "a"),
    ],
)
def test_the_first_characters_of_a_terminal(regex: str, first: str | None) -> None:
    # The lexer tries a terminal only where its first character can start it:
    # the set may be too wide, never too narrow (None: any character).
    assert _first_characters(regex) == first
