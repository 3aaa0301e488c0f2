"""What the fuzz targets check, without atheris: shared by fuzz_bhtime.py,
fuzz_explain.py and the hypothesis fallback in ci.py.

Input layout (every target): byte 0 picks the user zone, byte 1 picks ``now``
(``b % 12``) and the ``disambiguate`` policy (``b // 12 % 4``), the rest is the
expression (UTF-8, undecodable bytes replaced). Seeds in ``fuzz/seeds/`` use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import traceback
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import bhtime

ZONES: list[str | timezone | ZoneInfo] = [
    "UTC",
    "Europe/Moscow",
    "Europe/Paris",  # DST, and LMT +00:09:21 before 1911
    "America/New_York",
    "Australia/Lord_Howe",  # 30-minute DST shift
    "Pacific/Apia",  # skipped 2011-12-30
    "Asia/Kathmandu",  # +05:45
    "America/St_Johns",  # -03:30 with DST
    "Pacific/Chatham",  # +12:45 / +13:45
    "+05:30",
    "-0930",
    "Z",
    timezone(timedelta(hours=-3)),
    ZoneInfo("America/Santiago"),
]

_MOSCOW = timezone(timedelta(hours=3))
NOWS: list[datetime] = [
    datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=_MOSCOW),  # docs/language.md §10
    datetime(2011, 3, 26, 2, 30, tzinfo=ZoneInfo("Europe/Paris")),  # day before a gap
    datetime(2011, 10, 30, 2, 30, fold=0, tzinfo=ZoneInfo("Europe/Paris")),  # in an overlap
    datetime(2011, 10, 30, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Paris")),
    datetime(2011, 4, 2, 12, 0, tzinfo=ZoneInfo("Australia/Lord_Howe")),
    datetime(2011, 12, 29, 23, 59, 59, 999999, tzinfo=ZoneInfo("Pacific/Apia")),
    datetime(2021, 11, 7, 1, 30, fold=1, tzinfo=ZoneInfo("America/New_York")),
    datetime(1, 1, 1, 12, 0, tzinfo=timezone.utc),  # range edges (docs/language.md §8)
    datetime(9999, 12, 31, 12, 0, tzinfo=timezone.utc),
    datetime(1900, 1, 1, 0, 0, tzinfo=timezone.utc),  # LMT era in many zones
    datetime(2038, 1, 19, 3, 14, 8, tzinfo=timezone.utc),
    datetime(2024, 2, 29, 23, 59, 59, 999000, tzinfo=timezone(timedelta(hours=-12))),
]

POLICIES = ("compatible", "earlier", "later", "raise")


class RoundTripError(AssertionError):
    """``resolve(format_instant(result))`` did not give ``format_instant(result)``."""


Zone = str | timezone | ZoneInfo


def decode(data: bytes) -> tuple[str, Zone, datetime, str]:
    """Split fuzzer bytes into (text, zone, now, policy); see the module docstring."""
    zone = ZONES[data[0] % len(ZONES)] if data else ZONES[0]
    pick = data[1] if len(data) > 1 else 0
    now = NOWS[pick % len(NOWS)]
    policy = POLICIES[pick // len(NOWS) % len(POLICIES)]
    text = data[2:].decode("utf-8", "replace")
    return text, zone, now, policy


def check_evaluate(text: str, zone: Zone, now: datetime, policy: str = "compatible") -> None:
    """Raise anything but ``BhtimeError`` for a finding; return quietly otherwise."""
    try:
        expr = bhtime.parse(text)
        result = bhtime.evaluate(expr, zone=zone, now=now, disambiguate=policy)  # type: ignore[arg-type]
    except bhtime.BhtimeError as error:
        str(error)  # the message must render too (caret, hint)
        return
    if not isinstance(result, datetime) or result.utcoffset() is None:
        raise TypeError(f"evaluate returned {result!r}, not an aware datetime")
    shown = bhtime.format_instant(result)
    offset = result.utcoffset()
    assert offset is not None
    if offset % timedelta(minutes=1):
        return  # docs/language.md §7: exact round trip only for whole-minute offsets
    try:
        again = bhtime.resolve(shown, zone=zone, now=now)
    except bhtime.BhtimeError as error:
        raise RoundTripError(f"{shown!r} from {text!r} is rejected: {error}") from error
    if again != shown:
        raise RoundTripError(f"{text!r} -> {shown!r} -> {again!r}")


_MILLISECOND = timedelta(milliseconds=1)


class ExplainError(AssertionError):
    """``explain`` disagrees with ``evaluate``, or its steps with the expression."""


def check_explain(text: str, zone: Zone, now: datetime, policy: str = "compatible") -> None:
    """The second target: explain agrees with evaluate, and the output reads back as the instant.

    - ``explain`` fails exactly when ``evaluate`` does, with the same code and position;
    - otherwise its result is ``evaluate``'s (the same string), its steps are the
      anchor, one step per modifier in order, and the result, each with a note,
      and its table and JSON form render;
    - the output, read back in the same zone with the same ``now``, is the same
      instant truncated to the millisecond, whenever the offset is whole minutes.
    """
    try:
        expected = bhtime.evaluate(text, zone=zone, now=now, disambiguate=policy)  # type: ignore[arg-type]
    except bhtime.BhtimeError as error:
        try:
            bhtime.explain(text, zone=zone, now=now, disambiguate=policy)  # type: ignore[arg-type]
        except bhtime.BhtimeError as again:
            if (again.code, again.pos) != (error.code, error.pos):
                raise ExplainError(
                    f"{text!r}: evaluate fails with {error.code}@{error.pos}, "
                    f"explain with {again.code}@{again.pos}"
                ) from again
            return
        raise ExplainError(f"{text!r}: evaluate fails ({error.code}), explain does not") from error
    explanation = bhtime.explain(text, zone=zone, now=now, disambiguate=policy)  # type: ignore[arg-type]
    shown = bhtime.format_instant(expected)
    if bhtime.format_instant(explanation.result) != shown:
        raise ExplainError(f"{text!r}: evaluate gives {shown}, explain {explanation.result}")
    _check_steps(explanation, shown)
    offset = expected.utcoffset()
    assert offset is not None
    if offset % timedelta(minutes=1):
        return  # docs/language.md §7: the output drops an offset's seconds
    back = bhtime.evaluate(shown, zone=zone, now=now)
    truncated = expected - timedelta(microseconds=expected.microsecond % 1000)
    if back != truncated:
        raise RoundTripError(f"{text!r} -> {shown!r} reads back as {back.isoformat()}")


def _check_steps(explanation: bhtime.Explanation, shown: str) -> None:
    expression, steps = explanation.expression, explanation.steps
    kinds = [step.kind for step in steps]
    expected_kinds = ["anchor", *["modifier"] * len(expression.modifiers), "result"]
    if kinds != expected_kinds:
        raise ExplainError(f"{expression.text!r}: steps {kinds}, expected {expected_kinds}")
    modifier_items = [step.items for step in steps if step.kind == "modifier"]
    if modifier_items != [(m,) for m in expression.modifiers]:
        raise ExplainError(f"{expression.text!r}: modifier steps out of order")
    if len(explanation.notes) != len(steps) or not all(explanation.notes):
        raise ExplainError(f"{expression.text!r}: a step has no note")
    if any(step.after.utcoffset() is None for step in steps):
        raise ExplainError(f"{expression.text!r}: a step's value is not aware")
    data = explanation.as_dict()
    if data["result"] != shown or data["steps"][-1]["value"] != shown:
        raise ExplainError(f"{expression.text!r}: as_dict gives {data['result']}, not {shown}")
    json.dumps(data)
    str(explanation)


FINDINGS_DIR = Path(__file__).resolve().parent / "findings"
KEEP_GOING = os.environ.get("BHTIME_FUZZ_KEEP_GOING") == "1"


def record(data: bytes, error: BaseException) -> None:
    """Keep one file per distinct (exception type, innermost bhtime frame)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "bhtime" in f.filename or "lark" in f.filename] or frames
    site = f"{type(error).__name__}@{ours[-1].filename}:{ours[-1].lineno}" if ours else "?"
    key = hashlib.sha1(site.encode()).hexdigest()[:12]
    FINDINGS_DIR.mkdir(exist_ok=True)
    path = FINDINGS_DIR / f"{key}.json"
    if path.exists():
        return
    text, zone, now, policy = decode(data)
    path.write_text(
        json.dumps(
            {
                "site": site,
                "text": text,
                "zone": str(zone),
                "now": now.isoformat(),
                "now_tz": str(now.tzinfo),
                "disambiguate": policy,
                "data_hex": data.hex(),
                "traceback": "".join(traceback.format_exception(error)),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"\n=== new finding {site}: {text!r} {zone=!s} {now=!s} {policy=}", file=sys.stderr)
