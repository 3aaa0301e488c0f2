"""pydantic v2 field types for bhtime expressions (the ``pydantic`` extra).

``import bhtime`` does not import this module or pydantic.

>>> from datetime import datetime, timezone
>>> from pydantic import BaseModel
>>> from bhtime.pydantic import ExpressionStr, ResolvedDateTime, resolution
>>> class Reminder(BaseModel):
...     written: ExpressionStr
...     at: ResolvedDateTime
>>> now = datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)
>>> with resolution(zone="Europe/Moscow", now=now):
...     reminder = Reminder.model_validate({"written": "tomorrow 14:00", "at": "tomorrow 14:00"})
>>> reminder.model_dump(mode="json")
{'written': 'tomorrow 14:00', 'at': '2017-04-26T14:00:00.000+0300'}

The user zone, ``now``, ``disambiguate`` and the language of the messages come
from the validation context (``context={"zone": ...}``) or, where the caller
cannot pass one (a FastAPI request body), from the innermost
``with resolution(...)`` around the validation; the context wins, key by key.

A bhtime error becomes a pydantic error of type ``bhtime_<code>`` (``-`` as
``_``: ``bhtime_unknown_word``), whose message is bhtime's, in the language
asked for, and whose context holds the ``code``, the span ``pos``..``end``
(0-based, end exclusive) in the text, the ``hint``, the ``params`` the
message is made of, and the ``message``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime, timezone, tzinfo
from typing import Annotated, Any

try:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationError, ValidationInfo
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import (
        CoreSchema,
        InitErrorDetails,
        PydanticCustomError,
        PydanticKnownError,
        core_schema,
    )
except ModuleNotFoundError as missing:  # the extra is not installed: say how to install it
    raise ImportError("bhtime.pydantic needs pydantic: pip install 'bhtime[pydantic]'") from missing

from ._ast import Expression
from ._errors import BhtimeError
from ._evaluate import evaluate
from ._format import format_instant
from ._parse import MAX_LENGTH, parse
from ._tz import Policy, user_zone

__all__ = [
    "ExpressionStr",
    "Resolution",
    "ResolvedDateTime",
    "ZoneName",
    "error_type",
    "pydantic_error",
    "resolution",
    "validation_error",
]

_EXAMPLES = (
    "tomorrow 14:00",
    "now +3h",
    "now -12 hours +1min",
    "2017-04-25T00:41:27.000+0300",
    "2011-12-03T10:15:30+01:00[Europe/Paris]",
)
_LANGUAGE = (
    "A Bytehand date-time expression: a timestamp, a date (2011-12-03, today, tomorrow), "
    "a time (14:00, noon), now, and modifiers such as +3h or -1 mon."
)
_CANONICAL_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{4}$"
)
_ZONE_EXAMPLES = ("Europe/Moscow", "Asia/Yekaterinburg", "UTC", "+05:30")


def error_type(code: str) -> str:
    """The pydantic error type of a bhtime code: ``unknown-word`` -> ``bhtime_unknown_word``."""
    return "bhtime_" + code.replace("-", "_")


def pydantic_error(error: BhtimeError, *, locale: str | None = None) -> PydanticCustomError:
    """``error`` as the pydantic error a validator raises: type ``bhtime_<code>``.

    The message and hint are in ``locale`` (``"en"``, ``"ru"``; None: English).

    >>> import bhtime
    >>> try:
    ...     bhtime.parse("tomorow")
    ... except bhtime.BhtimeError as error:
    ...     found = pydantic_error(error)
    >>> found.type, found.context["pos"], found.context["end"]
    ('bhtime_unknown_word', 0, 7)
    """
    message = error.message if locale is None else error.message_in(locale)
    hint = error.hint if locale is None else error.hint_in(locale)
    # The message goes last: pydantic fills "{name}" from the context in order,
    # and a message may quote text with braces in it (an unknown [zone]).
    context = {
        "code": error.code,
        "pos": error.pos,
        "end": error.end,
        "hint": hint,
        "params": dict(error.params),
        "message": message,
    }
    return PydanticCustomError(error_type(error.code), "{message}", context)


def validation_error(
    error: BhtimeError,
    *,
    loc: Sequence[str | int] = (),
    locale: str | None = None,
    title: str = "bhtime",
) -> ValidationError:
    """``error`` as a ``pydantic.ValidationError`` at ``loc``, for code outside a model.

    A FastAPI route that resolves text itself answers 422 as its request
    bodies do with
    ``raise RequestValidationError(validation_error(error, loc=("query", "at")).errors())``.

    >>> import bhtime
    >>> try:
    ...     bhtime.parse("now +3 hrs")
    ... except bhtime.BhtimeError as error:
    ...     (found,) = validation_error(error, loc=("query", "at")).errors()
    >>> context = found["ctx"]
    >>> found["type"], found["loc"], context["pos"], context["end"]
    ('bhtime_unknown_unit', ('query', 'at'), 7, 10)
    """
    detail: InitErrorDetails = {
        "type": pydantic_error(error, locale=locale),
        "loc": tuple(loc),
        "input": error.text,
    }
    return ValidationError.from_exception_data(title, [detail])


# -- what a validation resolves with --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Resolution:
    """What ``ResolvedDateTime`` resolves with; None means not given."""

    zone: str | tzinfo | None = None
    now: datetime | None = None
    disambiguate: Policy | None = None
    locale: str | None = None


_NOTHING_SET = Resolution()  # frozen, so one shared default is safe
_CURRENT: ContextVar[Resolution] = ContextVar("bhtime.pydantic.resolution", default=_NOTHING_SET)
_CONTEXT_KEYS = ("zone", "now", "disambiguate", "locale")


@contextmanager
def resolution(
    *,
    zone: str | tzinfo | None = None,
    now: datetime | None = None,
    disambiguate: Policy | None = None,
    locale: str | None = None,
) -> Iterator[Resolution]:
    """Resolve the validations inside with this user ``zone``, ``now`` and ``locale``.

    For validations that are not given a context (FastAPI validates request
    bodies without one): enter it in an ``async def`` dependency that
    ``yield``s inside it, or in a middleware. A value not given here is taken
    from an enclosing ``resolution``, so a middleware can set the language and
    a dependency the user's zone. A validation context wins, key by key.

    ``zone`` is checked when a value is resolved, so an unknown one is the
    validation error ``bhtime_unknown_zone`` (validate it first with
    ``ZoneName`` where it comes from the user).

    >>> from pydantic import TypeAdapter
    >>> from datetime import datetime, timezone
    >>> adapter = TypeAdapter(ResolvedDateTime)
    >>> now = datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)
    >>> with resolution(zone="Asia/Kathmandu", now=now):
    ...     adapter.dump_json(adapter.validate_python("noon"))
    b'"2017-04-25T12:00:00.000+0545"'
    """
    given = {"zone": zone, "now": now, "disambiguate": disambiguate, "locale": locale}
    current = _merged(_CURRENT.get(), given)
    token = _CURRENT.set(current)
    try:
        yield current
    finally:
        try:
            _CURRENT.reset(token)
        except ValueError:
            # A sync generator dependency: FastAPI runs each half in a worker
            # thread with a copy of the context, so the value never reached
            # the validation either. Say so rather than fail as contextvars does.
            raise RuntimeError(
                "bhtime.pydantic.resolution() was left in another context than it was "
                "entered in, so the validations it was meant for did not see it: in "
                "FastAPI, enter it in an 'async def' dependency or a middleware"
            ) from None


def _merged(base: Resolution, given: Mapping[str, Any]) -> Resolution:
    chosen = {key: given[key] for key in _CONTEXT_KEYS if given.get(key) is not None}
    return replace(base, **chosen) if chosen else base


def _settings(info: ValidationInfo) -> Resolution:
    context = info.context if isinstance(info.context, Mapping) else {}
    return _merged(_CURRENT.get(), context)


# -- text kept as written: ExpressionStr, ZoneName -------------------------------------------


@dataclass(frozen=True, slots=True)
class _CheckedText:
    """The pydantic hooks of a string kept as written once ``check`` accepts it."""

    check: Callable[[str], object]
    """Raises a ``BhtimeError`` for text that is refused."""
    json_schema: Mapping[str, Any]

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.with_info_after_validator_function(
            self._validate, core_schema.str_schema()
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return copy.deepcopy(dict(self.json_schema))

    def _validate(self, value: str, info: ValidationInfo) -> str:
        try:
            self.check(value)
        except BhtimeError as error:
            raise pydantic_error(error, locale=_settings(info).locale) from None
        return value


ExpressionStr = Annotated[
    str,
    _CheckedText(
        parse,
        {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_LENGTH,
            "description": _LANGUAGE + " Kept as written.",
            "examples": list(_EXAMPLES),
        },
    ),
]
"""Text that is a valid bhtime expression, kept and serialized as written.

