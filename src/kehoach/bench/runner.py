"""Run commands as the user does (a fresh process each time) and measure them.

Wall time is the median of several runs; peak memory is the command's maximum
resident set size. Both are read by a small launcher process (:data:`LAUNCHER`) that
starts the command and waits for it with ``os.wait4``: on Linux a child inherits, in
its ``ru_maxrss``, the resident size of the process it was forked from, so a
benchmark that holds a big plan in memory would otherwise see its own size in every
reading. The launcher is a bare Python (about 9 MB, less than any command measured),
and it takes the time from just before the start to the end of the command, so its
own start-up is not counted.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
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
    cpu_times_ms: list[float] = field(default_factory=list)  # user + system

    @property
    def ms(self) -> float:
        return statistics.median(self.times_ms) if self.times_ms else float("nan")

    @property
    def cpu_ms(self) -> float:
        """Median CPU time (user + system) of the command and the children it waited for:
        steadier than wall time on a machine that other work shares."""
        return statistics.median(self.cpu_times_ms) if self.cpu_times_ms else float("nan")

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
            "median_cpu_ms": round(self.cpu_ms, 1) if self.cpu_times_ms else None,
            "cpu_times_ms": [round(t, 1) for t in self.cpu_times_ms],
            "peak_mb": round(self.mb, 1) if self.ok else None,
            "times_ms": [round(t, 1) for t in self.times_ms],
            "error": self.error,
        }


LAUNCHER = """
import os, sys, time
argv = sys.argv[2:]
out = int(sys.argv[1])
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
elapsed = (time.perf_counter() - start) * 1000
cpu = (usage.ru_utime + usage.ru_stime) * 1000
os.write(out, f"{elapsed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {cpu}".encode())
"""


def _rss_mb(ru_maxrss: int) -> float:
    # Linux reports kilobytes, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def run_once(
    argv: Sequence[str], env: Mapping[str, str] | None = None, cwd: str | None = None
) -> tuple[float, float, int, bytes]:
    """(wall ms, peak MB, exit code, stderr) of one run; stdout is discarded."""
    wall, peak, code, err, _ = run_once_cpu(argv, env, cwd)
    return wall, peak, code, err


def run_once_cpu(
    argv: Sequence[str], env: Mapping[str, str] | None = None, cwd: str | None = None
) -> tuple[float, float, int, bytes, float]:
    """:func:`run_once` and the run's CPU time (user + system, ms)."""
    program = shutil.which(argv[0]) or argv[0]
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCHER, str(write_end), program, *argv[1:]],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=dict(env) if env is not None else None,
            cwd=cwd,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        write_end = -1
        assert proc.stderr is not None
        err = proc.stderr.read()  # small: only messages; read before waiting (a full pipe)
        proc.wait()
        proc.stderr.close()
        with os.fdopen(read_end, "rb") as handle:
            read_end = -1
            fields = handle.read().split()
    finally:
        for fd in (read_end, write_end):
            if fd >= 0:
                os.close(fd)
    if len(fields) != 4:
        return float("nan"), float("nan"), proc.returncode or 127, err, float("nan")
    return float(fields[0]), _rss_mb(int(fields[1])), int(fields[2]), err, float(fields[3])


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
        ms, mb, code, err, cpu = run_once_cpu(argv, env)
        if code not in expect:
            result.error = f"exit {code}: {err.decode('utf-8', 'replace').strip()[:300]}"
            return result
        result.times_ms.append(ms)
        result.peaks_mb.append(mb)
        result.cpu_times_ms.append(cpu)
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
            ms, mb, code, err, cpu = run_once_cpu(spec.argv, spec.env)
            if code not in spec.expect:
                result.error = f"exit {code}: {err.decode('utf-8', 'replace').strip()[:300]}"
                continue
            result.times_ms.append(ms)
            result.peaks_mb.append(mb)
            result.cpu_times_ms.append(cpu)
    return results
