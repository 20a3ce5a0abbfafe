"""Reporting use cases: evaluate a plan for a day and take its figures from the counting
module (:mod:`kehoach.evaluation.counting`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kehoach.app.plans import find_body, open_valid_plan
from kehoach.errors import UsageError
from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, TaskState, evaluate
from kehoach.evaluation.report_periods import CUTOFFS, ReportPeriod, parse_period
from kehoach.messages import text as message_text


@dataclass(frozen=True)
class Evaluated:
    """A valid plan evaluated on a day, and the body (id) asked about, if any."""

    evaluation: Evaluation
    body: str | None


def _check_cutoff(cutoff: str) -> None:
    if cutoff not in CUTOFFS:
        raise UsageError(
            message_text("bad-choice", value=cutoff, option="--cutoff", choices=CUTOFFS)
        )


def evaluate_plan(
    root: Path,
    as_of: dt.date,
    *,
    body: str | None = None,
    cutoff: str = "calendar",
    period: ReportPeriod | None = None,
) -> Evaluated:
    """The plan in *root*, validated and evaluated on *as_of*; *body* as the user typed it."""
    _check_cutoff(cutoff)
    plan = open_valid_plan(root, as_of)
    body_id = find_body(plan, body)
    return Evaluated(evaluate(plan, as_of, period=period, cutoff=cutoff), body_id)


def status_summary(
    root: Path, as_of: dt.date, *, body: str | None = None, cutoff: str = "calendar"
) -> tuple[Evaluated, counting.Tally]:
    """What ``kehoach status`` shows: the evaluation and its figures."""
    evaluated = evaluate_plan(root, as_of, body=body, cutoff=cutoff)
    return evaluated, counting.tally(evaluated.evaluation, evaluated.body)


@dataclass(frozen=True)
class OverdueList:
    evaluation: Evaluation
    late: list[TaskState]
    soon: list[TaskState] | None  # None unless asked for (--within)
    within: int | None


# A hundred years ahead: further, the last day looked at would pass what a date holds.
MAX_WITHIN = 36_500


def overdue_list(
    root: Path,
    as_of: dt.date,
    *,
    within: int | None = None,
    body: str | None = None,
    cutoff: str = "calendar",
) -> OverdueList:
    """The overdue tasks (and, with *within*, those falling due in the next days)."""
    if within is not None and not 0 <= within <= MAX_WITHIN:
        raise UsageError(message_text("bad-within", most=MAX_WITHIN))
    evaluated = evaluate_plan(root, as_of, body=body, cutoff=cutoff)
    ev = evaluated.evaluation
    late = counting.overdue(ev, evaluated.body)
    soon = counting.due_within(ev, within, evaluated.body) if within is not None else None
    return OverdueList(ev, late, soon, within)


@dataclass(frozen=True)
class ReportInput:
    """Everything a period report is drawn from."""

    evaluation: Evaluation
    period: ReportPeriod
    figures: counting.Tally
    body: str | None = None  # a body's own report: its id (the evaluation holds its tasks)


def build_report(
    root: Path,
    kind: str,
    text: str,
    *,
    as_of: dt.date | None = None,
    cutoff: str = "calendar",
    body: str | None = None,
) -> ReportInput:
    """The report for the period *text* of *kind* (quarter, half, year), as of *as_of*
    (default: the period's last day); with *body* (as typed), that body's own report: only
    the tasks it leads or partners on, and its own rows of the by-body figures."""
    _check_cutoff(cutoff)
    period = parse_period(kind, text, cutoff)
    day = as_of if as_of is not None else period.end
    evaluated = evaluate_plan(root, day, cutoff=cutoff, period=period, body=body)
    evaluation = evaluated.evaluation
    if evaluated.body is not None:
        import dataclasses

        evaluation = dataclasses.replace(
            evaluation, states=counting.counted(evaluation, evaluated.body)
        )
    return ReportInput(
        evaluation, period, counting.tally(evaluation, evaluated.body), evaluated.body
    )
