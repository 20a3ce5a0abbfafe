"""``kehoach update ID ID … | --body/--state/--section``: one status for many tasks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.edit.operations import BatchResult, TaskUpdate, update_tasks
from kehoach.errors import UsageError
from kehoach.messages import text as message_text
from kehoach.model import Status
from kehoach.selection import Selection, select


def bulk_update(
    root: Path,
    selection: Selection,
    *,
    status: Status,
    date: dt.date | None,
    note: str,
    evidence: str | None,
    occurrence: str | None,
    as_of: dt.date,
    force: bool = False,
    dry_run: bool = False,
) -> BatchResult:
    """The same update for every selected task, as one batch (all or nothing)."""
    from kehoach.app.reporting import evaluate_plan

    evaluated = evaluate_plan(root, as_of, body=selection.body)
    selection.body = evaluated.body
    chosen = select(evaluated.evaluation, selection)
    if not chosen:
        raise UsageError(message_text("selection-empty"))
    changes = [TaskUpdate(s.id, status, date, note, evidence, occurrence) for s in chosen]
    return update_tasks(root, changes, as_of=as_of, force=force, dry_run=dry_run)
