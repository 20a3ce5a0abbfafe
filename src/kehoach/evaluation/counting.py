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
- Lists name what is concerned inside a counted task (:func:`units`): its sub-tasks
  (at any depth) and its own deadline, each with its occurrences. Completions and dues
  are listed per sub-task and occurrence; the overdue, waiting and stale lists keep one
  row per counted task and name the sub-tasks and occurrences in that state
  (:func:`causes`). No list is a count: the totals above are.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from kehoach.evaluation.evaluate import Evaluation, OccurrenceState, TaskState
from kehoach.evaluation.states import Category, State, category
from kehoach.loaded_plan import BodyIndex
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
class Figures:
    """The numbers of a tally without the task states behind them: what a portfolio keeps
    of each plan, a few rows per plan rather than every task it holds."""

    total: int  # the tasks counted, each once
    states: Counter[State]
    categories: Counter[Category]
    rows: list[BodyRow]
    never_updated: int  # "Chưa có thông tin": counted, not stopped, never updated

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


@dataclass(frozen=True)
class Tally(Figures):
    """The figures of one evaluation (for one body, or the whole plan), with the counted
    tasks themselves (``total`` of them)."""

    tasks: list[TaskState]

    def figures(self) -> Figures:
        return Figures(self.total, self.states, self.categories, self.rows, self.never_updated)


def is_counted(state: TaskState) -> bool:
    """Whether a task is counted in the totals (a top-level task), not through its parent."""
    return state.entry.parent is None


def concerns(evaluation: Evaluation, state: TaskState, body: str | None) -> bool:
    """Whether *state* belongs to *body*: as its lead or as a named partner."""
    return concerns_in(evaluation.plan.bodies, state, body)


def concerns_in(bodies: BodyIndex, state: TaskState, body: str | None) -> bool:
    """:func:`concerns`, given the plan's body registry (*bodies*) alone."""
    if body is None or state.entry.body == body:
        return True
    return body in {bodies.resolve(p) for p in state.entry.task.partners}


def counted(evaluation: Evaluation, body: str | None = None) -> list[TaskState]:
    """The tasks counted in the totals of *body* (the whole plan when None), plan order."""
    if body is None:  # every counted task concerns the whole plan
        return [s for s in evaluation.states if is_counted(s)]
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
    states = count_states(tasks)
    # The groups from the states' counts (each state is in one group, or none): the same
    # Counter as count_categories(tasks), groups in the order their first task comes.
    categories: Counter[Category] = Counter()
    for state, n in states.items():
        cat = category(state)
        if cat is not None:
            categories[cat] += n
    return Tally(
        total=len(tasks),
        tasks=tasks,
        states=states,
        categories=categories,
        rows=body_rows(evaluation, body),
        never_updated=sum(1 for s in tasks if is_never_updated(s)),
    )


def body_rows(evaluation: Evaluation, only: str | None = None) -> list[BodyRow]:
    """One row per body and role. A body is a partner on the tasks of its own file marked
    "phối hợp" and on every other body's task that names it among the partners (whatever
    that task's role), so that a body's rows add up to the tasks :func:`concerns` gives it."""
    plan = evaluation.plan
    resolve = plan.bodies.resolve
    leads = Role.LEAD  # an enum member read once (each read runs a descriptor)
    # Per body, the states of its tasks (only their number per state is kept).
    lead: dict[str, list[State]] = {}
    partner: dict[str, list[State]] = {}
    for state in evaluation.states:
        if not is_counted(state):
            continue
        entry = state.entry
        task = entry.task
        bucket = lead if task.role is leads else partner
        found = bucket.get(entry.body)
        if found is None:
            bucket[entry.body] = [state.state]
        else:
            found.append(state.state)
        if not task.partners:
            continue
        # Each named body's list gets this task once, as concerns() counts it.
        for body in {resolve(ref) for ref in task.partners}:
            if body and body != entry.body:
                partner.setdefault(body, []).append(state.state)
    rows = []
    order = {body: index for index, body in enumerate(plan.bodies.by_id)}  # not list.index:
    # that made sorting quadratic in the number of bodies (1,000 files at 100,000 tasks)
    for body in sorted(set(lead) | set(partner), key=lambda b: (order.get(b, len(order)), b)):
        if only is not None and body != only:
            continue
        name = plan.bodies.name(body)
        if body in lead:
            rows.append(BodyRow(body, name, "lead", Counter(lead[body])))
        if body in partner:
            rows.append(BodyRow(body, name, "partner", Counter(partner[body])))
    return rows


def overdue(evaluation: Evaluation, body: str | None = None) -> list[TaskState]:
    """The counted tasks that are overdue, most overdue first."""
    found = [s for s in counted(evaluation, body) if s.state is State.OVERDUE]
    return sorted(found, key=lambda s: (-s.days_overdue, s.entry.path, s.id))


def units(evaluation: Evaluation, state: TaskState) -> list[TaskState]:
    """What a counted task is made of, plan order: the task itself when it has no
    sub-tasks; else its own deadline (when it has one) and every sub-task without
    sub-tasks of its own, at any depth (a middle sub-task's own deadline too)."""
    if not state.entry.children:
        return [state]
    out: list[TaskState] = []
    stack = [state]
    while stack:
        node = stack.pop()
        if not node.entry.children:
            out.append(node)
            continue
        if node.own is not None:
            out.append(node.own)
        stack.extend(evaluation.by_id[c] for c in reversed(node.entry.children))
    return out


