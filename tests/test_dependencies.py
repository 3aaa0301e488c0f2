"""What bhtime needs at run time: the installed tz release, reported; a missing extra, named.

tzdata has a lower bound only, so a result follows whichever release is
installed: ``bhtime --version`` and ``bhtime.explain`` say which one. The
optional modules name the pip command that installs what they lack, and the
core (the API and the CLI) runs without python-dateutil.
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys

import pytest
import tzdata  # type: ignore[import-untyped]

import bhtime

MOSCOW_NOW = "2017-04-25T00:41:27.123+0300"


def test_explain_names_the_installed_tz_release() -> None:
    now = bhtime.parse(MOSCOW_NOW).timestamp
    assert now is not None
    explanation = bhtime.explain("tomorrow 14:00", zone="Europe/Moscow", now=now.instant)
    assert re.fullmatch(r"[0-9]{4}[a-z]", explanation.tz_release)
    assert explanation.tz_release == tzdata.IANA_VERSION
    assert explanation.as_dict()["tz_release"] == tzdata.IANA_VERSION


def test_version_names_the_installed_tz_release() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "bhtime", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith(f"bhtime {bhtime.__version__} ")
    assert re.search(rf"\b{tzdata.IANA_VERSION}\b", out.stdout), out.stdout


@pytest.mark.parametrize(
    ("module", "missing", "message"),
    [
        (
            "bhtime.pydantic",
            "pydantic",
            "bhtime.pydantic needs pydantic: pip install 'bhtime[pydantic]'",
        ),
        (
            "bhtime.strategies",
            "hypothesis",
            "bhtime.strategies needs hypothesis: pip install 'bhtime[hypothesis]'",
        ),
    ],
)
def test_a_missing_extra_names_its_pip_command(
    module: str, missing: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes `import missing` fail as if it were not installed
    # (its submodules too); monkeypatch puts the real modules back afterwards.
    for name in [name for name in sys.modules if name.startswith(f"{missing}.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, missing, None)
    monkeypatch.delitem(sys.modules, module, raising=False)
    with pytest.raises(ImportError) as caught:
        importlib.import_module(module)
    assert str(caught.value) == message
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)


# Run in a child process where `import dateutil` fails, as it does where only
# bhtime's own dependencies are installed.
WITHOUT_DATEUTIL = """
import sys
sys.modules["dateutil"] = None
import bhtime, bhtime.gateways
from bhtime.cli import main
print(bhtime.resolve("now -12 hours +1min", zone="Europe/Moscow", now=bhtime.parse(sys.argv[1]).timestamp.instant))
print(bhtime.explain("tomorrow", zone="Europe/Paris").tz_release)
sys.exit(main(["now -12 hours +1min", "--now", sys.argv[1]]))
"""


def test_the_api_and_the_cli_run_without_dateutil() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_DATEUTIL, MOSCOW_NOW],
        capture_output=True,
        text=True,
        # The CLI's default zone, the system's, from TZ as libc reads it.
        env={**os.environ, "TZ": "Europe/Moscow"},
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "2017-04-24T12:42:27.123+0300",
        tzdata.IANA_VERSION,
        "2017-04-24T12:42:27.123+0300",
    ]
