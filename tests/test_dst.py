"""Daylight-saving edges: the zone rules the DST data relies on, and read-back at every edge.

The cases themselves are data (tests/data/valid/dst.json, run by test_data.py):
gaps and overlaps in Europe/Paris and America/New_York, Lord Howe's 30-minute
DST, Apia's missing 2011-12-30, Sao Paulo's midnight gap, Kathmandu's +05:45,
with modifiers crossing each. Their expected results were computed with
java.time (JDK tzdb 2025a) from docs/language.md §6. This file checks that the tzdata
bhtime pins still has those transitions, so a failure there points at the
data, not at bhtime; and that every result reads back as itself (docs/language.md §7).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import bhtime

DST = Path(__file__).parent / "data" / "valid" / "dst.json"
ZONES = {
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Apia",
    "America/Sao_Paulo",
    "Asia/Kathmandu",
}

# (zone, transition instant in UTC, offset before, offset after), from the JDK's tzdb 2025a.
TRANSITIONS = [
    ("Europe/Paris", "2011-03-27T01:00:00", "+01:00", "+02:00"),
    ("Europe/Paris", "2011-10-30T01:00:00", "+02:00", "+01:00"),
    ("America/New_York", "2011-03-13T07:00:00", "-05:00", "-04:00"),
    ("America/New_York", "2011-11-06T06:00:00", "-04:00", "-05:00"),
    ("Australia/Lord_Howe", "2011-04-02T15:00:00", "+11:00", "+10:30"),
    ("Australia/Lord_Howe", "2011-10-01T15:30:00", "+10:30", "+11:00"),
    ("Pacific/Apia", "2011-12-30T10:00:00", "-10:00", "+14:00"),
    ("America/Sao_Paulo", "2015-10-18T03:00:00", "-03:00", "-02:00"),
    ("America/Sao_Paulo", "2016-02-21T02:00:00", "-02:00", "-03:00"),
    ("Asia/Kathmandu", "1985-12-31T18:30:00", "+05:30", "+05:45"),
    ("Europe/Moscow", "2011-03-26T23:00:00", "+03:00", "+04:00"),
    ("Europe/Moscow", "2014-10-25T22:00:00", "+04:00", "+03:00"),
]


def tzdata_zone(key: str) -> ZoneInfo:
    """The zone as the installed tzdata package has it (what bhtime reads, docs/language.md §6)."""
    with resources.files("tzdata.zoneinfo").joinpath(key).open("rb") as file:
        return ZoneInfo.from_file(file, key=key)


def offset(text: str) -> timedelta:
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6]))


@pytest.mark.parametrize(
    ("key", "at", "before", "after"), TRANSITIONS, ids=[f"{t[0]} {t[1]}Z" for t in TRANSITIONS]
)
def test_tzdata_has_the_transition(key: str, at: str, before: str, after: str) -> None:
    zone = tzdata_zone(key)
    instant = datetime.fromisoformat(at).replace(tzinfo=timezone.utc)
    assert instant.astimezone(zone).utcoffset() == offset(after)
    assert (instant - timedelta(seconds=1)).astimezone(zone).utcoffset() == offset(before)
    # No other transition within a day on either side: the edge is the one the data means.
    assert (instant - timedelta(days=1)).astimezone(zone).utcoffset() == offset(before)
    assert (instant + timedelta(days=1)).astimezone(zone).utcoffset() == offset(after)


def cases() -> list[Any]:
    doc = json.loads(DST.read_text(encoding="utf-8"))
    return [
        pytest.param({"now": doc.get("now"), **case}, id=f"{case['expr']!r} [{case['zone']}]")
        for case in doc["cases"]
    ]


def test_every_zone_of_the_issue_is_covered() -> None:
    assert {case.values[0]["zone"] for case in cases()} >= ZONES


@pytest.mark.parametrize("case", cases())
def test_result_reads_back(case: dict[str, Any]) -> None:
    # docs/language.md §7: the output, read back as an expression, gives the same instant (and, in the
    # same user zone, the same text), even where the wall clock repeats or skips.
    now = datetime.strptime(case["now"], "%Y-%m-%dT%H:%M:%S.%f%z")
    result = case["result"]
    assert bhtime.resolve(result, zone=case["zone"], now=now) == result
