"""``kehoach tasks`` output."""

from __future__ import annotations

import json
from typing import Any

from kehoach.evaluation.counting import is_counted
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.loaded_plan import BodyIndex
from kehoach.render.records import base_record


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def task_record(evaluation: Evaluation, state: TaskState) -> dict[str, Any]:
    return state_record(evaluation.plan.bodies, state)


def state_record(bodies: BodyIndex, state: TaskState) -> dict[str, Any]:
    """:func:`task_record` given only the plan's body registry: what a portfolio keeps
    of a plan whose overdue tasks it lists."""
    record = base_record(bodies, state.entry)
    record.update(
        deadline=state.rule.to_json(),
        due=_iso(state.due),
        state=state.state.value,
        days_overdue=state.days_overdue,
        days_left=state.days_left,
        done_on=_iso(state.done_on),
        waiting_on=state.waiting_on,
        counted=is_counted(state),
        never_updated=state.never_updated,
        # the rounds of a recurring task, or the labelled parts of a split deadline
        occurrences=[
            {
                "label": o.label,
                "name": o.name,
                "due": _iso(o.due),
                "state": o.state.value,
                "done_on": _iso(o.done_on),
            }
            for o in state.occurrences
        ],
    )
    return record


def _selected(
    evaluation: Evaluation, body: str | None, states: list[TaskState] | None = None
) -> list[TaskState]:
    if states is not None:
        return states
    from kehoach.selection import role_of

    return [
        s
        for s in evaluation.states
        if body is None or role_of(evaluation.plan, s.entry, body) is not None
    ]


def _role(evaluation: Evaluation, state: TaskState, body: str | None) -> str | None:
    """The role *body* plays on the task ("lead"/"partner"), when a body was asked about."""
    if body is None:
        return None
    from kehoach.selection import role_of

    role = role_of(evaluation.plan, state.entry, body)
    return role.code if role is not None else None


def render_tasks_json(
    evaluation: Evaluation, body: str | None = None, states: list[TaskState] | None = None
) -> str:
    records = []
    for state in _selected(evaluation, body, states):
        record = task_record(evaluation, state)
        if body is not None:
            record["body_role"] = _role(evaluation, state, body)
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=2)


ROLE_WORDS = {"lead": "chủ trì", "partner": "phối hợp"}


def _one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text or "  " in text else text


def render_tasks_table(
    evaluation: Evaluation,
    body: str | None = None,
    states: list[TaskState] | None = None,
    *,
    width: int = 80,
    color: bool = False,
) -> str:
    """One row per task: id (indented by depth), [role,] text, state and due date, as a
    table *width* wide (the text cut at two lines), a list below 80 columns."""
    from kehoach.render.textgrid import ID_CAP, Cell, Column, table_or_list

    columns = [
        Column("Mã", left=True, cap=ID_CAP),
        *([Column("Vai trò", left=True)] if body is not None else []),
        Column("Nhiệm vụ", left=True, wrap=4, lines=2),
        Column("Tình trạng", left=True, wrap=2),
        Column("Hạn", left=True, wrap=1, lines=2),
    ]
    rows = []
    for state in _selected(evaluation, body, states):
        due = f"{state.due:%d/%m/%Y}" if state.due else (state.entry.task.deadline or "—")
        role = _role(evaluation, state, body)
        rows.append(
            [
                Cell("  " * state.entry.depth + state.id),
                *([Cell(ROLE_WORDS[role] if role else "")] if body is not None else []),
                Cell(_one_line(state.entry.task.title)),
                Cell(state.state.label()),
                Cell(_one_line(due)),
            ]
        )
    if not rows:
        return ""
    return "\n".join(table_or_list(columns, rows, width=width, color=color))
