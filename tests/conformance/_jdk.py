"""One JVM run of JdkReference.java for every case, and bhtime judged against its answers.

A verdict is one of:

- ``agree``: the same result, or both reject the text;
- ``deviation``: the JDK gives a result and bhtime rejects the text, for a reason
  listed in docs/language.md §9 (named by ``detail``), with an error code that fits it;
- ``not compared``: the case touches a zone in years where the JDK's tz rules and
  bhtime's differ (``_zones``);
- ``other``: anything else, which the tests report as a failure.
"""

from __future__ import annotations

import calendar
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bhtime

from ._cases import Case
from ._zones import comparable

JAVA_SOURCE = Path(__file__).with_name("JdkReference.java")
NO_JDK = "no JDK on this machine (java not on PATH)"

# docs/language.md §9, one name per row that a differential test can meet, with the error
# codes bhtime may answer for it.
YEAR_RANGE = "year outside 0001-9999 (written, at a step or in UTC)"
RFC_TWO_DIGIT_YEAR = "RFC_1123 with a 2-digit year"
RFC_LENIENT = "RFC_1123 with lenient digits or offset"
IMPOSSIBLE_DATE = "impossible date or hour 24 moved (recommended, RFC_1123)"
INSTANT_24 = "24:00:00 in ISO_INSTANT"
OFFSET_NOT_IN_ZONE = "offset that its [zone] does not use"
DEVIATION_CODES: dict[str, frozenset[str]] = {
    YEAR_RANGE: frozenset({"out-of-range", "invalid-date", "invalid-format", "unexpected"}),
    RFC_TWO_DIGIT_YEAR: frozenset({"invalid-format", "invalid-date"}),
    RFC_LENIENT: frozenset({"invalid-format", "invalid-time", "invalid-offset"}),
    IMPOSSIBLE_DATE: frozenset({"invalid-date", "invalid-time"}),
    INSTANT_24: frozenset({"invalid-time"}),
    OFFSET_NOT_IN_ZONE: frozenset({"offset-not-in-zone"}),
}
# docs/language.md §2: a sign starts a modifier, so "+10000-01-01" or "+3 Jun 2008 ..." fails
# as a modifier with no unit or amount before any date is read.
SIGNED_CODES = frozenset({"missing-unit", "missing-amount", "unexpected"})


@dataclass(frozen=True)
class Reading:
    """One result of the JDK: what a formatter made of a text, or a computation's result."""

    formatter: str
    value: str
    low_year: int
    high_year: int
    offset_not_in_zone: bool
    epochs: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    case: Case
    outcome: str  # "agree", "deviation", "not compared" or "other"
    detail: str
    jdk: str
    ours: str

    def describe(self) -> str:
        return f"{self.case.describe()}\n    JDK:    {self.jdk}\n    bhtime: {self.ours}"


def run_java(lines: Sequence[str]) -> list[str]:
    """JdkReference.java's answers to ``lines``, in one JVM start."""
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError(NO_JDK)
    completed = subprocess.run(
        [java, str(JAVA_SOURCE)],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"java failed ({completed.returncode}):\n{completed.stderr}")
    answers = completed.stdout.splitlines()
    if len(answers) != len(lines):
        raise RuntimeError(f"java answered {len(answers)} lines for {len(lines)}")
    return answers


def readings(case: Case, answer: str) -> tuple[list[Reading], str]:
    """The JDK's results for ``case`` (none when it rejects), and the answer as shown."""
    if answer == "NONE" or answer.startswith("ERR|"):
        return [], answer
    records = answer.split("\t")
    if case.kind == "modify":
        anchor = case.jdk_args[0]
        name = anchor.split("=", 1)[0] if "=" in anchor and ";" not in anchor else "-"
        records = [name + answer[answer.index("|") :]]
    found = []
    for record in records:
        formatter, value, facts = record.split("|")
        low, high, flag, epochs = facts.split(",")
        found.append(
            Reading(
                formatter,
                value,
                int(low),
                int(high),
                flag == "offset-not-in-zone",
                tuple(int(e) for e in epochs.split(";")),
            )
        )
    shown = "; ".join(f"{r.formatter}: {r.value}" for r in found)
    return found, shown


