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

from ._table import END, FIRST, RULES, START, STATES, TERMINALS

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterator

__all__ = [
    "BadCharacter",
    "BadToken",
    "Item",
    "clear_steps",
    "first_token",
    "kind",
    "lone_kind",
    "read",
]

NO_TERMINAL = "_NO_TERMINAL"
"""The lexer's kind for a character that starts no terminal; no state takes it."""
WHITESPACE = "_WS"
END_OF_TEXT = "$END"


class _Lexer:
    """A regex compiled on its first use, as ``finditer`` and ``match``."""

    __slots__ = ("finditer", "match", "pattern")

    finditer: Callable[..., Iterator[re.Match[str]]]
    match: Callable[[str], re.Match[str] | None]

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __getattr__(self, name: str) -> object:
        # Reached only before the first use: compile, then keep both methods.
        # re is imported here, not with the module: a lone word (``now``) is
        # read without it, and importing re (and enum) would cost a first call
        # a fifth of a bare interpreter's start.
        import re  # noqa: PLC0415

        compiled = re.compile(self.pattern, re.ASCII)
        self.finditer, self.match = compiled.finditer, compiled.match
        return getattr(compiled, name)


def _lexer() -> tuple[_Lexer, dict[str, _Lexer], dict[str | None, str]]:
    """One regex that cuts as lark's basic lexer does, the same regex at the start of a
    text by its first character, and each of its groups' terminal.

    Trying all fifteen terminals at every position costs most of a parse, so
    the alternation is split by the token's first character: one branch for
    letters, one for digits, one per other character, each trying only the
    terminals that can start there, still in lark's order (branches with the
    same terminals are one). A terminal that could start with any character
    is tried everywhere. The last alternative takes one character that no
    terminal starts, so that one pass of finditer cuts the whole text, gaps
    included. re.ASCII: as the grammar is built (letters fold case in ASCII).

    At the start of a text only the branch of its first character can match,
    so the first token is cut by that branch alone (with the catch-alls after
    it): a text of one token, the commonest, compiles a fraction of the
    lexer, which costs a first call a tenth of a bare interpreter's start.
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
    guarded, kinds = [], {NO_TERMINAL: NO_TERMINAL}
    for index, (names, chars) in enumerate([*starts.items(), (anywhere, "")]):
        alternatives = []
        for name in names:
            kinds[f"{name}_{index}"] = name
            alternatives.append(f"(?P<{name}_{index}>{regexes[name]})")
        if alternatives:
            guarded.append((chars, f"(?:{'|'.join(alternatives)})"))
    any_character = f"(?P<{NO_TERMINAL}>(?s:.))"
    branches = [
        f"(?=[{_escaped(chars)}]){branch}" if chars else branch for chars, branch in guarded
    ]
    whole = _Lexer("|".join([*branches, any_character]))
    # What follows every guarded branch: the terminals that start anywhere, then one character.
    catch_all = "|".join([*(branch for chars, branch in guarded if not chars), any_character])
    first: dict[str, _Lexer] = {"": _Lexer(catch_all)}
    for chars, branch in guarded:
        if chars:
            first.update(dict.fromkeys(chars, _Lexer(f"{branch}|{catch_all}")))
    return whole, first, kinds  # type: ignore[return-value]


def _escaped(chars: str) -> str:
    """``chars`` for a character class, as ``re.escape`` gives them, without importing re."""
    return "".join(char if char.isalnum() or char == "_" else "\\" + char for char in chars)


def _may_start(name: str, chars: str) -> bool:
    first = FIRST[name]
    return first is None or any(char in first for char in chars)


_LEXER, _FIRST_LEXERS, _KINDS = _lexer()
# The first token's lexer, for a first character no terminal names.
_CATCH_ALL = _FIRST_LEXERS.pop("")
# Rules that make an item: named without "_" (lark's inlined rules), not the start.
_ITEM_RULES = frozenset(name for name, _ in RULES if not name.startswith("_") and name != "start")

Tokens = list["re.Match[str]"]
Item = tuple[str, "re.Match[str]", "re.Match[str]"]
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


def read(
    text: str, first: re.Match[str] | None = None
) -> tuple[Tokens, list[Item], BadCharacter | BadToken | None]:
    """The tokens of ``text``, its items in order, and where the table fails.

    ``first``, when given, is ``first_token(text)``; the lexer goes on where
    it ends (no terminal looks behind, so the tokens are those of one pass).

    Items are listed in the order the table reduces them: an item is complete
    once the token after it is seen to fit, so the items before a failure are
    exactly those listed, and the item just before it is not.
    """
    if first is None:
        tokens = list(_LEXER.finditer(text))
    else:
        tokens = [first, *_LEXER.finditer(text, first.end())]
    items: list[Item] = []
    configuration: _Configuration | None = _START
    steps = _STEPS.get(_START) or _STEPS.setdefault(_START, {})
    # Steps are kept by the lexer's group name, which names the terminal: one
    # lookup a token.
    groups = [token.lastgroup for token in tokens]
    groups.append(END_OF_TEXT)
    for index, group in enumerate(groups):
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


def first_token(text: str) -> re.Match[str]:
    """The first token of ``text`` (not empty): ``read`` goes on from it."""
    token = _FIRST_LEXERS.get(text[0], _CATCH_ALL).match(text)
    assert token is not None, "the lexer's last alternative takes any character"
    return token


def lone_kind(text: str, token: re.Match[str]) -> str | None:
    """The terminal of ``token`` when it is all of ``text`` and a whole expression alone, else None.

    Most texts sent are one timestamp: for them, ``read`` would give exactly
    this token as the one item, so a caller may read it directly.
    """
    if token.end() != len(text):
        return None
    group = str(token.lastgroup)  # every alternative is a named group
    alone = _ALONE.get(group)
    if alone is None:
        alone = _ALONE[group] = _is_alone(group)
    return _KINDS[group] if alone else None


# Per lexer group: whether one token of it is a whole expression. A fact of
# the table, so never cleared; one entry per group at most.
_ALONE: dict[str, bool] = {}


def _is_alone(group: str) -> bool:
    """Whether the table accepts one ``group`` token, as one item of that token."""
    first = _step(_START, group)
    if first is None or first[0] is None:
        return False
    last = _step(first[0], END_OF_TEXT)
    return last is not None and last[0] is None and first[2] + last[2] == (1,)


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
