"""The package as a user gets it: built, checked, and installed outside the checkout.

These build the sdist and the wheel (``python -m build``: the wheel is built
from the sdist, so the sdist is shown to be complete enough to build), run
``twine check``, and install into new virtual environments under pytest's
temporary directory, with tzdata at the floor bhtime declares, below 2026, and
at the newest release. They need PyPI and take a minute or two, so the
``packaging`` marker keeps them out of a plain ``pytest`` run:

    nox -s packaging
    pytest -m packaging tests/test_packaging.py    # with build and twine installed
"""

from __future__ import annotations

import email
import email.message
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent
NOW = "2017-04-25T00:41:27.123+0300"
RESOLVE = [
    "--zone",
    "Europe/Moscow",
    "--now",
    NOW,
    "now -12 hours +1min",
]
RESOLVED = "2017-04-24T12:42:27.123+0300"
# One resolve through the API, with a gap: its answer is the same in every tz
# release since 2020 (Europe/Paris has kept its rules since 1996).
API_CHECK = """
import importlib.util, json, bhtime, tzdata
now = bhtime.parse("2011-03-26T02:30:00.000+0100").timestamp.instant
explanation = bhtime.explain("tomorrow +1h", zone="Europe/Paris", now=now)
print(json.dumps({
    "result": bhtime.resolve("tomorrow +1h", zone="Europe/Paris", now=now),
    "explained": bhtime.format_instant(explanation.result),
    "tz_release": explanation.tz_release,
    "iana": tzdata.IANA_VERSION,
    "tzdata": tzdata.__version__,
    "file": bhtime.__file__,
    "dateutil": importlib.util.find_spec("dateutil") is not None,
}))
"""
PARIS_RESOLVED = "2011-03-27T04:30:00.000+0200"


