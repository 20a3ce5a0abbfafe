"""Check: the term, sections and parent/sub-task statuses fit together."""

from __future__ import annotations

from kehoach.checks.context import Context, at, task_problem
from kehoach.errors import Problem
from kehoach.loaded_plan import Plan
from kehoach.messages import text as message_text
from kehoach.model import Status


def check_structure(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    term = plan.info.term
    if term is not None and term.end < term.start:
        raw = plan.raw.get(plan.plan_path)
        problems.append(
            at(
                plan.plan_path,
                raw,
                ("term", "end"),
                message_text("bad-term"),
                "bad-term",
            )
        )
    sections = {s.id for s in plan.info.sections}
    for entry in plan.tasks:
        # A parent's children are only looked at when it is done (building the list for
        # every task was half of this check).
        children = plan.children(entry) if entry.task.status is Status.DONE else []
        if children and any(c.task.status not in (Status.DONE, Status.STOPPED) for c in children):
            open_ids = ", ".join(c.id for c in children if c.task.status is not Status.DONE)
            problems.append(
                task_problem(
                    entry,
                    ("status",),
                    message_text("parent-done-early", open_ids=open_ids),
                    "parent-done-early",
                )
            )
        source = entry.task.source
        if sections and source is not None and source.section not in sections:
            top = source.section.split(".")[0]
            if top not in sections:
                problems.append(
                    task_problem(
                        entry,
                        ("source", "section"),
                        message_text("unknown-section", section=source.section),
                        "unknown-section",
                    )
                )
    return problems
