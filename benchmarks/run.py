"""bhtime against a floor and its peers: CPU-time medians, ratios, PASS/FAIL per target.

    python benchmarks/run.py                  # every section (about 5 minutes)
    python benchmarks/run.py --quick          # fewer texts and rounds (about 1 minute)
    python benchmarks/run.py --only floor,batch

Sections (benchmarks/README.md says how each is measured and how to read it):
- floor: cold ``resolve`` (a text not seen before) on each input form against
  the floor (benchmarks/floor.py) and ``dateutil.parser.isoparse`` followed by
  the same zone conversion and format;
- expressions: relative expressions against ``dateparser`` and ``parsedatetime``,
  only where their answers are bhtime's;
- repeated: the same text again;
- linear: inputs of 10 to 1,000 characters, worst cases included;
- batch: the ``bhtime -`` command on 100,000 lines, beside GNU ``date -f``;
- process: the first call in a fresh process, and the console script;
- memory: what bhtime holds after 20,000 hostile 1,000-character texts
  (tracemalloc, in a child process).

The benchmark reports; it always exits 0, even when a target fails.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import importlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from floor import FORMS, NOW, NOW_TEXT, USER, ZONE, Form, disagreements, show
from timing import child_cpu, chunked, each_call, gc_off, one_call, ratios, repeated

import bhtime

# Targets (issue 8), on the project's 2-core machine.
FLOOR_AT_MOST = 2.0  # cold resolve over the floor, every form
DATEPARSER_AT_LEAST = 60.0  # times faster
PARSEDATETIME_AT_LEAST = 3.0  # times faster
REPEATED_AT_MOST_US = 5.0
LONG_INPUT_AT_MOST_MS = 3.0  # any 1,000-character input
# Per-character cost at 1,000 characters over that at 300: about 1 when cost is
# linear, 3.3 when quadratic; above this it is reported as not linear.
LINEAR_SLACK = 2.0
BATCH_AT_LEAST = 60_000  # lines per CPU-second
FIRST_CALL_AT_MOST = 2.0  # times a bare interpreter's CPU
SCRIPT_AT_MOST = 2.5
MEMORY_AT_MOST_MIB = 8.0


class Options(NamedTuple):
    texts: int  # distinct texts per form in the floor section
    cleared: int  # more texts per form, timed with every cache cleared
    peer_texts: int  # distinct texts per expression against the peers
    rounds: int  # round-robin rounds for repeated texts
    linear_repeats: int
    batch_lines: int
    batch_rounds: int
    process_runs: int
    hostile: int  # 1,000-character texts in the memory child


FULL = Options(4000, 500, 200, 9, 21, 100_000, 3, 21, 20_000)
QUICK = Options(300, 100, 20, 3, 5, 100_000, 1, 7, 2_000)


# --- bhtime, read the same way on old and new code ------------------------------------


def bh_resolve(text: str) -> str:
    return bhtime.resolve(text, zone=ZONE, now=NOW)


def bh_instant(text: str) -> datetime:
    return bhtime.evaluate(text, zone=ZONE, now=NOW)


# Caches that hold parsed texts or shapes, by (module, name), in 1.0 and in the
# 1.1 work before ``clear_caches`` exists; each is emptied by its ``cache_clear``
# (an lru_cache) or its ``clear`` (a dict). Zones stay loaded: every process that
# has resolved once has them.
_KNOWN_CACHES = (
    ("bhtime._parse", "_parse"),
    ("bhtime._parse", "_CACHE"),
    ("bhtime._syntax", "_STEPS"),
    ("bhtime._items", "_offset_duration"),
    ("bhtime._tz", "fixed_offset"),
)


@cache
def cache_clearers() -> dict[str, Callable[[], object]]:
    """What forgets every text and shape bhtime has parsed, by name.

    ``bhtime._parse.clear_caches`` where it exists; else each known cache that
    this bhtime has, looked up with getattr, so the benchmark runs on old and
    new code alike.
    """
    parse_module = importlib.import_module("bhtime._parse")
    clear = getattr(parse_module, "clear_caches", None)
    if clear is not None:
        found = {"bhtime._parse.clear_caches()": clear}
        # 1.2: the offsets printed, kept by the formatter (not a parse cache).
        printed = getattr(importlib.import_module("bhtime._format"), "_offset_text", None)
        if hasattr(printed, "cache_clear"):
            found["bhtime._format._offset_text"] = printed.cache_clear  # type: ignore[union-attr]
        return found
    found: dict[str, Callable[[], object]] = {}
    for module_name, name in _KNOWN_CACHES:
        try:
            cached = getattr(importlib.import_module(module_name), name, None)
        except ModuleNotFoundError:
            continue
        method = getattr(cached, "cache_clear", None) or getattr(cached, "clear", None)
        if method is not None:
            found[f"{module_name}.{name}"] = method
    # 1.0: the plans per shape hang off the built grammar.
    language = getattr(importlib.import_module("bhtime._grammar"), "language", None)
    new_builder = getattr(parse_module, "_new_builder", None)
    plan = getattr(language(new_builder), "plan", None) if language and new_builder else None
    if hasattr(plan, "cache_clear"):
        found["the grammar's plans per shape"] = plan.cache_clear  # type: ignore[union-attr]
    return found


def clear_caches() -> None:
    """Forget every text and shape bhtime has parsed: its next parse starts from nothing."""
    for clear in cache_clearers().values():
        clear()


# --- reporting ------------------------------------------------------------------------


class Result(NamedTuple):
    name: str
    figure: str
    limit: str
    ok: bool


RESULTS: list[Result] = []


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def target(name: str, figure: str, limit: str, ok: bool) -> None:
    RESULTS.append(Result(name, figure, limit, ok))
    print(f"  -> {verdict(ok)}  {name}: {figure} (target {limit})")


def us(ns: float) -> str:
    return f"{ns / 1000:,.2f}"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# --- floor: cold resolve against the floor and isoparse ---------------------------------


def isoparse_pipeline() -> Callable[[str], str]:
    """``dateutil.parser.isoparse``, then the floor's zone conversion and format."""
    from dateutil.parser import isoparse  # the bench extra

    def run(text: str) -> str:
        moment = isoparse(text)
        if moment.tzinfo is None:  # a local date-time: in the user zone, as bhtime reads it
            moment = moment.replace(tzinfo=USER)
        return show(moment.astimezone(USER))

    return run


