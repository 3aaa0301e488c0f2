"""The command line, run in-process: output, exit codes, stdin, leading '-'."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bhtime import __version__
from bhtime._tz import tzdata_version
from bhtime.cli import main

NOW = ["--now", "2017-04-25T00:41:27.123+0300"]
MOSCOW = ["--zone", "Europe/Moscow", *NOW]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        status = main(argv)
    except SystemExit as exit_:  # argparse's usage errors, --help and --version
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("argv", "printed"),
    [
        (["now -12 hours +1min", *MOSCOW], "2017-04-24T12:42:27.123+0300"),
        (["now", "-12", "hours", "+1min", *MOSCOW], "2017-04-24T12:42:27.123+0300"),
        (["-3h", *MOSCOW], "2017-04-24T21:41:27.123+0300"),
        (["-12 hours", *MOSCOW], "2017-04-24T12:41:27.123+0300"),
        ([*MOSCOW, "--", "-3h"], "2017-04-24T21:41:27.123+0300"),
        (["tomorrow", "14:00", *MOSCOW], "2017-04-26T14:00:00.000+0300"),
        (["now", "--zone", "-05:00", *NOW], "2017-04-24T16:41:27.123-0500"),
        (["now", "--zone=+0530", *NOW], "2017-04-25T03:11:27.123+0530"),
        (["1d 2h", "--style", "smpp-relative", *MOSCOW], "000001020000000R"),
        (["now", "--style", "smpp", *MOSCOW], "170425004127112+"),
    ],
)
def test_resolves_and_prints(
    argv: list[str], printed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(argv, capsys) == (0, printed + "\n", "")


def test_invalid_expression_exits_1_with_a_caret_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(["tomorow 14:00", *MOSCOW], capsys)
    assert (status, out) == (1, "")
    assert err == (
        "bhtime: unknown word 'tomorow' (at column 1)\n"
        "  tomorow 14:00\n"
        "  ^\n"
        "did you mean 'tomorrow'?\n"
    )


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["now", "--zone", "Europe/Mos"], "unknown zone 'Europe/Mos'"),
        (["now", "--now", "yesterday"], "--now takes a timestamp with an offset"),
        (["now", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["now", "--style", "fax"], "invalid choice: 'fax'"),
        ([], "the following arguments are required: EXPR"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(argv, capsys)
    assert (status, out) == (2, "")
    assert complaint in err


def test_version_names_the_tz_database(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--version"], capsys)
    assert (status, out) == (0, f"bhtime {__version__} (tzdata {tzdata_version()})\n")


def test_stdin_mode_prints_one_line_per_line_and_fails_at_the_end(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\n-3h\nbad\n+1d\n"))
    status, out, err = run(["-", *MOSCOW], capsys)
    assert status == 1
    assert out.splitlines() == [
        "2017-04-25T00:41:27.123+0300",
        "2017-04-24T21:41:27.123+0300",
        "error: unknown word 'bad'",
        "2017-04-26T00:41:27.123+0300",
    ]
    assert err.startswith("unknown word 'bad' (at column 1)\n  bad\n  ^")


def test_stdin_mode_all_good_exits_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\r\nnoon\n"))
    status, out, _ = run(["-", *MOSCOW], capsys)
    assert (status, out) == (0, "2017-04-25T00:41:27.123+0300\n2017-04-25T12:00:00.000+0300\n")


def test_json_prints_the_result_or_the_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("3h\n1h30min\n"))
    status, out, _ = run(["-", "--json", *MOSCOW], capsys)
    assert status == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "input": "3h",
        "result": "2017-04-25T03:41:27.123+0300",
        "zone": "Europe/Moscow",
    }
    assert second == {
        "input": "1h30min",
        "error": {
            "code": "glued-modifiers",
            "pos": 2,
            "message": "modifiers without a sign must be separated by whitespace",
            "hint": "write '1h 30min'",
        },
    }


def test_explain_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "tomorrow +1h",
        "--explain",
        "--zone",
        "Europe/Paris",
        "--now",
        "2011-03-26T02:30:00.000+0100",
    ]
    status, out, _ = run(argv, capsys)
    assert status == 0
    assert out.splitlines() == [
        "step      item      value                         how",
        "anchor    tomorrow  2011-03-27T03:30:00.000+0200  today in Europe/Paris + 1 day, at now's "
        "time of day; 2011-03-27 02:30 is skipped in Europe/Paris (gap): moved forward to 03:30 "
        "(+02:00)",
        "modifier  +1h       2011-03-27T04:30:00.000+0200  plus 1 hour on the timeline",
        "result              2011-03-27T04:30:00.000+0200  shown in Europe/Paris",
    ]


def test_disambiguate_option(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["2011-03-27 02:30", "--zone", "Europe/Paris", *NOW]
    assert run([*argv, "--disambiguate", "earlier"], capsys)[1] == "2011-03-27T01:30:00.000+0100\n"
    status, _, err = run([*argv, "--disambiguate", "raise"], capsys)
    assert (status, err.splitlines()[0]) == (
        1,
        "bhtime: 2011-03-27 02:30 does not exist in Europe/Paris: the clocks jump from +01:00 "
        "to +02:00 (at column 1)",
    )


def test_default_zone_is_the_systems(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Kathmandu")
    assert run(["noon", *NOW], capsys)[1] == "2017-04-25T12:00:00.000+0545\n"


@pytest.mark.parametrize(
    "setting", ["CET-1CEST,M3.5.0,M10.5.0/3", "/usr/share/zoneinfo/Europe/Paris", ":Europe/Paris"]
)
def test_tz_in_every_form_libc_takes(
    setting: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", setting)
    argv = ["tomorrow", "--now", "2011-03-26T01:30:00Z"]
    assert run(argv, capsys)[1] == "2011-03-27T03:30:00.000+0200\n"


def test_python_dash_m_is_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bhtime", "-3h", *MOSCOW], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout) == (0, "2017-04-24T21:41:27.123+0300\n")
