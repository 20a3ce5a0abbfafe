"""``kehoach show``: one task on one screen, the reason for its state in words."""

from __future__ import annotations

import datetime as dt
import textwrap

from kehoach.app.tasks_view import TaskView
from kehoach.evaluation.evaluate import TaskState
from kehoach.evaluation.states import State

KINDS = {
    "by": "hoàn thành trước hạn",
    "from": "thực hiện từ một mốc",
    "recurring": "định kỳ",
    "continuous": "thường xuyên",
    "after": "sau một sự kiện",
    "term": "theo nhiệm kỳ",
    "none": "không có thời hạn",
    "on_demand": "khi phát sinh",
    "schedule": "theo lịch, kế hoạch khác",
}
EVERY = {
    "year": "hằng năm",
    "half-year": "6 tháng một lần",
    "quarter": "hằng quý",
    "month": "hằng tháng",
    "week": "hằng tuần",
}


def _day(value: dt.date | None) -> str:
    return "—" if value is None else f"{value:%d/%m/%Y}"


def reason(state: TaskState, period_label: str) -> str:
    """Why the task is in its state, in words."""
    s = state.state
    if s is State.OVERDUE:
        occurrence = ""
        if state.occurrences:
            missed = next((o for o in state.occurrences if o.state is State.OVERDUE), None)
            occurrence = f"{missed.noun} {missed.name} " if missed else ""
        return (
            f"{occurrence}quá hạn {state.days_overdue} ngày: hạn {_day(state.due)}, "
            "chưa ghi hoàn thành"
        )
    if s is State.DONE_LATE:
        late = (state.done_on - state.due).days if state.done_on and state.due else None
        extra = f", sau hạn {_day(state.due)} {late} ngày" if late is not None else ""
        return f"hoàn thành ngày {_day(state.done_on)}{extra}"
    if s is State.DONE_ON_TIME:
        due = f", hạn {_day(state.due)}" if state.due else ""
        done = _day(state.done_on) if state.done_on else "(không rõ ngày)"
        return f"hoàn thành ngày {done}{due}"
    if s is State.OPEN:
        return f"còn {state.days_left} ngày: hạn {_day(state.due)}"
    if s is State.NOT_DUE:
        return f"bắt đầu từ {_day(state.start)}" + (f", hạn {_day(state.due)}" if state.due else "")
    if s is State.WAITING:
        return "đang chờ: " + ", ".join(state.waiting_on) + " (chưa xảy ra / chưa xong)"
    if s is State.ONGOING:
        last = _day(state.last_update) if state.last_update else "chưa có"
        return f"thường xuyên; cập nhật gần nhất {last}"
    if s is State.STALE:
        last = _day(state.last_update) if state.last_update else "chưa có"
        return f"thường xuyên, chưa có cập nhật trong {period_label} (gần nhất: {last})"
    return "đã ghi dừng thực hiện"


def render_show(view: TaskView, width: int = 80) -> str:
    """Everything about one task, each line at most *width* wide."""
    evaluation = view.evaluation
    plan = evaluation.plan
    state = view.state
    entry = state.entry
    task = entry.task
    rule = state.rule
    lines: list[str] = []
    lines += textwrap.wrap(f"{task.id} — {task.title}", width) or [task.id]
    lines.append("")
    role = "chủ trì" if view.lead == entry.body else "phối hợp"
    lines.append(f"Cơ quan: {plan.bodies.name(entry.body)} ({role})")
    if view.lead != entry.body:
        lines.append(f"Chủ trì: {plan.bodies.name(view.lead)}")
    others = [p for p in view.partners if p != view.lead]
    if others:
        lines.append("Phối hợp: " + ", ".join(plan.bodies.name(p) for p in others))
    source = task.source
    deadline = task.deadline
    if not deadline and source is not None:
        default = plan.section_default(source.section)
        deadline = f"{default} (mặc định của mục {source.section})" if default else ""
    lines.append(f"Thời hạn: {deadline or '(không ghi)'}")
    parts = [KINDS.get(rule.kind, rule.kind)]
    if rule.every:
        parts.append(EVERY.get(rule.every, rule.every))
    if rule.start:
        parts.append(f"bắt đầu {_day(rule.start)}")
    if state.due:
        parts.append(f"hạn {_day(state.due)}")
    if rule.trigger:
        parts.append(f"điều kiện: {rule.trigger}")
    lines.append("Quy tắc: " + ", ".join(parts))
    lines.append(
        f"Tình trạng ngày {_day(evaluation.as_of)}: {state.state.label()} — "
        f"{reason(state, evaluation.period.label())}"
    )
    recorded = task.history[-1].status.value if task.history else task.status.value
    lines.append(f"Trạng thái đã ghi: {recorded}")
    if state.occurrences:
        lines.append(f"Các {state.occurrences[0].noun}:")
        shown = [o for o in state.occurrences if o.period_start <= evaluation.as_of]
        for occ in shown[-8:]:
            done = f", xong {_day(occ.done_on)}" if occ.done_on else ""
            lines.append(f"  {occ.name}: hạn {_day(occ.due)}{done} — {occ.state.label()}")
    lines.append("Lịch sử:" if task.history else "Lịch sử: (chưa có cập nhật)")
    for update in task.history:
        text = f"  {_day(update.date)}  {update.status.value}"
        if update.occurrence:
            text += f" (kỳ {update.occurrence})"
        if update.note:
            text += f" — {update.note}"
        lines += textwrap.wrap(text, width, subsequent_indent="      ") or [text]
        if update.evidence:
            lines.append(f"      văn bản: {update.evidence}")
    for event_id, description, occurred in view.waits_on_events:
        happened = f"đã xảy ra ngày {_day(occurred)}" if occurred else "chưa xảy ra"
        lines += textwrap.wrap(
            f"Chờ sự kiện: {event_id} — {description} ({happened})",
            width,
            subsequent_indent="    ",
        )
    for other in view.waits_on_tasks:
        lines.append(f"Chờ nhiệm vụ: {other.id} ({other.state.label()})")
    for other in view.waited_by:
        lines.append(f"Nhiệm vụ chờ việc này: {other.id} ({other.state.label()})")
    if view.parent is not None:
        lines.append(f"Thuộc nhiệm vụ: {view.parent.id}")
    for child in view.children:
        lines.append(f"Nhiệm vụ con: {child.id} ({child.state.label()})")
    where = []
    if source is not None:
        where.append(f"mục {source.section}")
        if source.item:
            where.append(f"ý {source.item}")
        if source.sub:
            where.append(f"ý con {source.sub}")
        if source.line:
            where.append(f"dòng {source.line} của văn bản gốc")
    file_part = entry.path + (f":{view.file_line}" if view.file_line else "")
    lines.append("Vị trí: " + ", ".join([*where, f"tệp {file_part}"]))
    return "\n".join(_fit(lines, width))


def _fit(lines: list[str], width: int) -> list[str]:
    """Every line folded to *width* (a word longer than that alone on its line), its
    continuation indented under its text."""
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        lead = " " * (len(line) - len(line.lstrip()) + 4)
        out += textwrap.wrap(  # a file path longer than a line stays whole, to copy
            line, width, subsequent_indent=lead, break_on_hyphens=False, break_long_words=False
        )
    return out
