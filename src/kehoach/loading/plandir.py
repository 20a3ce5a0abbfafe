"""Find and load the files of a plan directory into validated models.

Layout: ``plan.yaml``, ``bodies.yaml``, ``events.yaml`` (optional) and one file per
body under ``tasks/``. Every file is loaded even when another one fails, so one
run reports every problem.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kehoach.errors import InputError, Problem
from kehoach.loading.cache import FileCache
from kehoach.loading.files import overridden, read_plan_bytes, read_plan_file
from kehoach.loading.positions import PosDict
from kehoach.loading.yamlfile import load_yaml
from kehoach.messages import msg, os_reason, problem_at, text
from kehoach.model import BodiesFile, EventsFile, PlanInfo, TaskFile
from kehoach.model.messages import problems_from

__all__ = ["overridden", "read_plan_bytes"]  # re-exported for the edit layer

M = TypeVar("M", bound=BaseModel)

PLAN_FILE = "plan.yaml"
BODIES_FILE = "bodies.yaml"
EVENTS_FILE = "events.yaml"
TASKS_DIR = "tasks"
KNOWN_FILES = frozenset({PLAN_FILE, BODIES_FILE, EVENTS_FILE})


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


_real_cwd: tuple[str, str] = ("", "")  # (working folder, its realpath), the last one seen


def display_path(path: Path) -> str:
    """Paths as the user would type them: relative to the working directory when possible.

    Both sides are normalised absolute paths (``abspath``, ``getcwd``), so a prefix test
    on the strings is what ``Path.relative_to`` does, without building Path objects (it was
    a tenth of loading a plan of 2,000 small files)."""
    global _real_cwd
    absolute = os.path.abspath(path)  # not resolved: a symlink is shown as itself
    cwd = os.getcwd()
    if _real_cwd[0] != cwd:
        _real_cwd = (cwd, os.path.realpath(cwd))
    for base in _real_cwd:
        if absolute == base:
            return "."
        prefix = base if base.endswith(os.sep) else base + os.sep
        if absolute.startswith(prefix):
            return absolute[len(prefix) :]
    return str(path)


# Names a plan folder may hold besides its files; everything else is reported.
KNOWN_DIRS = frozenset({TASKS_DIR})
YAML_SUFFIXES = (".yaml", ".yml")


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "một ống dẫn (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một thiết bị"
    if stat.S_ISSOCK(mode):
        return "một socket"
    return "một loại tệp đặc biệt"


def entry_problem(path: Path, real_root: str, *, directory: bool = False) -> Problem | None:
    """Why the entry *path* of the plan folder cannot be read (None when it can).

    Looks at the entry with ``lstat`` and, for a symlink, at its target with ``stat``;
    nothing is opened, so a FIFO or a device never blocks. A symlink is followed only
    when it stays inside the plan folder. With *directory*, the entry must be a folder.
    """

    def problem(code: str, **fields: object) -> Problem:
        return problem_at(display_path(path), msg(code, **fields))

    try:
        info = os.lstat(path)
    except OSError as exc:
        return problem("entry-unreadable", reason=os_reason(exc))
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.readlink(path)
        except OSError:  # pragma: no cover - a symlink that vanished meanwhile
            target = "?"
        try:
            info = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return problem("symlink-loop", target=target)
            return problem("symlink-dangling", target=target)
        real = os.path.realpath(path)
        if not _inside(real, real_root):
            return problem("symlink-outside", target=real, what="thư mục" if directory else "tệp")
    if directory:
        if not stat.S_ISDIR(info.st_mode):
            return problem("not-dir", kind=_kind_of(info.st_mode))
        return None
    if stat.S_ISDIR(info.st_mode):
        return problem("entry-is-dir")
    if not stat.S_ISREG(info.st_mode):
        return problem("not-regular", kind=_kind_of(info.st_mode))
    return None


@dataclass
class Scan:
    """What the plan folder holds: the task files to read, and every entry that is not read."""

    task_files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan_tasks(root: Path) -> Scan:
    """Every entry of ``tasks/`` (and its sub-folders): a task file to read, or a problem.

    Entries whose name starts with '.' are hidden files (editor swap files, ``.gitkeep``,
    the temporary file of an interrupted write) and are left alone, except a hidden
    ``.yaml`` file, which is not read but warned about (it looks like a task file); every
    other entry that is not a readable ``.yaml``/``.yml`` file is reported, never skipped.
    """
    out = Scan()
    tasks = root / TASKS_DIR
    real_root = os.path.realpath(root)
    if not os.path.lexists(tasks):
        return out
    problem = entry_problem(tasks, real_root, directory=True)
    if problem is not None:
        out.problems.append(problem)
        return out

    def walk(folder: Path) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            out.problems.append(
                problem_at(
                    display_path(folder),
                    msg("entry-unreadable", reason=os_reason(exc)),
                )
            )
            return
        for entry in entries:
            name = entry.name
            path = folder / name
            if name.startswith("."):
                if name.endswith(YAML_SUFFIXES):  # a task file hidden by mistake is said
                    hidden = problem_at(display_path(path), msg("hidden-yaml"))
                    out.problems.append(replace(hidden, severity="warning"))
                continue
            if not name.endswith(YAML_SUFFIXES):
                if os.path.isdir(path) and not os.path.islink(path):
                    walk(path)
                    continue
                out.problems.append(problem_at(display_path(path), msg("not-yaml")))
                continue
            # A regular file (the folder listing says so, no symlink): what entry_problem
            # would find readable, without its lstat of each of thousands of files.
            if entry.is_file(follow_symlinks=False):
                out.task_files.append(path)
                continue
            problem = entry_problem(path, real_root)
            if problem is None:
                out.task_files.append(path)
            else:
                out.problems.append(problem)

    walk(tasks)
    return out


def top_level_problems(root: Path) -> list[Problem]:
    """Entries of the plan folder itself that kehoach does not read, each reported."""
    problems = []
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return []  # the plan files themselves report it
    for name in names:
        if name.startswith(".") or name in KNOWN_FILES or name in KNOWN_DIRS:
            continue
        problems.append(problem_at(display_path(root / name), msg("unknown-entry")))
    return problems


def task_file_paths(root: Path) -> list[Path]:
    """The task files of the plan in *root* that can be read (see :func:`scan_tasks`)."""
    return scan_tasks(root).task_files


def load_model(
    path: Path, model: type[M], cache: FileCache | None = None, shown: str | None = None
) -> tuple[Loaded, list[Problem]]:
    """One file loaded into *model*; *shown* is how messages name it (else
    :func:`display_path` of *path*)."""
    if shown is None:
        shown = display_path(path)
    try:
        data, content = read_plan_file(path)
    except OSError as exc:
        return Loaded(shown, None, None), [problem_at(shown, msg("io", reason=os_reason(exc)))]
    if cache is not None:
        hit = cache.get(data, model, content)
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
    if cache is not None and not result.problems:
        cache.put(data, model, instance, result.data)  # only clean files: errors stay fresh
    return Loaded(shown, instance, result.data), result.problems


def load_files(root: Path, *, use_cache: bool = True, bodies_optional: bool = False) -> LoadedFiles:
    """Load every file of the plan in *root*; raise InputError only when it is not a plan.

    *bodies_optional*: a plan inside a portfolio may rely on the shared registry alone.

    Files whose bytes were loaded cleanly before come from the cache (see
    loading/cache.py) unless *use_cache* is false or ``--no-cache`` was given.
    """
    if not root.exists():
        raise InputError(text("missing-plan-dir", root=root))
    if not root.is_dir():
        raise InputError(text("not-plan-dir", root=root))
    required = [(PLAN_FILE, "missing-plan-file")]
    if not bodies_optional:
        required.append((BODIES_FILE, "missing-bodies-file"))
    for name, code in required:
        if not os.path.lexists(root / name):
            raise InputError(text(code, root=root, name=name))
    cache = FileCache.for_plan(root) if use_cache else None
    # The command line pauses the cyclic garbage collector while a command runs (see
    # kehoach.cli.common.handled); the core leaves the collector alone.
    try:
        return _load_all(root, cache, bodies_optional)
    finally:
        if cache is not None:
            cache.finish()
            cache.prune()


def _load_all(root: Path, cache: FileCache | None, bodies_optional: bool) -> LoadedFiles:
    out = LoadedFiles(plan=None, bodies=None, events=None)
    real_root = os.path.realpath(root)
    for name, model, attr in (
        (PLAN_FILE, PlanInfo, "plan"),
        (BODIES_FILE, BodiesFile, "bodies"),
        (EVENTS_FILE, EventsFile, "events"),
    ):
        path = root / name
        if not os.path.lexists(path):
            if name != EVENTS_FILE and not (bodies_optional and name == BODIES_FILE):
                out.problems.append(problem_at(display_path(path), msg("missing-file", name=name)))
            continue
        problem = entry_problem(path, real_root)
        if problem is not None:
            out.problems.append(problem)
            continue
        loaded, problems = load_model(path, model, cache)
        setattr(out, attr, loaded)
        out.problems.extend(problems)
    out.problems.extend(top_level_problems(root))
    scan = scan_tasks(root)
    out.problems.extend(scan.problems)
    folders: dict[Path, str] = {}  # each folder's display_path, its files named under it
    for path in scan.task_files:
        folder = path.parent
        shown = folders.get(folder)
        if shown is None:
            shown = folders[folder] = display_path(folder)
        name = path.name if shown == "." else shown + os.sep + path.name
        loaded, problems = load_model(path, TaskFile, cache, name)
        out.task_files.append(loaded)
        out.problems.extend(problems)
    return out
