"""Each fast path against the general path it shortens: the same result, or it gives way.

A fast path is only allowed where it cannot change an answer; these
properties hold it to the general path on valid texts, near-valid mutants
and arbitrary text in the language's alphabet.
"""

from __future__ import annotations

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from bhtime import _parse, _syntax
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
        assert isinstance(general, _parse.Expression)
        assert alone.items == general.items
        assert (alone.timestamp, alone.date, alone.time, alone.now, alone.modifiers) == (
            general.timestamp,
            general.date,
            general.time,
            general.now,
            general.modifiers,
        )