def peer_status(peer: Callable[[str], str], texts: list[str], answers: list[str]) -> str:
    """'right', 'wrong' (it reads them, not as bhtime does) or 'no' (it refuses them)."""
    try:
        theirs = [peer(text) for text in texts]
    except ValueError:
        return "no"
    return "right" if theirs == answers else "wrong"


def check_floor(form: Form, texts: list[str]) -> None:
    """Stop the benchmark if the floor does not give bhtime's answers: it would lie."""
    wrong = disagreements(form, texts, bh_resolve)
    if wrong:
        text, ours, theirs = wrong[0]
        raise SystemExit(
            f"floor {form.name} disagrees with bhtime on {len(wrong)} texts, first "
            f"{text!r}: floor {ours}, bhtime {theirs}"
        )


def section_floor(opts: Options) -> None:
    print("\n== Cold resolve (a text never seen) against the floor and isoparse ==")
    print(
        f"zone {ZONE}, now {NOW_TEXT}; per form {opts.texts} distinct texts, one call each, "
        "in chunks of 50\ntaking turns with the floor (and isoparse + the same zone "
        f"conversion and format); 'cleared': {opts.cleared} more texts,\nevery bhtime "
        "cache cleared before each call (outside the timing). µs are CPU medians over chunks;"
        "\nx floor / x isoparse are medians of the chunk-by-chunk ratios."
        f"\ncaches cleared: {', '.join(cache_clearers()) or 'none found'}"
    )
    isoparse = isoparse_pipeline()
    bh_resolve("2000-01-01T00:00:00Z")  # first call: loads what a process loads once
    header = f"{'form':<22}{'floor':>8}{'bhtime':>9}{'x floor':>9}{'cleared':>9}{'x floor':>9}"
    print(header + f"{'isoparse':>10}{'x isoparse':>12}")
    rows: list[tuple[str, float, float, float | None]] = []
    for form in FORMS:
        texts = form.texts(opts.texts)
        answers = [form.floor(text) for text in texts]
        status = peer_status(isoparse, texts, answers)
        fns: list[Callable[[str], object]] = [form.floor, bh_resolve]
        if status == "right":
            fns.append(isoparse)
        timed = chunked(fns, texts, chunk=50)
        cleared_texts = form.texts(opts.cleared, start=opts.texts)
        floor_cleared, bh_cleared = each_call(
            [form.floor, bh_resolve], cleared_texts, chunk=50, prepare=clear_caches
        )
        check_floor(form, texts + cleared_texts)  # after the timing: it fills bhtime's cache
        over_floor, cleared_over_floor = (
            ratios(timed[1], timed[0]),
            ratios(bh_cleared, floor_cleared),
        )
        over_iso = ratios(timed[1], timed[2]) if status == "right" else None
        iso_cells = (
            f"{us(median(timed[2])):>10}{over_iso:>11.2f}x"
            if over_iso is not None
            else f"{'-':>10}{status + ' read':>12}"
        )
        print(
            f"{form.name:<22}{us(median(timed[0])):>8}{us(median(timed[1])):>9}"
            f"{over_floor:>8.2f}x{us(median(bh_cleared)):>9}"
            f"{cleared_over_floor:>8.2f}x{iso_cells}"
        )
        rows.append((form.name, over_floor, cleared_over_floor, over_iso))
    print("'no read': isoparse refuses the form; 'wrong read': it reads it, not as bhtime does")
    for name, over_floor, cleared_over_floor, _ in rows:
        target(
            f"cold resolve vs floor, {name}",
            f"{over_floor:.2f}x the floor (caches cleared: {cleared_over_floor:.2f}x)",
            f"<= {FLOOR_AT_MOST:.0f}x",
            over_floor <= FLOOR_AT_MOST,
        )
    for name, _, _, over_iso in rows:
        if over_iso is not None:
            target(
                f"cold resolve vs isoparse + zone + format, {name}",
                f"{over_iso:.2f}x isoparse's time",
                "< 1x",
                over_iso < 1,
            )


