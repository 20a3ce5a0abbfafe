"""Narrow terminals (below 80 columns): tables become lists, one block per row, so
nothing wraps into unreadable columns."""

from __future__ import annotations

import textwrap
from typing import Any

from kehoach.evaluation.evaluate import Evaluation
from kehoach.evaluation.states import ORDER
from kehoach.render.status import status_data

ROLE = {"lead": "chủ trì", "partner": "phối hợp"}


def _counts(counts: dict[str, Any]) -> str:
    from kehoach.evaluation.states import State

    parts = [
        f"{State(code).label().lower()} {n}"
        for code, n in ((s.value, counts.get(s.value, 0)) for s in ORDER)
        if n
    ]
    return "; ".join(parts) or "không có nhiệm vụ"


def status_list(evaluation: Evaluation, body: str | None, width: int) -> str:
    """The status table as a list: each body and role, its total, then its counts."""
    data = status_data(evaluation, body)
    lines: list[str] = []
    title = evaluation.plan.info.title
    lines += textwrap.wrap(title, width)
    lines.append(f"Tính đến {evaluation.as_of:%d/%m/%Y}, {evaluation.period.label()}")
    lines.append("")
    for row in data["bodies"]:
        head = f"{row['name']} ({ROLE.get(row['role'], row['role'])}): {row['total']}"
        lines += textwrap.wrap(head, width)
        lines += textwrap.wrap(
            _counts(row["counts"]), width, initial_indent="  ", subsequent_indent="  "
        )
    lines.append("")
    lines += textwrap.wrap(f"Tổng: {data['total']} nhiệm vụ", width)
    lines += textwrap.wrap(
        _counts(data["totals"]), width, initial_indent="  ", subsequent_indent="  "
    )
    overdue = data["totals"].get("overdue", 0)
    lines.append(
        f"Quá hạn: {overdue} nhiệm vụ — xem 'kehoach overdue'."
        if overdue
        else "Không có nhiệm vụ quá hạn."
    )
    return "\n".join(lines)
