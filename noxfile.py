"""The test suite on every supported Python, at the tzdata floor, and the packaging tests.

    nox --error-on-missing-interpreters        # every session, as .ci/run does
    nox -s tests-3.12                          # one Python
    nox -s tzdata_floor                        # the oldest tzdata bhtime allows
    nox -s packaging                           # build, twine check, install in new venvs

nox looks for ``python3.10`` ... ``python3.13`` on PATH; .ci/run puts pyenv's
(or uv's) interpreters there. Without ``--error-on-missing-interpreters`` a
missing one is skipped, which CI must never do.
"""

from __future__ import annotations

from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
"""Every Python that ``requires-python`` admits and that bhtime is tested on."""

nox.options.sessions = ["tests", "tzdata_floor", "packaging"]
nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = False


PROJECT = nox.project.load_toml(ROOT / "pyproject.toml")["project"]


def tzdata_floor() -> str:
    """The lower bound of tzdata in ``dependencies``, as pyproject.toml states it."""
    (requirement,) = (dep for dep in PROJECT["dependencies"] if dep.startswith("tzdata"))
    name, _, floor = requirement.partition(">=")
    if name != "tzdata" or not floor or "," in floor:
        raise ValueError(f"tzdata needs a lower bound only, not {requirement!r}")
    return floor


def _pytest(session: nox.Session, *args: str) -> None:
    # CI=true (set by .ci/run) selects hypothesis's 2,000-example profile.
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", *args, *session.posargs)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole suite with every extra the tests exercise."""
    session.install("-e", ".[test-all]")
    _pytest(session)


@nox.session(name="tzdata_floor", python=PYTHONS[0])
def floor_tests(session: nox.Session) -> None:
    """The whole suite on the oldest Python with the oldest tzdata that pyproject allows."""
    floor = tzdata_floor()
    session.install("-e", ".[test-all]", f"tzdata=={floor}")
    session.run(
        "python", "-c", f"import tzdata; assert tzdata.__version__ == {floor!r}, tzdata.__version__"
    )
    _pytest(session)


@nox.session(python=PYTHONS[-1])
def packaging(session: nox.Session) -> None:
    """tests/test_packaging.py: sdist and wheel built, checked, installed outside the checkout."""
    # tests/conftest.py imports hypothesis; bhtime itself is built and
    # installed by the tests, in venvs of their own.
    session.install(*PROJECT["optional-dependencies"]["test"], "build>=1.2", "twine>=5")
    _pytest(session, "-v", "-m", "packaging", "tests/test_packaging.py")
