"""Validate the plan as it would be after an edit, without touching the real files.

The plan files are copied to a temporary folder, the edited text replaces its file
there, and the ordinary validation runs on the copy. Problems are compared with those
of the plan as it is now, so an edit is judged only by what it breaks.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from pathlib import Path

from kehoach.errors import Problem
from kehoach.loaded_plan import Plan
from kehoach.loading.plandir import (
    BODIES_FILE,
    EVENTS_FILE,
    PLAN_FILE,
    display_path,
    task_file_paths,
)

ProblemKey = tuple[str, str, str]


def run_validation(root: Path, as_of: dt.date) -> tuple[Plan | None, list[Problem]]:
    """The whole-plan validation (document references included) of the plan in *root*."""
    from kehoach.checks import validate

    return validate(root, as_of)


def relative(problem_path: str, root: Path) -> str:
    """A problem's file relative to the plan folder (as a POSIX path)."""
    try:
        return Path(problem_path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return problem_path


def key(problem: Problem, root: Path) -> ProblemKey:
    # Lines shift when lines are inserted: compare by file, code and message.
    return relative(problem.path, root), problem.code, problem.message


def plan_files(root: Path) -> list[Path]:
    files = [root / name for name in (PLAN_FILE, BODIES_FILE, EVENTS_FILE)]
    return [p for p in files if p.is_file()] + task_file_paths(root)


def validate_edited(
    root: Path, edits: dict[Path, str], as_of: dt.date
) -> tuple[Plan | None, list[Problem]]:
    """Validate *root* with the files in *edits* (absolute paths) replaced by new text.

    Problem paths are given as for the real folder."""
    from kehoach.portfolio.layout import portfolio_of, shared_files

    # A plan inside a portfolio is copied with the portfolio's shared files, at the same
    # place relative to them, so the copy loads as the plan does (and a shared file may
    # be the one edited).
    portfolio = portfolio_of(root)
    real_base = (portfolio or root).resolve()
    files = plan_files(root) + (shared_files(portfolio) if portfolio is not None else [])
    with tempfile.TemporaryDirectory(prefix="kehoach-check-") as tmp:
        copy_base = Path(tmp) / "plan"
        copy_root = copy_base / root.resolve().relative_to(real_base)
        for path in files:
            target = copy_base / path.resolve().relative_to(real_base)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
        for path, text in edits.items():
            target = copy_base / path.resolve().relative_to(real_base)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
        plan, problems = run_validation(copy_root, as_of)
        mapped = [
            Problem(
                display_path(root / relative(p.path, copy_root)), p.line, p.col, p.message, p.code
            )
            for p in problems
        ]
    return plan, sorted(mapped)


def new_problems(before: list[Problem], after: list[Problem], root: Path) -> list[Problem]:
    """Problems of *after* that *before* did not have (counted, so a second copy is new)."""
    seen = Counter(key(p, root) for p in before)
    out = []
    for problem in after:
        k = key(problem, root)
        if seen[k]:
            seen[k] -= 1
        else:
            out.append(problem)
    return out
