"""Check: every reference (body, partner, event, task) names something that exists; no
dependency cycles."""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePath

from kehoach.checks.context import Context, at, task_problem
from kehoach.errors import Problem
from kehoach.loaded_plan import Plan
from kehoach.messages import text as message_text
from kehoach.suggest import Suggester


class _Known:
    """The names a misspelled reference is compared with, listed when first needed (most
    plans have no broken reference: listing thousands of bodies was a fifth of the check)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @cached_property
    def task_ids(self) -> list[str]:
        return list(self.plan.by_id)

    @cached_property
    def event_ids(self) -> list[str]:
        return list(self.plan.events)

    @cached_property
    def body_ids(self) -> list[str]:
        return sorted(self.plan.bodies.by_id)

    @cached_property
    def body_names(self) -> list[str]:
        # A partner may be written by id or by name: a misspelled name is suggested a name.
        bodies = self.plan.bodies.by_id.values()
        return self.body_ids + sorted(
            {name for body in bodies for name in (body.name, *body.aliases)}
        )


def _not_found(ctx: Context, where: list[str], code: str, **fields: str) -> str | None:
    """The message for a name not found while *where*, files that could hold it, could
    not be read: it may be in one of them, so no near miss is suggested."""
    unread = [path for path in ctx.unread if path in where]
    if not unread:
        return None
    return message_text(code, suggestion=message_text("maybe-unread", files=unread), **fields)


def check_references(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    _suggest = Suggester()
    known = _Known(plan)
    others = {plan.plan_path, plan.bodies_path, plan.events_path}
    task_files = [path for path in ctx.unread if path not in others]
    # An unreadable events.yaml leaves no events_path: it is the one beside plan.yaml.
    beside = PurePath(plan.plan_path).with_name("events.yaml")
    events_files = [p for p in ctx.unread if p == plan.events_path or PurePath(p) == beside]
    for path, body in sorted(plan.files.items()):
        if plan.bodies.resolve(body) is None:
            problems.append(
                at(
                    path,
                    plan.raw.get(path),
                    ("body",),
                    message_text(
                        "unknown-body", body=body, suggestion=_suggest(body, known.body_ids)
                    ),
                    "unknown-body",
                )
            )
    for entry in plan.tasks:
        for index, ref in enumerate(entry.task.partners):
            resolved = plan.bodies.resolve(ref)
            if resolved is None:
                problems.append(
                    task_problem(
                        entry,
                        ("partners", index),
                        message_text(
                            "unknown-partner", ref=ref, suggestion=_suggest(ref, known.body_names)
                        ),
                        "unknown-body",
                    )
                )
            elif resolved == entry.body:
                problems.append(
                    task_problem(
                        entry,
                        ("partners", index),
                        message_text("self-partner", ref=ref),
                        "self-partner",
                    )
                )
        deps = entry.task.depends_on
        if deps is None:
            continue
        for index, event in enumerate(deps.events):
            if event not in plan.events:
                problems.append(
                    task_problem(
                        entry,
                        ("depends_on", "events", index),
                        _not_found(ctx, events_files, "unknown-event", event=event)
                        or message_text(
                            "unknown-event",
                            event=event,
                            suggestion=_suggest(event, known.event_ids),
                        ),
                        "unknown-event",
                    )
                )
        for index, task_id in enumerate(deps.tasks):
            if task_id not in plan.by_id:
                problems.append(
                    task_problem(
                        entry,
                        ("depends_on", "tasks", index),
                        _not_found(ctx, task_files, "unknown-task", task_id=task_id)
                        or message_text(
                            "unknown-task",
                            task_id=task_id,
                            suggestion=_suggest(task_id, known.task_ids),
                        ),
                        "unknown-task",
                    )
                )
            elif task_id == entry.id:
                problems.append(
                    task_problem(
                        entry,
                        ("depends_on", "tasks", index),
                        message_text("self-dependency"),
                        "self-dependency",
                    )
                )
    return problems + _dependency_cycles(plan)


_NO_EDGES: list[str] = []  # shared, never changed


def _dependency_cycles(plan: Plan) -> list[Problem]:
    """Report each task dependency cycle once, at its first task (iterative DFS, linear)."""
    by_id = plan.by_id
    graph = {
        e.id: [t for t in e.task.depends_on.tasks if t in by_id and t != e.id]
        if e.task.depends_on is not None and e.task.depends_on.tasks
        else _NO_EDGES
        for e in plan.tasks
    }
    state: dict[str, int] = {}
    problems = []
    for start, edges in graph.items():
        # A task that waits for none is in no cycle: starting from it only marks it done,
        # which reaching it from another task does as well.
        if not edges or state.get(start):
            continue
        stack = [(start, iter(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = [*path[path.index(child) :], child]
                entry = plan.by_id[child]
                problems.append(
                    task_problem(
                        entry,
                        ("depends_on", "tasks"),
                        message_text("dependency-cycle", cycle=" → ".join(cycle)),
                        "dependency-cycle",
                    )
                )
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return problems
