"""Words and small tables the document renderers share, so docx, xlsx and HTML say the
same things with the same numbers (all taken from ReportData, none recounted)."""

from __future__ import annotations

import datetime as dt

from kehoach.evaluation.states import CATEGORY_LABELS, Category, State
from kehoach.render.reportdata import ReportData

GROUP_ORDER = [
    Category.DONE_ON_TIME,
    Category.DONE_LATE,
    Category.OPEN_IN_TIME,
    Category.OPEN_OVERDUE,
]
ROLE = {"lead": "Chủ trì", "partner": "Phối hợp"}
NEVER_UPDATED = "Chưa có thông tin"
STOPPED = State.STOPPED.label()


def d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else "—"


def percent(part: int, total: int) -> str:
    """Vietnamese writes the decimal comma: 22,2%."""
    return f"{100 * part / total:.1f}%".replace(".", ",") if total else "0%"


def group_label(group: Category) -> str:
    return CATEGORY_LABELS["vi"][group]


def group_rows(data: ReportData) -> list[tuple[str, int]]:
    """The four QĐ 42 groups, then stopped tasks when there are any; they add up to the
    total."""
    rows = [(group_label(g), data.groups[g]) for g in GROUP_ORDER]
    if data.stopped:
        rows.append((f"{STOPPED} (không tính vào 4 nhóm)", data.stopped))
    return rows


def shown_groups(data: ReportData) -> list[Category]:
    """Groups some body has: all-zero columns are left out of the by-body table."""
    return [g for g in GROUP_ORDER if any(b.groups[g] for b in data.bodies)]


def body_group_rows(data: ReportData) -> tuple[list[str], list[list[str]], list[str]]:
    groups = shown_groups(data)
    header = ["Cơ quan", "Vai trò", *[group_label(g) for g in groups], "Tổng"]
    rows = [
        [b.name, ROLE[b.role], *[str(b.groups[g]) for g in groups], str(b.total)]
        for b in data.bodies
    ]
    total = ["Tổng (mỗi nhiệm vụ tính một lần)", "", *[str(data.groups[g]) for g in groups]]
    total.append(str(data.total))
    return header, rows, total


def summary_sentence(data: ReportData) -> str:
    g = data.groups
    parts = [
        f"đã hoàn thành đúng hạn {g[Category.DONE_ON_TIME]} "
        f"({percent(g[Category.DONE_ON_TIME], data.total)})",
        f"đã hoàn thành quá hạn {g[Category.DONE_LATE]} "
        f"({percent(g[Category.DONE_LATE], data.total)})",
        f"chưa hoàn thành, trong hạn {g[Category.OPEN_IN_TIME]} "
        f"({percent(g[Category.OPEN_IN_TIME], data.total)})",
        f"chưa hoàn thành, quá hạn {g[Category.OPEN_OVERDUE]} "
        f"({percent(g[Category.OPEN_OVERDUE], data.total)})",
    ]
    text = f"Tổng số {data.total} nhiệm vụ, trong đó: " + "; ".join(parts)
    if data.stopped:
        text += f"; dừng thực hiện {data.stopped}"
    text += (
        f". {NEVER_UPDATED}: {data.never_updated} nhiệm vụ chưa từng được cập nhật tiến độ "
        "(đã tính trong các nhóm trên)."
    )
    if data.undated:
        text += (
            f" Chưa xác định thời hạn: {data.undated} nhiệm vụ (đã tính trong nhóm chưa hoàn "
            "thành, trong hạn)."
        )
    return text
