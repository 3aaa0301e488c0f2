"""The fuzz step of CI: each target for a bounded time; any finding fails the step.

    python fuzz/ci.py                     # both targets, 60 s each
    python fuzz/ci.py --seconds 300 --target explain
    python fuzz/ci.py --engine hypothesis # without atheris

The targets are ``evaluate`` (fuzz_bhtime.py: only BhtimeError escapes, the
output reads back as the same string) and ``explain`` (fuzz_explain.py:
explain agrees with evaluate, the output reads back as the same instant); what
each checks is in targets.py. With atheris installed (``pip install atheris``,
part of the ``dev`` extra on Linux) each runs under libFuzzer from the seeds in
``fuzz/seeds/`` with ``fuzz/bhtime.dict``, its new inputs kept in a temporary
folder. Where atheris cannot be installed (it builds against a given CPython
and clang; newer Pythons may lack a wheel), the same checks run for the same
time under hypothesis, on bytes built from the dictionary's words and random
bytes, in the same input layout. A finding prints the input and exits 1.

The long run stays a documented command: see fuzz/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = {"evaluate": "fuzz_bhtime.py", "explain": "fuzz_explain.py"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="per target (default 60)")
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    args = parser.parse_args(argv)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "hypothesis"
        if engine == "hypothesis":
            print("atheris is not installed here: running the hypothesis equivalent", flush=True)
    names = list(TARGETS) if args.target == "all" else [args.target]
    failed = []
    for name in names:
        print(f"== fuzz target {name} ({engine}, {args.seconds} s)", flush=True)
        run = _run_atheris if engine == "atheris" else _run_hypothesis
        if not run(name, args.seconds):
            failed.append(name)
    if failed:
        print(f"fuzz: findings in {', '.join(failed)}")
        return 1
    print(f"fuzz: no finding ({', '.join(names)}, {args.seconds} s each, {engine})")
    return 0


def _run_atheris(name: str, seconds: int) -> bool:
    with tempfile.TemporaryDirectory(prefix=f"bhtime-fuzz-{name}-") as scratch:
        corpus, log = Path(scratch) / "corpus", Path(scratch) / "libfuzzer.log"
        corpus.mkdir()
        command = [
            sys.executable,
            str(HERE / TARGETS[name]),
            f"-dict={HERE / 'bhtime.dict'}",
            "-max_len=1100",
            "-timeout=10",
            f"-max_total_time={seconds}",
            "-print_final_stats=1",
            f"-artifact_prefix={scratch}/",
            str(corpus),
            str(HERE / "seeds"),
        ]
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                command, cwd=HERE, stdout=out, stderr=subprocess.STDOUT, check=False
            )
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        if done.returncode:
            print("\n".join(lines[-80:]))
            for artifact in Path(scratch).glob("crash-*"):
                print(f"finding: {artifact.name}: {artifact.read_bytes()!r}")
            return False
        print(
            "\n".join(line for line in lines if line.startswith(("stat::", "Done", "INFO: -max")))
        )
        return True


def _run_hypothesis(name: str, seconds: int) -> bool:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    sys.path.insert(0, str(HERE))
    import targets

    check: Callable[[str, targets.Zone, datetime, str], None] = (
        targets.check_evaluate if name == "evaluate" else targets.check_explain
    )
    words = _dictionary_words()
    text = st.lists(
        st.one_of(st.sampled_from(words), st.text(max_size=4), st.sampled_from(" +-:.T0123456789")),
        max_size=12,
    ).map("".join)
    data = st.one_of(
        st.binary(max_size=120),
        st.builds(
            lambda a, b, t: bytes([a, b]) + t.encode(),
            st.integers(0, 255),
            st.integers(0, 255),
            text,
        ),
    )
    count = 0

    @settings(
        max_examples=500, database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(data)
    def one(raw: bytes) -> None:
        nonlocal count
        count += 1
        check(*targets.decode(raw))

    for seed in sorted((HERE / "seeds").glob("seed_*")):
        check(*targets.decode(seed.read_bytes()))
    stop = time.monotonic() + seconds
    try:
        while time.monotonic() < stop:
            one()
    except Exception as error:  # hypothesis re-raises the shrunk finding
        print(f"finding: {type(error).__name__}: {error}")
        return False
    print(f"stat::number_of_executed_units: {count} (hypothesis)")
    return True


def _dictionary_words() -> list[str]:
    words = []
    for line in (HERE / "bhtime.dict").read_text(encoding="utf-8").splitlines():
        if line.startswith('"') and line.endswith('"'):
            words.append(line[1:-1].encode().decode("unicode_escape"))
    return words


if __name__ == "__main__":
    sys.exit(main())
