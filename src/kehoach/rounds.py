"""The rounds of a task's recurring rule, or the labelled parts of a deadline split into
parts ("Quý I năm 2020, sơ kết; năm 2022 tổng kết"), as the plan counts them.

Shared by ``kehoach update`` (which round an update records), the history check (order
is kept per round) and anything else that must know which round an entry belongs to.
The calendar itself is :func:`kehoach.deadline.occurrence_for`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kehoach.applicable_rule import applicable_rule
from kehoach.deadline import (
    Occurrence,
    Rule,
    labelled_parts,
    occurrence_for,
    occurrences,
    period_title,
    recurring_part,
)
from kehoach.errors import DeadlineParseError
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.model import Status

__all__ = ["Recurrence", "recurrence_in", "recurrence_of"]


@dataclass(frozen=True)
class Recurrence:
    """A task's recurring rule and the day its rounds are counted from; or, with
    ``parts``, a deadline whose labelled parts are its rounds (each done once)."""

    rule: Rule
    start: dt.date
    parts: bool = False

    @property
    def noun(self) -> str:
        """What one round is called in messages: "kỳ", or "phần" for labelled parts."""
        return "phần" if self.parts else "kỳ"

    def title(self, label: str) -> str:
        """A round as messages name it: "năm 2019", "quý III/2019"; a part "sơ kết 2020"."""
        if self.parts:
            part = next((p for p in labelled_parts(self.rule) if p.label == label), None)
            return part.name if part is not None else label
        return period_title(label)

    def key(self, occurrence: str | None, day: dt.date) -> str | None:
        """The round an entry belongs to: the one it names, else the one its day falls in."""
        if occurrence:
            return occurrence
        found = occurrence_for(self.rule, day, start=self.start)
        return None if found is None else found.label

    def first(self) -> Occurrence | None:
        """The first round (an entry dated before its period, naming no round, belongs
        to none: :func:`occurrence_for` gives None for it)."""
        if self.parts:
            parts = labelled_parts(self.rule)
            return parts[0] if parts else None
        found = occurrences(self.rule, self.start, self.start + dt.timedelta(days=800))
        return found[0] if found else None

    def open_rounds(
        self, entries: Iterable[tuple[dt.date, Status, str | None]], day: dt.date
    ) -> list[str]:
        """Labels of the rounds begun by *day* (every labelled part) whose latest entry is
        not "hoàn thành"."""
        last: dict[str, tuple[dt.date, Status]] = {}
        for when, status, occurrence in entries:
            label = self.key(occurrence, when)
            if label is not None and (label not in last or when >= last[label][0]):
                last[label] = (when, status)
        rounds = (
            labelled_parts(self.rule)
            if self.parts
            else [
                o
                for o in occurrences(self.rule, self.start, day + dt.timedelta(days=400))
                if o.period_start <= day
            ]
        )
        return [
            o.label for o in rounds if o.label not in last or last[o.label][1] is not Status.DONE
        ]


def recurrence_of(plan: Plan, entry: TaskEntry, fallback: dt.date) -> Recurrence | None:
    """The task's recurrence, counted from its own start, else the plan's (else *fallback*);
    or its labelled parts."""
    try:
        rule = applicable_rule(plan, entry)
    except DeadlineParseError:
        return None
    return recurrence_in(plan, rule, fallback)


def recurrence_in(plan: Plan, rule: Rule, fallback: dt.date) -> Recurrence | None:
    """:func:`recurrence_of` for a task whose rule is already known (no second lookup)."""
    part = recurring_part(rule)
    if part is None:
        if labelled_parts(rule):
            return Recurrence(rule, plan.plan_start or fallback, parts=True)
        return None
    return Recurrence(part, part.start or plan.plan_start or fallback)
