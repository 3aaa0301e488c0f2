"""atheris fuzz target for ``bhtime.parse`` + ``bhtime.evaluate`` (SPEC §7, §8).

Input layout: byte 0 picks the user zone, byte 1 picks ``now`` (``b % 12``) and
the ``disambiguate`` policy (``b // 12 % 4``), the rest is the expression (UTF-8,
undecodable bytes replaced). Seeds in ``fuzz/seeds/`` use it.

Checked for every input:
- only ``bhtime.BhtimeError`` escapes ``parse`` and ``evaluate`` (SPEC §8);
- a result is an aware datetime and ``format_instant`` accepts it;
- the output read back as an expression, in the same zone with the same ``now``,
  gives the same string, whenever the result's offset is a whole number of
  minutes (SPEC §7).

Run (one core): see fuzz/README.md. With ``BHTIME_FUZZ_KEEP_GOING=1`` a finding
is written to ``fuzz/findings/`` (one file per distinct exception site) and the
run goes on, so one long run reports every kind of finding, not just the first.
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

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["bhtime", "lark"]):
    # lark and bhtime's lazily imported modules are instrumented too, for coverage feedback.
    import lark  # noqa: F401

    import bhtime
    import bhtime._grammar
    import bhtime._items

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
    datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=_MOSCOW),  # SPEC §10
    datetime(2011, 3, 26, 2, 30, tzinfo=ZoneInfo("Europe/Paris")),  # day before a gap
    datetime(2011, 10, 30, 2, 30, fold=0, tzinfo=ZoneInfo("Europe/Paris")),  # in an overlap
    datetime(2011, 10, 30, 2, 30, fold=1, tzinfo=ZoneInfo("Europe/Paris")),
    datetime(2011, 4, 2, 12, 0, tzinfo=ZoneInfo("Australia/Lord_Howe")),
    datetime(2011, 12, 29, 23, 59, 59, 999999, tzinfo=ZoneInfo("Pacific/Apia")),
    datetime(2021, 11, 7, 1, 30, fold=1, tzinfo=ZoneInfo("America/New_York")),
    datetime(1, 1, 1, 12, 0, tzinfo=timezone.utc),  # range edges (SPEC §8)
    datetime(9999, 12, 31, 12, 0, tzinfo=timezone.utc),
    datetime(1900, 1, 1, 0, 0, tzinfo=timezone.utc),  # LMT era in many zones
    datetime(2038, 1, 19, 3, 14, 8, tzinfo=timezone.utc),
    datetime(2024, 2, 29, 23, 59, 59, 999000, tzinfo=timezone(timedelta(hours=-12))),
]

POLICIES = ("compatible", "earlier", "later", "raise")

FINDINGS_DIR = Path(__file__).resolve().parent / "findings"
KEEP_GOING = os.environ.get("BHTIME_FUZZ_KEEP_GOING") == "1"


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


def check(text: str, zone: Zone, now: datetime, policy: str = "compatible") -> None:
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
        return  # SPEC §7: exact round trip only for whole-minute offsets
    try:
        again = bhtime.resolve(shown, zone=zone, now=now)
    except bhtime.BhtimeError as error:
        raise RoundTripError(f"{shown!r} from {text!r} is rejected: {error}") from error
    if again != shown:
        raise RoundTripError(f"{text!r} -> {shown!r} -> {again!r}")


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


def test_one_input(data: bytes) -> None:
    text, zone, now, policy = decode(data)
    try:
        check(text, zone, now, policy)
    except Exception as error:
        if not KEEP_GOING:
            raise
        record(data, error)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