def _sub(state: TaskState, unit: TaskState) -> TaskState | None:
    """The sub-task *unit* is, or None when it is the counted task (or its own deadline)."""
    return None if unit.entry is state.entry else unit


@dataclass(frozen=True)
class Cause:
    """Why a counted task is in a list of tasks in one state: one of its sub-tasks (None:
    the task itself or its own deadline) and its occurrences in that state."""

    sub: TaskState | None
    occurrences: tuple[OccurrenceState, ...] = ()


def causes(evaluation: Evaluation, state: TaskState) -> list[Cause]:
    """The parts of a counted task in the task's own state, with their occurrences in
    it: "III.2.1 (III.2.1.a)" is overdue through its sub-task, "III.5.2 (2019)" through
    its 2019 round. Empty when nothing inside says more than the task itself."""
    found = []
    for unit in units(evaluation, state):
        if unit.state is not state.state:
            continue
        occs = tuple(o for o in unit.occurrences if o.state is state.state)
        sub = _sub(state, unit)
        if sub is not None or occs:
            found.append(Cause(sub, occs))
    return found


def overdue_parts(evaluation: Evaluation, state: TaskState) -> list[TaskState]:
    """The sub-tasks (at any depth) that make a counted parent overdue."""
    return [
        c.sub
        for c in causes(evaluation, state)
        if c.sub is not None and c.sub.state is State.OVERDUE
    ]


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
    """A task (or one occurrence of a recurring task) falling due in a period; *sub* is
    the sub-task it belongs to (None: the counted task itself)."""

    state: TaskState
    due: dt.date
    occurrence: OccurrenceState | None = None
    sub: TaskState | None = None

    @property
    def label(self) -> str | None:
        return self.occurrence.name if self.occurrence is not None else None


def due_between(
    evaluation: Evaluation, start: dt.date, end: dt.date, body: str | None = None
) -> list[Due]:
    """What falls due in [start, end] and is not done, for each part of a counted task
    (:func:`units`): one-off parts by their due date, recurring ones by each open
    occurrence due then (labelled)."""
    found: list[Due] = []
    for s in counted(evaluation, body):
        if s.state is State.STOPPED:
            continue
        for u in units(evaluation, s):
            if u.state is State.STOPPED:
                continue
            sub = _sub(s, u)
            if u.occurrences:
                found += [
                    Due(s, o.due, o, sub)
                    for o in u.occurrences
                    if not o.state.done and start <= o.due <= end
                ]
            elif not u.state.done and u.due is not None and start <= u.due <= end:
                found.append(Due(s, u.due, None, sub))
    return sorted(found, key=lambda d: (d.due, d.state.entry.path, d.state.id, _order(d.sub)))


def _order(sub: TaskState | None) -> str:
    return sub.id if sub is not None else ""


@dataclass(frozen=True)
class Completion:
    """A task, or one occurrence of a recurring task, done within a period; *sub* is the
    sub-task done (None: the counted task itself)."""

    state: TaskState
    done_on: dt.date
    update: Update | None  # the history entry that made it done, when there is one
    label: str | None = None  # the occurrence ("2019", "sơ kết 2020"), when it has one
    sub: TaskState | None = None


def _closing_entry(state: TaskState) -> Update | None:
    history = state.entry.task.history
    return next((u for u in history if u.status is Status.DONE and u.date == state.done_on), None)


def completed_between(
    evaluation: Evaluation, start: dt.date, end: dt.date, body: str | None = None
) -> list[Completion]:
    """Each part of a counted task (:func:`units`) done (and still done on the evaluation
    day) with its completion in [start, end] — both days included; for recurring parts,
    each occurrence once."""
    found: list[Completion] = []
    for s in counted(evaluation, body):
        if s.state is State.STOPPED:
            continue
        for u in units(evaluation, s):
            sub = _sub(s, u)
            if u.occurrences:
                found += [
                    Completion(s, o.done_on, o.update, o.name, sub)
                    for o in u.occurrences
                    if o.done_on is not None and start <= o.done_on <= end
                ]
            elif u.state.done and u.done_on is not None and start <= u.done_on <= end:
                found.append(Completion(s, u.done_on, _closing_entry(u), None, sub))
    return sorted(
        found, key=lambda c: (c.done_on, c.state.entry.path, c.state.id, _order(c.sub), c.label)
    )


@dataclass(frozen=True)
class Round:
    """One occurrence of a recurring part of a counted task (*sub*: its sub-task)."""

    state: TaskState
    occurrence: OccurrenceState
    sub: TaskState | None = None


def occurrences_between(
    evaluation: Evaluation, start: dt.date, end: dt.date, body: str | None = None
) -> list[Round]:
    """Every occurrence of a recurring part of a counted task due in [start, end], done
    or not."""
    found = [
        Round(s, o, _sub(s, u))
        for s in counted(evaluation, body)
        for u in units(evaluation, s)
        for o in u.occurrences
        if start <= o.due <= end
    ]
    return sorted(
        found, key=lambda r: (r.occurrence.due, r.state.entry.path, r.state.id, _order(r.sub))
    )


def in_states(evaluation: Evaluation, *states: State, body: str | None = None) -> list[TaskState]:
    """Counted tasks in one of *states*, plan order."""
    return [s for s in counted(evaluation, body) if s.state in states]
