"""Due dates as iCalendar events (RFC 5545, written with the icalendar library).

One all-day event per due date of a task not yet done (overdue ones on their past
date), and one per occurrence of a recurring task, up to a year ahead. Each event
names the task id in its summary, its description and ``X-KEHOACH-TASK``, and has a
stable UID (task id, occurrence, plan), so importing a newer file updates the events.
"""

from __future__ import annotations

import datetime as dt

from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.states import State
from kehoach.selection import role_of


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def calendar_bytes(evaluation: Evaluation, body: str | None) -> tuple[bytes, int]:
    from icalendar import Calendar, Event

    plan = evaluation.plan
    calendar = Calendar()
    calendar.add("prodid", "-//kehoach//Kế hoạch thực hiện nghị quyết//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _short(plan.info.title, 60))
    stamp = dt.datetime.combine(evaluation.as_of, dt.time(), tzinfo=dt.UTC)
    horizon = evaluation.as_of + dt.timedelta(days=366)
    count = 0

    def add(
        state: TaskState, day: dt.date, label: str | None, done: bool, kind: str = "hạn"
    ) -> None:
        nonlocal count
        task = state.entry.task
        event = Event()
        suffix = f"-{label}" if label else ""
        event.add("uid", f"{task.id}{suffix}@{plan.info.id}.kehoach")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", f"[{task.id}] {kind}: {_short(task.title)}")
        lines = [
            task.title,
            f"Mã nhiệm vụ: {task.id} (xem: kehoach show {task.id})",
            f"Cơ quan: {plan.bodies.name(state.entry.body)}",
            f"Thời hạn: {task.deadline or '—'}",
            f"Tình trạng ngày {evaluation.as_of:%d/%m/%Y}: {state.state.label()}",
        ]
        if done:
            lines.append(f"Đã hoàn thành {kind.split()[0]} này.")  # kỳ / phần
        event.add("description", "\n".join(lines))
        event.add("categories", [state.entry.body])
        event.add("x-kehoach-task", task.id)
        calendar.add_component(event)
        count += 1

    for state in evaluation.states:
        entry = state.entry
        if entry.children or state.state is State.STOPPED:
            continue
        if body is not None and role_of(plan, entry, body) is None:
            continue
        if state.occurrences:
            for occ in state.occurrences:
                if occ.due <= horizon:
                    kind = f"{occ.noun} {occ.name}"
                    add(state, occ.due, occ.label, occ.done_on is not None, kind)
        elif state.due is not None and not state.state.done:
            add(state, state.due, None, False)
    return calendar.to_ical(), count
