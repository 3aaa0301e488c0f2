"""The JDK suite's one JVM run (session-scoped), and the counts it prints at the end."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import pytest

from bhtime._tz import tzdata_version

from ._cases import Case, generate, spec_examples
from ._jdk import NO_JDK, Verdict, judge, run_java, summary
from ._zones import (
    IANA_ZONES,
    RULE_YEARS,
    Transition,
    agreeing_years,
    bhtime_transitions,
    parse_jdk_transitions,
)

_SUMMARY: list[str] = []


@dataclass(frozen=True)
class JdkRun:
    """What one JVM run answered: its tz release, where the rules agree, the verdicts."""

    versions: str
    agreed: dict[str, frozenset[int]]
    verdicts: list[Verdict]
    examples: list[tuple[Case, str, str, Verdict]]
    """docs/language.md §10's examples: the case, the language reference's result, the JDK's answer, the verdict."""


def _rules_line(versions: str, agreed: dict[str, frozenset[int]]) -> str:
    span = RULE_YEARS[1] - RULE_YEARS[0] + 1
    differing = []
    for zone in IANA_ZONES:
        years = sorted(set(range(RULE_YEARS[0], RULE_YEARS[1] + 1)) - agreed[zone])
        if years:
            shown = ", ".join(map(str, years[:6])) + (" ..." if len(years) > 6 else "")
            differing.append(f"{zone} in {len(years)} of {span} years ({shown})")
    return (
        f"JDK zone rules: {versions} vs bhtime tzdata {tzdata_version()}, "
        f"{RULE_YEARS[0]}-{RULE_YEARS[1]}: "
        + ("; ".join(differing) if differing else "all zones agree")
    )


@pytest.fixture(scope="session")
def jdk_run() -> JdkRun:
    """Every case through one JVM start, judged; skipped when there is no JDK."""
    if shutil.which("java") is None:
        pytest.skip(NO_JDK)
    ours: dict[str, tuple[int, list[Transition]]] = {
        zone: bhtime_transitions(zone) for zone in IANA_ZONES
    }
    examples = spec_examples()
    cases = [case for case, _ in examples] + generate(
        {zone: found for zone, (_, found) in ours.items()}
    )
    zone_lines = [f"Z\t{zone}\t{RULE_YEARS[0]}\t{RULE_YEARS[1]}" for zone in IANA_ZONES]
    answers = run_java(["V", *zone_lines, *(case.java_line() for case in cases)])
    _, tzdb, java_version = answers[0].split("|")
    versions = f"JDK {java_version} tzdb {tzdb}"
    agreed: dict[str, frozenset[int]] = {}
    for zone, answer in zip(IANA_ZONES, answers[1 : 1 + len(IANA_ZONES)], strict=True):
        agreed[zone] = (
            agreeing_years(parse_jdk_transitions(answer), ours[zone])
            if answer.startswith("OK|")
            else frozenset()
        )
    answers = answers[1 + len(IANA_ZONES) :]
    verdicts = [judge(case, answer, agreed) for case, answer in zip(cases, answers, strict=True)]
    checked = [
        (case, result, answer, verdict)
        for (case, result), answer, verdict in zip(examples, answers, verdicts, strict=False)
    ]
    _SUMMARY[:] = [_rules_line(versions, agreed), summary(verdicts)]
    return JdkRun(versions, agreed, verdicts, checked)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in _SUMMARY:
        terminalreporter.write_line(line)
