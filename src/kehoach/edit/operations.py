"""The two edits secretariat staff make: a task moved, an awaited event happened.

Both follow the same path (:func:`_commit`):

1. take the plan's write lock (dry runs only read, so they take none);
2. load and validate the plan as it is, to find the file and know its problems;
3. read the file's bytes and remember their hash;
4. splice the change into the text (:mod:`kehoach.edit.yamledit`);
5. validate the whole plan with the new text in a temporary copy; any problem the
   plan did not have before refuses the edit;
6. read the file again: if it changed since step 3, refuse;
7. write atomically (temporary file, fsync, rename), keeping the file's mode.

Nothing here prints or exits: results and :class:`~kehoach.edit.errors.EditError`
go back to the command.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import hashlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from kehoach.atomic import WriteError, remove_stale_temps, write_atomic
from kehoach.edit.check import new_problems, relative, run_validation, validate_edited
from kehoach.edit.errors import EditError, EditRefused, FileChanged, NotFound
from kehoach.edit.lock import plan_lock
from kehoach.edit.occurrence import OccurrenceRefused, place_update
from kehoach.edit.yamledit import Path_, YamlEditor
from kehoach.errors import Problem
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.loading.files import read_plan_bytes
from kehoach.loading.plandir import display_path
from kehoach.messages import os_reason, text
from kehoach.messages import text as message_text
from kehoach.model import Status
from kehoach.suggest import did_you_mean
from kehoach.text import nfc

# Problems that --force lets through, on the edited file only.
FORCIBLE = frozenset({"date-in-future", "date-before-plan", "history-order", "docref"})
_OCCURRENCE_RE = re.compile(  # a period, or a labelled part's due date (2020-03-31)
    r"^\d{4}(?:-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]|W(?:0[1-9]|[1-4]\d|5[0-3])))?$"
    r"|^\d{4}-\d\d-\d\d$"
)
_TASK_KEYS_BEFORE_STATUS = (
    "lead_time_days",
    "deadline_rule",
    "deadline",
    "partners",
    "role",
    "title",
    "id",
)


@dataclass(frozen=True)
class TaskUpdate:
    """``kehoach update``: one dated history entry; the task takes its status."""

    task_id: str
    status: Status
    date: dt.date | None = None  # None: the --as-of day
    note: str = ""
    evidence: str | None = None
    occurrence: str | None = None


@dataclass(frozen=True)
class EventRecord:
    """``kehoach event``: an awaited event happened on *occurred*."""

    event_id: str
    occurred: dt.date
    ref: str | None = None
    note: str | None = None


@dataclass
class EditResult:
    path: Path
    display: str
    old_text: str
    new_text: str
    written: bool
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def _label(self) -> str:
        return self.display.replace("\\", "/").lstrip("/")

    @property
    def changed(self) -> bool:
        return self.old_text != self.new_text

    def diff(self) -> str:
        lines = difflib.unified_diff(
            self.old_text.splitlines(keepends=True),
            self.new_text.splitlines(keepends=True),
            fromfile=f"a/{self._label}",
            tofile=f"b/{self._label}",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass
class _Change:
    """What a prepared edit needs: the file, how to edit its text, what to tell the user."""

    path: Path
    edit: Callable[[str, str], str]
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: str = field(default_factory=lambda: message_text("file-unchanged"))


@contextlib.contextmanager
def _opened(
    root: Path, as_of: dt.date, *, dry_run: bool, lock_timeout: float | None
) -> Iterator[tuple[Plan, list[Problem]]]:
    """The plan and its problems before the change, read under the plan's lock (none for
    a dry run); a plan that cannot be read at all refuses every change."""
    lock: contextlib.AbstractContextManager[None] = (
        contextlib.nullcontext() if dry_run else plan_lock(root, lock_timeout)
    )
    with lock:
        plan, before = run_validation(root, as_of)
        if plan is None:
            raise EditRefused(message_text("edit-plan-unreadable"), before[:50])
        yield plan, before


def _day(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


def _decode(data: bytes, display: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(message_text("edit-not-utf8", path=display)) from None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_base(root: Path) -> Path:
    """The folder edits of the plan in *root* may write in: the plan folder, or the whole
    portfolio when the plan is in one (its shared bodies.yaml and events.yaml)."""
    from kehoach.portfolio.layout import portfolio_of

    return portfolio_of(root) or root


def _inside_plan(path: Path, root: Path, display: str) -> Path:
    """The real path of the plan file *path*; refused when it leaves the plan folder."""
    real = os.path.realpath(path)
    real_root = os.path.realpath(_write_base(root))
    if not (real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)):
        raise EditError(text("write-outside", path=display, target=real))
    return Path(real)


def _unreadable_files(plan: Plan, problems: list[Problem]) -> tuple[str, list[Problem]] | None:
    """When an id was not found: the files of the plan that could not be read (where the
    task may be), so the refusal names their problems rather than only "not found"."""
    unread = set(plan.unread(problems))
    bad = [p for p in problems if p.path in unread]
    if not bad:
        return None
    return text("not-found-unreadable-tail"), bad[:50]


def _check_docref_text(text: str, what: str, as_of: dt.date, force: bool) -> list[str]:
    from kehoach.docref import docref_problems

    problems = docref_problems(text, today=as_of)
    if problems and not force:
        raise EditError(
            "\n".join(
                [
                    message_text("bad-docref-refused", what=what),
                    *problems,
                    message_text("bad-docref-hint"),
                ]
            )
        )
    return problems


def summary(result: EditResult) -> str:
    return " ".join(result.messages) or result.display


def _commit(
    root: Path,
    as_of: dt.date,
    prepare: Callable[[Plan], _Change],
    *,
    force: bool,
    dry_run: bool,
    lock_timeout: float | None,
    command: str,
) -> EditResult:
    with _opened(root, as_of, dry_run=dry_run, lock_timeout=lock_timeout) as (plan, before):
        try:
            change = prepare(plan)
        except NotFound as exc:
            unreadable = _unreadable_files(plan, before)
            if unreadable:
                # A near miss among the ids that were read would mislead: the id may be
                # in a file that could not be read.
                plain = exc.message.split(" Có phải ý bạn là")[0]
                raise EditRefused(plain + " " + unreadable[0], unreadable[1]) from None
            raise
        display = display_path(change.path)
        path = _inside_plan(change.path, root, display)
        if not dry_run:
            removed = remove_stale_temps(path)
            if removed:
                change.warnings.append(text("stale-temp-removed", names=", ".join(removed)))
        try:
            original = read_plan_bytes(path)
        except OSError as exc:
            raise EditError(text("io", reason=os_reason(exc))) from None
        old_text = _decode(original, display)
        new_text = change.edit(old_text, display)
        result = EditResult(
            change.path, display, old_text, new_text, False, change.messages, change.warnings
        )
        if not result.changed:
            result.messages = [change.unchanged]
            return result
        _, after = validate_edited(root, {path: new_text}, as_of)
        added = new_problems(before, after, root)
        target = relative(str(path), root)
        refused = [
            p
            for p in added
            if not (force and p.code in FORCIBLE and relative(p.path, root) == target)
        ]
        if refused:
            raise EditRefused(message_text("edit-would-break"), refused)
        result.warnings += [
            message_text("forced-problem", problem=p.render()) for p in added if p not in refused
        ]
        if before:
            result.warnings.append(message_text("errors-before-edit", count=len(before)))
        if dry_run:
            return result
        result.warnings += write_files(
            root, [(path, original, new_text.encode("utf-8"))], command, summary(result)
        )
        result.written = True
        return result


def write_files(
    root: Path, files: list[tuple[Path, bytes, bytes]], command: str, summary: str
) -> list[str]:
    """Write every file (path, bytes read, new bytes) atomically, all or nothing, and
    journal the change so ``kehoach undo`` can take it back. Call under the plan lock.
    Returns warnings (the journal could not be written)."""
    from kehoach.edit import journal

    for path, original, _ in files:
        if _digest(read_plan_bytes(path)) != _digest(original):
            raise FileChanged(message_text("file-changed", path=display_path(path)))
    warnings: list[str] = []
    entry = None
    try:
        entry = journal.record(
            root,
            command,
            summary,
            [journal.relative_change(root, path, old, new) for path, old, new in files],
        )
    except (OSError, WriteError) as exc:
        reason = exc.reason if isinstance(exc, WriteError) else os_reason(exc)
        warnings.append(message_text("journal-failed", reason=reason))
    written: list[tuple[Path, bytes]] = []
    try:
        for path, original, new in files:
            write_atomic(path, new, inside=_write_base(root), display=display_path(path))
            written.append((path, original))
    except WriteError as exc:
        for path, original in reversed(written):
            with contextlib.suppress(WriteError):
                write_atomic(path, original, inside=_write_base(root))
        if entry is not None:
            journal.forget(entry)
        if len(files) == 1:
            raise
        names = ", ".join(display_path(path) for path, _, _ in files)
        raise WriteError(text("write-failed", path=names, reason=exc.reason)) from None
    return warnings


# -- kehoach update --------------------------------------------------------------------


def _task_path(data: object, task_id: str) -> Path_ | None:
    """Where the task with *task_id* sits in a task file's data: ("tasks", i, "subtasks", j…)."""

    def walk(tasks: object, prefix: Path_) -> Path_ | None:
        if not isinstance(tasks, list):
            return None
        for index, task in enumerate(tasks):
            if not isinstance(task, dict):
                continue
            here = (*prefix, index)
            if task.get("id") == task_id:
                return here
            found = walk(task.get("subtasks"), (*here, "subtasks"))
            if found is not None:
                return found
        return None

    tasks = data.get("tasks") if isinstance(data, dict) else None
    return walk(tasks, ("tasks",))


