"""Workbooks for Excel (openpyxl): the report as sheets, and the task, overdue and status
lists of the other commands.

Vietnamese headers, the header row frozen, an autofilter over every table, column widths
and wrapped text that read well, dates as real dates shown dd/mm/yyyy, states as
Vietnamese labels coloured by their QĐ 42 group. Deterministic bytes: fixed document
properties and zip entry times.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.evaluation.states import ORDER, Category, State, category
from kehoach.render.reportdata import ReportData, TaskLine
from kehoach.render.reportform import period_phrase
from kehoach.render.reporttext import (
    GROUP_ORDER,
    NEVER_UPDATED,
    ROLE,
    group_label,
    group_rows,
)
from kehoach.render.zipfix import fixed_zip

DATE_FORMAT = "DD/MM/YYYY"
# (fill, font colour) per QĐ 42 group; stopped tasks are grey.
GROUP_COLOURS: dict[Category | None, tuple[str, str]] = {
    Category.DONE_ON_TIME: ("C6EFCE", "006100"),
    Category.DONE_LATE: ("FFEB9C", "7F6000"),
    Category.OPEN_IN_TIME: ("DDEBF7", "1F4E78"),
    Category.OPEN_OVERDUE: ("FFC7CE", "9C0006"),
    None: ("E7E6E6", "3A3838"),
}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    kind: str = "text"  # text | date | number | state


def _fill(group: Category | None) -> tuple[PatternFill, Font]:
    fill, font = GROUP_COLOURS[group]
    return PatternFill("solid", fgColor=fill), Font(color=font)


def _table(
    sheet: Worksheet,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    *,
    top: int = 1,
    total: Sequence[Any] | None = None,
    freeze: bool = True,
) -> None:
    """A header row at *top*, then *rows*; frozen header, autofilter, widths, wrap."""
    for index, column in enumerate(columns, 1):
        head = sheet.cell(row=top, column=index, value=column.title)
        head.font = Font(bold=True)
        head.fill = HEADER_FILL
        head.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        head.border = BORDER
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(
            column.width, sheet.column_dimensions[letter].width or 0
        )
    for offset, values in enumerate(rows, 1):
        for index, (column, value) in enumerate(zip(columns, values, strict=True), 1):
            cell = sheet.cell(row=top + offset, column=index)
            cell.border = BORDER
            cell.alignment = WRAP
            if column.kind == "state" and isinstance(value, State):
                cell.value = value.label()
                cell.fill, cell.font = _fill(category(value))
            elif column.kind == "group" and isinstance(value, Category):
                cell.value = group_label(value)
                cell.fill, cell.font = _fill(value)
            else:
                cell.value = value
            if column.kind == "date" and isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
    last = top + len(rows)
    if rows:
        sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(columns))}{last}"
    if total is not None:
        last += 1
        for index, value in enumerate(total, 1):
            cell = sheet.cell(row=last, column=index, value=value)
            cell.font = Font(bold=True)
            cell.border = BORDER
    if freeze:
        sheet.freeze_panes = f"A{top + 1}"
        sheet.print_title_rows = f"{top}:{top}"
    print_landscape(sheet)


def print_landscape(sheet: Worksheet) -> None:
    """Printing: A4 landscape, every column on one page width, as many pages down as
    needed (the reports' sheets and the progress forms)."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


TASK_COLUMNS = [
    Column("Mã", 12),
    Column("Nhiệm vụ", 60),
    Column("Cơ quan chủ trì", 28),
    Column("Thời hạn (nguyên văn)", 30),
    Column("Hạn", 12, "date"),
    Column("Tình trạng", 26, "state"),
    Column("Nhóm (QĐ 42)", 24, "group"),
    Column("Cập nhật gần nhất", 14, "date"),
    Column("Số ngày quá hạn", 10, "number"),
]


def _task_rows(lines: Sequence[TaskLine]) -> list[list[Any]]:
    return [
        [
            t.id,
            t.title,
            t.lead,
            t.deadline_text,
            t.due,
            t.state,
            t.group if t.group is not None else State.STOPPED.label(),
            t.date,
            t.days or 0,
        ]
        for t in lines
    ]


def _new() -> Workbook:
    book = Workbook()
    for sheet in list(book.worksheets):
        book.remove(sheet)
    return book


def _bytes(book: Workbook, day: dt.date, title: str) -> bytes:
    stamp = dt.datetime(day.year, day.month, day.day)
    props = book.properties
    props.creator = "kehoach"
    props.lastModifiedBy = "kehoach"
    props.title = title[:255]
    props.created = stamp
    props.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    blob = buffer.getvalue()
    # openpyxl stamps docProps/core.xml "modified" with the time of saving: put ours back.
    import zipfile

    core = zipfile.ZipFile(io.BytesIO(blob)).read("docProps/core.xml").decode("utf-8")
    import re

    fixed = re.sub(
        r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
        rf"\g<1>{stamp:%Y-%m-%dT%H:%M:%SZ}\g<2>",
        core,
    )
    return fixed_zip(blob, {"docProps/core.xml": fixed.encode("utf-8")})


def _summary_sheet(book: Workbook, data: ReportData) -> None:
    sheet = book.create_sheet("Tổng hợp")
    whose = f" — {data.body_name}" if data.body_name else ""  # a body's own report
    sheet["A1"] = f"Báo cáo kết quả thực hiện {data.plan_title}{whose}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A1"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A1:C1")
    sheet.row_dimensions[1].height = 66
    sheet["A2"] = f"Kỳ báo cáo: {period_phrase(data.period)}"
    sheet["A3"] = "Số liệu tính đến ngày"
    sheet["B3"] = data.as_of
    sheet["B3"].number_format = DATE_FORMAT
    rows: list[list[Any]] = []
    for label, count in group_rows(data):
        rows.append([label, count, count / data.total if data.total else 0])
    _table(
        sheet,
        [Column("Nhóm (QĐ 42/2014/QĐ-TTg)", 48), Column("Số nhiệm vụ", 14), Column("Tỷ lệ", 10)],
        rows,
        top=5,
        total=["Tổng", data.total, 1 if data.total else 0],
    )
    for row in range(6, 6 + len(rows) + 1):
        sheet.cell(row=row, column=3).number_format = "0.0%"
    for offset, group in enumerate(GROUP_ORDER):
        sheet.cell(row=6 + offset, column=1).fill, sheet.cell(row=6 + offset, column=1).font = (
            _fill(group)
        )
    after = 6 + len(rows) + 2
    sheet.cell(row=after, column=1, value=f"{NEVER_UPDATED} (chưa từng cập nhật)")
    sheet.cell(row=after, column=2, value=data.never_updated)
    after += 2
    state_rows = [[s, data.states[s]] for s in ORDER]
    _table(
        sheet,
        [Column("Tình trạng", 48, "state"), Column("Số nhiệm vụ", 14)],
        state_rows,
        top=after,
        total=["Tổng", data.total],
        freeze=False,
    )
    sheet.auto_filter.ref = f"A5:C{5 + len(rows)}"


def _bodies_sheet(book: Workbook, data: ReportData) -> None:
    sheet = book.create_sheet("Theo cơ quan")
    states = data.shown_states
    columns = [
        Column("Cơ quan", 44),
        Column("Vai trò", 10),
        *[Column(s.label(), 14, "number") for s in states],
        *[Column(group_label(g), 14, "number") for g in GROUP_ORDER],
        Column("Tổng", 8, "number"),
    ]
    rows = [
        [
            b.name,
            ROLE[b.role],
            *[b.counts[s] for s in states],
            *[b.groups[g] for g in GROUP_ORDER],
            b.total,
        ]
        for b in data.bodies
    ]
    total = [
        "Tổng (mỗi nhiệm vụ tính một lần)",
        "",
        *[data.states[s] for s in states],
        *[data.groups[g] for g in GROUP_ORDER],
        data.total,
    ]
    _table(sheet, columns, rows, total=total)
    sheet.row_dimensions[1].height = 45


def _with_role(
    columns: list[Column], rows: list[list[Any]], lines: Sequence[TaskLine]
) -> tuple[list[Column], list[list[Any]]]:
    """In a body's own report, a "Vai trò" column after the id (chủ trì, phối hợp)."""
    if not any(t.role for t in lines):
        return columns, rows
    with_role = [[row[0], t.role or "", *row[1:]] for row, t in zip(rows, lines, strict=True)]
    return [columns[0], Column("Vai trò", 12), *columns[1:]], with_role


def _task_sheet(book: Workbook, name: str, lines: Sequence[TaskLine]) -> None:
    sheet = book.create_sheet(name)
    _table(sheet, *_with_role(TASK_COLUMNS, _task_rows(lines), lines))


def _overdue_sheet(book: Workbook, lines: Sequence[TaskLine]) -> None:
    sheet = book.create_sheet("Quá hạn")
    columns = [
        Column("Mã", 12),
        Column("Nhiệm vụ", 60),
        Column("Cơ quan chủ trì", 28),
        Column("Hạn", 12, "date"),
        Column("Số ngày quá hạn", 10, "number"),
        Column("Tình trạng", 26, "state"),
    ]
    rows = [[t.shown, t.title, t.lead, t.due, t.days or 0, t.state] for t in lines]
    _table(sheet, *_with_role(columns, rows, lines))


def _completed_sheet(book: Workbook, lines: Sequence[TaskLine]) -> None:
    sheet = book.create_sheet("Hoàn thành trong kỳ")
    columns = [
        Column("Mã", 14),
        Column("Nhiệm vụ", 60),
        Column("Cơ quan chủ trì", 28),
        Column("Ngày hoàn thành", 14, "date"),
        Column("Văn bản", 36),
    ]
    rows = [[t.ident, t.title, t.lead, t.date, t.detail] for t in lines]
    _table(sheet, columns, rows)


def _next_due_sheet(book: Workbook, lines: Sequence[TaskLine]) -> None:
    """What falls due in the next period: each part and occurrence, named as in the other
    formats ("III.2.1 (III.2.1.a 2020)")."""
    sheet = book.create_sheet("Đến hạn kỳ tới")
    columns = [
        Column("Mã", 18),
        Column("Nhiệm vụ", 60),
        Column("Cơ quan chủ trì", 28),
        Column("Hạn", 12, "date"),
    ]
    rows = [[t.shown, t.title, t.lead, t.due] for t in lines]
    _table(sheet, *_with_role(columns, rows, lines))


def report_workbook(data: ReportData) -> bytes:
    book = _new()
    _summary_sheet(book, data)
    _bodies_sheet(book, data)
    _task_sheet(book, "Nhiệm vụ", data.tasks)
    _overdue_sheet(book, data.overdue)
    _completed_sheet(book, data.completed)
    _next_due_sheet(book, data.next_due)
    return _bytes(book, data.as_of, f"Báo cáo {period_phrase(data.period)}")


def tasks_workbook(lines: Sequence[TaskLine], as_of: dt.date) -> bytes:
    book = _new()
    _task_sheet(book, "Nhiệm vụ", lines)
    return _bytes(book, as_of, "Nhiệm vụ")


def overdue_workbook(lines: Sequence[TaskLine], as_of: dt.date) -> bytes:
    book = _new()
    _overdue_sheet(book, lines)
    return _bytes(book, as_of, "Nhiệm vụ quá hạn")


def status_workbook(data: ReportData) -> bytes:
    book = _new()
    _summary_sheet(book, data)
    _bodies_sheet(book, data)
    return _bytes(book, data.as_of, "Tình hình thực hiện")
