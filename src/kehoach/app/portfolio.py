"""Use cases across the plans of a portfolio: status per plan and per body, overdue,
period reports, and finding a task addressed as ``PLAN:TASK``.

Every cross-plan figure is the sum of the per-plan figures of the counting module
(:mod:`kehoach.evaluation.counting`), evaluated plan by plan: nothing is counted twice
or another way, and the work grows linearly with the number of plans.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kehoach.app.collect import IssuedForm
from kehoach.errors import InputError, PlanInvalid, UnknownName, UsageError
from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, TaskState, evaluate
from kehoach.evaluation.report_periods import CUTOFFS, ReportPeriod, parse_period
from kehoach.evaluation.states import Category, State
from kehoach.loaded_plan import BodyIndex
from kehoach.messages import os_reason
from kehoach.messages import text as message_text
from kehoach.portfolio.load import Portfolio
from kehoach.suggest import did_you_mean
from kehoach.text import fold


@dataclass(frozen=True)
class PlanFigures:
    """One plan of the portfolio: its figures from the counting module, and what the
    views print beside them (its title, its bodies' names)."""

    key: str
    title: str
    bodies: BodyIndex
    figures: counting.Figures
    no_information: int
    late: list[TaskState] = field(default_factory=list)  # overdue, when kept (Keep)


@dataclass
class Totals:
    """Figures added up over plans (or over one body's rows)."""

    total: int = 0
    states: Counter[State] = field(default_factory=Counter)
    categories: Counter[Category] = field(default_factory=Counter)
    no_information: int = 0

    def add(self, figures: PlanFigures) -> None:
        self.total += figures.figures.total
        self.states.update(figures.figures.states)
        self.categories.update(figures.figures.categories)
        self.no_information += figures.no_information

    @property
    def overdue(self) -> int:
        return self.states.get(State.OVERDUE, 0)


@dataclass(frozen=True)
class PortfolioStatus:
    """The portfolio's figures plan by plan; each plan's evaluation (every task's state)
    only when the use case was asked to keep them, as the task lists need them."""

    portfolio: Portfolio
    as_of: dt.date
    plans: list[PlanFigures]
    totals: Totals
    evaluations: dict[str, Evaluation] = field(default_factory=dict)

    def evaluation(self, key: str) -> Evaluation:
        return self.evaluations[key]


@dataclass
class BodyTotal:
    """One body in one role over every plan of the portfolio."""

    body: str
    name: str
    role: str  # "lead" | "partner"
    counts: Counter[State] = field(default_factory=Counter)
    plans: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Overdue:
    key: str  # the plan
    state: TaskState


def resolve_cutoff(portfolio: Portfolio, cutoff: str | None) -> str:
    """The cut-off mode asked for, else the portfolio's (kehoach.yaml), else calendar."""
    if cutoff is None:
        config = portfolio.shared.config
        cutoff = config.cutoff if config is not None else "calendar"
    if cutoff not in CUTOFFS:
        raise UsageError(
            message_text("bad-choice", value=cutoff, option="--cutoff", choices=CUTOFFS)
        )
    return cutoff


def open_valid_portfolio(root: Path, as_of: dt.date) -> Portfolio:
    """Every plan loaded and checked, with the cross-plan checks; PlanInvalid otherwise."""
    from kehoach.dates import today
    from kehoach.portfolio.checks import validate_portfolio

    portfolio, problems = validate_portfolio(root, max(as_of, today()))
    if problems:
        raise PlanInvalid(problems)
    return portfolio


# What a use case keeps of each plan besides its figures: nothing, its overdue tasks, or
# its whole evaluation (every task's state, and the plan: task lists, reports).
Keep = Literal["figures", "overdue", "evaluations"]


def _evaluate_portfolio(
    root: Path,
    as_of: dt.date | None,
    *,
    cutoff: str | None,
    plan: str | None,
    keep: Keep,
    period_of: Callable[[str], ReportPeriod] | None = None,
    each: Callable[[str, Evaluation], None] | None = None,
) -> tuple[PortfolioStatus, ReportPeriod | None]:
    """Every plan checked, and each (or only *plan*) evaluated and counted as soon as it
    is checked, so that only what *keep* names outlives it; PlanInvalid when any plan
    or the portfolio has a problem (then nothing is counted).

    *each* is given every plan's evaluation as it is made (while no problem has been
    found). *period_of* turns the cut-off mode into the report period; the plans are then
    evaluated on *as_of* if given, else on the period's last day (checked on the later
    of that day and today, as a single plan is)."""
    from kehoach.dates import today
    from kehoach.portfolio.checks import checked_plans, open_portfolio

    portfolio, problems = open_portfolio(root)
    mode = resolve_cutoff(portfolio, cutoff)
    period = period_of(mode) if period_of is not None else None
    check_day = max(as_of or today(), today())
    day = as_of if as_of is not None else period.end if period is not None else check_day
    found: list[PlanFigures] = []
    evaluations: dict[str, Evaluation] = {}
    loaded: list[str] = []
    for key, one in checked_plans(portfolio, check_day, problems):
        loaded.append(key)
        if problems or (plan is not None and key != plan):
            continue  # nothing is counted once a problem is found; the rest is checked
        ev = evaluate(one, day, period=period, cutoff=mode)
        tally = counting.tally(ev)
        late = counting.overdue(ev) if keep != "figures" else []
        found.append(
            PlanFigures(key, one.info.title, one.bodies, tally.figures(), tally.never_updated, late)
        )
        if each is not None:
            each(key, ev)
        if keep == "evaluations":
            evaluations[key] = ev
            portfolio.plans[key] = one
    if problems:
        raise PlanInvalid(sorted(set(problems)))
    if plan is not None and plan not in loaded:
        hint = did_you_mean(plan, sorted(loaded), cutoff=0.6)
        raise UnknownName(message_text("unknown-plan", plan=plan, suggestion=hint))
    totals = Totals()
    for one_plan in found:
        totals.add(one_plan)
    return PortfolioStatus(portfolio, day, found, totals, evaluations), period


def portfolio_status(
    root: Path,
    as_of: dt.date,
    *,
    cutoff: str | None = None,
    plan: str | None = None,
    keep: Keep = "evaluations",
) -> PortfolioStatus:
    """One row per plan and the portfolio's totals (the sums of the rows), and what
    *keep* names of each plan: the figures alone hold a few rows per plan, not the
    portfolio's tasks."""
    status, _ = _evaluate_portfolio(root, as_of, cutoff=cutoff, plan=plan, keep=keep)
    return status


def body_totals(status: PortfolioStatus, body: str | None = None) -> list[BodyTotal]:
    """One row per body and role across every plan: the plans' body rows added up."""
    shared_names = {b.id: b.short or b.name for b in status.portfolio.shared.bodies}
    found: dict[tuple[str, str], BodyTotal] = {}
    for figures in status.plans:
        for row in figures.figures.rows:
            if body is not None and row.body != body:
                continue
            if row.body in shared_names:
                name = shared_names[row.body]
            else:
                local = figures.bodies.by_id.get(row.body)
                name = (local.short or local.name) if local is not None else row.name
            total = found.setdefault((row.body, row.role), BodyTotal(row.body, name, row.role))
            total.counts.update(row.counts)
            total.plans.append(figures.key)
    return sorted(found.values(), key=lambda t: (fold(t.name), t.body, t.role != "lead"))


def find_portfolio_body(status: PortfolioStatus, typed: str | None) -> str | None:
    """A body typed on the command line, looked up in the plans' registries."""
    if typed is None:
        return None
    for figures in status.plans:
        found = figures.bodies.resolve_typed(typed)
        if found is not None:
            return found
    known = sorted({b for f in status.plans for b in f.bodies.by_id})
    hint = did_you_mean(typed, known, cutoff=0.6)
    raise UnknownName(message_text("unknown-body-name", name=typed, suggestion=hint))


def portfolio_overdue(status: PortfolioStatus, body: str | None = None) -> list[Overdue]:
    """Overdue tasks of every plan (the counting module's list, kept unless the status
    kept only figures), those of *body* when given, most overdue first."""
    found = [
        Overdue(f.key, s)
        for f in status.plans
        for s in f.late
        if counting.concerns_in(f.bodies, s, body)
    ]
    return sorted(
        found, key=lambda o: (-o.state.days_overdue, o.key, o.state.entry.path, o.state.id)
    )


@dataclass(frozen=True)
class PortfolioReport:
    status: PortfolioStatus
    period: ReportPeriod
    sections: dict[str, list[str]]  # plan → its own report, made as it was evaluated


def portfolio_report(
    root: Path,
    kind: str,
    text: str,
    *,
    section: Callable[[Evaluation, ReportPeriod], list[str]],
    as_of: dt.date | None = None,
    cutoff: str | None = None,
    plan: str | None = None,
) -> PortfolioReport:
    """The period report of every plan (or of *plan*), evaluated on the period's last day
    unless *as_of* is given. Each plan's own part is made by *section* (a renderer's) as
    soon as the plan is evaluated, and only that text is kept of it: the report of a
    portfolio is then as big as its text, not as its plans."""
    sections: dict[str, list[str]] = {}

    def period_of(mode: str) -> ReportPeriod:
        return parse_period(kind, text, mode)

    def made(key: str, evaluation: Evaluation) -> None:
        sections[key] = section(evaluation, evaluation.period)

    status, period = _evaluate_portfolio(
        root, as_of, cutoff=cutoff, plan=plan, keep="figures", period_of=period_of, each=made
    )
    assert period is not None  # made by period_of
    return PortfolioReport(status, period, sections)


def split_task_ref(root: Path, ref: str) -> tuple[Path, str]:
    """``PLAN:TASK`` (or ``TASK`` where one plan holds it) → that plan's folder and task id."""
    from kehoach.loaded_plan import load_plan
    from kehoach.portfolio.layout import PLANS_DIR, plan_dirs

    dirs = {d.name: d for d in plan_dirs(root)}
    key, sep, task = ref.partition(":")
    if sep:
        if key not in dirs:
            hint = did_you_mean(key, sorted(dirs), cutoff=0.6)
            raise UnknownName(message_text("unknown-plan", plan=key, suggestion=hint))
        return dirs[key], task
    holders = []
    for name, folder in sorted(dirs.items()):
        plan, _ = load_plan(folder)
        if plan is not None and ref in plan.by_id:
            holders.append(name)
    if len(holders) == 1:
        return dirs[holders[0]], ref
    if not holders:
        raise UnknownName(message_text("task-in-no-plan", ref=ref))
    listed = ", ".join(f"{h}:{ref}" for h in holders)
    raise InputError(
        message_text(
            "task-in-several-plans", ref=ref, count=len(holders), listed=listed, plans_dir=PLANS_DIR
        )
    )


def split_event_ref(root: Path, ref: str) -> tuple[Path, str]:
    """``PLAN:EVENT`` or an event id → a plan folder that loads it, and the id. A shared
    event is recorded once, in the shared ``events.yaml``, through any plan."""
    from kehoach.portfolio.load import load_registries

    portfolio, _ = load_registries(root)
    dirs = {reg.key: reg.root for reg in portfolio.registries if reg.info is not None}
    if not dirs:
        raise InputError(message_text("portfolio-without-plans", root=root))
    key, sep, event = ref.partition(":")
    if sep:
        if key not in dirs:
            hint = did_you_mean(key, sorted(dirs), cutoff=0.6)
            raise UnknownName(message_text("unknown-plan", plan=key, suggestion=hint))
        return dirs[key], event
    if ref in portfolio.shared.event_ids:
        return dirs[sorted(dirs)[0]], ref
    holders = [reg.key for reg in portfolio.registries if ref in {e.id for e in reg.local_events}]
    if len(holders) == 1:
        return dirs[holders[0]], ref
    if not holders:
        known = sorted(portfolio.shared.event_ids)
        hint = did_you_mean(ref, known, cutoff=0.6)
        raise UnknownName(message_text("event-in-no-plan", ref=ref, suggestion=hint))
    listed = ", ".join(f"{h}:{ref}" for h in holders)
    raise InputError(
        message_text("event-in-several-plans", ref=ref, count=len(holders), listed=listed)
    )


def issue_portfolio_forms(
    root: Path,
    *,
    as_of: dt.date,
    period: ReportPeriod,
    body: str | None,
    out_dir: Path,
    fmt: str = "xlsx",
) -> list[tuple[str, IssuedForm]]:
    """Progress forms for every plan of the portfolio, in ``out_dir/<plan>/``: one per body
    (every body, or *body* in each plan that gives it a task)."""
    from kehoach.app.collect import issue_forms
    from kehoach.forms.content import bodies_with_tasks

    portfolio = open_valid_portfolio(root, as_of)
    out: list[tuple[str, IssuedForm]] = []
    for key in sorted(portfolio.plans):
        plan = portfolio.plans[key]
        if body is not None:
            body_id = plan.bodies.resolve_typed(body)
            ev = evaluate(plan, as_of, period=period, cutoff=period.cutoff)
            if body_id is None or body_id not in bodies_with_tasks(ev, period):
                continue
        issued = issue_forms(
            plan.root, as_of=as_of, period=period, body=body, out_dir=out_dir / key, fmt=fmt
        )
        out += [(key, item) for item in issued]
    if not out and body is not None:
        raise UnknownName(message_text("body-without-tasks", body=body))
    return out


def route_forms(root: Path, files: list[Path]) -> dict[Path, list[Path]]:
    """Which plan folder each filled form belongs to (the plan id its hidden sheet names)."""
    from kehoach.portfolio.layout import plan_dirs

    dirs = {d.name: d for d in plan_dirs(root)}
    out: dict[Path, list[Path]] = {}
    for path in files:
        suffix = path.suffix.casefold()
        if suffix == ".xlsx":
            from kehoach.forms.sheets import read_xlsx

            meta = read_xlsx(path).meta
        elif suffix == ".docx":
            from kehoach.forms.documents import read_docx

            meta = read_docx(path).meta
        else:
            raise InputError(message_text("form-wrong-type", name=path.name))
        key = meta.get("plan", "")
        if key not in dirs:
            raise InputError(message_text("form-of-unknown-plan", name=path.name, plan=key or "?"))
        out.setdefault(dirs[key], []).append(path)
    return out


def export_portfolio_calendar(root: Path, output: Path, *, as_of: dt.date, body: str | None) -> int:
    """One iCalendar file for every plan of the portfolio (each event's summary starts with
    ``[PLAN:TASK]``); returns the number of events."""
    from icalendar import Calendar

    from kehoach.atomic import write_atomic
    from kehoach.render.calendar import calendar_bytes

    status = portfolio_status(root, as_of)
    body_id = find_portfolio_body(status, body)
    merged = Calendar()
    merged.add("prodid", "-//kehoach//Kế hoạch thực hiện nghị quyết//VI")
    merged.add("version", "2.0")
    config = status.portfolio.shared.config
    merged.add("x-wr-calname", config.office if config is not None else "kehoach")
    count = 0
    for figures in status.plans:
        if body_id is not None and body_id not in figures.bodies.by_id:
            continue
        data, found = calendar_bytes(status.evaluation(figures.key), body_id)
        for event in Calendar.from_ical(data).walk("VEVENT"):
            summary = str(event.get("summary", ""))
            if summary.startswith("["):
                event["summary"] = f"[{figures.key}:{summary[1:]}"
            merged.add_component(event)
        count += found
    if not output.parent.is_dir():
        raise InputError(message_text("output-folder-missing", folder=output.parent))
    try:
        write_atomic(output, merged.to_ical())
    except OSError as exc:
        raise InputError(
            message_text("output-write-failed", path=output, reason=os_reason(exc))
        ) from None
    return count
