"""``kehoach show``, ``tasks`` and ``calendar``: one task on one screen, the task list, due
dates as a calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import UnknownName
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.messages import text as message_text
from kehoach.model import Role
from kehoach.suggest import did_you_mean


@dataclass
class TaskView:
    """Everything known about one task on a day."""

    evaluation: Evaluation
    state: TaskState
    lead: str  # body id of the lead
    partners: list[str]  # body ids (or the text when not in the registry)
    waits_on_events: list[tuple[str, str, dt.date | None]]  # id, description, occurred
    waits_on_tasks: list[TaskState]
    waited_by: list[TaskState]
    children: list[TaskState] = field(default_factory=list)
    parent: TaskState | None = None
    file_line: int | None = None


def show_task(root: Path, task_id: str, as_of: dt.date) -> TaskView:
    from kehoach.app.reporting import evaluate_plan

    evaluation = evaluate_plan(root, as_of).evaluation
    plan = evaluation.plan
    state = evaluation.by_id.get(task_id)
    if state is None:
        hint = did_you_mean(task_id, list(evaluation.by_id))
        raise UnknownName(message_text("no-such-task", task_id=task_id, suggestion=hint))
    entry = state.entry
    task = entry.task
    partners = [plan.bodies.resolve(ref) or ref for ref in task.partners]
    lead = entry.body
    if task.role is Role.PARTNER and partners:
        lead = partners[0]
    deps = task.depends_on
    events = []
    for event_id in deps.events if deps else []:
        event = plan.events.get(event_id)
        events.append(
            (event_id, event.description if event else "", event.occurred if event else None)
        )
    tasks = [evaluation.by_id[t] for t in (deps.tasks if deps else []) if t in evaluation.by_id]
    waited = [
        s
        for s in evaluation.states
        if s.entry.task.depends_on is not None and task_id in s.entry.task.depends_on.tasks
    ]
    return TaskView(
        evaluation=evaluation,
        state=state,
        lead=lead,
        partners=partners,
        waits_on_events=events,
        waits_on_tasks=tasks,
        waited_by=waited,
        children=[evaluation.by_id[c] for c in entry.children],
        parent=evaluation.by_id.get(entry.parent) if entry.parent else None,
        file_line=entry.line,
    )


@dataclass(frozen=True)
class Unblocked:
    """A task that waited on an event just recorded: its due date now, if it has one."""

    task_id: str
    due: dt.date | None
    days_past: int  # > 0 when the due date is already behind us
    still_waiting: list[str]


def unblocked_by(root: Path, event_id: str, occurred: dt.date, as_of: dt.date) -> list[Unblocked]:
    """The tasks waiting on *event_id*, with the due dates they get once it happened on
    *occurred* (computed on the plan as it is on disk with that event date put in)."""
    from kehoach.app.plans import open_plan
    from kehoach.dates import today
    from kehoach.evaluation.evaluate import evaluate

    plan = open_plan(root, max(as_of, today())).plan
    if plan is None or event_id not in plan.events:
        return []
    plan.events[event_id] = plan.events[event_id].model_copy(update={"occurred": occurred})
    evaluation = evaluate(plan, as_of)
    out = []
    for state in evaluation.states:
        deps = state.entry.task.depends_on
        if deps is None or event_id not in deps.events:
            continue
        due = state.due
        past = (as_of - due).days if due is not None and due < as_of else 0
        out.append(Unblocked(state.id, due, past, list(state.waiting_on)))
    return out


@dataclass
class TaskList:
    """The tasks ``kehoach tasks`` shows: the evaluation, the body asked about (its id),
    and the tasks chosen, in plan order."""

    evaluation: Evaluation
    body: str | None
    shown: list[TaskState]


def task_list(
    root: Path,
    as_of: dt.date,
    *,
    body: str | None = None,
    cutoff: str = "calendar",
    state: str | None = None,
    search: str | None = None,
) -> TaskList:
    """The tasks of the plan in *root* on *as_of*: those *body* leads or partners on,
    in one of the states *state* names ("overdue,stale"), whose text holds *search*
    (diacritics ignored); every task when nothing narrows the list."""
    from kehoach.app.reporting import evaluate_plan
    from kehoach.selection import listed, parse_states

    wanted = parse_states(state) if state else None
    evaluated = evaluate_plan(root, as_of, body=body, cutoff=cutoff)
    evaluation = evaluated.evaluation
    shown = listed(evaluation, body=evaluated.body, states=wanted, search=search)
    return TaskList(evaluation, evaluated.body, shown)
