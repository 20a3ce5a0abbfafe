"""The benchmark's own tools: the grown plan is a valid plan, and memory readings are the
command's own (not the benchmark's)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from kehoach.bench.grow import grow
from kehoach.bench.runner import run_once, run_once_cpu
from kehoach.cli.app import app


def test_grown_plan_is_valid_and_has_the_size_asked(tmp_path: Path) -> None:
    root = tmp_path / "grown"
    files = grow(root, 300)
    assert files == len(list((root / "tasks").glob("*.yaml")))
    assert files > 300 // 10  # a few tasks per file, as in real plans
    result = CliRunner().invoke(app, ["validate", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    tasks = CliRunner().invoke(app, ["tasks", str(root), "--format", "json"])
    assert tasks.exit_code == 0
    ids = [task["id"] for task in json.loads(tasks.stdout)]
    assert 300 <= len(ids) < 300 + 20  # stops within one file of the size asked
    assert len(ids) == len(set(ids))


def test_memory_reading_does_not_include_the_parent() -> None:
    """A child forked from a big process would report the parent's size; the launcher
    keeps the reading to the command itself."""
    ballast = bytearray(300 * 1024 * 1024)  # this process: over 300 MB resident
    ballast[::4096] = b"x" * len(ballast[::4096])
    _, mb, code, err = run_once([sys.executable, "-c", "pass"])
    assert code == 0, err
    assert mb < 100
    _, mb, code, err = run_once([sys.executable, "-c", "b = bytearray(150 * 1024 * 1024)"])
    assert code == 0, err
    assert 150 <= mb < 300
    del ballast


def test_cpu_reading_is_the_commands_own_work() -> None:
    """CPU time (user + system) is read from the command's own usage: a command that
    computes for a while reports it, one that sleeps as long does not."""
    busy = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    wall, _, code, err, cpu = run_once_cpu([sys.executable, "-c", busy])
    assert code == 0, err
    assert 300 <= cpu <= wall + 50
    wall, _, code, err, cpu = run_once_cpu([sys.executable, "-c", "import time; time.sleep(0.3)"])
    assert code == 0, err
    assert wall >= 300 and cpu < 250


def test_generated_portfolio_is_valid_and_shares_its_registry(tmp_path: Path) -> None:
    from kehoach.bench.synth import generate_portfolio

    root = tmp_path / "portfolio"
    made = generate_portfolio(root, 4, tasks_per_plan=150, n_bodies=20)
    assert made.plans == 4 and len(list((root / "plans").iterdir())) == 4
    assert not list(root.glob("plans/*/bodies.yaml"))  # only the shared registry
    result = CliRunner().invoke(app, ["validate", str(root), "--as-of", "2020-06-30"])
    assert result.exit_code == 0, result.output
    status = CliRunner().invoke(
        app, ["status", str(root), "--format", "json", "--as-of", "2020-06-30"]
    )
    rows = json.loads(status.stdout)["plans"]
    assert [r["plan"] for r in rows] == ["kh-0001", "kh-0002", "kh-0003", "kh-0004"]
    by_body = CliRunner().invoke(
        app, ["status", str(root), "--by", "body", "--format", "json", "--as-of", "2020-06-30"]
    )
    assert any(len(r["plans"]) > 1 for r in json.loads(by_body.stdout)["bodies"])
