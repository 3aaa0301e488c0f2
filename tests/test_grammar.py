"""bhtime's own LALR loop against lark's: same grammar, same answers.

`_grammar.Language` runs lark's table with a loop and a lexer of its own; here
lark parses the same texts with its own lexer and loop, and both must accept
the same texts and fail at the same place.
"""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from bhtime._grammar import BadCharacter, BadToken, Language, grammar_text

ITEM_RULES = ("timestamp", "date", "time", "now", "modifier", "signed_modifier", "word")


class Marks:
    """Builds no item: records each item rule's name and tokens, so no value check runs."""

    def __getattr__(self, name: str) -> object:
        if name not in ITEM_RULES:
            raise AttributeError(name)
        return lambda tokens: (name, tuple(str(token) for token in tokens))


@functools.cache
def both() -> tuple[Lark, Language]:
    """lark's parser of the grammar, and bhtime's loop over the same tables."""
    reference = Lark(grammar_text(), parser="lalr", lexer="basic", g_regex_flags=re.ASCII)
    return reference, Language(reference, Marks())


def lark_outcome(parser: Lark, text: str) -> object:
    try:
        tree = parser.parse(text)
    except UnexpectedCharacters as error:
        return ("character", error.pos_in_stream)
    except UnexpectedToken as error:
        return ("token", len(text) if error.token.type == "$END" else error.token.start_pos)
    except UnexpectedInput as error:  # pragma: no cover - no other kind with this lexer
        return ("other", error)
    assert isinstance(tree, Tree)
    return [(item.data, tuple(str(token) for token in item.children)) for item in tree.children]


def our_outcome(language: Language, text: str) -> object:
    try:
        return language.parse(text)
    except BadCharacter as error:
        return ("character", error.pos)
    except BadToken as error:
        return ("token", error.pos)


TEXTS = st.text(alphabet="0123456789+-:.,[]/ \tTZtzGMnowdayiesrkhumecl_EPaJ", max_size=30)


@given(TEXTS)
def test_the_same_texts_are_accepted_and_fail_at_the_same_place(text: str) -> None:
    reference, language = both()
    assert our_outcome(language, text) == lark_outcome(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "now -12 hours +1min",
        " tomorrow 14:00 ",
        "2011-12-03T10:15:30+01:00[Europe/Paris] +1 mon",
        "Tue, 3 Jun 2008 11:05:30 GMT -1d",
        "now-1d+2h",
        "- 12 hours",
        "1h30min",
        "now +",
        "+h",
        "now\u00a0",
    ],
)
def test_known_texts(text: str) -> None:
    reference, language = both()
    assert our_outcome(language, text) == lark_outcome(reference, text)


@given(st.lists(TEXTS, min_size=2, max_size=4))
def test_a_plan_made_for_one_text_reads_every_text_of_its_shape(texts: list[str]) -> None:
    # The plan cache is keyed by token kinds only: reusing a plan made for an
    # earlier text must give what a fresh run of the table gives.
    _, language = both()
    warm = [our_outcome(language, text) for text in texts]
    language.plan.cache_clear()
    cold = [our_outcome(language, text) for text in texts[::-1]][::-1]
    assert warm == cold