_RFC_STRICT = re.compile(
    r"(?:[a-z]{3}, )?([0-9]{1,2}) ([a-z]{3}) ([0-9]{4}) ([0-9]{2}):([0-9]{2})(?::[0-9]{2})?"
    r" (?:gmt|[+-][0-9]{4})",
    re.IGNORECASE,
)
_RECOMMENDED = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{4}"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _impossible(year: int, month: int, day: int, hour: int) -> bool:
    """A date past its month's end or hour 24: what the JDK's SMART resolver moves."""
    return hour == 24 or not 1 <= month <= 12 or day > calendar.monthrange(year, month)[1]


def deviation(text: str, reading: Reading) -> str | None:
    """The docs/language.md §9 row that explains why bhtime rejects what the JDK read as ``reading``."""
    if reading.low_year < 1 or reading.high_year > 9999:
        return YEAR_RANGE
    if reading.offset_not_in_zone:
        return OFFSET_NOT_IN_ZONE
    if reading.formatter == "RFC_1123_DATE_TIME":
        strict = _RFC_STRICT.fullmatch(text)
        if strict is None:
            fields = text.split()
            return RFC_TWO_DIGIT_YEAR if len(fields[-3]) == 2 else RFC_LENIENT
        day, month, year, hour = strict.group(1, 2, 3, 4)
        month_number = _MONTHS.index(month.lower()) + 1
        if _impossible(int(year), month_number, int(day), int(hour)):
            return IMPOSSIBLE_DATE
    if reading.formatter == "RECOMMENDED":
        recommended = _RECOMMENDED.fullmatch(text)
        if recommended and _impossible(*(int(g) for g in recommended.groups())):
            return IMPOSSIBLE_DATE
    if reading.formatter == "ISO_INSTANT" and "t24:00:00" in text.lower():
        return INSTANT_24
    return None


def evaluate(case: Case) -> tuple[str | None, BaseException | None]:
    """bhtime's result for ``case``, or the exception it raised."""
    try:
        return bhtime.resolve(case.text, zone=case.zone, now=case.now), None
    except Exception as error:
        return None, error


def judge(case: Case, answer: str, agreed: dict[str, frozenset[int]]) -> Verdict:
    found, shown = readings(case, answer)
    value, error = evaluate(case)
    if error is None:
        assert value is not None
        ours = value
    else:
        ours = f"{type(error).__name__} {error!s}".replace("\n", " | ")
    if error is not None and not isinstance(error, bhtime.BhtimeError):
        return Verdict(case, "other", "bhtime crashed", shown, ours)
    epochs = [epoch for reading in found for epoch in reading.epochs]
    if found and not comparable(case.zones, epochs, agreed):
        return Verdict(case, "not compared", "tz rules differ", shown, ours)
    if not found:
        if error is not None:
            return Verdict(case, "agree", "both reject", shown, ours)
        return Verdict(case, "other", "the JDK rejects, bhtime accepts", shown, ours)
    if error is None:
        if value in {reading.value for reading in found}:
            return Verdict(case, "agree", "same result", shown, ours)
        return Verdict(case, "other", "different results", shown, ours)
    assert isinstance(error, bhtime.BhtimeError)
    text = case.text if case.kind == "parse" else case.jdk_args[0].split("=", 1)[-1]
    kinds = {deviation(text, reading) for reading in found}
    if len(kinds) == 1 and None not in kinds:
        (kind,) = kinds
        assert kind is not None
        allowed = DEVIATION_CODES[kind] | (SIGNED_CODES if text[:1] in "+-" else frozenset())
        if error.code in allowed:
            return Verdict(case, "deviation", kind, shown, ours)
        return Verdict(case, "other", f"{kind}, but error code {error.code}", shown, ours)
    return Verdict(case, "other", "the JDK accepts, bhtime rejects", shown, ours)


def summary(verdicts: Iterable[Verdict]) -> str:
    """One line for CI's log: how many cases agree, deviate (by docs/language.md §9 row), differ."""
    verdicts = list(verdicts)
    outcomes = Counter(v.outcome for v in verdicts)
    kinds = Counter(v.detail for v in verdicts if v.outcome == "deviation")
    by_kind = ", ".join(f"{kind}: {count}" for kind, count in kinds.most_common())
    compared = len(verdicts) - outcomes["not compared"]
    return (
        f"JDK conformance: {compared} cases, {outcomes['agree']} agree, "
        f"{outcomes['deviation']} docs/language.md §9 deviations (by kind: {by_kind or 'none'}), "
        f"{outcomes['other']} other; {outcomes['not compared']} not compared "
        "(zone rules differ between the JDK's tz database and bhtime's)"
    )