# --- expressions: relative expressions against dateparser and parsedatetime --------------

# ``{n}`` makes each text distinct (bhtime caches parsed texts); fixed words get
# a varying time of day instead.
EXPRESSIONS = [
    "now -{n} hours +1min",
    "{n}h",
    "+{n} hours",
    "-{n} hours",
    "{n} min",
    "+{n} days",
    "-{n} days",
    "now +{n}d",
    "-{n} weeks",
    "+{n} month",
    "-1h {n}min",
    "tomorrow {hh}:{mm}",
    "yesterday {hh}:{mm}",
    "today {hh}:{mm}",
]


def fill(template: str, n: int) -> str:
    """The template's ``n``-th distinct text (n minutes past midnight for ``hh:mm``)."""
    return template.format(n=n, hh=f"{n // 60 % 24:02d}", mm=f"{n % 60:02d}")


class Peer(NamedTuple):
    name: str
    call: Callable[[str], object]
    # parsedatetime computes in whole seconds (time.struct_time): its answers are
    # compared to the second, so that it is not counted wrong for that alone.
    to_second: bool
    at_least: float


def relative_peers() -> list[Peer]:
    import dateparser  # type: ignore[import-untyped]  # the bench extra
    import parsedatetime  # type: ignore[import-untyped]

    base = NOW.astimezone(USER).replace(tzinfo=None)  # the same instant, as a wall time
    settings = {"RELATIVE_BASE": base, "TIMEZONE": ZONE, "RETURN_AS_TIMEZONE_AWARE": True}
    calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)

    def dateparser_parse(text: str) -> object:
        return dateparser.parse(text, settings=settings)

    def parsedatetime_parse(text: str) -> object:
        moment, context = calendar.parseDT(text, sourceTime=base, tzinfo=USER)
        return moment if context.hasDateOrTime else None

    return [
        Peer("dateparser", dateparser_parse, False, DATEPARSER_AT_LEAST),
        Peer("parsedatetime", parsedatetime_parse, True, PARSEDATETIME_AT_LEAST),
    ]


def agrees(peer: Peer, theirs: object, ours: datetime) -> bool:
    if not isinstance(theirs, datetime) or theirs.tzinfo is None:
        return False
    if peer.to_second:
        ours = ours.replace(microsecond=0)
    return theirs == ours


