"""What is counted, and where: the one place every output reads its figures from.

``status``, ``overdue``, ``report``, ``tasks`` and every later output (docx, xlsx, html,
portfolio views) take their totals, per-body rows, QĐ 42 groups, "Chưa có thông tin"
line, overdue lists, completions, falling-due lists and occurrences from here; a
renderer never counts. The rules (docs/states.md):

- **Counted tasks** are the plan's top-level tasks. A task with sub-tasks is counted
  once, with the state rolled up from its sub-tasks and its own deadline
  (:func:`kehoach.evaluation.evaluate.rollup`); its sub-tasks are not counted again.
- A counted task belongs to its lead body's row ("chủ trì", or "phối hợp" for a task of
  a body's file marked so) and to the "phối hợp" row of every body it names as a
  partner; the "Tổng" line counts each task once.
- The four QĐ 42 groups plus the stopped tasks add up to the total. "Chưa có thông
  tin" (never updated) and "Chưa xác định thời hạn" (no readable deadline) are lines
  *beside* the groups: each of their tasks is also in one of the four.
- The overdue list is the counted tasks in state ``overdue``: the same figure in every
  output.
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
    never_updated: int  # "Chưa có thông tin": counted, not stopped, never updated

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def stopped(self) -> int:
        return self.states.get(State.STOPPED, 0)

    @property
    def overdue(self) -> int:
        return self.states.get(State.OVERDUE, 0)

    @property
    def undated(self) -> int:
        """ "Chưa xác định thời hạn": counted tasks with no readable deadline."""
        return self.states.get(State.UNDATED, 0)


def is_counted(state: TaskState) -> bool:
    """Whether a task is counted in the totals (a top-level task), not through its parent."""
    return state.entry.parent is None


def concerns(evaluation: Evaluation, state: TaskState, body: str | None) -> bool:
    """Whether *state* belongs to *body*: as its lead or as a named partner."""
    if body is None or state.entry.body == body:
        return True
    return body in {evaluation.plan.bodies.resolve(p) for p in state.entry.task.partners}


def counted(evaluation: Evaluation, body: str | None = None) -> list[TaskState]:
    """The tasks counted in the totals of *body* (the whole plan when None), plan order."""
    return [s for s in evaluation.states if is_counted(s) and concerns(evaluation, s, body)]


def count_states(states: list[TaskState]) -> Counter[State]:
    return Counter(s.state for s in states)


def count_categories(states: list[TaskState]) -> Counter[Category]:
    out: Counter[Category] = Counter()
    for s in states:
        cat = category(s.state)
        if cat is not None:
            out[cat] += 1
    return out


def is_never_updated(state: TaskState) -> bool:
    """Counted on the "Chưa có thông tin" line: never updated, and not stopped."""
    return state.never_updated and state.state is not State.STOPPED


def tally(evaluation: Evaluation, body: str | None = None) -> Tally:
    tasks = counted(evaluation, body)
    return Tally(
        tasks=tasks,
        states=count_states(tasks),
        categories=count_categories(tasks),
        rows=body_rows(evaluation, body),
        never_updated=sum(1 for s in tasks if is_never_updated(s)),
    )


def body_rows(evaluation: Evaluation, only: str | None = None) -> list[BodyRow]:
    """One row per body and role. A body is a partner on the tasks of its own file marked
    "phối hợp" and on every other body's task that names it among the partners."""
    plan = evaluation.plan
    lead: dict[str, list[TaskState]] = {}
    partner: dict[str, list[TaskState]] = {}
    for state in evaluation.states:
        if not is_counted(state):
            continue
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
    """The counted tasks that are overdue, most overdue first."""
    found = [s for s in counted(evaluation, body) if s.state is State.OVERDUE]
    return sorted(found, key=lambda s: (-s.days_overdue, s.entry.path, s.id))


