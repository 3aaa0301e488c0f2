"""The ``bhtime`` command: resolve expressions from the command line, a file or stdin.

Exit status: 0 when every expression resolved, 1 when one was invalid (its
error, with a caret, goes to stderr), 2 on a usage error, 130 when interrupted,
141 when the reader of the output went away first.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta, tzinfo

from . import __version__
from ._errors import BhtimeError, error
from ._evaluate import read_now, run
from ._format import format_instant
from ._parse import parse
from ._tz import POLICIES, UTC, tzdata_version, user_zone

# argparse (and the gettext and shutil it imports), json, contextlib, typing,
# explain and the system zone are imported where they are used: the common
# command, `bhtime EXPR -z ZONE`, needs none of them (see _quick_arguments).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterable, Sequence
    from contextlib import AbstractContextManager
    from typing import Any, NoReturn, TextIO

    from ._errors import HintId
    from ._tz import Policy

    Render = Callable[[str], str]
    JsonRender = Callable[[str], dict[str, Any]]

__all__ = ["main"]

STYLES = ("bytehand", "smpp", "smpp-relative", "smsc")
FORMAT_NAMES = ("epoch", "epoch-ms", "iso")
_VALUE_OPTIONS = ("--zone", "-z", "--now", "--disambiguate", "--style", "--format", "-f", "--file")
_FLAG_OPTIONS = ("-h", "--help", "--version", "--explain", "--json", "-u", "--utc")
_STDIN = "-"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)
_MILLISECOND = timedelta(milliseconds=1)
# The hints that name a Python argument, and the same hints in the command's words.
_CLI_HINTS: dict[str | None, HintId] = {
    "hint.disambiguate": "hint.disambiguate-option",
    "hint.in-utc": "hint.in-utc-option",
}


class _UsageError(Exception):
    """A command line that asks for something impossible; exit status 2.

    ``error`` is the library's error about the value of ``option``, if any.
    """

    def __init__(
        self, message: str, option: str | None = None, error: BhtimeError | None = None
    ) -> None:
        super().__init__(message)
        self.option = option
        self.error = error


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    quick = _quick_arguments(arguments)
    if quick is not None:
        return _run(None, quick)  # type: ignore[arg-type]  # read as argparse reads them
    parser = _parser()
    parser.json_errors = "--json" in arguments
    args = parser.parse_args(_options_first(arguments))
    return _run(parser, args)


def _run(parser: _Parser | None, args: argparse.Namespace) -> int:
    """The command, once its arguments are read (``parser`` is None on the quick path)."""
    try:
        _check_combination(args)
        zone = _zone_option(args)
        # One clock reading for the whole run, so that a batch's lines agree.
        now = _now_option(args.now) or datetime.now(UTC)
        emit = _emitter(args, zone, now)
        batch = _open_batch(args)
    except _UsageError as problem:
        # argparse prints the usage: made now on the quick path, as the full path made it.
        return _usage_failure(parser or _parser(), args, problem)
    try:
        if batch is None:
            return _run_one(args, " ".join(args.expression), emit)
        with batch as lines:
            return _run_batch(args, lines, emit, sys.stdout, sys.stderr)
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:  # Ctrl-C while reading a terminal: a status, not a traceback
        return 130


# -- the quick path -----------------------------------------------------------
#
# Most runs are `bhtime EXPR [-z ZONE] [--now T]`. Importing argparse costs
# such a run more than all the rest of it, so those arguments are read here,
# into what argparse would give (tests/test_fast_paths.py compares the two),
# and anything else (help, other options, a word argparse might take for an
# option) goes to argparse; a usage error found later is printed by argparse.

_QUICK_OPTIONS = {"-z": "zone", "--zone": "zone", "--now": "now"}
_DEFAULTS = {
    "file": None, "zone": None, "utc": False, "now": None, "disambiguate": "compatible",
    "style": "bytehand", "format": None, "explain": False, "json": False,
}  # fmt: skip


class _Arguments:
    """What argparse's Namespace holds, for the quick path."""

    def __init__(self, expression: list[str], values: dict[str, object]) -> None:
        self.expression = expression
        self.__dict__.update(_DEFAULTS)
        self.__dict__.update(values)