def _entry_pairs(change: TaskUpdate, day: dt.date) -> list[tuple[str, object]]:
    pairs: list[tuple[str, object]] = [("date", day), ("status", change.status.value)]
    if change.note:
        pairs.append(("note", change.note))
    if change.evidence:
        pairs.append(("evidence", change.evidence))
    if change.occurrence:
        pairs.append(("occurrence", change.occurrence))
    return pairs


def update_task(
    root: Path,
    change: TaskUpdate,
    *,
    as_of: dt.date,
    force: bool = False,
    dry_run: bool = False,
    lock_timeout: float | None = None,
) -> EditResult:
    """Append a dated entry to the task's history and set its status."""
    day = change.date or as_of
    note = nfc(change.note).strip()
    evidence = nfc(change.evidence).strip() if change.evidence else None
    occurrence = change.occurrence.strip() if change.occurrence else None
    if occurrence and not _OCCURRENCE_RE.match(occurrence):
        from kehoach.errors import InputError

        raise InputError(message_text("bad-occurrence", occurrence=occurrence))
    change = TaskUpdate(change.task_id, change.status, day, note, evidence or None, occurrence)

    def prepare(plan: Plan) -> _Change:
        entries = [e for e in plan.tasks if e.id == change.task_id]
        if not entries:
            raise NotFound(
                message_text(
                    "no-such-task",
                    task_id=change.task_id,
                    suggestion=did_you_mean(change.task_id, list(plan.by_id)),
                )
            )
        if len(entries) > 1:
            where = ", ".join(e.path for e in entries)
            raise EditError(
                message_text("edit-duplicate-task-id", task_id=change.task_id, where=where)
            )
        entry = entries[0]
        history = entry.task.history
        try:
            placed = place_update(
                plan, entry, [(u.date, u.status, u.occurrence) for u in history], day,
                change.status, occurrence,
            )  # fmt: skip
        except OccurrenceRefused as refused:
            raise EditError(
                message_text("edit-task-refused", id=entry.id, reason=refused.reason)
            ) from None
        chosen = replace(change, occurrence=placed.occurrence)
        for update in history:
            same = (
                update.date == day
                and update.status is change.status
                and update.note == note
                and (update.evidence or None) == (evidence or None)
                and (update.occurrence or None) == (placed.occurrence or None)
            )
            if same:
                return _Change(
                    Path(entry.path),
                    lambda text, _display: text,
                    unchanged=message_text("task-unchanged", id=entry.id),
                )
        warnings: list[str] = []
        refusals: list[str] = []
        if day > as_of:
            refusals.append(message_text("date-after-today", day=day, today=as_of))
        start = plan.plan_start
        if start is not None and day < start:
            refusals.append(message_text("date-before-plan", day=day, start=start))
        index: int | None = None
        later = placed.later_reason(day)  # history order is kept per round
        if later is not None:
            refusals.append(later)
        if history and day < history[-1].date:
            index = next(i for i, u in enumerate(history) if u.date > day)
        if refusals and not force:
            raise EditError(
                "\n".join(
                    [
                        message_text("task-refused", id=entry.id),
                        *(f"- {r}" for r in refusals),
                        message_text("task-refused-hint"),
                    ]
                )
            )
        warnings += [message_text("forced", reason=r) for r in refusals]
        if evidence:
            bad = _check_docref_text(evidence, "--evidence", as_of, force)
            warnings += [message_text("forced", reason=p) for p in bad]
        final = change.status if index is None else history[-1].status
        said = f", {placed.said}" if placed.said else ""
        if final is change.status:
            done = message_text(
                "task-updated", id=entry.id, status=change.status.value, day=day, said=said
            )
        else:
            done = message_text(
                "task-updated-now",
                id=entry.id,
                status=change.status.value,
                day=day,
                said=said,
                final=final.value,
            )
        messages = [done]
        if index is not None:
            messages.append(message_text("update-inserted"))

        edit = _history_edit(entry.id, chosen, day, index, final)
        return _Change(Path(entry.path), edit, messages, warnings)

    return _commit(
        root, as_of, prepare, force=force, dry_run=dry_run, lock_timeout=lock_timeout,
        command="update",
    )  # fmt: skip