Validation parses it (no clock, no zone needed); a bhtime error becomes a
pydantic error of type ``bhtime_<code>``.
"""


# -- ResolvedDateTime ------------------------------------------------------------------------


def _resolve(value: object, info: ValidationInfo) -> datetime:
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise PydanticCustomError(
                "bhtime_naive_datetime",
                "a datetime without an offset is not an instant",
            )
        return value
    if not isinstance(value, (str, Expression)):
        raise PydanticKnownError("string_type")
    settings = _settings(info)
    try:
        expression = value if isinstance(value, Expression) else parse(value)
        zone = settings.zone if settings.zone is not None else _written_offset(expression)
        if zone is None:
            raise _missing_zone()
        policy = settings.disambiguate or "compatible"
        return evaluate(expression, zone=zone, now=settings.now, disambiguate=policy)
    except BhtimeError as error:
        raise pydantic_error(error, locale=settings.locale) from None


def _written_offset(expression: Expression) -> tzinfo | None:
    """The offset of a timestamp alone, which means one instant in any zone.

    So that an already resolved value (``2017-04-25T00:41:27.000+0300``, what
    ``model_dump_json`` writes) validates again without a zone; it is shown
    at the offset it was written with.
    """
    stamp = expression.timestamp
    if stamp is None or stamp.offset is None or expression.modifiers:
        return None
    return timezone(stamp.offset)


def _missing_zone() -> PydanticCustomError:
    # Not the API client's mistake, but the application's: the hint tells its
    # developer where the zone comes from.
    return PydanticCustomError(
        "bhtime_missing_zone",
        "no user time zone is set to resolve this expression in",
        {
            "hint": "the application sets it per request with bhtime.pydantic.resolution("
            "zone=...) or validates with context={'zone': ...}",
        },
    )


def _serialize(value: datetime) -> str:
    return format_instant(value)


class _Resolved:
    """The pydantic hooks of ``ResolvedDateTime``."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.with_info_plain_validator_function(
            _resolve,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize, when_used="json"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        if handler.mode == "serialization":
            return {
                "type": "string",
                "pattern": _CANONICAL_PATTERN,
                "description": "An instant in the user zone, as yyyy-MM-dd'T'HH:mm:ss.SSSZ.",
                "examples": ["2017-04-25T00:41:27.000+0300"],
            }
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_LENGTH,
            "description": _LANGUAGE + " Resolved to an instant in the user zone when validated.",
            "examples": list(_EXAMPLES),
        }