def _quick_arguments(argv: list[str]) -> _Arguments | None:
    """The arguments of `EXPR... [-z ZONE] [--now T]`, each option once; else None."""
    words: list[str] = []
    values: dict[str, object] = {}
    rest = iter(argv)
    for arg in rest:
        if not arg.startswith("-"):
            words.append(arg)
            continue
        name = _QUICK_OPTIONS.get(arg)
        value = next(rest, None)
        if name is None or name in values or value is None or value.startswith("-"):
            return None  # argparse's: another option, a repeat, a missing or dashed value
        values[name] = value
    if not words or words == [_STDIN]:
        return None
    return _Arguments(words, values)


def _reader_gone() -> int:
    """The reader closed the output (``bhtime - < lines | head``): stop quietly, as date does.

    stdout is pointed at /dev/null, so that the interpreter's last flush of what
    is still buffered finds no closed pipe either. The status is a shell's for a
    command that SIGPIPE ended.
    """
    import contextlib  # noqa: PLC0415 - see the imports

    with contextlib.suppress(OSError, ValueError), open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), sys.stdout.fileno())
    return 141


def _parser() -> _Parser:
    parser = _parser_class()(
        prog="bhtime",
        description="Resolve a Bytehand date-time expression, such as 'now -12 hours +1min'.",
        epilog="An expression may start with '-' (bhtime -3h). "
        "With '-' alone or -f FILE, read one expression per line: each line gives one "
        "output line, a blank line gives a blank line, an invalid line gives an empty line "
        "(its error goes to stderr as 'line N: ...'), and the exit status is 1 if any was "
        "invalid. A UTF-8 byte-order mark at the start is ignored.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "expression", nargs="*", metavar="EXPR", help="the expression, or '-' to read stdin"
    )
    parser.add_argument(
        "-f", "--file", metavar="FILE", help="read one expression per line from FILE ('-': stdin)"
    )
    zones = parser.add_mutually_exclusive_group()
    zones.add_argument(
        "-z", "--zone", help="the user zone: IANA name, UTC, +05:30 (default: the system's)"
    )
    zones.add_argument("-u", "--utc", action="store_true", help="the user zone is UTC")
    parser.add_argument("--now", metavar="TIMESTAMP", help="the current instant, with an offset")
    parser.add_argument(
        "--disambiguate",
        choices=POLICIES,
        default="compatible",
        help="how the anchor's local time is placed in a DST gap or overlap: compatible "
        "(the default: a gap moves forward, an overlap takes the earlier offset), earlier, "
        "later, or raise (an error)",
    )
    parser.add_argument("--style", choices=STYLES, default="bytehand", help="output format")
    parser.add_argument(
        "--format",
        metavar="FORMAT",
        help="print the instant another way: a strftime pattern such as '%%Y-%%m-%%d %%H:%%M', "
        "or epoch (Unix seconds), epoch-ms (milliseconds), iso (ISO 8601, offset with a colon)",
    )
    parser.add_argument(
        "--explain", action="store_true", help="show each step of the evaluation (JSON with --json)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per expression")
    parser.add_argument(
        "--version", action="version", version=f"bhtime {__version__} (tzdata {tzdata_version()})"
    )
    return parser


if TYPE_CHECKING:

    class _Parser(argparse.ArgumentParser):
        json_errors: bool


def _parser_class() -> type[_Parser]:
    import argparse  # noqa: PLC0415 - see the imports

    class _Parser(argparse.ArgumentParser):
        """argparse, whose usage errors are JSON too when ``--json`` was asked for."""

        json_errors = False

        def error(self, message: str) -> NoReturn:
            if self.json_errors:
                import json  # noqa: PLC0415 - see the imports

                print(json.dumps({"error": {"code": "usage", "message": message}}))
                sys.exit(2)
            super().error(message)

    return _Parser  # type: ignore[return-value]  # the one TYPE_CHECKING declares


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


# -- what the options ask for -------------------------------------------------


