"""The ``bhtime`` command: resolve expressions from the command line or stdin.

Exit status: 0 when every expression resolved, 1 when one was invalid (its
error, with a caret, goes to stderr), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import Any, TextIO

from . import __version__
from ._errors import BhtimeError
from ._evaluate import evaluate
from ._explain import explain
from ._format import format_instant
from ._parse import parse
from ._tz import POLICIES, Policy, tzdata_version, user_zone, zone_keys

__all__ = ["main"]

STYLES = ("bytehand", "smpp", "smpp-relative", "smsc")
_VALUE_OPTIONS = ("--zone", "-z", "--now", "--disambiguate", "--style")
_FLAG_OPTIONS = ("-h", "--help", "--version", "--explain", "--json")
_STDIN = "-"


class _UsageError(Exception):
    """A command line that asks for something impossible; exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(_options_first(list(sys.argv[1:] if argv is None else argv)))
    try:
        zone = user_zone(args.zone) if args.zone else _system_zone()
        now = _read_now_option(args.now)
    except BhtimeError as error:
        parser.error(error.message + (f"; {error.hint}" if error.hint else ""))
    except _UsageError as error:
        parser.error(str(error))
    if args.expression == [_STDIN]:
        return _run_stdin(args, zone, now, sys.stdin, sys.stdout, sys.stderr)
    text = " ".join(args.expression)
    return 0 if _run_one(args, text, zone, now, sys.stdout, sys.stderr) else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bhtime",
        description="Resolve a Bytehand date-time expression, such as 'now -12 hours +1min'.",
        epilog="An expression may start with '-' (bhtime -3h). "
        "With '-' alone, read one expression per line from stdin.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "expression", nargs="+", metavar="EXPR", help="the expression, or '-' to read stdin"
    )
    parser.add_argument(
        "-z", "--zone", help="the user zone: IANA name, UTC, +05:30 (default: the system's)"
    )
    parser.add_argument("--now", metavar="TIMESTAMP", help="the current instant, with an offset")
    parser.add_argument(
        "--disambiguate",
        choices=POLICIES,
        default="compatible",
        help="how a local time in a DST gap or overlap is placed (default: compatible, SPEC §6)",
    )
    parser.add_argument("--style", choices=STYLES, default="bytehand", help="output format")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--explain", action="store_true", help="show each step of the evaluation")
    output.add_argument("--json", action="store_true", help="print one JSON object per expression")
    parser.add_argument(
        "--version", action="version", version=f"bhtime {__version__} (tzdata {tzdata_version()})"
    )
    return parser


def _options_first(argv: list[str]) -> list[str]:
    """Options, then ``--``, then the expression's words, so '-3h' is never an option."""
    options: list[str] = []
    words: list[str] = []
    rest = iter(argv)
    for arg in rest:
        name = arg.split("=", 1)[0]
        if arg == "--":
            words.extend(rest)
        elif name in _VALUE_OPTIONS and "=" not in arg:
            # Joined, so that a value such as '-05:00' is not taken for an option.
            value = next(rest, None)
            options.append(arg if value is None else f"{arg}={value}")
        elif name in _VALUE_OPTIONS:
            options.append(arg)
        elif arg in _FLAG_OPTIONS or (arg.startswith("--") and len(arg) > 2):
            options.append(arg)  # an unknown --option is argparse's to reject
        else:
            words.append(arg)
    return [*options, "--", *words]


def _system_zone() -> tzinfo:
    """The machine's zone, by its IANA name where it has one, so that tzdata's rules apply.

    As libc does: ``TZ`` when set (a name, a file path or a POSIX rule), else
    ``/etc/localtime``.
    """
    setting = os.environ.get("TZ")
    if setting is not None:
        name = setting.lstrip(":") or "UTC"
        key = _zone_key(name)
        if key:
            return user_zone(key)
        from dateutil import tz  # noqa: PLC0415 - only for a zone with no IANA name

        rule = tz.gettz(name)
        return user_zone(rule if rule is not None else tz.tzlocal())
    key = _zone_key(os.path.realpath("/etc/localtime"))
    if key:
        return user_zone(key)
    from dateutil import tz  # noqa: PLC0415

    return user_zone(tz.tzlocal())


def _zone_key(name: str) -> str | None:
    """``name`` as an IANA key: itself, or the part of a path after ``zoneinfo/``."""
    if name in zone_keys():
        return name
    if "/zoneinfo/" in name:
        key = name.split("/zoneinfo/", 1)[1]
        return key if key in zone_keys() else None
    return None


def _read_now_option(value: str | None) -> datetime | None:
    if value is None:
        return None
    expression = parse(value)
    stamp = expression.timestamp
    if stamp is None or stamp.instant is None or len(expression.items) != 1:
        raise _UsageError(f"--now takes a timestamp with an offset, not {value!r}")
    return stamp.instant


def _run_stdin(
    args: argparse.Namespace,
    zone: tzinfo,
    now: datetime | None,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    # One clock reading for the whole batch, so its lines agree with each other.
    now = now or datetime.now().astimezone()
    failed = False
    for line in stdin:
        text = line.rstrip("\r\n")
        failed |= not _run_one(args, text, zone, now, stdout, stderr)
    return 1 if failed else 0


def _run_one(
    args: argparse.Namespace,
    text: str,
    zone: tzinfo,
    now: datetime | None,
    stdout: TextIO,
    stderr: TextIO,
) -> bool:
    """Resolve one expression and print it; False when it was invalid."""
    try:
        output = _render(args, text, zone, now)
    except BhtimeError as error:
        if args.json:
            print(json.dumps({"input": text, "error": _error_data(error)}), file=stdout)
        elif args.expression == [_STDIN]:
            print(f"error: {error.message}", file=stdout)
            print(error, file=stderr)
        else:
            print(f"bhtime: {error}", file=stderr)
        return False
    print(output, file=stdout)
    return True


def _render(args: argparse.Namespace, text: str, zone: tzinfo, now: datetime | None) -> str:
    policy: Policy = args.disambiguate
    if args.explain:
        return str(explain(text, zone=zone, now=now, disambiguate=policy))
    expression = parse(text)
    moment = (
        None
        if args.style == "smpp-relative"
        else evaluate(expression, zone=zone, now=now, disambiguate=policy)
    )
    if args.style == "bytehand":
        assert moment is not None
        result = format_instant(moment)
    else:
        from .gateways import render  # noqa: PLC0415 - only for the gateway styles

        result = render(args.style, moment=moment, expression=expression)
    if args.json:
        data: dict[str, Any] = {"input": text, "result": result, "zone": str(zone)}
        return json.dumps(data)
    return result


def _error_data(error: BhtimeError) -> dict[str, Any]:
    return {"code": error.code, "pos": error.pos, "message": error.message, "hint": error.hint}
