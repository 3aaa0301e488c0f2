"""Shared test settings: hypothesis profiles, and a fixed `now`."""

from __future__ import annotations

import os
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
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)

MOSCOW_NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))


@pytest.fixture
def now() -> datetime:
    """SPEC §10's `now`: 2017-04-25T00:41:27.123+0300."""
    return MOSCOW_NOW
