"""Text to ``Expression``: the grammar's parse, its errors made ours, SPEC §5.

Everything that can be known without a clock is checked here, so that a form
can validate what a person typed once and store it: syntax, calendar values,
length, ``[zone]`` names and offsets, and items that set the same field twice.
"""

from __future__ import annotations

import copyreg
import re
from _thread import allocate_lock

from ._ast import CalendarDate, DayWord, Expression, Item, Modifier, Now, Timestamp, WallTime
from ._errors import BhtimeError, ConflictError, ParseError
from ._items import clear_offsets, read_item
from ._syntax import END_OF_TEXT, BadCharacter, BadToken, clear_steps, read

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_LENGTH", "parse"]

MAX_LENGTH = 1000
_WHITESPACE = " \t\r\n"
_TRAILING_OFFSET = re.compile(r"[+-][0-9:]+\Z")


def parse(text: str, /) -> Expression:
    """Parse ``text`` into an ``Expression``; no clock is read.

    >>> import bhtime
    >>> bhtime.parse("now -12 hours +1min").modifiers[0].amount
    -12
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {type(text).__name__}")
    return _CACHE.get(text) or _CACHE.keep(_parse(text))


class _Cache:
    """Expressions of short texts, within a budget of characters: no input can make it grow.

    Texts people type and programs send again are short and few; a long text
    is parsed again each time, in time linear in its length. The budget
    counts each text's characters plus a fixed cost for the objects around
    it, which bounds the memory the cache holds: about 2 MiB at most
    (tests/test_memory.py fills it with the densest texts it keeps).
    When full, the oldest entries go first.
    """

    LONGEST = 200
    BUDGET = 1 << 16
    ENTRY_COST = 32

    def __init__(self) -> None:
        self._entries: dict[str, Expression] = {}
        self._used = 0
        self._lock = allocate_lock()  # threading's Lock, without importing threading
        self.get = self._entries.get

    def keep(self, expression: Expression) -> Expression:
        text = expression.text
        # Not kept: a long text, a str subclass (it could compare equal to a
        # different text), or one met while another thread is keeping one.
        if len(text) > self.LONGEST or type(text) is not str or not self._lock.acquire(False):
            return expression
        try:
            if text not in self._entries:
                self._used += len(text) + self.ENTRY_COST
                self._entries[text] = expression
            while self._used > self.BUDGET:
                oldest = next(iter(self._entries))
                self._used -= len(oldest) + self.ENTRY_COST
                del self._entries[oldest]
        finally:
            self._lock.release()
        return expression

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._used = 0


_CACHE = _Cache()


def clear_caches() -> None:
    """Forget every text, table step and offset parsed: the next parse starts cold.

    For benchmarks and tests that measure a first parse; nothing else needs it.
    """
    _CACHE.clear()
    clear_steps()
    clear_offsets()


def _pickled(expression: Expression) -> tuple[Callable[[str], Expression], tuple[str]]:
    """An expression pickles as its text, and is parsed again when unpickled."""
    return (parse, (expression.text,))


copyreg.pickle(Expression, _pickled)


def _parse(text: str) -> Expression:
    _check_size(text)
    try:
        items = _read_items(text)
        return _combine(text, items)
    except BhtimeError as error:
        error.text = text
        raise


def _check_size(text: str) -> None:
    if len(text) > MAX_LENGTH:
        raise ParseError(
            f"the expression is {len(text)} characters long; the limit is {MAX_LENGTH}",
            code="too-long",
            text=text,
            pos=MAX_LENGTH,
        )
    if not text.strip(_WHITESPACE):
        raise ParseError(
            "the expression is empty",
            code="empty",
            text=text,
            pos=0,
            hint="write a date, a time or a modifier, as in 'tomorrow 14:00'",
        )


def _read_items(text: str) -> list[Item]:
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
    _, spans, failure = read(text)
    items = [read_item(text, kind, first, last) for kind, first, last in spans]
    if failure is not None:
        raise _syntax_error(text, failure)
    return items


# -- syntax errors ------------------------------------------------------------

_EXPECTED_ITEM = (
    "expected a timestamp, a date, a time, a word such as 'now', or a modifier such as '+3h'"
)


def _syntax_error(text: str, error: BadCharacter | BadToken) -> BhtimeError:
    if isinstance(error, BadCharacter):
        pos = error.pos
        if _is_foreign(text[pos]):
            return _unexpected_character(text, pos)
        return _error_in_previous_item(text, error.previous, pos) or _unexpected_character(
            text, pos
        )
    if error.kind == END_OF_TEXT:
        return _error(
            "expected a number and a unit after the sign",
            "missing-amount",
            text,
            len(text),
            "write the modifier whole, as in '+3h'",
        )
    token = error.value
    pos = error.pos
    before = text[:pos].rstrip(_WHITESPACE)
    if before.endswith(("+", "-")):
        if token.isdigit():
            return _error(f"the number {token!r} has no unit", "missing-unit", text, pos)
        return _error(
            f"expected a number and a unit after {before[-1]!r}, not {token!r}",
            "missing-amount",
            text,
            pos,
        )
    return _error_in_previous_item(text, error.previous, pos) or _glued(
        text, error.previous, pos, token, error.kind
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
    except BhtimeError as error:
        return type(error)(
            error.message,
            code=error.code,
            text=text,
            pos=None if error.pos is None else error.pos + start,
            hint=error.hint,
        )
    return None


def _glued(text: str, start: int, pos: int, token: str, token_type: str) -> ParseError:
    """An item, at ``pos``, that follows the one at ``start`` with no whitespace between."""
    previous = text[start:pos]
    last = _parse(previous).items[-1]
    # Suggest the space only where it fixes the text.
    spaced = f"{previous} {token}"
    hint = f"write {spaced!r}" if _is_valid(spaced) else None
    if token_type in ("AMOUNT", "BAD_AMOUNT") and isinstance(last, Modifier):
        return _error(
            "modifiers without a sign must be separated by whitespace",
            "glued-modifiers",
            text,
            pos,
            hint,
        )
    if token[:1] in "Tt" and isinstance(last, CalendarDate):
        return _error(
            "expected a time HH:mm after 'T'",
            "invalid-format",
            text,
            pos + 1,
            "write it as in 2011-12-03T10:15",
        )
    offset = _offset_read_last(previous, last)
    if offset is not None and token_type == "WORD":
        # SPEC §2: the sign and digits were read as the item's offset.
        return _error(
            f"{previous[offset:]!r} was read as the offset of {previous[:offset]!r}, "
            f"and {token!r} does not follow an offset",
            "missing-space",
            text,
            pos,
            f"for a modifier, write a space: {f'{previous[:offset]} {previous[offset:]}{token}'!r}",
        )
    return _error(
        f"expected whitespace between {previous!r} and {token!r}",
        "missing-space",
        text,
        pos,
        hint,
    )


def _is_valid(text: str) -> bool:
    try:
        _parse(text)
    except BhtimeError:
        return False
    return True


def _offset_read_last(previous: str, last: Item) -> int | None:
    """Where the offset of ``last``, the last item of ``previous``, starts, if it ends with one."""
    offset = getattr(last, "offset", None)
    match = _TRAILING_OFFSET.search(previous)
    if offset is None or match is None or last.end != len(previous):
        return None
    return match.start()


def _is_foreign(char: str) -> bool:
    """Outside the language's alphabet: not ASCII, or an ASCII control character."""
    return not char.isascii() or (not char.isprintable() and char not in _WHITESPACE)


