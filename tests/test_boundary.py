"""The API boundary: whatever ``now`` and ``zone`` are, the answer is right or a BhtimeError.

Each defect found at the boundary is pinned by a reproducer here; the properties
at the end hold for every kind of aware datetime and tzinfo a caller may pass.
"""

from __future__ import annotations

import tracemalloc
from datetime import datetime, timedelta, timezone, tzinfo
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil import tz as dateutil_tz
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.dateutil import timezones as dateutil_timezones

try:  # pytz is an input bhtime accepts, not one it needs: its cases need it installed
    import pytz
    from hypothesis.extra.pytz import timezones as pytz_timezones
except ImportError:  # the test extra alone has no pytz; test-all has
    pytz = None

import bhtime
from bhtime import BhtimeError, RangeError, ZoneError
from bhtime._tz import MAX_ZONE_LENGTH, adopt_zone, zone_keys

PARIS = ZoneInfo("Europe/Paris")


class TimelineStamp(datetime):
    """A datetime subclass whose ``+`` works on the timeline, as pandas' ``Timestamp`` does.

    Plain datetime arithmetic in one zone is wall-clock arithmetic; a library
    that reads ``now`` through the subclass's own ``+`` would step over a DST
    change by 24 real hours instead of one calendar day.
    """

    def __add__(self, other: Any) -> TimelineStamp:
        if not isinstance(other, timedelta):
            return NotImplemented
        plain = datetime.combine(self.date(), self.timetz(), self.tzinfo).replace(fold=self.fold)
        moved = (plain.astimezone(timezone.utc) + other).astimezone(self.tzinfo)
        return TimelineStamp.combine(moved.date(), moved.timetz(), moved.tzinfo).replace(
            fold=moved.fold
        )

    __radd__ = __add__


def stamp(*fields: int, tz: tzinfo | None = PARIS) -> TimelineStamp:
    return TimelineStamp(*fields, tzinfo=tz)  # type: ignore[misc]


# -- now given as a datetime subclass -------------------------------------------


def test_the_test_subclass_really_adds_on_the_timeline() -> None:
    # Without this, the tests below could not fail.
    assert (stamp(2011, 3, 26, 12) + timedelta(days=1)).hour == 13


def test_a_subclass_now_is_read_as_the_instant_it_denotes() -> None:
    now = stamp(2011, 3, 26, 12)
    result = bhtime.resolve("now +1d", zone="Europe/Paris", now=now)
    assert result == "2011-03-27T12:00:00.000+0200"


@pytest.mark.parametrize("text", ["now", "+1d", "tomorrow", "noon", "2011-03-27T10:00:00Z"])
@pytest.mark.parametrize("zone", ["Europe/Paris", "UTC", "+05:30"])
def test_results_are_plain_datetimes(text: str, zone: str) -> None:
    for now in (stamp(2011, 3, 26, 12), stamp(2011, 3, 26, 12, tz=timezone.utc)):
        assert type(bhtime.evaluate(text, zone=zone, now=now)) is datetime
        explained = bhtime.explain(text, zone=zone, now=now)
        assert {type(step.after) for step in explained.steps} == {datetime}
        assert type(explained.now) is datetime


def test_a_pandas_timestamp_as_now() -> None:
    pandas = pytest.importorskip("pandas", reason="pandas not installed: pip install pandas")
    now = pandas.Timestamp("2011-03-26 12:00", tz="Europe/Paris")
    assert bhtime.resolve("now +1d", zone="Europe/Paris", now=now) == (
        "2011-03-27T12:00:00.000+0200"
    )
    assert type(bhtime.evaluate("now", zone="Europe/Paris", now=now)) is datetime


# -- the zone argument's length -----------------------------------------------


def test_no_real_zone_name_is_longer_than_the_limit() -> None:
    assert max(len(key) for key in zone_keys()) <= MAX_ZONE_LENGTH


@pytest.mark.parametrize("size", [MAX_ZONE_LENGTH + 1, 10_000_000])
def test_a_zone_name_longer_than_any_real_one_is_refused_quoting_a_prefix(size: int) -> None:
    with pytest.raises(ZoneError) as caught:
        bhtime.resolve("now", zone="x" * size)
    error = caught.value
    assert (error.code, error.pos, error.hint) == ("unknown-zone", None, None)
    assert error.message == (
        f"unknown zone '{'x' * 40}…' ({size} characters; no zone name is longer than "
        f"{MAX_ZONE_LENGTH})"
    )


