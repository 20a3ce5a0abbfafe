"""Tasks as flat records: the stable JSON contract for scripts and CI.

Keys present from the first release never change meaning; later features only add keys.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kehoach.plan import Plan, TaskEntry


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def base_record(plan: Plan, entry: TaskEntry) -> dict[str, Any]:
    task = entry.task
    partners = [plan.bodies.resolve(ref) or ref for ref in task.partners]
    return {
        "id": task.id,
        "body": entry.body,
        "role": task.role.code,
        "partners": partners,
        "title": task.title,
        "deadline_text": task.deadline,
        "status": task.status.code,
        "parent": entry.parent,
        "source": task.source.section if task.source else None,
    }
