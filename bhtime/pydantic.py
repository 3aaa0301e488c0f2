"""pydantic v2 field types for bhtime expressions (the ``pydantic`` extra).

``import bhtime`` does not import this module or pydantic.

>>> from datetime import datetime, timezone
>>> from pydantic import BaseModel
>>> from bhtime.pydantic import ExpressionStr, ResolvedDateTime
>>> class Reminder(BaseModel):
...     written: ExpressionStr
...     at: ResolvedDateTime
>>> now = datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)
>>> reminder = Reminder.model_validate(
...     {"written": "tomorrow 14:00", "at": "tomorrow 14:00"},
...     context={"zone": "Europe/Moscow", "now": now},
... )
>>> reminder.model_dump(mode="json")
{'written': 'tomorrow 14:00', 'at': '2017-04-26T14:00:00.000+0300'}

A bhtime error becomes a pydantic error of type ``bhtime_<code>`` (``-`` as
``_``: ``bhtime_unknown_word``), whose message is bhtime's and whose context
holds the ``code``, the 0-based ``pos`` in the text and the ``hint``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

try:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema, PydanticCustomError, PydanticKnownError, core_schema
except ModuleNotFoundError as missing:  # the extra is not installed: say how to install it
    raise ImportError("bhtime.pydantic needs pydantic: pip install 'bhtime[pydantic]'") from missing

from ._ast import Expression
from ._errors import BhtimeError
from ._evaluate import evaluate
from ._format import format_instant
from ._parse import MAX_LENGTH, parse

__all__ = ["ExpressionStr", "ResolvedDateTime", "error_type"]

_EXAMPLES = [
    "tomorrow 14:00",
    "now +3h",
    "now -12 hours +1min",
    "2017-04-25T00:41:27.000+0300",
    "2011-12-03T10:15:30+01:00[Europe/Paris]",
]
_LANGUAGE = (
    "A Bytehand date-time expression: a timestamp, a date (2011-12-03, today, tomorrow), "
    "a time (14:00, noon), now, and modifiers such as +3h or -1 mon."
)
_CANONICAL_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{4}$"
)


def error_type(code: str) -> str:
    """The pydantic error type of a bhtime code: ``unknown-word`` -> ``bhtime_unknown_word``."""
    return "bhtime_" + code.replace("-", "_")


def _pydantic_error(error: BhtimeError) -> PydanticCustomError:
    # The message is passed in the context, last: pydantic fills "{name}" from the
    # context, and a message may quote text with braces in it (an unknown [zone]).
    context = {"code": error.code, "pos": error.pos, "hint": error.hint, "message": error.message}
    return PydanticCustomError(error_type(error.code), "{message}", context)


def _parsed(value: str) -> str:
    try:
        parse(value)
    except BhtimeError as error:
        raise _pydantic_error(error) from None
    return value


class _ExpressionText:
    """The pydantic hooks of ``ExpressionStr``."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(_parsed, core_schema.str_schema())

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_LENGTH,
            "description": _LANGUAGE + " Kept as written.",
            "examples": list(_EXAMPLES),
        }


ExpressionStr = Annotated[str, _ExpressionText]
"""Text that is a valid bhtime expression, kept and serialized as written.

Validation parses it (no clock, no zone needed); a bhtime error becomes a
pydantic error of type ``bhtime_<code>``.
"""


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
    context = info.context if isinstance(info.context, dict) else {}
    zone = context.get("zone")
    if zone is None:
        raise PydanticCustomError(
            "bhtime_missing_zone",
            "resolving an expression needs the user zone: validate with "
            "context={'zone': 'Europe/Moscow'} (and optionally 'now')",
        )
    options: dict[str, Any] = {}
    disambiguate = context.get("disambiguate", "compatible")
    if disambiguate != "compatible":
        options["disambiguate"] = disambiguate
    try:
        return evaluate(value, zone=zone, now=context.get("now"), **options)
    except BhtimeError as error:
        raise _pydantic_error(error) from None


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

The validation context gives ``zone`` (required; a missing one is the error
``bhtime_missing_zone``), ``now`` (an aware datetime; default the clock) and
``disambiguate`` (default ``"compatible"``). An aware datetime is accepted as
it is. In JSON the value is written in the canonical format,
``yyyy-MM-dd'T'HH:mm:ss.SSSZ`` (``bhtime.format_instant``).
"""
