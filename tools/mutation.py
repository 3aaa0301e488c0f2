"""Mutation testing of bhtime's core modules: mutmut 3 against the fast tests.

    python tools/mutation.py                    # every core module
    python tools/mutation.py _format gateways   # some of them
    python tools/mutation.py --sample 40        # 40 mutants per module, picked at random
    python tools/mutation.py --fresh            # forget the results of earlier runs
    python tools/mutation.py --report-only      # score what earlier runs left, run nothing

mutmut works on a copy of the project in ``build/mutation/`` (git-ignored), so
a run neither writes into the source tree nor needs mutmut's settings in
``pyproject.toml``; the copy is refreshed on each run and mutmut keeps its
results there, so a second run only tries the mutants of functions that
changed. The mutants of a module that survived an earlier run are tried again,
so a test added since then counts.

A mutant "survives" when every fast test still passes with it. Some survivors
are equivalent: no input can tell them from the original (``total < 0`` and
``total <= 0`` where a zero total prints ``+`` either way). Those are listed,
each with the reason, in ``tools/mutation_equivalents.toml``; they leave the
count, and an entry that no longer matches a mutant is reported as stale. The
score of a module is killed / (mutants - equivalents - not runnable); the run fails when a
module scores below ``--fail-under`` (95 %). Mutants of code that runs only
while bhtime is imported (``_syntax._lexer`` builds the lexer at import) cannot
be run: mutmut imports the module once and switches a mutant on after, in a
forked child. They are listed as ``[[not_runnable]]`` in the same file, each
with the reason, and leave the score too, counted in their own column.

The fast tests are ``tests/`` without the JDK differential suite
(``tests/conformance``), with hypothesis in the ``mutation`` profile of
``tests/conftest.py`` (few examples, derandomized, so that a mutant is killed
or not the same way on every run). Runs at ``nice`` 10 with one worker: the
machines are shared.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tomllib  # Python 3.11+: the tool needs it, the library does not

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutation"
EQUIVALENTS = ROOT / "tools" / "mutation_equivalents.toml"
LOG = WORK / "mutmut.log"
SOURCES = WORK / "sources.json"  # the hash of each module's source at its last run

CORE_MODULES = (
    "_ast",
    "_calendar",
    "_errors",
    "_evaluate",
    "_format",
    "_grammar",
    "_items",
    "_parse",
    "_syntax",  # the driver of the shipped table: at run time, _grammar's successor
    "_tz",
    "gateways",
)
FAST_TESTS = (
    "tests",
    "--ignore=tests/conformance",
    # test_imports.py reads the import graph from the source (which no mutant
    # changes) and runs bhtime/ in fresh interpreters to count what a first
    # call imports and compiles: mutmut's trampolines in every mutated module
    # import inspect and more, and outside mutmut they find no mutant to run,
    # so those tests fail on every mutant alike.
    "--ignore=tests/test_imports.py",
)
# Not copied to the work folder: git's, environments, build output, mutmut's own.
NOT_COPIED = {".git", "build", "dist", "mutants"}

# mutmut's exit codes (mutmut.stats.status_by_exit_code), grouped the way the score counts them.
KILLED_CODES = {1, 3, 36, -24, 24, 152, 255, -11, -9}  # failed, errored, timed out, crashed
SKIPPED_CODES = {34}  # "# pragma: no mutate"
UNCHECKED_CODES = {None, 2}  # not run yet, or interrupted


@dataclass(frozen=True)
class Equivalent:
    """One entry of the equivalents file: a mutation no input can tell apart."""

    module: str
    function: str
    before: str
    after: str
    reason: str

    def matches(self, mutant: Mutant) -> bool:
        return (
            mutant.module == self.module
            and mutant.function == self.function
            and mutant.change == (_squash(self.before), _squash(self.after))
        )


@dataclass(frozen=True)
class Mutant:
    name: str
    module: str
    function: str
    status: int | None
    diff: str

    @property
    def change(self) -> tuple[str, str]:
        """The removed and added lines of the mutant's diff, whitespace squashed."""
        lines = self.diff.splitlines()[2:]  # past the ---/+++ header
        removed = [line[1:] for line in lines if line.startswith("-")]
        added = [line[1:] for line in lines if line.startswith("+")]
        return _squash("\n".join(removed)), _squash("\n".join(added))