def section_expressions(opts: Options) -> None:
    peers = relative_peers()
    print("\n== Relative expressions, cold: bhtime.resolve vs dateparser and parsedatetime ==")
    print(
        f"{opts.peer_texts} distinct texts per expression, in chunks of 25 taking turns; "
        "each peer's answer\nis checked against bhtime's on every text, and an expression "
        "counts only for the peers right on all of it"
    )
    bh_resolve("now +1s")
    for peer in peers:
        peer.call("in 1 second")
    names = "".join(f"{peer.name + ' µs':>18}{'x':>8}" for peer in peers)
    print(f"{'expression':<24}{'bhtime µs':>10}{names}")
    pooled: dict[str, list[float]] = {peer.name: [] for peer in peers}
    wrong: dict[str, list[str]] = {peer.name: [] for peer in peers}
    for template in EXPRESSIONS:
        texts = [fill(template, 1 + i * 7) for i in range(opts.peer_texts)]
        timed = chunked([bh_resolve, *(peer.call for peer in peers)], texts, chunk=25)
        ours = [bh_instant(text) for text in texts]  # after the timing: it warms the cache
        row = f"{template:<24}{us(median(timed[0])):>10}"
        for peer, ns in zip(peers, timed[1:], strict=True):
            answers = [peer.call(text) for text in texts]
            misses = [
                (text, theirs, mine)
                for text, theirs, mine in zip(texts, answers, ours, strict=True)
                if not agrees(peer, theirs, mine)
            ]
            if not misses:
                chunk_ratios = [p / b for p, b in zip(ns, timed[0], strict=True)]
                pooled[peer.name] += chunk_ratios
                cell = f"{median(chunk_ratios):.0f}x"
            else:
                text, theirs, mine = misses[0]
                wrong[peer.name].append(
                    f"{template!r}: wrong on {len(misses)}/{len(texts)}, first {text!r}: "
                    f"{theirs}, bhtime {bhtime.format_instant(mine)}"
                )
                cell = "wrong"
            row += f"{us(median(ns)):>18}{cell:>8}"
        print(row)
    for peer in peers:
        print(f"{peer.name} wrong on {len(wrong[peer.name])} of {len(EXPRESSIONS)}:")
        for line in wrong[peer.name]:
            print(f"  {line}")
    for peer in peers:
        chunk_ratios = pooled[peer.name]
        if not chunk_ratios:
            print(f"{peer.name}: right on no expression, no ratio")
            continue
        ratio = median(chunk_ratios)
        target(
            f"relative expressions vs {peer.name} (where it is right)",
            f"{ratio:.1f}x faster",
            f">= {peer.at_least:.0f}x",
            ratio >= peer.at_least,
        )


# --- repeated: the same text again -----------------------------------------------------


def section_repeated(opts: Options) -> None:
    texts = [form.text(7) for form in FORMS] + [fill(t, 7) for t in EXPRESSIONS]
    print("\n== Repeated text: the same text, zone and now again ==")
    print(
        f"{len(texts)} texts (one of each form and expression), {opts.rounds} round-robin "
        "rounds of 200 calls each; µs per call, median over rounds"
    )
    for text in texts:
        bh_resolve(text)
    rounds: dict[str, list[float]] = {text: [] for text in texts}
    for _ in range(opts.rounds):
        for text in texts:
            rounds[text].append(repeated(lambda t=text: bh_resolve(t), 200))  # type: ignore[misc]
    figures = {text: median(samples) for text, samples in rounds.items()}
    for text, ns in figures.items():
        print(f"  {text:<44}{us(ns):>8}")
    worst_text, worst = max(figures.items(), key=lambda item: item[1])
    target(
        f"repeated text (worst: {worst_text})",
        f"{us(worst)} µs",
        f"<= {REPEATED_AT_MOST_US:.0f} µs",
        worst <= REPEATED_AT_MOST_US * 1000,
    )


# --- linear: cost against length --------------------------------------------------------


def _pad(text: str, length: int) -> str:
    return text + " " * (length - len(text))


def _repeat(unit: str, length: int, head: str = "", tail: str = "") -> str:
    """``head``, then ``unit`` as often as fits, then ``tail``, padded with spaces."""
    count = (length - len(head) - len(tail)) // len(unit)
    return _pad(head + unit * count + tail, length) if count > 0 else ""


