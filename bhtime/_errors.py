"""The errors bhtime raises for bad input: one catalogue of codes and messages.

    ValueError
     └── BhtimeError            .code .text .pos .end .params .message .hint
          ├── ParseError        not an expression: syntax, a calendar value, length
          ├── ConflictError     two items set the same field (docs/language.md §5)
          ├── RangeError        a year outside 0001-9999 (docs/language.md §8); an
          │                     instant a gateway style cannot write
          └── ZoneError         an unknown zone, or an offset its zone does not use

Every error is built by :func:`error` from the catalogue below: a code (which
names the class), a message template and maybe a hint template, filled with
``params``. The English templates live here, so that building an error reads
no file; the translations live in gettext catalogs, ``locales/<lang>/
LC_MESSAGES/bhtime.po``, keyed by the same stable ids, and are read only when
an error is shown in another language.

``str(error)`` is the English message with its column, then the text with a
caret under the position, then the hint::

    unknown word 'tomorow' (at column 1)
      tomorow 14:00
      ^
    did you mean 'tomorrow'?

``error.explain("ru")`` is the same block in Russian.
"""

from __future__ import annotations

# The templates live below this module and _locales, which reads them too.
# They are imported when an error is first made: a call that succeeds (a
# first call, most of all) needs none of them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Literal

    from ._catalogue import Template

    # Every code an error can carry; a code outside this list is a mypy error.
    ErrorCode = Literal[
        "empty", "too-long", "unknown-word", "unknown-unit", "ambiguous-unit",
        "missing-unit", "missing-number", "missing-amount", "fraction",
        "glued-modifiers", "missing-space", "invalid-character", "unexpected",
        "invalid-format", "invalid-date", "invalid-time", "invalid-offset",
        "weekday-mismatch", "conflict", "offset-mismatch", "out-of-range",
        "unknown-zone", "offset-not-in-zone", "skipped-time", "repeated-time",
        "not-relative", "unrepresentable", "url-encoded", "invalid-tzinfo",
    ]  # fmt: skip
    # Every message template, by its stable id: a code, or a code and a variant.
    MessageId = Literal[
        "empty", "too-long", "unknown-word", "unknown-unit", "ambiguous-unit", "missing-unit",
        "missing-number", "missing-amount", "missing-amount.after-sign", "fraction",
        "glued-modifiers", "missing-space", "missing-space.offset", "invalid-character",
        "unexpected", "unexpected.unclosed-zone", "unexpected.zone-without-offset",
        "invalid-format.time-after-t", "invalid-format.not-digits", "invalid-format.digits",
        "invalid-format.digits-either", "invalid-format.offset-shape",
        "invalid-format.zone-needs-offset", "invalid-format.recommended-fraction",
        "invalid-format.recommended-t", "invalid-format.recommended-zone",
        "invalid-format.rfc-space", "invalid-format.rfc-offset", "invalid-format.unknown-name",
        "invalid-date.month", "invalid-date.day", "invalid-time.hour-24", "invalid-time.hour",
        "invalid-time.minute", "invalid-time.second", "invalid-time.fraction",
        "invalid-offset.minute", "invalid-offset.second", "invalid-offset.range",
        "weekday-mismatch", "conflict", "offset-mismatch", "out-of-range.year",
        "out-of-range.utc", "out-of-range.zone", "out-of-range.shown-in", "out-of-range.step",
        "unknown-zone", "offset-not-in-zone", "skipped-time", "repeated-time", "not-relative",
        "unrepresentable.negative", "unrepresentable.too-large",
        "unrepresentable.quarter-hours", "unrepresentable.quarters", "unrepresentable.year",
        "unrepresentable.moscow-twice", "unrepresentable.before-1970",
        "unknown-zone.too-long", "out-of-range.now-utc", "out-of-range.now-shown-in",
        "out-of-range.from-now", "invalid-tzinfo", "url-encoded",
    ]  # fmt: skip
    HintId = Literal[
        "hint.empty", "hint.did-you-mean", "hint.write", "hint.whole-modifier",
        "hint.time-example", "hint.space-for-modifier", "hint.control-character",
        "hint.separate-items", "hint.ascii-digits", "hint.ascii", "hint.keep-one",
        "hint.same-offset", "hint.next-day", "hint.leap-second", "hint.zone-example",
        "hint.weekday", "hint.last-day", "hint.zone-offset", "hint.m-or-mon",
        "hint.m-or-mon-number", "hint.whole-units", "hint.smaller-units", "hint.add-unit",
        "hint.units", "hint.t-joins", "hint.number-first", "hint.disambiguate",
        "hint.modifiers-only", "hint.in-utc", "hint.smsc-unix", "hint.aware-zone",
        "hint.url-decode", "hint.disambiguate-option", "hint.in-utc-option",
    ]  # fmt: skip
    from ._catalogue import Param