@dataclass
class Score:
    module: str
    mutants: int = 0
    killed: int = 0
    equivalent: int = 0
    not_runnable: int = 0
    skipped: int = 0
    unchecked: int = 0
    survivors: list[Mutant] = field(default_factory=list)
    equivalents: list[Mutant] = field(default_factory=list)

    @property
    def counted(self) -> int:
        return self.mutants - self.equivalent - self.not_runnable - self.skipped - self.unchecked

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.counted if self.counted else 100.0


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    modules = args.modules or list(CORE_MODULES)
    unknown = [m for m in modules if not (ROOT / "bhtime" / f"{m}.py").exists()]
    if unknown:
        sys.exit(f"no such module in bhtime/: {', '.join(unknown)}")
    if args.fresh:
        shutil.rmtree(WORK, ignore_errors=True)
    _prepare_work_dir()
    mutants = {m: _mutant_names(m) for m in modules}
    if args.sample is not None:
        for module, names in mutants.items():
            pick = random.Random(f"{args.seed}:{module}")
            mutants[module] = sorted(pick.sample(names, min(args.sample, len(names))))
    to_run = _still_to_run(mutants)
    print(
        f"mutmut: {len(to_run)} of {sum(map(len, mutants.values()))} mutants to try "
        f"(the others were killed by an earlier run on the same source); "
        f"log: {LOG.relative_to(ROOT)}",
        flush=True,
    )
    if to_run and not args.report_only:
        _run_mutmut(to_run, args.workers)
        _remember_sources(modules)
    equivalents, not_runnable = _load_equivalents(), _load_equivalents("not_runnable")
    results = _mutmut_results()
    scores = [_score(m, names, results, equivalents, not_runnable) for m, names in mutants.items()]
    _report(scores, equivalents + not_runnable, args)
    failing = [s.module for s in scores if s.percent < args.fail_under or s.unchecked]
    if failing:
        print(f"\nbelow {args.fail_under:g} % (or not fully run): {', '.join(failing)}")
        return 1
    return 0


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("modules", nargs="*", help=f"modules of bhtime/ (default: {CORE_MODULES})")
    parser.add_argument("--sample", type=int, help="try only this many mutants of each module")
    parser.add_argument("--seed", type=int, default=11, help="the sample's random seed")
    parser.add_argument("--workers", type=int, default=1, help="mutmut's --max-children")
    parser.add_argument("--fail-under", type=float, default=95.0, help="the score each must reach")
    parser.add_argument("--fresh", action="store_true", help="forget earlier runs' results")
    parser.add_argument(
        "--report-only", action="store_true", help="run nothing: score the results there are"
    )
    parser.add_argument(
        "--show", action="store_true", help="print the diff of every survivor (default: 40 at most)"
    )
    return parser.parse_args(argv)


