"""Every example in the documentation runs, so none can drift from what bhtime prints.

Three kinds of example are checked:

- ``pycon`` blocks (and ``python`` blocks holding ``>>>``) in ``docs/**/*.md`` and
  ``README.md`` run as doctests, one namespace per page, with ``ELLIPSIS`` only:
  whitespace is compared exactly, since the caret under an error must line up;
- ``console`` blocks run each ``$ bhtime ...`` line in a shell, with the
  installed ``bhtime`` command (or ``python -m bhtime`` where none is
  installed), and compare what it prints, stdout and stderr together;
- the docstring examples of every module of the ``bhtime`` package.

A page whose examples need an extra says so with an HTML comment, such as
``<!-- doctest: requires pydantic -->``; without that package it is skipped
with the ``pip install`` that brings it.

The error pages are checked too: every code bhtime can raise has a page
``docs/errors/<code>.md``, listed in the site's navigation and on the errors
index, whose example raises that code.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import bhtime

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ERROR_PAGES = DOCS / "errors"
PAGES = sorted([*DOCS.rglob("*.md"), ROOT / "README.md"])
FLAGS = doctest.ELLIPSIS

# A fenced block: its info string and its body. Fences may be indented (in a list).
_FENCE = re.compile(
    r"^(?P<indent>[ ]*)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ ]*$", re.M | re.S
)
_REQUIRES = re.compile(r"<!--\s*doctest:\s*requires\s+(?P<modules>[\w. ,]+?)\s*-->")
# Which extra brings a module a page or a bhtime module needs.
EXTRAS = {
    "pydantic": "pydantic",
    "hypothesis": "hypothesis",
    "fastapi": "fastapi",
    "django": "django",
    "rest_framework": "drf",
}


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    info: str
    body: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        indent = len(match["indent"])
        body = "".join(line[indent:] + "\n" for line in match["body"].splitlines())
        line = text.count("\n", 0, match.start()) + 1
        found.append(Block(page, line, match["info"].strip().split(" ")[0], body))
    return found


def doctest_blocks(page: Path) -> list[Block]:
    return [
        block
        for block in blocks(page)
        if block.info == "pycon" or (block.info == "python" and ">>>" in block.body)
    ]


def console_blocks(page: Path) -> list[Block]:
    return [block for block in blocks(page) if block.info == "console"]


def skip_unless_installed(page: Path) -> None:
    """Skip a page whose ``<!-- doctest: requires X -->`` names a missing package."""
    for match in _REQUIRES.finditer(page.read_text(encoding="utf-8")):
        for module in re.split(r"[ ,]+", match["modules"]):
            if importlib.util.find_spec(module) is None:
                extra = EXTRAS.get(module, module)
                pytest.skip(f"{module} not installed: pip install 'bhtime[{extra}]'")


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


# -- pycon blocks ----------------------------------------------------------------


@pytest.mark.parametrize("page", [page for page in PAGES if doctest_blocks(page)], ids=page_id)
def test_page_examples(page: Path) -> None:
    skip_unless_installed(page)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for block in doctest_blocks(page):
        test = parser.get_doctest(block.body, {}, block.where, str(page), block.line)
        test.globs = namespace  # one namespace per page: a block builds on the ones above
        runner.run(test, clear_globs=False)
    results = runner.summarize(verbose=False)
    assert results.attempted > 0
    assert results.failed == 0, f"{results.failed} example(s) in {page_id(page)} differ (above)"


# -- console blocks --------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    where: str
    line: str
    expected: str


def commands(block: Block) -> list[Command]:
    """Each ``$ ...`` line of a console block with the lines it prints."""
    found: list[Command] = []
    current: list[str] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            current = [line[2:]]
            found.append(Command(block.where, line[2:], ""))
        elif found:
            current.append(line)
            found[-1] = Command(block.where, current[0], "\n".join(current[1:]))
    return found


def all_commands() -> list[Command]:
    return [
        command for page in PAGES for block in console_blocks(page) for command in commands(block)
    ]


def shell_environment() -> dict[str, str]:
    """PATH with this interpreter's scripts first, so ``bhtime`` is the one under test."""
    scripts = Path(sys.executable).parent
    environment = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    environment.pop("COLUMNS", None)  # argparse wraps usage lines at the terminal's width
    environment["LC_ALL"] = "C.UTF-8"
    environment["PYTHONIOENCODING"] = "utf-8"
    environment["PYTHONUNBUFFERED"] = "1"  # stdout and stderr interleave as printed
    return environment


def shell_prelude() -> str:
    """Defines ``bhtime`` as ``python -m bhtime`` when no entry point is installed."""
    if shutil.which("bhtime", path=str(Path(sys.executable).parent)):
        return ""
    return f'bhtime() {{ "{sys.executable}" -m bhtime "$@"; }}\n'


