"""Spreadsheets: .xlsx task tables (openpyxl) and .csv files as Excel saves them.

Every sheet is read, in workbook order, each as one table (hidden sheets too: nothing
is skipped unseen). The rows above a sheet's header row ("KẾ HOẠCH …", "Số: …") are
returned as paragraphs, so the plan's title and number are read as in a document; the
header and every row under it are table rows. A merged range gives its value to its
first column and, in the rows under its first row, repeats it (:attr:`Para.merged`),
so a lead or a deadline merged over several tasks applies to each; the columns it
covers to the right are blank (:attr:`Para.spans`). Dates become "31/12/2024", whole
numbers lose their ".0"; a day number in a deadline column (a date cell left in the
"General" format shows 46295) becomes the date it counts. Only the cells that exist
are visited (never the whole rectangle a stray formatted cell could declare).

A sheet without a recognisable header is returned as table rows all the same, so the
table reader reports it (an indicator table, or a table it could not read), never as
loose paragraphs.

A .csv (UTF-8, with or without the BOM Excel writes) is split on ";" or "," or a tab,
whichever the header row uses most, or the one a first line "sep=;" names (Excel
writes it); quoted cells may hold line breaks. Its ``line`` is
the physical line a record starts on; blank cells under a lead or deadline inherit
from the row above (see :mod:`kehoach.importer.tables`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kehoach.errors import InputError
from kehoach.importer.reading import Para, _clean
from kehoach.importer.tables import column_of, find_header
from kehoach.messages import text as message_text

__all__ = ["read_csv", "read_xlsx", "rows_to_paras"]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "có" if value else "không"
    return str(value)


def _cell(value: Any) -> str:
    return "\n".join(c for c in (_clean(p) for p in _text(value).split("\n")) if c)


# Excel's day numbers for 2000-01-01 .. 2099-12-31: a deadline cell in the "General"
# format shows the date as this number (a year, "2026", is far below).
_SERIALS = range(36_526, 73_051)


def _serial_date(text: str) -> str:
    """ "46295" in a deadline column → "30/09/2026" (Excel counts days from 1899-12-30)."""
    if text.isdigit() and int(text) in _SERIALS:
        return (dt.date(1899, 12, 30) + dt.timedelta(days=int(text))).strftime("%d/%m/%Y")
    return text


def rows_to_paras(
    rows: Iterable[tuple[int, int, list[str], tuple[int, ...], tuple[int, ...]]],
    *,
    table: int,
    origin: str,
    sheet: str = "",
    title_paragraphs: bool = True,
) -> list[Para]:
    """(line, row, cells, merged, spans) → paragraphs above the header (when
    *title_paragraphs*; else table rows the table reader skips as its title), rows from
    the header on."""
    kept = [r for r in rows if any(c.strip() for c in r[2])]
    width = max((max((i for i, c in enumerate(r[2]) if c.strip()), default=0) for r in kept),
                default=-1) + 1  # fmt: skip
    header = find_header([r[2][:width] for r in kept], within=12)
    deadlines = (
        {i for i, c in enumerate(kept[header][2]) if column_of(c) == "deadline"}
        if header is not None
        else set()
    )
    out: list[Para] = []
    for position, (line, row, cells, merged, spans) in enumerate(kept):
        cells = (cells + [""] * width)[:width]
        if header is not None and position > header:
            cells = [_serial_date(c) if i in deadlines else c for i, c in enumerate(cells)]
        if header is not None and position < header and title_paragraphs:
            text = " ".join(c for c in cells if c)
            out.append(
                Para(line, tuple(text.split("\n")), row=row, sheet=sheet, table=table,
                     origin=origin)
            )  # fmt: skip
            continue
        out.append(
            Para(
                line,
                (" | ".join(c for c in cells if c),),
                cells=tuple(cells),
                table=table,
                row=row,
                sheet=sheet,
                header=position == header,
                merged=tuple(i for i in merged if i < width),
                spans=tuple(i for i in spans if i < width),
                origin=origin,
            )
        )
    return out


def read_xlsx(path: Path) -> list[Para]:
    """Every sheet of an .xlsx workbook, sheet after sheet."""
    from kehoach.importer.reading import _reason, misnamed
    from kehoach.importer.zipguard import check_archive

    check_archive(path, "bảng tính Excel (.xlsx)")
    misnamed(path, "word/document.xml", "văn bản Word", ".docx")
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency
        raise InputError(message_text("import-no-openpyxl")) from exc
    try:
        with warnings.catch_warnings():  # openpyxl warns in English about odd parts
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(str(path), data_only=True)
        out: list[Para] = []
        line = 0
        for number, sheet in enumerate(workbook.worksheets, 1):
            rows, line = _sheet_rows(sheet, line)
            out.extend(
                rows_to_paras(
                    rows, table=number, origin="xlsx", sheet=sheet.title,
                    title_paragraphs=number == 1,  # the plan's own title, number and date
                )
            )  # fmt: skip
    except InputError:
        raise
    except MemoryError as exc:
        raise InputError(message_text("import-xlsx-too-large", name=path.name)) from exc
    except Exception as exc:  # openpyxl and its XML parser raise many kinds on a broken part
        raise InputError(
            message_text("import-bad-xlsx", name=path.name, reason=_reason(exc))
        ) from exc
    return out  # no text at all: the import finds no task (exit 1)


def _sheet_rows(
    sheet: Any, line: int
) -> tuple[list[tuple[int, int, list[str], tuple[int, ...], tuple[int, ...]]], int]:
    values: dict[tuple[int, int], str] = {}
    for (row, column), cell in getattr(sheet, "_cells", {}).items():  # only cells that exist
        text = _cell(cell.value)
        if text:
            values[(row, column)] = text
    merged_below: dict[tuple[int, int], str] = {}
    spans: set[tuple[int, int]] = set()
    for area in sheet.merged_cells.ranges:
        top = values.get((area.min_row, area.min_col), "")
        for row in range(area.min_row, area.max_row + 1):
            for column in range(area.min_col, area.max_col + 1):
                if (row, column) == (area.min_row, area.min_col):
                    continue
                if column == area.min_col:
                    merged_below[(row, column)] = top
                else:
                    spans.add((row, column))
        if (area.max_row - area.min_row + 1) * (area.max_col - area.min_col + 1) > 1_000_000:
            raise InputError(
                message_text("import-merged-too-large", title=sheet.title, coord=area.coord)
            )
    by_row: dict[int, set[int]] = {}
    for row, column in (*values, *merged_below):
        by_row.setdefault(row, set()).add(column)
    rows_at = sorted(by_row)
    out = []
    for row in rows_at:
        width = max(by_row[row])
        cells = [""] * width
        merged: list[int] = []
        span: list[int] = []
        for column in range(1, width + 1):
            if (row, column) in merged_below:
                cells[column - 1] = merged_below[(row, column)]
                merged.append(column - 1)
            elif (row, column) in spans:
                span.append(column - 1)
            else:
                cells[column - 1] = values.get((row, column), "")
        out.append((line + row, row, cells, tuple(merged), tuple(span)))
    last = max(rows_at, default=0)
    return out, line + last


def read_csv(text: str, name: str = "") -> list[Para]:
    """A .csv as Excel writes it: ";" or "," separated, quoted cells with line breaks."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    start = 1
    if first.lower().startswith("sep=") and len(first.strip()) == 5 and text.startswith(first):
        delimiter = first.strip()[4]  # Excel's "sep=;" line names the separator
        text = text.split("\n", 1)[1] if "\n" in text else ""
        start = 2
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    offset = start - 1
    rows = []
    try:
        for number, record in enumerate(reader, 1):
            cells = [_cell(c) for c in record]
            rows.append((start, number, cells, (), ()))
            start = offset + reader.line_num + 1
    except csv.Error as exc:
        raise InputError(
            message_text("import-bad-csv", name=name, line=offset + reader.line_num)
        ) from exc
    return rows_to_paras(rows, table=1, origin="csv")  # empty: the import finds no task
