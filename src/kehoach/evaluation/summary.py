"""Counts per state: for the whole plan and per body, as lead and as partner."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kehoach.evaluation.states import Category, State, category
from kehoach.evaluation.status import Evaluation, TaskState
from kehoach.model import Role


@dataclass
class BodyRow:
    body: str
    name: str
    role: str  # "lead" | "partner"
    counts: Counter[State]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def count_states(states: list[TaskState]) -> Counter[State]:
    return Counter(s.state for s in states)


def count_categories(states: list[TaskState]) -> Counter[Category]:
    out: Counter[Category] = Counter()
    for s in states:
        cat = category(s.state)
        if cat is not None:
            out[cat] += 1
    return out


def body_rows(evaluation: Evaluation, only: str | None = None) -> list[BodyRow]:
    """One row per body and role. A body is a partner on the tasks of its own file marked
    "phối hợp" and on every other body's task that names it among the partners."""
    plan = evaluation.plan
    lead: dict[str, list[TaskState]] = {}
    partner: dict[str, list[TaskState]] = {}
    for state in evaluation.states:
        entry = state.entry
        bucket = lead if entry.task.role is Role.LEAD else partner
        bucket.setdefault(entry.body, []).append(state)
        if entry.task.role is Role.LEAD:
            named = {plan.bodies.resolve(ref) for ref in entry.task.partners}
            for body in sorted(b for b in named if b and b != entry.body):
                partner.setdefault(body, []).append(state)
    rows = []
    order = {body: index for index, body in enumerate(plan.bodies.by_id)}  # not list.index:
    # that made sorting quadratic in the number of bodies (1,000 files at 100,000 tasks)
    for body in sorted(set(lead) | set(partner), key=lambda b: (order.get(b, len(order)), b)):
        if only is not None and body != only:
            continue
        for role, bucket in (("lead", lead), ("partner", partner)):
            if body in bucket:
                rows.append(BodyRow(body, plan.bodies.name(body), role, count_states(bucket[body])))
    return rows
