"""bhtime: the Bytehand SMS API's date-time expressions, parsed and evaluated.

>>> import bhtime
>>> from datetime import datetime, timezone
>>> now = datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc)
>>> bhtime.resolve("now -12 hours +1min", zone="Europe/Moscow", now=now)
'2017-04-24T12:42:27.123+0300'
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from ._ast import Expression
from ._errors import BhtimeError, ConflictError, ParseError, RangeError, ZoneError
from ._evaluate import evaluate
from ._explain import Explanation, explain
from ._format import format_instant
from ._parse import parse
from ._tz import Policy

__version__ = "1.0.0"

__all__ = [
    "BhtimeError",
    "ConflictError",
    "Expression",
    "ParseError",
    "RangeError",
    "ZoneError",
    "__version__",
    "Explanation",
    "evaluate",
    "explain",
    "format_instant",
    "parse",
    "resolve",
]


def resolve(
    text: str | Expression,
    /,
    *,
    zone: str | tzinfo,
    now: datetime | None = None,
    disambiguate: Policy = "compatible",
) -> str:
    """Parse, evaluate and format in one call.

    >>> from datetime import datetime, timezone
    >>> now = datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)
    >>> resolve("tomorrow 14:00", zone="Europe/Moscow", now=now)
    '2017-04-26T14:00:00.000+0300'
    """
    return format_instant(evaluate(text, zone=zone, now=now, disambiguate=disambiguate))
