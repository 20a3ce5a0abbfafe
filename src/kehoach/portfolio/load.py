"""A portfolio loaded: shared registries, each plan's own registries, and the plans.

Two depths. :func:`load_registries` reads only what the cross-plan checks need —
every plan's ``plan.yaml``, ``bodies.yaml`` and ``events.yaml`` — which stays cheap
however many tasks the plans hold. :func:`load_portfolio` also loads the plans
themselves, each through :func:`kehoach.loaded_plan.load_plan`, which gives a plan inside a
portfolio the shared bodies, events and defaults.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import InputError, Problem
from kehoach.loaded_plan import Plan
from kehoach.loading.cache import FileCache, enabled
from kehoach.loading.plandir import Loaded, display_path, load_model
from kehoach.messages import text as message_text
from kehoach.model import BodiesFile, Body, Event, EventsFile, PlanInfo
from kehoach.portfolio.layout import (
    BODIES_FILE,
    EVENTS_FILE,
    PLAN_FILE,
    PLANS_DIR,
    is_portfolio,
    plan_dirs,
)
from kehoach.portfolio.shared import Shared, load_shared


@dataclass
class PlanRegistry:
    """One plan's identity and local registries, without its tasks."""

    key: str  # the folder name: how the plan is addressed (PLAN:TASK)
    root: Path
    info: Loaded | None
    bodies: Loaded | None
    events: Loaded | None

    @property
    def plan_id(self) -> str | None:
        model = self.info.model if self.info is not None else None
        return model.id if isinstance(model, PlanInfo) else None

    @property
    def local_bodies(self) -> list[Body]:
        model = self.bodies.model if self.bodies is not None else None
        return list(model.bodies) if isinstance(model, BodiesFile) else []

    @property
    def local_events(self) -> list[Event]:
        model = self.events.model if self.events is not None else None
        return list(model.events) if isinstance(model, EventsFile) else []


@dataclass
class Portfolio:
    root: Path
    shared: Shared
    registries: list[PlanRegistry]
    plans: dict[str, Plan] = field(default_factory=dict)  # folder name → plan (loaded ones)

    def plan_keys(self) -> list[str]:
        return [reg.key for reg in self.registries]


def require_portfolio(root: Path) -> None:
    if not root.is_dir():
        raise InputError(message_text("missing-folder", root=root))
    if not is_portfolio(root):
        raise InputError(message_text("not-portfolio", root=root))


def load_registries(root: Path) -> tuple[Portfolio, list[Problem]]:
    """The shared registries and every plan's own, with the problems reading them."""
    require_portfolio(root)
    shared = load_shared(root)
    problems = list(shared.problems)
    cache = FileCache.for_plan(root, "registries") if enabled() else None
    try:
        registries = _plan_registries(root, cache, problems)
    finally:
        if cache is not None:
            cache.finish()
    return Portfolio(root, shared, registries), problems


def _plan_registries(
    root: Path, cache: FileCache | None, problems: list[Problem]
) -> list[PlanRegistry]:
    """Every plan's own plan, bodies and events files (problems go to *problems*)."""
    registries: list[PlanRegistry] = []
    for folder in plan_dirs(root):
        loaded: dict[str, Loaded | None] = {}
        for name, model in (
            (PLAN_FILE, PlanInfo),
            (BODIES_FILE, BodiesFile),
            (EVENTS_FILE, EventsFile),
        ):
            path = folder / name
            if not path.is_file():
                loaded[name] = None
                if name == PLAN_FILE:
                    problems.append(
                        Problem(
                            display_path(path),
                            0,
                            0,
                            message_text(
                                "portfolio-plan-without-plan-file",
                                plans_dir=PLANS_DIR,
                                name=folder.name,
                                plan_file=PLAN_FILE,
                            ),
                            "missing-file",
                        )
                    )
                continue
            one, found = load_model(path, model, cache)
            loaded[name] = one
            problems += found
        registries.append(
            PlanRegistry(
                folder.name, folder, loaded[PLAN_FILE], loaded[BODIES_FILE], loaded[EVENTS_FILE]
            )
        )
    return registries


def each_plan(
    portfolio: Portfolio, keys: Iterable[str] | None = None
) -> Iterator[tuple[str, Plan | None, list[Problem]]]:
    """Each plan (all, or those named by *keys*) loaded in folder order, one at a time,
    with the problems of loading it (the plan is None when it could not be loaded)."""
    from kehoach.loaded_plan import load_plan

    wanted = set(keys) if keys is not None else None
    for reg in portfolio.registries:
        if wanted is not None and reg.key not in wanted:
            continue
        if reg.info is None:
            continue  # reported by load_registries
        plan, found = load_plan(reg.root)
        yield reg.key, plan, found


def load_portfolio(root: Path) -> tuple[Portfolio, list[Problem]]:
    """The registries and every plan, loaded into ``portfolio.plans`` (not checked)."""
    portfolio, problems = load_registries(root)
    for key, plan, found in each_plan(portfolio):
        problems += found
        if plan is not None:
            portfolio.plans[key] = plan
    return portfolio, sorted(set(problems))
