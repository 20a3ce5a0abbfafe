"""Tests of ``kehoach import``; shared helpers to read a plan directory back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "ke-hoach-nq26.txt"
SHIPPED = ROOT / "plan"
DATA = ROOT / "tests" / "data" / "import"  # every test document of the importer


def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def walk(
    tasks: list[dict[str, Any]], parent: str | None = None
) -> Iterator[tuple[dict[str, Any], str | None]]:
    for task in tasks:
        yield task, parent
        yield from walk(task.get("subtasks", []), task["id"])


def all_tasks(root: Path) -> dict[str, tuple[str, dict[str, Any], str | None]]:
    """Task id → (body id of its file, the task, its parent's id)."""
    out: dict[str, tuple[str, dict[str, Any], str | None]] = {}
    for path in sorted((root / "tasks").glob("*.yaml")):
        data = load(path)
        for task, parent in walk(data["tasks"]):
            assert task["id"] not in out, task["id"]
            out[task["id"]] = (data["body"], task, parent)
    return out


def body_names(root: Path) -> dict[str, str]:
    return {b["id"]: b["name"] for b in load(root / "bodies.yaml")["bodies"]}
