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


def _selected(evaluation: Evaluation, body: str | None) -> list[TaskState]:
    return [s for s in evaluation.states if body is None or s.entry.body == body]


def render_tasks_json(evaluation: Evaluation, body: str | None = None) -> str:
    records = [task_record(evaluation, s) for s in _selected(evaluation, body)]
    return json.dumps(records, ensure_ascii=False, indent=2)


def render_tasks_table(evaluation: Evaluation, body: str | None = None) -> str:
    lines = []
    for state in _selected(evaluation, body):
        indent = "  " * state.entry.depth
        due = f"hạn {state.due:%d/%m/%Y}" if state.due else (state.entry.task.deadline or "—")
        title = state.entry.task.title.split("\n")[0]
        if len(title) > 70:
            title = title[:69] + "…"
        lines.append(f"{indent}{state.id:<12} [{state.state.label()}] {due}\n{indent}  {title}")
    return "\n".join(lines)