def _unexpected_character(text: str, pos: int) -> ParseError:
    char = text[pos]
    if _is_foreign(char):
        return _error(
            f"the character {_describe(char)} is not allowed",
            "invalid-character",
            text,
            pos,
            _ascii_hint(char),
        )
    if char == "[":
        if "]" not in text[pos:]:
            return _error("the '[' of a zone name is never closed", "unexpected", text, pos)
        return _error("a [zone] must follow a date-time with an offset", "unexpected", text, pos)
    return _error(f"unexpected {char!r}: {_EXPECTED_ITEM}", "unexpected", text, pos)


def _describe(char: str) -> str:
    import unicodedata  # noqa: PLC0415 - slow to import; only this error needs it

    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _ascii_hint(char: str) -> str:
    import unicodedata  # noqa: PLC0415 - slow to import; only this error needs it

    if char.isascii():
        return "control characters are not allowed"
    if char.isspace():
        return "separate items with spaces, tabs or line breaks"
    if unicodedata.digit(char, None) is not None:
        return "write the digits as ASCII 0-9"
    return "write the expression in ASCII"


def _error(message: str, code: str, text: str, pos: int, hint: str | None = None) -> ParseError:
    return ParseError(message, code=code, text=text, pos=pos, hint=hint)


# -- SPEC §5: which item sets what ----------------------------------------------


_FIELDS: dict[type, tuple[str, ...]] = {
    Timestamp: ("date", "time"),
    Now: ("date", "time"),
    CalendarDate: ("date",),
    DayWord: ("date",),
    WallTime: ("time",),
    Modifier: (),
}


def _combine(text: str, items: list[Item]) -> Expression:
    """The items sorted into the anchor's parts and the modifiers (SPEC §5)."""
    owners: dict[str, Item] = {}
    modifiers = []
    timestamp = now = None
    for item in items:
        kind = type(item)
        if kind is Modifier:
            modifiers.append(item)
            continue
        for field in _FIELDS[kind]:
            if field in owners:
                raise _conflict(text, owners[field], item)
            owners[field] = item
        if kind is Timestamp:
            timestamp = item
        elif kind is Now:
            now = item
    day = time = None
    if timestamp is None and now is None:
        day, time = owners.get("date"), owners.get("time")
        assert day is None or isinstance(day, (CalendarDate, DayWord))
        assert time is None or isinstance(time, WallTime)
        _check_offsets_agree(text, day, time)
    return Expression(text, tuple(items), timestamp, day, time, now, tuple(modifiers))  # type: ignore[arg-type]


def _conflict(text: str, first: Item, second: Item) -> ConflictError:
    shared = [field for field in _FIELDS[type(second)] if field in _FIELDS[type(first)]]
    what = " and ".join(shared)
    first_text, second_text = text[first.pos : first.end], text[second.pos : second.end]
    return ConflictError(
        f"{second_text!r} sets the {what}, which {first_text!r} already sets",
        code="conflict",
        text=text,
        pos=second.pos,
        hint="keep one of them",
    )


def _check_offsets_agree(
    text: str, day: CalendarDate | DayWord | None, time: WallTime | None
) -> None:
    if not isinstance(day, CalendarDate) or time is None:
        return
    if day.offset is None or time.offset is None or day.offset == time.offset:
        return
    raise ConflictError(
        f"the date {text[day.pos : day.end]!r} and the time {text[time.pos : time.end]!r} "
        "carry different offsets",
        code="offset-mismatch",
        text=text,
        pos=max(day.pos, time.pos),
        hint="write the offset once, or the same offset on both",
    )
