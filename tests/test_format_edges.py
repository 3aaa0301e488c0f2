"""format_instant at its edges: offsets with seconds, and what it refuses (docs/language.md §7)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

import pytest

from bhtime import format_instant


def _at(offset: timedelta, microsecond: int = 0) -> datetime:
    return datetime(2017, 4, 25, 0, 41, 27, microsecond, tzinfo=timezone(offset))


@pytest.mark.parametrize(
    ("offset", "shown"),
    [
        # Seconds of an offset are not shown: the JDK's pattern Z prints +HHMM.
        (timedelta(hours=10, seconds=5), "+1000"),
        (timedelta(hours=17, minutes=59, seconds=59), "+1759"),
        (timedelta(hours=18) - timedelta(seconds=1), "+1759"),
        (-timedelta(hours=10, seconds=5), "-1000"),
        (timedelta(minutes=9, seconds=21), "+0009"),  # Paris's LMT
        (-timedelta(minutes=9, seconds=21), "-0009"),
        # An offset that shows as zero shows as +0000, whatever its sign.
        (-timedelta(seconds=30), "+0000"),
        (timedelta(seconds=30), "+0000"),
        (timedelta(0), "+0000"),
        (timedelta(hours=5, minutes=45, microseconds=1), "+0545"),
    ],
)
def test_offset_seconds_are_truncated_not_rounded(offset: timedelta, shown: str) -> None:
    for microsecond in (0, 999_999):
        head = "2017-04-25T00:41:27.999" if microsecond else "2017-04-25T00:41:27.000"
        assert format_instant(_at(offset, microsecond)) == head + shown


@pytest.mark.parametrize("microsecond", [0, 1, 999, 1000, 123_456, 999_999])
def test_milliseconds_are_truncated(microsecond: int) -> None:
    shown = format_instant(_at(timedelta(hours=3), microsecond))
    assert shown == f"2017-04-25T00:41:27.{microsecond // 1000:03d}+0300"


class _NoOffset(tzinfo):
    """A tzinfo that knows no offset: the datetime is naive in all but name."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None


@pytest.mark.parametrize(
    "value",
    [
        datetime(2017, 4, 25, 0, 41, 27),
        datetime(2017, 4, 25, 0, 41, 27, 123000),
        datetime(2017, 4, 25, 0, 41, 27, tzinfo=_NoOffset()),
        datetime(2017, 4, 25, 0, 41, 27, 5, tzinfo=_NoOffset()),
        "2017-04-25T00:41:27.000+0300",
        None,
    ],
    ids=["naive", "naive with microseconds", "no offset", "no offset, microseconds", "str", "None"],
)
def test_anything_but_an_aware_datetime_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError) as caught:
        format_instant(value)  # type: ignore[arg-type]
    assert str(caught.value) == "format_instant needs an aware datetime"
