"""Forms as Excel workbooks (openpyxl), and reading them back once filled in.

The visible sheet "Báo cáo" holds the plan's title, the body, the period and one row
per task; the body fills the last four columns (the status column has a drop-down of
the four status words). The hidden sheet "kehoach" holds what ``collect`` checks: the
plan's identity, the period, and each task's fingerprint at the time of issue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.errors import InputError
from kehoach.forms.content import FILLED, HEADERS, STATUS_WORDS, FormContent
from kehoach.importer.reading import _reason
from kehoach.messages import os_reason
from kehoach.messages import text as message_text

SHEET = "Báo cáo"
META_SHEET = "kehoach"
MAX_BYTES = 20 * 1024 * 1024
READ = ("Kỳ (định kỳ)", *FILLED)  # the occurrence is filled in advance but may be changed
WIDTHS = (10, 60, 10, 28, 24, 10, 18, 12, 40, 32)


def write_xlsx(content: FormContent, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet["A1"] = content.plan_title
    sheet["A1"].font = Font(bold=True)
    sheet["A2"] = f"Cơ quan báo cáo: {content.body_name}"
    sheet["A3"] = (
        f"Kỳ báo cáo: {content.period.label()} "
        f"({content.period.start:%d/%m/%Y} – {content.period.end:%d/%m/%Y}); "
        f"phiếu lập ngày {content.issued_on:%d/%m/%Y}."
    )
    sheet["A4"] = (
        "Hướng dẫn: điền các cột Trạng thái (chọn trong danh sách), Ngày (ví dụ 20/9/2019), "
        "Kết quả thực hiện và Văn bản (ví dụ Báo cáo số 12-BC/BTCTU ngày 20/9/2019). "
        "Để trống dòng không có gì mới. Không sửa các cột khác, không xóa trang ẩn."
    )
    last_column = get_column_letter(len(HEADERS))
    for number, height in ((1, 32), (2, 16), (3, 16), (4, 32)):  # title lines wrap across
        sheet.merge_cells(f"A{number}:{last_column}{number}")  # the table's width, no more
        sheet[f"A{number}"].alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[number].height = height
    header_row = 6
    fill = PatternFill("solid", fgColor="FFF2CC")
    for column, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = sheet.cell(row=header_row, column=column, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if title in FILLED:
            cell.fill = fill
        sheet.column_dimensions[get_column_letter(column)].width = width
    first = header_row + 1
    for offset, row in enumerate(content.rows):
        given = [
            row.task_id,
            row.title,
            row.role.value,
            row.deadline,
            row.state,
            row.occurrence or "",
        ]
        for column, value in enumerate(given, start=1):
            written = sheet.cell(row=first + offset, column=column, value=value)
            written.alignment = Alignment(wrap_text=True, vertical="top")
        # Neither openpyxl nor LibreOffice sizes a wrapped row: as many lines as the
        # longest cell needs at its column's width (about one character a width unit).
        lines = max(
            -(-len(str(value)) // max(1, width - 2))
            for value, width in zip(given, WIDTHS, strict=False)
        )
        sheet.row_dimensions[first + offset].height = 15 * max(1, lines)
        for column in range(len(given) + 1, len(HEADERS) + 1):
            blank = sheet.cell(row=first + offset, column=column)
            blank.fill = fill
            blank.alignment = Alignment(wrap_text=True, vertical="top")
            if HEADERS[column - 1] == "Ngày":
                blank.number_format = "DD/MM/YYYY"
    last = first + max(len(content.rows), 1) - 1
    status_column = HEADERS.index("Trạng thái") + 1
    letter = get_column_letter(status_column)
    words = ",".join(STATUS_WORDS)
    validation = DataValidation(
        type="list",
        formula1=f'"{words}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Trạng thái không hợp lệ",
        error="Hãy chọn một trong: " + ", ".join(STATUS_WORDS) + ".",
    )
    sheet.add_data_validation(validation)
    validation.add(f"{letter}{first}:{letter}{last}")
    sheet.freeze_panes = f"C{first}"
    from kehoach.render.xlsx import print_landscape

    print_landscape(sheet)  # as the reports' sheets, the header repeated on each page
    sheet.print_title_rows = f"{header_row}:{header_row}"

    meta = book.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    row_number = 1
    for key, value in content.meta().items():
        meta.cell(row=row_number, column=1, value=key)
        meta.cell(row=row_number, column=2, value=value)
        row_number += 1
    meta.cell(row=row_number, column=1, value="header_row")
    meta.cell(row=row_number, column=2, value=str(header_row))
    row_number += 2
    for column, title in enumerate(("task", "fingerprint", "role", "occurrence"), start=1):
        meta.cell(row=row_number, column=column, value=title)
    for form_row in content.rows:
        row_number += 1
        values = [form_row.task_id, form_row.fingerprint, form_row.role.code]
        values.append(form_row.occurrence or "")
        for column, value in enumerate(values, start=1):
            meta.cell(row=row_number, column=column, value=value)
    stamp = dt.datetime.combine(content.issued_on, dt.time())
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.title = content.title
    book.properties.creator = "kehoach"
    path.parent.mkdir(parents=True, exist_ok=True)
    import io

    from kehoach.atomic import write_atomic

    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue())


@dataclass
class RawRow:
    """One filled row as read: where it is, the task id and the four answers."""

    where: str  # "phieu.xlsx, trang 'Báo cáo', dòng 9"
    task_id: str
    values: dict[str, Any]

    @property
    def blank(self) -> bool:
        """Nothing written in the columns the body fills."""
        return all(_text(self.values.get(title)) == "" for title in FILLED)


@dataclass
class IssuedTask:
    fingerprint: str
    role: str
    occurrence: str


@dataclass
class RawForm:
    path: Path
    meta: dict[str, str]
    issued: dict[str, IssuedTask]
    rows: list[RawRow] = field(default_factory=list)
    sheet: str = SHEET


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()


def read_xlsx(path: Path) -> RawForm:
    """Read a filled form; InputError (naming the file) when it is not one of ours."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(
            message_text("form-unreadable", name=name, reason=os_reason(exc))
        ) from None
    if size > MAX_BYTES:
        raise InputError(message_text("form-sheet-too-large", name=name, size=size // 1024 // 1024))
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(
            message_text("form-bad-excel-file", name=name, reason=_reason(exc))
        ) from None
    if META_SHEET not in book.sheetnames:
        raise InputError(message_text("form-no-meta-sheet", name=name, meta_sheet=META_SHEET))
    meta_sheet = book[META_SHEET]
    meta: dict[str, str] = {}
    issued: dict[str, IssuedTask] = {}
    in_tasks = False
    for cells in meta_sheet.iter_rows(values_only=True):
        first = _text(cells[0] if cells else None)
        if not first:
            continue
        if first == "task":
            in_tasks = True
            continue
        texts = [_text(c) for c in cells[:4]] + [""] * 4
        if in_tasks:
            issued[first] = IssuedTask(texts[1], texts[2], texts[3])
        else:
            meta[first] = texts[1]
    if not meta.get("format", "").startswith("kehoach-form/"):
        raise InputError(message_text("form-foreign-meta-sheet", name=name, meta_sheet=META_SHEET))
    sheet_name = SHEET if SHEET in book.sheetnames else book.sheetnames[0]
    sheet = book[sheet_name]
    form = RawForm(path, meta, issued, sheet=sheet_name)
    header_row: int | None = None
    columns: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, 60)):
        titles = {_text(cell.value): cell.column for cell in row if cell.value is not None}
        if "Mã" in titles and "Trạng thái" in titles:
            header_row = row[0].row
            columns = {title: int(column) for title, column in titles.items()}
            break
    if header_row is None:
        raise InputError(message_text("form-sheet-no-header", name=name, sheet=sheet_name))
    missing = [title for title in ("Mã", *FILLED) if title not in columns]
    if missing:
        raise InputError(
            message_text(
                "form-sheet-missing-columns",
                name=name,
                sheet=sheet_name,
                row=header_row,
                missing=", ".join(missing),
            )
        )
    for row in sheet.iter_rows(min_row=header_row + 1):
        number = row[0].row
        by_column = {cell.column: cell.value for cell in row}
        task_id = _text(by_column.get(columns["Mã"]))
        values = {title: by_column.get(columns[title]) for title in READ if title in columns}
        if not task_id and all(_text(values.get(title)) == "" for title in FILLED):
            continue
        where = f"{name}, trang '{sheet_name}', dòng {number}"
        form.rows.append(RawRow(where, task_id, values))
    return form