__all__ = [
    "ERROR_CODES",
    "BhtimeError",
    "ConflictError",
    "ErrorCode",
    "ParseError",
    "RangeError",
    "ZoneError",
    "closest",
    "error",
]

# Shown around the caret when the text is longer than a terminal line.
_WINDOW = 72
_BEFORE = 30


class BhtimeError(ValueError):
    """An expression, zone or instant that bhtime cannot accept.

    ``pos`` is the 0-based index in ``text`` where the problem starts and
    ``end`` the index just after it, or both None when the problem is not in
    the text (an unknown user zone). ``code`` is a stable, machine-readable
    name such as ``unknown-word``; ``params`` are the values its message is
    made of, such as ``{"word": "tomorow", "suggestion": "tomorrow"}``.
    ``message`` and ``hint`` are English; ``message_in(locale)``,
    ``hint_in(locale)`` and ``explain(locale)`` give them in another language.

    Build one with :func:`error`; ``BhtimeError(message, code=...)`` with the
    English written out still works, but such an error cannot be translated.
    """

    code: ErrorCode

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode,
        text: str | None = None,
        pos: int | None = None,
        hint: str | None = None,
        end: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code not in _CLASSES:  # a caller mypy does not check
            raise ValueError(f"{code!r} is not a bhtime error code; ERROR_CODES lists them")
        self.code = code
        self.text = text
        self.pos = pos
        self._end = end
        self.hint = hint
        self.params: Mapping[str, Param] = {}
        self._message_id: str | None = None
        self._hint_id: str | None = None

    @property
    def end(self) -> int | None:
        """The index just after the offending text; one character when no span was given."""
        if self._end is not None or self.pos is None:
            return self._end
        limit = self.pos + 1 if self.text is None else len(self.text)
        return max(self.pos, min(self.pos + 1, limit))

    @end.setter
    def end(self, value: int | None) -> None:
        self._end = value

    def message_in(self, locale: str) -> str:
        """The message in ``locale`` ("ru", "ru_RU", "en"...); English if it is not translated."""
        if self._message_id is None:
            return self.message
        from ._catalogue import _MESSAGES  # noqa: PLC0415 - see the imports

        template = _MESSAGES[self._message_id]
        return _translated(locale, self._message_id, template, self.params) or self.message

    def hint_in(self, locale: str) -> str | None:
        """The hint in ``locale``, or None when the error has no hint."""
        if self._hint_id is None:
            return self.hint
        from ._catalogue import _HINTS  # noqa: PLC0415 - see the imports

        template = _HINTS[self._hint_id]
        return _translated(locale, self._hint_id, template, self.params) or self.hint

    def explain(self, locale: str = "en") -> str:
        """Message, column, the text with a caret under the position, and hint, in ``locale``."""
        if self._message_id is None:
            locale = "en"  # an English message gets English column words too
        lines = [self.message_in(locale) + self._where(locale)]
        if self.text is not None and self.pos is not None:
            lines.extend(_caret_lines(self.text, self.pos))
        hint = self.hint_in(locale)
        if hint:
            lines.append(hint)
        return "\n".join(lines)

    def _where(self, locale: str) -> str:
        if self.text is None or self.pos is None:
            return ""
        if self.pos >= len(self.text):
            return " " + _phrase(locale, "where.end", {})
        return " " + _phrase(locale, "where.column", {"column": self.pos + 1})

    def relocated(self, text: str, shift: int) -> BhtimeError:
        """The same error in ``text``, of which the text it was found in starts at ``shift``."""
        moved = type(self)(
            self.message,
            code=self.code,
            text=text,
            pos=None if self.pos is None else self.pos + shift,
            hint=self.hint,
            end=None if self._end is None else self._end + shift,
        )
        moved.params, moved._message_id, moved._hint_id = (
            self.params,
            self._message_id,
            self._hint_id,
        )
        return moved

    def __str__(self) -> str:
        return self.explain("en")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r}, pos={self.pos!r})"

    def __reduce__(self) -> tuple[object, ...]:
        state = (self.message, self.code, self.text, self.pos, self.hint, self._end)
        return (_rebuild, (type(self), *state, self._message_id, self._hint_id, dict(self.params)))


