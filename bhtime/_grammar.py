"""Find the grammar file, build its LALR tables once, and run them.

The grammar ships inside the wheel as ``bhtime/bhtime.lark``; in a checkout or
an editable install it is read from the repository's ``grammar/`` folder.
lark is imported here only, and only when the first expression is parsed, so
``import bhtime`` stays cheap.

lark builds the lexer's terminal order and the LALR table from the grammar;
``Language.parse`` runs that table with a lean loop of its own, and a reduction
of an item rule (``timestamp``, ``modifier``, ...) calls the builder's method
of that name; every other rule just gathers the items below it. lark's own
loop and tree builder keep line numbers, an interactive state and parse trees
that a one-line expression does not need, and cost about twice as much.
"""

from __future__ import annotations

import re
import threading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from lark import Lark

__all__ = ["BadCharacter", "BadToken", "Language", "Token", "grammar_text", "language"]

_GRAMMAR_NAME = "bhtime.lark"
_END = "$END"
_WHITESPACE = "_WS"
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
    """The grammar, built: a scanner that cuts tokens as lark's lexer does, and the LALR table."""

    __slots__ = (
        "_end_state",
        "_start_state",
        "_states",
        "one_item",
        "scanner",
    )

    def __init__(
        self, parser: Lark, builder: object, one_item: Callable[[str, str, int], object]
    ) -> None:
        from lark.parsers.lalr_analysis import Shift  # noqa: PLC0415

        # lark's basic lexer tries its terminals in this order and takes the
        # first that matches; one alternation in the same order cuts the same.
        terminals = parser.parser.lexer.terminals
        alternation = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
        self.scanner = re.compile(alternation, re.ASCII)
        table = parser.parser.parser.parser.parse_table
        # The table as plain data: a shift is (True, next state); a reduce is
        # (False, (what to do, how many values it takes, the rule's name)), so
        # the loop hashes strings and ints only, never lark's Rule objects.
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
        # The item a text of one token makes, as the parser would make it (or None).
        self.one_item = one_item

    def parse(self, text: str) -> object:
        """Run the LALR table over ``text``; raise BadCharacter or BadToken where it fails."""
        states = self._states
        state_stack, value_stack = [self._start_state], []
        pos, length = 0, len(text)
        # Where the last item began, for errors that blame it (a sign and the
        # amount after it are one item).
        item_start, after_sign = 0, False
        while True:
            token: Token | None = None
            if pos >= length:
                kind, end = _END, pos
            else:
                match = self.scanner.match(text, pos)
                if match is None or match.lastgroup is None:
                    raise BadCharacter(pos, item_start)
                kind, end = match.lastgroup, match.end()
                # The grammar drops whitespace from every rule: it needs no token object.
                if kind != _WHITESPACE:
                    token = Token.cut(kind, match.group(), pos)
            while True:
                try:
                    shifts, argument = states[state_stack[-1]][kind]
                except KeyError:
                    raise BadToken(pos, item_start, kind, text[pos:end]) from None
                if shifts:
                    state_stack.append(argument)
                    value_stack.append(token)
                    break
                callback, size, name = argument
                children = value_stack[-size:] if size else []
                if size:
                    del state_stack[-size:]
                    del value_stack[-size:]
                value_stack.append(callback(children))
                state_stack.append(states[state_stack[-1]][name][1])
                if kind == _END and state_stack[-1] == self._end_state:
                    return value_stack[-1]
            if kind == "SIGN":
                item_start, after_sign = pos, True
            elif kind != _WHITESPACE:
                item_start = item_start if after_sign else pos
                after_sign = False
            pos = end


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


def _reduction(builder: object, rule: Any) -> tuple[Callable[[list[Any]], Any], int, str]:
    name = str(rule.origin.name)
    size = len(rule.expansion)
    method = getattr(builder, name, None) if name != "start" else None
    if method is None:
        # `_item: date` and the like pass their one item up as it is.
        return (_only if size == 1 and name != "start" else _gather), size, name
    if any(symbol.name == _WHITESPACE for symbol in rule.expansion):
        # An item rule with whitespace inside ("- 12h"): its tokens without it.
        return (lambda values: method([v for v in values if v is not None])), size, name
    return method, size, name


def _only(values: list[Any]) -> Any:
    return values[0]


def _gather(values: list[Any]) -> list[Any]:
    """The items of ``start`` and lark's helper rules, in order, in one list.

    A list among the values was made by an earlier reduction and is read by
    no one else, so the first one is extended in place: linear, not quadratic.
    """
    head = values[0] if values and isinstance(values[0], list) else None
    items: list[Any] = head if head is not None else []
    for value in values[1:] if head is not None else values:
        if isinstance(value, list):
            items.extend(value)
        elif value is not None:
            items.append(value)
    return items


def language(
    new_builder: Callable[[], tuple[object, Callable[[str, str, int], object]]],
) -> Language:
    """The shared, built grammar; the first caller builds it, the others wait for it.

    ``new_builder`` gives the object whose methods make the items, and the
    function that makes the item of a one-token text.
    """
    global _language  # noqa: PLW0603 - the one lazily built object
    if _language is None:
        with _lock:
            if _language is None:
                builder, one_item = new_builder()
                _language = Language(_lark(), builder, one_item)
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
