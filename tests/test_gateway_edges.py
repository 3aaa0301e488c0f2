"""Gateway errors in detail: which modifier is blamed, the span and text they carry, their wording."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

import bhtime
from bhtime import gateways


def _refused(text: str) -> bhtime.BhtimeError:
    with pytest.raises(bhtime.BhtimeError) as caught:
        gateways.smpp_relative(text)
    return caught.value


def test_a_negative_group_blames_its_first_negative_modifier_not_a_zero_one() -> None:
    failure = _refused("+0h -1min")
    assert failure.code == "unrepresentable"
    assert (failure.pos, failure.end) == (4, 9)  # -1min, not the +0h before it
    assert failure.text == "+0h -1min"
    assert failure.message == (
        "the hours add up to less than zero; SMPP relative time only counts forward"
    )


def test_a_group_too_large_blames_its_first_modifier_with_its_span_and_the_text() -> None:
    failure = _refused("+1h +99999d")
    assert failure.code == "unrepresentable"
    assert (failure.pos, failure.end) == (4, 11)
    assert failure.text == "+1h +99999d"
    assert str(failure).endswith("\n  +1h +99999d\n      ^")  # the caret block needs the text


def test_an_unknown_style_lists_the_styles_comma_separated() -> None:
    expected = "unknown style 'nope'; expected one of bytehand, smpp, smpp-relative, smsc"
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$"):
        gateways.render("nope", moment=None, expression="now")


def test_smsc_time_out_of_its_years_names_the_time_parameter() -> None:
    with pytest.raises(bhtime.BhtimeError) as caught:
        gateways.smsc_time(datetime(2100, 1, 1, tzinfo=timezone.utc))
    assert caught.value.message == (
        "the year 2100 is outside 2000-2099, and smsc.ru's time parameter writes the year"
        " in two digits"
    )


def test_smpp_absolute_writes_the_tenths_of_a_second() -> None:
    moment = datetime(2011, 1, 1, 0, 0, 0, 900_000, tzinfo=timezone.utc)
    assert gateways.smpp_absolute(moment) == "110101000000900+"
    assert gateways.smpp_absolute(moment.replace(microsecond=899_999)) == "110101000000800+"


def test_smpp_relative_blames_an_item_that_is_no_modifier_with_its_span() -> None:
    failure = _refused("+1h now")
    assert failure.code == "not-relative"
    assert (failure.pos, failure.end) == (4, 7)
