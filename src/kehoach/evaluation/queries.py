"""Questions asked of an evaluation: what is overdue, what falls due soon, what was done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.evaluation.states import State
from kehoach.evaluation.status import Evaluation, OccurrenceState, TaskState
from kehoach.model import Status, Update


def _for_body(evaluation: Evaluation, state: TaskState, body: str | None) -> bool:
    if body is None:
        return True
    if state.entry.body == body:
        return True
    return body in {evaluation.plan.bodies.resolve(p) for p in state.entry.task.partners}


def overdue(evaluation: Evaluation, body: str | None = None) -> list[TaskState]:
    """Overdue tasks, most overdue first; parents are left out (their sub-tasks are listed)."""
    found = [
        s
        for s in evaluation.states
        if s.state is State.OVERDUE and not s.entry.children and _for_body(evaluation, s, body)
    ]
    return sorted(found, key=lambda s: (-s.days_overdue, s.entry.path, s.id))


def due_within(evaluation: Evaluation, days: int, body: str | None = None) -> list[TaskState]:
    """Tasks not done whose due date falls in the next *days* days (today excluded)."""
    end = evaluation.as_of + dt.timedelta(days=days)
    found = [
        s
        for s in evaluation.states
        if not s.entry.children
        and s.due is not None
        and not s.state.done
        and s.state not in (State.OVERDUE, State.STOPPED)
        and evaluation.as_of <= s.due <= end
        and _for_body(evaluation, s, body)
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
