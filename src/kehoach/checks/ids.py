"""Check: ids of tasks, bodies and events are unique."""

from __future__ import annotations

from kehoach.checks.context import Context, at, task_problem
from kehoach.errors import Problem
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.messages import text as message_text


def check_unique_ids(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    seen: dict[str, TaskEntry] = {}
    for entry in plan.tasks:
        first = seen.setdefault(entry.id, entry)
        if first is not entry:
            where = first.path if first.path != entry.path else "cùng tệp"
            problems.append(
                task_problem(
                    entry, ("id",), message_text("duplicate-task-id", where=where), "duplicate-id"
                )
            )
    for kind, key, raw_path in (
        ("cơ quan", "bodies", plan.bodies_path),
        ("sự kiện", "events", plan.events_path),
    ):
        raw = plan.raw.get(raw_path) if raw_path else None
        listed = raw.get(key) if raw is not None else None
        ids: set[str] = set()
        for index, item in enumerate(listed or []):
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str) and ident in ids:
                problems.append(
                    at(
                        raw_path or "",
                        raw,
                        (key, index, "id"),
                        message_text("duplicate-id", kind=kind, ident=ident),
                        "duplicate-id",
                    )
                )
            ids.add(str(ident))
    return problems
