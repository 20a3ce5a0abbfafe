"""What goes on a body's progress form, independent of the file format.

A form lists the body's tasks (as lead and as partner) with what the body needs to
answer, and carries what ``collect`` needs to check the answers: the plan's identity,
the period, and a fingerprint of each task's record when the form was issued.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.evaluation.states import State
from kehoach.loaded_plan import Plan
from kehoach.model import Role, Status, Task
from kehoach.selection import role_of

FORMAT_VERSION = 1
STATUS_WORDS = tuple(status.value for status in Status)

# Column headers of the sheet (and of the docx table), in order. The first six are
# filled by kehoach; the last four by the body.
HEADERS = (
    "Mã",
    "Nội dung nhiệm vụ",
    "Vai trò",
    "Thời hạn",
    "Tình trạng khi lập phiếu",
    "Kỳ (định kỳ)",
    "Trạng thái",
    "Ngày",
    "Kết quả thực hiện",
    "Văn bản (số/ký hiệu, ngày)",
)
FILLED = HEADERS[6:]


def fingerprint(task: Task) -> str:
    """A short hash of the task's own record (sub-tasks left out): any edit changes it."""
    data = task.model_dump(mode="json", exclude={"subtasks"})
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def plan_identity(plan: Plan) -> str:
    """What tells one plan from another: its id, number and issuer."""
    info = plan.info
    text = "|".join([info.id, info.number or "", info.issuer])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class FormRow:
    task_id: str
    title: str
    role: Role
    deadline: str
    state: str
    occurrence: str | None
    fingerprint: str


@dataclass(frozen=True)
class FormContent:
    plan_id: str
    plan_title: str
    identity: str
    body_id: str
    body_name: str
    period: ReportPeriod
    issued_on: dt.date
    rows: list[FormRow]

    @property
    def title(self) -> str:
        return f"Phiếu báo cáo tiến độ {self.period.label()} — {self.body_name}"

    def meta(self) -> dict[str, str]:
        """The hidden part of the form: plain strings, one per key."""
        return {
            "format": f"kehoach-form/{FORMAT_VERSION}",
            "plan": self.plan_id,
            "identity": self.identity,
            "body": self.body_id,
            "period": self.period.code,
            "cutoff": self.period.cutoff,
            "issued": self.issued_on.isoformat(),
        }


def open_occurrence(state: TaskState, period: ReportPeriod) -> str | None:
    """The occurrence of a recurring task the body should report on: the earliest one not
    done that has begun by the end of the period."""
    for occ in state.occurrences:
        if occ.period_start <= period.end and occ.done_on is None:
            return occ.label
    return None


def _deadline_text(plan: Plan, state: TaskState) -> str:
    text = state.entry.task.deadline or plan.section_default(
        state.entry.task.source.section if state.entry.task.source else None
    )
    if state.due is not None:
        text = f"{text} (hạn {state.due:%d/%m/%Y})" if text else f"hạn {state.due:%d/%m/%Y}"
    return text


def _state_text(state: TaskState) -> str:
    label = state.state.label()
    if state.days_overdue:
        return f"{label} ({state.days_overdue} ngày)"
    return label


def asked(state: TaskState, period: ReportPeriod) -> bool:
    """Whether the form asks about this task: not a parent (its sub-tasks are asked),
    not stopped, not done before the period began."""
    if state.entry.children or state.state is State.STOPPED:
        return False
    if state.state.done and state.done_on is not None and state.done_on < period.start:
        return bool(state.occurrences) and open_occurrence(state, period) is not None
    return True


def form_content(evaluation: Evaluation, body: str, period: ReportPeriod) -> FormContent:
    plan = evaluation.plan
    rows = []
    for state in evaluation.states:
        role = role_of(plan, state.entry, body)
        if role is None or not asked(state, period):
            continue
        task = state.entry.task
        rows.append(
            FormRow(
                task_id=task.id,
                title=task.title,
                role=role,
                deadline=_deadline_text(plan, state),
                state=_state_text(state),
                occurrence=open_occurrence(state, period) if state.occurrences else None,
                fingerprint=fingerprint(task),
            )
        )
    return FormContent(
        plan_id=plan.info.id,
        plan_title=plan.info.title,
        identity=plan_identity(plan),
        body_id=body,
        body_name=plan.bodies.name(body),
        period=period,
        issued_on=evaluation.as_of,
        rows=rows,
    )


def bodies_with_tasks(evaluation: Evaluation, period: ReportPeriod) -> list[str]:
    """Every body asked about at least one task, in registry order."""
    plan = evaluation.plan
    found = []
    for body in plan.bodies.by_id:
        if any(
            role_of(plan, s.entry, body) is not None and asked(s, period) for s in evaluation.states
        ):
            found.append(body)
    return found
