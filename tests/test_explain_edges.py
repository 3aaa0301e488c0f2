"""bhtime.explain: the sentence written for each kind of item and placement, and both layouts."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
import tzdata  # type: ignore[import-untyped]

import bhtime
from bhtime import explain

NOW = datetime(
    2011, 10, 29, 23, 30, tzinfo=timezone.utc
)  # 01:30 in Paris, the day before an overlap
PARIS = "Europe/Paris"

CASES = [
    (
        "2011-10-30T10:00+01:00[Europe/Paris] +1d",
        "compatible",
        [
            "ISO_ZONED_DATE_TIME timestamp, computed in Europe/Paris",
            "plus 1 day on the wall clock",
            "shown in Europe/Paris",
        ],
    ),
    (
        "2011-10-30T10:00+05:30 -90min",
        "compatible",
        [
            "ISO_OFFSET_DATE_TIME timestamp, computed in +05:30",
            "minus 90 minutes on the timeline",
            "shown in Europe/Paris",
        ],
    ),
    (
        "2011-10-30T02:30 +1h",
        "compatible",
        [
            "ISO_LOCAL_DATE_TIME timestamp, computed in Europe/Paris; "
            "2011-10-30 02:30 happens twice in Europe/Paris (overlap): took offset +02:00",
            "plus 1 hour on the timeline",
            "shown in Europe/Paris",
        ],
    ),
    (
        "2011-10-30T02:30",
        "later",
        [
            "ISO_LOCAL_DATE_TIME timestamp, computed in Europe/Paris; "
            "2011-10-30 02:30 happens twice in Europe/Paris (overlap): took offset +01:00",
            "shown in Europe/Paris",
        ],
    ),
    (
        "2011-12-03+01:00 10:00+01:00",
        "compatible",
        [
            "ISO_DATE date 2011-12-03 at offset +01:00; time of day 10:00:00.000 at offset +01:00",
            "shown in Europe/Paris",
        ],
    ),
    (
        "2011-03-27 02:30",
        "earlier",
        [
            "ISO_DATE date 2011-03-27; time of day 02:30:00.000; "
            "2011-03-27 02:30 is skipped in Europe/Paris (gap): moved back to 01:30 (+01:00)",
            "shown in Europe/Paris",
        ],
    ),
    (
        "2011-03-26 02:30 +1d",
        "compatible",
        [
            "ISO_DATE date 2011-03-26; time of day 02:30:00.000",
            "plus 1 day on the wall clock; "
            "2011-03-27 02:30 is skipped in Europe/Paris (gap): moved forward to 03:30 (+02:00)",
            "shown in Europe/Paris",
        ],
    ),
    (
        "yesterday noon",
        "compatible",
        ["today in Europe/Paris - 1 day; time of day 12:00:00.000", "shown in Europe/Paris"],
    ),
    (
        "today -1 day +2 weeks",
        "compatible",
        [
            "today in Europe/Paris, at now's time of day",
            "minus 1 day on the wall clock",
            "plus 2 weeks on the wall clock",
            "shown in Europe/Paris",
        ],
    ),
    (
        "tomorrow",
        "compatible",
        ["today in Europe/Paris + 1 day, at now's time of day", "shown in Europe/Paris"],
    ),
    ("now", "compatible", ["the current instant", "shown in Europe/Paris"]),
    (
        "+1s",
        "compatible",
        ["no date or time: now", "plus 1 second on the timeline", "shown in Europe/Paris"],
    ),
]


@pytest.mark.parametrize(("text", "policy", "notes"), CASES, ids=[c[0] for c in CASES])
def test_each_step_is_said_in_words(text: str, policy: str, notes: list[str]) -> None:
    explanation = explain(text, zone=PARIS, now=NOW, disambiguate=policy)  # type: ignore[arg-type]
    assert list(explanation.notes) == notes
    expected = bhtime.evaluate(text, zone=PARIS, now=NOW, disambiguate=policy)  # type: ignore[arg-type]
    assert bhtime.format_instant(explanation.result) == bhtime.format_instant(expected)


def test_the_table_aligns_its_columns_and_ends_no_line_in_spaces() -> None:
    shown = str(explain("today -1 day +2 weeks", zone=PARIS, now=NOW))
    assert shown.splitlines() == [
        "step      item      value                         how",
        "anchor    today     2011-10-30T01:30:00.000+0200  today in Europe/Paris, at now's time of day",
        "modifier  -1 day    2011-10-29T01:30:00.000+0200  minus 1 day on the wall clock",
        "modifier  +2 weeks  2011-11-12T01:30:00.000+0100  plus 2 weeks on the wall clock",
        "result              2011-11-12T01:30:00.000+0100  shown in Europe/Paris",
    ]


def test_as_dict_is_json_with_every_step() -> None:
    data = explain("2011-03-26 02:30 +1d", zone=PARIS, now=NOW).as_dict()
    assert json.loads(json.dumps(data)) == {
        "expression": "2011-03-26 02:30 +1d",
        "zone": "Europe/Paris",
        "now": "2011-10-29T23:30:00.000+0000",
        "steps": [
            {
                "step": "anchor",
                "items": ["2011-03-26", "02:30"],
                "value": "2011-03-26T02:30:00.000+0100",
                "placement": "unique",
                "how": "ISO_DATE date 2011-03-26; time of day 02:30:00.000",
            },
            {
                "step": "modifier",
                "items": ["+1d"],
                "value": "2011-03-27T03:30:00.000+0200",
                "placement": "gap",
                "how": "plus 1 day on the wall clock; 2011-03-27 02:30 is skipped in "
                "Europe/Paris (gap): moved forward to 03:30 (+02:00)",
            },
            {
                "step": "result",
                "items": [],
                "value": "2011-03-27T03:30:00.000+0200",
                "placement": "unique",
                "how": "shown in Europe/Paris",
            },
        ],
        "result": "2011-03-27T03:30:00.000+0200",
        "tz_release": tzdata.IANA_VERSION,
    }


def test_a_parsed_expression_is_explained_as_its_text() -> None:
    expression = bhtime.parse("now +1h")
    assert (
        explain(expression, zone="UTC", now=NOW).notes
        == explain("now +1h", zone="UTC", now=NOW).notes
    )
