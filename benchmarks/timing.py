"""CPU-time measurement on a shared, noisy machine.

Wall time on a machine shared with other jobs counts their work too, so every
figure here is CPU time: ``time.thread_time_ns`` for work in this process, the
children's ``os.times`` for child processes. What remains is the machine's
drift (frequency, caches, neighbours): the contenders take turns chunk by
chunk, the order alternating, and figures are medians over chunks, so a slow
second lands on every contender and a ratio taken chunk by chunk cancels it.
"""

from __future__ import annotations

import gc
import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

clock = time.thread_time_ns


@contextmanager
def gc_off() -> Iterator[None]:
    """No garbage collection while timing, as in ``timeit``; collect before."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _clock_cost() -> float:
    """Nanoseconds one ``clock()`` pair adds to a single timed call."""
    samples = []
    for _ in range(2001):
        start = clock()
        samples.append(clock() - start)
    return statistics.median(samples)


CLOCK_COST = _clock_cost()


def _turns(count: int, number: int) -> Sequence[int]:
    """The order contenders run in for chunk ``number``: reversed every other chunk."""
    return range(count) if number % 2 == 0 else range(count - 1, -1, -1)


def chunked(
    fns: Sequence[Callable[[str], object]], texts: Sequence[str], chunk: int
) -> list[list[float]]:
    """For each of ``fns``, its nanoseconds per call in each chunk of ``chunk`` texts.

    Every fn calls every text once; within a chunk each fn runs its calls in a
    row (as a program would), timed as one block, so the clock's own cost is
    spread over the chunk.
    """
    out: list[list[float]] = [[] for _ in fns]
    with gc_off():
        for number, first in enumerate(range(0, len(texts), chunk)):
            part = texts[first : first + chunk]
            for which in _turns(len(fns), number):
                fn = fns[which]
                start = clock()
                for text in part:
                    fn(text)
                out[which].append((clock() - start) / len(part))
    return out


def each_call(
    fns: Sequence[Callable[[str], object]],
    texts: Sequence[str],
    chunk: int,
    prepare: Callable[[], object],
) -> list[list[float]]:
    """Like ``chunked``, but ``prepare()`` runs before every call, outside the timing.

    Each call is timed on its own, less the clock's own cost; each chunk
    gives the mean of its calls.
    """
    out: list[list[float]] = [[] for _ in fns]
    with gc_off():
        for number, first in enumerate(range(0, len(texts), chunk)):
            part = texts[first : first + chunk]
            for which in _turns(len(fns), number):
                fn, total = fns[which], 0
                for text in part:
                    prepare()
                    start = clock()
                    fn(text)
                    total += clock() - start
                out[which].append(max(0.0, total / len(part) - CLOCK_COST))
    return out


def one_call(fn: Callable[[], object], prepare: Callable[[], object]) -> float:
    """Nanoseconds of one call of ``fn`` after ``prepare()``, less the clock's cost."""
    prepare()
    start = clock()
    fn()
    return max(0.0, clock() - start - CLOCK_COST)


def repeated(fn: Callable[[], object], calls: int) -> float:
    """Nanoseconds per call over ``calls`` calls in a row."""
    with gc_off():
        start = clock()
        for _ in range(calls):
            fn()
        return (clock() - start) / calls


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median of the chunk-by-chunk ratios: drift between chunks cancels."""
    return statistics.median(a / b for a, b in zip(numerators, denominators, strict=True) if b)


def _children_cpu() -> float:
    # getrusage, not os.times: os.times counts in clock ticks (10 ms), as much
    # as a bare interpreter's whole start.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class ChildRun(NamedTuple):
    cpu: float  # seconds, user + system
    wall: float  # seconds
    stdout: Any  # what ``subprocess.run`` captured, if asked to


def child_cpu(command: Sequence[str], **kwargs: Any) -> ChildRun:
    """One run of ``command`` (``subprocess.run`` with ``kwargs``): its CPU and wall time."""
    before, wall = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, check=False, **kwargs)
    return ChildRun(_children_cpu() - before, time.perf_counter() - wall, done.stdout)
