"""Tasks as flat records: the stable JSON contract for scripts and CI.

Keys present from the first release never change meaning; later features only add keys.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kehoach.loaded_plan import BodyIndex, TaskEntry
from kehoach.model import Update


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def base_record(bodies: BodyIndex, entry: TaskEntry) -> dict[str, Any]:
    """The task's own fields; *bodies* (its plan's registry) names its partners."""
    task = entry.task
    partners = [bodies.resolve(ref) or ref for ref in task.partners]
    record: dict[str, Any] = {
        "id": task.id,
        "body": entry.body,
        "role": task.role.code,
        "partners": partners,
        "title": task.title,
        "deadline_text": task.deadline,
        "status": task.status.code,
        "parent": entry.parent,
        "source": task.source.section if task.source else None,
        "history": [_update(update) for update in task.history],
    }
    return record


def _update(update: Update) -> dict[str, Any]:
    """A history entry, with its evidence also as structured document references."""
    from kehoach.docref import find_docrefs

    refs = find_docrefs(update.evidence or "")
    return {
        "date": update.date.isoformat(),
        "status": update.status.code,
        "note": update.note,
        "evidence": update.evidence,
        "evidence_refs": [ref.to_json() for ref in refs],
        "occurrence": update.occurrence,
    }