class ParseError(BhtimeError):
    """The text is not a valid expression."""


class ConflictError(BhtimeError):
    """Two items set the same part of the instant (docs/language.md §5)."""


class RangeError(BhtimeError):
    """A year outside 0001-9999 in the input, a step, or the result (docs/language.md §8)."""


class ZoneError(BhtimeError):
    """An unknown zone, or an offset that its zone does not use."""


# -- the catalogue ---------------------------------------------------------------

# Each code, with the class its errors have. ERROR_CODES is this order.
_CLASSES: dict[ErrorCode, type[BhtimeError]] = {
    "empty": ParseError,
    "too-long": ParseError,
    "unknown-word": ParseError,
    "unknown-unit": ParseError,
    "ambiguous-unit": ParseError,
    "missing-unit": ParseError,
    "missing-number": ParseError,
    "missing-amount": ParseError,
    "fraction": ParseError,
    "glued-modifiers": ParseError,
    "missing-space": ParseError,
    "invalid-character": ParseError,
    "unexpected": ParseError,
    "invalid-format": ParseError,
    "invalid-date": ParseError,
    "invalid-time": ParseError,
    "invalid-offset": ParseError,
    "weekday-mismatch": ParseError,
    "conflict": ConflictError,
    "offset-mismatch": ConflictError,
    "out-of-range": RangeError,
    "unknown-zone": ZoneError,
    "offset-not-in-zone": ZoneError,
    "skipped-time": ZoneError,
    "repeated-time": ZoneError,
    "not-relative": ParseError,
    "unrepresentable": RangeError,
    "url-encoded": ParseError,
    "invalid-tzinfo": ZoneError,
}

ERROR_CODES: tuple[ErrorCode, ...] = tuple(_CLASSES)
"""Every code a ``BhtimeError`` can carry, as ``bhtime.ErrorCode`` lists them."""


def error(
    code: ErrorCode,
    message_id: MessageId | None = None,
    /,
    *,
    text: str | None = None,
    pos: int | None = None,
    end: int | None = None,
    hint: HintId | None = None,
    **given: Param | None,
) -> BhtimeError:
    """The one way to build an error: its code, message and hint from the catalogue.

    ``message_id`` defaults to the code itself; the params fill both templates.
    A param given as None is left out (one that only a hint not given uses).

    >>> error("unknown-word", text="tomorow", pos=0, end=7, word="tomorow",
    ...       hint="hint.did-you-mean", suggestion="tomorrow").message
    "unknown word 'tomorow'"
    """
    from ._catalogue import _HINTS, _MESSAGES  # noqa: PLC0415 - see the imports

    key = message_id or code
    params = {name: value for name, value in given.items() if value is not None}
    built = _CLASSES[code](
        _MESSAGES[key].render(params),
        code=code,
        text=text,
        pos=pos,
        hint=None if hint is None else _HINTS[hint].render(params),
        end=end,
    )
    built.params, built._message_id, built._hint_id = params, key, hint
    return built


