"""Check: every deadline can be read, and an "after" deadline says what it waits for."""

from __future__ import annotations

from kehoach.applicable_rule import applicable_dependencies, applicable_rule
from kehoach.checks.context import Context, task_problem
from kehoach.checks.history import check_ignored_progress
from kehoach.errors import DeadlineParseError, Problem
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.messages import text as message_text
from kehoach.model import Status


def check_deadlines(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    for entry in plan.tasks:
        try:
            rule = applicable_rule(plan, entry)
        except DeadlineParseError as exc:
            loc: tuple[str | int, ...] = (
                ("deadline_rule",) if entry.task.deadline_rule is not None else ("deadline",)
            )
            if entry.raw is None or loc[0] not in entry.raw:
                loc = ("id",)
            problems.append(task_problem(entry, loc, exc.message, "deadline"))
            continue
        if rule.kind in ("none", "schedule") and not entry.children and ctx.warnings:
            problems.append(_undated(entry, rule.kind))
        elif rule.origin == "plan_issued" and plan.info.issued is None and ctx.warnings:
            problems.append(_undated(entry, "plan_issued"))
        task = entry.task
        if ctx.warnings and (task.history or task.status is Status.DONE):
            problems.extend(check_ignored_progress(plan, entry, rule, ctx.today))
        waits = applicable_dependencies(plan, entry)
        # Counted from the plan's own issue ("kể từ ngày ban hành Kế hoạch"): nothing to declare.
        from_issue = rule.origin == "plan_issued"
        if (
            rule.kind == "after"
            and not from_issue
            and (waits is None or not (waits.events or waits.tasks))
        ):
            problems.append(
                task_problem(
                    entry,
                    ("deadline",),
                    message_text("after-without-dependency"),
                    "after-without-trigger",
                )
            )
    return problems


def _undated(entry: TaskEntry, kind: str) -> Problem:
    """A warning: the task has no date to be judged by, so reports show it as undated."""
    loc = ("deadline",) if entry.raw is not None and "deadline" in entry.raw else ("id",)
    why = message_text(
        {"schedule": "undated-schedule", "plan_issued": "undated-plan-issued"}.get(
            kind, "undated-nothing"
        )
    )
    return task_problem(
        entry,
        loc,
        message_text("deadline-unreadable", reason=why),
        "no-deadline",
        severity="warning",
    )
