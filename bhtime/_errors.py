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

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Literal

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
    Param = str | int


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
        template = _MESSAGES[self._message_id]
        return _translated(locale, self._message_id, template, self.params) or self.message

    def hint_in(self, locale: str) -> str | None:
        """The hint in ``locale``, or None when the error has no hint."""
        if self._hint_id is None:
            return self.hint
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


class Template:
    """An English message and the params it is made of (their names, space-separated).

    ``count`` names the param whose number picks a translation's plural form.
    """

    __slots__ = ("count", "english", "params")

    def __init__(self, english: str, params: str = "", *, count: str | None = None) -> None:
        self.english = english
        self.params = tuple(params.split())
        self.count = count

    def render(self, params: Mapping[str, Param]) -> str:
        return self.english.format_map(params)


_T = Template
_EXPECTED_ITEM = "a timestamp, a date, a time, a word such as 'now', or a modifier such as '+3h'"
# Keyed by MessageId; a test checks that the two list the same ids.
_MESSAGES: dict[str, Template] = {
    "empty": _T("the expression is empty"),
    "too-long": _T(
        "the expression is {length} characters long; the limit is {limit}",
        "length limit",
        count="length",
    ),
    "unknown-word": _T("unknown word {word!r}", "word"),
    "unknown-unit": _T("unknown unit {word!r}", "word"),
    "ambiguous-unit": _T("'M' is ambiguous: minutes or months?"),
    "missing-unit": _T("the number {number!r} has no unit", "number"),
    "missing-number": _T("the unit {unit!r} has no number", "unit"),
    "missing-amount": _T("expected a number and a unit after the sign"),
    "missing-amount.after-sign": _T(
        "expected a number and a unit after {sign!r}, not {token!r}",
        "sign token",
    ),
    "fraction": _T("a modifier takes a whole number, not {number!r}", "number"),
    "glued-modifiers": _T("modifiers without a sign must be separated by whitespace"),
    "missing-space": _T("expected whitespace between {previous!r} and {next!r}", "previous next"),
    "missing-space.offset": _T(
        "{offset!r} was read as the offset of {item!r}, and {word!r} does not follow an offset",
        "offset item word",
    ),
    "invalid-character": _T("the character {character} is not allowed", "character"),
    "unexpected": _T("unexpected {character!r}: expected " + _EXPECTED_ITEM, "character"),
    "unexpected.unclosed-zone": _T("the '[' of a zone name is never closed"),
    "unexpected.zone-without-offset": _T("a [zone] must follow a date-time with an offset"),
    "invalid-format.time-after-t": _T("expected a time HH:mm after 'T'"),
    "invalid-format.not-digits": _T(
        "the {field} takes digits only, not {written!r}",
        "field written",
    ),
    "invalid-format.digits": _T(
        "the {field} takes {expected} digits, not {count}",
        "field expected count",
        count="expected",
    ),
    "invalid-format.digits-either": _T(
        "the {field} takes {fewest} or {most} digits, not {count}",
        "field fewest most count",
        count="most",
    ),
    "invalid-format.offset-shape": _T(
        "{format} takes an offset {shapes}, not {shape}",
        "format shapes shape",
    ),
    "invalid-format.zone-needs-offset": _T("a [zone] must follow an offset"),
    "invalid-format.recommended-fraction": _T(
        "an offset without a colon needs the recommended format, yyyy-MM-dd'T'HH:mm:ss.SSSZ, with "
        "exactly 3 fraction digits",
    ),
    "invalid-format.recommended-t": _T("the recommended format takes an upper-case 'T'"),
    "invalid-format.recommended-zone": _T("a [zone] must follow an ISO offset such as +03:00"),
    "invalid-format.rfc-space": _T("RFC 1123 separates its fields with one space"),
    "invalid-format.rfc-offset": _T(
        "RFC 1123 takes GMT or an offset +HHMM, not {offset!r}",
        "offset",
    ),
    "invalid-format.unknown-name": _T("unknown {part} {written!r}", "part written"),
    "invalid-date.month": _T("there is no month {month:02d}", "month"),
    "invalid-date.day": _T("{month_name} {year:04d} has no day {day:02d}", "month_name year day"),
    "invalid-time.hour-24": _T("hour 24 is not allowed"),
    "invalid-time.hour": _T("there is no hour {hour:02d} (00-23)", "hour"),
    "invalid-time.minute": _T("there is no minute {minute:02d} (00-59)", "minute"),
    "invalid-time.second": _T("there is no second {second:02d} (00-59)", "second"),
    "invalid-time.fraction": _T("at most 9 fraction digits, not {count}", "count", count="count"),
    # Offsets, also for the code unknown-zone, of a user zone written as an offset.
    "invalid-offset.minute": _T(
        "there is no minute {minute:02d} in the offset {offset!r}",
        "minute offset",
    ),
    "invalid-offset.second": _T(
        "there is no second {second:02d} in the offset {offset!r}",
        "second offset",
    ),
    "invalid-offset.range": _T("offset {offset!r} is outside -18:00 to +18:00", "offset"),
    "weekday-mismatch": _T("{date} is a {weekday}, not {written!r}", "date weekday written"),
    "conflict": _T(
        "{second!r} sets the {fields}, which {first!r} already sets",
        "second fields first",
    ),
    "offset-mismatch": _T(
        "the date {date!r} and the time {time!r} carry different offsets",
        "date time",
    ),
    "out-of-range.year": _T("year {year} is outside 0001-9999", "year"),
    "out-of-range.utc": _T("the instant falls outside the years 0001-9999 in UTC"),
    "out-of-range.zone": _T("the instant falls outside the years 0001-9999 in its zone"),
    "out-of-range.shown-in": _T(
        "the result is outside the years 0001-9999 when shown in {zone}",
        "zone",
    ),
    "out-of-range.step": _T("{item!r} takes the date outside the years 0001-9999", "item"),
    "unknown-zone": _T("unknown zone {zone!r}", "zone"),
    "offset-not-in-zone": _T(
        "{zone} does not use the offset {offset} at {local}",
        "zone offset local",
    ),
    "skipped-time": _T(
        "{local} does not exist in {zone}: the clocks jump from {before} to {after}",
        "local zone before after",
    ),
    "repeated-time": _T(
        "{local} happens twice in {zone}: the clocks go back from {before} to {after}",
        "local zone before after",
    ),
    "not-relative": _T(
        "{item!r} is not a modifier; an SMPP relative time is made of modifiers only",
        "item",
    ),
    "unrepresentable.negative": _T(
        "the {group} add up to less than zero; SMPP relative time only counts forward",
        "group",
    ),
    "unrepresentable.too-large": _T(
        "the {group} add up to more than SMPP relative time's two-digit {slot} can hold",
        "group slot",
    ),
    "unrepresentable.quarter-hours": _T(
        "the offset {offset} is not a whole number of quarter hours, which SMPP absolute time "
        "needs",
        "offset",
    ),
    "unrepresentable.quarters": _T(
        "the offset {offset} is {quarters} quarter hours from UTC; SMPP absolute time allows at "
        "most {limit}",
        "offset quarters limit",
        count="quarters",
    ),
    "unrepresentable.year": _T(
        "the year {year:04d} is outside 2000-2099, and {form} writes the year in two digits",
        "year form",
    ),
    "unrepresentable.moscow-twice": _T(
        "Moscow time {local} occurs twice (the clocks went back), so smsc.ru's time and tz cannot "
        "tell which is meant",
        "local",
    ),
    "unrepresentable.before-1970": _T("smsc.ru's Unix-seconds time cannot be before 1970"),
    # The arguments now and zone, not the text, at fault: these have no position.
    "unknown-zone.too-long": _T(
        "unknown zone {prefix!r} ({length} characters; no zone name is longer than {limit})",
        "prefix length limit",
        count="length",
    ),
    "out-of-range.now-utc": _T("now ({now}) is outside the years 0001-9999 in UTC", "now"),
    "out-of-range.now-shown-in": _T(
        "now ({now}) is outside the years 0001-9999 when shown in {zone}",
        "now zone",
    ),
    "out-of-range.from-now": _T(
        "{item!r} takes the date outside the years 0001-9999 from now = {now}",
        "item now",
    ),
    "invalid-tzinfo": _T(
        "{argument}: the tzinfo {tzinfo} gives no UTC offset",
        "argument tzinfo",
    ),
    "url-encoded": _T("the text looks URL-encoded"),
}

