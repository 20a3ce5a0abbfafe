"""Which tasks a command is about: ids, a body (as lead or partner), states, a section."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kehoach.errors import UnknownName, UsageError
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.states import State
from kehoach.idorder import id_sort_key
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.messages import text as message_text
from kehoach.model import Role
from kehoach.suggest import did_you_mean
from kehoach.text import fold


def role_of(plan: Plan, entry: TaskEntry, body: str) -> Role | None:
    """The role *body* plays on the task: its own file's role, or partner when the task
    names it among the partners (the tasks ``counting.concerns`` counts for the body)."""
    if entry.body == body:
        return entry.task.role
    if body in {plan.bodies.resolve(ref) for ref in entry.task.partners}:
        return Role.PARTNER
    return None


# The words a clerk types for a state filter, matched with or without diacritics, with
# spaces or hyphens; "hoàn-thành" means both done states. The full labels and the codes
# (overdue, stale …) work too.
_STATE_WORDS: dict[str, frozenset[State]] = {
    "quá-hạn": frozenset({State.OVERDUE}),
    "trong-hạn": frozenset({State.OPEN}),
    "chưa-đến-hạn": frozenset({State.NOT_DUE}),
    "chờ-điều-kiện": frozenset({State.WAITING}),
    "thường-xuyên": frozenset({State.ONGOING}),
    "chưa-cập-nhật": frozenset({State.STALE}),
    "chưa-rõ-hạn": frozenset({State.UNDATED}),
    "dừng": frozenset({State.STOPPED}),
    "hoàn-thành": frozenset({State.DONE_ON_TIME, State.DONE_LATE}),
    "đúng-hạn": frozenset({State.DONE_ON_TIME}),
    "hoàn-thành-quá-hạn": frozenset({State.DONE_LATE}),
}


def _state_key(word: str) -> str:
    return " ".join(fold(word).replace("-", " ").replace("_", " ").split())


def parse_states(text: str) -> set[State]:
    """``quá-hạn,chưa-cập-nhật`` or ``overdue,stale`` → states."""
    shown: dict[str, str] = {_state_key(word): word for word in _STATE_WORDS}
    by_key = {_state_key(word): states for word, states in _STATE_WORDS.items()}
    for state in State:
        by_key.setdefault(_state_key(state.value), frozenset({state}))
        by_key.setdefault(_state_key(state.label()), frozenset({state}))
        shown.setdefault(_state_key(state.value), state.value)
    whole = by_key.get(_state_key(text))
    if whole is not None:  # a full label holds a comma: "Chưa hoàn thành, quá hạn"
        return set(whole)
    wanted: set[State] = set()
    for part in text.split(","):
        if not part.strip():
            continue
        found = by_key.get(_state_key(part))
        if found is None:
            word = part.strip()
            hint = did_you_mean(_state_key(word), list(shown), shown=shown)
            raise UsageError(
                message_text(
                    "bad-state-filter",
                    word=word,
                    suggestion=hint,
                    words=", ".join(_STATE_WORDS),
                    codes=", ".join(s.value for s in State),
                )
            )
        wanted |= found
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
            raise UnknownName(message_text("no-such-task", task_id=missing[0], suggestion=hint))
        seen: set[str] = set()
        chosen = []
        for task_id in selection.ids:
            if task_id not in seen:
                seen.add(task_id)
                chosen.append(evaluation.by_id[task_id])
    else:
        chosen = sorted(
            (s for s in evaluation.states if not s.entry.children), key=lambda s: id_sort_key(s.id)
        )
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
    *body* (as lead or partner), is in one of *states* and contains *search*; in the order of
    the plan document (natural id order), not the order of the body files."""
    plan = evaluation.plan
    chosen = [
        s
        for s in evaluation.states
        if (body is None or role_of(plan, s.entry, body) is not None)
        and (not states or s.state in states)
        and (not search or matches_search(s.entry, search))
    ]
    return sorted(chosen, key=lambda s: id_sort_key(s.id))
