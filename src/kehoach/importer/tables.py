"""Task tables: "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian".

The header row names the columns; synonyms are recognised whatever their diacritics
or case. Each later row is one task. A row with content but no lead, partner or time
("I | Công tác tuyên truyền | | |") is a group heading; a row of column numbers
("(1) | (2) | (3)") is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kehoach.text import fold

if TYPE_CHECKING:
    from kehoach.importer.reading import Para
    from kehoach.importer.structure import Unplaced

__all__ = ["Table", "TableRow", "column_of", "read_table"]

# Order matters: the first synonym a header cell starts with decides its column.
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("stt", "tt", "so tt", "so thu tu")),
    ("partners", ("co quan phoi hop", "don vi phoi hop", "co quan, don vi phoi hop", "phoi hop")),
    ("lead", (
        "co quan chu tri", "don vi chu tri", "co quan, don vi chu tri", "co quan thuc hien",
        "don vi thuc hien", "co quan, don vi thuc hien", "chu tri", "co quan phu trach",
        "don vi phu trach",
    )),
    ("deadline", (
        "thoi gian", "thoi han", "tien do", "hoan thanh", "nam hoan thanh",
    )),
    ("content", (
        "noi dung nhiem vu", "nhiem vu", "noi dung", "ten nhiem vu", "cong viec",
        "ten de an", "de an", "ten van ban",
    )),
)  # fmt: skip
_NUMBERING_ROW = re.compile(r"^\(?\d{1,2}\)?$")


@dataclass
class TableRow:
    line: int
    content: str
    lead: str = ""
    partners: str = ""
    deadline: str = ""
    note: str = ""
    group: bool = False


@dataclass
class Table:
    columns: dict[int, str]
    rows: list[TableRow | Unplaced] = field(default_factory=list)


def column_of(header: str) -> str | None:
    """The column a header cell names: content, lead, partners, deadline, number."""
    folded = re.sub(r"[^a-z0-9, ]", "", fold(header)).strip()
    for column, synonyms in _COLUMNS:
        if any(
            folded == s or folded.startswith(s + " ") or folded.startswith(s + ",")
            for s in synonyms
        ):
            return column
    return None


def read_table(rows: list[Para]) -> Table | None:
    """The tasks of a table, or None when its header names no task content."""
    from kehoach.importer.structure import Unplaced

    if not rows or rows[0].cells is None:
        return None
    header = rows[0].cells
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        column = column_of(cell)
        if column is not None and column not in columns.values():
            columns[index] = column
    if "content" not in columns.values() or not {"lead", "deadline"} & set(columns.values()):
        return None
    table = Table(columns)
    extra = {i: header[i] for i in range(len(header)) if i not in columns and header[i]}
    for row in rows[1:]:
        cells = row.cells or ()
        if all(_NUMBERING_ROW.match(c.strip()) or not c.strip() for c in cells):
            continue  # "(1) | (2) | (3)": the column numbers printed under the header
        values = {name: cells[i].strip() for i, name in columns.items() if i < len(cells)}
        if [fold(c) for c in cells] == [fold(c) for c in header]:
            continue  # the header repeated on a new page
        content = values.get("content", "")
        if not content:
            table.rows.append(Unplaced(row.line, row.text, "dòng bảng không có nội dung nhiệm vụ"))
            continue
        notes = [
            f"{extra[i]}: {cells[i].strip()}" for i in extra if i < len(cells) and cells[i].strip()
        ]
        task = TableRow(
            row.line,
            content,
            lead=values.get("lead", ""),
            partners=values.get("partners", ""),
            deadline=values.get("deadline", "").rstrip("."),
            note="\n".join(notes),
        )
        number = values.get("number", "")
        task.group = not (task.lead or task.partners or task.deadline) and not re.fullmatch(
            r"\d+[.)]?", number
        )
        table.rows.append(task)
    return table
