"""Careful edits of plan files: only the lines of the change, validated, locked, atomic.

ruamel.yaml and filelock are imported only when an edit runs, so other commands do
not pay for them.
"""

from kehoach.edit.errors import EditError, EditRefused, FileChanged, LockBusy, NotFound
from kehoach.edit.operations import (
    BatchOutcome,
    BatchRefused,
    BatchResult,
    EditResult,
    EventRecord,
    TaskUpdate,
    record_event,
    update_task,
    update_tasks,
)
from kehoach.edit.words import parse_status

__all__ = [
    "BatchOutcome",
    "BatchRefused",
    "BatchResult",
    "EditError",
    "EditRefused",
    "EditResult",
    "EventRecord",
    "FileChanged",
    "LockBusy",
    "NotFound",
    "TaskUpdate",
    "parse_status",
    "record_event",
    "update_task",
    "update_tasks",
]
