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
from kehoach.loading.cache import FileCache
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


def load_model(
    path: Path, model: type[M], cache: FileCache | None = None
) -> tuple[Loaded, list[Problem]]:
    shown = display_path(path)
    data: bytes | None = None
    if cache is not None:
        try:
            data = path.read_bytes()
        except OSError:
            data = None  # load_yaml reports it
        if data is not None:
            hit = cache.get(data, model)
            if hit is not None:
                return Loaded(shown, hit[0], hit[1]), []
    result = load_yaml(path, shown, data)
    if result.data is None:
        return Loaded(shown, None, None), result.problems
    try:
        instance = model.model_validate(result.data)
    except ValidationError as exc:
        return Loaded(shown, None, result.data), result.problems + problems_from(
            exc, model, result.data, shown
        )
    if cache is not None and data is not None and not result.problems:
        cache.put(data, model, instance, result.data)  # only clean files: errors stay fresh
    return Loaded(shown, instance, result.data), result.problems


def load_files(
    root: Path, *, use_cache: bool = True, bodies_optional: bool = False
) -> LoadedFiles:
    """Load every file of the plan in *root*; raise InputError only when it is not a plan.

    *bodies_optional*: a plan inside a portfolio may rely on the shared registry alone.

    Files whose bytes were loaded cleanly before come from the cache (see
    loading/cache.py) unless *use_cache* is false or ``--no-cache`` was given.
    """
    if not root.exists():
        raise InputError(f"Không tìm thấy thư mục kế hoạch '{root}'.")
    if not root.is_dir():
        raise InputError(f"'{root}' không phải là thư mục kế hoạch.")
    if not (root / PLAN_FILE).is_file():
        raise InputError(
            f"Thư mục '{root}' không có tệp {PLAN_FILE}: đây không phải là thư mục kế hoạch."
        )
    cache = FileCache.for_plan(root) if use_cache else None
    # The command line pauses the cyclic garbage collector while a command runs (see
    # kehoach.cli.common.handled); the core leaves the collector alone.
    try:
        return _load_all(root, cache, bodies_optional)
    finally:
        if cache is not None:
            cache.prune()


def _load_all(root: Path, cache: FileCache | None, bodies_optional: bool) -> LoadedFiles:
    out = LoadedFiles(plan=None, bodies=None, events=None)
    for name, model, attr in (
        (PLAN_FILE, PlanInfo, "plan"),
        (BODIES_FILE, BodiesFile, "bodies"),
        (EVENTS_FILE, EventsFile, "events"),
    ):
        path = root / name
        if not path.is_file():
            if name != EVENTS_FILE and not (bodies_optional and name == BODIES_FILE):
                out.problems.append(
                    Problem(display_path(path), 0, 0, f"Thiếu tệp {name}.", "missing-file")
                )
            continue
        loaded, problems = load_model(path, model, cache)
        setattr(out, attr, loaded)
        out.problems.extend(problems)
    for path in task_file_paths(root):
        loaded, problems = load_model(path, TaskFile, cache)
        out.task_files.append(loaded)
        out.problems.extend(problems)
    return out
