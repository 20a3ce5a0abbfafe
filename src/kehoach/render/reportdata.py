"""What the document renderers (docx, xlsx, html) are given: the report's figures and
lists, already counted, as plain values.

The renderers only lay these out; nothing here is recounted by them. This module is the
one adapter between the counting code of ``kehoach.evaluation`` and the documents, so
every document shows the same numbers as ``status --format json`` and the Markdown
report.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.evaluation.states import ORDER, Category, State, category

ROLE_VI = {"lead": "Chủ trì", "partner": "Phối hợp"}


@dataclass(frozen=True)
class TaskLine:
    """One task in a list: what every table shows about it."""

    id: str
    title: str
    lead: str
    state: State
    due: dt.date | None = None
    date: dt.date | None = None  # completion date, last update …
    days: int | None = None  # days overdue
    label: str | None = None  # occurrence label (2019, 2019-Q3 …)
    detail: str = ""  # evidence, what it waits for …
    deadline_text: str = ""
    role: str | None = None  # in a body's own report: "chủ trì" or "phối hợp"
    # the sub-tasks and occurrences the row is about (see shown_id); none: its label only
    named: tuple[Named, ...] = ()

    @property
    def ident(self) -> str:
        """The first column of every list: the task, then the sub-tasks and occurrences
        concerned, and the body's role when known — "III.2.1 (III.2.1.a 2019; chủ trì)"."""
        return shown_id(self.id, self._named(), self.role)

    @property
    def shown(self) -> str:
        """:attr:`ident` without the role (for a table with a column of its own for it)."""
        return shown_id(self.id, self._named())

    def _named(self) -> tuple[Named, ...]:
        if not self.named and self.label:
            return ((None, (self.label,)),)
        return self.named

    @property
    def group(self) -> Category | None:
        return category(self.state)


Named = tuple[str | None, tuple[str, ...]]  # a sub-task's id (None: the task), occurrences


def shown_id(task_id: str, named: Sequence[Named], note: str | None = None) -> str:
    """How every list of every report names a row: the counted task, then in brackets
    the sub-tasks and occurrences concerned — "III.5.2 (2019)", "III.2.1 (III.2.1.a)",
    "III.2.1 (III.2.1.a 2019)", "III.1 (sơ kết 2020)", "III.2 (III.2.1; III.2.3 2018, 2019)"
    — and a *note* after them (a body's role: "III.5.2 (2019; chủ trì)")."""
    pieces = []
    for sub, labels in named:
        words = [sub] if sub else []
        if labels:
            words.append(", ".join(labels))
        if words:
            pieces.append(" ".join(words))
    several = len(pieces) > 1 and any(sub and labels for sub, labels in named)
    inside = ("; " if several else ", ").join(pieces)
    inside = "; ".join(part for part in (inside, note) if part)
    return f"{task_id} ({inside})" if inside else task_id


def one(sub: TaskState | None, label: str | None) -> tuple[Named, ...]:
    """The naming of a row about one part: its sub-task (if any) and occurrence (if any)."""
    return ((sub.id if sub is not None else None, (label,) if label else ()),)


def caused(evaluation: Evaluation, state: TaskState) -> tuple[Named, ...]:
    """The naming of a row of a list of tasks in one state (overdue, waiting, stale)."""
    return tuple(
        (c.sub.id if c.sub is not None else None, tuple(o.name for o in c.occurrences))
        for c in counting.causes(evaluation, state)
    )


@dataclass(frozen=True)
class BodyLine:
    body: str
    name: str
    role: str  # lead | partner
    counts: dict[State, int]
    groups: dict[Category, int]  # the same tasks rolled up into the QĐ 42 groups
    total: int


@dataclass
class ReportData:
    plan_title: str
    plan_number: str | None
    issuer: str
    period: ReportPeriod
    next_period: ReportPeriod
    as_of: dt.date
    total: int
    states: dict[State, int]  # every state of ORDER, zero included
    groups: dict[Category, int]  # the four QĐ 42 groups, zero included
    stopped: int
    never_updated: int
    undated: int  # "Chưa xác định thời hạn": no readable deadline
    bodies: list[BodyLine]
    body_name: str | None = None  # a body's own report: whose
    completed: list[TaskLine] = field(default_factory=list)
    overdue: list[TaskLine] = field(default_factory=list)
    next_due: list[TaskLine] = field(default_factory=list)
    waiting: list[TaskLine] = field(default_factory=list)
    stale: list[TaskLine] = field(default_factory=list)
    recurring: list[TaskLine] = field(default_factory=list)
    tasks: list[TaskLine] = field(default_factory=list)

    @property
    def shown_states(self) -> list[State]:
        """States that some body row has: the columns worth a by-body table."""
        return [s for s in ORDER if any(b.counts.get(s) for b in self.bodies)]


def _lead(evaluation: Evaluation, state: TaskState) -> str:
    body = evaluation.plan.bodies.by_id.get(state.entry.body)
    return body.name if body else state.entry.body


def _title(state: TaskState) -> str:
    return " ".join(state.entry.task.title.split())