_HINTS: dict[str, Template] = {
    "hint.empty": _T("write a date, a time or a modifier, as in 'tomorrow 14:00'"),
    "hint.did-you-mean": _T("did you mean {suggestion!r}?", "suggestion"),
    "hint.write": _T("write {fix!r}", "fix"),
    "hint.whole-modifier": _T("write the modifier whole, as in '+3h'"),
    "hint.time-example": _T("write it as in 2011-12-03T10:15"),
    "hint.space-for-modifier": _T("for a modifier, write a space: {fix!r}", "fix"),
    "hint.control-character": _T("control characters are not allowed"),
    "hint.separate-items": _T("separate items with spaces, tabs or line breaks"),
    "hint.ascii-digits": _T("write the digits as ASCII 0-9"),
    "hint.ascii": _T("write the expression in ASCII"),
    "hint.keep-one": _T("keep one of them"),
    "hint.same-offset": _T("write the offset once, or the same offset on both"),
    "hint.next-day": _T("write 00:00 of the next day"),
    "hint.leap-second": _T(
        "a leap second, 23:59:60, is read only in a date-time with an offset Z or ±HH:MM and no "
        "[zone] (ISO_INSTANT)",
    ),
    "hint.zone-example": _T(
        "write the offset first, as in 2011-12-03T10:15:30+01:00[Europe/Paris]",
    ),
    "hint.weekday": _T("write {fix!r}, or leave the day of the week out", "fix"),
    "hint.last-day": _T(
        "the last day of {month_name} {year:04d} is {last}",
        "month_name year last",
    ),
    "hint.zone-offset": _T("{zone} is at {used} then", "zone used"),
    "hint.m-or-mon": _T("write 'm' or 'min' for minutes, 'mon' for months"),
    "hint.m-or-mon-number": _T("write 'm' or 'min' for minutes, 'mon' for months, after a number"),
    "hint.whole-units": _T("write whole units: {fix!r}", "fix"),
    "hint.smaller-units": _T("write whole numbers of smaller units, as in '1h 30min' for 1.5h"),
    "hint.add-unit": _T("add a unit, as in '{number}h' or '{number}d'", "number"),
    "hint.units": _T("the units are years, months, weeks, days, hours, minutes and seconds"),
    "hint.t-joins": _T("a date and a time join with 'T' and no spaces, as in 2011-12-03T10:15"),
    "hint.number-first": _T("write a number before it, as in '3{unit}'", "unit"),
    "hint.disambiguate": _T("choose disambiguate='earlier', 'later' or 'compatible'"),
    "hint.modifiers-only": _T("write the amount from now alone, such as '1d 2h'"),
    "hint.in-utc": _T("the same instant can be written in UTC: evaluate it with zone 'UTC'"),
    "hint.smsc-unix": _T("smsc.ru's '0<unix seconds>' form names the instant exactly"),
    "hint.aware-zone": _T(
        "pass an aware zone: a zoneinfo.ZoneInfo, a datetime.timezone, or a zone name"
    ),
    "hint.url-decode": _T("decode it first: {decoded!r}", "decoded"),
    # The command line's words for hint.disambiguate and hint.in-utc.
    "hint.disambiguate-option": _T("choose --disambiguate earlier, later or compatible"),
    "hint.in-utc-option": _T("the same instant can be written in UTC: run it with -u"),
}

# Where the problem is, after the message.
_PHRASES: dict[str, Template] = {
    "where.column": _T("(at column {column})", "column"),
    "where.end": _T("(at end of text)"),
}

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Params whose value is an English word from a closed set: a translation
# names its grammatical form, as in "{month_name:in}", and the catalog has
# the word in that form under "month_name:February:in".
TERMS: dict[str, tuple[str, ...]] = {
    "field": ("year", "month", "day", "hour", "minute", "second"),
    "part": ("day of the week", "month"),
    "format": ("an ISO date-time", "ISO_DATE", "BASIC_ISO_DATE", "ISO_TIME"),
    "month_name": _MONTH_NAMES,
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fields": ("date", "time", "date and time"),
    "group": ("months", "days", "hours"),
    "slot": ("years (YY)", "days (DD)", "hours (hh)"),
    "form": ("smsc.ru's time parameter", "SMPP absolute time"),
}


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
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
