"""``kehoach overdue`` output."""

from __future__ import annotations

import io
import json

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


def render_overdue_table(
    evaluation: Evaluation,
    late: list[TaskState],
    soon: list[TaskState] | None,
    within: int | None,
    *,
    color: bool = False,
    width: int = 80,
) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
    )
    bodies = evaluation.plan.bodies
    # a wider table shows more of each task's name (folded over lines, cut at a word)
    limit = 90 if width <= 80 else min(400, 90 + (width - 80) * 3)

    def table(rows: list[TaskState], last: str) -> Table:
        out = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        out.add_column("Mã", no_wrap=True)
        out.add_column("Nhiệm vụ", ratio=3, overflow="fold")
        out.add_column("Chủ trì", ratio=2, overflow="fold")
        out.add_column("Hạn", no_wrap=True)
        out.add_column(last, justify="right", no_wrap=True)
        for s in rows:
            body = bodies.by_id.get(s.entry.body)
            name = (body.short or body.name) if body else s.entry.body
            value = s.days_overdue if last == "Quá" else (s.days_left or 0)
            out.add_row(
                s.id,
                _short(s.entry.task.title, limit),
                name,
                f"{s.due:%d/%m/%Y}" if s.due else "—",
                Text(f"{value} ngày", style="bold red" if last == "Quá" else ""),
            )
        return out

    if late:
        console.print(
            Text(
                f"{len(late)} nhiệm vụ quá hạn tính đến ngày {evaluation.as_of:%d/%m/%Y}:",
                style="bold red",
            )
        )
        console.print(table(late, "Quá"))
    else:
        console.print(
            Text(
                f"Không có nhiệm vụ quá hạn tính đến ngày {evaluation.as_of:%d/%m/%Y}.",
                style="green",
            )
        )
    if soon is not None:
        if soon:
            console.print(
                Text(f"{len(soon)} nhiệm vụ đến hạn trong {within} ngày tới:", style="bold")
            )
            console.print(table(soon, "Còn"))
        else:
            console.print(f"Không có nhiệm vụ nào đến hạn trong {within} ngày tới.")
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.rstrip("\n").split("\n"))