def waits_for(evaluation: Evaluation, state: TaskState) -> str:
    """What a waiting task waits for, by its text: the event's description or the task's
    title (never an id alone)."""
    plan = evaluation.plan
    parts = []
    for ref in state.waiting_on:
        event = plan.events.get(ref)
        if event is not None:
            parts.append(" ".join(event.description.split()))
            continue
        other = plan.by_id.get(ref)
        if other is not None:
            parts.append(f"nhiệm vụ {ref}: {' '.join(other.task.title.split())}")
        else:
            parts.append(ref)
    return "; ".join(parts)


ROLE_WORDS = {"lead": "chủ trì", "partner": "phối hợp"}


def _line(
    evaluation: Evaluation, task: TaskState, body: str | None = None, **extra: object
) -> TaskLine:
    """A task's line; with *body*, the role that body plays on it."""
    values: dict[str, object] = {
        "id": task.id,
        "title": _title(task),
        "lead": _lead(evaluation, task),
        "state": task.state,
        "due": task.due,
        "deadline_text": " ".join((task.entry.task.deadline or "").split()),
    }
    if body is not None:
        from kehoach.selection import role_of

        role = role_of(evaluation.plan, task.entry, body)
        values["role"] = ROLE_WORDS[role.code] if role is not None else None
    values.update(extra)
    return TaskLine(**values)  # type: ignore[arg-type]


def _groups(counts: Counter[State]) -> dict[Category, int]:
    out = {c: 0 for c in Category}
    for state, number in counts.items():
        group = category(state)
        if group is not None:
            out[group] += number
    return out


def task_lines(evaluation: Evaluation, states: list[TaskState]) -> list[TaskLine]:
    """Lines for a list the counting code already chose (tasks, overdue …)."""
    return [_line(evaluation, s, None, date=s.last_update, days=s.days_overdue) for s in states]


def overdue_lines(
    evaluation: Evaluation, states: list[TaskState], body: str | None = None
) -> list[TaskLine]:
    """Lines of an overdue list (the report's section, ``overdue --format xlsx``): each
    names the sub-tasks and rounds that are late; with *body*, the role it plays."""
    return [
        _line(evaluation, s, body, days=s.days_overdue, named=caused(evaluation, s)) for s in states
    ]


def build_report_data(
    evaluation: Evaluation,
    period: ReportPeriod | None = None,
    body: str | None = None,
    figures: counting.Tally | None = None,
) -> ReportData:
    """The report's figures, read from the counting module; with *body*, the totals and
    rows of that body only (the same as ``status --body``), and each listed task with the
    role the body plays on it."""
    ev = evaluation
    period = period or ev.period
    figures = figures or counting.tally(ev, body)
    chosen = figures.tasks
    states = figures.states
    groups = figures.categories
    nxt = period.next()
    end = min(period.end, ev.as_of)
    data = ReportData(
        plan_title=" ".join(ev.plan.info.title.split()),
        plan_number=ev.plan.info.number,
        issuer=ev.plan.info.issuer,
        period=period,
        next_period=nxt,
        as_of=ev.as_of,
        total=figures.total,
        states={s: states.get(s, 0) for s in ORDER},
        groups={c: groups.get(c, 0) for c in Category},
        stopped=figures.stopped,
        never_updated=figures.never_updated,
        undated=figures.undated,
        bodies=[
            BodyLine(
                r.body,
                r.name,
                r.role,
                {s: r.counts.get(s, 0) for s in ORDER},
                _groups(r.counts),
                r.total,
            )
            for r in figures.rows
        ],
    )
    data.body_name = ev.plan.bodies.name(body) if body is not None else None
    data.completed = [
        _line(
            ev,
            c.state,
            body,
            date=c.done_on,
            label=c.label,
            detail=" ".join(((c.update.evidence if c.update else None) or "").split()),
            named=one(c.sub, c.label),
        )
        for c in counting.completed_between(ev, period.start, end, body)
    ]
    data.overdue = overdue_lines(ev, counting.overdue(ev, body), body)
    data.next_due = [
        _line(ev, d.state, body, due=d.due, label=d.label, named=one(d.sub, d.label))
        for d in counting.due_between(ev, nxt.start, nxt.end, body)
    ]
    data.waiting = [
        _line(ev, s, body, detail=waits_for(ev, s), named=caused(ev, s))
        for s in counting.in_states(ev, State.WAITING, body=body)
    ]
    data.stale = [
        _line(ev, s, body, date=s.last_update, named=caused(ev, s))
        for s in counting.in_states(ev, State.STALE, body=body)
    ]
    data.recurring = [
        _line(
            ev,
            r.state,
            body,
            due=r.occurrence.due,
            label=r.occurrence.name,
            state=r.occurrence.state,
            date=r.occurrence.done_on,
            named=one(r.sub, r.occurrence.name),
        )
        for r in counting.occurrences_between(ev, period.start, period.end, body)
    ]
    data.tasks = [_line(ev, s, body, date=s.last_update, days=s.days_overdue) for s in chosen]
    return data
