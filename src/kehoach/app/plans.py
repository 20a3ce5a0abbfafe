"""Opening a plan: load it, run every whole-plan check, and refuse a plan with problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import PlanInvalid, Problem, UnknownName
from kehoach.loaded_plan import Plan
from kehoach.messages import text as message_text
from kehoach.suggest import did_you_mean


@dataclass(frozen=True)
class CheckedPlan:
    """A plan and every problem found in it, sorted; *plan* is None when the plan's
    identity or registry could not be read at all."""

    plan: Plan | None
    problems: list[Problem]  # errors and, when asked for, warnings

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.is_warning]

    @property
    def valid(self) -> bool:
        return self.plan is not None and not self.errors


def open_plan(root: Path, today: dt.date, *, warnings: bool = False) -> CheckedPlan:
    """Load and check the plan in *root*; dates after *today* are in the future.
    *warnings*: also what is allowed but worth a look (a task with no readable deadline).
    Raises InputError only when *root* is not a plan folder at all."""
    from kehoach.checks import validate

    plan, problems = validate(root, today, warnings=warnings)
    return CheckedPlan(plan, problems)


def open_valid_plan(root: Path, as_of: dt.date) -> Plan:
    """The plan in *root*, or :class:`PlanInvalid` carrying every problem found.

    A report for a past day must still load a plan whose history goes on after it, so
    only dates after the real today are refused as in the future."""
    from kehoach.dates import today

    checked = open_plan(root, max(as_of, today()))
    if checked.plan is None or checked.errors:
        raise PlanInvalid(checked.errors)
    checked.plan.forget_positions()  # checked: nothing is placed in its files any more
    return checked.plan


def find_body(plan: Plan, typed: str | None) -> str | None:
    """The body a user typed (id, name, or name without diacritics); None for None."""
    if typed is None:
        return None
    found = plan.bodies.resolve_typed(typed)
    if found is None:
        hint = did_you_mean(typed, list(plan.bodies.by_id), cutoff=0.6)
        raise UnknownName(message_text("unknown-body-name", name=typed, suggestion=hint))
    return found
