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
    anchor_date,
    next_period_start,
    parse_period_label,
    period_containing,
    period_label,
    shift,
)
from kehoach.deadline.rules import Lead, Rule

__all__ = [
    "Occurrence",
    "current_occurrence",
    "due_as_of",
    "labelled_parts",
    "occurrence_for",
    "occurrence_labelled",
    "occurrence_name",
    "occurrences",
    "recurring_part",
]

_FIRST = dt.date(MIN_YEAR, 1, 1)
_LAST = dt.date(MAX_YEAR, 12, 31)


@dataclass(frozen=True)
class Occurrence:
    """One round of a recurring task: the calendar period it covers and the day it is due.

    ``label`` names the period as a history entry's ``occurrence`` does ("2019",
    "2019-H1", "2019-Q3", "2019-07"; weeks "2019-W05"); ``periods.period_title`` gives
    its Vietnamese name ("năm 2019", "quý III/2019").
    """

    period_start: dt.date
    period_end: dt.date
    due: dt.date
    label: str
    item: str | None = None  # what a labelled part is for ("sơ kết"); None for rounds

    @property
    def name(self) -> str:
        """How reports name it: the label ("2019"), after the part's purpose if it has one
        ("sơ kết 2020")."""
        return occurrence_name(self.label, self.item)


def occurrence_name(label: str, item: str | None) -> str:
    return f"{item} {label}" if item else label


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
        if occurrence is not None and low <= occurrence.due <= high:
            out.append(occurrence)
        following = next_period_start(day, rule.every)
        if following <= day or following > _LAST:  # the loop must advance and stay in range
            break
        day = following
    return out


def _round(rule: Rule, day: dt.date) -> Occurrence | None:
    """The round whose period contains *day*, due clamped into the rule's window.

    None when the rule names several anchors and none falls in this period
    ("quý II và quý IV hằng năm" has no round in the first and third quarters).
    """
    assert rule.every is not None
    first, last = period_containing(day, rule.every)
    due = last
    anchor = rule.anchor
    if rule.anchors:
        inside = [
            when
            for a in rule.anchors
            if a.month is not None
            and first <= (when := anchor_date(first.year, a.month, a.day)) <= last
        ]
        if not inside:
            return None
        due = inside[0]
    elif anchor is not None:
        if rule.every == "year" and anchor.month is not None:
            due = anchor_date(first.year, anchor.month, anchor.day)
        elif rule.every == "month" and anchor.day is not None:
            due = anchor_date(first.year, first.month, anchor.day)
    if rule.due is not None and due > rule.due >= first:
        due = rule.due
    return Occurrence(
        due=due, period_start=first, period_end=last, label=period_label(rule.every, first)
    )


def labelled_parts(rule: Rule) -> list[Occurrence]:
    """The parts of a deadline split into one-off parts, each its own occurrence: "Quý I
    năm 2020, sơ kết; năm 2022 tổng kết" is "sơ kết 2020" due 31/03/2020 and "tổng kết
    2022" due 31/12/2022. Empty for any other rule (a recurrence, one due, exceptions).

    A part's label is the year of its due date when every part falls due in its own
    year ("2020", "2022"), else its due date ("2020-03-31", "2020-12-31"). Parts with
    the same due date cannot be told apart and are not split. A part owns the days after the
    previous part's due day up to its own (the first part every day before, the last
    part every day after): an update in those days, naming no part, belongs to it.
    """
    main = rule.main_parts() if rule.parts else ()
    if len(main) < 2 or any(p.kind != "by" or p.due is None for p in main):
        return []
    ordered = sorted(main, key=lambda p: p.due or _LAST)
    dues = [p.due for p in ordered if p.due is not None]
    if len(set(dues)) < len(dues):
        return []
    years = [str(day.year) for day in dues]
    labels = years if len(set(years)) == len(years) else [day.isoformat() for day in dues]
    out = []
    for index, (part, due, label) in enumerate(zip(ordered, dues, labels, strict=True)):
        begins = dues[index - 1] + dt.timedelta(days=1) if index else (part.start or _FIRST)
        out.append(Occurrence(begins, due, due, label, part.item))
    return out


def recurring_part(rule: Rule) -> Rule | None:
    """The part of *rule* that recurs (the rule itself, or its first recurring main part)."""
    return next(
        (p for p in rule.main_parts() if p.kind == "recurring" and p.every is not None), None
    )


_AHEAD = dt.timedelta(days=800)  # more than the longest gap between two rounds (a year)


