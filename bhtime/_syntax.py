"""Text to tokens to items: the shipped lexer and LALR table, run (docs/language.md §2).

``_table.py`` is the grammar as lark builds it, kept as data; this module runs
it without lark. The lexer is lark's basic lexer: at each position its
terminals are tried in lark's order and the first that matches is the token.
Whether a text parses depends only on its tokens' kinds, and the language
has no nesting, so the table's stack can hold only a few configurations: each
step from one configuration on one kind (the shift and the reductions before
it) is worked out once and kept, and a parse is one lookup per token.
"""

from __future__ import annotations

import re

from ._table import END, FIRST, RULES, START, STATES, TERMINALS

__all__ = ["BadCharacter", "BadToken", "Item", "clear_steps", "kind", "read"]

NO_TERMINAL = "_NO_TERMINAL"
"""The lexer's kind for a character that starts no terminal; no state takes it."""
WHITESPACE = "_WS"
END_OF_TEXT = "$END"


def _lexer() -> tuple[re.Pattern[str], dict[str | None, str]]:
    """One regex that cuts as lark's basic lexer does, and each of its groups' terminal.

    Trying all fifteen terminals at every position costs most of a parse, so
    the alternation is split by the token's first character: one branch for
    letters, one for digits, one per other character, each trying only the
    terminals that can start there, still in lark's order (branches with the
    same terminals are one). A terminal that could start with any character
    is tried everywhere. The last alternative takes one character that no
    terminal starts, so that one pass of finditer cuts the whole text, gaps
    included. re.ASCII: as the grammar is built (letters fold case in ASCII).
    """
    regexes = dict(TERMINALS)
    by_category: dict[str, str] = {}
    for char in sorted({char for chars in FIRST.values() for char in chars or ""}):
        category = (
            "a" if char.isalpha() else "0" if char.isdigit() else " " if char.isspace() else char
        )
        by_category[category] = by_category.get(category, "") + char
    starts: dict[tuple[str, ...], str] = {}
    for chars in by_category.values():
        names = tuple(name for name, _ in TERMINALS if _may_start(name, chars))
        starts[names] = starts.get(names, "") + chars
    anywhere = tuple(name for name, _ in TERMINALS if FIRST[name] is None)
    branches, kinds = [], {NO_TERMINAL: NO_TERMINAL}
    for index, (names, chars) in enumerate([*starts.items(), (anywhere, "")]):
        alternatives = []
        for name in names:
            kinds[f"{name}_{index}"] = name
            alternatives.append(f"(?P<{name}_{index}>{regexes[name]})")
        if alternatives:
            guard = f"(?=[{re.escape(chars)}])" if chars else ""
            branches.append(f"{guard}(?:{'|'.join(alternatives)})")
    pattern = "|".join([*branches, f"(?P<{NO_TERMINAL}>(?s:.))"])
    return re.compile(pattern, re.ASCII), kinds  # type: ignore[return-value]


def _may_start(name: str, chars: str) -> bool:
    first = FIRST[name]
    return first is None or any(char in first for char in chars)


_LEXER, _KINDS = _lexer()
# Rules that make an item: named without "_" (lark's inlined rules), not the start.
_ITEM_RULES = frozenset(name for name, _ in RULES if not name.startswith("_") and name != "start")

Tokens = list[re.Match[str]]
Item = tuple[str, re.Match[str], re.Match[str]]
"""An item's kind (its first token's terminal), its first and its last token."""
_Configuration = tuple[int, ...]
# From a configuration on a kind: the next configuration (None once the text
# is accepted), the steps kept from it, and the number of tokens of each item
# reduced on the way.
_Step = tuple[_Configuration | None, "dict[str, _Step]", tuple[int, ...]]


def kind(token: re.Match[str]) -> str:
    """The terminal that cut ``token`` (or NO_TERMINAL)."""
    return _KINDS[token.lastgroup]


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


def read(text: str) -> tuple[Tokens, list[Item], BadCharacter | BadToken | None]:
    """The tokens of ``text``, its items in order, and where the table fails.

    Items are listed in the order the table reduces them: an item is complete
    once the token after it is seen to fit, so the items before a failure are
    exactly those listed, and the item just before it is not.
    """
    tokens = list(_LEXER.finditer(text))
    items: list[Item] = []
    configuration: _Configuration | None = _START
    steps = _STEPS.get(_START) or _STEPS.setdefault(_START, {})
    # Steps are kept by the lexer's group name, which names the terminal: one
    # lookup a token.
    for index, group in enumerate([*[token.lastgroup for token in tokens], END_OF_TEXT]):
        step = steps.get(group) or _step(configuration, group)  # type: ignore[arg-type]
        if step is None:
            return tokens, items, _failure(text, tokens, index)
        configuration, steps, sizes = step
        if sizes:
            for size in sizes:
                first = tokens[index - size]
                items.append((_KINDS[first.lastgroup], first, tokens[index - 1]))
    assert configuration is None, "the table accepts at the end of the text or fails before"
    return tokens, items, None


_START: _Configuration = (START,)
_STEPS: dict[_Configuration | None, dict[str, _Step]] = {_START: {}, None: {}}


def clear_steps() -> None:
    """Forget every kept step, as at start-up (for tests and cold-start benchmarks)."""
    for steps in list(_STEPS.values()):
        steps.clear()


def _step(configuration: _Configuration, group: str) -> _Step | None:
    """Run the table from ``configuration`` on a token of the lexer's ``group``, or END_OF_TEXT:
    reduce until it shifts, accepts or fails.

    Kept in ``_STEPS``: the configurations a text can reach are few (the
    grammar's one repetition is left-recursive, so the stack stays short).
    """
    kind = _KINDS.get(group, group)
    stack = list(configuration)
    sizes: list[int] = []
    while True:
        action = STATES[stack[-1]].get(kind)
        if action is None:
            return None  # not kept: a failure ends the parse
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
    following = tuple(stack) or None
    step: _Step = (following, _STEPS.setdefault(following, {}), tuple(sizes))
    _STEPS.setdefault(configuration, {})[group] = step
    return step


def _failure(text: str, tokens: Tokens, index: int) -> BadCharacter | BadToken:
    """The error for a failure at ``tokens[index]``, with where the item before it began."""
    # A sign and the amount after it are one item.
    item_start, after_sign = 0, False
    for token in tokens[:index]:
        kind, start = _KINDS[token.lastgroup], token.start()
        if kind == "SIGN":
            item_start, after_sign = start, True
        elif kind != WHITESPACE:
            item_start = item_start if after_sign else start
            after_sign = False
    if index == len(tokens):
        return BadToken(len(text), item_start, END_OF_TEXT, "")
    token = tokens[index]
    kind, start = _KINDS[token.lastgroup], token.start()
    if kind == NO_TERMINAL:
        return BadCharacter(start, item_start)
    return BadToken(start, item_start, kind, token.group())
