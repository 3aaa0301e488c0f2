"""Text to tokens to items' spans: the shipped lexer and LALR table, run (docs/language.md §2).

``_table.py`` is the grammar as lark builds it, kept as data; this module runs
it without lark. The lexer is lark's basic lexer: its terminals tried in
lark's order, the first that matches taking the text, as one alternation.
Whether a text parses depends only on its tokens' kinds, and the language
has no nesting, so the table's stack can hold only a few configurations: each
step from one configuration on one kind (the shift and the reductions before
it) is worked out once and kept, and a parse is one lookup per token.
"""

from __future__ import annotations

import re

from ._table import END, RULES, START, STATES, TERMINALS

__all__ = ["BadCharacter", "BadToken", "Tokens", "read"]

NO_TERMINAL = "_NO_TERMINAL"
"""The lexer's kind for a character that starts no terminal; no state takes it."""
WHITESPACE = "_WS"
END_OF_TEXT = "$END"

# The last alternative takes one character that no terminal starts, so that
# one pass of finditer cuts the whole text, gaps included. re.ASCII: as the
# grammar is built (letters fold case in ASCII only).
_LEXER = re.compile(
    "|".join(f"(?P<{name}>{regex})" for name, regex in TERMINALS) + f"|(?P<{NO_TERMINAL}>(?s:.))",
    re.ASCII,
)
# Rules that make an item: named without "_" (lark's inlined rules), not the start.
_ITEM_RULES = frozenset(name for name, _ in RULES if not name.startswith("_") and name != "start")

Tokens = list[re.Match[str]]
_Configuration = tuple[int, ...]
# From a configuration on a kind: the next configuration (None once the text
# is accepted), and the number of tokens of each item reduced on the way.
_Step = tuple[_Configuration | None, tuple[int, ...]]


class BadCharacter(Exception):
    """No terminal starts at ``pos``; the item before it started at ``previous``."""

    def __init__(self, pos: int, previous: int) -> None:
        super().__init__(pos, previous)
        self.pos = pos
        self.previous = previous


class BadToken(Exception):
    """The token ``value`` of ``kind`` at ``pos`` cannot follow the item at ``previous``."""

    def __init__(self, pos: int, previous: int, kind: str, value: str) -> None:
        super().__init__(pos, previous, kind, value)
        self.pos = pos
        self.previous = previous
        self.kind = kind
        self.value = value


def read(text: str) -> tuple[Tokens, list[tuple[int, int]], BadCharacter | BadToken | None]:
    """The tokens of ``text``, each item's first and last token, and where the table fails.

    Items are listed in the order the table reduces them: an item is complete
    once the token after it is seen to fit, so the items before a failure are
    exactly those listed, and the item just before it is not.
    """
    tokens = list(_LEXER.finditer(text))
    items: list[tuple[int, int]] = []
    configuration: _Configuration | None = (START,)
    index = 0
    for index, kind in enumerate([*[token.lastgroup for token in tokens], END_OF_TEXT]):
        step = _STEPS.get((configuration, kind)) or _step(configuration, kind)  # type: ignore[arg-type]
        if step is None:
            return tokens, items, _failure(text, tokens, index)
        configuration, sizes = step
        for size in sizes:
            items.append((index - size, index - 1))
    assert configuration is None, "the table accepts at the end of the text or fails before"
    return tokens, items, None


_STEPS: dict[tuple[_Configuration, str | None], _Step] = {}


def _step(configuration: _Configuration, kind: str) -> _Step | None:
    """Run the table from ``configuration`` on ``kind``: reduce until it shifts, accepts or fails.

    Kept in ``_STEPS``: the configurations a text can reach are few (the
    grammar's one repetition is left-recursive, so the stack stays short).
    """
    stack = list(configuration)
    sizes: list[int] = []
    while True:
        action = STATES[stack[-1]].get(kind)
        if action is None:
            return None  # not kept: a failure ends the parse, and kinds are unbounded
        if action >= 0:
            stack.append(action)
            break
        name, size = RULES[-1 - action]
        if name in _ITEM_RULES:
            sizes.append(size)
        del stack[len(stack) - size :]
        stack.append(STATES[stack[-1]][name])
        if kind == END_OF_TEXT and stack[-1] == END:
            stack = []
            break
    step: _Step = (tuple(stack) or None, tuple(sizes))
    _STEPS[configuration, kind] = step
    return step


def _failure(text: str, tokens: Tokens, index: int) -> BadCharacter | BadToken:
    """The error for a failure at ``tokens[index]``, with where the item before it began."""
    # A sign and the amount after it are one item.
    item_start, after_sign = 0, False
    for token in tokens[:index]:
        kind, start = token.lastgroup, token.start()
        if kind == "SIGN":
            item_start, after_sign = start, True
        elif kind != WHITESPACE:
            item_start = item_start if after_sign else start
            after_sign = False
    if index == len(tokens):
        return BadToken(len(text), item_start, END_OF_TEXT, "")
    token = tokens[index]
    kind, start = token.lastgroup or "", token.start()
    if kind == NO_TERMINAL:
        return BadCharacter(start, item_start)
    return BadToken(start, item_start, kind, token.group())
