"""Check: history dates lie between the plan's date and today, in order (per round, for a
recurring task: recording 2018 after 2019 is allowed); the status field agrees with the
last entry."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from kehoach.checks.context import Context, at, task_problem
from kehoach.deadline import Rule, occurrence_labelled, parse_period_label
from kehoach.errors import Problem
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.messages import text as message_text
from kehoach.model import Status, Update
from kehoach.rounds import Recurrence, recurrence_in, recurrence_of


def check_history(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    start = plan.plan_start
    for entry in plan.tasks:
        history = entry.task.history
        if not history:
            continue  # most tasks: nothing below applies to a task with no update
        previous: dt.date | None = None
        named = any(update.occurrence for update in history)
        rounds = _rounds(plan, entry) if named or _out_of_order(history) else None
        latest: dict[str | None, dt.date] = {}
        for index, update in enumerate(history):
            loc = ("history", index, "date")
            if start is not None and update.date < start:
                problems.append(
                    task_problem(
                        entry,
                        loc,
                        message_text("update-before-plan", date=update.date, start=start),
                        "date-before-plan",
                    )
                )
            if update.date > ctx.today:
                problems.append(
                    task_problem(
                        entry,
                        loc,
                        message_text("update-in-future", date=update.date, today=ctx.today),
                        "date-in-future",
                    )
                )
            if update.occurrence and not _is_round(rounds, update.occurrence):
                problems.append(
                    task_problem(
                        entry,
                        ("history", index, "occurrence"),
                        _not_a_round(rounds, update.occurrence),
                        "occurrence",
                    )
                )
            key = rounds.key(update.occurrence, update.date) if rounds is not None else None
            previous = latest.get(key)
            if previous is not None and update.date < previous:
                problems.append(
                    task_problem(
                        entry,
                        loc,
                        message_text(
                            "history-out-of-order",
                            of_round=_of_round(rounds, key),
                            date=update.date,
                            previous=previous,
                        ),
                        "history-order",
                    )
                )
            latest[key] = max(update.date, previous or update.date)
        if history and history[-1].status is not entry.task.status:
            problems.append(
                task_problem(
                    entry,
                    ("status",),
                    message_text(
                        "status-differs-from-last-update",
                        status=entry.task.status.value,
                        last=history[-1].status.value,
                    ),
                    "status-mismatch",
                )
            )
    for index, event in enumerate(plan.events.values()):
        if event.occurred is not None and event.occurred > ctx.today:
            raw_path = plan.events_path or ""
            raw = plan.raw.get(raw_path)
            problems.append(
                at(
                    raw_path,
                    raw,
                    ("events", index, "occurred"),
                    message_text("event-in-future", id=event.id),
                    "date-in-future",
                )
            )
    return problems


def check_ignored_progress(
    plan: Plan, entry: TaskEntry, rule: Rule, today: dt.date
) -> list[Problem]:
    """Warnings: progress of a recurring or split-deadline task that the evaluation does
    not count — an entry naming no round dated before the first round, or a "hoàn thành"
    in the file with no dated history. Called by the deadline check, which already has
    *rule* (no second rule lookup), only for a task with history or with that status."""
    task = entry.task
    if task.status is Status.STOPPED:  # the whole task is stopped: no round is judged
        return []
    # The evaluation counts rounds from the plan's start, else from 1 January of the day.
    rounds = recurrence_in(plan, rule, plan.plan_start or dt.date(today.year, 1, 1))
    if rounds is None:
        return []
    if not task.history:
        what = message_text("parts-what" if rounds.parts else "recurring-what")
        why = message_text(
            "undated-status-of-rounds",
            status=task.status.value,
            noun=rounds.noun,
            what=what,
            id=entry.id,
        )
        return [_warning(entry, ("status",), why, key=True)]
    start = plan.plan_start
    problems = []
    # occurrence_for gives None only before the first round: from the earliest day on,
    # the first entry that belongs to a round ends the search.
    for index, update in sorted(enumerate(task.history), key=lambda pair: pair[1].date):
        if update.occurrence or update.date > today or (start is not None and update.date < start):
            continue  # a named round: check_history; a date out of range is an error
        if rounds.key(None, update.date) is not None:
            break
        first = rounds.first()
        where = (
            message_text("first-round", title=rounds.title(first.label), start=first.period_start)
            if first is not None
            else message_text("no-round-at-all")
        )
        why = message_text("update-in-no-round", date=update.date, first=where)
        problems.append(_warning(entry, ("history", index, "date"), why))
    return problems


def _warning(
    entry: TaskEntry, loc: tuple[str | int, ...], message: str, *, key: bool = False
) -> Problem:
    if entry.raw is None or loc[0] not in entry.raw:
        loc, key = ("id",), False
    return task_problem(entry, loc, message, "ignored-progress", severity="warning", key=key)


def _out_of_order(history: list[Update]) -> bool:
    return any(later.date < earlier.date for earlier, later in pairwise(history))


def _rounds(plan: Plan, entry: TaskEntry) -> Recurrence | None:
    """The task's rounds, asked for only when its history is out of order (it costs a
    rule lookup per task otherwise)."""
    first = min(update.date for update in entry.task.history)
    return recurrence_of(plan, entry, dt.date(first.year, 1, 1))


def _is_round(rounds: Recurrence | None, label: str) -> bool:
    return (
        rounds is not None
        and occurrence_labelled(rounds.rule, label, start=rounds.start) is not None
    )


def _not_a_round(rounds: Recurrence | None, label: str) -> str:
    if parse_period_label(label) is None:
        return message_text("batch-bad-occurrence", occurrence=label)
    if rounds is None:
        return message_text("round-of-non-recurring", label=label)
    return message_text("not-a-round", noun=rounds.noun, label=label)


def _of_round(rounds: Recurrence | None, key: str | None) -> str:
    if rounds is None or not key:
        return ""
    return message_text("of-round", noun=rounds.noun, title=rounds.title(key))
