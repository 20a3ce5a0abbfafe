"""``kehoach overdue`` output."""

from __future__ import annotations

import json
from collections.abc import Iterator

from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.render.tasks import task_record


def render_overdue_json(
    evaluation: Evaluation, late: list[TaskState], soon: list[TaskState] | None
) -> str:
    data: dict[str, object] = {
        "as_of": evaluation.as_of.isoformat(),
        "overdue": [task_record(evaluation, s) for s in late],
    }
    if soon is not None:
        data["due_soon"] = [task_record(evaluation, s) for s in soon]
    return json.dumps(data, ensure_ascii=False, indent=2)


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def overdue_table_lines(
    evaluation: Evaluation,
    late: list[TaskState],
    soon: list[TaskState] | None,
    within: int | None,
    *,
    color: bool = False,
    width: int = 80,
) -> Iterator[str]:
    """The late tasks (and with *within* those due soon) as the lines of a table *width*
    wide, a list below 80 columns; a wider table shows more of each task's name.

    Made a line at a time as they are taken: a row's cells are made once to find the
    columns' widths and again to draw it, so the table of 100,000 late tasks never holds
    its cells or its lines at once."""
    from kehoach.render.textgrid import (
        ID_CAP,
        Cell,
        Column,
        styled,
        table_or_list_lines,
        wrapped,
    )

    bodies = evaluation.plan.bodies
    limit = 90 if width <= 80 else min(400, 90 + (width - 80) * 3)

    from kehoach.render.reportdata import caused, one, shown_id

    def named(s: TaskState, late: bool) -> str:
        """ "III.2.1 (III.2.1.a)", "III.5.2 (2019)"; a task due soon: its next occurrence."""
        if late:
            return shown_id(s.id, caused(evaluation, s))
        return shown_id(s.id, one(None, s.current.name if s.current is not None else None))

    def table(rows: list[TaskState], last: str) -> Iterator[str]:
        columns = [
            Column("Mã", left=True, cap=ID_CAP),
            Column("Nhiệm vụ", left=True, wrap=3),
            Column("Chủ trì", left=True, wrap=2),
            Column("Hạn", left=True),
            Column(last),
        ]
        overdue = last == "Quá"
        style = "bold red" if overdue else ""

        def cells() -> Iterator[list[Cell]]:
            for s in rows:
                body = bodies.by_id.get(s.entry.body)
                value = s.days_overdue if overdue else (s.days_left or 0)
                yield [
                    Cell(named(s, overdue)),
                    Cell(_short(s.entry.task.title, limit)),
                    Cell((body.short or body.name) if body else s.entry.body),
                    Cell(f"{s.due:%d/%m/%Y}" if s.due else "—"),
                    Cell(f"{value} ngày", style),
                ]

        return table_or_list_lines(columns, cells, width=width, color=color)

    def say(text: str, style: str) -> Iterator[str]:
        return (styled(line, style, color) for line in wrapped(text, width))

    def lines() -> Iterator[str]:
        day = f"{evaluation.as_of:%d/%m/%Y}"
        if late:
            yield from say(f"{len(late)} nhiệm vụ quá hạn tính đến ngày {day}:", "bold red")
            yield ""
            yield from table(late, "Quá")
        else:
            yield from say(f"Không có nhiệm vụ quá hạn tính đến ngày {day}.", "green")
        if soon is not None:
            yield ""
            if soon:
                yield from say(f"{len(soon)} nhiệm vụ đến hạn trong {within} ngày tới:", "bold")
                yield ""
                yield from table(soon, "Còn")
            else:
                yield from say(f"Không có nhiệm vụ nào đến hạn trong {within} ngày tới.", "")

    return (line.rstrip() for line in lines())
