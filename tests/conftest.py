"""Shared test settings: hypothesis profiles, and a fixed `now`."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, settings

# CI sets CI=true: there the properties run at scale (issue 3 asks for >= 2,000).
settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# tools/mutation.py: few examples, and the same ones on every run, so that a
# mutant is killed (or not) the same way each time.
settings.register_profile(
    "mutation", max_examples=20, deadline=None, database=None, derandomize=True
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)

MOSCOW_NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))


@pytest.fixture
def now() -> datetime:
    """docs/language.md §10's `now`: 2017-04-25T00:41:27.123+0300."""
    return MOSCOW_NOW


# Lazily built module globals: None until first use, rebuilt when reset.
_LAZY_GLOBALS = {"bhtime._grammar": ("_language",)}


@pytest.fixture(scope="session", autouse=True)
def _cold_bhtime() -> None:
    """Start each session with bhtime's caches empty, as a fresh process has them.

    tools/mutation.py (mutmut) runs each mutant's tests in a process forked
    from one that has already run the whole suite: without this, a parse or a
    zone cached there is answered from the cache, and a mutant in the code
    behind it would never run.
    """
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "bhtime":
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
        for attribute in _LAZY_GLOBALS.get(name, ()):
            if hasattr(module, attribute):
                setattr(module, attribute, None)
    # The parsed texts and the table's steps are kept in plain dicts, not lru caches.
    parse_module = sys.modules.get("bhtime._parse")
    clear_caches = getattr(parse_module, "clear_caches", None)
    if callable(clear_caches):
        clear_caches()
