"""Whole-plan checks: what no single file can know.

Each check is a function ``(plan, context) -> list[Problem]``; ``validate`` runs them
all and returns every problem, sorted, so one run shows everything to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

from kehoach.checks_docrefs import check_docrefs
from kehoach.errors import DeadlineParseError, Problem
from kehoach.loading.positions import PosDict, locate
from kehoach.model import Status
from kehoach.plan import Plan, TaskEntry, load_plan
from kehoach.taskrules import rule_for


@dataclass(frozen=True)
class Context:
    """``today`` is the day after which a recorded date counts as in the future."""

    today: dt.date


Check = Callable[[Plan, Context], list[Problem]]


def _at(
    path: str,
    raw: PosDict | None,
    loc: tuple[str | int, ...],
    message: str,
    code: str,
    *,
    key: bool = False,
) -> Problem:
    line, col = locate(raw, loc, key=key) if raw is not None else (0, 0)
    return Problem(path, line, col, message, code)


def _task_problem(entry: TaskEntry, loc: tuple[str | int, ...], message: str, code: str) -> Problem:
    return _at(entry.path, entry.raw, loc, f"Nhiệm vụ {entry.id}: {message}", code)


def plan_start(plan: Plan) -> dt.date | None:
    """The earliest day an update can carry: the plan's date, else its newest source document."""
    if plan.info.issued is not None:
        return plan.info.issued
    dates = [doc.date for doc in plan.info.implements if doc.date is not None]
    return max(dates) if dates else None


