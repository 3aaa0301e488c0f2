"""The errors bhtime raises for bad input, and how they are shown.

    ValueError
     └── BhtimeError            .text .pos .code .hint
          ├── ParseError        not an expression: syntax, a calendar value, length
          ├── ConflictError     two items set the same field (SPEC §5)
          ├── RangeError        a year outside 0001-9999 (SPEC §8); an instant a
          │                     gateway style cannot write
          └── ZoneError         an unknown zone, or an offset its zone does not use

``str(error)`` is the message with its column, then the text with a caret
under the position, then the hint::

    unknown word 'tomorow' (at column 1)
      tomorow 14:00
      ^
    did you mean 'tomorrow'?
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


__all__ = [
    "BhtimeError",
    "ConflictError",
    "ParseError",
    "RangeError",
    "ZoneError",
    "closest",
]

# Shown around the caret when the text is longer than a terminal line.
_WINDOW = 72
_BEFORE = 30


class BhtimeError(ValueError):
    """An expression, zone or instant that bhtime cannot accept.

    ``pos`` is the 0-based index in ``text`` where the problem starts, or None
    when the problem is not in the text (an unknown user zone). ``code`` is a
    stable, machine-readable name such as ``unknown-word``.
    """

    code: str

    def __init__(
        self,
        message: str,
        *,
        code: str,
        text: str | None = None,
        pos: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.text = text
        self.pos = pos
        self.hint = hint

    def __str__(self) -> str:
        lines = [self.message + _where(self.text, self.pos)]
        if self.text is not None and self.pos is not None:
            lines.extend(_caret_lines(self.text, self.pos))
        if self.hint:
            lines.append(self.hint)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r}, pos={self.pos!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.code, self.text, self.pos, self.hint))


class ParseError(BhtimeError):
    """The text is not a valid expression."""


class ConflictError(BhtimeError):
    """Two items set the same part of the instant (SPEC §5)."""


class RangeError(BhtimeError):
    """A year outside 0001-9999 in the input, a step, or the result (SPEC §8)."""


class ZoneError(BhtimeError):
    """An unknown zone, or an offset that its zone does not use."""


def _rebuild(
    cls: type[BhtimeError],
    message: str,
    code: str,
    text: str | None,
    pos: int | None,
    hint: str | None,
) -> BhtimeError:
    return cls(message, code=code, text=text, pos=pos, hint=hint)


def _where(text: str | None, pos: int | None) -> str:
    if text is None or pos is None:
        return ""
    if pos >= len(text):
        return " (at end of text)"
    return f" (at column {pos + 1})"


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
