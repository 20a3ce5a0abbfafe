"""Validate the plan as it would be after an edit, without touching the real files.

The ordinary validation runs on the plan in place, with the loader told to read the
edited text instead of the file's bytes (:func:`kehoach.loading.files.overridden`):
no temporary copy is written anywhere, so none can fail to be written (a full disk, a
read-only temporary folder) or be left behind by a killed process. Problems are
compared with those of the plan as it is now, so an edit is judged only by what it
breaks.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path

from kehoach.errors import Problem
from kehoach.loaded_plan import Plan
from kehoach.loading.files import overridden
from kehoach.loading.plandir import (
    BODIES_FILE,
    EVENTS_FILE,
    PLAN_FILE,
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
        return Path(os.path.realpath(problem_path)).relative_to(os.path.realpath(root)).as_posix()
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
    """Validate *root* with the files in *edits* (existing files of the plan, by any
    spelling of their path) replaced by new text. Problem paths are as for the real
    folder. In a portfolio, a shared file (``bodies.yaml`` of the portfolio) may be one
    of them: every loader reads through the same override."""
    with overridden({path: text.encode("utf-8") for path, text in edits.items()}):
        plan, problems = run_validation(root, as_of)
    return plan, sorted(problems)


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