# Inputs of exactly ``length`` characters; worst cases for the grammar included.
LINEAR_CASES: list[tuple[str, Callable[[int], str]]] = [
    ("many modifiers '+1h +1h ...'", lambda n: _repeat("+1h ", n)),
    ("glued signs '+1d-2h+30min...'", lambda n: _repeat("+1d-2h+3min", n)),
    ("date, time + modifiers", lambda n: _repeat(" -1 day +2 hours", n, head="2011-12-03 noon")),
    ("leading zeros '+000...01h'", lambda n: "+" + "0" * (n - 3) + "1h"),
    ("huge number '111...1h'", lambda n: "1" * (n - 1) + "h"),
    ("digits only '999...'", lambda n: "9" * n),
    ("many signs '+++...'", lambda n: "+" * n),
    ("sign, space '- - - ...'", lambda n: _repeat("- ", n)),
    ("unknown word 'xxx...'", lambda n: "x" * n),
    ("words, no spaces 'nownow...'", lambda n: _repeat("now", n)),
    ("glued units '1h1h1h...'", lambda n: _repeat("1h", n)),
    ("many numbers '1 1 1 ...'", lambda n: _repeat("1 ", n)),
    ("error at the end '+1h ... hrs'", lambda n: _repeat("+1h ", n, tail="3 hrs")),
    ("conflict at the end", lambda n: _repeat("+1h ", n, head="today ", tail="today")),
    ("non-ASCII at the end", lambda n: _repeat("+1h ", n, tail="1\u00e9")),
    ("fraction at the end", lambda n: _repeat("+1h ", n, tail="1.5h")),
    ("many colons '1:1:1:...'", lambda n: _repeat("1:", n)),
    ("long [zone] name", lambda n: "2011-12-03T10:15:30+01:00[" + "A" * (n - 27) + "]"),
    ("long fraction '10:15:30.000...'", lambda n: "10:15:30." + "0" * (n - 9)),
    ("whitespace, then '#'", lambda n: " " * (n - 1) + "#"),
]
LENGTHS = [10, 30, 100, 300, 1000]


def resolve_or_message(text: str) -> str:
    """What a caller shows: the result, or the error's full message."""
    try:
        return bh_resolve(text)
    except bhtime.BhtimeError as error:
        return str(error)


def outcome(text: str) -> str:
    try:
        bh_resolve(text)
    except bhtime.BhtimeError as error:
        return error.code
    return "valid"


def section_linear(opts: Options) -> None:
    print("\n== Cost against length: µs per call (µs per character) ==")
    print(
        f"median CPU time of {opts.linear_repeats} calls; every cache cleared before each call "
        "(outside the timing),\nso each is a text and shape never seen; errors include "
        "str(error)"
    )
    resolve_or_message("now")
    print(f"{'input':<32}{'at 1000':<18}" + "".join(f"{n:>16}" for n in LENGTHS) + "   growth")
    worst: tuple[float, str] = (0.0, "")
    not_linear = []
    for name, build in LINEAR_CASES:
        medians: dict[int, float] = {}
        for length in LENGTHS:
            text = build(length)
            if len(text) != length or not text.strip():
                continue  # the case's shape does not fit in so few characters
            with gc_off():
                samples = [
                    one_call(lambda t=text: resolve_or_message(t), clear_caches)  # type: ignore[misc]
                    for _ in range(opts.linear_repeats)
                ]
            medians[length] = median(samples)
        cells = "".join(
            f"{us(medians[n]) + f' ({medians[n] / n / 1000:.2f})' if n in medians else '-':>16}"
            for n in LENGTHS
        )
        growth = (medians[1000] / 1000) / (medians[300] / 300)
        print(f"{name:<32}{outcome(build(1000)):<18}{cells}{growth:>8.2f}x")
        worst = max(worst, (medians[1000], name))
        if growth > LINEAR_SLACK:
            not_linear.append(f"{name} ({growth:.1f}x)")
    print(
        "growth = µs per character at 1,000 over that at 300: about 1 (or less, as fixed costs"
        f" spread) when linear,\n3.3 when quadratic; above {LINEAR_SLACK:.1f}x: "
        f"{', '.join(not_linear) or 'none'}"
    )
    target(
        f"any 1,000-character input (worst: {worst[1]})",
        f"{worst[0] / 1e6:.2f} ms",
        f"<= {LONG_INPUT_AT_MOST_MS:.0f} ms",
        worst[0] <= LONG_INPUT_AT_MOST_MS * 1e6,
    )
    target(
        "linear growth, 300 to 1,000 characters",
        f"{len(not_linear)} input(s) above {LINEAR_SLACK:.1f}x",
        "none",
        not not_linear,
    )


# --- batch: bhtime - beside GNU date -f --------------------------------------------------

INVALID = ["now +{n} hrs", "tomorow {hh}:{mm}", "{n}h30min"]
GNU_FORMAT = "+%Y-%m-%dT%H:%M:%S.%3N%z"
RESULT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{4}")


def bhtime_command() -> list[str]:
    """The console script beside this interpreter, else ``python -m bhtime``."""
    script = Path(sys.executable).with_name("bhtime")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bhtime"]


INVALID_EVERY = 100  # one line in a hundred is invalid


def batch_kinds() -> list[tuple[str, Callable[[int], str]]]:
    """Every form and every relative expression: the valid kinds of a mixed batch."""
    kinds: list[tuple[str, Callable[[int], str]]] = [(form.name, form.text) for form in FORMS]
    for template in EXPRESSIONS:
        kinds.append((template, lambda n, t=template: fill(t, n)))  # type: ignore[misc]
    return kinds


