"""The corners issue 11 found unpinned: each case worked out from docs/language.md, not from bhtime."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import bhtime
from bhtime.gateways import smpp_absolute

# Sao Paulo's clocks jumped from 2015-10-18 00:00 -03:00 to 01:00 -02:00: midnight did not exist.
SAO_PAULO_EVE = datetime(2015, 10, 17, 12, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("policy", "result"),
    [
        # §6: a written date alone is at 00:00, placed as ZonedDateTime.of places it.
        ("compatible", "2015-10-18T01:00:00.000-0200"),
        ("later", "2015-10-18T01:00:00.000-0200"),
        ("earlier", "2015-10-17T23:00:00.000-0300"),
    ],
)
def test_disambiguate_a_date_only_anchor_at_a_midnight_gap(policy: str, result: str) -> None:
    shown = bhtime.resolve(
        "2015-10-18", zone="America/Sao_Paulo", now=SAO_PAULO_EVE, disambiguate=policy
    )  # type: ignore[arg-type]
    assert shown == result


def test_disambiguate_raise_refuses_a_date_only_anchor_at_a_midnight_gap() -> None:
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.resolve(
            "2015-10-18", zone="America/Sao_Paulo", now=SAO_PAULO_EVE, disambiguate="raise"
        )
    assert (caught.value.code, caught.value.pos) == ("skipped-time", 0)


def test_nine_fraction_digits_are_read_and_ten_are_refused_at_the_tenth() -> None:
    # §3: ISO_LOCAL_TIME takes 0 to 9 fraction digits.
    assert bhtime.resolve("10:15:30.123456789", zone="UTC", now=SAO_PAULO_EVE) == (
        "2015-10-17T10:15:30.123+0000"
    )
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.resolve("10:15:30.1234567891", zone="UTC", now=SAO_PAULO_EVE)
    assert caught.value.pos == 18  # the tenth digit


def test_the_recommended_format_takes_no_zone() -> None:
    # §3: only ISO_ZONED_DATE_TIME has a [zone], after an ISO offset (+03:00, not +0300).
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.resolve("2017-04-25T00:41:27.000+0300[Europe/Moscow]", zone="UTC")
    assert (caught.value.code, caught.value.pos) == ("invalid-format", 28)


@pytest.mark.parametrize(
    ("text", "result"),
    [
        # §4: BASIC_ISO_DATE's offset may carry seconds, +HHMMss; 00:00 at +01:02:03 is 22:57:57 UTC.
        ("20111203+010203", "2011-12-02T22:57:57.000+0000"),
        ("20111203-010203", "2011-12-03T01:02:03.000+0000"),
        ("20111203+0102", "2011-12-02T22:58:00.000+0000"),
        ("20111203+01", "2011-12-02T23:00:00.000+0000"),
    ],
)
def test_basic_iso_date_offsets_with_seconds(text: str, result: str) -> None:
    assert bhtime.resolve(text, zone="UTC") == result


@pytest.mark.parametrize("text", ["20111203+010260", "20111203+016003"])
def test_basic_iso_date_offsets_with_impossible_parts_are_refused(text: str) -> None:
    with pytest.raises(bhtime.BhtimeError):
        bhtime.resolve(text, zone="UTC")


@pytest.mark.parametrize(
    ("hours", "written"),
    [(12, "170425004127148+"), (-12, "170425004127148-")],
)
def test_smpp_at_exactly_twelve_hours_is_48_quarters(hours: int, written: str) -> None:
    # SMPP 3.4 §7.1.1: nn is 00-48, so ±12:00 is the last offset it can write.
    moment = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=hours)))
    assert smpp_absolute(moment) == written


@pytest.mark.parametrize("minutes", [12 * 60 + 15, -(12 * 60 + 15)])
def test_smpp_one_quarter_beyond_twelve_hours_is_unrepresentable(minutes: int) -> None:
    moment = datetime(2017, 4, 25, tzinfo=timezone(timedelta(minutes=minutes)))
    with pytest.raises(bhtime.RangeError) as caught:
        smpp_absolute(moment)
    assert (caught.value.code, caught.value.pos) == ("unrepresentable", None)
    assert (
        "is 49 quarter hours from UTC; SMPP absolute time allows at most 48" in caught.value.message
    )
