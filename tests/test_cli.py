"""The command line, run in-process: output, exit codes, batch mode, formats, the system zone."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import pytest

from bhtime import __version__, _localzone
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
        "",
        "2017-04-26T00:41:27.123+0300",
    ]
    assert err == "bhtime: line 3: unknown word 'bad' (at column 1)\n  bad\n  ^\n"


def test_stdin_mode_all_good_exits_0(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\r\nnoon\n"))
    status, out, _ = run(["-", *MOSCOW], capsys)
    assert (status, out) == (0, "2017-04-25T00:41:27.123+0300\n2017-04-25T12:00:00.000+0300\n")


def test_stdin_mode_keeps_no_line_read_once_and_keeps_a_line_read_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bhtime import _parse

    _parse._CACHE.clear()
    lines = [f"now +{number}h" for number in range(50)] + ["2011-12-03T10:15:30+01:00"] * 3
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))
    status, out, _ = run(["-", *MOSCOW], capsys)
    assert status == 0 and len(out.splitlines()) == len(lines)
    assert out.splitlines()[-1] == "2011-12-03T13:15:30.000+0400"
    assert all(_parse._CACHE.get(line) is None for line in lines[:50])
    assert _parse._CACHE.get(lines[-1]) is not None  # read again: kept
    _parse._CACHE.clear()


def test_json_prints_the_result_or_the_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("3h\n1h30min\n"))
    status, out, _ = run(["-", "--json", *MOSCOW], capsys)
    assert status == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "line": 1,
        "input": "3h",
        "result": "2017-04-25T03:41:27.123+0300",
        "zone": "Europe/Moscow",
    }
    assert second == {
        "line": 2,
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


# -- batch mode: -f FILE and - ------------------------------------------------

BATCH = "\ufeffnow\n\n-3h\ntomorow\n   \n+1d\n"
BATCH_OUT = [
    "2017-04-25T00:41:27.123+0300",
    "",
    "2017-04-24T21:41:27.123+0300",
    "",
    "",
    "2017-04-26T00:41:27.123+0300",
]
BATCH_ERR = (
    "bhtime: line 4: unknown word 'tomorow' (at column 1)\n"
    "  tomorow\n"
    "  ^\n"
    "did you mean 'tomorrow'?\n"
)


def test_file_mode_keeps_lines_aligned_and_reports_each_error_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "lines.txt"
    source.write_text(BATCH, encoding="utf-8")
    status, out, err = run(["-f", str(source), *MOSCOW], capsys)
    assert (status, out.split("\n")[:-1], err) == (1, BATCH_OUT, BATCH_ERR)


def test_stdin_mode_ignores_a_leading_bom_and_passes_blank_lines_through(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for argv in (["-"], ["-f", "-"], ["--file=-"]):
        monkeypatch.setattr(sys, "stdin", io.StringIO(BATCH))
        status, out, err = run([*argv, *MOSCOW], capsys)
        assert (status, out.split("\n")[:-1], err) == (1, BATCH_OUT, BATCH_ERR)


def test_a_bom_is_ignored_only_at_the_start(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\n\ufeffnow\n"))
    status, _, err = run(["-", *MOSCOW], capsys)
    assert status == 1
    assert err.startswith("bhtime: line 2: the character U+FEFF")


def test_bytes_that_are_not_utf8_are_an_error_of_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes(b"now\n2017-04-25 \xe9\n")
    status, out, err = run(["-f", str(source), *MOSCOW], capsys)
    assert (status, out) == (1, "2017-04-25T00:41:27.123+0300\n\n")
    assert err.startswith("bhtime: line 2: the character U+FFFD")


def test_batch_json_gives_one_object_per_line_blank_lines_included(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\n\nbad\n"))
    status, out, err = run(["-", "--json", *MOSCOW], capsys)
    assert (status, err) == (1, "")
    assert [json.loads(line) for line in out.splitlines()] == [
        {
            "line": 1,
            "input": "now",
            "result": "2017-04-25T00:41:27.123+0300",
            "zone": "Europe/Moscow",
        },
        {"line": 2, "input": "", "result": None},
        {
            "line": 3,
            "input": "bad",
            "error": {
                "code": "unknown-word",
                "pos": 0,
                "message": "unknown word 'bad'",
                "hint": None,
            },
        },
    ]


def test_file_mode_takes_no_expression_and_needs_a_readable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(["-f", str(tmp_path / "missing.txt"), *MOSCOW], capsys)
    assert status == 2
    assert f"-f: cannot read '{tmp_path / 'missing.txt'}': No such file or directory" in err
    status, _, err = run(["-f", "-", "now", *MOSCOW], capsys)
    assert (status, "-f reads the expressions from FILE: give no EXPR with it" in err) == (2, True)


def test_help_says_what_batch_mode_does_with_blank_and_invalid_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(["--help"], capsys)
    text = " ".join(out.split())
    assert status == 0
    assert "a blank line gives a blank line" in text
    assert "an invalid line gives an empty line" in text
    assert "mark at the start is ignored" in text


# -- the zone and --format ------------------------------------------------------


@pytest.mark.parametrize("utc", ["-u", "--utc"])
def test_utc_shortcut(utc: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([utc, "now", *NOW], capsys) == (0, "2017-04-24T21:41:27.123+0000\n", "")


def test_utc_and_a_zone_together_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["-u", "-z", "Europe/Paris", "now"], capsys)
    assert (status, "not allowed with argument -u/--utc" in err) == (2, True)


@pytest.mark.parametrize("argv", [["-z", ""], ["--zone="], ["-z="]])
def test_an_empty_zone_is_an_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["now", *argv, *NOW], capsys)
    assert (status, out) == (2, "")
    assert "bhtime: error: --zone: unknown zone ''" in err


@pytest.mark.parametrize(
    ("fmt", "zone", "printed"),
    [
        ("epoch", "Europe/Moscow", "1493070087"),
        ("epoch-ms", "Asia/Tokyo", "1493070087123"),
        ("iso", "Asia/Kolkata", "2017-04-25T03:11:27.123+05:30"),
        ("iso", "UTC", "2017-04-24T21:41:27.123+00:00"),
        ("%d.%m.%Y %H:%M", "Europe/Moscow", "25.04.2017 00:41"),
        ("%s%%", "UTC", f"{1493070087}%"),
    ],
)
def test_format_prints_the_instant_another_way(
    fmt: str, zone: str, printed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["now", "--format", fmt, "-z", zone, *NOW], capsys) == (0, printed + "\n", "")


def test_epoch_before_1970_counts_down_from_it(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["1969-12-31T23:59:59.500Z", "-u", *NOW]
    assert run([*argv, "--format", "epoch"], capsys)[1] == "-1\n"
    assert run([*argv, "--format", "epoch-ms"], capsys)[1] == "-500\n"


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["--format", "epoch_ms"], "--format takes a strftime pattern (with %) or one of epoch, epoch-ms, iso, not 'epoch_ms'"),
        (["--format", "%d \udce9"], "--format: 'utf-8' codec can't encode character '\\udce9' in position 3: surrogates not allowed"),
        (["--format", "epoch", "--style", "smpp"], "--format and --style smpp both choose the output: give one"),
        (["--format", "iso", "--explain"], "--format and --explain both choose the output: give one"),
        (["--explain", "--style", "smsc"], "--explain shows bhtime's own format, not --style smsc: run without --explain for that style"),
    ],
)  # fmt: skip
def test_outputs_that_cannot_be_combined_are_refused(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["now", *argv, *MOSCOW], capsys)
    assert (status, out) == (2, "")
    assert f"bhtime: error: {complaint}\n" in err


def test_format_applies_to_every_line_of_a_batch(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\n+1s\n"))
    status, out, _ = run(["-", "--format", "epoch", *MOSCOW], capsys)
    assert (status, out) == (0, "1493070087\n1493070088\n")


# -- --json always JSON; hints in the command's words ----------------------------


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            ["--zone", "Europe/Mos"],
            {"code": "unknown-zone", "pos": None, "message": "unknown zone 'Europe/Mos'", "hint": "did you mean 'Europe/Moscow'?", "option": "--zone"},
        ),
        (
            ["--now", "yesterdya"],
            {"code": "unknown-word", "pos": 0, "message": "unknown word 'yesterdya'", "hint": "did you mean 'yesterday'?", "option": "--now"},
        ),
        (["--now", "yesterday"], {"code": "usage", "message": "--now takes a timestamp with an offset, not 'yesterday'"}),
        (["--frobnicate"], {"code": "usage", "message": "unrecognized arguments: --frobnicate"}),
    ],
)  # fmt: skip
def test_json_reports_a_bad_option_as_json(
    argv: list[str], error: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["now", "--json", *argv], capsys)
    assert (status, err) == (2, "")
    assert json.loads(out) == {"error": error}


def test_the_ambiguous_time_hint_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["2011-10-30 02:30", "-z", "Europe/Paris", "--disambiguate", "raise", *NOW]
    status, _, err = run(argv, capsys)
    assert (status, err.splitlines()[-1]) == (
        1,
        "choose --disambiguate earlier, later or compatible",
    )
    status, out, _ = run([*argv, "--json"], capsys)
    assert json.loads(out)["error"]["hint"] == "choose --disambiguate earlier, later or compatible"


def test_explain_with_json_prints_the_steps_as_data(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["tomorrow", "--explain", "--json", "-u", *NOW], capsys)
    assert status == 0
    data = json.loads(out)
    assert (data["result"], [step["step"] for step in data["steps"]]) == (
        "2017-04-25T21:41:27.123+0000",
        ["anchor", "result"],
    )


def test_explain_in_batch_mode_needs_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\n+1h\n"))
    status, _, err = run(["-", "--explain", *MOSCOW], capsys)
    assert (status, "in batch mode add --json" in err) == (2, True)
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\n+1h\n"))
    status, out, _ = run(["-", "--explain", "--json", *MOSCOW], capsys)
    assert status == 0
    assert [json.loads(line)["result"] for line in out.splitlines()] == [
        "2017-04-25T00:41:27.123+0300",
        "2017-04-25T01:41:27.123+0300",
    ]


# -- the system zone, without dateutil --------------------------------------------


@pytest.mark.parametrize(
    ("setting", "shown"), [("", "+0000"), (":", "+0000"), ("Nowhere/Atlantis!", "+0000")]
)
def test_tz_that_names_no_zone_is_utc_as_for_libc(
    setting: str, shown: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", setting)
    assert run(["now", *NOW], capsys)[1] == f"2017-04-24T21:41:27.123{shown}\n"


def test_tz_as_a_tzif_file_outside_any_zoneinfo_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "my-zone"
    copy.write_bytes(resources.files("tzdata.zoneinfo").joinpath("Asia", "Kathmandu").read_bytes())
    monkeypatch.setenv("TZ", str(copy))
    assert run(["noon", *NOW], capsys)[1] == "2017-04-25T12:00:00.000+0545\n"


def _tzif(key: str) -> bytes:
    return resources.files("tzdata.zoneinfo").joinpath(*key.split("/")).read_bytes()


def test_etc_localtime_symlink_names_the_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "zoneinfo" / "Asia" / "Tokyo"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not read: the name is enough")
    link = tmp_path / "localtime"
    link.symlink_to(target)
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(_localzone, "LOCALTIME", link)
    status, out, _ = run(["now", "--json", *NOW], capsys)
    assert (status, json.loads(out)["zone"]) == (0, "Asia/Tokyo")


def test_etc_localtime_contents_are_read_when_it_is_a_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "localtime"
    copy.write_bytes(_tzif("Europe/Paris"))
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(_localzone, "LOCALTIME", copy)
    argv = ["tomorrow", "--now", "2011-03-26T01:30:00Z"]
    assert run(argv, capsys)[1] == "2011-03-27T03:30:00.000+0200\n"


def test_without_tz_or_etc_localtime_libc_gives_the_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(_localzone, "LOCALTIME", tmp_path / "absent")
    # libc, with neither, uses UTC.
    assert run(["now", *NOW], capsys)[1] == "2017-04-24T21:41:27.123+0000\n"


def test_the_command_runs_without_dateutil() -> None:
    hide_dateutil = (
        "import sys; sys.modules['dateutil'] = None; from bhtime.cli import main; "
        "sys.exit(main(['tomorrow', '--now', '2011-03-26T01:30:00Z']))"
    )
    env = {**os.environ, "TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}
    done = subprocess.run(
        [sys.executable, "-c", hide_dateutil], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "2011-03-27T03:30:00.000+0200\n", "")


# -- the installed command ------------------------------------------------------


def _installed_command() -> str | None:
    scripts = Path(sysconfig.get_path("scripts")) / "bhtime"
    return str(scripts) if scripts.is_file() else shutil.which("bhtime")


def test_the_installed_bhtime_command_reads_a_batch() -> None:
    command = _installed_command()
    if command is None:
        pytest.skip("the bhtime command is not installed: pip install -e .")
    done = subprocess.run(
        [command, "-", "-z", "Europe/Moscow", *NOW],
        input="\ufeffnow\n\nbad\n+1d\n".encode(),
        capture_output=True,
    )
    assert done.returncode == 1
    assert done.stdout.decode().split("\n") == [
        "2017-04-25T00:41:27.123+0300",
        "",
        "",
        "2017-04-26T00:41:27.123+0300",
        "",
    ]
    assert done.stderr.decode() == "bhtime: line 3: unknown word 'bad' (at column 1)\n  bad\n  ^\n"


def test_etc_localtime_symlink_outside_a_zoneinfo_folder_is_read_as_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "my-zone"
    target.write_bytes(_tzif("Asia/Kathmandu"))
    link = tmp_path / "localtime"
    link.symlink_to(target)
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(_localzone, "LOCALTIME", link)
    assert run(["noon", *NOW], capsys)[1] == "2017-04-25T12:00:00.000+0545\n"


def test_tz_naming_a_file_that_is_not_tzif_falls_back_to_libc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "junk"
    junk.write_text("not a zone\n")
    monkeypatch.setenv("TZ", str(junk))
    assert run(["now", *NOW], capsys)[1] == "2017-04-24T21:41:27.123+0000\n"


def test_stdin_bytes_that_are_not_utf8_are_an_error_of_their_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfnow\n\xff\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, err = run(["-", *MOSCOW], capsys)
    assert (status, out) == (1, "2017-04-25T00:41:27.123+0300\n\n")
    assert err.startswith("bhtime: line 2: the character U+FFFD")


def test_without_now_the_clock_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    before = datetime.now(timezone.utc).replace(microsecond=0)
    status, out, _ = run(["now", "-u", "--format", "iso"], capsys)
    after = datetime.now(timezone.utc)
    assert status == 0
    assert before <= datetime.fromisoformat(out.strip()) <= after


def test_a_value_copied_from_a_status_callback_is_called_url_encoded(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(["2013-01-20+17%3A50%3A03", *MOSCOW], capsys)
    assert (status, out) == (1, "")
    assert err == (
        "bhtime: the text looks URL-encoded (at column 11)\n"
        "  2013-01-20+17%3A50%3A03\n"
        "            ^\n"
        "decode it first: '2013-01-20 17:50:03'\n"
    )


def test_the_utc_hint_of_a_gateway_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["now", "--style", "smpp", "-z", "+05:50", *NOW], capsys)
    assert (status, err) == (
        1,
        "bhtime: the offset +05:50 is not a whole number of quarter hours, which SMPP absolute "
        "time needs\nthe same instant can be written in UTC: run it with -u\n",
    )


class _ClosedPipe(io.StringIO):
    """A stdout whose reader has gone, as after ``| head -1``."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_stops_early_ends_the_run_quietly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("now\n+1h\n"))
    with capsys.disabled():
        monkeypatch.setattr(sys, "stdout", _ClosedPipe())
        assert main(["-", *MOSCOW]) == 141


def test_the_installed_command_stops_quietly_when_its_reader_does() -> None:
    command = _installed_command()
    if command is None:
        pytest.skip("the bhtime command is not installed: pip install -e .")
    lines = "now\n" * 200_000
    reader = f"{command} - -u --now 2017-04-25T00:41:27Z | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", reader], input=lines, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (
        141,
        "2017-04-25T00:41:27.000+0000\n",
        "",
    )


class _Interrupted(io.StringIO):
    """A terminal where the user pressed Ctrl-C after one line."""

    def __iter__(self) -> _Interrupted:
        return self

    def __next__(self) -> str:
        if self.tell():
            raise KeyboardInterrupt
        return self.readline()


def test_ctrl_c_in_batch_mode_is_exit_status_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Interrupted("now\n+1h\n"))
    assert run(["-", *MOSCOW], capsys) == (130, "2017-04-25T00:41:27.123+0300\n", "")