def _prepare_work_dir() -> None:
    """Mirror the project into WORK (mtimes kept, so mutmut knows what changed)."""
    WORK.mkdir(parents=True, exist_ok=True)
    for name in _copied():
        source, target = ROOT / name, WORK / name
        if source.is_dir():
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    project = (WORK / "pyproject.toml").read_text(encoding="utf-8")
    project = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", project)
    settings = {
        "source_paths": ["bhtime/"],
        # Always every core module, so that mutmut's files do not depend on the
        # modules asked for; a run tries only the mutants it is given by name.
        "only_mutate": [f"bhtime/{m}.py" for m in CORE_MODULES],
        # Test ids with non-ASCII characters (test_errors.py's 'now\\xa0+1h')
        # escaped, as pytest does by default, are not found again by a second
        # pytest session in the same process: mutmut runs several.
        "pytest_add_cli_args": [
            "-p",
            "no:cacheprovider",
            "-o",
            "disable_test_id_escaping_and_forfeit_all_rights_to_community_support=true",
        ],
        "pytest_add_cli_args_test_selection": list(FAST_TESTS),
        # Whatever the tests read besides bhtime/ and tests/ (the grammar, README, docs).
        "also_copy": [n for n in _copied() if n not in ("bhtime", "tests", "pyproject.toml")],
        # Each mutant's tests run in a process forked from the one that ran
        # them all (mutmut's default, and 5 times faster than its fork server);
        # tests/conftest.py empties bhtime's caches when a session starts, so
        # that a mutant behind a cache runs all the same.
        "process_isolation": "fork",
        # The copy's files are not in git: mutmut's git-based change detection has nothing to see.
        "use_git_change_detection": False,
    }
    lines = ["", "[tool.mutmut]", *(f"{key} = {json.dumps(v)}" for key, v in settings.items())]
    (WORK / "pyproject.toml").write_text(project + "\n".join(lines) + "\n", encoding="utf-8")


def _copied() -> list[str]:
    """The project's top-level files and folders, without hidden ones (.git, .venv, caches)."""
    return sorted(
        p.name for p in ROOT.iterdir() if p.name not in NOT_COPIED and not p.name.startswith(".")
    )


def _mutant_names(module: str) -> list[str]:
    """mutmut's names for the mutants of ``module``, as ``mutmut run`` will make them."""
    from mutmut.mutation.file_mutation import mutate_file_contents  # noqa: PLC0415 - dev only

    path = f"bhtime/{module}.py"
    os.chdir(WORK)  # mutmut reads its settings from the working directory
    mutated = mutate_file_contents(path, (WORK / path).read_text(encoding="utf-8"))
    return [f"bhtime.{module}.{name}" for name in mutated.mutant_names]


def _still_to_run(mutants: dict[str, list[str]]) -> list[str]:
    """Every mutant but those killed in an earlier run of the same module source."""
    known = _mutmut_results()
    remembered = _remembered_sources()
    to_run: list[str] = []
    for module, names in mutants.items():
        if remembered.get(module) != _source_hash(module):
            to_run += names
        else:
            to_run += [n for n in names if known.get(n, 0) not in KILLED_CODES | SKIPPED_CODES]
    return to_run


def _source_hash(module: str) -> str:
    return hashlib.sha256((ROOT / "bhtime" / f"{module}.py").read_bytes()).hexdigest()


