"""Every task's state as of a day.

Pure: (plan, day, period) → states. Recorded status is read from the dated history
*as it stood on that day*, so a report for any past day can be reproduced exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kehoach.applicable_rule import applicable_rule, own_rule
from kehoach.deadline import Rule, due_as_of, occurrences
from kehoach.deadline.periods import period_label
from kehoach.errors import DeadlineParseError
from kehoach.evaluation.report_periods import ReportPeriod, report_period_containing
from kehoach.evaluation.states import ORDER, State
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.model import Status, Task


@dataclass(frozen=True)
class OccurrenceState:
    """One occurrence of a recurring task: its label (2019, 2019-Q3 …), window and outcome."""

    label: str
    period_start: dt.date
    due: dt.date
    done_on: dt.date | None
    state: State


@dataclass
class TaskState:
    entry: TaskEntry
    rule: Rule
    state: State
    due: dt.date | None = None
    start: dt.date | None = None
    done_on: dt.date | None = None
    days_overdue: int = 0
    days_left: int | None = None
    last_update: dt.date | None = None
    waiting_on: list[str] = field(default_factory=list)
    current: OccurrenceState | None = None
    previous: OccurrenceState | None = None
    occurrences: list[OccurrenceState] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass
class Evaluation:
    plan: Plan
    as_of: dt.date
    period: ReportPeriod
    states: list[TaskState]
    by_id: dict[str, TaskState]


def status_on(task: Task, day: dt.date) -> tuple[Status, dt.date | None]:
    """Recorded status on *day* and the date it was set (None: undated, from the file)."""
    current: tuple[Status, dt.date | None] | None = None
    for update in task.history:
        if update.date <= day:
            current = (update.status, update.date)
    if current is not None:
        return current
    if task.history:  # history exists but starts later: nothing had happened yet
        return Status.NOT_STARTED, None
    return task.status, None


def first_done(task: Task, day: dt.date) -> dt.date | None:
    """The day the task became done, when it is still done on *day* (reopening resets it)."""
    done_since: dt.date | None = None
    for update in task.history:
        if update.date > day:
            break
        if update.status is not Status.DONE:
            done_since = None
        elif done_since is None:
            done_since = update.date
    return done_since


class _Evaluator:
    def __init__(self, plan: Plan, as_of: dt.date, period: ReportPeriod) -> None:
        self.plan = plan
        self.as_of = as_of
        self.period = period
        self.plan_start = plan.plan_start or dt.date(as_of.year, 1, 1)
        self.term_end = plan.info.term.end if plan.info.term else None

    def update_window_start(self) -> dt.date:
        return max(self.period.start, self.plan_start)

    def evaluate(self, entry: TaskEntry) -> TaskState:
        try:
            rule = applicable_rule(self.plan, entry)
        except DeadlineParseError:
            rule = Rule(kind="none")
        task = entry.task
        status, _ = status_on(task, self.as_of)
        updates = [u.date for u in task.history if u.date <= self.as_of]
        result = TaskState(
            entry=entry,
            rule=rule,
            state=State.OPEN,
            start=rule.start,
            last_update=updates[-1] if updates else None,
        )
        if status is Status.STOPPED:
            result.state = State.STOPPED
            return result
        kind = rule.kind
        # "thường xuyên, định kỳ hằng quý báo cáo": the recurring part is what falls due.
        recurring = next((p for p in rule.main_parts() if p.kind == "recurring"), None)
        if recurring is not None:
            return self._recurring(result, recurring, task)
        due: dt.date | None = None
        if kind == "after":
            trigger, waiting = self._trigger(entry)
            result.waiting_on = waiting
            if trigger is None:
                if status is Status.DONE:
                    result.state = State.DONE_ON_TIME
                    result.done_on = first_done(task, self.as_of)
                else:
                    result.state = State.WAITING
                return result
            lead = entry.task.lead_time_days
            lead_days = lead if lead is not None else self.plan.info.lead_time_days
            due = due_as_of(rule, self.as_of, trigger_date=trigger, lead_time_days=lead_days)
        elif kind in ("by", "term"):
            due = due_as_of(rule, self.as_of, term_end=self.term_end)
        elif kind == "continuous" and rule.due is not None:
            due = rule.due
        result.due = due
        if status is Status.DONE:
            result.done_on = first_done(task, self.as_of)
            late = due is not None and result.done_on is not None and result.done_on > due
            result.state = State.DONE_LATE if late else State.DONE_ON_TIME
            return result
        if due is not None and self.as_of > due:
            result.state = State.OVERDUE
            result.days_overdue = (self.as_of - due).days
            return result
        if rule.start is not None and self.as_of < rule.start:
            result.state = State.NOT_DUE
            result.days_left = (due - self.as_of).days if due else None
            return result
        if due is not None:
            result.state = State.OPEN
            result.days_left = (due - self.as_of).days
            return result
        if kind in ("from", "continuous"):
            window = self.update_window_start()
            fresh = any(day >= window for day in updates)
            result.state = State.ONGOING if fresh else State.STALE
            return result
        if kind == "on_demand":
            result.state = State.ONGOING
            return result
        result.state = State.OPEN
        return result

    def _trigger(self, entry: TaskEntry) -> tuple[dt.date | None, list[str]]:
        """When everything the task waits for had happened, and what has not yet."""
        deps = entry.task.depends_on
        waiting: list[str] = []
        dates: list[dt.date] = []
        for event_id in deps.events if deps else []:
            event = self.plan.events.get(event_id)
            if event is None or event.occurred is None or event.occurred > self.as_of:
                waiting.append(event_id)
            else:
                dates.append(event.occurred)
        for task_id in deps.tasks if deps else []:
            other = self.plan.by_id.get(task_id)
            done = first_done(other.task, self.as_of) if other else None
            if done is None and other is not None:
                status, _ = status_on(other.task, self.as_of)
                if status is Status.DONE:  # done, date unknown: treat as done at plan start
                    done = self.plan_start
            if done is None:
                waiting.append(task_id)
            else:
                dates.append(done)
        if waiting or not dates:
            return None, waiting
        return max(dates), waiting

    def _recurring(self, result: TaskState, rule: Rule, task: Task) -> TaskState:
        start = rule.start or self.plan_start
        horizon = self.as_of + dt.timedelta(days=400)
        occs = occurrences(rule, start, horizon)
        done_updates = [u for u in task.history if u.status is Status.DONE and u.date <= self.as_of]
        states: list[OccurrenceState] = []
        for index, occ in enumerate(occs):
            label = period_label(rule.every or "week", occ.period_start)
            next_start = occs[index + 1].period_start if index + 1 < len(occs) else None
            done_on = None
            for update in done_updates:
                if update.occurrence is not None:
                    if update.occurrence == label:
                        done_on = update.date
                        break
                elif update.date >= occ.period_start and (
                    next_start is None or update.date < next_start
                ):
                    done_on = update.date
                    break
            if done_on is not None:
                state = State.DONE_LATE if done_on > occ.due else State.DONE_ON_TIME
            elif self.as_of > occ.due:
                state = State.OVERDUE
            elif self.as_of < occ.period_start:
                state = State.NOT_DUE
            else:
                state = State.OPEN
            states.append(OccurrenceState(label, occ.period_start, occ.due, done_on, state))
        past = [o for o in states if o.due < self.as_of]
        current = next((o for o in states if o.due >= self.as_of), None)
        result.occurrences = states
        result.previous = past[-1] if past else None
        result.current = current
        result.start = start
        missed = [o for o in past if o.state is State.OVERDUE]
        if missed:
            result.state = State.OVERDUE
            result.due = missed[0].due
            result.days_overdue = (self.as_of - missed[0].due).days
        elif current is not None:
            result.due = current.due
            result.days_left = (current.due - self.as_of).days
            result.done_on = current.done_on
            result.state = current.state
        else:
            result.state = State.NOT_DUE
        return result


def rollup(parent: TaskState, children: list[TaskState], own: bool) -> TaskState:
    """A parent's state follows from its sub-tasks (and its own deadline, when it has one)."""
    members = [c for c in children if c.state is not State.STOPPED]
    if own and parent.state is not State.STOPPED:
        members.append(parent)
    if not members:
        return parent
    if all(m.state.done for m in members):
        state = (
            State.DONE_LATE
            if any(m.state is State.DONE_LATE for m in members)
            else (State.DONE_ON_TIME)
        )
        parent.done_on = max((m.done_on for m in members if m.done_on), default=None)
    else:
        pending = [m for m in members if not m.state.done]
        state = min((m.state for m in pending), key=ORDER.index)
        dues = [m.due for m in pending if m.due is not None]
        parent.due = min(dues) if dues else parent.due
        parent.days_overdue = max(m.days_overdue for m in members)
        lefts = [m.days_left for m in pending if m.days_left is not None]
        parent.days_left = min(lefts) if lefts else None
        parent.waiting_on = sorted({w for m in pending for w in m.waiting_on})
    parent.state = state
    return parent


def evaluate(
    plan: Plan, as_of: dt.date, *, period: ReportPeriod | None = None, cutoff: str = "calendar"
) -> Evaluation:
    """States of every task on *as_of*; *period* is the reporting period for staleness."""
    period = period or report_period_containing(as_of, "quarter", cutoff)
    evaluator = _Evaluator(plan, as_of, period)
    by_id: dict[str, TaskState] = {}
    for entry in reversed(plan.tasks):  # children come after parents: evaluate them first
        state = evaluator.evaluate(entry)
        if entry.children:
            try:
                own = own_rule(entry).kind != "none"
            except DeadlineParseError:
                own = False
            state = rollup(state, [by_id[c] for c in entry.children], own)
        by_id[entry.id] = state
    states = [by_id[entry.id] for entry in plan.tasks]
    return Evaluation(plan, as_of, period, states, by_id)
