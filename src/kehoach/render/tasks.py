"""``kehoach tasks`` output."""

from __future__ import annotations

import json
from typing import Any

from kehoach.evaluation.counting import is_counted
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.render.records import base_record


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def task_record(evaluation: Evaluation, state: TaskState) -> dict[str, Any]:
    record = base_record(evaluation.plan, state.entry)
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


def render_tasks_table(
    evaluation: Evaluation,
    body: str | None = None,
    states: list[TaskState] | None = None,
    *,
    width: int = 80,
) -> str:
    """Two lines per task: id, [role,] state and due date, then the text cut to *width*."""
    lines = []
    for state in _selected(evaluation, body, states):
        indent = "  " * state.entry.depth
        due = f"hạn {state.due:%d/%m/%Y}" if state.due else (state.entry.task.deadline or "—")
        title = state.entry.task.title.split("\n")[0]
        room = max(20, width - 10 - len(indent))
        if len(title) > room:
            title = title[: room - 1] + "…"
        role = _role(evaluation, state, body)
        role_text = f" ({ROLE_WORDS[role]})" if role else ""
        lines.append(
            f"{indent}{state.id:<12}{role_text} [{state.state.label()}] {due}\n{indent}  {title}"
        )
    return "\n".join(lines)
