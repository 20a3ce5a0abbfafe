"""The rounds of a task's recurring rule, as the plan counts them.

Shared by ``kehoach update`` (which round an update records), the history check (order
is kept per round) and anything else that must know which round an entry belongs to.
The calendar itself is :func:`kehoach.deadline.occurrence_for`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kehoach.applicable_rule import applicable_rule
from kehoach.deadline import Rule, occurrence_for, occurrences, recurring_part
from kehoach.errors import DeadlineParseError
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.model import Status

__all__ = ["Recurrence", "recurrence_of"]


@dataclass(frozen=True)
class Recurrence:
    """A task's recurring rule and the day its rounds are counted from."""

    rule: Rule
    start: dt.date

    def key(self, occurrence: str | None, day: dt.date) -> str | None:
        """The round an entry belongs to: the one it names, else the one its day falls in."""
        if occurrence:
            return occurrence
        found = occurrence_for(self.rule, day, start=self.start)
        return None if found is None else found.label

    def open_rounds(
        self, entries: Iterable[tuple[dt.date, Status, str | None]], day: dt.date
    ) -> list[str]:
        """Labels of the rounds begun by *day* whose latest entry is not "hoàn thành"."""
        last: dict[str, tuple[dt.date, Status]] = {}
        for when, status, occurrence in entries:
            label = self.key(occurrence, when)
            if label is not None and (label not in last or when >= last[label][0]):
                last[label] = (when, status)
        return [
            o.label
            for o in occurrences(self.rule, self.start, day + dt.timedelta(days=400))
            if o.period_start <= day
            and (o.label not in last or last[o.label][1] is not Status.DONE)
        ]


def recurrence_of(plan: Plan, entry: TaskEntry, fallback: dt.date) -> Recurrence | None:
    """The task's recurrence, counted from its own start, else the plan's (else *fallback*)."""
    try:
        rule = applicable_rule(plan, entry)
    except DeadlineParseError:
        return None
    part = recurring_part(rule)
    if part is None:
        return None
    return Recurrence(part, part.start or plan.plan_start or fallback)