def occurrence_for(rule: Rule, day: dt.date, *, start: dt.date) -> Occurrence | None:
    """The round an update made on *day* belongs to; None if no round is open by then.

    Rounds are counted from *start* (the rule's own start, else the plan's). A round
    owns the days from its period's first day up to the day before the next round's
    period begins, so an update on the first and on the last day of a period belongs to
    that period, a late update (after the due day, before the next period) to the round
    it is late for, and with several anchors ("quý II và quý IV hằng năm") the days of a
    period with no round to the round before it. This is the one calendar both the
    evaluation (which round an entry without ``occurrence`` counts for) and ``kehoach
    update`` (which round to record) use.
    """
    part = recurring_part(rule)
    if part is None:
        parts = labelled_parts(rule)
        return next((p for p in parts if day <= p.due), parts[-1] if parts else None)
    found = None
    for occurrence in occurrences(part, start, min(day + _AHEAD, _LAST)):
        if occurrence.period_start > day:
            break
        found = occurrence
    return found


def occurrence_labelled(rule: Rule, label: str, *, start: dt.date) -> Occurrence | None:
    """The round of *rule* named *label* ("2019", "2019-Q3"), or its labelled part so
    named, if the rule has one."""
    part = recurring_part(rule)
    if part is None:
        return next((p for p in labelled_parts(rule) if p.label == label.strip()), None)
    parsed = parse_period_label(label)
    if part is None or parsed is None or parsed[0] != part.every:
        return None
    last = parsed[2]
    return next((o for o in occurrences(part, start, last + _AHEAD) if o.label == label), None)


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
    for _ in range(12):  # several anchors: a period may have no round; look ahead (bounded)
        if occurrence is not None and not (rule.start is not None and occurrence.due < rule.start):
            break
        following = next_period_start(day, rule.every)
        if following > _LAST or (rule.due is not None and following > rule.due):
            break
        day = following
        occurrence = _round(rule, day)
    if rule.start is not None and rule.due is not None and rule.start > rule.due:
        return None
    if occurrence is None:  # several anchors, past the window's end: its last round
        rounds = _rounds(rule, rule.start or day - _AHEAD, day)
        return rounds[-1] if rounds else None
    return occurrence


def due_as_of(
    rule: Rule,
    as_of: dt.date,
    *,
    term_end: dt.date | None = None,
    trigger_date: dt.date | None = None,
    lead_time_days: int = 90,
    plan_issued: dt.date | None = None,
) -> dt.date | None:
    """The concrete due date that applies on *as_of*, or None when there is none yet.

    ``by``: its due. ``recurring``: the due of the current round. ``after``: the event
    day plus the lead time (the text's own lead, else *lead_time_days*), capped by a
    due the text also gives but never before the event; None until the event happens.
    ``term``: *term_end*, or the due the text also gives when that is earlier ("trong
    nhiệm kỳ, chậm nhất năm 2019"). ``continuous``: the end of its window, if any. A compound
    rule: the earliest due among its non-exception parts.

    An ``after`` rule with ``origin="plan_issued"`` counts from *plan_issued* (the
    plan's issue date) instead of *trigger_date*; unknown → None (undated). With
    ``relation="before"`` it is due the day before the event, or its ``lead`` before.
    """
    if rule.parts:
        dues = [
            due
            for part in rule.main_parts()
            if (due := due_as_of(part, as_of, term_end=term_end, trigger_date=trigger_date,
                                 lead_time_days=lead_time_days,
                                 plan_issued=plan_issued)) is not None
        ]  # fmt: skip
        return min(dues) if dues else None
    if rule.kind == "recurring":
        occurrence = current_occurrence(rule, as_of)
        return None if occurrence is None else occurrence.due
    if rule.kind == "after":
        if rule.origin == "plan_issued":
            trigger_date = plan_issued
        if trigger_date is None:
            return rule.due
        if rule.relation == "before":
            return _before_lead(trigger_date, rule.lead)
        due = _after_lead(trigger_date, rule.lead, lead_time_days)
        if rule.due is not None and rule.due < due:
            due = max(rule.due, trigger_date)
        return due
    if rule.kind == "term":  # "trong nhiệm kỳ, chậm nhất năm 2019": the earlier binds
        if term_end is None or rule.due is None:
            return term_end if term_end is not None else rule.due
        return min(term_end, rule.due)
    return rule.due


def _before_lead(day: dt.date, lead: Lead | None) -> dt.date:
    """Due before the event: the day before it, or *lead* before it."""
    return shift(day, -1, "day") if lead is None else shift(day, -lead.n, lead.unit)


def _after_lead(day: dt.date, lead: Lead | None, default_days: int) -> dt.date:
    return shift(day, default_days, "day") if lead is None else shift(day, lead.n, lead.unit)
