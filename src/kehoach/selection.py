"""Which tasks a command is about: ids, a body (as lead or partner), states, a section."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kehoach.errors import UnknownName, UsageError
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.states import State
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.model import Role
from kehoach.suggest import did_you_mean
from kehoach.text import fold


def role_of(plan: Plan, entry: TaskEntry, body: str) -> Role | None:
    """The role *body* plays on the task: its own file's role, or partner when the task's
    lead names it among the partners (as the status counts do)."""
    if entry.body == body:
        return entry.task.role
    if entry.task.role is Role.LEAD and body in {
        plan.bodies.resolve(ref) for ref in entry.task.partners
    }:
        return Role.PARTNER
    return None


def parse_states(text: str) -> set[State]:
    """``overdue,stale`` → states; codes or Vietnamese labels, with or without diacritics."""
    wanted: set[State] = set()
    by_word: dict[str, State] = {}
    for state in State:
        by_word[state.value] = state
        by_word[fold(state.label())] = state
        by_word[state.value.replace("_", "-")] = state
    for part in text.split(","):
        word = part.strip()
        if not word:
            continue
        found = by_word.get(word.lower()) or by_word.get(fold(word))
        if found is None:
            hint = did_you_mean(word.lower(), [s.value for s in State])
            raise UsageError(
                f"Tình trạng '{word}' không hợp lệ.{hint} Chọn trong: "
                + ", ".join(s.value for s in State)
                + "."
            )
        wanted.add(found)
    return wanted


def in_section(entry: TaskEntry, section: str) -> bool:
    source = entry.task.source
    where = source.section if source is not None else entry.id
    wanted = section.strip().rstrip(".")
    return (
        where == wanted
        or where.startswith(wanted + ".")
        or (entry.id == wanted or entry.id.startswith(wanted + "."))
    )


@dataclass
class Selection:
    ids: list[str]
    body: str | None = None
    states: set[State] | None = None
    section: str | None = None
    search: str | None = None

    @property
    def filters(self) -> bool:
        return bool(self.body or self.states or self.section or self.search)


def matches_search(entry: TaskEntry, words: str) -> bool:
    """*words* appear in the task's id, text, deadline or note (diacritics, case, spacing
    and Unicode form ignored)."""
    hay = fold(" ".join([entry.id, entry.task.title, entry.task.deadline, entry.task.note]))
    return fold(words) in hay


def select(evaluation: Evaluation, selection: Selection) -> list[TaskState]:
    """Tasks named by id (in the order given) and/or matching every filter; with
    filters only, tasks that have sub-tasks are left out (their sub-tasks are chosen)."""
    plan = evaluation.plan
    chosen: Iterable[TaskState]
    if selection.ids:
        missing = [i for i in selection.ids if i not in evaluation.by_id]
        if missing:
            hint = did_you_mean(missing[0], list(evaluation.by_id))
            raise UnknownName(f"Không có nhiệm vụ '{missing[0]}'.{hint}")
        seen: set[str] = set()
        chosen = []
        for task_id in selection.ids:
            if task_id not in seen:
                seen.add(task_id)
                chosen.append(evaluation.by_id[task_id])
    else:
        chosen = [s for s in evaluation.states if not s.entry.children]
    out = []
    for state in chosen:
        entry = state.entry
        if selection.body and role_of(plan, entry, selection.body) is None:
            continue
        if selection.states and state.state not in selection.states:
            continue
        if selection.section and not in_section(entry, selection.section):
            continue
        if selection.search and not matches_search(entry, selection.search):
            continue
        out.append(state)
    return out


def listed(
    evaluation: Evaluation,
    *,
    body: str | None = None,
    states: set[State] | None = None,
    search: str | None = None,
) -> list[TaskState]:
    """What ``kehoach tasks`` lists: every task (parents too, in plan order) that concerns
    *body* (as lead or partner), is in one of *states* and contains *search*."""
    plan = evaluation.plan
    return [
        s
        for s in evaluation.states
        if (body is None or role_of(plan, s.entry, body) is not None)
        and (not states or s.state in states)
        and (not search or matches_search(s.entry, search))
    ]