def _rebuild(
    cls: type[BhtimeError],
    message: str,
    code: ErrorCode,
    text: str | None,
    pos: int | None,
    hint: str | None,
    # Absent from an error pickled by bhtime 1.0: it unpickles untranslated.
    end: int | None = None,
    message_id: str | None = None,
    hint_id: str | None = None,
    params: dict[str, Param] | None = None,
) -> BhtimeError:
    rebuilt = cls(message, code=code, text=text, pos=pos, hint=hint, end=end)
    rebuilt.params, rebuilt._message_id, rebuilt._hint_id = params or {}, message_id, hint_id
    return rebuilt


# -- translations -----------------------------------------------------------------


def _phrase(locale: str, key: str, params: Mapping[str, Param]) -> str:
    from ._catalogue import _PHRASES  # noqa: PLC0415 - see the imports

    template = _PHRASES[key]
    return _translated(locale, key, template, params) or template.render(params)


def _translated(
    locale: str, key: str, template: Template, params: Mapping[str, Param]
) -> str | None:
    """``key`` in ``locale``'s catalog, filled; None for English or a missing translation."""
    language = normalize_locale(locale)
    if language == "en":
        return None
    from . import _locales  # noqa: PLC0415 - catalogs are read only to show another language

    return _locales.render(language, key, template, params)


def normalize_locale(locale: str) -> str:
    """``ru_RU``, ``ru-RU``, ``ru_RU.UTF-8`` -> ``ru``; "en" for a locale without a catalog."""
    language = locale.replace("-", "_").partition(".")[0].partition("@")[0].lower()
    if language.partition("_")[0] == "en" or not language:
        return "en"
    from . import _locales  # noqa: PLC0415

    return _locales.available(language)


# -- how an error is shown --------------------------------------------------------


def _caret_lines(text: str, pos: int) -> list[str]:
    start = 0
    if len(text) > _WINDOW:
        start = max(0, min(pos - _BEFORE, len(text) - _WINDOW))
    shown = text[start : start + _WINDOW]
    prefix = "..." if start > 0 else ""
    suffix = "..." if start + _WINDOW < len(text) else ""
    display = prefix + "".join(_one_column(char) for char in shown) + suffix
    caret = " " * (len(prefix) + pos - start) + "^"
    return ["  " + display, "  " + caret]


def _one_column(char: str) -> str:
    """The character as it takes one column on a terminal, so the caret lines up."""
    import unicodedata  # noqa: PLC0415 - only when an error is shown

    if char in " \t\r\n":
        return " "
    wide = unicodedata.east_asian_width(char) in "WF"
    if not char.isprintable() or wide or unicodedata.combining(char):
        return "?"
    return char


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate a user most likely meant by ``word``, if any is close."""
    import difflib  # noqa: PLC0415 - slow to import; only errors need it

    matches = difflib.get_close_matches(word.lower(), list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


# Type checkers read ErrorCode above, and see no catch-all __getattr__.
if not TYPE_CHECKING:  # pragma: no branch - TYPE_CHECKING is True only for type checkers

    def __getattr__(name: str) -> object:
        # ErrorCode is a typing.Literal; typing is imported only when it is asked for.
        if name == "ErrorCode":
            from typing import Literal  # noqa: PLC0415

            return Literal[ERROR_CODES]
        if name in ("_HINTS", "_MESSAGES", "_PHRASES", "Template"):  # the catalogue, as before
            from . import _catalogue  # noqa: PLC0415

            return getattr(_catalogue, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
