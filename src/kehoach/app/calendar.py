"""``kehoach calendar``: due dates and recurring occurrences as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.errors import InputError
from kehoach.messages import os_reason
from kehoach.messages import text as message_text


def export_calendar(root: Path, output: Path, *, as_of: dt.date, body: str | None) -> int:
    """Write the calendar; returns the number of events. icalendar is imported here only."""
    from kehoach.app.reporting import evaluate_plan
    from kehoach.atomic import write_atomic
    from kehoach.render.calendar import calendar_bytes

    evaluated = evaluate_plan(root, as_of, body=body)
    data, count = calendar_bytes(evaluated.evaluation, evaluated.body)
    if not output.parent.is_dir():
        raise InputError(message_text("output-folder-missing", folder=output.parent))
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise InputError(
            message_text("output-write-failed", path=output, reason=os_reason(exc))
        ) from None
    return count
