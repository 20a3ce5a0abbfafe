"""What every whole-plan check shares: the context and how a finding names its place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kehoach.errors import Problem
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.loading.positions import PosDict, locate
from kehoach.messages import text as message_text


@dataclass(frozen=True)
class Context:
    """``today`` is the day after which a recorded date counts as in the future;
    ``warnings``: also report what is allowed but worth a look (``kehoach validate``);
    ``unread``: the files of the plan that could not be loaded, where a task or event
    named but not found may be (so no near miss among the others is suggested)."""

    today: dt.date
    warnings: bool = False
    unread: tuple[str, ...] = ()


Check = Callable[[Plan, Context], list[Problem]]


def at(
    path: str,
    raw: PosDict | None,
    loc: tuple[str | int, ...],
    message: str,
    code: str,
    *,
    key: bool = False,
    severity: str = "error",
) -> Problem:
    line, col = locate(raw, loc, key=key) if raw is not None else (0, 0)
    return Problem(path, line, col, message, code, severity)


def task_problem(
    entry: TaskEntry,
    loc: tuple[str | int, ...],
    message: str,
    code: str,
    *,
    severity: str = "error",
    key: bool = False,
) -> Problem:
    return at(
        entry.path,
        entry.raw,
        loc,
        message_text("task-prefix", id=entry.id, message=message),
        code,
        key=key,
        severity=severity,
    )
