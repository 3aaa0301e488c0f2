"""The specification as data: tests/data/{valid,invalid}/*.json, one case per expression.

A file may set a default "zone" and "now" for its cases. A valid case gives the
canonical result (docs/language.md §7); an invalid case gives the error code and the 0-based
position, and optionally the exact ``str(error)``. Expected values were worked out
from docs/language.md (with java.time where a zone rule needed computing), never from bhtime.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import bhtime

DATA = Path(__file__).parent / "data"


def load(kind: str) -> list[Any]:
    params = []
    for path in sorted((DATA / kind).glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for written in doc["cases"]:
            case = {"zone": doc.get("zone"), "now": doc.get("now"), **written}
            zone = "" if case["zone"] == doc.get("zone") else f" [{case['zone']}]"
            params.append(pytest.param(case, id=f"{path.stem}: {case['expr']!r}{zone}"))
    return params


def instant(text: str) -> datetime:
    """A canonical timestamp, yyyy-MM-dd'T'HH:mm:ss.SSSZ, as an aware datetime."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%f%z")


@pytest.mark.parametrize("case", load("valid"))
def test_valid(case: dict[str, Any]) -> None:
    assert (
        bhtime.resolve(case["expr"], zone=case["zone"], now=instant(case["now"])) == case["result"]
    )


@pytest.mark.parametrize("case", load("invalid"))
def test_invalid(case: dict[str, Any]) -> None:
    with pytest.raises(bhtime.BhtimeError) as info:
        bhtime.evaluate(case["expr"], zone=case["zone"], now=instant(case["now"]))
    assert (info.value.code, info.value.pos) == (case["code"], case["pos"])
    if "message" in case:
        assert str(info.value) == case["message"]
