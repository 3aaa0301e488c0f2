"""The first characters of the shapes of regex tests/test_grammar.py does not try."""

from __future__ import annotations

import pytest

from bhtime._grammar import _first_characters


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