# -- kehoach event ---------------------------------------------------------------------


def record_event(
    root: Path,
    change: EventRecord,
    *,
    as_of: dt.date,
    force: bool = False,
    dry_run: bool = False,
    lock_timeout: float | None = None,
) -> EditResult:
    """Record that an awaited event happened: ``occurred``, ``ref`` and ``note``."""
    ref = nfc(change.ref).strip() if change.ref else None
    note = nfc(change.note).strip() if change.note else None

    def prepare(plan: Plan) -> _Change:
        events_path = plan.event_paths.get(change.event_id, plan.events_path)
        if change.event_id not in plan.events or events_path is None:
            raise NotFound(
                message_text(
                    "no-such-event",
                    event_id=change.event_id,
                    suggestion=did_you_mean(change.event_id, list(plan.events)),
                )
            )
        event = plan.events[change.event_id]
        day = change.occurred
        refusals: list[str] = []
        if day > as_of:
            refusals.append(message_text("date-after-today", day=day, today=as_of))
        start = plan.plan_start
        if start is not None and day < start:
            refusals.append(message_text("date-before-plan", day=day, start=start))
        if event.occurred is not None and event.occurred != day:
            refusals.append(message_text("event-already-occurred", day=_day(event.occurred)))
        if ref and event.ref and event.ref != ref:
            refusals.append(message_text("event-already-has-ref", ref=event.ref))
        if refusals and not force:
            raise EditError(
                "\n".join(
                    [
                        message_text("event-refused", id=event.id),
                        *(f"- {r}" for r in refusals),
                        message_text("event-refused-hint"),
                    ]
                )
            )
        warnings = [message_text("forced", reason=r) for r in refusals]
        if ref:
            from kehoach.docref import find_docrefs

            bad = _check_docref_text(ref, "--ref", as_of, force)
            if not bad and not find_docrefs(ref, today=as_of):
                bad = [message_text("ref-without-docref", ref=ref)]
                if not force:
                    raise EditError(message_text("ref-not-a-docref", reason=bad[0]))
            warnings += [message_text("forced", reason=p) for p in bad]
        waiting = [
            e.id
            for e in plan.tasks
            if e.task.depends_on is not None and event.id in e.task.depends_on.events
        ]
        if ref:
            messages = [message_text("event-recorded-ref", id=event.id, day=day, ref=ref)]
        else:
            messages = [message_text("event-recorded", id=event.id, day=day)]
        if waiting:
            messages.append(message_text("event-waiting-tasks", ids=", ".join(waiting)))
        path = Path(events_path)
        in_file = (
            [e for e, p in plan.event_paths.items() if p == events_path]
            if plan.event_paths
            else list(plan.events)
        )  # a portfolio's shared events live in its own events.yaml
        index = in_file.index(event.id)

        def edit(text: str, display: str) -> str:
            editor = YamlEditor(text, display)
            events = editor.data.get("events") if isinstance(editor.data, dict) else None
            if not isinstance(events, list) or index >= len(events):
                raise EditError(message_text("edit-event-not-in-file", id=event.id, path=display))
            where: Path_ = ("events", index)
            if events[index].get("id") != event.id:
                raise EditError(message_text("edit-event-not-in-file", id=event.id, path=display))
            if events[index].get("occurred") != day:
                editor.set_value(where, "occurred", day, after=("description", "id"))
            if ref and events[index].get("ref") != ref:
                editor.set_value(where, "ref", ref, after=("occurred", "description", "id"))
            if note and note not in str(events[index].get("note") or ""):
                editor.append_paragraph(
                    where, "note", note, after=("ref", "occurred", "description", "id")
                )
            return editor.result()

        unchanged = message_text("event-unchanged", id=event.id)
        return _Change(path, edit, messages, warnings, unchanged)

    return _commit(
        root, as_of, prepare, force=force, dry_run=dry_run, lock_timeout=lock_timeout,
        command="event",
    )  # fmt: skip