@pytest.mark.parametrize("command", all_commands(), ids=lambda command: command.where)
def test_shell_example(command: Command) -> None:
    assert "bhtime" in command.line, "a console example runs bhtime"
    completed = subprocess.run(
        ["bash", "-c", shell_prelude() + command.line],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # as a terminal shows them: in the order printed
        text=True,
        env=shell_environment(),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    printed = completed.stdout.rstrip("\n")
    checker = doctest.OutputChecker()
    assert checker.check_output(command.expected + "\n", printed + "\n", FLAGS), (
        f"{command.where}: $ {command.line}\nexpected:\n{command.expected}\nprinted:\n{printed}"
    )


def test_shell_examples_exist() -> None:
    assert len(all_commands()) >= 10


# -- docstrings ------------------------------------------------------------------


def bhtime_modules() -> list[str]:
    """bhtime's modules whose source holds a docstring example (found without importing)."""
    names = ["bhtime"]
    names += [info.name for info in pkgutil.iter_modules(bhtime.__path__, "bhtime.")]
    return [name for name in names if ">>>" in module_source(name)]


def module_source(name: str) -> str:
    spec = importlib.util.find_spec(name)
    assert spec is not None
    assert spec.origin is not None
    return Path(spec.origin).read_text(encoding="utf-8")


def import_or_skip(name: str) -> object:
    try:
        return importlib.import_module(name)
    except ImportError as error:
        missing = getattr(error, "name", None) or ""
        if not missing:
            # bhtime's own modules name their extra's pip command (bhtime.pydantic and the rest).
            pytest.skip(str(error))
        if missing.startswith("bhtime"):
            raise
        top = missing.split(".")[0]
        extra = EXTRAS.get(top, top)
        pytest.skip(f"{name} needs {top}, not installed: pip install 'bhtime[{extra}]'")


@pytest.mark.parametrize("name", bhtime_modules())
def test_docstring_examples(name: str) -> None:
    module = import_or_skip(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in finder.find(module, name):
        runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.attempted > 0, f"{name}'s examples were not found"
    assert results.failed == 0


# -- the error pages -------------------------------------------------------------


def error_codes() -> list[str]:
    """The codes bhtime can raise: ``bhtime.ERROR_CODES``, else found in the source."""
    codes = getattr(bhtime, "ERROR_CODES", None)
    if codes is not None:
        return sorted(codes)
    # Until then, from the source: a `code=` keyword or assignment, and the code
    # argument of the helpers that build an error from (message, code, ...).
    keyword = re.compile(r'\bcode\s*=\s*"([a-z]+(?:-[a-z]+)*)"')
    argument = re.compile(
        r'\b(?:fail|_error)\((?:[^()"]|"[^"]*"|\([^()]*\))*?,\s*"([a-z]+(?:-[a-z]+)*)"'
    )
    found: set[str] = set()
    for path in Path(bhtime.__path__[0]).glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found.update(keyword.findall(source), argument.findall(source))
    return sorted(found)


def nav_pages() -> set[str]:
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return set(re.findall(r"(errors/[\w-]+\.md)", mkdocs))


def test_error_codes_found() -> None:
    assert {"unknown-word", "conflict", "out-of-range", "unknown-zone"} <= set(error_codes())


@pytest.mark.parametrize("code", error_codes())
def test_every_code_has_a_page(code: str) -> None:
    page = ERROR_PAGES / f"{code}.md"
    assert page.exists(), f"write {page.relative_to(ROOT)} (copy a neighbour's shape)"
    assert f"errors/{code}.md" in nav_pages(), f"add errors/{code}.md to mkdocs.yml's nav"
    index = (ERROR_PAGES / "index.md").read_text(encoding="utf-8")
    assert f"({code}.md)" in index, f"link {code}.md from docs/errors/index.md"
    raised = [
        example.want.split()[0]
        for block in doctest_blocks(page)
        for example in doctest.DocTestParser().get_examples(block.body)
        if "print(error.code" in example.source and example.want
    ]
    assert raised, f"{page.name} has no example that prints error.code"
    assert set(raised) == {code}, f"{page.name}'s examples raise {raised}"


def test_no_page_without_a_code() -> None:
    pages = {page.stem for page in ERROR_PAGES.glob("*.md")} - {"index"}
    assert pages <= set(error_codes()), "a page for a code bhtime no longer raises"


# -- the site --------------------------------------------------------------------


def test_docs_name_no_path_outside_the_repository() -> None:
    texts = [*PAGES, ROOT / "CHANGELOG.md", ROOT / "CONTRIBUTING.md", ROOT / "SECURITY.md"]
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for outside in (
            "../" + "shared",
            "/" + "work/",
            "/home/",
            "/tmp/",
            "SPEC.md",
            "GATEWAYS.md",
        ):
            assert outside not in text, f"{path.relative_to(ROOT)} names {outside}"


# What in a checkout is not the project's: git's own files, environments, caches, builds.
_NOT_THE_PROJECT = {".git", "site", "build", "dist", "node_modules", "__pycache__"}


def project_files() -> list[Path]:
    found = []
    for directory, subdirectories, files in os.walk(ROOT):
        subdirectories[:] = [
            name
            for name in subdirectories
            if name not in _NOT_THE_PROJECT
            and (not name.startswith(".") or name in {".ci", ".github"})
            and not name.endswith(".egg-info")
        ]
        found += [Path(directory, name) for name in files if name not in _NOT_THE_PROJECT]
    return found


def test_no_file_names_a_path_outside_the_repository() -> None:
    """Every citation resolves inside a clone: no sibling folder, no path of one machine."""
    for path in project_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a binary file (a fuzz seed) cites nothing
        for outside in ("../" + "shared", "/" + "work/"):
            assert outside not in text, f"{path.relative_to(ROOT)} names {outside}"


def test_site_builds_strict(tmp_path: Path) -> None:
    """``mkdocs build --strict``: a broken link, anchor or API reference fails."""
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("mkdocs not installed: pip install 'bhtime[docs]'")
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "language" / "index.html").exists()


def test_layout_map_names_every_module() -> None:
    """CONTRIBUTING.md's layout map keeps up with the package."""
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for module in sorted(Path(bhtime.__path__[0]).glob("*.py")):
        if module.name != "__main__.py":
            assert f"bhtime/{module.name} " in contributing, f"add bhtime/{module.name} to the map"
