"""Which deadline rule applies to a task.

A structured ``deadline_rule`` wins over the text; a task whose text gives no
deadline takes its parent's rule, then its section's default (section II,
"NHIỆM VỤ THƯỜNG XUYÊN", makes its tasks continuous).
"""

from __future__ import annotations

from functools import lru_cache

from kehoach.deadline import Rule, parse_deadline, rule_from_mapping
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.model import Dependencies


@lru_cache(maxsize=1 << 17)
def _parse(text: str, task_text: str) -> Rule:
    # Keyed by the task's title too (it can make a rule recurring), so there is one entry
    # per task: sized for a province's 100,000 tasks, so that validation and evaluation,
    # which both ask for every task's rule, read each one once.
    return parse_deadline(text, task_text=task_text)


def own_rule(entry: TaskEntry) -> Rule:
    """The rule the task itself states (kind ``none`` when it states nothing)."""
    task = entry.task
    if task.deadline_rule is not None:
        return rule_from_mapping(task.deadline_rule)
    return _parse(task.deadline, task.title)


def applicable_rule(plan: Plan, entry: TaskEntry) -> Rule:
    rule = own_rule(entry)
    if rule.kind != "none":
        return rule
    if entry.parent is not None:
        parent_rule = applicable_rule(plan, plan.by_id[entry.parent])
        if parent_rule.kind != "none":
            return parent_rule
    section = entry.task.source.section if entry.task.source else None
    default = plan.section_default(section)
    if default:
        return _parse(default, entry.task.title)
    return rule


def applicable_lead_time(plan: Plan, entry: TaskEntry) -> int:
    """Days an "after" task has once what it waits for has happened: its own
    ``lead_time_days``; else, for a sub-task that takes its parent's deadline, the
    parent's (the deadline it takes is the parent's, lead time included); else the plan's."""
    current = entry
    while (
        current.task.lead_time_days is None
        and current.parent is not None
        and own_rule(current).kind == "none"
    ):
        current = plan.by_id[current.parent]
    lead = current.task.lead_time_days
    return lead if lead is not None else plan.info.lead_time_days


def applicable_dependencies(plan: Plan, entry: TaskEntry) -> Dependencies | None:
    """What the task waits for: its own ``depends_on``, else (a sub-task that takes its
    parent's "sau khi …" deadline) the nearest parent's."""
    current: TaskEntry | None = entry
    while current is not None:
        deps = current.task.depends_on
        if deps is not None and (deps.events or deps.tasks):
            return deps
        current = plan.by_id.get(current.parent) if current.parent is not None else None
    return entry.task.depends_on
