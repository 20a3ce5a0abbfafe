"""What no single plan can know: checks across the plans of a portfolio.

- plan ids are unique, and each plan's id is its folder's name (``PLAN:TASK`` uses it);
- one body, one id: a name registered under two ids (twice in the shared registry, in a
  plan and the shared registry, or in two plans) is flagged, and so is a plan that
  gives a shared id to another body;
- shared events are defined once: a plan that redefines a shared event, or two plans
  that define one event id differently, are flagged.

Every body reference of every task resolves in its plan's registry together with the
shared one; that is the plan's own check (kehoach.checks), run on the plan as
loaded with the shared registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import Problem
from kehoach.loaded_plan import Plan
from kehoach.loading.positions import PosDict, locate
from kehoach.messages import text as message_text
from kehoach.model import Body, Event
from kehoach.portfolio.layout import PLANS_DIR
from kehoach.portfolio.load import Portfolio, each_plan, load_registries
from kehoach.portfolio.names import body_key


def _at(
    path: str, raw: PosDict | None, loc: tuple[str | int, ...], message: str, code: str
) -> Problem:
    line, col = locate(raw, loc) if raw is not None else (0, 0)
    return Problem(path, line, col, message, code)


@dataclass(frozen=True)
class _Registered:
    body: Body
    index: int
    path: str
    raw: PosDict | None
    where: str  # "danh mục chung" or "kế hoạch <key>"


def check_plan_ids(portfolio: Portfolio) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}
    for reg in portfolio.registries:
        ident = reg.plan_id
        if ident is None or reg.info is None:
            continue
        if ident != reg.key:
            problems.append(
                _at(
                    reg.info.path,
                    reg.info.raw,
                    ("id",),
                    message_text("plan-id-not-folder", ident=ident, plans=PLANS_DIR, key=reg.key),
                    "plan-id-folder",
                )
            )
        first = seen.setdefault(ident, reg.key)
        if first != reg.key:
            problems.append(
                _at(
                    reg.info.path,
                    reg.info.raw,
                    ("id",),
                    message_text("duplicate-plan-id", ident=ident, plans=PLANS_DIR, first=first),
                    "duplicate-plan-id",
                )
            )
    return problems


def _all_bodies(portfolio: Portfolio) -> list[_Registered]:
    shared = portfolio.shared
    out = [
        _Registered(
            body, i, shared.bodies_path, shared.raw.get(shared.bodies_path), "danh mục chung"
        )
        for i, body in enumerate(shared.bodies)
    ]
    for reg in portfolio.registries:
        if reg.bodies is None:
            continue
        for i, body in enumerate(reg.local_bodies):
            out.append(_Registered(body, i, reg.bodies.path, reg.bodies.raw, f"kế hoạch {reg.key}"))
    return out


def check_bodies(portfolio: Portfolio) -> list[Problem]:
    """One body, one id; one id, one body."""
    problems: list[Problem] = []
    entries = _all_bodies(portfolio)
    by_key: dict[str, _Registered] = {}
    by_id: dict[str, _Registered] = {}
    for entry in entries:
        key = body_key(entry.body.name)
        first = by_key.setdefault(key, entry)
        if first.body.id != entry.body.id:
            problems.append(
                _at(
                    entry.path,
                    entry.raw,
                    ("bodies", entry.index, "name"),
                    message_text(
                        "duplicate-body",
                        name=entry.body.name,
                        id=entry.body.id,
                        first_id=first.body.id,
                        where=first.where,
                        path=first.path,
                    ),
                    "duplicate-body",
                )
            )
        same = by_id.setdefault(entry.body.id, entry)
        if same is not entry and body_key(same.body.name) != key:
            problems.append(
                _at(
                    entry.path,
                    entry.raw,
                    ("bodies", entry.index, "id"),
                    message_text(
                        "body-id-conflict",
                        id=entry.body.id,
                        name=same.body.name,
                        where=same.where,
                        path=same.path,
                    ),
                    "body-id-conflict",
                )
            )
    return problems


def _event_key(event: Event) -> tuple[dt.date | None, str | None]:
    return (event.occurred, event.ref)


def check_events(portfolio: Portfolio) -> list[Problem]:
    problems: list[Problem] = []
    shared = {event.id: event for event in portfolio.shared.events}
    local: dict[str, tuple[Event, str]] = {}
    for reg in portfolio.registries:
        if reg.events is None:
            continue
        for i, event in enumerate(reg.local_events):
            loc = ("events", i, "id")
            if event.id in shared:
                problems.append(
                    _at(
                        reg.events.path,
                        reg.events.raw,
                        loc,
                        message_text(
                            "shadowed-event", id=event.id, path=portfolio.shared.events_path
                        ),
                        "shadowed-event",
                    )
                )
                continue
            first = local.setdefault(event.id, (event, reg.key))
            if first[1] != reg.key and _event_key(first[0]) != _event_key(event):
                problems.append(
                    _at(
                        reg.events.path,
                        reg.events.raw,
                        loc,
                        message_text(
                            "inconsistent-event", id=event.id, first=first[1], key=reg.key
                        ),
                        "inconsistent-event",
                    )
                )
    return problems


def cross_plan_problems(portfolio: Portfolio) -> list[Problem]:
    return check_plan_ids(portfolio) + check_bodies(portfolio) + check_events(portfolio)


def checked_plans(
    portfolio: Portfolio,
    today: dt.date,
    problems: list[Problem],
    *,
    only: set[str] | None = None,
    warnings: bool = False,
) -> Iterator[tuple[str, Plan]]:
    """Each plan of *portfolio* (all, or those named in *only*), in folder order, loaded
    and given its own checks one at a time; the problems of loading and checking it are
    added to *problems* before it is yielded.

    Its positions are dropped once it is checked (nothing is placed in its files any
    more), so a caller that keeps only what it needs of each plan holds one plan at a
    time: a 500-plan portfolio read whole got slower per file as it grew."""
    from kehoach.checks import validate_plan

    for key, plan, found in each_plan(portfolio, only):
        problems += found
        if plan is None:
            continue
        unread = tuple(plan.unread([p for p in found if not p.is_warning]))
        problems += validate_plan(plan, today, warnings=warnings, unread=unread)
        plan.forget_positions()
        yield key, plan


def open_portfolio(root: Path) -> tuple[Portfolio, list[Problem]]:
    """The registries of the portfolio at *root*, with the problems reading them and
    the cross-plan checks' (the plans themselves are read by :func:`checked_plans`)."""
    portfolio, problems = load_registries(root)
    problems += cross_plan_problems(portfolio)
    return portfolio, problems


def validate_portfolio(
    root: Path, today: dt.date, *, only: set[str] | None = None, warnings: bool = False
) -> tuple[Portfolio, list[Problem]]:
    """Every problem of the portfolio: cross-plan checks always on the whole portfolio,
    the plans' own checks on every plan or only on those named in *only* — with
    *warnings*, also each plan's warnings (a task with no readable deadline), as
    ``kehoach validate`` gives them for one plan. The plans checked are kept in
    ``portfolio.plans``."""
    portfolio, problems = open_portfolio(root)
    for key, plan in checked_plans(portfolio, today, problems, only=only, warnings=warnings):
        portfolio.plans[key] = plan
    return portfolio, sorted(set(problems))