def check_unique_ids(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    seen: dict[str, TaskEntry] = {}
    for entry in plan.tasks:
        first = seen.setdefault(entry.id, entry)
        if first is not entry:
            where = first.path if first.path != entry.path else "cùng tệp"
            problems.append(
                _task_problem(entry, ("id",), f"mã bị trùng (đã dùng ở {where}).", "duplicate-id")
            )
    for kind, key, raw_path in (
        ("cơ quan", "bodies", plan.bodies_path),
        ("sự kiện", "events", plan.events_path),
    ):
        raw = plan.raw.get(raw_path) if raw_path else None
        listed = raw.get(key) if raw is not None else None
        ids: set[str] = set()
        for index, item in enumerate(listed or []):
            ident = item.get("id") if isinstance(item, dict) else None
            if isinstance(ident, str) and ident in ids:
                problems.append(
                    _at(
                        raw_path or "",
                        raw,
                        (key, index, "id"),
                        f"Mã {kind} '{ident}' bị trùng.",
                        "duplicate-id",
                    )
                )
            ids.add(str(ident))
    return problems


class _Suggester:
    """ "Did you mean …" for unknown references. Each suggestion scans every candidate, so
    only the first few unknown references get one: a plan with thousands of broken
    references must not take quadratic time to say so."""

    LIMIT = 50

    def __init__(self) -> None:
        self.given = 0

    def __call__(self, ref: str, options: list[str]) -> str:
        if self.given >= self.LIMIT:
            return ""
        self.given += 1
        close = get_close_matches(ref, options, n=1, cutoff=0.6)
        return f" Có phải ý bạn là '{close[0]}'?" if close else ""


def check_references(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    _suggest = _Suggester()
    task_ids = list(plan.by_id)
    event_ids = list(plan.events)
    body_ids = sorted(plan.bodies.by_id)
    for path, body in sorted(plan.files.items()):
        if plan.bodies.resolve(body) is None:
            problems.append(
                _at(
                    path,
                    plan.raw.get(path),
                    ("body",),
                    f"Cơ quan '{body}' không có trong danh mục cơ quan (bodies.yaml)."
                    f"{_suggest(body, body_ids)}",
                    "unknown-body",
                )
            )
    for entry in plan.tasks:
        for index, ref in enumerate(entry.task.partners):
            resolved = plan.bodies.resolve(ref)
            if resolved is None:
                problems.append(
                    _task_problem(
                        entry,
                        ("partners", index),
                        f"cơ quan phối hợp '{ref}' không có trong danh mục cơ quan (bodies.yaml)."
                        f"{_suggest(ref, body_ids)}",
                        "unknown-body",
                    )
                )
            elif resolved == entry.body:
                problems.append(
                    _task_problem(
                        entry,
                        ("partners", index),
                        f"cơ quan '{ref}' không thể phối hợp với chính mình.",
                        "self-partner",
                    )
                )
        deps = entry.task.depends_on
        if deps is None:
            continue
        for index, event in enumerate(deps.events):
            if event not in plan.events:
                problems.append(
                    _task_problem(
                        entry,
                        ("depends_on", "events", index),
                        f"sự kiện '{event}' không có trong events.yaml."
                        f"{_suggest(event, event_ids)}",
                        "unknown-event",
                    )
                )
        for index, task_id in enumerate(deps.tasks):
            if task_id not in plan.by_id:
                problems.append(
                    _task_problem(
                        entry,
                        ("depends_on", "tasks", index),
                        f"nhiệm vụ '{task_id}' không tồn tại.{_suggest(task_id, task_ids)}",
                        "unknown-task",
                    )
                )
            elif task_id == entry.id:
                problems.append(
                    _task_problem(
                        entry,
                        ("depends_on", "tasks", index),
                        "không thể phụ thuộc vào chính mình.",
                        "self-dependency",
                    )
                )
    return problems + _dependency_cycles(plan)


def _dependency_cycles(plan: Plan) -> list[Problem]:
    """Report each task dependency cycle once, at its first task (iterative DFS, linear)."""
    graph = {
        e.id: [
            t
            for t in (e.task.depends_on.tasks if e.task.depends_on else [])
            if t in plan.by_id and t != e.id
        ]
        for e in plan.tasks
    }
    state: dict[str, int] = {}
    problems = []
    for start in graph:
        if state.get(start):
            continue
        stack = [(start, iter(graph[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = [*path[path.index(child) :], child]
                entry = plan.by_id[child]
                problems.append(
                    _task_problem(
                        entry,
                        ("depends_on", "tasks"),
                        "phụ thuộc vòng tròn: " + " → ".join(cycle) + ".",
                        "dependency-cycle",
                    )
                )
            elif not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return problems


def check_history(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    start = plan_start(plan)
    for entry in plan.tasks:
        history = entry.task.history
        previous: dt.date | None = None
        for index, update in enumerate(history):
            loc = ("history", index, "date")
            if start is not None and update.date < start:
                problems.append(
                    _task_problem(
                        entry,
                        loc,
                        f"cập nhật ngày {update.date:%d/%m/%Y} sớm hơn ngày của kế hoạch "
                        f"({start:%d/%m/%Y}).",
                        "date-before-plan",
                    )
                )
            if update.date > ctx.today:
                problems.append(
                    _task_problem(
                        entry,
                        loc,
                        f"cập nhật ngày {update.date:%d/%m/%Y} ở tương lai (hôm nay là "
                        f"{ctx.today:%d/%m/%Y}).",
                        "date-in-future",
                    )
                )
            if previous is not None and update.date < previous:
                problems.append(
                    _task_problem(
                        entry,
                        loc,
                        f"lịch sử không theo thứ tự thời gian ({update.date:%d/%m/%Y} đứng sau "
                        f"{previous:%d/%m/%Y}).",
                        "history-order",
                    )
                )
            previous = update.date
        if history and history[-1].status is not entry.task.status:
            problems.append(
                _task_problem(
                    entry,
                    ("status",),
                    f"trạng thái '{entry.task.status.value}' khác với cập nhật cuối cùng "
                    f"('{history[-1].status.value}').",
                    "status-mismatch",
                )
            )
    for index, event in enumerate(plan.events.values()):
        if event.occurred is not None and event.occurred > ctx.today:
            raw_path = plan.events_path or ""
            raw = plan.raw.get(raw_path)
            problems.append(
                _at(
                    raw_path,
                    raw,
                    ("events", index, "occurred"),
                    f"Sự kiện '{event.id}' có ngày xảy ra ở tương lai.",
                    "date-in-future",
                )
            )
    return problems


def check_structure(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    term = plan.info.term
    if term is not None and term.end < term.start:
        raw = plan.raw.get(plan.plan_path)
        problems.append(
            _at(
                plan.plan_path,
                raw,
                ("term", "end"),
                "Nhiệm kỳ kết thúc trước khi bắt đầu.",
                "bad-term",
            )
        )
    sections = {s.id for s in plan.info.sections}
    for entry in plan.tasks:
        children = plan.children(entry)
        if entry.task.status is Status.DONE and any(
            c.task.status not in (Status.DONE, Status.STOPPED) for c in children
        ):
            open_ids = ", ".join(c.id for c in children if c.task.status is not Status.DONE)
            problems.append(
                _task_problem(
                    entry,
                    ("status",),
                    f"đã đánh dấu hoàn thành nhưng nhiệm vụ con chưa xong: {open_ids}.",
                    "parent-done-early",
                )
            )
        source = entry.task.source
        if sections and source is not None and source.section not in sections:
            top = source.section.split(".")[0]
            if top not in sections:
                problems.append(
                    _task_problem(
                        entry,
                        ("source", "section"),
                        f"mục '{source.section}' không có trong danh sách mục của plan.yaml.",
                        "unknown-section",
                    )
                )
    return problems


def check_deadlines(plan: Plan, ctx: Context) -> list[Problem]:
    problems = []
    for entry in plan.tasks:
        try:
            rule = rule_for(plan, entry)
        except DeadlineParseError as exc:
            loc: tuple[str | int, ...] = (
                ("deadline_rule",) if entry.task.deadline_rule is not None else ("deadline",)
            )
            if entry.raw is None or loc[0] not in entry.raw:
                loc = ("id",)
            problems.append(_task_problem(entry, loc, exc.message, "deadline"))
            continue
        waits = entry.task.depends_on
        if rule.kind == "after" and (waits is None or not (waits.events or waits.tasks)):
            problems.append(
                _task_problem(
                    entry,
                    ("deadline",),
                    "thời hạn 'sau khi …' cần khai báo sự kiện hoặc nhiệm vụ phải chờ trong "
                    "depends_on.",
                    "after-without-trigger",
                )
            )
    return problems


CHECKS: list[Check] = [
    check_unique_ids,
    check_references,
    check_history,
    check_structure,
    check_deadlines,
    check_docrefs,
]


def validate_plan(plan: Plan, today: dt.date) -> list[Problem]:
    ctx = Context(today=today)
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(plan, ctx))
    return problems


def validate(root: Path, today: dt.date) -> tuple[Plan | None, list[Problem]]:
    """Load and check the plan in *root*: every problem, sorted. Raises InputError only
    when *root* is not a plan directory at all. Dates after *today* are in the future."""
    plan, problems = load_plan(root)
    if plan is not None:
        problems = problems + validate_plan(plan, today)
    return plan, sorted(set(problems))