def batch_lines(kinds: list[tuple[str, Callable[[int], str]]], count: int) -> list[str]:
    """``count`` distinct lines, the kinds in turn, one in a hundred invalid."""
    lines = []
    for i in range(count):
        n, kind = divmod(i, len(kinds))
        if i % INVALID_EVERY == INVALID_EVERY - 1:
            lines.append(fill(INVALID[n % len(INVALID)], n))
        else:
            lines.append(kinds[kind][1](n))
    return lines


def gnu_reads(build: Callable[[int], str], date: str) -> bool:
    """Whether GNU date reads 20 texts of a kind as bhtime does (to 2 s for relative ones)."""
    texts = [build(n) for n in range(1, 200, 10)]
    clock_now = datetime.now(timezone.utc)
    done = subprocess.run(
        [date, "-f", "-", GNU_FORMAT],
        input="\n".join(texts) + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": ZONE},
        check=False,
    )
    theirs = done.stdout.split()
    if len(theirs) != len(texts):  # GNU date skips a line it cannot read
        return False
    for text, answer in zip(texts, theirs, strict=True):
        try:
            ours = bhtime.evaluate(text, zone=ZONE, now=clock_now)
        except bhtime.BhtimeError:
            return False
        slack = abs(datetime.strptime(answer, "%Y-%m-%dT%H:%M:%S.%f%z") - ours)
        if slack > timedelta(seconds=2):
            return False
    return True


def batch_cpu(command: list[str], stdin: TextIO, stdout: TextIO) -> float:
    """CPU seconds of one batch run, its output to ``stdout``; errors go nowhere."""
    env = {**os.environ, "TZ": ZONE}  # GNU date's user zone; bhtime is told with -z
    return child_cpu(command, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL, env=env).cpu


def section_batch(opts: Options) -> None:
    kinds = batch_kinds()
    lines = batch_lines(kinds, opts.batch_lines)
    command = [*bhtime_command(), "-z", ZONE, "--now", NOW_TEXT, "-"]
    date = shutil.which("date")
    both = [name for name, build in kinds if date and gnu_reads(build, date)]
    subset = [
        line
        for i, line in enumerate(lines)
        if kinds[i % len(kinds)][0] in both and i % INVALID_EVERY != INVALID_EVERY - 1
    ]
    print("\n== Batch: bhtime - (a child process) beside GNU date -f ==")
    print(
        f"{len(lines):,} distinct lines, {len(kinds)} kinds in turn (every form, every relative "
        f"expression), one in {INVALID_EVERY} invalid;\n{' '.join(command)} < lines; child CPU "
        f"(getrusage), median of {opts.batch_rounds} interleaved runs"
    )
    print(f"GNU date reads {len(both)} kinds as bhtime does: {', '.join(both) or 'none'}")
    with tempfile.TemporaryDirectory() as folder:
        every, shared, out = Path(folder, "every"), Path(folder, "shared"), Path(folder, "out")
        every.write_text("\n".join(lines) + "\n")
        shared.write_text("\n".join(subset) + "\n")
        runs = {"bhtime": (command, every), "bhtime shared": (command, shared)}
        if date and subset:
            runs["date"] = ([date, "-f", "-", GNU_FORMAT], shared)
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for round_number in range(opts.batch_rounds):
            for name in list(runs)[:: 1 if round_number % 2 == 0 else -1]:
                run_command, path = runs[name]
                with path.open() as stdin, out.open("w") as stdout:
                    cpu[name].append(batch_cpu(run_command, stdin, stdout))
                if name == "bhtime":
                    printed = out.read_text().splitlines()
    # An invalid line prints a line that is not a result (an error, or an empty line).
    results = sum(RESULT.fullmatch(line) is not None for line in printed)
    valid = len(lines) - len(lines) // INVALID_EVERY
    print(
        f"bhtime printed {len(printed):,} lines: {results:,} results, for the {valid:,} valid lines"
    )
    rate = len(lines) / median(cpu["bhtime"])
    print(f"bhtime, all {len(lines):,} lines: {rate:,.0f} lines per CPU-second")
    if "date" in cpu:
        for name in ("bhtime shared", "date"):
            shared_rate = len(subset) / median(cpu[name])
            label = name.replace(" shared", "")
            print(f"{label + ',':<8} the {len(subset):,} both read: {shared_rate:,.0f} lines/CPU-s")
    target(
        f"bhtime - on {len(lines):,} mixed lines",
        f"{rate:,.0f} lines per CPU-second",
        f">= {BATCH_AT_LEAST:,}",
        rate >= BATCH_AT_LEAST and results == valid,
    )