ResolvedDateTime = Annotated[datetime, _Resolved]
"""An expression evaluated when validated: an aware datetime in the user zone.

The validation context, else the current ``resolution()``, gives ``zone``
(required, except for a timestamp alone that carries its offset; a missing
one is the error ``bhtime_missing_zone``), ``now`` (an aware datetime;
default the clock), ``disambiguate`` (default ``"compatible"``) and
``locale`` (the language of the messages; default English). An aware
datetime is accepted as it is. In JSON the value is written in the canonical
format, ``yyyy-MM-dd'T'HH:mm:ss.SSSZ`` (``bhtime.format_instant``), which
validates again without a zone.
"""


# -- ZoneName --------------------------------------------------------------------------------

ZoneName = Annotated[
    str,
    _CheckedText(
        user_zone,
        {
            "type": "string",
            "minLength": 1,
            "description": "A user time zone: an IANA name of bhtime's tzdata, UTC, Z, "
            "or a fixed offset (+05:30, +0530, +05).",
            "examples": list(_ZONE_EXAMPLES),
        },
    ),
]
"""A user zone as ``bhtime.evaluate(zone=...)`` takes it, kept as written.

An IANA name of bhtime's tzdata (``Europe/Moscow``), ``UTC``, ``Z``, or a
fixed offset (``+05:30``, ``+0530``, ``+05``); anything else is the error
``bhtime_unknown_zone`` with a did-you-mean hint (``europe/moscow`` ->
``Europe/Moscow``).
"""