def _check_combination(args: argparse.Namespace) -> None:
    if args.file is not None and args.expression:
        raise _UsageError("-f reads the expressions from FILE: give no EXPR with it")
    if args.file is None and not args.expression:
        raise _UsageError("the following arguments are required: EXPR")
    if args.explain and args.style != "bytehand":
        raise _UsageError(
            f"--explain shows bhtime's own format, not --style {args.style}: "
            "run without --explain for that style"
        )
    if args.format is not None and (args.explain or args.style != "bytehand"):
        other = "--explain" if args.explain else f"--style {args.style}"
        raise _UsageError(f"--format and {other} both choose the output: give one")
    if args.explain and not args.json and _is_batch(args):
        raise _UsageError("--explain prints several lines per expression: in batch mode add --json")


def _is_batch(args: argparse.Namespace) -> bool:
    return args.file is not None or args.expression == [_STDIN]


def _zone_option(args: argparse.Namespace) -> str | tzinfo:
    if args.utc:
        return "UTC"
    if args.zone is None:
        from ._localzone import system_zone  # noqa: PLC0415 - see the imports

        return system_zone()
    try:
        user_zone(args.zone)
    except BhtimeError as problem:
        raise _UsageError(f"--zone: {_one_line(problem)}", "--zone", problem) from None
    zone: str = args.zone  # as written: a name is looked up once, then from a cache
    return zone


