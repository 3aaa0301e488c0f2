"""The atheris harness both targets share: bhtime instrumented, a finding stops the run or is kept.

Imported before anything else imports bhtime, so that bhtime and lark (and
bhtime's lazily imported modules) are instrumented for coverage feedback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["bhtime", "lark"]):
    import lark  # noqa: F401

    import bhtime
    import bhtime._explain
    import bhtime._grammar
    import bhtime._items  # noqa: F401

from targets import KEEP_GOING, Zone, decode, record


def fuzz(check: Callable[[str, Zone, datetime, str], None]) -> None:
    """Run libFuzzer on ``check`` with this process's arguments (see fuzz/README.md)."""

    def test_one_input(data: bytes) -> None:
        text, zone, now, policy = decode(data)
        try:
            check(text, zone, now, policy)
        except Exception as error:
            if not KEEP_GOING:
                raise
            record(data, error)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
