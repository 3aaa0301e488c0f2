"""The SMS gateways' output styles (bhtime.gateways), from worked examples in data files.

Each file in tests/data/gateways/ holds cases worked out by hand from the format
definitions in docs/gateways.md; a case's ``now`` defaults to the file's.
"""

from __future__ import annotations

import json
import pickle
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import bhtime
from bhtime import gateways
from bhtime.gateways import (
    STYLES,
    SmscTime,
    render,
    smpp_absolute,
    smpp_relative,
    smsc_time,
    smsc_unix,
)

DATA = Path(__file__).parent / "data" / "gateways"


def _cases(name: str) -> list[Any]:
    document = json.loads((DATA / name).read_text(encoding="utf-8"))
    cases = []
    for case in document["cases"]:
        case.setdefault("now", document.get("now"))
        cases.append(pytest.param(case, id=f"{case.get('style', '')} {case['expression']}".strip()))
    return cases


def _moment(case: dict[str, Any]) -> datetime:
    now = datetime.fromisoformat(case["now"])
    return bhtime.evaluate(case["expression"], zone=case["zone"], now=now)


def _output(style: str, case: dict[str, Any]) -> str:
    if style == "smpp-relative":
        return render(style, moment=None, expression=case["expression"])
    moment = _moment(case)
    if style == "smsc-unix":
        return smsc_unix(moment)
    return render(style, moment=moment, expression=case["expression"])


@pytest.mark.parametrize("case", _cases("smpp.json") + _cases("smsc.json"))
def test_absolute_styles(case: dict[str, Any]) -> None:
    for style, expected in case["expected"].items():
        assert _output(style, case) == expected, style


@pytest.mark.parametrize("case", _cases("smpp_relative.json"))
def test_smpp_relative(case: dict[str, Any]) -> None:
    assert _output("smpp-relative", case) == case["expected"]
    assert smpp_relative(bhtime.parse(case["expression"])) == case["expected"]


@pytest.mark.parametrize("case", _cases("errors.json"))
def test_unrepresentable(case: dict[str, Any]) -> None:
    error_type = getattr(bhtime, case["error"])
    with pytest.raises(error_type) as caught:
        _output(case["style"], case)
    error = caught.value
    assert isinstance(error, bhtime.BhtimeError)
    assert (error.code, error.pos) == (case["code"], case["pos"])
    assert case["message"] in error.message


MSK = timezone(timedelta(hours=3))


def test_gateways_md_examples_directly() -> None:
    moment = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=MSK)
    assert smpp_absolute(moment) == "170425004127112+"
    assert smpp_relative("1 day 2 hours") == "000001020000000R"
    assert smsc_time(moment) == SmscTime("25.04.17 00:41", "0")
    assert smsc_time(moment).tz == "0"
    assert smsc_unix(moment) == "01493070087"


def test_zero_offset_is_plus() -> None:
    # SMPP names no sign for a zero offset; we write "+", as SMPP libraries do.
    assert smpp_absolute(datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone.utc)).endswith("00+")
    assert smpp_absolute(datetime(2017, 4, 24, 21, 41, 27, tzinfo=timezone(-timedelta(0)))) == (
        "170424214127000+"
    )


def test_messages_are_pinned() -> None:
    with pytest.raises(bhtime.RangeError) as caught:
        smpp_absolute(datetime(2017, 4, 25, 2, 48, tzinfo=timezone(timedelta(hours=5, minutes=7))))
    assert str(caught.value) == (
        "the offset +05:07 is not a whole number of quarter hours, which SMPP absolute time"
        " needs\nthe same instant can be written in UTC: evaluate it with zone 'UTC'"
    )
    with pytest.raises(bhtime.ParseError) as parse_caught:
        smpp_relative("1h tomorrow")
    assert str(parse_caught.value) == (
        "'tomorrow' is not a modifier; an SMPP relative time is made of modifiers only"
        " (at column 4)\n  1h tomorrow\n     ^\nwrite the amount from now alone, such as '1d 2h'"
    )


def test_errors_pickle() -> None:
    with pytest.raises(bhtime.RangeError) as caught:
        smpp_relative("-1d")
    again = pickle.loads(pickle.dumps(caught.value))
    assert (type(again), again.code, again.pos) == (bhtime.RangeError, "unrepresentable", 0)


def test_naive_moment_is_a_type_error() -> None:
    naive = datetime(2017, 4, 25, 0, 41, 27)
    for function in (smpp_absolute, smsc_time, smsc_unix):
        with pytest.raises(TypeError, match="aware"):
            function(naive)


def test_render_arguments() -> None:
    moment = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=MSK)
    assert render("bytehand", moment=moment, expression="now") == "2017-04-25T00:41:27.123+0300"
    with pytest.raises(ValueError, match="unknown style 'smpp-absolute'"):
        render("smpp-absolute", moment=moment, expression="now")
    with pytest.raises(TypeError, match="needs the evaluated moment"):
        render("smpp", moment=None, expression="now")
    # The relative style reads the expression, never the moment.
    assert render("smpp-relative", moment=moment, expression="3h") == "000000030000000R"


def test_styles_and_exports() -> None:
    assert STYLES == ("bytehand", "smpp", "smpp-relative", "smsc")
    for name in gateways.__all__:
        assert hasattr(gateways, name), name
    assert set(gateways.__all__) == {
        "STYLES",
        "SmscTime",
        "render",
        "smpp_absolute",
        "smpp_relative",
        "smsc_time",
        "smsc_unix",
    }