def _now_option(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        expression = parse(value)
    except BhtimeError as problem:
        raise _UsageError(f"--now: {_one_line(problem)}", "--now", problem) from None
    stamp = expression.timestamp
    if stamp is None or stamp.instant is None or len(expression.items) != 1:
        raise _UsageError(f"--now takes a timestamp with an offset, not {value!r}")
    return read_now(stamp.instant)


def _open_batch(args: argparse.Namespace) -> AbstractContextManager[Iterable[str]] | None:
    """The lines to read in batch mode (``-``, ``-f FILE``); None for one expression."""
    if not _is_batch(args):
        return None
    import contextlib  # noqa: PLC0415 - see the imports

    name = _STDIN if args.file is None else args.file
    if name == _STDIN:
        stdin = sys.stdin
        if hasattr(stdin, "reconfigure"):
            # A byte that is not UTF-8 becomes U+FFFD: an error for its line, not a traceback.
            stdin.reconfigure(errors="replace")
        return contextlib.nullcontext(stdin)  # not closed: it is the process's
    try:
        return open(name, encoding="utf-8-sig", errors="replace")
    except OSError as failure:
        raise _UsageError(f"-f: cannot read {name!r}: {failure.strerror}") from None


# -- rendering ------------------------------------------------------------------


def _emitter(args: argparse.Namespace, zone: str | tzinfo, now: datetime) -> JsonRender | Render:
    """What one expression prints (a JSON object with --json), chosen once for the run."""
    policy: Policy = args.disambiguate
    if args.explain:
        from ._explain import explain  # noqa: PLC0415 - see the imports
    if args.explain and args.json:
        return lambda text: explain(text, zone=zone, now=now, disambiguate=policy).as_dict()
    if args.explain:
        return lambda text: str(explain(text, zone=zone, now=now, disambiguate=policy))
    render = _renderer(args, zone, now, policy)
    if not args.json:
        return render
    shown_zone = str(user_zone(zone))
    return lambda text: {"input": text, "result": render(text), "zone": shown_zone}


def _renderer(
    args: argparse.Namespace, zone: str | tzinfo, now: datetime, policy: Policy
) -> Render:
    """The function from one expression to its result's text."""
    if args.style == "bytehand":
        write = _writer(args.format)

        # run parses the text as parse does: a batch's lines are mostly
        # distinct, and the cache keeps a line only when it is read again.
        def render(text: str) -> str:
            return write(run(text, zone=zone, now=now, disambiguate=policy, steps=None))

        return render
    return _gateway_renderer(args.style, zone, now, policy)


def _writer(pattern: str | None) -> Callable[[datetime], str]:
    """``--format``: how an instant is printed."""
    if pattern is None:
        return format_instant
    if pattern == "epoch":
        return lambda moment: str((moment - _EPOCH) // _SECOND)
    if pattern == "epoch-ms":
        return lambda moment: str((moment - _EPOCH) // _MILLISECOND)
    if pattern == "iso":
        return lambda moment: moment.isoformat(timespec="milliseconds")
    if "%" not in pattern:
        raise _UsageError(
            f"--format takes a strftime pattern (with %) or one of {', '.join(FORMAT_NAMES)}, "
            f"not {pattern!r}"
        )
    try:
        _EPOCH.strftime(pattern)
    except ValueError as failure:
        raise _UsageError(f"--format: {failure}") from None
    return lambda moment: moment.strftime(pattern)


def _gateway_renderer(style: str, zone: str | tzinfo, now: datetime, policy: Policy) -> Render:
    from .gateways import render as gateway  # noqa: PLC0415 - only for the gateway styles

    def render(text: str) -> str:
        expression = parse(text)
        moment = (
            None
            if style == "smpp-relative"
            else run(expression, zone=zone, now=now, disambiguate=policy, steps=None)
        )
        return gateway(style, moment=moment, expression=expression)

    return render


# -- running ----------------------------------------------------------------------


def _run_one(args: argparse.Namespace, text: str, emit: JsonRender | Render) -> int:
    try:
        output = emit(text)
    except BhtimeError as problem:
        if args.json:
            import json  # noqa: PLC0415 - see the imports

            print(json.dumps({"input": text, "error": _error_data(problem)}))
        else:
            print(f"bhtime: {_for_the_cli(problem)}", file=sys.stderr)
        return 1
    if not isinstance(output, str):
        import json  # noqa: PLC0415 - see the imports

        output = json.dumps(output)
    print(output)
    return 0


def _run_batch(
    args: argparse.Namespace,
    lines: Iterable[str],
    emit: JsonRender | Render,
    out: TextIO,
    err: TextIO,
) -> int:
    """One output line per input line; errors once each on ``err``, with their line number."""
    failed = False
    write = out.write
    for number, line in enumerate(lines, 1):
        text = line.rstrip("\r\n")
        if number == 1:
            text = text.removeprefix("\ufeff")
        if not text.strip():
            write(_json_line(number, {"input": text, "result": None}) if args.json else "\n")
            continue
        try:
            output = emit(text)
        except BhtimeError as problem:
            failed = True
            if args.json:
                write(_json_line(number, {"input": text, "error": _error_data(problem)}))
            else:
                write("\n")  # the output stays aligned with the input
                err.write(f"bhtime: line {number}: {_for_the_cli(problem)}\n")
            continue
        write(output + "\n" if isinstance(output, str) else _json_line(number, output))
    return 1 if failed else 0


def _json_line(number: int, data: dict[str, Any]) -> str:
    import json  # noqa: PLC0415 - see the imports

    return json.dumps({"line": number, **data}) + "\n"


def _for_the_cli(problem: BhtimeError) -> BhtimeError:
    """``problem`` with a hint that names the command's options, not Python arguments."""
    hint = _CLI_HINTS.get(problem._hint_id)
    if hint is None:
        return problem
    return error(
        problem.code,
        problem._message_id,  # type: ignore[arg-type]  # an id from the catalogue
        text=problem.text,
        pos=problem.pos,
        end=problem.end,
        hint=hint,
        **problem.params,
    )


def _one_line(problem: BhtimeError) -> str:
    shown = _for_the_cli(problem)
    return shown.message + (f"; {shown.hint}" if shown.hint else "")


def _error_data(problem: BhtimeError) -> dict[str, Any]:
    shown = _for_the_cli(problem)
    return {"code": shown.code, "pos": shown.pos, "message": shown.message, "hint": shown.hint}


def _usage_failure(parser: _Parser, args: argparse.Namespace, problem: _UsageError) -> int:
    if not args.json:
        parser.error(str(problem))
    data: dict[str, Any] = {"code": "usage", "message": str(problem)}
    if problem.error is not None:
        data = {**_error_data(problem.error), "option": problem.option}
    import json  # noqa: PLC0415 - see the imports

    print(json.dumps({"error": data}))
    return 2
