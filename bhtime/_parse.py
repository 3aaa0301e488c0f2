"""Text to ``Expression``: the grammar's parse, its errors made ours, docs/language.md §5.

Everything that can be known without a clock is checked here, so that a form
can validate what a person typed once and store it: syntax, calendar values,
length, ``[zone]`` names and offsets, and items that set the same field twice.
"""

from __future__ import annotations

import copyreg

from ._ast import CalendarDate, DayWord, Expression, Item, Modifier, Now, Timestamp, WallTime
from ._errors import BhtimeError, error
from ._items import (
    LONE_WORDS,
    Run,
    clear_offsets,
    read_item,
    read_plain_text,
    read_run,
    read_token,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable

    from ._errors import HintId
    from ._syntax import BadCharacter, BadToken

__all__ = ["MAX_LENGTH", "parse"]

MAX_LENGTH = 1000
_WHITESPACE = " \t\r\n"
# A pattern, compiled (and kept) by re on its first use: only an error needs it.
_TRAILING_OFFSET = r"[+-][0-9:]+\Z"


def parse(text: str, /) -> Expression:
    """Parse ``text`` into an ``Expression``; no clock is read.

    >>> import bhtime
    >>> bhtime.parse("now -12 hours +1min").modifiers[0].amount
    -12
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    expression = _CACHE.get(text)
    if expression is not None:
        return expression
    # Every plain timestamp starts with a digit, or a weekday and a comma.
    if "0" <= text[:1] <= "9" or text[3:4] == ",":
        expression = _plain(text)
    return expression or _CACHE.fill(text)


def _plain(text: str) -> Expression | None:
    """The expression of a text that is one timestamp written plainly, or None.

    A date or a local date-time is not kept in the cache: it is read again in
    less time than keeping it costs, and most a program sends are sent once.
    The others (an offset to check, a zone, a name of a month) are kept from
    their second reading, as every text is (_Cache).
    """
    item = read_plain_text(text)
    # What _one_item makes of it, one call sooner: a timestamp, a date or a time.
    kind = type(item)
    if kind is Timestamp:
        expression = Expression(text, (item,), item, None, None, None, ())  # type: ignore[arg-type]
        return expression if item.instant is None else _CACHE.keep(expression)  # type: ignore[union-attr]
    if kind is CalendarDate:
        return Expression(text, (item,), None, item, None, None, ())  # type: ignore[arg-type]
    if kind is WallTime:
        return _CACHE.keep(Expression(text, (item,), None, None, item, None, ()))  # type: ignore[arg-type]
    return None


class _Cache:
    """Expressions of short texts, within a budget of characters: no input can make it grow.

    Texts people type and programs send again are short and few; a long text
    is parsed again each time, in time linear in its length. The budget
    counts each text's characters plus a fixed cost for the objects around
    it, which bounds the memory the cache holds: about 2 MiB at most, and the
    door (below) holds at most 4,096 texts of at most 200 characters, about
    1 MiB more (tests/test_memory.py fills both with the densest texts).

    A text is kept the second time it is read, not the first: most texts a
    program sends are sent once, and keeping each of them costs more than a
    second reading of the few sent again (a twelfth of a cold relative
    expression: new memory for every call, and the dropping of what it held).
    The *door* remembers the last text read in each of its slots (a slot is
    the text's hash, cut to the door's size), so a text read again before
    another text takes its slot is kept; two texts sharing a slot in turn
    are read each time, which costs time, never a wrong answer.

    Two generations, each within the budget: texts are kept in the young
    one; when it is full it becomes the old one and the old one is dropped.
    A text found in the old generation is kept young again, so texts in use
    stay while texts no longer read go. Nothing is scanned or ordered, and no lock
    is taken: a thread that keeps a text into a generation just retired only
    loses that entry, and one that takes a door's slot another thread just
    took only delays that text's keeping.
    """

    LONGEST = 200
    BUDGET = 1 << 15
    ENTRY_COST = 32
    DOOR_SLOTS = 1 << 12  # a power of two: a slot is hash & (DOOR_SLOTS - 1)

    def __init__(self) -> None:
        self._young: dict[str, Expression] = {}
        self._old: dict[str, Expression] = {}
        self._used = 0
        self._door: list[str | None] = [None] * self.DOOR_SLOTS
        # A bound method of the dict: a look-up that hits runs no Python code.
        self.get = self._young.get

    def fill(self, text: str) -> Expression:
        """The expression of ``text``, a text ``get`` does not have: recalled or parsed."""
        expression = self._old.get(text)
        if expression is None:
            return self.keep(_parse(text))
        return self._store(expression)  # in use: kept young again

    def keep(self, expression: Expression) -> Expression:
        """``expression``, kept if its text was read before and is still at the door."""
        text = expression.text
        # Never kept, nor held at the door: a long text, or a str subclass (it
        # could compare equal to a different text, by code of its own).
        if len(text) > _LONGEST_KEPT or type(text) is not str:
            return expression
        door, slot = self._door, hash(text) & _DOOR_MASK
        if door[slot] == text:
            return self._store(expression)
        door[slot] = text
        return expression

    def _store(self, expression: Expression) -> Expression:
        # Only what keep let in comes here (from it, or recalled from the old
        # generation, which holds nothing else): a short text, a plain str.
        text = expression.text
        self._young[text] = expression
        self._used += len(text) + _ENTRY_COST
        if self._used > self.BUDGET:
            self._retire()
        return expression

    def _retire(self) -> None:
        self._old, self._young, self._used = self._young, {}, 0
        self.get = self._young.get

    def clear(self) -> None:
        self._old, self._young, self._used = {}, {}, 0
        self._door = [None] * self.DOOR_SLOTS
        self.get = self._young.get


# Read as module names in fill, not as attributes: the commonest cold path.
_LONGEST_KEPT, _ENTRY_COST = _Cache.LONGEST, _Cache.ENTRY_COST
_DOOR_MASK = _Cache.DOOR_SLOTS - 1
_CACHE = _Cache()


def clear_caches() -> None:
    """Forget every text, table step and offset parsed: the next parse starts cold.

    For benchmarks and tests that measure a first parse; nothing else needs it.
    """
    from ._syntax import clear_steps  # noqa: PLC0415  (see _parse)

    _CACHE.clear()
    clear_steps()
    clear_offsets()


def _pickled(expression: Expression) -> tuple[Callable[[str], Expression], tuple[str]]:
    """An expression pickles as its text, and is parsed again when unpickled."""
    return (parse, (expression.text,))


copyreg.pickle(Expression, _pickled)


def _parse(text: str) -> Expression:
    # A plain timestamp was tried first (parse, _plain); a part of a text that
    # an error path parses again goes the general way, which reads it alike.
    # A text that starts with a character (not a space) is not empty.
    if len(text) > MAX_LENGTH or text[:1] in _WHITESPACE:
        _check_size(text)
    kind = LONE_WORDS.get(text)
    if kind is not None:
        return _lone_word(text, kind)
    run = read_run(text)
    if run is not None:
        return from_run(text, run)
    # The lexer and the table are imported only now: a first call with a
    # word or a timestamp needs neither (a fiftieth of a bare interpreter's start).
    from ._syntax import first_token  # noqa: PLC0415

    try:
        first = first_token(text)
        alone = _lone_item(text, first)
        if alone is not None:
            return alone
        return _combine(text, _read_items(text, first))
    except BhtimeError as error:
        error.text = text
        # Checked only now that parsing failed: no cost when it succeeds,
        # nor the import for a first call.
        from ._urlencoded import url_encoded_error  # noqa: PLC0415

        encoded = url_encoded_error(text, _is_valid)
        if encoded is None:
            raise
        raise encoded from None


def from_run(text: str, run: Run) -> Expression:
    """The expression of a run ``read_run`` read, its items already sorted (docs/language.md §5)."""
    items, now, day, time, modifiers = run
    moves = tuple(modifiers)
    # A text of modifiers alone (the commonest run) shares one tuple for both.
    every = moves if len(moves) == len(items) else tuple(items)
    return Expression(text, every, None, day, time, now, moves)  # type: ignore[arg-type]


def _lone_word(text: str, kind: str) -> Expression:
    """The expression of a text that is one word alone in lower case (``now``), of ``kind``.

    Found with a dict, before the lexer is compiled or re imported: ``now`` is
    the commonest first call, and the regex costs it a fifth of a bare
    interpreter's start. ``read_run`` reads other spellings (`` Today``) without
    a regex too (tests/test_properties.py holds both to the grammar).
    """
    return _combine(text, [read_token(text, kind, 0, len(text))])


def _lone_item(text: str, first: re.Match[str]) -> Expression | None:
    """The expression of a text that is one token and one item, or None for the general path.

    A fast path for the commonest text, one timestamp: ``_read_items`` would
    give this one item. A faulty item goes to the general path, which reports
    its error by the rules there (tests/test_properties.py holds both paths to
    one outcome).
    """
    from ._syntax import lone_kind  # noqa: PLC0415  (see _parse)

    kind = lone_kind(text, first)
    if kind is None:
        return None
    try:
        item = read_token(text, kind, 0, len(text))
    except BhtimeError:
        return None
    return _one_item(text, item)


def _one_item(text: str, item: Item) -> Expression:
    # What _combine makes of one item: nothing to conflict with.
    kind_of_item = type(item)
    items = (item,)
    if kind_of_item is Timestamp:
        return Expression(text, items, item, None, None, None, ())  # type: ignore[arg-type]
    if kind_of_item is CalendarDate or kind_of_item is DayWord:
        return Expression(text, items, None, item, None, None, ())  # type: ignore[arg-type]
    if kind_of_item is WallTime:
        return Expression(text, items, None, None, item, None, ())  # type: ignore[arg-type]
    return _combine(text, [item])


def _check_size(text: str) -> None:
    if len(text) > MAX_LENGTH:
        raise error(
            "too-long",
            text=text,
            pos=MAX_LENGTH,
            end=len(text),
            length=len(text),
            limit=MAX_LENGTH,
        )
    if not text.strip(_WHITESPACE):
        raise error("empty", text=text, pos=0, end=len(text), hint="hint.empty")


def _read_items(text: str, first: re.Match[str]) -> list[Item]:
    """The items of ``text`` in order, or the first error in it.

    Errors are reported in the order of the text, by three rules:

    1. Items are read as the table completes them, which is once the token
       after each is seen to fit: the fault of an item (a 30th of February, an
       unknown word) is reported before any fault after it.
    2. A character no item may contain (not ASCII, or an ASCII control
       character) is reported where it is, before the fault of the item it is
       glued to: ``todаy`` with a Cyrillic ``а`` is invalid-character at 3, not
       an unknown word (tests/data/invalid/lexical.json).
    3. Any other syntax fault comes after the fault of the item it interrupts,
       which the table had not completed: that item is read alone first
       (``_error_in_previous_item``).
    """
    from ._syntax import read  # noqa: PLC0415  (see _parse)

    _, spans, failure = read(text, first)
    items = [read_item(text, kind, first, last) for kind, first, last in spans]
    if failure is not None:
        raise _syntax_error(text, failure)
    return items


# -- syntax errors ------------------------------------------------------------


def _syntax_error(text: str, failure: BadCharacter | BadToken) -> BhtimeError:
    from ._syntax import END_OF_TEXT, BadCharacter  # noqa: PLC0415  (see _parse)

    if isinstance(failure, BadCharacter):
        pos = failure.pos
        if _is_foreign(text[pos]):
            return _unexpected_character(text, pos)
        return _error_in_previous_item(text, failure.previous, pos) or _unexpected_character(
            text, pos
        )
    if failure.kind == END_OF_TEXT:
        end = len(text)
        return error("missing-amount", text=text, pos=end, end=end, hint="hint.whole-modifier")
    token = failure.value
    pos = failure.pos
    end = pos + len(token)
    before = text[:pos].rstrip(_WHITESPACE)
    if before.endswith(("+", "-")):
        if token.isdigit():
            return error("missing-unit", text=text, pos=pos, end=end, number=token)
        return error(
            "missing-amount",
            "missing-amount.after-sign",
            text=text,
            pos=pos,
            end=end,
            sign=before[-1],
            token=token,
        )
    return _error_in_previous_item(text, failure.previous, pos) or _glued(
        text, failure.previous, pos, token, failure.kind
    )


def _error_in_previous_item(text: str, start: int, pos: int) -> BhtimeError | None:
    """The error in the item before ``pos``, which the parser had not checked yet.

    The parser checks an item's values when it reduces it, which happens only
    once the next token is seen to fit; report the leftmost problem first.
    """
    if start == pos:
        return None
    try:
        _parse(text[start:pos])
    except BhtimeError as found:
        return found.relocated(text, start)
    return None


def _glued(text: str, start: int, pos: int, token: str, token_type: str) -> BhtimeError:
    """An item, at ``pos``, that follows the one at ``start`` with no whitespace between."""
    previous = text[start:pos]
    last = _parse(previous).items[-1]
    end = pos + len(token)
    # Suggest the space only where it fixes the text.
    spaced = f"{previous} {token}"
    fix = spaced if _is_valid(spaced) else None
    hint: HintId | None = "hint.write" if fix else None
    if token_type in ("AMOUNT", "BAD_AMOUNT") and isinstance(last, Modifier):
        return error("glued-modifiers", text=text, pos=pos, end=end, hint=hint, fix=fix)
    if token[:1] in "Tt" and isinstance(last, CalendarDate):
        return error(
            "invalid-format",
            "invalid-format.time-after-t",
            text=text,
            pos=pos + 1,
            end=end,
            hint="hint.time-example",
        )
    offset = _offset_read_last(previous, last)
    if offset is not None and token_type == "WORD":
        # docs/language.md §2: the sign and digits were read as the item's offset.
        return error(
            "missing-space",
            "missing-space.offset",
            text=text,
            pos=pos,
            end=end,
            hint="hint.space-for-modifier",
            offset=previous[offset:],
            item=previous[:offset],
            word=token,
            fix=f"{previous[:offset]} {previous[offset:]}{token}",
        )
    return error(
        "missing-space",
        text=text,
        pos=pos,
        end=end,
        hint=hint,
        previous=previous,
        next=token,
        fix=fix,
    )


def _is_valid(text: str) -> bool:
    try:
        _parse(text)
    except BhtimeError:
        return False
    return True


def _offset_read_last(previous: str, last: Item) -> int | None:
    """Where the offset of ``last``, the last item of ``previous``, starts, if it ends with one."""
    import re  # noqa: PLC0415  (only an error needs it: not with the module)

    offset = getattr(last, "offset", None)
    match = re.search(_TRAILING_OFFSET, previous)
    if offset is None or match is None or last.end != len(previous):
        return None
    return match.start()


def _is_foreign(char: str) -> bool:
    """Outside the language's alphabet: not ASCII, or an ASCII control character."""
    return not char.isascii() or (not char.isprintable() and char not in _WHITESPACE)


def _unexpected_character(text: str, pos: int) -> BhtimeError:
    char = text[pos]
    if _is_foreign(char):
        return error(
            "invalid-character",
            text=text,
            pos=pos,
            end=pos + 1,
            hint=_ascii_hint(char),
            character=_describe(char),
        )
    if char == "[":
        close = text.find("]", pos)
        if close < 0:
            return error("unexpected", "unexpected.unclosed-zone", text=text, pos=pos, end=pos + 1)
        return error(
            "unexpected", "unexpected.zone-without-offset", text=text, pos=pos, end=close + 1
        )
    return error("unexpected", text=text, pos=pos, end=pos + 1, character=char)


def _describe(char: str) -> str:
    import unicodedata  # noqa: PLC0415 - slow to import; only this error needs it

    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _ascii_hint(char: str) -> HintId:
    import unicodedata  # noqa: PLC0415 - slow to import; only this error needs it

    if char.isascii():
        return "hint.control-character"
    if char.isspace():
        return "hint.separate-items"
    if unicodedata.digit(char, None) is not None:
        return "hint.ascii-digits"
    return "hint.ascii"


# -- docs/language.md §5: which item sets what ----------------------------------------------


_FIELDS: dict[type, tuple[str, ...]] = {
    Timestamp: ("date", "time"),
    Now: ("date", "time"),
    CalendarDate: ("date",),
    DayWord: ("date",),
    WallTime: ("time",),
    Modifier: (),
}


def _combine(text: str, items: list[Item]) -> Expression:
    """The items sorted into the anchor's parts and the modifiers (docs/language.md §5)."""
    modifiers = []
    # The item that set each field so far, to name in a conflict.
    date_owner: Item | None = None
    time_owner: Item | None = None
    for item in items:
        kind = type(item)
        if kind is Modifier:
            modifiers.append(item)
            continue
        if kind is not WallTime:  # every other item sets the date
            if date_owner is not None:
                raise _conflict(text, date_owner, item)
            date_owner = item
        if kind is WallTime or kind is Timestamp or kind is Now:
            if time_owner is not None:
                raise _conflict(text, time_owner, item)
            time_owner = item
    owner = type(date_owner)
    if owner is Timestamp:
        return Expression(text, tuple(items), date_owner, None, None, None, tuple(modifiers))  # type: ignore[arg-type]
    if owner is Now:
        return Expression(text, tuple(items), None, None, None, date_owner, tuple(modifiers))  # type: ignore[arg-type]
    # What is left: a written date or day word, a time of day, each or both or neither.
    day, time = date_owner, time_owner
    if owner is CalendarDate and time is not None:
        _check_offsets_agree(text, day, time)  # type: ignore[arg-type]
    return Expression(text, tuple(items), None, day, time, None, tuple(modifiers))  # type: ignore[arg-type]


def _conflict(text: str, first: Item, second: Item) -> BhtimeError:
    shared = [field for field in _FIELDS[type(second)] if field in _FIELDS[type(first)]]
    return error(
        "conflict",
        text=text,
        pos=second.pos,
        end=second.end,
        hint="hint.keep-one",
        second=text[second.pos : second.end],
        fields=" and ".join(shared),
        first=text[first.pos : first.end],
    )


def _check_offsets_agree(text: str, day: CalendarDate, time: WallTime) -> None:
    if day.offset is None or time.offset is None or day.offset == time.offset:
        return
    pos, end = (time.pos, time.end) if time.pos > day.pos else (day.pos, day.end)
    raise error(
        "offset-mismatch",
        text=text,
        pos=pos,
        end=end,
        hint="hint.same-offset",
        date=text[day.pos : day.end],
        time=text[time.pos : time.end],
    )