# --- process: the first call in a fresh process ------------------------------------------

FIRST_CALL = "import bhtime; bhtime.resolve('now', zone='UTC')"
NEUTRAL_DIRECTORY = tempfile.gettempdir()


def section_process(opts: Options) -> None:
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        f'python -c "{FIRST_CALL}"': [sys.executable, "-c", FIRST_CALL],
        "bhtime now -z UTC": [*bhtime_command(), "now", "-z", "UTC"],
    }
    print("\n== First call in a fresh process ==")
    print(f"{opts.process_runs} runs of each, interleaved; child CPU (getrusage); {sys.executable}")
    # ``python -c`` puts the working directory first on sys.path: run it where no
    # bhtime/ folder would shadow the one on PYTHONPATH or installed.
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": NEUTRAL_DIRECTORY}
    for command in commands.values():  # warm the OS's file caches
        child_cpu(command, **quiet)
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    wall: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(opts.process_runs):
        names = list(commands) if run % 2 == 0 else list(reversed(commands))
        for name in names:
            done = child_cpu(commands[name], **quiet)
            cpu[name].append(done.cpu)
            wall[name].append(done.wall)
    bare = median(cpu["python -c pass"])
    for name in commands:
        print(
            f"  {name:<66} CPU {median(cpu[name]) * 1000:6.1f} ms "
            f"({median(cpu[name]) / bare:4.2f}x), wall {median(wall[name]) * 1000:6.1f} ms"
        )
    probe = f"import sys; {FIRST_CALL}; print('lark' in sys.modules, bhtime.__file__)"
    profiled = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=NEUTRAL_DIRECTORY,
    )
    lark_imported, child_bhtime = profiled.stdout.split()
    print(f"  lark imported by the first call: {lark_imported} (bhtime from {child_bhtime})")
    rows = [line.split("|") for line in profiled.stderr.splitlines() if line.count("|") == 2]
    # One space of indent: imported by the first call itself (at once or lazily), not by a module.
    imports = sorted(
        (int(row[1]), row[2].strip())
        for row in rows
        if row[1].strip().isdigit() and row[2].startswith(" ") and row[2][1] != " "
    )
    heaviest = [f"{name} {micros / 1000:.1f}" for micros, name in imports[-6:][::-1]]
    print(
        "  the first call's largest imports (-X importtime: cumulative wall ms, which load "
        f"inflates): {', '.join(heaviest)}"
    )
    for name, at_most in (
        (f'python -c "{FIRST_CALL}"', FIRST_CALL_AT_MOST),
        ("bhtime now -z UTC", SCRIPT_AT_MOST),
    ):
        ratio = median(cpu[name]) / bare
        target(
            f"first call: {name}",
            f"{ratio:.2f}x a bare python -c pass ({median(cpu[name]) * 1000:.1f} ms CPU)",
            f"<= {at_most}x",
            ratio <= at_most,
        )


# --- memory: what bhtime holds after hostile texts ---------------------------------------

HOSTILE_UNITS = ["h", "m", "s", "d", "w", "min", "mon"]
HOSTILE_FAULTS = ["3hrs", "1.5h", "tomorow", "+1x", "1\u00e9", "1M", "today today", "#"]


def hostile_text(rng: random.Random, valid: bool) -> str:
    """1,000 characters of modifiers (about 240), valid or with one fault somewhere."""
    parts, length = [], 0
    while length < 990:
        number = rng.randint(1, 9) if rng.random() < 0.8 else rng.randint(10, 99)
        part = f"{rng.choice('+-')}{number}{rng.choice(HOSTILE_UNITS)}"
        parts.append(part)
        length += len(part) + 1
    if not valid:
        parts[rng.randrange(len(parts))] = rng.choice(HOSTILE_FAULTS)
    return " ".join(parts)[:1000].rstrip().ljust(1000)


