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
