"""Tests of ``kehoach update`` and ``kehoach event``: helpers shared by the test modules."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner, Result

from kehoach.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "plan"
AS_OF = "2018-09-01"


def copy_plan(tmp_path: Path) -> Path:
    target = tmp_path / "plan"
    shutil.copytree(SHIPPED, target)
    return target


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def update(plan: Path, task_id: str, *extra: str) -> Result:
    return invoke("update", task_id, "--plan", str(plan), *extra)


def event(plan: Path, event_id: str, *extra: str) -> Result:
    return invoke("event", event_id, "--plan", str(plan), *extra)


def snapshot(plan: Path) -> dict[str, bytes]:
    """Every file under *plan* (hidden ones too), by relative path."""
    return {p.relative_to(plan).as_posix(): p.read_bytes() for p in plan.rglob("*") if p.is_file()}


def task_ids(path: Path) -> list[str]:
    """Ids of the tasks of a task file, sub-tasks included, in file order."""
    out: list[str] = []

    def walk(tasks: list[dict[str, Any]]) -> None:
        for task in tasks:
            out.append(task["id"])
            walk(task.get("subtasks") or [])

    walk(yaml.safe_load(path.read_text(encoding="utf-8"))["tasks"])
    return out
