"""Check: every deadline can be read, and an "after" deadline says what it waits for."""

from __future__ import annotations

from kehoach.applicable_rule import applicable_rule
from kehoach.checks.context import Context, task_problem
from kehoach.errors import DeadlineParseError, Problem
from kehoach.loaded_plan import Plan


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
        waits = entry.task.depends_on
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
                    "thời hạn 'sau khi …' cần khai báo sự kiện hoặc nhiệm vụ phải chờ trong "
                    "depends_on.",
                    "after-without-trigger",
                )
            )
    return problems