def test_a_long_zone_name_costs_no_memory_in_proportion_to_it() -> None:
    name = "x" * 10_000_000
    tracemalloc.start()
    try:
        with pytest.raises(ZoneError):
            bhtime.resolve("now", zone=name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000  # the 10 MB name is never copied, searched or quoted whole


def test_a_long_offset_is_refused_as_a_long_name() -> None:
    with pytest.raises(ZoneError, match="no zone name is longer"):
        bhtime.resolve("now", zone="+05:30" + "0" * 100)


def test_a_long_zone_in_the_text_is_refused_at_its_position() -> None:
    text = f"2011-12-03T10:15:30Z[{'Europe/Paris' * 10}]"
    with pytest.raises(ZoneError) as caught:
        bhtime.resolve(text, zone="UTC")
    assert (caught.value.code, caught.value.pos) == ("unknown-zone", 21)
    assert "…" in caught.value.message


def test_a_zone_of_the_longest_real_length_still_gets_a_suggestion() -> None:
    with pytest.raises(ZoneError, match="did you mean 'America/Argentina/ComodRivadavia'"):
        bhtime.resolve("now", zone="America/Argentina/ComodRivadavio")


# -- failures that come from now or zone, not from the text ---------------------

NEAR_YEAR_1 = datetime(1, 1, 1, 0, 5)
NEAR_YEAR_9999 = datetime(9999, 12, 31, 23, 55)


def _near_edges() -> list[Any]:
    cases = [
        pytest.param(NEAR_YEAR_1.replace(tzinfo=PARIS), id="zoneinfo year 1"),
        pytest.param(NEAR_YEAR_1.replace(tzinfo=dateutil_tz.gettz("Europe/Paris")), id="dateutil year 1"),
        pytest.param(NEAR_YEAR_1.replace(tzinfo=timezone(timedelta(hours=1))), id="timezone year 1"),
        pytest.param(NEAR_YEAR_9999.replace(tzinfo=ZoneInfo("America/New_York")), id="zoneinfo year 9999"),
        pytest.param(NEAR_YEAR_9999.replace(tzinfo=dateutil_tz.gettz("America/New_York")), id="dateutil year 9999"),
        pytest.param(NEAR_YEAR_9999.replace(tzinfo=timezone(timedelta(hours=-5))), id="timezone year 9999"),
    ]  # fmt: skip
    if pytz is not None:
        # pytz's localize() overflows by itself this close to the edges; a pytz
        # zone attached directly reads its local mean time, still an offset.
        cases += [
            pytest.param(NEAR_YEAR_1.replace(tzinfo=pytz.timezone("Europe/Paris")), id="pytz year 1"),
            pytest.param(NEAR_YEAR_9999.replace(tzinfo=pytz.timezone("America/New_York")), id="pytz year 9999"),
        ]  # fmt: skip
    return cases


@pytest.mark.parametrize("now", _near_edges())
@pytest.mark.parametrize("zone", ["UTC", "Europe/Paris", "America/New_York"])
def test_a_now_outside_the_years_is_a_range_error_naming_now(now: datetime, zone: str) -> None:
    with pytest.raises(RangeError) as caught:
        bhtime.resolve("now", zone=zone, now=now)
    assert (caught.value.code, caught.value.pos) == ("out-of-range", None)
    assert caught.value.message.startswith("now (")
    assert "outside the years 0001-9999" in caught.value.message


@pytest.mark.parametrize(
    ("text", "now", "zone"),
    [
        ("tomorrow", datetime(9999, 12, 31, 12, tzinfo=timezone.utc), "UTC"),
        ("yesterday", datetime(1, 1, 1, 12, tzinfo=timezone.utc), "UTC"),
        ("noon", datetime(1, 1, 1, 0, 30, tzinfo=timezone.utc), "-05:00"),
        ("now", datetime(9999, 12, 31, 23, 30, tzinfo=timezone.utc), "Asia/Tokyo"),
    ],
)
def test_an_anchor_out_of_range_because_of_now_is_blamed_on_now(
    text: str, now: datetime, zone: str
) -> None:
    with pytest.raises(RangeError) as caught:
        bhtime.resolve(text, zone=zone, now=now)
    assert (caught.value.code, caught.value.pos) == ("out-of-range", None)
    message = caught.value.message
    assert message.startswith("now (") or " from now = " in message


def test_the_anchor_blamed_on_now_says_what_it_was() -> None:
    with pytest.raises(RangeError) as caught:
        bhtime.resolve("tomorrow", zone="UTC", now=datetime(9999, 12, 31, 12, tzinfo=timezone.utc))
    assert str(caught.value) == (
        "'tomorrow' takes the date outside the years 0001-9999 from "
        "now = 9999-12-31T12:00:00.000+0000"
    )


def test_a_modifier_out_of_range_is_still_blamed_on_the_modifier() -> None:
    now = datetime(9999, 12, 31, 12, tzinfo=timezone.utc)
    with pytest.raises(RangeError) as caught:
        bhtime.resolve("now +1d", zone="UTC", now=now)
    assert caught.value.pos == 4


# -- a tzinfo that cannot give an offset ----------------------------------------


class NoOffset(tzinfo):
    """A tzinfo whose utcoffset is None for every time: it describes no instant."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return "nowhere"


@pytest.mark.parametrize("broken", [tzinfo(), NoOffset()], ids=["bare tzinfo", "utcoffset None"])
def test_a_zone_that_gives_no_offset_is_a_zone_error(broken: tzinfo) -> None:
    now = datetime(2020, 1, 1, tzinfo=timezone.utc)
    with pytest.raises(ZoneError) as caught:
        bhtime.resolve("now", zone=broken, now=now)
    assert (caught.value.code, caught.value.pos) == ("invalid-tzinfo", None)
    assert caught.value.message == f"zone: the tzinfo {type(broken).__name__} gives no UTC offset"


@pytest.mark.parametrize("broken", [tzinfo(), NoOffset()], ids=["bare tzinfo", "utcoffset None"])
def test_a_now_whose_tzinfo_gives_no_offset_is_a_zone_error(broken: tzinfo) -> None:
    now = datetime(2020, 1, 1, tzinfo=broken)
    with pytest.raises(ZoneError) as caught:
        bhtime.resolve("now", zone="UTC", now=now)
    assert (caught.value.code, caught.value.pos) == ("invalid-tzinfo", None)
    assert caught.value.message == f"now: the tzinfo {type(broken).__name__} gives no UTC offset"


def test_a_broken_tzinfo_is_also_a_value_error_for_forms() -> None:
    with pytest.raises(ValueError, match="gives no UTC offset"):
        bhtime.explain("now", zone=NoOffset(), now=datetime(2020, 1, 1, tzinfo=timezone.utc))


# -- properties over the arguments ----------------------------------------------

FIRST = datetime(1, 1, 1)
LAST = datetime(9999, 12, 31, 23, 59, 59, 999999)
TEXTS = [
    "now", "tomorrow", "yesterday noon", "+1d", "-1d", "now -12 hours +1min", "10:00+14:00",
    "9999-12-31T23:59:59Z", "0001-01-01T00:30:00+01:00", "0001-01-01", "9999-12-31 +1d -1d",
    "2011-03-27 02:30", "2011-10-30 02:30", "+10000 years", "-1y", "midnight +1mon",
]  # fmt: skip


def _fixed_offsets() -> st.SearchStrategy[tzinfo]:
    minutes = st.integers(min_value=-18 * 60, max_value=18 * 60)
    return minutes.map(lambda total: timezone(timedelta(minutes=total)))


def _subclassed(moment: datetime) -> datetime:
    return TimelineStamp.combine(moment.date(), moment.timetz(), moment.tzinfo).replace(
        fold=moment.fold
    )


ANY_TZINFO = st.one_of(
    _fixed_offsets(),
    st.timezones(),
    dateutil_timezones(),
    *([] if pytz is None else [pytz_timezones()]),
)
NOWS = st.builds(
    lambda moment, fold, subclass: (_subclassed if subclass else (lambda m: m))(
        moment.replace(fold=fold)
    ),
    st.one_of(  # the first and last days, where offsets push an instant out of range
        st.datetimes(FIRST, FIRST + timedelta(days=2), timezones=ANY_TZINFO),
        st.datetimes(LAST - timedelta(days=2), LAST, timezones=ANY_TZINFO),
        st.datetimes(FIRST, LAST, timezones=ANY_TZINFO),
    ),
    st.sampled_from([0, 1]),
    st.booleans(),
)
ZONES = st.one_of(
    ANY_TZINFO,
    st.sampled_from(["UTC", "Europe/Paris", "Pacific/Kiritimati", "-12:00", "+14", "Mars/Olympus"]),
    st.text(max_size=80),
)


@given(
    text=st.sampled_from(TEXTS),
    now=NOWS,
    zone=ZONES,
    policy=st.sampled_from(["compatible", "earlier", "later", "raise"]),
)
def test_only_bhtime_errors_escape_for_any_now_and_zone(
    text: str, now: datetime, zone: str | tzinfo, policy: Any
) -> None:
    for call in (bhtime.resolve, bhtime.evaluate, bhtime.explain):
        try:
            result = call(text, zone=zone, now=now, disambiguate=policy)
        except BhtimeError as error:
            if error.pos is None:  # from now or zone: the message names which
                assert any(word in error.message for word in ("now", "zone", "offset"))
            continue
        if isinstance(result, datetime):
            assert type(result) is datetime
            assert 1 <= result.astimezone(timezone.utc).year <= 9999


@given(now=NOWS)
def test_now_means_the_instant_it_denotes(now: datetime) -> None:
    try:
        expected = datetime.astimezone(now, timezone.utc)
    except (OverflowError, ValueError):
        return  # outside the years in UTC: the range error above
    assert bhtime.evaluate("now", zone="UTC", now=now) == expected


@given(zone=st.one_of(st.integers(), st.none(), st.binary(), st.floats()))
def test_a_zone_of_the_wrong_type_is_a_type_error(zone: object) -> None:
    with pytest.raises(TypeError):
        bhtime.resolve("now", zone=zone, now=datetime(2020, 1, 1, tzinfo=timezone.utc))  # type: ignore[arg-type]


@pytest.mark.parametrize("now", ["2020-01-01T00:00:00Z", 1577836800, None.__class__])
def test_a_now_that_is_not_a_datetime_is_a_type_error(now: object) -> None:
    with pytest.raises(TypeError, match="now must be a datetime"):
        bhtime.resolve("now", zone="UTC", now=now)  # type: ignore[arg-type]


# -- the new errors, in English and Russian ------------------------------------


def test_the_boundary_errors_are_translated() -> None:
    with pytest.raises(ZoneError) as caught:
        bhtime.resolve("now", zone=NoOffset(), now=datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert caught.value.explain("ru") == (
        "zone: tzinfo NoOffset не даёт смещения от UTC\n"
        "передайте часовой пояс со смещением: zoneinfo.ZoneInfo, datetime.timezone или название пояса"
    )
    with pytest.raises(ZoneError) as caught:
        bhtime.resolve("now", zone="x" * 50)
    assert caught.value.message_in("ru") == (
        f"неизвестный часовой пояс '{'x' * 40}…' (50 символов; ни одно название пояса не длиннее 48)"
    )
    with pytest.raises(RangeError) as caught:
        bhtime.resolve("tomorrow", zone="UTC", now=datetime(9999, 12, 31, 12, tzinfo=timezone.utc))
    assert caught.value.message_in("ru") == (
        "при now = 9999-12-31T12:00:00.000+0000 'tomorrow' выводит дату за пределы 0001-9999 годов"
    )


def test_the_url_encoded_error_in_russian() -> None:
    with pytest.raises(bhtime.ParseError) as caught:
        bhtime.parse("2013-01-20+17%3A50%3A03")
    assert caught.value.explain("ru").splitlines() == [
        "текст похож на закодированный для URL (URL-encoded) (в столбце 11)",
        "  2013-01-20+17%3A50%3A03",
        "            ^",
        "сначала раскодируйте его: '2013-01-20 17:50:03'",
    ]


# -- tzinfo objects of other libraries, as the zone -------------------------------


def _tzdata_file(key: str) -> Path:
    return Path(str(resources.files("tzdata.zoneinfo").joinpath(*key.split("/"))))


def test_a_dateutil_zone_read_from_a_zoneinfo_path_takes_tzdata_rules() -> None:
    zone = dateutil_tz.tzfile(str(_tzdata_file("Europe/Paris")))
    assert getattr(zone, "key", None) is None  # so only its path can name it
    assert str(adopt_zone(zone)) == "Europe/Paris"


def test_a_dateutil_zone_from_elsewhere_is_used_as_it_is(tmp_path: Path) -> None:
    copy = tmp_path / "my-zone"
    copy.write_bytes(_tzdata_file("Europe/Paris").read_bytes())
    zone = dateutil_tz.tzfile(str(copy))
    assert adopt_zone(zone) is zone
    now = datetime(2011, 3, 26, 1, 30, tzinfo=timezone.utc)
    assert bhtime.resolve("tomorrow", zone=zone, now=now) == "2011-03-27T03:30:00.000+0200"


class Zulu(tzinfo):
    """A tzinfo that calls itself "Z", a name tzdata does not have."""

    key = "Z"

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(0)


def test_a_tzinfo_named_z_is_utc() -> None:
    assert adopt_zone(Zulu()) is timezone.utc
