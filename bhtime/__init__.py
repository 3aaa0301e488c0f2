"""bhtime: the Bytehand SMS API's date-time expressions, parsed and evaluated.

>>> import bhtime
>>> from datetime import datetime, timezone
>>> now = datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc)
>>> bhtime.resolve("now -12 hours +1min", zone="Europe/Moscow", now=now)
'2017-04-24T12:42:27.123+0300'
"""

from __future__ import annotations

from ._errors import ERROR_CODES, BhtimeError, ConflictError, ParseError, RangeError, ZoneError

__version__ = "1.0.0"

__all__ = [
    "ERROR_CODES",
    "BhtimeError",
    "ConflictError",
    "ErrorCode",
    "Explanation",
    "Expression",
    "ParseError",
    "RangeError",
    "ZoneError",
    "__version__",
    "evaluate",
    "explain",
    "format_instant",
    "parse",
    "resolve",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._ast import Expression
    from ._errors import ErrorCode
    from ._evaluate import evaluate, resolve
    from ._explain import Explanation, explain
    from ._format import format_instant
    from ._parse import parse

# Where each public name lives. Its module is imported on first use, so that
# `import bhtime` stays cheap for a CLI or an SDK that imports it at start-up.
_HOMES = {
    "Expression": "._ast",
    "ErrorCode": "._errors",  # a typing.Literal: typing is imported only for it
    "evaluate": "._evaluate",
    "resolve": "._evaluate",
    "Explanation": "._explain",
    "explain": "._explain",
    "format_instant": "._format",
    "parse": "._parse",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bhtime' has no attribute {name!r}")
    from importlib import import_module  # noqa: PLC0415

    value = getattr(import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
