"""What is counted, and where: the one place every output reads its figures from.

``status``, ``overdue``, ``report``, ``tasks`` and every later output (docx, xlsx, html,
portfolio views) take their totals, per-body rows, QĐ 42 groups, overdue lists,
completions, falling-due lists and occurrences from here; a renderer never counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from kehoach.evaluation.evaluate import Evaluation, OccurrenceState, TaskState
from kehoach.evaluation.states import Category, State, category
from kehoach.model import Role, Status, Update


@dataclass
class BodyRow:
    body: str
    name: str
    role: str  # "lead" | "partner"
    counts: Counter[State]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Tally:
    """The figures of one evaluation (for one body, or the whole plan)."""

    tasks: list[TaskState]  # the tasks counted, each once
    states: Counter[State]
    categories: Counter[Category]
    rows: list[BodyRow]

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def stopped(self) -> int:
        return self.states.get(State.STOPPED, 0)

    @property
    def overdue(self) -> int:
        return self.states.get(State.OVERDUE, 0)


def concerns(evaluation: Evaluation, state: TaskState, body: str | None) -> bool:
    """Whether *state* belongs to *body*: as its lead or as a named partner."""
    if body is None or state.entry.body == body:
        return True
    return body in {evaluation.plan.bodies.resolve(p) for p in state.entry.task.partners}


def counted(evaluation: Evaluation, body: str | None = None) -> list[TaskState]:
    """The tasks counted in the totals of *body* (the whole plan when None)."""
    return [s for s in evaluation.states if concerns(evaluation, s, body)]


def count_states(states: list[TaskState]) -> Counter[State]:
    return Counter(s.state for s in states)


def count_categories(states: list[TaskState]) -> Counter[Category]:
    out: Counter[Category] = Counter()
    for s in states:
        cat = category(s.state)
        if cat is not None:
            out[cat] += 1
    return out


def tally(evaluation: Evaluation, body: str | None = None) -> Tally:
    tasks = counted(evaluation, body)
    return Tally(
        tasks=tasks,
        states=count_states(tasks),
        categories=count_categories(tasks),
        rows=body_rows(evaluation, body),
    )


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


def overdue(evaluation: Evaluation, body: str | None = None) -> list[TaskState]:
    """Overdue tasks, most overdue first; parents are left out (their sub-tasks are listed)."""
    found = [
        s
        for s in evaluation.states
        if s.state is State.OVERDUE and not s.entry.children and concerns(evaluation, s, body)
    ]
    return sorted(found, key=lambda s: (-s.days_overdue, s.entry.path, s.id))


def due_within(evaluation: Evaluation, days: int, body: str | None = None) -> list[TaskState]:
    """Tasks not done whose due date falls in the next *days* days (today included)."""
    end = evaluation.as_of + dt.timedelta(days=days)
    found = [
        s
        for s in evaluation.states
        if not s.entry.children
        and s.due is not None
        and not s.state.done
        and s.state not in (State.OVERDUE, State.STOPPED)
        and evaluation.as_of <= s.due <= end
        and concerns(evaluation, s, body)
    ]
    return sorted(found, key=lambda s: (s.due or end, s.entry.path, s.id))


def due_between(evaluation: Evaluation, start: dt.date, end: dt.date) -> list[TaskState]:
    found = [
        s
        for s in evaluation.states
        if not s.entry.children
        and s.due is not None
        and not s.state.done
        and s.state is not State.STOPPED
        and start <= s.due <= end
    ]
    return sorted(found, key=lambda s: (s.due or end, s.entry.path, s.id))


@dataclass(frozen=True)
class Completion:
    state: TaskState
    update: Update


def completed_between(evaluation: Evaluation, start: dt.date, end: dt.date) -> list[Completion]:
    """Every "hoàn thành" entry of the history dated within [start, end]."""
    found = []
    for state in evaluation.states:
        for update in state.entry.task.history:
            if update.status is Status.DONE and start <= update.date <= end:
                found.append(Completion(state, update))
    return sorted(found, key=lambda c: (c.update.date, c.state.entry.path, c.state.id))


def occurrences_between(
    evaluation: Evaluation, start: dt.date, end: dt.date
) -> list[tuple[TaskState, OccurrenceState]]:
    found = [(s, o) for s in evaluation.states for o in s.occurrences if start <= o.due <= end]
    return sorted(found, key=lambda pair: (pair[1].due, pair[0].entry.path, pair[0].id))


def in_states(evaluation: Evaluation, *states: State) -> list[TaskState]:
    return [s for s in evaluation.states if s.state in states and not s.entry.children]
