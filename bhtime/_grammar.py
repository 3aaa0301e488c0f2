"""Find the grammar file, build its LALR tables once, and run them.

The grammar ships inside the wheel as ``bhtime/bhtime.lark``; in a checkout or
an editable install it is read from the repository's ``grammar/`` folder.
lark is imported here only, and only when the first expression is parsed, so
``import bhtime`` stays cheap.

lark builds the lexer's terminal order and the LALR table from the grammar;
``Language.parse`` runs that table with a lean loop of its own, once per
sequence of token kinds, and a reduction of an item rule (``timestamp``,
``modifier``, ...) calls the builder's method of that name. lark's own loop
and tree builder keep line numbers, an interactive state and parse trees that
a one-line expression does not need, and cost several times as much.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from lark import Lark

__all__ = ["BadCharacter", "BadToken", "Language", "Plan", "Token", "grammar_text", "language"]

_GRAMMAR_NAME = "bhtime.lark"
_END = "$END"
_WHITESPACE = "_WS"
# The lexer's kind for a character that starts no terminal; no rule takes it.
_NO_TERMINAL = "_NO_TERMINAL"
# Plans kept: shapes people write are few, and a key is one kind per token.
_PLANS = 512
_lock = threading.Lock()


class Token(str):
    """A piece of the text as the lexer cut it: its terminal's name and where it starts."""

    type: str
    start_pos: int

    @classmethod
    def cut(cls, kind: str, value: str, pos: int) -> Token:
        token = cls(value)
        token.type = kind
        token.start_pos = pos
        return token


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


class Language:
    """The grammar, built: a lexer that cuts tokens as lark's does, and the LALR table.

    Whether a text parses, and into which items, depends only on the kinds of
    its tokens, never on their values: ``now -12 hours +1min`` and
    ``now -13 hours +1min`` take the same path through the table. So the
    table is run once per sequence of kinds and the path kept as a ``Plan``;
    a later text of a shape already seen is cut into tokens and its items
    made, with no step through the table.
    """

    __slots__ = ("_end_state", "_lexer", "_start_state", "_states", "plan")

    def __init__(self, parser: Lark, builder: object) -> None:
        from lark.parsers.lalr_analysis import Shift  # noqa: PLC0415

        # lark's basic lexer tries its terminals in this order and takes the
        # first that matches; one alternation in the same order cuts the same.
        # The last alternative takes one character that no terminal starts,
        # so that one pass of finditer cuts the whole text, gaps included.
        terminals = parser.parser.lexer.terminals
        alternation = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
        self._lexer = re.compile(f"{alternation}|(?P<{_NO_TERMINAL}>(?s:.))", re.ASCII)
        table = parser.parser.parser.parser.parse_table
        # The table as plain data: a shift is (True, next state); a reduce is
        # (False, (the builder's method for an item rule or None, how many
        # values the rule takes, the rule's name)).
        self._states = {
            state: {
                str(kind): (True, argument)
                if action is Shift
                else (False, _reduction(builder, argument))
                for kind, (action, argument) in actions.items()
            }
            for state, actions in table.states.items()
        }
        self._start_state = table.start_states["start"]
        self._end_state = table.end_states["start"]
        self.plan = lru_cache(maxsize=_PLANS)(self._run_table)

    def parse(self, text: str) -> list[Any]:
        """The items of ``text`` in order; BadCharacter or BadToken where it fails.

        Items before the failure are made first, as the table reduces them
        before it meets it, so that an error in one of them is the one raised.
        """
        # Plain loops: a comprehension costs a function call each, and a
        # parse is a handful of tokens.
        matches = list(self._lexer.finditer(text))
        plan = self.plan(tuple([match.lastgroup or "" for match in matches]))
        items = []
        for method, indices in plan.steps:
            tokens = []
            for index in indices:
                match = matches[index]
                tokens.append(Token.cut(match.lastgroup or "", match.group(), match.start()))
            items.append(method(tokens))
        if plan.failure is not None:
            raise _failure(text, matches, plan.failure)
        return items

    def _run_table(self, kinds: tuple[str, ...]) -> Plan:
        """Run the LALR table over a sequence of token kinds: the items it makes, where it fails."""
        states = self._states
        state_stack = [self._start_state]
        # A token's index in `kinds`, or None for whitespace and for a rule's result.
        value_stack: list[int | None] = []
        steps: list[tuple[Callable[[list[Token]], Any], tuple[int, ...]]] = []
        for index, kind in enumerate((*kinds, _END)):
            while True:
                action = states[state_stack[-1]].get(kind)
                if action is None:  # the catch-all kind is in no state either
                    return Plan(tuple(steps), index)
                shifts, argument = action
                if shifts:
                    state_stack.append(argument)
                    value_stack.append(None if kind == _WHITESPACE else index)
                    break
                method, size, name = argument
                if size:
                    children = value_stack[-size:]
                    del state_stack[-size:]
                    del value_stack[-size:]
                    if method is not None:
                        steps.append((method, tuple(i for i in children if i is not None)))
                value_stack.append(None)
                state_stack.append(states[state_stack[-1]][name][1])
                if kind == _END and state_stack[-1] == self._end_state:
                    return Plan(tuple(steps), None)
        raise AssertionError("the table accepts or fails at the end")  # pragma: no cover