# -- many updates at once (bulk update, collect) --------------------------------------


@dataclass
class BatchOutcome:
    """What became of one change of a batch."""

    index: int
    change: TaskUpdate
    kind: str  # "add" | "duplicate" | "conflict" | "refused"
    body: str | None = None
    path: str | None = None
    old_status: Status | None = None
    new_status: Status | None = None
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    round_name: str | None = None  # "kỳ năm 2019", "phần sơ kết 2020": what it records


@dataclass
class BatchResult:
    outcomes: list[BatchOutcome]
    files: list[EditResult]
    written: bool
    warnings: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[BatchOutcome]:
        return [o for o in self.outcomes if o.kind == kind]

    @property
    def changed(self) -> bool:
        return any(f.changed for f in self.files)

    def diff(self) -> str:
        return "".join(f.diff() for f in self.files)


class BatchRefused(EditError):
    """Some changes of a batch cannot be made; nothing was written."""

    def __init__(self, message: str, outcomes: list[BatchOutcome]) -> None:
        super().__init__(message)
        self.outcomes = outcomes


# A guard sees each task a change targets (and the change's index) and returns the
# reasons it must not be applied: collect uses it for "the task changed since the form".
Guard = Callable[[TaskEntry, int], list[str]]


@dataclass(frozen=True)
class _Entry:
    date: dt.date
    status: Status
    note: str
    evidence: str | None
    occurrence: str | None