def overdue_parts(evaluation: Evaluation, state: TaskState) -> list[TaskState]:
    """The sub-tasks (at any depth) that make a counted parent overdue."""
    out: list[TaskState] = []
    stack = list(reversed(state.entry.children))
    while stack:
        child = evaluation.by_id[stack.pop()]
        if child.state is State.OVERDUE and not child.entry.children:
            out.append(child)
        stack.extend(reversed(child.entry.children))
    return out


def _open(state: TaskState) -> bool:
    return not state.state.done and state.state not in (State.OVERDUE, State.STOPPED)


def due_within(evaluation: Evaluation, days: int, body: str | None = None) -> list[TaskState]:
    """Counted tasks not done, not overdue, due in the next *days* days (today included)."""
    end = evaluation.as_of + dt.timedelta(days=days)
    found = [
        s
        for s in counted(evaluation, body)
        if _open(s) and s.due is not None and evaluation.as_of <= s.due <= end
    ]
    return sorted(found, key=lambda s: (s.due or end, s.entry.path, s.id))


@dataclass(frozen=True)
class Due:
    """A task (or one occurrence of a recurring task) falling due in a period."""

    state: TaskState
    due: dt.date
    occurrence: OccurrenceState | None = None

    @property
    def label(self) -> str | None:
        return self.occurrence.label if self.occurrence is not None else None


def due_between(
    evaluation: Evaluation, start: dt.date, end: dt.date, body: str | None = None
) -> list[Due]:
    """What falls due in [start, end] and is not done: counted one-off tasks by their due
    date, recurring tasks by each open occurrence due then (labelled)."""
    found: list[Due] = []
    for s in counted(evaluation, body):
        if s.state is State.STOPPED:
            continue
        if s.occurrences:
            found += [
                Due(s, o.due, o)
                for o in s.occurrences
                if not o.state.done and start <= o.due <= end
            ]
        elif not s.state.done and s.due is not None and start <= s.due <= end:
            found.append(Due(s, s.due))
    return sorted(found, key=lambda d: (d.due, d.state.entry.path, d.state.id))


@dataclass(frozen=True)
class Completion:
    """A task, or one occurrence of a recurring task, done within a period."""

    state: TaskState
    done_on: dt.date
    update: Update | None  # the history entry that made it done, when there is one
    label: str | None = None  # the occurrence ("2019", "2019-Q3"), for recurring tasks


def _closing_entry(state: TaskState) -> Update | None:
    history = state.entry.task.history
    return next((u for u in history if u.status is Status.DONE and u.date == state.done_on), None)


def completed_between(
    evaluation: Evaluation, start: dt.date, end: dt.date, body: str | None = None
) -> list[Completion]:
    """Counted tasks done (and still done on the evaluation day) whose completion falls in
    [start, end] — both days included; for recurring tasks, each occurrence once."""
    found: list[Completion] = []
    for s in counted(evaluation, body):
        if s.occurrences:
            found += [
                Completion(s, o.done_on, o.update, o.label)
                for o in s.occurrences
                if o.done_on is not None and start <= o.done_on <= end
            ]
        elif s.state.done and s.done_on is not None and start <= s.done_on <= end:
            found.append(Completion(s, s.done_on, _closing_entry(s)))
    return sorted(found, key=lambda c: (c.done_on, c.state.entry.path, c.state.id, c.label))


def occurrences_between(
    evaluation: Evaluation, start: dt.date, end: dt.date, body: str | None = None
) -> list[tuple[TaskState, OccurrenceState]]:
    """Every occurrence of a counted recurring task due in [start, end], done or not."""
    found = [
        (s, o) for s in counted(evaluation, body) for o in s.occurrences if start <= o.due <= end
    ]
    return sorted(found, key=lambda pair: (pair[1].due, pair[0].entry.path, pair[0].id))


def in_states(evaluation: Evaluation, *states: State, body: str | None = None) -> list[TaskState]:
    """Counted tasks in one of *states*, plan order."""
    return [s for s in counted(evaluation, body) if s.state in states]
