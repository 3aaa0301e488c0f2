"""Find the grammar file, build its LALR tables once, and run them.

The grammar ships inside the wheel as ``bhtime/bhtime.lark``; in a checkout or
an editable install it is read from the repository's ``grammar/`` folder.
lark is imported here only, and only when the first expression is parsed, so
``import bhtime`` stays cheap.

lark builds the lexer's terminal order, the LALR table and the callbacks that
turn reductions into AST items; ``Language.parse`` runs them with a lean loop
of its own (lark's general one keeps line numbers and an interactive state
that an expression of one line does not need, and costs a third more).
"""

from __future__ import annotations

import re
import threading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from lark import Lark, Token, Transformer

__all__ = ["BadCharacter", "BadToken", "Language", "grammar_text", "language"]

_GRAMMAR_NAME = "bhtime.lark"
_END = "$END"
_WHITESPACE = "_WS"
_lock = threading.Lock()


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
        "_callbacks",
        "_end_state",
        "_shift",
        "_start_state",
        "_states",
        "_token",
        "scanner",
    )

    def __init__(self, parser: Lark) -> None:
        from lark import Token  # noqa: PLC0415
        from lark.parsers.lalr_analysis import Shift  # noqa: PLC0415

        # lark's basic lexer tries its terminals in this order and takes the
        # first that matches; one alternation in the same order cuts the same.
        terminals = parser.parser.lexer.terminals
        alternation = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
        self.scanner = re.compile(alternation, re.ASCII)
        lalr = parser.parser.parser.parser
        table = lalr.parse_table
        self._states = table.states
        self._start_state = table.start_states["start"]
        self._end_state = table.end_states["start"]
        self._callbacks = lalr.callbacks
        self._shift = Shift
        self._token = Token

    def parse(self, text: str) -> object:
        """Run the LALR table over ``text``; raise BadCharacter or BadToken where it fails."""
        states, callbacks, shift = self._states, self._callbacks, self._shift
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
                    token = self._token(kind, match.group(), start_pos=pos)
            while True:
                try:
                    action, argument = states[state_stack[-1]][kind]
                except KeyError:
                    raise BadToken(pos, item_start, kind, text[pos:end]) from None
                if action is shift:
                    state_stack.append(argument)
                    value_stack.append(token)
                    break
                size = len(argument.expansion)
                children = value_stack[-size:] if size else []
                if size:
                    del state_stack[-size:]
                    del value_stack[-size:]
                value_stack.append(callbacks[argument](children))
                state_stack.append(states[state_stack[-1]][argument.origin.name][1])
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


def language(new_transformer: Callable[[], Transformer]) -> Language:  # type: ignore[type-arg]
    """The shared, built grammar; the first caller builds it, the others wait for it."""
    global _language  # noqa: PLW0603 - the one lazily built object
    if _language is None:
        with _lock:
            if _language is None:
                _language = Language(_lark(new_transformer()))
    return _language


def _lark(transformer: Transformer) -> Lark:  # type: ignore[type-arg]
    from lark import Lark  # noqa: PLC0415 - keep lark out of `import bhtime`

    # A basic (context-free) lexer: SPEC §2 cuts items with no regard to what
    # the parser expects. The transformer builds the AST during the LALR pass.
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="basic",
        transformer=transformer,
        maybe_placeholders=False,
        # SPEC §2: case-insensitive in ASCII only; without this, re's Unicode
        # folding would read "ſ" as s and the Kelvin sign as k.
        g_regex_flags=re.ASCII,
    )
