"""lark's parser of the grammar as built, and first characters of regex test_grammar does not try."""

from __future__ import annotations

import pytest
from lark.exceptions import UnexpectedCharacters

import bhtime
from bhtime._grammar import _first_characters, lark_parser


@pytest.mark.parametrize(
    ("regex", "first"),
    [
        ("(?!x)y", "y"),  # a negative lookahead is zero width, as a positive one
        ("(?:ab|cd)e", "ac"),  # a branch of words (re makes one of letters a class)
        ("a*?b", "ab"),  # a lazy repeat may match empty, as a greedy one
        ("a{0,2}?b", "ab"),
    ],
)
def test_the_first_characters_of_more_regex_shapes(regex: str, first: str) -> None:
    assert _first_characters(regex) == first


def test_larks_parser_of_the_grammar_reads_an_expression() -> None:
    tree = lark_parser().parse("now +1h")
    assert [child.data for child in tree.children] == ["now", "signed_modifier"]


@pytest.mark.parametrize("text", ["+1\u017f", "+1\u212aw"])  # long s, Kelvin sign
def test_larks_parser_folds_case_in_ascii_only_as_bhtime_does(text: str) -> None:
    # Unicode folding would read the long s as s and the Kelvin sign as k.
    with pytest.raises(UnexpectedCharacters):
        lark_parser().parse(text)
    with pytest.raises(bhtime.BhtimeError):
        bhtime.parse(text)
