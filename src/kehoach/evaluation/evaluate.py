"""Every task's state as of a day (the specification is docs/states.md).

Pure: (plan, day, period) → states. Recorded status is read from the dated history
*as it stood on that day*, so a report for any past day can be reproduced exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from kehoach.applicable_rule import (
    applicable_dependencies,
    applicable_lead_time,
    applicable_rule,
    own_rule,
)
from kehoach.deadline import (
    Occurrence,
    Rule,
    due_as_of,
    labelled_parts,
    occurrence_for,
    occurrence_labelled,
    occurrence_name,
    occurrences,
    recurring_part,
)
from kehoach.errors import DeadlineParseError
from kehoach.evaluation.report_periods import ReportPeriod, report_period_containing
from kehoach.evaluation.states import ORDER, State
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.model import Status, Task, Update


@dataclass(frozen=True, slots=True)  # slots: a plan of 100,000 tasks has as many states
class OccurrenceState:
    """One occurrence of a recurring task (label 2019, 2019-Q3 …), or one labelled part of
    a deadline split into parts (label 2020, item "sơ kết"): its window and outcome."""

    label: str
    period_start: dt.date
    due: dt.date
    done_on: dt.date | None
    state: State
    update: Update | None = None  # the entry that closed it
    period_end: dt.date | None = None
    item: str | None = None  # a labelled part's purpose ("sơ kết")

    @property
    def name(self) -> str:
        """How every output names it: "2019", or "sơ kết 2020" for a labelled part."""
        return occurrence_name(self.label, self.item)

    @property
    def noun(self) -> str:
        """What it is called in a sentence: "kỳ" (a round), or "phần" (a labelled part)."""
        return "phần" if self.item else "kỳ"


@dataclass(slots=True)
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
    never_updated: bool = False
    waiting_on: list[str] = field(default_factory=list)
    current: OccurrenceState | None = None
    previous: OccurrenceState | None = None
    occurrences: list[OccurrenceState] = field(default_factory=list)
    # A task with sub-tasks and a deadline of its own: that deadline's state, as evaluated
    # before the roll-up replaced this one (its completions and dues are listed too).
    own: TaskState | None = None

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


# A recurring part's rounds as of a day: every round, the last one due before the day,
# the current one, the first one missed. For a task with no entry on or before the day
# they are the same for every task of that part and start (a province's plan has
# thousands of "hằng năm" tasks never updated): one evaluation works them out once.
_Summary = tuple[
    tuple[OccurrenceState, ...], OccurrenceState | None, OccurrenceState | None,
    OccurrenceState | None,
]  # fmt: skip


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


def first_done(history: list[Update], day: dt.date) -> Update | None:
    """The entry with which the task became done, when it is still done on *day*:
    a later entry that is not "hoàn thành" reopens it and forgets that date."""
    done_since: Update | None = None
    for update in history:
        if update.date > day:
            break
        if update.status is not Status.DONE:
            done_since = None
        elif done_since is None:
            done_since = update
    return done_since


class _Evaluator:
    """One evaluation: a plan on a day. What it remembers (the rounds of each recurring
    part) holds for that plan and day only, and goes with it."""

    def __init__(self, plan: Plan, as_of: dt.date, period: ReportPeriod) -> None:
        self.plan = plan
        self.as_of = as_of
        self.period = period
        self.plan_start = plan.plan_start or dt.date(as_of.year, 1, 1)
        self.term_end = plan.info.term.end if plan.info.term else None
        self.window_start = max(period.start, self.plan_start)  # a fresh update's first day
        # Far enough for the period after the reporting period (a year report's next year).
        self.horizon = max(as_of, period.end) + dt.timedelta(days=800)
        self._rounds: dict[tuple[Rule, dt.date], list[Occurrence]] = {}
        self._blank: dict[tuple[Rule, dt.date], _Summary] = {}

    def evaluate(self, entry: TaskEntry) -> TaskState:
        try:
            rule = applicable_rule(self.plan, entry)
        except DeadlineParseError:
            rule = Rule(kind="none")
        task = entry.task
        as_of = self.as_of
        history = task.history
        # Never updated: no entry in the history on or before the day, and no status
        # recorded in the file (a status in the file counts only for a task with no history).
        if history:
            status, _ = status_on(task, as_of)
            updates = [u.date for u in history if u.date <= as_of]
            never = not updates
        else:  # most tasks: what the file says, nothing dated
            status = task.status
            updates = []
            never = status is Status.NOT_STARTED
        # entry, rule, state, due, start, done_on, days_overdue, days_left, last_update,
        # never_updated: positional (the keywords cost a tenth of the whole evaluation)
        result = TaskState(
            entry, rule, State.OPEN, None, rule.start, None, 0, None,
            updates[-1] if updates else None, never,
        )  # fmt: skip
        if status is Status.STOPPED:
            result.state = State.STOPPED
            return result
        kind = rule.kind
        # "thường xuyên, định kỳ hằng quý báo cáo": the recurring part is what falls due.
        if rule.parts:
            recurring = recurring_part(rule)
            if recurring is not None:
                return self._recurring(result, rule, recurring, task)
            parts = labelled_parts(rule)
            if parts:
                return self._parts(result, rule, parts, task)
        elif kind == "recurring" and rule.every is not None:  # recurring_part() of a
            return self._recurring(result, rule, rule, task)  # rule with no parts
        # (labelled_parts() of a rule with no parts is empty: it needs two parts)
        due: dt.date | None = None
        if kind == "after" and rule.origin == "plan_issued":
            due = due_as_of(rule, self.as_of, plan_issued=self.plan.info.issued)
        elif kind == "after":
            trigger, waiting = self._trigger(entry)
            result.waiting_on = waiting
            if trigger is None:
                if status is Status.DONE:
                    result.state = State.DONE_ON_TIME
                    result.done_on = self._done_on(task)
                else:
                    result.state = State.WAITING
                return result
            lead_days = applicable_lead_time(self.plan, entry)
            due = due_as_of(rule, self.as_of, trigger_date=trigger, lead_time_days=lead_days)
        elif kind in ("by", "term"):
            due = due_as_of(rule, self.as_of, term_end=self.term_end)
        elif kind == "continuous" and rule.due is not None:
            due = rule.due
        result.due = due
        if status is Status.DONE:
            result.done_on = self._done_on(task)
            late = due is not None and result.done_on is not None and result.done_on > due
            result.state = State.DONE_LATE if late else State.DONE_ON_TIME
            return result
        if due is not None and self.as_of > due:  # the due day itself is not overdue
            result.state = State.OVERDUE
            result.days_overdue = (self.as_of - due).days
            return result
        if rule.start is not None and self.as_of < rule.start:  # the start day is inside
            result.state = State.NOT_DUE
            result.days_left = (due - self.as_of).days if due else None
            return result
        if due is not None:
            result.state = State.OPEN
            result.days_left = (due - self.as_of).days
            return result
        if kind in ("from", "continuous"):
            window = self.window_start
            fresh = any(day >= window for day in updates) if updates else False
            result.state = State.ONGOING if fresh else State.STALE
            return result
        if kind == "on_demand":
            result.state = State.ONGOING
            return result
        result.state = State.UNDATED
        return result

    def _done_on(self, task: Task) -> dt.date | None:
        done = first_done(task.history, self.as_of)
        return done.date if done is not None else None

    def _trigger(self, entry: TaskEntry) -> tuple[dt.date | None, list[str]]:
        """When everything the task waits for had happened, and what has not yet."""
        deps = applicable_dependencies(self.plan, entry)
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
            done = self._done_on(other.task) if other else None
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

    def _occurrence_of(self, rule: Rule, update: Update, start: dt.date) -> Occurrence | None:
        """The occurrence an entry counts for: the one it names, else the one its date
        falls in (the first and the last day of a period belong to that period)."""
        if update.occurrence is not None:
            return occurrence_labelled(rule, update.occurrence, start=start)
        return occurrence_for(rule, update.date, start=start)

    def _occurrence_states(
        self, rule: Rule, occs: list[Occurrence], task: Task, start: dt.date
    ) -> list[OccurrenceState]:
        """Each entry belongs to one occurrence; per occurrence, the history decides as it
        does for a one-off task (a later entry that is not "hoàn thành" reopens it)."""
        entries: dict[str, list[Update]] = {}
        for update in task.history:
            if update.date > self.as_of:
                continue
            occ = self._occurrence_of(rule, update, start)
            if occ is not None:
                entries.setdefault(occ.label, []).append(update)
        states: list[OccurrenceState] = []
        for occ in occs:
            done = first_done(entries.get(occ.label, []), self.as_of)
            if done is not None:
                state = State.DONE_LATE if done.date > occ.due else State.DONE_ON_TIME
            elif self.as_of > occ.due:
                state = State.OVERDUE
            elif self.as_of < occ.period_start:
                state = State.NOT_DUE
            else:
                state = State.OPEN
            done_on = done.date if done is not None else None
            states.append(
                OccurrenceState(
                    occ.label, occ.period_start, occ.due, done_on, state, done, occ.period_end,
                    occ.item,
                )
            )  # fmt: skip
        return states

    def _recurring(self, result: TaskState, rule: Rule, part: Rule, task: Task) -> TaskState:
        start = part.start or self.plan_start
        as_of = self.as_of
        key = (part, start)
        blank = not any(u.date <= as_of for u in task.history)  # no entry yet
        summary = self._blank.get(key) if blank else None
        if summary is None:
            rounds = self._rounds.get(key)
            if rounds is None:
                rounds = self._rounds[key] = occurrences(part, start, self.horizon)
            summary = self._summary(tuple(self._occurrence_states(rule, rounds, task, start)))
            if blank:
                self._blank[key] = summary
        states, previous, current, missed = summary
        result.occurrences = list(states)
        result.previous = previous
        result.current = current
        result.start = start
        if missed is not None:
            result.state = State.OVERDUE
            result.due = missed.due
            result.days_overdue = (as_of - missed.due).days
        elif current is not None:
            result.due = current.due
            result.done_on = current.done_on
            result.state = current.state
            if not current.state.done:
                result.days_left = (current.due - self.as_of).days
        else:
            result.state = State.NOT_DUE
        return result

    def _summary(self, states: tuple[OccurrenceState, ...]) -> _Summary:
        """The rounds, the last one due before the day, the current one and the first
        one missed (overdue, due before the day)."""
        as_of = self.as_of
        past = [o for o in states if o.due < as_of]
        # The current round: the one whose period contains the day, else the next one;
        # after a window that has ended ("từ năm 2019 đến năm 2020, hằng năm"), the last.
        current = next(
            (o for o in states if o.period_start <= as_of <= (o.period_end or o.due)),
            next((o for o in states if o.due >= as_of), states[-1] if states else None),
        )
        missed = next((o for o in past if o.state is State.OVERDUE), None)
        return states, past[-1] if past else None, current, missed

    def _parts(
        self, result: TaskState, rule: Rule, parts: list[Occurrence], task: Task
    ) -> TaskState:
        """A deadline split into labelled parts: done when every part is done (late if one
        was), overdue while a part's due day has passed undone, else the state of the
        first part not done. A part is "not due" only before a start it names itself."""
        starts = {p.due: p.start for p in rule.main_parts()}  # parts have distinct dues
        states = [
            o
            if o.state is not State.NOT_DUE or _before(self.as_of, starts.get(o.due))
            else replace(o, state=State.OPEN)  # the previous part's days, not its own start
            for o in self._occurrence_states(rule, parts, task, self.plan_start)
        ]
        result.occurrences = states
        past = [o for o in states if o.due < self.as_of]
        result.previous = past[-1] if past else None
        pending = [o for o in states if not o.state.done]
        missed = [o for o in pending if o.state is State.OVERDUE]
        if not pending:
            late = any(o.state is State.DONE_LATE for o in states)
            result.state = State.DONE_LATE if late else State.DONE_ON_TIME
            result.due = states[-1].due
            result.done_on = max(o.done_on for o in states if o.done_on is not None)
            result.current = states[-1]
        elif missed:
            result.state = State.OVERDUE
            result.due = missed[0].due
            result.days_overdue = (self.as_of - missed[0].due).days
            result.current = missed[0]
        else:
            current = pending[0]
            result.current = current
            result.state = current.state
            result.due = current.due
            result.days_left = (current.due - self.as_of).days
        return result


def _before(day: dt.date, start: dt.date | None) -> bool:
    return start is not None and day < start


def rollup(parent: TaskState, children: list[TaskState], own: bool) -> TaskState:
    """A parent's state follows from its sub-tasks and its own deadline, when it has one.

    A stopped parent is stopped; stopped sub-tasks are left out; a parent whose every
    sub-task is stopped (and which has no deadline of its own) is stopped."""
    parent.never_updated = parent.never_updated and all(c.never_updated for c in children)
    # its last update, as "Chưa có thông tin" reads it: its own or a sub-task's, the latest
    lasts = [d for d in (parent.last_update, *(c.last_update for c in children)) if d]
    parent.last_update = max(lasts) if lasts else None
    if parent.state is State.STOPPED:
        return parent
    members = [c for c in children if c.state is not State.STOPPED]
    if own:
        members.append(parent)
    if not members:
        parent.state = State.STOPPED
        return parent
    if all(m.state.done for m in members):
        late = any(m.state is State.DONE_LATE for m in members)
        state = State.DONE_LATE if late else State.DONE_ON_TIME
        parent.done_on = max((m.done_on for m in members if m.done_on), default=None)
        parent.days_overdue = 0
        parent.days_left = None
    else:
        pending = [m for m in members if not m.state.done]
        state = min((m.state for m in pending), key=ORDER.index)
        dues = [m.due for m in pending if m.due is not None]
        parent.due = min(dues) if dues else parent.due
        parent.days_overdue = max(m.days_overdue for m in pending)
        lefts = [m.days_left for m in pending if m.days_left is not None]
        # overdue: no days left, as for a task on its own
        parent.days_left = min(lefts) if lefts and state is not State.OVERDUE else None
        parent.waiting_on = sorted({w for m in pending for w in m.waiting_on})
        parent.done_on = None
    parent.state = state
    return parent


def evaluate(
    plan: Plan, as_of: dt.date, *, period: ReportPeriod | None = None, cutoff: str = "calendar"
) -> Evaluation:
    """States of every task on *as_of*; *period* is the reporting period for staleness."""
    period = period or report_period_containing(as_of, "quarter", cutoff)
    evaluator = _Evaluator(plan, as_of, period)
    by_id: dict[str, TaskState] = {}
    states: list[TaskState] = []
    for entry in reversed(plan.tasks):  # children come after parents: evaluate them first
        state = evaluator.evaluate(entry)
        if entry.children:
            try:
                own = own_rule(entry).kind != "none"
            except DeadlineParseError:
                own = False
            if own:
                state.own = replace(state)
            state = rollup(state, [by_id[c] for c in entry.children], own)
        by_id[entry.task.id] = state
        states.append(state)
    states.reverse()  # plan order
    if len(by_id) != len(states):  # an id given twice (a plan not checked): every entry
        states = [by_id[entry.task.id] for entry in plan.tasks]  # gets its id's first state
    return Evaluation(plan, as_of, period, states, by_id)
