"""User zones of every kind: dateutil tzfiles by path, tzinfos keyed 'Z', wrong argument types."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone, tzinfo
from importlib import resources
from pathlib import Path

import pytest
from dateutil import tz as dateutil_tz

import bhtime

NOW = datetime(2011, 3, 27, 0, 30, tzinfo=timezone.utc)  # 01:30 in Paris, before the gap


def _tzdata_file(key: str) -> Path:
    return Path(str(resources.files("tzdata.zoneinfo").joinpath(*key.split("/"))))


def test_a_dateutil_tzfile_from_a_zoneinfo_folder_is_read_by_its_name() -> None:
    # dateutil gives no key; bhtime finds the IANA name at the end of the file's path.
    zone = dateutil_tz.tzfile(str(_tzdata_file("Europe/Paris")))
    assert bhtime.resolve("now +1h", zone=zone, now=NOW) == "2011-03-27T03:30:00.000+0200"
    assert bhtime.resolve("02:30", zone=zone, now=NOW) == "2011-03-27T03:30:00.000+0200"


def test_a_dateutil_tzfile_under_another_name_is_used_as_it_is(tmp_path: Path) -> None:
    copy = tmp_path / "my-paris"
    shutil.copy(_tzdata_file("Europe/Paris"), copy)
    zone = dateutil_tz.tzfile(str(copy))
    assert bhtime.resolve("now +1h", zone=zone, now=NOW) == "2011-03-27T03:30:00.000+0200"


class _KeyedZ(tzinfo):
    """A tzinfo whose key is 'Z' (not a tzdata name) and that gives no fixed offset."""

    key = "Z"

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None if dt is None else timedelta(hours=5)

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str:
        return "Z?"


def test_a_tzinfo_keyed_z_is_utc() -> None:
    assert bhtime.resolve("now", zone=_KeyedZ(), now=NOW) == "2011-03-27T00:30:00.000+0000"


@pytest.mark.parametrize("now", ["2011-03-27T00:30:00Z", 1301185800, datetime(2011, 3, 27).date()])
def test_now_that_is_not_a_datetime_is_a_type_error(now: object) -> None:
    with pytest.raises(TypeError, match=f"now must be a datetime, not {type(now).__name__}"):
        bhtime.resolve("now", zone="UTC", now=now)  # type: ignore[arg-type]


def test_an_error_repr_names_its_class_code_and_position() -> None:
    with pytest.raises(bhtime.ParseError) as caught:
        bhtime.parse("tomorow")
    shown = repr(caught.value)
    assert shown.startswith("ParseError(")
    assert "code='unknown-word'" in shown
    assert "pos=0" in shown


@pytest.mark.parametrize(
    ("written", "meant"), [("utc", "UTC"), ("gmt", "GMT"), ("Etc/gmt+5", "Etc/GMT+5")]
)
def test_a_zone_name_in_the_wrong_case_is_answered_with_its_right_case(
    written: str, meant: str
) -> None:
    # difflib finds nothing for these (no letter of 'utc' is in 'UTC'): only
    # the case-blind lookup does.
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.resolve("now", zone=written)
    assert caught.value.code == "unknown-zone"
    assert caught.value.hint == f"did you mean '{meant}'?"


def test_a_zero_offset_in_an_ambiguity_message_is_written_plus_zero() -> None:
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.resolve("2011-10-30 01:30", zone="Europe/London", disambiguate="raise")
    assert caught.value.message == (
        "2011-10-30 01:30 happens twice in Europe/London: the clocks go back from +01:00 to +00:00"
    )


def test_an_unknown_disambiguate_lists_the_policies_comma_separated() -> None:
    with pytest.raises(
        ValueError,
        match=r"^disambiguate must be one of compatible, earlier, later, raise, not 'nope'$",
    ):
        bhtime.resolve("now", zone="UTC", disambiguate="nope")  # type: ignore[arg-type]


def test_the_zone_module_makes_its_lazy_names_on_first_use() -> None:
    from bhtime import _tz

    assert isinstance(_tz.tzdata_zone("Europe/Paris"), _tz.TzdataZone)
    assert _tz.TzdataZone is _tz.TzdataZone  # made once
    with pytest.raises(AttributeError, match=r"^module 'bhtime\._tz' has no attribute 'nothing'$"):
        _tz.nothing  # type: ignore[attr-defined]  # noqa: B018