def _remembered_sources() -> dict[str, str]:
    try:
        return dict(json.loads(SOURCES.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return {}


def _remember_sources(modules: Iterable[str]) -> None:
    remembered = _remembered_sources() | {m: _source_hash(m) for m in modules}
    SOURCES.write_text(json.dumps(remembered, indent=1), encoding="utf-8")


def _run_mutmut(names: Sequence[str], workers: int) -> None:
    command = ["nice", "-n", "10", str(Path(sys.executable).parent / "mutmut")]
    command += ["run", "--max-children", str(workers), *names]
    env = {**os.environ, "HYPOTHESIS_PROFILE": "mutation"}
    env.pop("CI", None)  # the CI profile's 2,000 examples per property are not "fast"
    for _attempt in range(2):
        # The first run in a fresh folder (which collects mutmut's stats in
        # the same process as the clean run) has been seen to fail to select
        # a test id it had just listed (pytest exit 4); the second run, from
        # the stats the first saved, has not.
        with LOG.open("w", encoding="utf-8") as log:
            done = subprocess.run(
                command, cwd=WORK, env=env, stdout=log, stderr=subprocess.STDOUT, check=False
            )
        if not done.returncode:
            break
    if done.returncode:
        print(LOG.read_text(encoding="utf-8")[-3000:])
        sys.exit(f"mutmut failed (exit {done.returncode}); its output is in {LOG}")


def _mutmut_results() -> dict[str, int | None]:
    """Every mutant mutmut has a result file for, by name, with its exit code (None: not tried)."""
    results: dict[str, int | None] = {}
    for meta in (WORK / "mutants" / "bhtime").glob("*.py.meta"):
        results.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return results


def _module_of(name: str) -> str:
    # bhtime._format.x__jdk_offset__mutmut_3 -> _format
    return name.split(".")[1]


def _function_of(name: str) -> str:
    # x__jdk_offset__mutmut_3 -> _jdk_offset; xǁExpressionǁ__eq____mutmut_1 -> Expression.__eq__
    mangled = name.split(".", 2)[2].rsplit("__mutmut_", 1)[0]
    return mangled.removeprefix("xǁ").replace("ǁ", ".") if "ǁ" in mangled else mangled[2:]


def _diff(name: str) -> str:
    shown = subprocess.run(
        [str(Path(sys.executable).parent / "mutmut"), "show", name],
        cwd=WORK,
        capture_output=True,
        text=True,
        check=True,
    )
    return shown.stdout.split("\n", 1)[1]  # past mutmut's "# name: status" line


def _load_equivalents(table: str = "equivalent") -> list[Equivalent]:
    """The entries of ``table``: "equivalent", or "not_runnable" for mutants of code that
    runs only while bhtime is imported, before mutmut switches a mutant on."""
    document = tomllib.loads(EQUIVALENTS.read_text(encoding="utf-8"))
    return [Equivalent(**entry) for entry in document.get(table, [])]


def _score(
    module: str,
    names: Iterable[str],
    results: dict[str, int | None],
    equivalents: list[Equivalent],
    not_runnable: list[Equivalent],
) -> Score:
    score = Score(module)
    for name in names:
        status = results.get(name)
        score.mutants += 1
        if status in KILLED_CODES:
            score.killed += 1
        elif status in SKIPPED_CODES:
            score.skipped += 1
        elif status in UNCHECKED_CODES:
            score.unchecked += 1
        else:  # survived, no test reaches it, or suspicious
            mutant = Mutant(name, module, _function_of(name), status, _diff(name))
            if any(e.matches(mutant) for e in equivalents):
                score.equivalent += 1
                score.equivalents.append(mutant)
            elif any(e.matches(mutant) for e in not_runnable):
                score.not_runnable += 1
                score.equivalents.append(mutant)
            else:
                score.survivors.append(mutant)
    return score


def _report(scores: list[Score], equivalents: list[Equivalent], args: argparse.Namespace) -> None:
    survivors = [m for s in scores for m in s.survivors]
    limit = len(survivors) if args.show else 40
    for mutant in survivors[:limit]:
        print(f"\n# survived: {mutant.name} (exit {mutant.status})\n{mutant.diff}")
    if len(survivors) > limit:
        print(f"\n... and {len(survivors) - limit} more survivors (--show prints them all)")
    sampled = f", a sample of {args.sample} per module (seed {args.seed})" if args.sample else ""
    print(f"\nmutation score (killed / (mutants - equivalent - not runnable)){sampled}:")
    print(
        f"{'module':<12} {'mutants':>8} {'killed':>7} {'equiv.':>7} {'not run.':>9} "
        f"{'survived':>9} {'score':>7}"
    )
    for s in scores:
        unchecked = f"  ({s.unchecked} not run)" if s.unchecked else ""
        print(
            f"{s.module:<12} {s.mutants:>8} {s.killed:>7} {s.equivalent:>7} "
            f"{s.not_runnable:>9} {len(s.survivors):>9} {s.percent:>6.1f}%{unchecked}"
        )
    if args.sample is None:
        seen = [m for s in scores for m in s.equivalents]
        matched = {id(e) for e in equivalents if any(e.matches(m) for m in seen)}
        checked = {s.module for s in scores}
        for entry in equivalents:
            if entry.module in checked and id(entry) not in matched:
                print(
                    f"stale entry in {EQUIVALENTS.name}: {entry.module}.{entry.function}: "
                    f"{entry.before!r} -> {entry.after!r} (no surviving mutant is that change)"
                )


if __name__ == "__main__":
    sys.exit(main())
