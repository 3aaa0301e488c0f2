"""The README stays short, keeps its two commands, and links only to files that exist.

Its examples run with the docs' (tests/test_docs.py); the install command is
run from a clean virtual environment by the packaging tests, and the test
command by ``.ci/run``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

INSTALL_AND_RUN = (
    "python3 -m venv .venv && .venv/bin/pip install . && "
    '.venv/bin/bhtime "tomorrow 14:00" --zone Europe/Moscow'
)
TEST = 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest'


@pytest.mark.parametrize("command", [INSTALL_AND_RUN, TEST], ids=["install", "test"])
def test_readme_keeps_its_command(command: str) -> None:
    assert f"\n{command}\n" in README


def test_readme_is_short() -> None:
    """The reference lives in docs/; the README says what bhtime is and where to read on,
    and shows the benchmark's targets as three runs printed them (one row each)."""
    assert len(README.splitlines()) <= 115


def test_readme_links_resolve() -> None:
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README)
    assert "docs/language.md" in links
    for link in links:
        if not link.startswith(("http://", "https://")):
            assert (ROOT / link).exists(), f"README links to {link}, which does not exist"
