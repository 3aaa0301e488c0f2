"""bhtime: the Bytehand SMS API's date-time expressions, parsed and evaluated.

>>> import bhtime
>>> from datetime import datetime, timezone
>>> now = datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc)
>>> bhtime.resolve("now -12 hours +1min", zone="Europe/Moscow", now=now)
'2017-04-24T12:42:27.123+0300'
"""

from __future__ import annotations

from ._errors import ERROR_CODES, BhtimeError, ConflictError, ParseError, RangeError, ZoneError

__version__ = "1.2.0"

__all__ = [
    "ERROR_CODES",
    "BhtimeError",
    "CalendarDate",
    "ConflictError",
    "DayWord",
    "ErrorCode",
    "Explanation",
    "Expression",
    "Item",
    "Modifier",
    "Now",
    "ParseError",
    "Placement",
    "Policy",
    "RangeError",
    "Step",
    "Timestamp",
    "Unit",
    "WallTime",
    "ZoneError",
    "__version__",
    "evaluate",
    "explain",
    "format_instant",
    "parse",
    "resolve",
]

# What a type checker sees is what `from bhtime import X` gives at run time:
# each name below is in _HOMES, and tests/test_api.py checks both against
# __all__. The module-level __getattr__ is hidden from type checkers, so that
# a name missing here is an error for them too.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._ast import (
        CalendarDate,
        DayWord,
        Expression,
        Item,
        Modifier,
        Now,
        Timestamp,
        Unit,
        WallTime,
    )
    from ._errors import ErrorCode
    from ._evaluate import Step, evaluate, resolve
    from ._explain import Explanation, explain
    from ._format import format_instant
    from ._parse import parse
    from ._tz import Placement, Policy

# Where each public name lives. Its module is imported on first use, so that
# `import bhtime` stays cheap for a CLI or an SDK that imports it at start-up.
_HOMES = {
    "CalendarDate": "._ast",
    "DayWord": "._ast",
    "Expression": "._ast",
    "ErrorCode": "._errors",  # a typing.Literal: typing is imported only for it
    "Item": "._ast",
    "Modifier": "._ast",
    "Now": "._ast",
    "Timestamp": "._ast",
    "Unit": "._ast",
    "WallTime": "._ast",
    "Step": "._evaluate",
    "evaluate": "._evaluate",
    "resolve": "._evaluate",
    "Explanation": "._explain",
    "explain": "._explain",
    "format_instant": "._format",
    "parse": "._parse",
    "Placement": "._tz",
    "Policy": "._tz",
}

if not TYPE_CHECKING:  # pragma: no branch - TYPE_CHECKING is True only for type checkers

    def __getattr__(name: str) -> object:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module 'bhtime' has no attribute {name!r}")
        # __import__, not importlib.import_module: importing importlib (and
        # the warnings module it imports) would cost a first call more.
        value = getattr(__import__(home[1:], globals(), None, [name], 1), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
