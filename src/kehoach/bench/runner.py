"""Run commands as the user does (a fresh process each time) and measure them.

Wall time is the median of several runs; peak memory is the child's maximum
resident set size, read with ``os.wait4`` so each run is measured on its own.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass
class Measure:
    """One command, run ``runs`` times: median wall time (ms) and peak RSS (MB)."""

    label: str
    argv: list[str]
    times_ms: list[float] = field(default_factory=list)
    peaks_mb: list[float] = field(default_factory=list)
    error: str | None = None

    @property
    def ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")

    @property
    def mb(self) -> float:
        return max(self.peaks_mb) if self.peaks_mb else float("nan")

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.times_ms)

    def to_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "argv": self.argv,
            "median_ms": round(self.ms, 1) if self.ok else None,
            "peak_mb": round(self.mb, 1) if self.ok else None,
            "times_ms": [round(t, 1) for t in self.times_ms],
            "error": self.error,
        }


def _rss_mb(ru_maxrss: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def run_once(
    argv: Sequence[str], env: Mapping[str, str] | None = None, cwd: str | None = None
) -> tuple[float, float, int, bytes]:
    """(wall ms, peak MB, exit code, stderr) of one run; stdout is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=dict(env) if env is not None else None,
        cwd=cwd,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()  # small: only messages; read before waiting to avoid a full pipe
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    return elapsed, _rss_mb(usage.ru_maxrss), proc.returncode, err


def runs_for(first_ms: float, wanted: int | None) -> int:
    """How many timed runs: many for fast commands, few for slow ones."""
    if wanted is not None:
        return wanted
    if first_ms < 500:
        return 15
    if first_ms < 3000:
        return 7
    return 3


def measure(
    label: str,
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    runs: int | None = None,
    before_each: Callable[[], None] | None = None,
    expect: tuple[int, ...] = (0,),
    warmup: bool = True,
) -> Measure:
    """Time *argv*; ``before_each`` (a callable) runs untimed before every run."""
    result = Measure(label, list(argv))
    prepare = before_each
    if warmup:  # untimed: fills the OS file cache and, for warm runs, our own cache
        if prepare:
            prepare()
        first, _, code, err = run_once(argv, env)
        if code not in expect:
            result.error = f"exit {code}: {err.decode('utf-8', 'replace').strip()[:300]}"
            return result
    else:
        first = 0.0
    count = runs_for(first, runs)
    for _ in range(count):
        if prepare:
            prepare()
        ms, mb, code, err = run_once(argv, env)
        if code not in expect:
            result.error = f"exit {code}: {err.decode('utf-8', 'replace').strip()[:300]}"
            return result
        result.times_ms.append(ms)
        result.peaks_mb.append(mb)
    return result


@dataclass
class Spec:
    """A command to measure in an interleaved batch."""

    label: str
    argv: list[str]
    env: Mapping[str, str] | None = None
    before_each: Callable[[], None] | None = None
    expect: tuple[int, ...] = (0,)
    warmup: bool = True


def measure_interleaved(specs: Sequence[Spec], rounds: int) -> list[Measure]:
    """Run every spec once per round, in turn, so a command and its baseline see the same
    machine load: on a shared machine load drifts, and ratios of interleaved runs stay
    steadier than ratios of runs made one block after the other."""
    results = [Measure(spec.label, list(spec.argv)) for spec in specs]
    for spec, result in zip(specs, results, strict=True):
        if not spec.warmup:
            continue
        if spec.before_each:
            spec.before_each()
        _, _, code, err = run_once(spec.argv, spec.env)
        if code not in spec.expect:
            result.error = f"exit {code}: {err.decode('utf-8', 'replace').strip()[:300]}"
    for _ in range(rounds):
        for spec, result in zip(specs, results, strict=True):
            if result.error is not None:
                continue
            if spec.before_each:
                spec.before_each()
            ms, mb, code, err = run_once(spec.argv, spec.env)
            if code not in spec.expect:
                result.error = f"exit {code}: {err.decode('utf-8', 'replace').strip()[:300]}"
                continue
            result.times_ms.append(ms)
            result.peaks_mb.append(mb)
    return results
