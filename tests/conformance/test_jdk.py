"""bhtime against the JDK's java.time on thousands of generated cases (issue 3).

Every case that the JDK and bhtime answer differently must be one of docs/language.md §9's
deliberate deviations; the counts are printed at the end of the run.
"""

from __future__ import annotations

import pytest

from ._cases import MODIFY_FAMILIES, PARSE_FAMILIES
from ._jdk import DEVIATION_CODES
from ._zones import EDGE_ZONES, HALF_AND_QUARTER
from .conftest import JdkRun

SHOWN = 25


@pytest.mark.parametrize("family", PARSE_FAMILIES + MODIFY_FAMILIES)
def test_differences_are_spec_9_deviations(jdk_run: JdkRun, family: str) -> None:
    verdicts = [v for v in jdk_run.verdicts if v.case.family == family]
    compared = [v for v in verdicts if v.outcome != "not compared"]
    others = [v for v in compared if v.outcome == "other"]
    listing = "\n".join(f"[{v.detail}] {v.describe()}" for v in others[:SHOWN])
    assert not others, (
        f"{len(others)} of {len(compared)} {family} cases differ from the JDK outside docs/language.md §9:\n"
        + listing
    )
    # The family really tests something: most cases are compared, and many of
    # them give a result on both sides (not only a shared rejection).
    assert len(compared) >= 0.8 * len(verdicts)
    same = [v for v in compared if v.detail == "same result"]
    assert len(same) >= 0.3 * len(compared), f"only {len(same)} {family} cases give a result"


def test_every_deviation_kind_is_met(jdk_run: JdkRun) -> None:
    seen = {v.detail for v in jdk_run.verdicts if v.outcome == "deviation"}
    assert seen == set(DEVIATION_CODES)


def test_the_edge_zones_are_compared(jdk_run: JdkRun) -> None:
    """At least 8 zones with DST or jumps, 30- and 45-minute ones and a skipped day among them."""
    compared = {
        zone
        for v in jdk_run.verdicts
        if v.outcome in ("agree", "deviation") and v.case.kind == "modify"
        for zone in v.case.zones
        if zone in EDGE_ZONES
    }
    assert len(compared) >= 8, sorted(compared)
    assert compared & HALF_AND_QUARTER >= {"Pacific/Chatham", "Australia/Lord_Howe"}
    assert {"Pacific/Apia", "Pacific/Kiritimati"} & compared


def test_skipped_day_cases_cross_it(jdk_run: JdkRun) -> None:
    results = [
        v.ours for v in jdk_run.verdicts if v.case.family == "skipped-day" and v.outcome == "agree"
    ]
    assert any(r.startswith(("2011-12-31T", "1995-01-01T")) for r in results)


def test_the_reference_gives_spec_10_results(jdk_run: JdkRun) -> None:
    """The Java program itself follows docs/language.md §6: it reproduces every worked example."""
    assert len(jdk_run.examples) >= 20
    for case, result, answer, verdict in jdk_run.examples:
        assert answer.split("|")[:2] == ["OK", result], case.describe()
        assert verdict.outcome == "agree", verdict.describe()
