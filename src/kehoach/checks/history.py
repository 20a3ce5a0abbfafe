"""Check: history dates lie between the plan's date and today, in order; the status
field agrees with the last entry."""

from __future__ import annotations

import datetime as dt

from kehoach.checks.context import Context, at, task_problem
from kehoach.errors import Problem
from kehoach.loaded_plan import Plan


def check_history(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    start = plan.plan_start
    for entry in plan.tasks:
        history = entry.task.history
        previous: dt.date | None = None
        for index, update in enumerate(history):
            loc = ("history", index, "date")
            if start is not None and update.date < start:
                problems.append(
                    task_problem(
                        entry,
                        loc,
                        f"cập nhật ngày {update.date:%d/%m/%Y} sớm hơn ngày của kế hoạch "
                        f"({start:%d/%m/%Y}).",
                        "date-before-plan",
                    )
                )
            if update.date > ctx.today:
                problems.append(
                    task_problem(
                        entry,
                        loc,
                        f"cập nhật ngày {update.date:%d/%m/%Y} ở tương lai (hôm nay là "
                        f"{ctx.today:%d/%m/%Y}).",
                        "date-in-future",
                    )
                )
            if previous is not None and update.date < previous:
                problems.append(
                    task_problem(
                        entry,
                        loc,
                        f"lịch sử không theo thứ tự thời gian ({update.date:%d/%m/%Y} đứng sau "
                        f"{previous:%d/%m/%Y}).",
                        "history-order",
                    )
                )
            previous = update.date
        if history and history[-1].status is not entry.task.status:
            problems.append(
                task_problem(
                    entry,
                    ("status",),
                    f"trạng thái '{entry.task.status.value}' khác với cập nhật cuối cùng "
                    f"('{history[-1].status.value}').",
                    "status-mismatch",
                )
            )
    for index, event in enumerate(plan.events.values()):
        if event.occurred is not None and event.occurred > ctx.today:
            raw_path = plan.events_path or ""
            raw = plan.raw.get(raw_path)
            problems.append(
                at(
                    raw_path,
                    raw,
                    ("events", index, "occurred"),
                    f"Sự kiện '{event.id}' có ngày xảy ra ở tương lai.",
                    "date-in-future",
                )
            )
    return problems
