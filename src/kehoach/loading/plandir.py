"""Find and load the files of a plan directory into validated models.

Layout: ``plan.yaml``, ``bodies.yaml``, ``events.yaml`` (optional) and one file per
body under ``tasks/``. Every file is loaded even when another one fails, so one
run reports every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kehoach.errors import InputError, Problem
from kehoach.loading.positions import PosDict
from kehoach.loading.yamlfile import load_yaml
from kehoach.model import BodiesFile, EventsFile, PlanInfo, TaskFile
from kehoach.model.messages import problems_from

M = TypeVar("M", bound=BaseModel)

PLAN_FILE = "plan.yaml"
BODIES_FILE = "bodies.yaml"
EVENTS_FILE = "events.yaml"
TASKS_DIR = "tasks"


@dataclass
class Loaded:
    """One file: its model (None when it failed) and raw data kept for positions."""

    path: str
    model: Any
    raw: PosDict | None


@dataclass
class LoadedFiles:
    plan: Loaded | None
    bodies: Loaded | None
    events: Loaded | None
    task_files: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def display_path(path: Path) -> str:
    """Paths as the user would type them: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def task_file_paths(root: Path) -> list[Path]:
    tasks = root / TASKS_DIR
    if not tasks.is_dir():
        return []
    return sorted(
        (p for p in tasks.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()),
        key=lambda p: p.relative_to(tasks).as_posix(),
    )


def load_model(path: Path, model: type[M]) -> tuple[Loaded, list[Problem]]:
    shown = display_path(path)
    result = load_yaml(path, shown)
    if result.data is None:
        return Loaded(shown, None, None), result.problems
    try:
        instance = model.model_validate(result.data)
    except ValidationError as exc:
        return Loaded(shown, None, result.data), result.problems + problems_from(
            exc, model, result.data, shown
        )
    return Loaded(shown, instance, result.data), result.problems


def load_files(root: Path) -> LoadedFiles:
    """Load every file of the plan in *root*; raise InputError only when it is not a plan."""
    if not root.exists():
        raise InputError(f"Không tìm thấy thư mục kế hoạch '{root}'.")
    if not root.is_dir():
        raise InputError(f"'{root}' không phải là thư mục kế hoạch.")
    if not (root / PLAN_FILE).is_file():
        raise InputError(
            f"Thư mục '{root}' không có tệp {PLAN_FILE}: đây không phải là thư mục kế hoạch."
        )
    out = LoadedFiles(plan=None, bodies=None, events=None)
    for name, model, attr in (
        (PLAN_FILE, PlanInfo, "plan"),
        (BODIES_FILE, BodiesFile, "bodies"),
        (EVENTS_FILE, EventsFile, "events"),
    ):
        path = root / name
        if not path.is_file():
            if name != EVENTS_FILE:
                out.problems.append(
                    Problem(display_path(path), 0, 0, f"Thiếu tệp {name}.", "missing-file")
                )
            continue
        loaded, problems = load_model(path, model)
        setattr(out, attr, loaded)
        out.problems.extend(problems)
    for path in task_file_paths(root):
        loaded, problems = load_model(path, TaskFile)
        out.task_files.append(loaded)
        out.problems.extend(problems)
    return out
