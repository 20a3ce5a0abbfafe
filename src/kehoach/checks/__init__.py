"""Whole-plan checks: what no single file can know.

Each check is a function ``(plan, context) -> list[Problem]`` in a module of this
package; ``validate`` runs them all and returns every problem, sorted, so one run shows
everything to fix.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.checks.context import Check, Context
from kehoach.checks.deadlines import check_deadlines
from kehoach.checks.docrefs import check_docrefs
from kehoach.checks.history import check_history
from kehoach.checks.ids import check_unique_ids
from kehoach.checks.references import check_references
from kehoach.checks.structure import check_structure
from kehoach.errors import Problem
from kehoach.loaded_plan import Plan, load_plan

__all__ = ["CHECKS", "Check", "Context", "validate", "validate_plan"]

CHECKS: list[Check] = [
    check_unique_ids,
    check_references,
    check_history,
    check_structure,
    check_deadlines,
    check_docrefs,
]


def validate_plan(
    plan: Plan, today: dt.date, *, warnings: bool = False, unread: tuple[str, ...] = ()
) -> list[Problem]:
    ctx = Context(today=today, warnings=warnings, unread=unread)
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(plan, ctx))
    return problems


def validate(
    root: Path, today: dt.date, *, warnings: bool = False
) -> tuple[Plan | None, list[Problem]]:
    """Load and check the plan in *root*: every problem, sorted. Raises InputError only
    when *root* is not a plan directory at all. Dates after *today* are in the future.
    Warnings (severity "warning") only when asked for."""
    plan, problems = load_plan(root)
    if plan is not None:
        unread = tuple(plan.unread([p for p in problems if not p.is_warning]))
        problems = problems + validate_plan(plan, today, warnings=warnings, unread=unread)
    return plan, sorted(set(problems))