def _same_entry(old: _Entry, new: _Entry) -> bool:
    """The same status on the same day (same occurrence) and nothing new in note or
    evidence: recording it again would add an identical entry."""
    return (
        old.date == new.date
        and old.status is new.status
        and (old.occurrence or None) == (new.occurrence or None)
        and (not new.note or new.note == old.note)
        and (not new.evidence or new.evidence == old.evidence)
    )


def update_tasks(
    root: Path,
    changes: list[TaskUpdate],
    *,
    as_of: dt.date,
    force: bool = False,
    dry_run: bool = False,
    skip_bad: bool = False,
    guard: Guard | None = None,
    lock_timeout: float | None = None,
    command: str = "update",
    summary_text: str | None = None,
) -> BatchResult:
    """Apply many updates, across any number of task files, as one change.

    Every change is checked first (task exists, dates, evidence, *guard*); the plan is
    then validated as a whole with all edits in place, under the plan lock, and every
    file is written atomically, all or nothing. A change that repeats an entry already
    in the history adds nothing (outcome "duplicate", with a warning). Refused changes
    stop the whole batch (:class:`BatchRefused`) unless *skip_bad*, which applies the
    others and reports the refused ones. Conflicts (*guard*) are never applied and never
    stop the others.
    """
    from kehoach.loading.plandir import display_path as show_path

    with _opened(root, as_of, dry_run=dry_run, lock_timeout=lock_timeout) as (plan, before):
        start = plan.plan_start
        histories: dict[str, list[_Entry]] = {}
        edits: dict[str, list[Callable[[str, str], str]]] = {}
        outcomes: list[BatchOutcome] = []
        for index, raw in enumerate(changes):
            outcome = BatchOutcome(index, raw, "add")
            outcomes.append(outcome)
            day = raw.date or as_of
            note = nfc(raw.note).strip()
            evidence = (nfc(raw.evidence).strip() or None) if raw.evidence else None
            occurrence = raw.occurrence.strip() if raw.occurrence else None
            change = TaskUpdate(raw.task_id, raw.status, day, note, evidence, occurrence)
            outcome.change = change
            found = [e for e in plan.tasks if e.id == change.task_id]
            if not found:
                outcome.kind = "refused"
                outcome.reasons.append(
                    message_text(
                        "batch-no-such-task",
                        task_id=change.task_id,
                        suggestion=did_you_mean(change.task_id, list(plan.by_id)),
                    )
                )
                continue
            if len(found) > 1:
                outcome.kind = "refused"
                outcome.reasons.append(
                    message_text("batch-duplicate-task-id", task_id=change.task_id)
                )
                continue
            entry = found[0]
            outcome.body = entry.body
            outcome.path = show_path(Path(entry.path))
            history = histories.setdefault(
                entry.id,
                [
                    _Entry(u.date, u.status, u.note, u.evidence, u.occurrence)
                    for u in entry.task.history
                ],
            )
            current = history[-1].status if history else entry.task.status
            outcome.old_status = current
            if occurrence and not _OCCURRENCE_RE.match(occurrence):
                outcome.kind = "refused"
                outcome.reasons.append(message_text("batch-bad-occurrence", occurrence=occurrence))
                continue
            try:
                placed = place_update(
                    plan, entry, [(u.date, u.status, u.occurrence) for u in history], day,
                    change.status, occurrence,
                )  # fmt: skip
            except OccurrenceRefused as refused_round:
                outcome.kind = "refused"
                outcome.reasons.append(refused_round.reason)
                continue
            occurrence = placed.occurrence
            change = replace(change, occurrence=occurrence)
            outcome.change = change
            outcome.round_name = placed.round_name
            new = _Entry(day, change.status, note, evidence, occurrence)
            if any(_same_entry(old, new) for old in history):
                outcome.kind = "duplicate"
                outcome.new_status = current
                outcome.warnings.append(
                    message_text(
                        "batch-already-recorded",
                        id=entry.id,
                        status=change.status.value,
                        day=_day(day),
                    )
                )
                continue
            if guard is not None:
                conflicts = guard(entry, index)
                if conflicts:
                    outcome.kind = "conflict"
                    outcome.reasons += conflicts
                    continue
            refusals: list[str] = []
            if day > as_of:
                refusals.append(message_text("date-after-today", day=day, today=as_of))
            if start is not None and day < start:
                refusals.append(message_text("date-before-plan", day=day, start=start))
            position: int | None = None
            later = placed.later_reason(day)  # history order is kept per round
            if later is not None:
                refusals.append(later)
            if history and day < history[-1].date:
                position = next(i for i, u in enumerate(history) if u.date > day)
            if evidence:
                from kehoach.docref import docref_problems

                refusals += [
                    message_text("bad-evidence", problem=p)
                    for p in docref_problems(evidence, today=as_of)
                ]
            if refusals and not force:
                outcome.kind = "refused"
                outcome.reasons += refusals
                continue
            outcome.warnings += [message_text("forced", reason=r) for r in refusals]
            if position is None:
                history.append(new)
            else:
                history.insert(position, new)
            final = history[-1].status
            outcome.new_status = final
            edits.setdefault(entry.path, []).append(
                _history_edit(entry.id, change, day, position, final)
            )
        refused = [o for o in outcomes if o.kind == "refused"]
        if refused and not skip_bad:
            lines = [message_text("batch-refused", count=len(refused))]
            lines += [f"- {o.change.task_id}: {' '.join(o.reasons)}" for o in refused]
            raise BatchRefused("\n".join(lines), outcomes)
        files: list[EditResult] = []
        originals: dict[Path, bytes] = {}
        for file, file_edits in edits.items():
            path = Path(file).resolve()
            display = show_path(Path(file))
            original = path.read_bytes()
            originals[path] = original
            old_text = _decode(original, display)
            text = old_text
            for edit in file_edits:
                text = edit(text, display)
            files.append(EditResult(Path(file), display, old_text, text, False))
        result = BatchResult(outcomes, files, False)
        changed = [f for f in files if f.changed]
        if not changed:
            return result
        _, after = validate_edited(root, {f.path.resolve(): f.new_text for f in changed}, as_of)
        added = new_problems(before, after, root)
        targets = {relative(str(f.path.resolve()), root) for f in changed}
        blocking = [
            p
            for p in added
            if not (force and p.code in FORCIBLE and relative(p.path, root) in targets)
        ]
        if blocking:
            raise EditRefused(
                message_text("edit-batch-would-break"),
                blocking,
            )
        result.warnings += [message_text("forced-problem", problem=p.render()) for p in added]
        if before:
            result.warnings.append(message_text("errors-before-edit", count=len(before)))
        if dry_run:
            return result
        count = len(result.of_kind("add"))
        text_summary = summary_text or (
            message_text("batch-summary", count=count)
            + ", ".join(
                f"{o.change.task_id} {o.change.status.value}" for o in result.of_kind("add")
            )
        )
        if len(text_summary) > 200:
            text_summary = text_summary[:197] + "…"
        result.warnings += write_files(
            root,
            [
                (f.path.resolve(), originals[f.path.resolve()], f.new_text.encode("utf-8"))
                for f in changed
            ],
            command,
            text_summary,
        )
        for f in changed:
            f.written = True
        result.written = True
        return result


def _history_edit(
    task_id: str, change: TaskUpdate, day: dt.date, index: int | None, final: Status
) -> Callable[[str, str], str]:
    def edit(text: str, display: str) -> str:
        editor = YamlEditor(text, display)
        where = _task_path(editor.data, task_id)
        if where is None:
            raise EditError(message_text("edit-task-not-in-file", task_id=task_id, path=display))
        task_data = editor.data
        for step in where:
            task_data = task_data[step]
        if task_data.get("status") != final.value:
            editor.set_value(where, "status", final.value, after=_TASK_KEYS_BEFORE_STATUS)
        editor.add_item(
            where,
            "history",
            _entry_pairs(change, day),
            index=index,
            after=("status", *_TASK_KEYS_BEFORE_STATUS),
        )
        return editor.result()

    return edit
