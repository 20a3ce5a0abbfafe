"""Rule → dates on a given day: the occurrences of a recurring rule, the due date that applies.

A rule is timeless ("hằng năm, trước ngày 30/11"); a report is not. These functions
answer "what is due, and when" for a day, given what the plan knows beyond the text:
the end of its term and the day the awaited event happened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.deadline.periods import (
    MAX_YEAR,
    MIN_YEAR,
    add_months,
    clamp_day,
    month_end,
    next_period_start,
    period_containing,
)
from kehoach.deadline.rules import Lead, Rule

__all__ = ["Occurrence", "current_occurrence", "due_as_of", "occurrences"]

_FIRST = dt.date(MIN_YEAR, 1, 1)
_LAST = dt.date(MAX_YEAR, 12, 31)


@dataclass(frozen=True)
class Occurrence:
    """One round of a recurring task: the calendar period it covers and the day it is due."""

    period_start: dt.date
    period_end: dt.date
    due: dt.date


def occurrences(rule: Rule, start: dt.date, end: dt.date) -> list[Occurrence]:
    """Rounds of the recurring parts of *rule* whose due date falls in ``[start, end]``.

    A round is due on its anchor ("trước ngày 10 hằng tháng" → the 10th) or else on
    the last day of its period, never before the rule's start nor after its end.
    Dates outside 1900–2200 are not plan dates and are left out.
    """
    found: set[Occurrence] = set()
    for part in rule.parts or (rule,):
        if part.kind == "recurring" and part.every is not None:
            found.update(_rounds(part, max(start, _FIRST), min(end, _LAST)))
    return sorted(found, key=lambda o: (o.due, o.period_start, o.period_end))


def _rounds(rule: Rule, start: dt.date, end: dt.date) -> list[Occurrence]:
    assert rule.every is not None
    low = max(start, rule.start) if rule.start is not None else start
    high = min(end, rule.due) if rule.due is not None else end
    out: list[Occurrence] = []
    day = low
    while day <= high:
        occurrence = _round(rule, day)
        if low <= occurrence.due <= high:
            out.append(occurrence)
        if occurrence.period_end >= _LAST:
            break
        day = next_period_start(day, rule.every)
    return out


def _round(rule: Rule, day: dt.date) -> Occurrence:
    """The round whose period contains *day*, due clamped into the rule's window."""
    assert rule.every is not None
    first, last = period_containing(day, rule.every)
    due = last
    anchor = rule.anchor
    if anchor is not None:
        if rule.every == "year" and anchor.month is not None:
            due = (
                month_end(first.year, anchor.month)
                if anchor.day is None
                else clamp_day(first.year, anchor.month, anchor.day)
            )
        elif rule.every == "month" and anchor.day is not None:
            due = clamp_day(first.year, first.month, anchor.day)
    if rule.due is not None and due > rule.due >= first:
        due = rule.due
    return Occurrence(due=due, period_start=first, period_end=last)


def current_occurrence(rule: Rule, as_of: dt.date) -> Occurrence | None:
    """The round that applies on *as_of*: the one whose period contains it.

    Before the rule starts, the first round; after its window ends, the last one.
    """
    if rule.kind != "recurring" or rule.every is None:
        return None
    day = min(max(as_of, _FIRST), _LAST)
    if rule.start is not None and day < rule.start:
        day = rule.start
    if rule.due is not None and day > rule.due:
        day = rule.due
    occurrence = _round(rule, day)
    if rule.start is not None and occurrence.due < rule.start and occurrence.period_end < _LAST:
        occurrence = _round(rule, next_period_start(day, rule.every))
    if rule.start is not None and rule.due is not None and rule.start > rule.due:
        return None
    return occurrence


def due_as_of(
    rule: Rule,
    as_of: dt.date,
    *,
    term_end: dt.date | None = None,
    trigger_date: dt.date | None = None,
    lead_time_days: int = 90,
) -> dt.date | None:
    """The concrete due date that applies on *as_of*, or None when there is none yet.

    ``by``: its due. ``recurring``: the due of the current round. ``after``: the event
    day plus the lead time (the text's own lead, else *lead_time_days*), capped by a
    due the text also gives but never before the event; None until the event happens.
    ``term``: *term_end*. ``continuous``: the end of its window, if any. A compound
    rule: the earliest due among its non-exception parts.
    """
    if rule.parts:
        dues = [
            due
            for part in rule.main_parts()
            if (due := due_as_of(part, as_of, term_end=term_end, trigger_date=trigger_date,
                                 lead_time_days=lead_time_days)) is not None
        ]  # fmt: skip
        return min(dues) if dues else None
    if rule.kind == "recurring":
        occurrence = current_occurrence(rule, as_of)
        return None if occurrence is None else occurrence.due
    if rule.kind == "after":
        if trigger_date is None:
            return rule.due
        due = _after_lead(trigger_date, rule.lead, lead_time_days)
        if rule.due is not None and rule.due < due:
            due = max(rule.due, trigger_date)
        return due
    if rule.kind == "term":
        return term_end if term_end is not None else rule.due
    return rule.due


def _after_lead(day: dt.date, lead: Lead | None, default_days: int) -> dt.date:
    try:
        if lead is None:
            return day + dt.timedelta(days=default_days)
        if lead.unit == "day":
            return day + dt.timedelta(days=lead.n)
        if lead.unit == "week":
            return day + dt.timedelta(weeks=lead.n)
        return add_months(day, lead.n if lead.unit == "month" else 12 * lead.n)
    except (OverflowError, ValueError):
        return dt.date.max