def memory_child(count: int) -> None:
    """In a child process: tracemalloc growth from one call to ``count`` hostile texts."""
    tracemalloc.start()
    rng = random.Random(8)
    outcomes = {"valid": 0, "invalid": 0}

    def call(text: str) -> None:
        try:
            bh_resolve(text)
            outcomes["valid"] += 1
        except bhtime.BhtimeError:
            outcomes["invalid"] += 1

    call(hostile_text(rng, valid=True))  # one call of each kind: the baseline
    call(hostile_text(rng, valid=False))
    gc.collect()
    baseline, snapshot = tracemalloc.get_traced_memory()[0], tracemalloc.take_snapshot()
    for n in range(count):
        call(hostile_text(rng, valid=n % 2 == 0))
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    top = tracemalloc.take_snapshot().compare_to(snapshot, "filename")[:4]
    print(
        json.dumps(
            {
                "baseline": baseline,
                "growth": after - baseline,
                "outcomes": outcomes,
                "top": [f"{Path(str(s.traceback[0].filename)).name} {s.size_diff}" for s in top],
                "cpu": time.process_time(),
            }
        )
    )


class MemoryChild:
    """The memory section's child process, started first so it runs beside the others.

    Under tracemalloc the 20,000 hostile texts take minutes of CPU; run alone
    they would double the benchmark's length. The timed sections measure CPU
    time, which a busy neighbour core changes little, and their ratios to the
    floor and to peers are taken in the same moments, so they cancel the rest.
    """

    def __init__(self, opts: Options) -> None:
        self.count = opts.hostile
        command = [sys.executable, str(Path(__file__).resolve()), "--memory-child", str(self.count)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)

    def report(self) -> None:
        stdout, _ = self.process.communicate()
        print(
            "\n== Memory: what bhtime holds after hostile texts (tracemalloc, a child process) =="
        )
        print(
            f"{self.count:,} distinct 1,000-character texts of about 240 random modifiers, "
            "half with one fault;\ngrowth of traced memory after them over after one call of "
            "each kind (the loop keeps nothing)"
        )
        figures: dict[str, Any] = json.loads(stdout)
        growth = figures["growth"] / 2**20
        print(
            f"  outcomes {figures['outcomes']}; after one call {figures['baseline'] / 2**20:.2f}"
            f" MiB; child CPU {figures['cpu']:.0f} s (tracemalloc slows it several times)"
        )
        print(f"  largest growth by file (bytes): {', '.join(figures['top'])}")
        label = "" if self.count == FULL.hostile else f" (--quick: {self.count:,}, not 20,000)"
        target(
            f"memory after {self.count:,} hostile texts{label}",
            f"{growth:.2f} MiB over after one call",
            f"<= {MEMORY_AT_MOST_MIB:.0f} MiB",
            growth <= MEMORY_AT_MOST_MIB,
        )


# --- main ---------------------------------------------------------------------------------

SECTIONS: dict[str, Callable[[Options], None]] = {
    "floor": section_floor,
    "expressions": section_expressions,
    "repeated": section_repeated,
    "linear": section_linear,
    "batch": section_batch,
    "process": section_process,
}
MEMORY = "memory"  # a section too, run by MemoryChild beside the others


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def summary() -> None:
    print("\n== Targets ==")
    width = max(len(result.name) for result in RESULTS)
    for result in RESULTS:
        print(f"{verdict(result.ok)}  {result.name:<{width}}  {result.figure}  ({result.limit})")
    passed = sum(result.ok for result in RESULTS)
    print(f"{passed} of {len(RESULTS)} targets pass")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer texts and rounds (~1 minute)")
    parser.add_argument(
        "--only",
        default=",".join([*SECTIONS, MEMORY]),
        help=f"comma-separated: {', '.join([*SECTIONS, MEMORY])}",
    )
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child is not None:
        memory_child(args.memory_child)
        return 0
    names = [name.strip() for name in args.only.split(",")]
    unknown = [name for name in names if name not in SECTIONS and name != MEMORY]
    if unknown:
        parser.error(
            f"unknown section(s) {', '.join(unknown)}; choose from {', '.join([*SECTIONS, MEMORY])}"
        )
    opts = QUICK if args.quick else FULL
    peers = ("dateparser", "parsedatetime", "python-dateutil")
    print(
        f"bhtime {bhtime.__version__} from {Path(bhtime.__file__).parent} (its bytecode compiled"
        " first, as an install has it), Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f}\n" + ", ".join(f"{p} {package_version(p)}" for p in peers)
    )
    # An install has bhtime's bytecode (pip compiles it); a checkout may not, and
    # with PYTHONDONTWRITEBYTECODE set every child process would compile bhtime again.
    compileall.compile_dir(Path(bhtime.__file__).parent, quiet=1)
    memory = MemoryChild(opts) if MEMORY in names else None
    for name in names:
        if name != MEMORY:
            SECTIONS[name](opts)
    if memory is not None:
        memory.report()
    summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
