"""A text that failed to parse and looks URL-encoded: say so, with the decoded text.

Bytehand's status callbacks send ``updated_at=2013-01-20+17%3A50%3A03``; a
value copied from the query string unchanged would otherwise get an error
about its digits ("the number '17' has no unit"). This runs only once parsing
has failed, so it costs nothing on the success path.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._errors import BhtimeError, error

__all__ = ["url_encoded_error"]

# '%' is never part of an expression, so a percent-escape alone is enough.
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# '+' is, as a sign: only a '+' right between a date and a time with seconds
# is taken for a space ('2011-12-03+19:00' is a date with a bad offset).
_COLON = "(?::|%3[Aa])"
_PLUS_FOR_SPACE = re.compile(
    rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(\+)[0-9]{{2}}{_COLON}[0-9]{{2}}{_COLON}[0-9]{{2}}"
)


def url_encoded_error(text: str, parses: Callable[[str], bool]) -> BhtimeError | None:
    """The ``url-encoded`` error for ``text``, if it looks URL-encoded; else None.

    ``parses`` tells whether a text is a valid expression: a '+' between a date
    and a time counts only when the decoded text parses (``2011-12-03+25:00``
    is a date with a bad offset, not an encoded space).
    """
    escape = _ESCAPE.search(text)
    plus = _PLUS_FOR_SPACE.search(text)
    if escape is None and (plus is None or not parses(_decoded(text))):
        return None
    starts = []
    if escape is not None:
        starts.append(escape.start())
    if plus is not None:
        starts.append(plus.start(1))
    return error(
        "url-encoded",
        text=text,
        pos=min(starts),
        end=len(text),
        hint="hint.url-decode",
        decoded=_decoded(text),
    )


def _decoded(text: str) -> str:
    from urllib.parse import unquote_plus  # noqa: PLC0415 - only for a failed parse

    return unquote_plus(text)