class Plan(NamedTuple):
    """What the table does with a sequence of token kinds."""

    steps: tuple[tuple[Callable[[list[Token]], Any], tuple[int, ...]], ...]
    """Each item rule it reduces, in order: the builder's method and the tokens' indices."""
    failure: int | None
    """The index of the token it fails at (the number of tokens for the end), or None."""


def _failure(text: str, matches: list[re.Match[str]], index: int) -> Exception:
    """The error for a failure at ``matches[index]``, with where the item before it began."""
    # A sign and the amount after it are one item.
    item_start, after_sign = 0, False
    for match in matches[:index]:
        kind, start = match.lastgroup, match.start()
        if kind == "SIGN":
            item_start, after_sign = start, True
        elif kind != _WHITESPACE:
            item_start = item_start if after_sign else start
            after_sign = False
    if index == len(matches):
        return BadToken(len(text), item_start, _END, "")
    match = matches[index]
    kind, start = match.lastgroup or "", match.start()
    if kind == _NO_TERMINAL:
        return BadCharacter(start, item_start)
    return BadToken(start, item_start, kind, match.group())


_language: Language | None = None


def grammar_text() -> str:
    """The text of the grammar, from the package if installed, else the checkout."""
    from importlib import resources  # noqa: PLC0415 - a slow import, needed once
    from pathlib import Path  # noqa: PLC0415

    packaged = resources.files(__package__).joinpath(_GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    in_checkout = Path(__file__).resolve().parent.parent / "grammar" / _GRAMMAR_NAME
    return in_checkout.read_text(encoding="utf-8")


def _reduction(builder: object, rule: Any) -> tuple[Callable[[list[Token]], Any] | None, int, str]:
    name = str(rule.origin.name)
    method = getattr(builder, name, None) if name != "start" else None
    return method, len(rule.expansion), name


def language(new_builder: Callable[[], object]) -> Language:
    """The shared, built grammar; the first caller builds it, the others wait for it.

    ``new_builder`` gives the object whose methods make the items.
    """
    global _language  # noqa: PLW0603 - the one lazily built object
    if _language is None:
        with _lock:
            if _language is None:
                _language = Language(_lark(), new_builder())
    return _language


def _lark() -> Lark:
    from lark import Lark  # noqa: PLC0415 - keep lark out of `import bhtime`

    # A basic (context-free) lexer: SPEC §2 cuts items with no regard to what
    # the parser expects.
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="basic",
        maybe_placeholders=False,
        # SPEC §2: case-insensitive in ASCII only; without this, re's Unicode
        # folding would read "ſ" as s and the Kelvin sign as k.
        g_regex_flags=re.ASCII,
    )
