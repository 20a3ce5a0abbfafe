"""A loaded plan as one object: identity, registries and every task with its place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.errors import Problem
from kehoach.loading.plandir import load_files
from kehoach.loading.positions import PosDict, PosList
from kehoach.model import Body, Event, PlanInfo, Task
from kehoach.text import fold, match_key

if TYPE_CHECKING:
    from kehoach.portfolio.shared import Shared


@dataclass(slots=True)  # one per task: slots keep 100,000 of them 10 MB smaller
class TaskEntry:
    """A task together with the file, body and parent it belongs to."""

    task: Task
    body: str
    path: str
    raw: PosDict | None  # None once the plan was checked (Plan.forget_positions)
    parent: str | None
    depth: int
    children: list[str] = field(default_factory=list)
    line: int | None = None  # where the task starts in its file

    @property
    def id(self) -> str:
        return self.task.id


class BodyIndex:
    """Resolve a body reference given as id, full name or alias.

    Names match whatever their Unicode form, case, spacing or tone-mark placement.
    """

    def __init__(self, bodies: list[Body]) -> None:
        self.by_id = {body.id: body for body in bodies}
        self._by_key: dict[str, str] = {}
        self._resolved: dict[str, str | None] = {}
        for body in bodies:
            for name in (body.name, body.short or "", *body.aliases):
                if name:
                    self._by_key.setdefault(match_key(name), body.id)

    def resolve(self, ref: str) -> str | None:
        if ref in self.by_id:
            return ref
        if ref not in self._resolved:  # match_key is slow and partners repeat
            self._resolved[ref] = self._by_key.get(match_key(ref))
        return self._resolved[ref]

    def resolve_typed(self, ref: str) -> str | None:
        """Like :meth:`resolve`, and also forgiving of text typed without diacritics
        ("ban to chuc tinh uy") when exactly one body fits. For what people type on the
        command line, never for references in plan files, which must be exact."""
        found = self.resolve(ref)
        if found is not None:
            return found
        wanted = fold(ref).replace("-", " ")
        matches = {
            body.id
            for body in self.by_id.values()
            for name in (body.id, body.name, body.short or "", *body.aliases)
            if name and fold(name).replace("-", " ") == wanted
        }
        return matches.pop() if len(matches) == 1 else None

    def name(self, body_id: str) -> str:
        body = self.by_id.get(body_id)
        return body.name if body else body_id


@dataclass
class Plan:
    root: Path
    info: PlanInfo
    bodies: BodyIndex
    events: dict[str, Event]
    tasks: list[TaskEntry]
    by_id: dict[str, TaskEntry]
    files: dict[str, str]  # path -> body id of each task file
    raw: dict[str, PosDict | None]  # path -> raw data, for positions
    plan_path: str = "plan.yaml"
    bodies_path: str = "bodies.yaml"
    events_path: str | None = None
    # event id -> the file that registers it (a portfolio's shared events.yaml or the
    # plan's own); empty for plans loaded before portfolios existed: all in events_path
    event_paths: dict[str, str] = field(default_factory=dict)

    @property
    def plan_start(self) -> dt.date | None:
        """The earliest day an update can carry: the plan's date, else its newest source
        document; None when the plan states neither."""
        if self.info.issued is not None:
            return self.info.issued
        dates = [doc.date for doc in self.info.implements if doc.date is not None]
        return max(dates) if dates else None

    def unread(self, problems: list[Problem]) -> list[str]:
        """The files of the plan folder *problems* name that were not loaded: a task or
        event not found may be in one of them."""
        loaded = {*self.files, self.plan_path, self.bodies_path}
        if self.events_path is not None and self.raw.get(self.events_path) is not None:
            loaded.add(self.events_path)
        return sorted({p.path for p in problems if p.path not in loaded})

    def forget_positions(self) -> None:
        """Drop the raw data of the task files, kept only to place problems in them.

        For a plan that has been checked and is only read from now on: at 100,000 tasks
        the raw data is about 130 MB, a quarter of a loaded plan, and what is freed here is
        what evaluating and printing the plan then reuse. The plan, registry and events
        files keep theirs (small; whether they were read is told by it)."""
        for entry in self.tasks:
            entry.raw = None
        for path in self.files:
            self.raw.pop(path, None)

    def roots(self) -> Iterator[TaskEntry]:
        return (entry for entry in self.tasks if entry.parent is None)

    def children(self, entry: TaskEntry) -> list[TaskEntry]:
        return [self.by_id[child] for child in entry.children]

    def _section_defaults(self) -> dict[str, str]:
        cached: dict[str, str] | None = self.__dict__.get("_defaults")
        if cached is None:
            cached = {s.id: s.default_deadline for s in self.info.sections}
            self.__dict__["_defaults"] = cached
        return cached

    def section_default(self, section: str | None) -> str:
        """The default deadline text of the innermost section that has one."""
        if not section:
            return ""
        defaults = self._section_defaults()
        path = section
        while path:
            if defaults.get(path):
                return defaults[path]
            path = path.rpartition(".")[0]
        return ""


def _walk(
    tasks: list[Task],
    raw: PosList | None,
    *,
    body: str,
    path: str,
    parent: TaskEntry | None,
    depth: int,
    out: list[TaskEntry],
) -> None:
    for index, task in enumerate(tasks):
        raw_task = raw[index] if isinstance(raw, PosList) and index < len(raw) else None
        own = raw_task if isinstance(raw_task, PosDict) else None
        entry = TaskEntry(
            task=task,
            body=body,
            path=path,
            raw=own,
            parent=parent.id if parent else None,
            depth=depth,
            line=own.line if own is not None else None,
        )
        out.append(entry)
        if parent is not None:
            parent.children.append(task.id)
        raw_subtasks = entry.raw.get("subtasks") if entry.raw is not None else None
        _walk(
            task.subtasks,
            raw_subtasks if isinstance(raw_subtasks, PosList) else None,
            body=body,
            path=path,
            parent=entry,
            depth=depth + 1,
            out=out,
        )


_last_shared: tuple[object, BodyIndex] | None = None


def _shared_index(shared: Shared) -> BodyIndex:
    """One index of the shared registry for every plan of a portfolio that has no
    registry of its own (500 plans built 500 equal indexes of the same bodies, about
    0.1 MB each); the shared registry is itself loaded once per process."""
    global _last_shared
    if _last_shared is None or _last_shared[0] is not shared:
        _last_shared = (shared, BodyIndex(shared.bodies))
    return _last_shared[1]


def load_plan(root: Path) -> tuple[Plan | None, list[Problem]]:
    """Load *root*; the plan is None when its identity or registry could not be read.

    Only per-file problems are returned here; whole-plan checks live in kehoach.checks.
    A plan inside a portfolio (``<root>/plans/<id>``) also gets the portfolio's shared
    bodies and events and its defaults (see kehoach.portfolio).
    """
    from kehoach.portfolio.layout import portfolio_of

    portfolio = portfolio_of(root)
    shared = None
    if portfolio is not None:
        from kehoach.portfolio.shared import load_shared

        shared = load_shared(portfolio)
    files = load_files(root, bodies_optional=shared is not None)
    problems = list(files.problems) + (shared.problems if shared is not None else [])
    if files.plan is None or files.plan.model is None:
        return None, problems
    if (files.bodies is None and shared is None) or (
        files.bodies is not None and files.bodies.model is None
    ):
        return None, problems
    entries: list[TaskEntry] = []
    file_bodies: dict[str, str] = {}
    raw: dict[str, PosDict | None] = {files.plan.path: files.plan.raw}
    if files.bodies is not None:
        raw[files.bodies.path] = files.bodies.raw
    if files.events is not None:
        raw[files.events.path] = files.events.raw
    for loaded in files.task_files:
        raw[loaded.path] = loaded.raw
        if loaded.model is None:
            continue
        file_bodies[loaded.path] = loaded.model.body
        raw_tasks = loaded.raw.get("tasks") if loaded.raw is not None else None
        _walk(
            loaded.model.tasks,
            raw_tasks if isinstance(raw_tasks, PosList) else None,
            body=loaded.model.body,
            path=loaded.path,
            parent=None,
            depth=0,
            out=entries,
        )
    by_id: dict[str, TaskEntry] = {}
    for entry in entries:
        by_id.setdefault(entry.id, entry)
    events_model = files.events.model if files.events is not None else None
    events = {e.id: e for e in events_model.events} if events_model is not None else {}
    bodies = list(files.bodies.model.bodies) if files.bodies is not None else []
    info = files.plan.model
    event_paths = {e: files.events.path for e in events} if files.events is not None else {}
    if shared is not None:
        bodies = shared.bodies + bodies  # a local body of the same id wins
        if shared.events_path is not None:
            event_paths = {**{e.id: shared.events_path for e in shared.events}, **event_paths}
        events = {**{e.id: e for e in shared.events}, **events}
        lead = shared.config.lead_time_days if shared.config is not None else None
        if lead is not None and "lead_time_days" not in info.model_fields_set:
            info = info.model_copy(update={"lead_time_days": lead})
    plan = Plan(
        root=root,
        info=info,
        bodies=_shared_index(shared)
        if files.bodies is None and shared is not None
        else BodyIndex(bodies),
        events=events,
        tasks=entries,
        by_id=by_id,
        files=file_bodies,
        raw=raw,
        plan_path=files.plan.path,
        bodies_path=files.bodies.path if files.bodies is not None else "",
        events_path=files.events.path if files.events is not None else None,
        event_paths=event_paths,
    )
    return plan, problems