def run(*command: str | Path, cwd: Path | None = None) -> str:
    """``command``'s stdout; its stderr in the failure when it exits non-zero."""
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=900,
        check=False,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    if done.returncode:
        pytest.fail(f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


@dataclass(frozen=True)
class Dist:
    sdist: Path
    wheel: Path

    def sdist_names(self) -> set[str]:
        """The sdist's files, without the ``bhtime-1.x.y/`` folder they sit in."""
        with tarfile.open(self.sdist) as archive:
            return {
                str(PurePosixPath(*PurePosixPath(member.name).parts[1:]))
                for member in archive.getmembers()
                if member.isfile()
            }

    def sdist_text(self, name: str) -> str:
        with tarfile.open(self.sdist) as archive:
            (member,) = (m for m in archive.getmembers() if m.name.split("/", 1)[1:] == [name])
            source = archive.extractfile(member)
            assert source is not None
            return source.read().decode("utf-8")

    def wheel_metadata(self) -> email.message.Message:
        with zipfile.ZipFile(self.wheel) as archive:
            (name,) = (n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            return email.message_from_bytes(archive.read(name))

    def tzdata_floor(self) -> str:
        """The lowest tzdata the wheel admits: its only bound."""
        (requirement,) = (
            line for line in self.wheel_metadata().get_all("Requires-Dist", []) if "tzdata" in line
        )
        match = re.fullmatch(r"tzdata>=([0-9.a-z]+)", requirement.replace(" ", ""))
        assert match, f"tzdata must have a lower bound only: {requirement}"
        return match[1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    """The sdist, and the wheel built from it."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    (sdist,) = out.glob("bhtime-*.tar.gz")
    (wheel,) = out.glob("bhtime-*.whl")
    return Dist(sdist, wheel)


@dataclass(frozen=True)
class Venv:
    path: Path

    def bin(self, name: str) -> Path:
        return self.path / ("Scripts" if os.name == "nt" else "bin") / name

    def pip(self, *args: str | Path) -> str:
        return run(self.bin("python"), "-m", "pip", *args, cwd=self.path)

    def api_check(self) -> dict[str, object]:
        # Run from inside the venv's folder: the checkout is not on sys.path.
        answer: dict[str, object] = json.loads(
            run(self.bin("python"), "-c", API_CHECK, cwd=self.path)
        )
        return answer


@pytest.fixture
def venv(tmp_path: Path) -> Iterator[Venv]:
    """A new virtual environment, outside the checkout."""
    assert not tmp_path.resolve().is_relative_to(ROOT)
    run(sys.executable, "-m", "venv", tmp_path / "venv")
    yield Venv(tmp_path / "venv")
    shutil.rmtree(tmp_path / "venv", ignore_errors=True)


def test_twine_accepts_the_sdist_and_the_wheel(dist: Dist) -> None:
    out = run(sys.executable, "-m", "twine", "check", "--strict", dist.sdist, dist.wheel)
    assert out.count("PASSED") == 2, out


def test_metadata_declares_ranges_urls_and_pythons(dist: Dist) -> None:
    metadata = dist.wheel_metadata()
    core = sorted(req for req in metadata.get_all("Requires-Dist", []) if "extra ==" not in req)
    # Only what `import bhtime` and the CLI need (lark while the parser reads
    # its grammar at run time): no dateutil, and tzdata with a lower bound only.
    names = {re.split(r"[<>=!~; \[]", req)[0] for req in core}
    assert "tzdata" in names
    assert names <= {"lark", "tzdata"}, core
    assert dist.tzdata_floor()
    assert metadata["Requires-Python"] == ">=3.10"
    for minor in (10, 11, 12, 13):
        assert f"Programming Language :: Python :: 3.{minor}" in metadata.get_all("Classifier", [])
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL", []))
    assert set(urls) == {"Homepage", "Documentation", "Changelog", "Source", "Issues"}
    assert all(url.startswith("https://") for url in urls.values()), urls
    extras = set(metadata.get_all("Provides-Extra", []))
    assert {"hypothesis", "pydantic", "test", "bench", "docs", "dev"} <= extras


def test_wheel_holds_the_package_and_its_grammar_only(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as archive:
        names = {name for name in archive.namelist() if ".dist-info/" not in name}
    sources = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "bhtime").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    # The strategies read the grammar from inside the package.
    assert names == sources | {"bhtime/bhtime.lark"}
    assert "bhtime/py.typed" in names


def _packable_files() -> list[str]:
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout: the sdist is compared with `git ls-files`")
    # Tracked and untracked alike, less the ignored: what hatchling packs.
    return run(
        "git", "-C", ROOT, "ls-files", "--cached", "--others", "--exclude-standard"
    ).splitlines()


def _sdist_includes() -> list[str]:
    import tomllib  # Python 3.11+: these tests run on 3.11 or later

    with (ROOT / "pyproject.toml").open("rb") as file:
        config = tomllib.load(file)
    includes: list[str] = config["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    return includes


def test_sdist_holds_every_tracked_file_of_what_it_includes(dist: Dist) -> None:
    roots = [include.strip("/") for include in _sdist_includes()]
    assert all(include.startswith("/") for include in _sdist_includes()), (
        "anchor each include with '/': a bare name matches at any depth"
    )
    expected = {
        name
        for name in _packable_files()
        if any(name == root or name.startswith(root + "/") for root in roots)
        and (ROOT / name).exists()
    }
    # hatchling adds these three itself.
    assert dist.sdist_names() == expected | {"PKG-INFO", "pyproject.toml", ".gitignore"}


# A word of a document that names a file or folder of the project: a relative
# path with a "/", ending in a file's extension or a "/" (a bare name is too
# often the user's file, such as settings.py; "bhtime/lark" is prose).
_PATH_WORD = re.compile(
    r"[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_.-]+)*(?:/[A-Za-z0-9_-]*\.[A-Za-z0-9]+|/)"
)
_SEPARATORS = re.compile(r"[\s`'\"()\[\]<>,;|=]+")


def documented_paths(text: str, where: PurePosixPath, names: set[str]) -> set[str]:
    """The project paths that ``text`` (the file ``where`` of the sdist) names.

    A path counts when its first part is a folder of the sdist, either at the
    top or beside the document; patterns (``*``), URLs and paths that leave
    the project (``..``) are not files it should hold.
    """
    folders = {str(parent) for name in names for parent in PurePosixPath(name).parents}
    found = set()
    for written in _SEPARATORS.split(text):
        word = written.split("#", 1)[0].rstrip(".:")
        if any(mark in word for mark in ("*", "?", "{", "$", ":", "..")):
            continue
        if not _PATH_WORD.fullmatch(word):
            continue
        first = word.split("/", 1)[0]
        beside = where.parent / first
        if first in folders:
            found.add(word.rstrip("/"))
        elif str(beside) in folders:
            found.add(str(where.parent / word.rstrip("/")))
    return found


def test_sdist_holds_every_file_its_documents_name(dist: Dist) -> None:
    names = dist.sdist_names()
    folders = {str(parent) for name in names for parent in PurePosixPath(name).parents}
    missing = {
        f"{document}: {path}"
        for document in sorted(name for name in names if name.endswith(".md"))
        for path in documented_paths(dist.sdist_text(document), PurePosixPath(document), names)
        if path not in names and path not in folders
    }
    assert not missing, sorted(missing)


def test_document_paths_are_found_and_judged() -> None:
    # The reader above, on the shapes the READMEs use (so that it cannot pass by finding nothing).
    names = {"benchmarks/run.py", "fuzz/fuzz_bhtime.py", "fuzz/seeds/seed_000", "README.md"}
    text = (
        "python benchmarks/run.py --quick; see [the map](benchmarks/README.md#top), "
        "`seeds/`, `findings/*.json`, ../elsewhere/todo.md, https://example.org/a/b, "
        "parse/evaluate, the bhtime/lark frame, `fuzz/fuzz_bhtime.py`, fuzz/seeds/."
    )
    assert documented_paths(text, PurePosixPath("fuzz/README.md"), names) == {
        "benchmarks/run.py",
        "benchmarks/README.md",
        "fuzz/fuzz_bhtime.py",
        "fuzz/seeds",
    }


def _cli_and_api_work(venv: Venv) -> dict[str, object]:
    assert run(venv.bin("bhtime"), *RESOLVE, cwd=venv.path) == RESOLVED + "\n"
    answer = venv.api_check()
    assert answer["result"] == answer["explained"] == PARIS_RESOLVED
    assert Path(str(answer["file"])).resolve().is_relative_to(venv.path.resolve())
    # The tz release bhtime reports is the one installed beside it.
    assert answer["tz_release"] == answer["iana"]
    version = run(venv.bin("bhtime"), "--version", cwd=venv.path)
    assert re.search(rf"\b{answer['iana']}\b", version), version
    return answer


def test_wheel_installs_with_newest_tzdata_and_no_dateutil(dist: Dist, venv: Venv) -> None:
    venv.pip("install", dist.wheel)
    outdated = json.loads(venv.pip("list", "--outdated", "--format=json"))
    assert "tzdata" not in {package["name"] for package in outdated}, outdated
    answer = _cli_and_api_work(venv)
    assert answer["dateutil"] is False


def test_wheel_installs_with_tzdata_at_its_floor(dist: Dist, venv: Venv) -> None:
    floor = dist.tzdata_floor()
    venv.pip("install", dist.wheel, f"tzdata=={floor}")
    answer = _cli_and_api_work(venv)
    assert answer["tzdata"] == floor


def test_wheel_installs_beside_an_older_tzdata(dist: Dist, venv: Venv) -> None:
    # An application that holds tzdata back (issue: `pip install bhtime 'tzdata<2026'`).
    venv.pip("install", dist.wheel, "tzdata<2026")
    answer = _cli_and_api_work(venv)
    assert _release(answer["tzdata"]) < (2026,)


def test_source_tree_installs_with_a_tzdata_range(venv: Venv) -> None:
    # What the README's users type: `pip install . 'tzdata>=2026.6'`.
    venv.pip("install", ROOT, "tzdata>=2026.6")
    answer = _cli_and_api_work(venv)
    assert _release(answer["tzdata"]) >= (2026, 6)


def _release(version: object) -> tuple[int, ...]:
    """tzdata's version as numbers: ``2026.6`` is ``(2026, 6)``."""
    return tuple(int(part) for part in re.findall(r"[0-9]+", str(version))[:2])
