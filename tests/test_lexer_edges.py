"""The split lexer of bhtime/_syntax.py with a terminal that may start with any character.

The shipped table has none (every FIRST entry is a set of characters), but the
lexer is built for one: such a terminal is tried at every position, after
those guarded by their first character, in lark's order.
"""

from __future__ import annotations

import pytest

from bhtime import _syntax


def _kinds(lexer: _syntax._Lexer, kinds: dict[str | None, str], text: str) -> list[str]:
    return [kinds[token.lastgroup] for token in lexer.finditer(text) if token.group().strip()]


def test_a_terminal_that_may_start_anywhere_is_tried_at_every_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shipped, _, shipped_kinds = _syntax._lexer()
    anywhere = "NOW"
    monkeypatch.setitem(_syntax.FIRST, anywhere, None)
    whole, first, kinds = _syntax._lexer()
    text = "now +1h tomorrow"
    assert _kinds(whole, kinds, text) == _kinds(shipped, shipped_kinds, text)
    assert anywhere in _kinds(whole, kinds, text)
    # The catch-all, used for a first character no branch names, now tries it too.
    token = first[""].match("now")
    assert token is not None
    assert kinds[token.lastgroup] == anywhere
