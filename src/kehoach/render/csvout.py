"""CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the diacritics), Vietnamese
headers and labels by default; ``--lang en`` gives the stable codes for scripts."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.states import ORDER

BOM = "\ufeff"
ROLE_VI = {"lead": "chủ trì", "partner": "phối hợp"}


def _write(rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return BOM + buffer.getvalue()


def _d(day: object, lang: str) -> str:
    if day is None:
        return ""
    return day.isoformat() if lang == "en" else f"{day:%d/%m/%Y}"  # type: ignore[attr-defined]


def status_csv(evaluation: Evaluation, body: str | None = None, lang: str = "vi") -> str:
    figures = counting.tally(evaluation, body)
    if lang == "en":
        rows: list[list[object]] = [["body", "name", "role", *[s.value for s in ORDER], "total"]]
        rows += [
            [r.body, r.name, r.role, *[r.counts.get(s, 0) for s in ORDER], r.total]
            for r in figures.rows
        ]
        # the same two closing rows as the Vietnamese table, named by codes in "role"
        rows.append(["", "", "total", *[figures.states.get(s, 0) for s in ORDER], figures.total])
        rows.append(["", "", "never_updated", *["" for _ in ORDER], figures.never_updated])
        return _write(rows)
    rows = [["Mã cơ quan", "Cơ quan", "Vai trò", *[s.label() for s in ORDER], "Tổng"]]
    rows += [
        [r.body, r.name, ROLE_VI[r.role], *[r.counts.get(s, 0) for s in ORDER], r.total]
        for r in figures.rows
    ]
    rows.append(
        [
            "",
            "Tổng (mỗi nhiệm vụ tính một lần)",
            "",
            *[figures.states.get(s, 0) for s in ORDER],
            figures.total,
        ]
    )
    # beside the four groups, not one of the states: its figure stands in the total column
    no_info = "Chưa có thông tin (chưa từng được cập nhật, đã tính ở trên)"
    rows.append(["", no_info, "", *["" for _ in ORDER], figures.never_updated])
    return _write(rows)


def _lead(evaluation: Evaluation, state: TaskState) -> str:
    return evaluation.plan.bodies.name(state.entry.body)


def tasks_csv(evaluation: Evaluation, states: Sequence[TaskState], lang: str = "vi") -> str:
    if lang == "en":
        rows: list[list[object]] = [
            [
                "id",
                "title",
                "body",
                "role",
                "deadline_text",
                "due",
                "state",
                "days_overdue",
                "last_update",
            ]
        ]
        rows += [
            [
                s.id,
                " ".join(s.entry.task.title.split()),
                s.entry.body,
                s.entry.task.role.code,
                s.entry.task.deadline or "",
                _d(s.due, lang),
                s.state.value,
                s.days_overdue,
                _d(s.last_update, lang),
            ]
            for s in states
        ]
        return _write(rows)
    rows = [
        [
            "Mã",
            "Nhiệm vụ",
            "Cơ quan",
            "Vai trò",
            "Thời hạn (nguyên văn)",
            "Hạn",
            "Tình trạng",
            "Số ngày quá hạn",
            "Cập nhật gần nhất",
        ]
    ]
    rows += [
        [
            s.id,
            " ".join(s.entry.task.title.split()),
            _lead(evaluation, s),
            s.entry.task.role.value,
            s.entry.task.deadline or "",
            _d(s.due, lang),
            s.state.label(),
            s.days_overdue,
            _d(s.last_update, lang),
        ]
        for s in states
    ]
    return _write(rows)


def overdue_csv(evaluation: Evaluation, late: Sequence[TaskState], lang: str = "vi") -> str:
    if lang == "en":
        rows: list[list[object]] = [["id", "title", "body", "due", "days_overdue"]]
        rows += [
            [
                s.id,
                " ".join(s.entry.task.title.split()),
                s.entry.body,
                _d(s.due, lang),
                s.days_overdue,
            ]
            for s in late
        ]
        return _write(rows)
    from kehoach.render.reportdata import caused, shown_id

    rows = [["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Số ngày quá hạn"]]
    rows += [
        [
            shown_id(s.id, caused(evaluation, s)),  # "III.5.2 (2018)", as in the table
            " ".join(s.entry.task.title.split()),
            _lead(evaluation, s),
            _d(s.due, lang),
            s.days_overdue,
        ]
        for s in late
    ]
    return _write(rows)
