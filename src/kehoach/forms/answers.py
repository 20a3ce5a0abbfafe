"""Turning the rows of filled forms into updates, or into refusals that say where."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.edit.operations import TaskUpdate
from kehoach.errors import InputError
from kehoach.evaluation.evaluate import Evaluation
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.forms.sheets import RawForm, RawRow
from kehoach.messages import text as message_text
from kehoach.model import Status
from kehoach.text import nfc, squash_spaces


@dataclass(frozen=True)
class RowChange:
    where: str
    change: TaskUpdate
    fingerprint: str


@dataclass(frozen=True)
class RowRefusal:
    where: str
    task_id: str
    reason: str

    def render(self) -> str:
        task = f" ({self.task_id})" if self.task_id else ""
        return f"{self.where}{task}: {self.reason}"


def _text(value: object) -> str:
    if value is None:
        return ""
    return squash_spaces(nfc(str(value)))


def parse_cell_date(value: object) -> dt.date:
    """A date cell: a real date, or text in the usual forms (20/9/2019, 2019-09-20,
    20-09-2019, 20.9.2019, "ngày 20/9/2019")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        raise InputError(message_text("form-date-is-number", value=value))
    from kehoach.dates import parse_user_date

    text = _text(value)
    if text.casefold().startswith("ngày"):
        text = text[4:].strip()
    return parse_user_date(text, what="ngày")


def default_day(period: ReportPeriod, as_of: dt.date) -> dt.date:
    """The day of a row with no date: today, or the period's last day once it is over."""
    return min(as_of, period.end)


def interpret(
    form: RawForm,
    evaluation: Evaluation,
    period: ReportPeriod,
    as_of: dt.date,
) -> tuple[list[RowChange], list[RowRefusal], int]:
    """The updates a form asks for, the rows refused (with the reason), and how many
    rows were left blank."""
    from kehoach.edit.words import parse_status

    plan = evaluation.plan
    body = form.meta.get("body", "")
    body_name = plan.bodies.name(body)
    changes: list[RowChange] = []
    refusals: list[RowRefusal] = []
    blank = 0
    seen: dict[str, str] = {}
    for row in form.rows:
        if row.blank:
            blank += 1
            continue
        refusal = _check_row(row, form, evaluation, seen)
        if refusal:
            refusals.append(RowRefusal(row.where, row.task_id, refusal))
            continue
        seen[row.task_id] = row.where
        issued = form.issued[row.task_id]
        status_text = _text(row.values["Trạng thái"])
        if not status_text:
            refusals.append(RowRefusal(row.where, row.task_id, message_text("form-no-status")))
            continue
        try:
            status = parse_status(status_text)
        except InputError as exc:
            refusals.append(RowRefusal(row.where, row.task_id, exc.message))
            continue
        if issued.role == "partner" and status in (Status.DONE, Status.STOPPED):
            refusals.append(
                RowRefusal(
                    row.where,
                    row.task_id,
                    message_text("form-partner-status", status=status.value),
                )
            )
            continue
        raw_day = row.values["Ngày"]
        if raw_day is None or _text(raw_day) == "":
            day = default_day(period, as_of)
        else:
            try:
                day = parse_cell_date(raw_day)
            except InputError as exc:
                refusals.append(RowRefusal(row.where, row.task_id, exc.message))
                continue
        occurrence, problem = _occurrence(row, evaluation)
        if problem:
            refusals.append(RowRefusal(row.where, row.task_id, problem))
            continue
        result = _text(row.values["Kết quả thực hiện"])
        if issued.role == "partner" and result:
            result = f"{body_name} (phối hợp): {result}"
        evidence = _text(row.values["Văn bản (số/ký hiệu, ngày)"]) or None
        change = TaskUpdate(row.task_id, status, day, result, evidence, occurrence)
        changes.append(RowChange(row.where, change, issued.fingerprint))
    return changes, refusals, blank


def _check_row(
    row: RawRow, form: RawForm, evaluation: Evaluation, seen: dict[str, str]
) -> str | None:
    if not row.task_id:
        return message_text("form-row-without-id")
    if row.task_id not in form.issued:
        return message_text("form-row-not-issued", id=row.task_id)
    if row.task_id not in evaluation.by_id:
        return message_text("form-row-gone", id=row.task_id)
    if row.task_id in seen:
        return message_text("form-row-twice", id=row.task_id, where=seen[row.task_id])
    return None


def _occurrence(row: RawRow, evaluation: Evaluation) -> tuple[str | None, str | None]:
    """The occurrence the row reports on (None for a task that does not recur)."""
    state = evaluation.by_id[row.task_id]
    text = _text(row.values.get("Kỳ (định kỳ)")) if "Kỳ (định kỳ)" in row.values else ""
    if not text:
        return None, None
    labels = [occ.label for occ in state.occurrences]
    if not labels:
        return None, message_text("form-round-not-recurring", text=text)
    wanted = text.upper().replace(" ", "")
    if wanted not in labels:
        shown = ", ".join(labels[-4:])
        noun = state.occurrences[0].noun  # "kỳ", or "phần" for labelled parts
        return None, message_text("form-not-a-round", noun=noun, text=text, examples=shown)
    return wanted, None
